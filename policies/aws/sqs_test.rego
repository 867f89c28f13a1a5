package palisade.rules.aws.sqs_test

import data.palisade.rules.aws.sqs

unk := {"__unknown__": true}

queue(extra) := object.union(
	{
		"id": "q", "name": "orders", "sqs_managed_sse_enabled": true, "message_retention_seconds": 345600,
		"redrive_policy": {"deadLetterTargetArn": "arn:aws:sqs:us-east-1:111122223333:orders-dlq", "maxReceiveCount": 5},
		"is_dead_letter_queue": false, "tags": {"data-classification": "personal"},
	},
	extra,
)

findings(id, q) := [f | some f in sqs.deny with input as {"aws": {"sqs": {"queues": [q]}}}; f.rule == id]

test_compliant_passes if {
	count(sqs.deny) == 0 with input as {"aws": {"sqs": {"queues": [queue({})]}}}
}

test_unencrypted_fires if {
	[f] := findings("AWS-SQS-001", queue({"sqs_managed_sse_enabled": false}))
	f.path == ["sqs_managed_sse_enabled"]
	f.facts.name == "orders"
	[g] := findings("AWS-SQS-001", object.remove(queue({"sqs_managed_sse_enabled": false}), ["name"]))
	g.facts.name == "q"
}

test_kms_or_unknown_passes if {
	count(findings("AWS-SQS-001", queue({"sqs_managed_sse_enabled": false, "kms_master_key_id": "alias/orders"}))) == 0
	count(findings("AWS-SQS-001", queue({"sqs_managed_sse_enabled": unk}))) == 0
}

test_no_dead_letter_queue_fires if {
	[f] := findings("AWS-SQS-002", object.remove(queue({}), ["redrive_policy"]))
	f.path == ["redrive_policy"]
}

test_dead_letter_queues_exempt if {
	count(findings("AWS-SQS-002", object.remove(queue({"is_dead_letter_queue": true}), ["redrive_policy"]))) == 0
	count(findings("AWS-SQS-002", object.remove(queue({"name": "orders-DLQ"}), ["redrive_policy"]))) == 0
	count(findings("AWS-SQS-002", queue({"redrive_policy": unk}))) == 0
}

test_long_retention_sensitive_fires if {
	[f] := findings("AWS-SQS-003", queue({"message_retention_seconds": 1209600}))
	f.path == ["message_retention_seconds"]
	f.facts == {"name": "orders", "retention": 1209600, "maximum": 345600, "classification": "personal"}
}

test_retention_unknown_or_unclassified_passes if {
	count(findings("AWS-SQS-003", queue({"message_retention_seconds": unk}))) == 0
	count(findings("AWS-SQS-003", queue({"message_retention_seconds": 1209600, "tags": {"data-classification": "internal"}}))) == 0
}
