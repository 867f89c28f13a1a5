# Data governance across AWS data stores.
package palisade.rules.aws.governance

import data.palisade.lib

# Data stores and their display name.
data_stores contains {"object": b, "name": b.name, "kind": "S3 bucket"} if some b in object.get(object.get(input.aws, "s3", {}), "buckets", [])

data_stores contains {"object": db, "name": db.identifier, "kind": "RDS instance"} if some db in object.get(object.get(input.aws, "rds", {}), "instances", [])

data_stores contains {"object": c, "name": c.cluster_identifier, "kind": "RDS cluster"} if some c in object.get(object.get(input.aws, "rds", {}), "clusters", [])

data_stores contains {"object": t, "name": t.name, "kind": "DynamoDB table"} if some t in object.get(object.get(input.aws, "dynamodb", {}), "tables", [])

data_stores contains {"object": f, "name": lib.display_name(f), "kind": "EFS file system"} if some f in object.get(object.get(input.aws, "efs", {}), "file_systems", [])

data_stores contains {"object": c, "name": c.cluster_identifier, "kind": "Redshift cluster"} if some c in object.get(object.get(input.aws, "redshift", {}), "clusters", [])

data_stores contains {"object": d, "name": d.domain_name, "kind": "OpenSearch domain"} if some d in object.get(object.get(input.aws, "opensearch", {}), "domains", [])

# AWS-GOV-001: a data store must say what class of data it holds.
deny contains lib.finding("AWS-GOV-001", s.object, ["tags"], {"name": s.name, "kind": s.kind, "tag": tag}) if {
	some s in data_stores
	lib.tags_known(s.object)
	tag := lib.config_value("classification_tag", "data-classification")
	object.get(lib.tags(s.object), tag, null) == null
}

# Every object of the model (for residency), with a kind label from its collection.
all_objects contains {"object": o, "service": service, "kind": kind_label(service, collection)} if {
	some service, collections in input.aws
	is_object(collections)
	some collection, objs in collections
	is_array(objs)
	some o in objs
	is_object(o)
}

kind_labels := {
	"s3.buckets": "S3 bucket",
	"rds.instances": "RDS instance",
	"rds.clusters": "RDS cluster",
	"dynamodb.tables": "DynamoDB table",
	"ec2.instances": "EC2 instance",
	"ec2.volumes": "EBS volume",
	"ec2.snapshots": "EBS snapshot",
	"ec2.launch_templates": "Launch template",
	"lambda.functions": "Lambda function",
	"ecs.task_definitions": "ECS task definition",
	"ecs.services": "ECS service",
	"efs.file_systems": "EFS file system",
	"backup.vaults": "Backup vault",
	"sqs.queues": "SQS queue",
	"sns.topics": "SNS topic",
	"kinesis.streams": "Kinesis stream",
	"autoscaling.groups": "Auto Scaling group",
	"stepfunctions.state_machines": "Step Functions state machine",
}

kind_label(service, collection) := l if {
	l := kind_labels[concat(".", [service, collection])]
} else := concat(".", [service, collection])

# The object's own name field when it has one, else its Name tag, else its id.
object_name(o) := n if {
	some key in ["name", "identifier", "function_name", "family", "bucket"]
	n := o[key]
	is_string(n)
} else := lib.display_name(o)

allowed_regions := lib.config_value("allowed_regions", [])

# Residency is checked only when `allowed_regions` is configured.
outside_allowed(region) if {
	is_array(allowed_regions)
	count(allowed_regions) > 0
	is_string(region)
	not region in allowed_regions
}

# Global services keep no data in the provider's region (IAM, CloudFront), and CloudFront-scoped
# web ACLs must be created in us-east-1 whatever the data's region.
global_services := {"iam", "cloudfront", "route53", "organizations", "globalaccelerator", "shield"}

regional(s) if {
	not s.service in global_services
	object.get(s.object, "scope", "") != "CLOUDFRONT"
}

