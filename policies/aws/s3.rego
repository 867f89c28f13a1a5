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
