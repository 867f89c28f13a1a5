# DynamoDB tables.
package palisade.rules.aws.dynamodb

import data.palisade.lib

tables := object.get(object.get(input.aws, "dynamodb", {}), "tables", [])

# A tag value among configured values (case-insensitive).
tag_in(obj, key, values) if {
	v := lib.tags(obj)[key]
	is_string(v)
	lower(v) in {lower(x) | some x in values}
}

# Tagged business-critical (tag key and values are configurable).
critical(obj) if tag_in(obj, lib.config_value("criticality_tag", "criticality"), lib.config_value("critical_values", ["critical"]))

# Tagged as holding personal or health data (classification tag and values are configurable).
sensitive(obj) if tag_in(obj, lib.config_value("classification_tag", "data-classification"), lib.config_value("sensitive_classifications", ["personal", "health", "pii", "phi"]))

classification(obj) := lib.tags(obj)[lib.config_value("classification_tag", "data-classification")]

# AWS-DYNAMODB-001: point-in-time recovery restores a table to any second of the last 35 days.
deny contains lib.finding("AWS-DYNAMODB-001", t, ["point_in_time_recovery", "enabled"], {"name": t.name}) if {
	some t in tables
	pitr := object.get(t, "point_in_time_recovery", {})
	lib.known(pitr)
	lib.not_true(pitr, "enabled")
}

# AWS-DYNAMODB-002: tables of personal or health data encrypt with a customer managed KMS key.
deny contains lib.finding("AWS-DYNAMODB-002", t, ["server_side_encryption", "kms_key_arn"], {"name": t.name, "classification": classification(t)}) if {
	some t in tables
	sensitive(t)
	sse := object.get(t, "server_side_encryption", {})
	lib.known(sse)
	not customer_key(sse)
}

customer_key(sse) if {
	sse.enabled == true
	k := sse.kms_key_arn
	not is_aws_managed(k)
}

customer_key(sse) if lib.unknown(sse.enabled)

is_aws_managed(k) if k == null

is_aws_managed(k) if {
	is_string(k)
	contains(k, "alias/aws/")
}

# AWS-DYNAMODB-003: provisioned tables scale their capacity, or traffic beyond it is throttled.
deny contains lib.finding("AWS-DYNAMODB-003", t, ["billing_mode"], {"name": t.name}) if {
	some t in tables
	t.billing_mode == "PROVISIONED"
	scaling := object.get(t, "autoscaling", {})
	lib.known(scaling)
	some dimension in ["read_capacity", "write_capacity"]
	lib.not_true(scaling, dimension)
}

# AWS-DYNAMODB-004: deletion protection stops a table from being deleted by a stray destroy.
deny contains lib.finding("AWS-DYNAMODB-004", t, ["deletion_protection_enabled"], {"name": t.name}) if {
	some t in tables
	lib.not_true(t, "deletion_protection_enabled")
}

# AWS-DYNAMODB-005: critical tables are global tables with a replica in another region.
deny contains lib.finding("AWS-DYNAMODB-005", t, ["replicas"], {"name": t.name}) if {
	some t in tables
	critical(t)
	replicas := object.get(t, "replicas", [])
	is_array(replicas)
	count(replicas) == 0
}
