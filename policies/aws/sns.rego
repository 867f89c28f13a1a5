# SNS topics.
package palisade.rules.aws.sns

import data.palisade.lib

topics := object.get(object.get(input.aws, "sns", {}), "topics", [])

label(t) := t.name if is_string(t.name)

else := t.id

# AWS-SNS-001: messages stored by the topic are encrypted with KMS.
deny contains lib.finding("AWS-SNS-001", t, ["kms_master_key_id"], {"name": label(t)}) if {
	some t in topics
	object.get(t, "kms_master_key_id", null) == null
}
