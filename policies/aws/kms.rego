# KMS keys.
package palisade.rules.aws.kms

import data.palisade.lib

keys := object.get(object.get(input.aws, "kms", {}), "keys", [])

# Only symmetric encryption keys support automatic rotation.
symmetric(k) if {
	k.key_usage == "ENCRYPT_DECRYPT"
	k.customer_master_key_spec == "SYMMETRIC_DEFAULT"
}

# AWS-KMS-001: automatic rotation of symmetric customer managed keys (CIS 3.6).
deny contains lib.finding("AWS-KMS-001", k, ["enable_key_rotation"], {"name": lib.display_name(k)}) if {
	some k in keys
	symmetric(k)
	lib.not_true(k, "enable_key_rotation")
}

# "*" as principal, bare or as Principal.AWS.
any_principal(st) if st.Principal == "*"

any_principal(st) if st.Principal.AWS == "*"

any_principal(st) if {
	is_array(st.Principal.AWS)
	"*" in st.Principal.AWS
}

# AWS-KMS-002: a key policy statement that lets every principal use or manage the key, unconditionally.
deny contains lib.finding("AWS-KMS-002", k, ["policy", "Statement", i], {"name": lib.display_name(k), "statement": i}) if {
	some k in keys
	doc := k.policy
	lib.known(doc)
	some i, st in doc.Statement
	st.Effect == "Allow"
	any_principal(st)
	not lib.has_key(st, "Condition")
}

# AWS-KMS-003: a deletion window long enough to notice and cancel a scheduled deletion.
deny contains lib.finding("AWS-KMS-003", k, ["deletion_window_in_days"], {"name": lib.display_name(k), "days": k.deletion_window_in_days, "minimum": minimum}) if {
	some k in keys
	minimum := lib.config_value("min_kms_deletion_window_days", 30)
	lib.number_below(k, "deletion_window_in_days", minimum)
}

# AWS-KMS-004: multi-Region keys replicate key material outside the key's home region (advisory).
deny contains lib.finding("AWS-KMS-004", k, ["multi_region"], {"name": lib.display_name(k)}) if {
	some k in keys
	k.multi_region == true
}
