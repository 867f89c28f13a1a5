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

# --- storage and data rules (AWS-S3-004..013)

unk := {"__unknown__": true}

good_bucket(extra) := object.union(
	{
		"id": "g", "name": "vault", "region": "us-east-1",
		"versioning": {"enabled": true, "mfa_delete": true},
		"encryption": {"enabled": true, "algorithm": "aws:kms", "kms_key_id": "arn:aws:kms:us-east-1:111122223333:key/k"},
		"object_lock": {"enabled": true},
		"lifecycle_rules": [{"enabled": true, "noncurrent_version_expiration_days": 30}],
		"replication": {"enabled": true, "rules": [{"status": "Enabled", "destination_bucket": "arn:aws:s3:::vault-replica", "destination_region": "us-west-2"}]},
		"policy": {"Statement": [{"Effect": "Deny", "Principal": "*", "Action": ["s3:*"], "Resource": ["arn:aws:s3:::vault/*"], "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]},
		"tags": {"criticality": "Critical", "data-classification": "health"},
	},
	extra,
)

only(id, b) := [f | some f in s3.deny with input as s3_input([b]); f.rule == id]

only_cfg(id, b, cfg) := [f | some f in s3.deny with input as {"aws": {"s3": {"buckets": [b]}}, "config": cfg}; f.rule == id]

new_ids := {"AWS-S3-004", "AWS-S3-005", "AWS-S3-006", "AWS-S3-007", "AWS-S3-008", "AWS-S3-009", "AWS-S3-010", "AWS-S3-011", "AWS-S3-012", "AWS-S3-013"}

test_good_bucket_passes_new_rules if {
	fs := s3.deny with input as s3_input([good_bucket({})])
	count({f.rule | some f in fs} & new_ids) == 0
}

test_mfa_delete_critical_fires if {
	[f] := only("AWS-S3-004", good_bucket({"versioning": {"enabled": true, "mfa_delete": false}}))
	f.path == ["versioning", "mfa_delete"]
	f.facts.name == "vault"
}

test_mfa_delete_config_required_fires if {
	b := good_bucket({"tags": {"criticality": "low"}, "versioning": {"enabled": true, "mfa_delete": false}})
	count(only("AWS-S3-004", b)) == 0
	count(only_cfg("AWS-S3-004", b, {"require_mfa_delete": true})) == 1
}

test_mfa_delete_unknown_or_unversioned_passes if {
	count(only("AWS-S3-004", good_bucket({"versioning": {"enabled": true, "mfa_delete": unk}}))) == 0
	count(only("AWS-S3-004", good_bucket({"versioning": {"enabled": false, "mfa_delete": false}}))) == 0
	count(only("AWS-S3-004", good_bucket({"versioning": unk}))) == 0
}

test_object_lock_fires_for_critical_and_compliance if {
	[f] := only("AWS-S3-005", good_bucket({"object_lock": {"enabled": false}}))
	f.path == ["object_lock", "enabled"]
	count(only("AWS-S3-005", good_bucket({"object_lock": {"enabled": false}, "tags": {"criticality": "low", "data-classification": "Compliance"}}))) == 1
	count(only("AWS-S3-005", object.remove(good_bucket({}), ["object_lock"]))) == 1
}

test_object_lock_not_required_or_unknown_passes if {
	count(only("AWS-S3-005", good_bucket({"object_lock": {"enabled": false}, "tags": {"criticality": "low"}}))) == 0
	count(only("AWS-S3-005", good_bucket({"object_lock": {"enabled": unk}}))) == 0
	count(only("AWS-S3-005", good_bucket({"object_lock": {"enabled": false}, "tags": unk}))) == 0
}

test_object_lock_configurable_tag if {
	b := good_bucket({"object_lock": {"enabled": false}, "tags": {"criticality": "low", "tier": "gold"}})
	count(only("AWS-S3-005", b)) == 0
	count(only_cfg("AWS-S3-005", b, {"criticality_tag": "tier", "critical_values": ["gold"]})) == 1
}

test_replication_missing_fires if {
	[f] := only("AWS-S3-006", object.remove(good_bucket({}), ["replication"]))
	f.path == ["replication"]
}

test_replication_same_region_or_disabled_fires if {
	same := {"enabled": true, "rules": [{"status": "Enabled", "destination_region": "us-east-1"}]}
	count(only("AWS-S3-006", good_bucket({"replication": same}))) == 1
	disabled := {"enabled": true, "rules": [{"status": "Disabled", "destination_region": "us-west-2"}]}
	count(only("AWS-S3-006", good_bucket({"replication": disabled}))) == 1
}

test_replication_unknown_passes if {
	count(only("AWS-S3-006", good_bucket({"replication": unk}))) == 0
	count(only("AWS-S3-006", good_bucket({"replication": {"enabled": true, "rules": unk}}))) == 0
	count(only("AWS-S3-006", good_bucket({"replication": {"enabled": true, "rules": [unk]}}))) == 0
	count(only("AWS-S3-006", good_bucket({"replication": {"enabled": true, "rules": [{"status": "Enabled"}]}}))) == 0
}

test_lifecycle_absent_fires if {
	[f] := only("AWS-S3-007", good_bucket({"lifecycle_rules": []}))
	f.path == ["lifecycle_rules"]
	count(only("AWS-S3-007", good_bucket({"lifecycle_rules": [{"enabled": false}]}))) == 1
}

test_lifecycle_unknown_passes if {
	count(only("AWS-S3-007", good_bucket({"lifecycle_rules": unk}))) == 0
	count(only("AWS-S3-007", good_bucket({"lifecycle_rules": [{"enabled": unk}]}))) == 0
}

allow_all(extra) := {"Statement": [object.union({"Sid": "Open", "Effect": "Allow", "Principal": "*", "Action": ["s3:GetObject"], "Resource": ["arn:aws:s3:::vault/*"]}, extra)]}

test_public_policy_fires if {
	[f] := only("AWS-S3-008", good_bucket({"policy": allow_all({})}))
	f.path == ["policy", "Statement", 0]
	f.facts == {"name": "vault", "statement": "Open"}
	[g] := only("AWS-S3-008", good_bucket({"policy": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": ["s3:GetObject"]}]}}))
	g.facts.statement == "#1"
	count(only("AWS-S3-008", good_bucket({"policy": allow_all({"Principal": {"AWS": ["arn:aws:iam::111122223333:root", "*"]}})}))) == 1
}

test_public_policy_with_condition_or_unknown_passes if {
	count(only("AWS-S3-008", good_bucket({"policy": allow_all({"Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc"}}})}))) == 0
	count(only("AWS-S3-008", good_bucket({"policy": allow_all({"Principal": unk})}))) == 0
	count(only("AWS-S3-008", good_bucket({"policy": allow_all({"Effect": "Deny"})}))) == 0
	count(only("AWS-S3-008", good_bucket({"policy": unk}))) == 0
	count(only("AWS-S3-008", good_bucket({"policy": allow_all({"Condition": {"StringEquals": {"aws:SourceVpce": unk}}})}))) == 0
	count(only("AWS-S3-008", good_bucket({"policy": allow_all({"Condition": unk})}))) == 0
	count(only("AWS-S3-008", good_bucket({"policy": allow_all({"Effect": unk})}))) == 0
	count(only("AWS-S3-008", good_bucket({"policy": allow_all({"Principal": {"AWS": unk}})}))) == 0
}

test_public_policy_beside_unknowns_fires if {
	# the resource is the bucket's unknown ARN: the principal is still everyone
	[f] := only("AWS-S3-008", good_bucket({"policy": {"Statement": [unk, {"Effect": "Allow", "Principal": "*", "Action": ["s3:GetObject"], "Resource": [unk]}]}}))
	f.path == ["policy", "Statement", 1]
	count(only("AWS-S3-008", good_bucket({"policy": allow_all({"Principal": {"AWS": [unk, "*"]}})}))) == 1
}

test_public_acl_fires if {
	[f] := only("AWS-S3-009", good_bucket({"acl": "public-read"}))
	f.path == ["acl"]
	f.facts.acl == "public-read"
	count(only("AWS-S3-009", good_bucket({"acl": "authenticated-read"}))) == 1
}

test_private_or_unknown_acl_passes if {
	count(only("AWS-S3-009", good_bucket({"acl": "private"}))) == 0
	count(only("AWS-S3-009", good_bucket({"acl": unk}))) == 0
}

test_no_secure_transport_deny_fires if {
	[f] := only("AWS-S3-010", object.remove(good_bucket({}), ["policy"]))
	f.path == ["policy"]
	count(only("AWS-S3-010", good_bucket({"policy": allow_all({"Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc"}}})}))) == 1
}

deny_st(v) := {"Statement": [{"Effect": "Deny", "Principal": "*", "Condition": {"Bool": {"aws:SecureTransport": v}}}]}

test_secure_transport_variants_pass if {
	count(only("AWS-S3-010", good_bucket({"policy": deny_st(false)}))) == 0
	count(only("AWS-S3-010", good_bucket({"policy": deny_st(["false"])}))) == 0
	count(only("AWS-S3-010", good_bucket({"policy": unk}))) == 0
	count(only("AWS-S3-010", good_bucket({"policy": {"Statement": [unk]}}))) == 0
}

# A partly known policy: a statement unknown where it would deny insecure transport may do so.
test_secure_transport_unknown_parts_pass if {
	count(only("AWS-S3-010", good_bucket({"policy": {"Version": "2012-10-17", "Statement": unk}}))) == 0
	count(only("AWS-S3-010", good_bucket({"policy": deny_st(unk)}))) == 0
	count(only("AWS-S3-010", good_bucket({"policy": deny_st([unk])}))) == 0
	count(only("AWS-S3-010", good_bucket({"policy": {"Statement": [{"Effect": "Deny", "Condition": unk}]}}))) == 0
	count(only("AWS-S3-010", good_bucket({"policy": {"Statement": [{"Effect": "Deny", "Condition": {"Bool": unk}}]}}))) == 0
	count(only("AWS-S3-010", good_bucket({"policy": {"Statement": [{"Effect": unk, "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}}))) == 0
}

test_secure_transport_known_parts_fire if {
	# the resource is unknown, but no statement denies insecure transport
	count(only("AWS-S3-010", good_bucket({"policy": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": unk}, "Action": ["s3:GetObject"], "Resource": [unk]}]}}))) == 1
	count(only("AWS-S3-010", good_bucket({"policy": {"Statement": [{"Effect": "Allow", "Resource": [unk], "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}}))) == 1
	count(only("AWS-S3-010", good_bucket({"policy": {"Statement": [{"Effect": "Deny", "Resource": [unk], "Condition": {"StringEquals": unk}}]}}))) == 1
}

test_sensitive_bucket_without_kms_fires if {
	[f] := only("AWS-S3-011", good_bucket({"encryption": {"enabled": true, "algorithm": "AES256"}}))
	f.path == ["encryption", "algorithm"]
	f.facts == {"name": "vault", "algorithm": "AES256", "classification": "health"}
	count(only("AWS-S3-011", object.remove(good_bucket({}), ["encryption"]))) == 1
}

test_kms_or_unclassified_or_unknown_passes if {
	count(only("AWS-S3-011", good_bucket({"encryption": {"enabled": true, "algorithm": "aws:kms:dsse"}}))) == 0
	count(only("AWS-S3-011", good_bucket({"encryption": {"enabled": true, "algorithm": "AES256"}, "tags": {"data-classification": "public"}}))) == 0
	count(only("AWS-S3-011", good_bucket({"encryption": {"enabled": true, "algorithm": unk}}))) == 0
	count(only("AWS-S3-011", good_bucket({"encryption": unk}))) == 0
}

grant(principal) := {"Statement": [{"Effect": "Allow", "Principal": principal, "Action": ["s3:GetObject"], "Resource": ["arn:aws:s3:::vault/*"]}]}

test_cross_account_principal_fires if {
	[f] := only("AWS-S3-012", good_bucket({"policy": grant({"AWS": "arn:aws:iam::444455556666:role/reader"})}))
	f.path == ["policy", "Statement", 0]
	f.facts == {"name": "vault", "account": "444455556666"}
	count(only("AWS-S3-012", good_bucket({"policy": grant({"AWS": ["444455556666"]})}))) == 1
}

test_trusted_or_service_or_unknown_principal_passes if {
	b := good_bucket({"policy": grant({"AWS": "arn:aws:iam::444455556666:root"})})
	count(only_cfg("AWS-S3-012", b, {"trusted_account_ids": ["444455556666"]})) == 0
	count(only_cfg("AWS-S3-012", good_bucket({"policy": grant({"AWS": "444455556666"})}), {"trusted_account_ids": [444455556666]})) == 0
	count(only("AWS-S3-012", good_bucket({"policy": grant({"Service": "logging.s3.amazonaws.com"})}))) == 0
	count(only("AWS-S3-012", good_bucket({"policy": grant({"AWS": unk})}))) == 0
	count(only("AWS-S3-012", good_bucket({"policy": grant({"AWS": "arn:aws:iam::aws:policy/x"})}))) == 0
}

test_noncurrent_expiration_missing_fires if {
	[f] := only("AWS-S3-013", good_bucket({"lifecycle_rules": [{"enabled": true, "expiration_days": 365}]}))
	f.path == ["lifecycle_rules"]
	count(only("AWS-S3-013", good_bucket({"lifecycle_rules": [{"enabled": false, "noncurrent_version_expiration_days": 30}]}))) == 1
}

test_noncurrent_expiration_unversioned_or_unknown_passes if {
	count(only("AWS-S3-013", good_bucket({"versioning": {"enabled": false}, "lifecycle_rules": []}))) == 0
	count(only("AWS-S3-013", good_bucket({"lifecycle_rules": unk}))) == 0
	count(only("AWS-S3-013", good_bucket({"lifecycle_rules": [unk]}))) == 0
	count(only("AWS-S3-013", good_bucket({"lifecycle_rules": [{"enabled": true, "noncurrent_version_expiration_days": unk}]}))) == 0
}
