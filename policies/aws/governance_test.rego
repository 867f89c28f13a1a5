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
