# Data governance across AWS data stores.
package palisade.rules.aws.governance

import data.palisade.lib

# Data stores and their display name.
data_stores contains {"object": b, "name": b.name, "kind": "S3 bucket"} if some b in object.get(object.get(input.aws, "s3", {}), "buckets", [])

data_stores contains {"object": db, "name": db.identifier, "kind": "RDS instance"} if some db in object.get(object.get(input.aws, "rds", {}), "instances", [])

# AWS-GOV-001: a data store must say what class of data it holds.
deny contains lib.finding("AWS-GOV-001", s.object, ["tags"], {"name": s.name, "kind": s.kind, "tag": tag}) if {
	some s in data_stores
	lib.tags_known(s.object)
	tag := lib.config_value("classification_tag", "data-classification")
	object.get(lib.tags(s.object), tag, null) == null
}
