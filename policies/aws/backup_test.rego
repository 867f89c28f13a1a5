package palisade.rules.aws.backup_test

import data.palisade.rules.aws.backup

unk := {"__unknown__": true}

plan(rules, tags) := {"id": "p", "name": "daily", "region": "us-east-1", "rules": rules, "selections": [{"resources": ["arn:aws:dynamodb:us-east-1:111122223333:table/orders"]}], "tags": tags}

rule(extra) := object.union(
	{
		"rule_name": "daily", "target_vault_name": "main", "lifecycle": {"delete_after": 35},
		"copy_actions": [{"destination_vault_arn": "arn:aws:backup:us-west-2:111122223333:backup-vault:dr"}],
	},
	extra,
)

vault(extra) := object.union({"id": "v", "name": "main", "kms_key_arn": "arn:aws:kms:us-east-1:111122223333:key/k", "lock": {"enabled": true}}, extra)

critical := {"criticality": "critical"}

findings(id, plans, vaults) := [f | some f in backup.deny with input as {"aws": {"backup": {"plans": plans, "vaults": vaults}}}; f.rule == id]

test_compliant_passes if {
	count(backup.deny) == 0 with input as {"aws": {"backup": {"plans": [plan([rule({})], critical)], "vaults": [vault({})]}}}
}

test_short_retention_fires if {
	[f] := findings("AWS-BACKUP-001", [plan([rule({"lifecycle": {"delete_after": 3}})], {})], [])
	f.path == ["rules", 0, "lifecycle", "delete_after"]
	f.facts == {"name": "daily", "rule": "daily", "retention": 3, "minimum": 7}
}

test_retention_configurable if {
	fs := [f |
		some f in backup.deny with input as {"aws": {"backup": {"plans": [plan([rule({})], {})]}}, "config": {"min_backup_retention_days": 90}}
		f.rule == "AWS-BACKUP-001"
	]
	count(fs) == 1
}

test_retention_unset_or_unknown_passes if {
	count(findings("AWS-BACKUP-001", [plan([object.remove(rule({}), ["lifecycle"])], {})], [])) == 0
	count(findings("AWS-BACKUP-001", [plan([rule({"lifecycle": {"delete_after": unk}})], {})], [])) == 0
	count(findings("AWS-BACKUP-001", [plan([unk], {})], [])) == 0
}

test_vault_without_lock_fires if {
	[f] := findings("AWS-BACKUP-002", [], [vault({"lock": {"enabled": false}})])
	f.path == ["lock", "enabled"]
	f.facts.name == "main"
	count(findings("AWS-BACKUP-002", [], [vault({"lock": {"enabled": unk}})])) == 0
}

test_vault_aws_managed_key_fires if {
	[f] := findings("AWS-BACKUP-003", [], [object.remove(vault({}), ["kms_key_arn"])])
	f.path == ["kms_key_arn"]
	count(findings("AWS-BACKUP-003", [], [vault({"kms_key_arn": "arn:aws:kms:us-east-1:111122223333:alias/aws/backup"})])) == 1
	count(findings("AWS-BACKUP-003", [], [vault({"kms_key_arn": null})])) == 1
}

test_vault_key_unknown_passes if {
	count(findings("AWS-BACKUP-003", [], [vault({"kms_key_arn": unk})])) == 0
}

test_critical_plan_without_copy_fires if {
	[f] := findings("AWS-BACKUP-004", [plan([rule({"copy_actions": []})], critical)], [])
	f.path == ["rules", 0]
	f.facts == {"name": "daily", "rule": "daily"}
}

test_critical_plan_same_region_copy_fires if {
	same := rule({"copy_actions": [{"destination_vault_arn": "arn:aws:backup:us-east-1:111122223333:backup-vault:copy"}]})
	count(findings("AWS-BACKUP-004", [plan([same], critical)], [])) == 1
}

test_copy_unknown_or_not_critical_passes if {
	count(findings("AWS-BACKUP-004", [plan([rule({"copy_actions": []})], {})], [])) == 0
	count(findings("AWS-BACKUP-004", [plan([rule({"copy_actions": unk})], critical)], [])) == 0
	count(findings("AWS-BACKUP-004", [plan([rule({"copy_actions": [unk]})], critical)], [])) == 0
	count(findings("AWS-BACKUP-004", [plan([rule({"copy_actions": [{"destination_vault_arn": unk}]})], critical)], [])) == 0
	count(findings("AWS-BACKUP-004", [plan([unk], critical)], [])) == 0
}

test_plan_without_selection_fires if {
	[f] := findings("AWS-BACKUP-005", [object.union(plan([rule({})], {}), {"selections": []})], [])
	f.path == ["selections"]
	f.facts.name == "daily"
}

test_plan_with_or_unknown_selection_passes if {
	count(findings("AWS-BACKUP-005", [object.union(plan([rule({})], {}), {"selections": [{"resources": ["arn:aws:ec2:*:*:volume/*"]}]})], [])) == 0
	count(findings("AWS-BACKUP-005", [object.union(plan([rule({})], {}), {"selections": {"__unknown__": true}})], [])) == 0
}
