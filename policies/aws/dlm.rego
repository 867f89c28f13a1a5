# Data Lifecycle Manager policies.
package palisade.rules.aws.dlm

import data.palisade.lib

policies := object.get(object.get(input.aws, "dlm", {}), "lifecycle_policies", [])

snapshot_policy(p) if p.policy_type == "EBS_SNAPSHOT_MANAGEMENT"

interval_days := {"DAYS": 1, "WEEKS": 7, "MONTHS": 30, "YEARS": 365}

# AWS-DLM-001: snapshot schedules keep enough snapshots to restore from.
deny contains lib.finding("AWS-DLM-001", p, ["schedules", i, "retain_rule", "count"], facts) if {
	some p in policies
	snapshot_policy(p)
	some i, s in p.schedules
	minimum := lib.config_value("min_snapshot_retain_count", 7)
	lib.number_below(s.retain_rule, "count", minimum)
	facts := {"name": lib.display_name(p), "schedule": object.get(s, "name", i), "retained": concat(" ", [format_int(s.retain_rule.count, 10), "snapshots"]), "minimum": concat(" ", [format_int(minimum, 10), "snapshots"])}
}

deny contains lib.finding("AWS-DLM-001", p, ["schedules", i, "retain_rule", "interval"], facts) if {
	some p in policies
	snapshot_policy(p)
	some i, s in p.schedules
	rr := s.retain_rule
	is_number(rr.interval)
	days := rr.interval * interval_days[rr.interval_unit]
	minimum := lib.config_value("min_backup_retention_days", 7)
	days < minimum
	facts := {"name": lib.display_name(p), "schedule": object.get(s, "name", i), "retained": concat(" ", [format_int(days, 10), "days"]), "minimum": concat(" ", [format_int(minimum, 10), "days"])}
}

# AWS-DLM-002: a disabled policy takes no snapshots and deletes none.
deny contains lib.finding("AWS-DLM-002", p, ["state"], {"name": lib.display_name(p)}) if {
	some p in policies
	p.state == "DISABLED"
}

# AWS-DLM-003: EBS volumes are covered by a snapshot policy (or the configuration has AWS Backup plans).
volumes := object.get(object.get(input.aws, "ec2", {}), "volumes", [])

backup_plans := object.get(object.get(input.aws, "backup", {}), "plans", [])

# Policies that may take snapshots: enabled (or unknown state) EBS snapshot policies, or of unknown type.
active_snapshot_policies contains p if {
	some p in policies
	not p.state == "DISABLED"
	snapshot_policy(p)
}

active_snapshot_policies contains p if {
	some p in policies
	not p.state == "DISABLED"
	lib.unknown(object.get(p, "policy_type", null))
}

active_snapshot_policies contains p if {
	some p in policies
	not p.state == "DISABLED"
	lib.has_key(p, "default_policy")
}

# A policy targets a volume when it shares one of its target tags (or the targets cannot be known,
# or it targets instances, whose volumes it snapshots whatever their tags).
targets(p, _) if not is_object(object.get(p, "target_tags", null))

targets(p, _) if lib.has_key(p, "default_policy")

targets(p, _) if lib.unknown(p.target_tags)

targets(p, _) if "INSTANCE" in object.get(p, "resource_types", [])

targets(p, _) if lib.unknown(object.get(p, "resource_types", []))

targets(p, v) if {
	some k, val in p.target_tags
	lib.tags(v)[k] == val
}

deny contains lib.finding("AWS-DLM-003", v, [], {"name": lib.display_name(v)}) if {
	some v in volumes
	lib.tags_known(v)
	count(backup_plans) == 0
	not covered(v)
}

covered(v) if {
	some p in active_snapshot_policies
	targets(p, v)
}
