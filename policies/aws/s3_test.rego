package palisade.rules.aws.s3_test

import data.palisade.rules.aws.s3

bucket(extra) := object.union({"id": "b", "name": "logs"}, extra)

rule_ids(fs) := {f.rule | some f in fs}

test_versioning_missing_fires if {
	"AWS-S3-001" in rule_ids(s3.deny) with input as {"aws": {"s3": {"buckets": [bucket({})]}}}
}

test_versioning_disabled_fires if {
	fs := s3.deny with input as {"aws": {"s3": {"buckets": [bucket({"versioning": {"enabled": false}})]}}}
	some f in fs
	f.rule == "AWS-S3-001"
	f.path == ["versioning", "enabled"]
	f.facts.name == "logs"
}

test_versioning_enabled_passes if {
	not "AWS-S3-001" in rule_ids(s3.deny) with input as {"aws": {"s3": {"buckets": [bucket({"versioning": {"enabled": true}})]}}}
}

test_versioning_unknown_passes if {
	not "AWS-S3-001" in rule_ids(s3.deny) with input as {"aws": {"s3": {"buckets": [bucket({"versioning": {"enabled": {"__unknown__": true}}})]}}}
}

test_versioning_block_unknown_passes if {
	not "AWS-S3-001" in rule_ids(s3.deny) with input as {"aws": {"s3": {"buckets": [bucket({"versioning": {"__unknown__": true}})]}}}
}

has(fs, id, path) if {
	some f in fs
	f.rule == id
	f.path == path
}

full_block := {"block_public_acls": true, "block_public_policy": true, "ignore_public_acls": true, "restrict_public_buckets": true}

s3_input(buckets) := {"aws": {"s3": {"buckets": buckets}}}

test_public_access_block_missing_fires if {
	fs := s3.deny with input as s3_input([bucket({})])
	has(fs, "AWS-S3-002", ["public_access_block"])
	some f in fs
	f.rule == "AWS-S3-002"
	f.facts == {"name": "logs", "setting": "public_access_block"}
}

test_public_access_block_flag_off_fires if {
	pab := object.union(full_block, {"restrict_public_buckets": false})
	fs := s3.deny with input as s3_input([bucket({"public_access_block": pab})])
	has(fs, "AWS-S3-002", ["public_access_block", "restrict_public_buckets"])
	count([f | some f in fs; f.rule == "AWS-S3-002"]) == 1
}

test_public_access_block_flag_absent_fires if {
	pab := object.remove(full_block, ["ignore_public_acls"])
	fs := s3.deny with input as s3_input([bucket({"public_access_block": pab})])
	has(fs, "AWS-S3-002", ["public_access_block", "ignore_public_acls"])
}

test_public_access_block_full_passes if {
	not "AWS-S3-002" in rule_ids(s3.deny) with input as s3_input([bucket({"public_access_block": full_block})])
}

test_public_access_block_unknown_passes if {
	not "AWS-S3-002" in rule_ids(s3.deny) with input as s3_input([bucket({"public_access_block": {"__unknown__": true}})])
}

test_public_access_block_flag_unknown_passes if {
	pab := object.union(full_block, {"block_public_policy": {"__unknown__": true}})
	not "AWS-S3-002" in rule_ids(s3.deny) with input as s3_input([bucket({"public_access_block": pab})])
}

test_logging_missing_fires if {
	fs := s3.deny with input as s3_input([bucket({})])
	has(fs, "AWS-S3-003", ["logging", "enabled"])
}

test_logging_disabled_fires if {
	fs := s3.deny with input as s3_input([bucket({"logging": {"enabled": false}})])
	has(fs, "AWS-S3-003", ["logging", "enabled"])
}

test_logging_enabled_passes if {
	not "AWS-S3-003" in rule_ids(s3.deny) with input as s3_input([bucket({"logging": {"enabled": true, "target_bucket": "audit"}})])
}

test_logging_unknown_passes if {
	not "AWS-S3-003" in rule_ids(s3.deny) with input as s3_input([bucket({"logging": {"enabled": {"__unknown__": true}}})])
	not "AWS-S3-003" in rule_ids(s3.deny) with input as s3_input([bucket({"logging": {"__unknown__": true}})])
}

test_logging_target_bucket_exempt if {
	app := {"id": "app", "name": "app-data", "logging": {"enabled": true, "target_bucket": "access-logs"}}
	logs := {"id": "logs", "name": "access-logs"}
	fs := s3.deny with input as s3_input([app, logs])
	not has(fs, "AWS-S3-003", ["logging", "enabled"])
}
