package palisade.rules.aws.efs_test

import data.palisade.rules.aws.efs

unk := {"__unknown__": true}

fs(extra) := object.union(
	{
		"id": "f", "encrypted": true, "backup_policy": {"status": "ENABLED"},
		"lifecycle_policies": [{"transition_to_ia": "AFTER_30_DAYS"}], "tags": {"Name": "shared"},
	},
	extra,
)

findings(id, f) := [x | some x in efs.deny with input as {"aws": {"efs": {"file_systems": [f]}}}; x.rule == id]

test_compliant_passes if {
	count(efs.deny) == 0 with input as {"aws": {"efs": {"file_systems": [fs({})]}}}
}

test_unencrypted_fires if {
	[f] := findings("AWS-EFS-001", fs({"encrypted": false}))
	f.path == ["encrypted"]
	f.facts.name == "shared"
	[g] := findings("AWS-EFS-001", object.remove(fs({"encrypted": false}), ["tags"]))
	g.facts.name == "f"
}

test_encrypted_unknown_passes if {
	count(findings("AWS-EFS-001", fs({"encrypted": unk}))) == 0
}

test_backup_disabled_fires if {
	[f] := findings("AWS-EFS-002", fs({"backup_policy": {"status": "DISABLED"}}))
	f.path == ["backup_policy", "status"]
	count(findings("AWS-EFS-002", object.remove(fs({}), ["backup_policy"]))) == 1
}

test_backup_unknown_passes if {
	count(findings("AWS-EFS-002", fs({"backup_policy": {"status": unk}}))) == 0
	count(findings("AWS-EFS-002", fs({"backup_policy": unk}))) == 0
}

test_no_lifecycle_fires if {
	[f] := findings("AWS-EFS-003", fs({"lifecycle_policies": []}))
	f.path == ["lifecycle_policies"]
	count(findings("AWS-EFS-003", fs({"lifecycle_policies": [{"transition_to_primary_storage_class": "AFTER_1_ACCESS"}]}))) == 1
}

test_lifecycle_archive_or_unknown_passes if {
	count(findings("AWS-EFS-003", fs({"lifecycle_policies": [{"transition_to_archive": "AFTER_90_DAYS"}]}))) == 0
	count(findings("AWS-EFS-003", fs({"lifecycle_policies": [unk]}))) == 0
	count(findings("AWS-EFS-003", fs({"lifecycle_policies": unk}))) == 0
}
