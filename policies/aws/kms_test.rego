package palisade.rules.aws.kms_test

import data.palisade.rules.aws.kms

key(extra) := object.union(
	{
		"id": "k",
		"key_usage": "ENCRYPT_DECRYPT",
		"customer_master_key_spec": "SYMMETRIC_DEFAULT",
		"enable_key_rotation": true,
		"deletion_window_in_days": 30,
		"multi_region": false,
		"tags": {"Name": "orders"},
	},
	extra,
)

findings(rule, k) := [f | some f in kms.deny with input as {"aws": {"kms": {"keys": [k]}}}; f.rule == rule]

test_rotation_disabled_fires if {
	[f] := findings("AWS-KMS-001", key({"enable_key_rotation": false}))
	f.path == ["enable_key_rotation"]
	f.facts.name == "orders"
}

test_rotation_passes if {
	count(findings("AWS-KMS-001", key({}))) == 0
	count(findings("AWS-KMS-001", key({"enable_key_rotation": {"__unknown__": true}}))) == 0
	count(findings("AWS-KMS-001", key({"enable_key_rotation": false, "customer_master_key_spec": "RSA_2048"}))) == 0
	count(findings("AWS-KMS-001", key({"enable_key_rotation": false, "key_usage": "GENERATE_VERIFY_MAC"}))) == 0
}

doc(statement) := {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": ["kms:*"], "Resource": ["*"]}, statement]}

test_public_key_policy_fires if {
	every principal in ["*", {"AWS": "*"}, {"AWS": ["*"]}] {
		[f] := findings("AWS-KMS-002", key({"policy": doc({"Effect": "Allow", "Principal": principal, "Action": ["kms:Decrypt"], "Resource": ["*"]})}))
		f.path == ["policy", "Statement", 1]
	}
}

test_public_key_policy_passes if {
	count(findings("AWS-KMS-002", key({"policy": doc({"Effect": "Allow", "Principal": "*", "Action": ["kms:Decrypt"], "Resource": ["*"], "Condition": {"StringEquals": {"kms:CallerAccount": "111122223333"}}})}))) == 0
	count(findings("AWS-KMS-002", key({"policy": doc({"Effect": "Deny", "Principal": "*", "Action": ["kms:*"], "Resource": ["*"]})}))) == 0
	count(findings("AWS-KMS-002", key({"policy": doc({"Effect": "Allow", "Principal": {"AWS": {"__unknown__": true}}, "Action": ["kms:*"], "Resource": ["*"]})}))) == 0
	count(findings("AWS-KMS-002", key({"policy": {"__unknown__": true}}))) == 0
	count(findings("AWS-KMS-002", key({}))) == 0
}

test_deletion_window_fires if {
	[f] := findings("AWS-KMS-003", key({"deletion_window_in_days": 7}))
	f.facts == {"name": "orders", "days": 7, "minimum": 30}
}

test_deletion_window_passes if {
	count(findings("AWS-KMS-003", key({}))) == 0
	count(findings("AWS-KMS-003", key({"deletion_window_in_days": {"__unknown__": true}}))) == 0
	count([f | some f in kms.deny with input as {"aws": {"kms": {"keys": [key({"deletion_window_in_days": 10})]}}, "config": {"min_kms_deletion_window_days": 7}}; f.rule == "AWS-KMS-003"]) == 0
}

test_multi_region_fires if {
	[f] := findings("AWS-KMS-004", object.union(key({"multi_region": true}), {"tags": {"Name": 1}}))
	f.facts.name == "k"
}

test_multi_region_passes if {
	count(findings("AWS-KMS-004", key({}))) == 0
	count(findings("AWS-KMS-004", key({"multi_region": {"__unknown__": true}}))) == 0
	count([f | some f in kms.deny with input as {"aws": {}}]) == 0
}
