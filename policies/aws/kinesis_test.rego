package palisade.rules.aws.kinesis_test

import data.palisade.rules.aws.kinesis

unk := {"__unknown__": true}

stream(extra) := object.union({"id": "s", "name": "clicks", "encryption_type": "KMS", "kms_key_id": "alias/aws/kinesis", "retention_period": 168, "tags": {"criticality": "critical"}}, extra)

firehose(extra) := object.union({"id": "f", "name": "clicks-to-s3", "source": "direct_put", "server_side_encryption": {"enabled": true, "key_type": "AWS_OWNED_CMK"}}, extra)

findings(id, streams, fh) := [f | some f in kinesis.deny with input as {"aws": {"kinesis": {"streams": streams, "firehose_streams": fh}}}; f.rule == id]

test_compliant_passes if {
	count(kinesis.deny) == 0 with input as {"aws": {"kinesis": {"streams": [stream({})], "firehose_streams": [firehose({})]}}}
}

test_unencrypted_stream_fires if {
	[f] := findings("AWS-KINESIS-001", [stream({"encryption_type": "NONE"})], [])
	f.path == ["encryption_type"]
	f.facts.name == "clicks"
	count(findings("AWS-KINESIS-001", [stream({"encryption_type": unk})], [])) == 0
}

test_short_retention_critical_fires if {
	[f] := findings("AWS-KINESIS-002", [stream({"retention_period": 24})], [])
	f.path == ["retention_period"]
	f.facts == {"name": "clicks", "retention": 24, "minimum": 168}
}

test_retention_not_critical_or_unknown_passes if {
	count(findings("AWS-KINESIS-002", [stream({"retention_period": 24, "tags": {"criticality": "low"}})], [])) == 0
	count(findings("AWS-KINESIS-002", [stream({"retention_period": unk})], [])) == 0
}

test_firehose_unencrypted_fires if {
	[f] := findings("AWS-KINESIS-003", [], [firehose({"server_side_encryption": {"enabled": false}})])
	f.path == ["server_side_encryption", "enabled"]
	f.facts.name == "clicks-to-s3"
}

test_firehose_stream_source_or_unknown_passes if {
	count(findings("AWS-KINESIS-003", [], [firehose({"source": "kinesis_stream", "server_side_encryption": {"enabled": false}})])) == 0
	count(findings("AWS-KINESIS-003", [], [firehose({"server_side_encryption": {"enabled": unk}})])) == 0
	count(findings("AWS-KINESIS-003", [], [firehose({"server_side_encryption": unk})])) == 0
}
