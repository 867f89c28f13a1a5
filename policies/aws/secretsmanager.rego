# Secrets Manager secrets (the model never holds secret values).
package palisade.rules.aws.secretsmanager

import data.palisade.lib

secrets := object.get(object.get(input.aws, "secretsmanager", {}), "secrets", [])

label(s) := s.name if is_string(s.name)

else := s.id

# AWS-SECRETS-001: secrets rotate automatically.
deny contains lib.finding("AWS-SECRETS-001", s, ["rotation", "enabled"], {"name": label(s)}) if {
	some s in secrets
	rotation := object.get(s, "rotation", {})
	lib.known(rotation)
	lib.not_true(rotation, "enabled")
}

# AWS-SECRETS-002: secrets are encrypted with a customer managed KMS key.
deny contains lib.finding("AWS-SECRETS-002", s, ["kms_key_id"], {"name": label(s)}) if {
	some s in secrets
	aws_managed_key(s, "kms_key_id")
}

# A key that is AWS managed (the default when none is given, or an alias/aws/... key).
aws_managed_key(obj, key) if not lib.has_key(obj, key)

aws_managed_key(obj, key) if obj[key] == null

aws_managed_key(obj, key) if {
	k := obj[key]
	is_string(k)
	contains(k, "alias/aws/")
}

# AWS-SECRETS-003: a deleted secret stays recoverable for a recovery window.
deny contains lib.finding("AWS-SECRETS-003", s, ["recovery_window_in_days"], {"name": label(s)}) if {
	some s in secrets
	s.recovery_window_in_days == 0
}
