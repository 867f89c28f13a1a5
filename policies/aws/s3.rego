# S3 buckets.
package palisade.rules.aws.s3

import data.palisade.lib

# AWS-S3-001: versioning keeps earlier object versions to recover from deletes and overwrites.
deny contains lib.finding("AWS-S3-001", b, ["versioning", "enabled"], {"name": b.name}) if {
	some b in input.aws.s3.buckets
	versioning := object.get(b, "versioning", {})
	lib.known(versioning)
	lib.not_true(versioning, "enabled")
}

public_access_flags := ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]

# AWS-S3-002: without a complete public access block, one ACL or policy change makes the bucket public.
deny contains lib.finding("AWS-S3-002", b, ["public_access_block"], {"name": b.name, "setting": "public_access_block"}) if {
	some b in input.aws.s3.buckets
	object.get(b, "public_access_block", null) == null
}

deny contains lib.finding("AWS-S3-002", b, ["public_access_block", flag], {"name": b.name, "setting": flag}) if {
	some b in input.aws.s3.buckets
	pab := b.public_access_block
	is_object(pab)
	lib.known(pab)
	some flag in public_access_flags
	lib.not_true(pab, flag)
}

# AWS-S3-003: server access logs record every request made to the bucket.
deny contains lib.finding("AWS-S3-003", b, ["logging", "enabled"], {"name": b.name}) if {
	some b in input.aws.s3.buckets
	logging := object.get(b, "logging", {})
	lib.known(logging)
	lib.not_true(logging, "enabled")
	not log_target(b)
}

# A bucket that receives other buckets' access logs: logging it into itself would loop,
# and AWS recommends against it.
log_target(b) if {
	some other in input.aws.s3.buckets
	other.id != b.id
	other.logging.enabled == true
	other.logging.target_bucket == b.name
}

buckets := object.get(object.get(input.aws, "s3", {}), "buckets", [])

# A tag value among configured values (case-insensitive).
tag_in(obj, key, values) if {
	v := lib.tags(obj)[key]
	is_string(v)
	lower(v) in {lower(x) | some x in values}
}

# Tagged business-critical (tag key and values are configurable).
critical(obj) if tag_in(obj, lib.config_value("criticality_tag", "criticality"), lib.config_value("critical_values", ["critical"]))

# Tagged as holding personal or health data (classification tag and values are configurable).
sensitive(obj) if tag_in(obj, lib.config_value("classification_tag", "data-classification"), lib.config_value("sensitive_classifications", ["personal", "health", "pii", "phi"]))

# AWS-S3-004: MFA delete, where required, makes deleting versions or suspending versioning need the root user's MFA.
mfa_delete_required(_) if lib.config_value("require_mfa_delete", false) == true

mfa_delete_required(b) if critical(b)

deny contains lib.finding("AWS-S3-004", b, ["versioning", "mfa_delete"], {"name": b.name}) if {
	some b in buckets
	mfa_delete_required(b)
	versioning := object.get(b, "versioning", {})
	lib.known(versioning)
	versioning.enabled == true
	lib.not_true(versioning, "mfa_delete")
}

# AWS-S3-005: critical and compliance-classified buckets keep objects write-once (object lock).
object_lock_required(b) if critical(b)

object_lock_required(b) if tag_in(b, lib.config_value("classification_tag", "data-classification"), lib.config_value("object_lock_classifications", ["compliance", "regulated"]))

deny contains lib.finding("AWS-S3-005", b, ["object_lock", "enabled"], {"name": b.name}) if {
	some b in buckets
	object_lock_required(b)
	lock := object.get(b, "object_lock", {})
	lib.known(lock)
	lib.not_true(lock, "enabled")
}

# AWS-S3-006: critical buckets replicate to a bucket in another region.
replication_rule_active(rule, _) if lib.unknown(rule)

replication_rule_active(rule, region) if {
	lib.known(rule)
	not rule.status == "Disabled"
	not same_region_destination(rule, region)
}

same_region_destination(rule, region) if {
	is_string(rule.destination_region)
	rule.destination_region == region
}

replicates(b) if lib.unknown(b.replication)

replicates(b) if lib.unknown(b.replication.rules)

replicates(b) if {
	some rule in b.replication.rules
	replication_rule_active(rule, object.get(b, "region", null))
}

deny contains lib.finding("AWS-S3-006", b, ["replication"], {"name": b.name}) if {
	some b in buckets
	critical(b)
	not replicates(b)
}

# AWS-S3-007: lifecycle rules expire or tier data that nobody reads any more.
has_lifecycle(b) if {
	some rule in b.lifecycle_rules
	not rule.enabled == false
}

deny contains lib.finding("AWS-S3-007", b, ["lifecycle_rules"], {"name": b.name}) if {
	some b in buckets
	is_array(object.get(b, "lifecycle_rules", []))
	not has_lifecycle(b)
}

# Statements of a known bucket policy, with their index.
statements(b) := [[i, st] |
	policy := b.policy
	is_object(policy)
	lib.known(policy)
	some i, st in policy.Statement
	is_object(st)
	lib.known(st)
]

