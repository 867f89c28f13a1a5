package palisade.rules.aws.secretsmanager_test

import data.palisade.rules.aws.secretsmanager

unk := {"__unknown__": true}

secret(extra) := object.union({"id": "s", "name": "prod/db", "kms_key_id": "arn:aws:kms:us-east-1:111122223333:key/k", "recovery_window_in_days": 30, "rotation": {"enabled": true, "automatically_after_days": 30}}, extra)

findings(id, s) := [f | some f in secretsmanager.deny with input as {"aws": {"secretsmanager": {"secrets": [s]}}}; f.rule == id]

test_compliant_passes if {
	count(secretsmanager.deny) == 0 with input as {"aws": {"secretsmanager": {"secrets": [secret({})]}}}
}

test_no_rotation_fires if {
	[f] := findings("AWS-SECRETS-001", secret({"rotation": {"enabled": false}}))
	f.path == ["rotation", "enabled"]
	f.facts.name == "prod/db"
	[g] := findings("AWS-SECRETS-001", object.remove(secret({"rotation": {"enabled": false}}), ["name"]))
	g.facts.name == "s"
}

test_rotation_unknown_passes if {
	count(findings("AWS-SECRETS-001", secret({"rotation": unk}))) == 0
	count(findings("AWS-SECRETS-001", secret({"rotation": {"enabled": unk}}))) == 0
}

test_aws_managed_key_fires if {
	[f] := findings("AWS-SECRETS-002", object.remove(secret({}), ["kms_key_id"]))
	f.path == ["kms_key_id"]
	count(findings("AWS-SECRETS-002", secret({"kms_key_id": "alias/aws/secretsmanager"}))) == 1
	count(findings("AWS-SECRETS-002", secret({"kms_key_id": null}))) == 1
	count(findings("AWS-SECRETS-002", secret({"kms_key_id": unk}))) == 0
}

test_force_delete_fires if {
	[f] := findings("AWS-SECRETS-003", secret({"recovery_window_in_days": 0}))
	f.path == ["recovery_window_in_days"]
	count(findings("AWS-SECRETS-003", secret({"recovery_window_in_days": 7}))) == 0
	count(findings("AWS-SECRETS-003", secret({"recovery_window_in_days": unk}))) == 0
}