# AWS-GOV-002: resources deployed in a region outside the allowed ones.
deny contains lib.finding("AWS-GOV-002", s.object, ["region"], facts) if {
	some s in all_objects
	regional(s)
	region := s.object.region
	outside_allowed(region)
	facts := {"name": object_name(s.object), "kind": s.kind, "region": region, "allowed": allowed_regions}
}

# Copies of data that leave the resource's region: replication, replicas, backup copies.
data_copies contains {"object": b, "path": ["replication", "rules", n, "destination_region"], "region": r.destination_region, "name": b.name, "what": "S3 replication destination"} if {
	some b in object.get(object.get(input.aws, "s3", {}), "buckets", [])
	some n, r in object.get(object.get(b, "replication", {}), "rules", [])
	is_object(r)
}

data_copies contains {"object": t, "path": ["replicas", n, "region_name"], "region": r.region_name, "name": t.name, "what": "DynamoDB replica"} if {
	some t in object.get(object.get(input.aws, "dynamodb", {}), "tables", [])
	some n, r in object.get(t, "replicas", [])
	is_object(r)
}

data_copies contains {"object": p, "path": ["rules", n, "copy_actions", m, "destination_vault_arn"], "region": arn_region(c.destination_vault_arn), "name": p.name, "what": "AWS Backup copy destination"} if {
	some p in object.get(object.get(input.aws, "backup", {}), "plans", [])
	some n, rule in object.get(p, "rules", [])
	is_object(rule)
	some m, c in object.get(rule, "copy_actions", [])
	is_object(c)
}

# The region of an ARN (arn:partition:service:region:account:resource).
arn_region(arn) := parts[3] if {
	is_string(arn)
	parts := split(arn, ":")
	count(parts) > 4
	parts[3] != ""
}

# AWS-GOV-003: copies of data sent to a region outside the allowed ones.
deny contains lib.finding("AWS-GOV-003", c.object, c.path, facts) if {
	some c in data_copies
	outside_allowed(c.region)
	facts := {"name": c.name, "what": c.what, "region": c.region, "allowed": allowed_regions}
}

classification_tag := lib.config_value("classification_tag", "data-classification")

classification(o) := v if {
	v := lib.tags(o)[classification_tag]
	is_string(v)
}

# AWS-GOV-004: classification values outside the organisation's scheme (`allowed_classifications`, off until configured).
deny contains lib.finding("AWS-GOV-004", s.object, ["tags", classification_tag], facts) if {
	allowed := lib.config_value("allowed_classifications", [])
	is_array(allowed)
	count(allowed) > 0
	lowered := {lower(a) | some a in allowed; is_string(a)}
	some s in all_objects
	v := classification(s.object)
	not lower(v) in lowered
	facts := {"name": object_name(s.object), "kind": s.kind, "tag": classification_tag, "classification": v, "allowed": allowed}
}

# Personal or health data by the classification tag (case-insensitive).
sensitive(o) if {
	v := classification(o)
	lower(v) in {lower(c) | some c in lib.config_value("sensitive_classifications", ["personal", "health", "phi", "pii"])}
}

# AWS-GOV-005: stores of personal or health data encrypt with a customer managed KMS key.
# S3 buckets without KMS encryption at all are AWS-S3-011's: this rule covers SSE-KMS with the AWS managed key.
deny contains lib.finding("AWS-GOV-005", b, ["encryption", "kms_key_id"], facts) if {
	some b in object.get(object.get(input.aws, "s3", {}), "buckets", [])
	sensitive(b)
	enc := b.encryption
	is_object(enc)
	alg := enc.algorithm
	is_string(alg)
	startswith(alg, "aws:kms")
	object.get(enc, "kms_key_id", null) == null
	facts := {"kind": "S3 bucket", "name": b.name, "classification": classification(b)}
}

deny contains lib.finding("AWS-GOV-005", db, ["kms_key_id"], facts) if {
	some db in object.get(object.get(input.aws, "rds", {}), "instances", [])
	sensitive(db)
	lib.known(object.get(db, "storage_encrypted", false))
	object.get(db, "kms_key_id", null) == null
	facts := {"kind": "RDS instance", "name": db.identifier, "classification": classification(db)}
}
