# SQS queues.
package palisade.rules.aws.sqs

import data.palisade.lib

queues := object.get(object.get(input.aws, "sqs", {}), "queues", [])

label(q) := q.name if is_string(q.name)

else := q.id

# A tag value among configured values (case-insensitive).
tag_in(obj, key, values) if {
	v := lib.tags(obj)[key]
	is_string(v)
	lower(v) in {lower(x) | some x in values}
}

# Tagged as holding personal or health data (classification tag and values are configurable).
sensitive(obj) if tag_in(obj, lib.config_value("classification_tag", "data-classification"), lib.config_value("sensitive_classifications", ["personal", "health", "pii", "phi"]))

classification(obj) := lib.tags(obj)[lib.config_value("classification_tag", "data-classification")]

# AWS-SQS-001: messages at rest are encrypted (SSE-SQS or KMS).
deny contains lib.finding("AWS-SQS-001", q, ["sqs_managed_sse_enabled"], {"name": label(q)}) if {
	some q in queues
	q.sqs_managed_sse_enabled == false
	object.get(q, "kms_master_key_id", null) == null
}

# AWS-SQS-002: messages that keep failing move to a dead-letter queue instead of cycling until they expire.
dead_letter_queue(q) if q.is_dead_letter_queue == true

dead_letter_queue(q) if {
	is_string(q.name)
	regex.match(`(?i)(dlq|dead-?letter|deadletter)`, q.name)
}

deny contains lib.finding("AWS-SQS-002", q, ["redrive_policy"], {"name": label(q)}) if {
	some q in queues
	not dead_letter_queue(q)
	object.get(q, "redrive_policy", null) == null
}

# AWS-SQS-003: queues of personal or health data keep messages no longer than needed.
deny contains lib.finding("AWS-SQS-003", q, ["message_retention_seconds"], facts) if {
	some q in queues
	sensitive(q)
	maximum := lib.config_value("max_sensitive_message_retention_seconds", 345600)
	r := q.message_retention_seconds
	is_number(r)
	r > maximum
	facts := {"name": label(q), "retention": r, "maximum": maximum, "classification": classification(q)}
}
