package palisade.rules.aws.governance_test

import data.palisade.rules.aws.governance

bucket(tags) := {"id": "b", "name": "exports", "tags": tags}

rds(tags) := {"id": "d", "identifier": "orders", "tags": tags}

findings(inp) := [f | some f in governance.deny with input as inp; f.rule == "AWS-GOV-001"]

test_untagged_bucket_fires if {
	[f] := findings({"aws": {"s3": {"buckets": [bucket({"team": "data"})]}}})
	f.path == ["tags"]
	f.facts == {"name": "exports", "kind": "S3 bucket", "tag": "data-classification"}
}

test_untagged_rds_fires if {
	[f] := findings({"aws": {"rds": {"instances": [rds({})]}}})
	f.facts.name == "orders"
}

test_tags_absent_fires if {
	count(findings({"aws": {"s3": {"buckets": [{"id": "b", "name": "exports"}]}}})) == 1
}

test_classified_passes if {
	count(findings({"aws": {"s3": {"buckets": [bucket({"data-classification": "confidential"})]}, "rds": {"instances": [rds({"data-classification": "internal"})]}}})) == 0
}

test_configured_tag_key if {
	inp := {"aws": {"s3": {"buckets": [bucket({"data-classification": "confidential"})]}}, "config": {"classification_tag": "DataClass"}}
	[f] := findings(inp)
	f.facts.tag == "DataClass"
	count(findings({"aws": {"s3": {"buckets": [bucket({"DataClass": "public"})]}}, "config": {"classification_tag": "DataClass"}})) == 0
}

test_unknown_tags_pass if {
	count(findings({"aws": {"s3": {"buckets": [bucket({"__unknown__": true})]}}})) == 0
}

# ---- residency, classification values, customer managed keys

u := {"__unknown__": true}

eu := {"allowed_regions": ["eu-west-1", "eu-central-1"]}

gov(id, inp) := [f | some f in governance.deny with input as inp; f.rule == id]

test_residency_off_without_configuration if {
	count(gov("AWS-GOV-002", {"aws": {"s3": {"buckets": [{"id": "b", "name": "x", "region": "us-east-1"}]}}})) == 0
}

test_residency_fires_outside_allowed if {
	inp := {"aws": {"ec2": {"instances": [{"id": "i", "region": "us-east-1", "tags": {"Name": "web"}}, {"id": "j", "region": "eu-west-1"}, {"id": "k", "region": u}, {"id": "l"}]}, "x": "y", "z": {"w": 1}}, "config": eu}
	[f] := gov("AWS-GOV-002", inp)
	f.object == "i"
	f.path == ["region"]
	f.facts == {"name": "web", "kind": "EC2 instance", "region": "us-east-1", "allowed": ["eu-west-1", "eu-central-1"]}
}

test_residency_skips_global_services if {
	inp := {"aws": {"iam": {"policies": [{"id": "p", "region": "us-east-1"}]}, "waf": {"web_acls": [{"id": "w", "name": "edge", "scope": "CLOUDFRONT", "region": "us-east-1"}, {"id": "r", "name": "alb", "scope": "REGIONAL", "region": "us-east-1"}]}}, "config": eu}
	[f] := gov("AWS-GOV-002", inp)
	f.object == "r"
}

copies := {
	"s3": {"buckets": [{"id": "b", "name": "exports", "replication": {"enabled": true, "rules": [{"destination_bucket": "arn:aws:s3:::dr", "destination_region": "us-east-1"}, {"destination_bucket": "arn:aws:s3:::eu", "destination_region": "eu-central-1"}, {"destination_bucket": "arn:aws:s3:::x", "destination_region": u}, {"destination_bucket": "arn:aws:s3:::y"}]}}]},
	"dynamodb": {"tables": [{"id": "t", "name": "orders", "replicas": [{"region_name": "ap-southeast-1"}, {"region_name": "eu-west-1"}, u]}]},
	"backup": {"plans": [{"id": "p", "name": "daily", "rules": [{"copy_actions": [{"destination_vault_arn": "arn:aws:backup:us-west-2:111122223333:backup-vault:dr"}, {"destination_vault_arn": "arn:aws:backup:eu-west-1:111122223333:backup-vault:eu"}, {"destination_vault_arn": u}, u]}, u]}]},
}

test_copies_outside_allowed_fire if {
	fs := gov("AWS-GOV-003", {"aws": copies, "config": eu})
	{[f.object, f.path, f.facts.region] | some f in fs} == {
		["b", ["replication", "rules", 0, "destination_region"], "us-east-1"],
		["t", ["replicas", 0, "region_name"], "ap-southeast-1"],
		["p", ["rules", 0, "copy_actions", 0, "destination_vault_arn"], "us-west-2"],
	}
}

test_copies_off_without_configuration if {
	count(gov("AWS-GOV-003", {"aws": copies})) == 0
}