# A statement's Sid, else its position ("#1" for the first).
statement_label(st, i) := st.Sid if is_string(st.Sid)

else := concat("", ["#", format_int(i + 1, 10)])

public_principal(p) if p == "*"

public_principal(p) if p.AWS == "*"

public_principal(p) if {
	is_array(p.AWS)
	"*" in p.AWS
}

has_condition(st) if {
	c := st.Condition
	c != {}
}

# AWS-S3-008: an Allow to Principal "*" without a condition grants every AWS user and anonymous caller.
deny contains lib.finding("AWS-S3-008", b, ["policy", "Statement", i], {"name": b.name, "statement": statement_label(st, i)}) if {
	some b in buckets
	some [i, st] in statements(b)
	st.Effect == "Allow"
	public_principal(st.Principal)
	not has_condition(st)
}

public_acls := {"public-read", "public-read-write", "authenticated-read"}

# AWS-S3-009: canned ACLs that grant everyone (or every AWS account) access.
deny contains lib.finding("AWS-S3-009", b, ["acl"], {"name": b.name, "acl": b.acl}) if {
	some b in buckets
	b.acl in public_acls
}

# AWS-S3-010: a bucket policy denies requests that do not use TLS.
insecure_transport_values := {false, "false", "False"}

denies_insecure_transport(b) if lib.unknown(b.policy)

denies_insecure_transport(b) if {
	some st in b.policy.Statement
	not lib.known(st)
}

# The statement list of a partly known policy (a `jsonencode` naming the bucket's ARN) is unknown.
denies_insecure_transport(b) if lib.unknown(b.policy.Statement)

# A Deny whose condition tests aws:SecureTransport false. A statement whose effect or whose
# condition is unknown where it would say so may be that Deny: never reported on.
denies_insecure_transport(b) if {
	some [_, st] in statements(b)
	may_deny(st)
	may_test_insecure_transport(st)
}

may_deny(st) if st.Effect == "Deny"

may_deny(st) if lib.unknown(st.Effect)

may_test_insecure_transport(st) if lib.unknown(st.Condition)

may_test_insecure_transport(st) if {
	some op in ["Bool", "BoolIfExists"]
	lib.unknown(st.Condition[op])
}

may_test_insecure_transport(st) if {
	some op in ["Bool", "BoolIfExists"]
	v := st.Condition[op]["aws:SecureTransport"]
	secure_transport_false(v)
}

secure_transport_false(v) if v in insecure_transport_values

secure_transport_false(v) if lib.unknown(v)

secure_transport_false(v) if {
	is_array(v)
	some x in v
	x in insecure_transport_values
}

secure_transport_false(v) if {
	is_array(v)
	some x in v
	lib.unknown(x)
}

deny contains lib.finding("AWS-S3-010", b, ["policy"], {"name": b.name}) if {
	some b in buckets
	not denies_insecure_transport(b)
}

# AWS-S3-011: buckets of personal or health data encrypt with KMS keys the organisation controls.
deny contains lib.finding("AWS-S3-011", b, ["encryption", "algorithm"], facts) if {
	some b in buckets
	sensitive(b)
	enc := object.get(b, "encryption", {})
	lib.known(enc)
	alg := object.get(enc, "algorithm", "AES256")
	is_string(alg)
	not startswith(alg, "aws:kms")
	facts := {"name": b.name, "algorithm": alg, "classification": lib.tags(b)[lib.config_value("classification_tag", "data-classification")]}
}

# AWS-S3-012: principals of accounts outside the trusted list.
aws_principals(p) := [p.AWS] if is_string(p.AWS)

aws_principals(p) := p.AWS if is_array(p.AWS)

account_of(s) := s if regex.match(`^[0-9]{12}$`, s)

account_of(s) := parts[4] if {
	startswith(s, "arn:")
	parts := split(s, ":")
	count(parts) > 5
	regex.match(`^[0-9]{12}$`, parts[4])
}

trusted_accounts := {format_account(a) | some a in lib.config_value("trusted_account_ids", [])}

format_account(a) := a if is_string(a)

format_account(a) := format_int(a, 10) if is_number(a)

deny contains lib.finding("AWS-S3-012", b, ["policy", "Statement", i], {"name": b.name, "account": account}) if {
	some b in buckets
	some [i, st] in statements(b)
	st.Effect == "Allow"
	some principal in aws_principals(st.Principal)
	is_string(principal)
	account := account_of(principal)
	not account in trusted_accounts
}

# AWS-S3-013: versioned buckets expire noncurrent versions, or every overwrite is kept and billed forever.
expires_noncurrent(b) if lib.unknown(b.lifecycle_rules)

expires_noncurrent(b) if {
	some rule in b.lifecycle_rules
	lib.unknown(rule)
}

expires_noncurrent(b) if {
	some rule in b.lifecycle_rules
	lib.known(rule)
	not rule.enabled == false
	lib.has_key(rule, "noncurrent_version_expiration_days")
}

deny contains lib.finding("AWS-S3-013", b, ["lifecycle_rules"], {"name": b.name}) if {
	some b in buckets
	b.versioning.enabled == true
	not expires_noncurrent(b)
}
