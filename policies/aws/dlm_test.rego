package palisade.rules.aws.dlm_test

import data.palisade.rules.aws.dlm

unk := {"__unknown__": true}

policy(extra) := object.union(
	{
		"id": "d", "description": "daily snapshots", "state": "ENABLED", "policy_type": "EBS_SNAPSHOT_MANAGEMENT",
		"resource_types": ["VOLUME"], "schedules": [{"name": "daily", "retain_rule": {"count": 14}}], "tags": {"Name": "ebs-daily"},
	},
	extra,
)

findings(id, p) := [f | some f in dlm.deny with input as {"aws": {"dlm": {"lifecycle_policies": [p]}}}; f.rule == id]

test_compliant_passes if {
	count(dlm.deny) == 0 with input as {"aws": {"dlm": {"lifecycle_policies": [policy({})]}}}
}

test_low_count_fires if {
	[f] := findings("AWS-DLM-001", policy({"schedules": [{"name": "daily", "retain_rule": {"count": 3}}]}))
	f.path == ["schedules", 0, "retain_rule", "count"]
	f.facts == {"name": "ebs-daily", "schedule": "daily", "retained": "3 snapshots", "minimum": "7 snapshots"}
}

test_short_interval_fires if {
	[f] := findings("AWS-DLM-001", policy({"schedules": [{"name": "daily", "retain_rule": {"interval": 3, "interval_unit": "DAYS"}}]}))
	f.path == ["schedules", 0, "retain_rule", "interval"]
	f.facts.retained == "3 days"
	count(findings("AWS-DLM-001", policy({"schedules": [{"retain_rule": {"interval": 2, "interval_unit": "WEEKS"}}]}))) == 0
}

test_retention_unknown_or_other_type_passes if {
	count(findings("AWS-DLM-001", policy({"schedules": [{"retain_rule": {"count": unk}}]}))) == 0
	count(findings("AWS-DLM-001", policy({"schedules": [unk]}))) == 0
	count(findings("AWS-DLM-001", policy({"policy_type": "EVENT_BASED_POLICY", "schedules": [{"retain_rule": {"count": 1}}]}))) == 0
}

test_disabled_fires if {
	[f] := findings("AWS-DLM-002", policy({"state": "DISABLED"}))
	f.path == ["state"]
	count(findings("AWS-DLM-002", policy({"state": unk}))) == 0
}

vol(tags) := {"id": "vol", "type": "gp3", "size": 100, "encrypted": true, "tags": tags}

dlm3(policies, volumes, plans) := [f |
	some f in dlm.deny with input as {"aws": {"dlm": {"lifecycle_policies": policies}, "ec2": {"volumes": volumes}, "backup": {"plans": plans}}}
	f.rule == "AWS-DLM-003"
]

targeted := policy({"target_tags": {"Backup": "daily"}})

test_uncovered_volume_fires if {
	[f] := dlm3([targeted], [vol({"Name": "data", "Backup": "none"})], [])
	f.path == []
	f.facts.name == "data"
	count(dlm3([], [vol({})], [])) == 1
	count(dlm3([policy({"state": "DISABLED", "target_tags": {"Backup": "daily"}})], [vol({"Backup": "daily"})], [])) == 1
	count(dlm3([policy({"policy_type": "IMAGE_MANAGEMENT", "target_tags": {"Backup": "daily"}})], [vol({"Backup": "daily"})], [])) == 1
}

test_covered_volume_passes if {
	count(dlm3([targeted], [vol({"Backup": "daily"})], [])) == 0
	count(dlm3([policy({"target_tags": {"__unknown__": true}})], [vol({})], [])) == 0
	count(dlm3([object.remove(policy({}), ["target_tags"])], [vol({})], [])) == 0
	count(dlm3([policy({"resource_types": ["INSTANCE"], "target_tags": {"Backup": "daily"}})], [vol({})], [])) == 0
	count(dlm3([policy({"resource_types": {"__unknown__": true}, "target_tags": {"Backup": "daily"}})], [vol({})], [])) == 0
	count(dlm3([{"id": "dp", "state": "ENABLED", "default_policy": "VOLUME", "schedules": []}], [vol({})], [])) == 0
	count(dlm3([{"id": "dp", "state": "ENABLED", "default_policy": "VOLUME", "target_tags": {"Other": "x"}, "schedules": []}], [vol({})], [])) == 0
	count(dlm3([{"id": "u", "state": "ENABLED", "policy_type": {"__unknown__": true}, "schedules": []}], [vol({})], [])) == 0
}

test_backup_plans_or_unknown_tags_pass if {
	count(dlm3([], [vol({})], [{"id": "p", "name": "daily"}])) == 0
	count(dlm3([], [vol({"__unknown__": true})], [])) == 0
}