test_arn_region if {
	governance.arn_region("arn:aws:backup:eu-west-1:1:backup-vault:v") == "eu-west-1"
	not governance.arn_region("arn:aws:s3:::bucket")
	not governance.arn_region(u)
}

classes := {"allowed_classifications": ["Public", "internal", "confidential", "restricted"]}

test_classification_value_outside_scheme_fires if {
	inp := {"aws": {"s3": {"buckets": [bucket({"data-classification": "secret"}), object.union(bucket({"data-classification": "INTERNAL"}), {"id": "b2"})]}}, "config": classes}
	[f] := gov("AWS-GOV-004", inp)
	f.object == "b"
	f.path == ["tags", "data-classification"]
	f.facts.classification == "secret"
	f.facts.kind == "S3 bucket"
	f.facts.name == "exports"
}

test_kind_and_name_fallbacks if {
	governance.kind_label("x", "things") == "x.things"
	governance.object_name({"id": "o", "function_name": "fn"}) == "fn"
	governance.object_name({"id": "o", "name": {"__unknown__": true}}) == "o"
}

test_classification_value_passes if {
	count(gov("AWS-GOV-004", {"aws": {"s3": {"buckets": [bucket({"data-classification": "secret"})]}}})) == 0
	count(gov("AWS-GOV-004", {"aws": {"s3": {"buckets": [bucket({"data-classification": u}), bucket({})]}}, "config": classes})) == 0
}

test_sensitive_rds_without_cmk_fires if {
	db := {"id": "d", "identifier": "patients", "storage_encrypted": true, "tags": {"data-classification": "PHI"}}
	[f] := gov("AWS-GOV-005", {"aws": {"rds": {"instances": [db]}}})
	f.path == ["kms_key_id"]
	f.facts == {"kind": "RDS instance", "name": "patients", "classification": "PHI"}
	count(gov("AWS-GOV-005", {"aws": {"rds": {"instances": [object.union(db, {"storage_encrypted": false})]}}})) == 1
}

test_rds_with_cmk_or_not_sensitive_passes if {
	db := {"id": "d", "identifier": "patients", "storage_encrypted": true, "tags": {"data-classification": "phi"}}
	count(gov("AWS-GOV-005", {"aws": {"rds": {"instances": [object.union(db, {"kms_key_id": "arn:aws:kms:eu-west-1:1:key/k"})]}}})) == 0
	count(gov("AWS-GOV-005", {"aws": {"rds": {"instances": [object.union(db, {"kms_key_id": u})]}}})) == 0
	count(gov("AWS-GOV-005", {"aws": {"rds": {"instances": [object.union(db, {"storage_encrypted": u})]}}})) == 0
	count(gov("AWS-GOV-005", {"aws": {"rds": {"instances": [object.union(db, {"tags": {"data-classification": "internal"}})]}}})) == 0
}

test_sensitive_bucket_aws_managed_key_fires if {
	b := {"id": "b", "name": "records", "encryption": {"enabled": true, "algorithm": "aws:kms"}, "tags": {"data-classification": "health"}}
	[f] := gov("AWS-GOV-005", {"aws": {"s3": {"buckets": [b]}}})
	f.path == ["encryption", "kms_key_id"]
	count(gov("AWS-GOV-005", {"aws": {"s3": {"buckets": [object.union(b, {"encryption": {"kms_key_id": "arn:aws:kms:eu-west-1:1:key/k"}})]}}})) == 0
	# SSE-S3 is AWS-S3-011's finding
	count(gov("AWS-GOV-005", {"aws": {"s3": {"buckets": [object.union(b, {"encryption": {"algorithm": "AES256"}})]}}})) == 0
	count(gov("AWS-GOV-005", {"aws": {"s3": {"buckets": [object.union(object.remove(b, ["encryption"]), {"encryption": u})]}}})) == 0
	count(gov("AWS-GOV-005", {"aws": {"s3": {"buckets": [b]}}, "config": {"sensitive_classifications": ["restricted"]}})) == 0
}

test_other_data_stores if {
	inp := {"aws": {
		"rds": {"clusters": [{"id": "c", "cluster_identifier": "ledger", "tags": {}}]},
		"dynamodb": {"tables": [{"id": "t", "name": "sessions", "tags": {"data-classification": "internal"}}, {"id": "t2", "name": "orders", "tags": {}}]},
		"efs": {"file_systems": [{"id": "f", "tags": {"Name": "shared"}}]},
		"redshift": {"clusters": [{"id": "r", "cluster_identifier": "dw", "tags": {"__unknown__": true}}]},
		"opensearch": {"domains": [{"id": "o", "domain_name": "search", "tags": {}}]},
	}}
	{[f.object, f.facts.kind, f.facts.name] | some f in findings(inp)} == {
		["c", "RDS cluster", "ledger"],
		["t2", "DynamoDB table", "orders"],
		["f", "EFS file system", "shared"],
		["o", "OpenSearch domain", "search"],
	}
}
