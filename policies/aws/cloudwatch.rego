# CloudWatch log groups and metric alarms.
package palisade.rules.aws.cloudwatch

import data.palisade.lib

cw := object.get(input.aws, "cloudwatch", {})

log_groups := object.get(cw, "log_groups", [])

alarms := object.get(cw, "metric_alarms", [])

# The log group's name, or its address when the name is generated (name_prefix).
label(g) := g.name if is_string(g.name)

else := g.id

# AWS-CW-001: log groups encrypted with a customer managed KMS key.
deny contains lib.finding("AWS-CW-001", g, ["kms_key_id"], {"name": label(g)}) if {
	some g in log_groups
	not lib.has_key(g, "kms_key_id")
}

# AWS-CW-002: log groups expire their events (retention 0 keeps them, and bills them, forever).
deny contains lib.finding("AWS-CW-002", g, ["retention_in_days"], {"name": label(g)}) if {
	some g in log_groups
	g.retention_in_days == 0
}

# AWS-CW-003: retention within the organisation's bounds.
retention_problem(days) := "is shorter than the minimum" if {
	days > 0
	days < lib.config_value("min_log_retention_days", 365)
}

retention_problem(days) := "exceeds the maximum" if {
	maximum := lib.config_value("max_log_retention_days", null)
	is_number(maximum)
	days > maximum
}

retention_problem(days) := "is unlimited, beyond the maximum" if {
	days == 0
	is_number(lib.config_value("max_log_retention_days", null))
}

deny contains lib.finding("AWS-CW-003", g, ["retention_in_days"], facts) if {
	some g in log_groups
	days := g.retention_in_days
	is_number(days)
	problem := retention_problem(days)
	facts := {
		"name": label(g),
		"days": days,
		"problem": problem,
		"minimum": lib.config_value("min_log_retention_days", 365),
		"maximum": lib.config_value("max_log_retention_days", "none"),
	}
}

# A tag value among configured values (case-insensitive).
tag_in(obj, key, values) if {
	v := lib.tags(obj)[key]
	is_string(v)
	lower(v) in {lower(x) | some x in values}
}

critical(obj) if tag_in(obj, lib.config_value("criticality_tag", "criticality"), lib.config_value("critical_values", ["critical"]))

monitored_kinds := {
	"RDS instance": object.get(object.get(input.aws, "rds", {}), "instances", []),
	"load balancer": [lb | some lb in object.get(object.get(input.aws, "elb", {}), "load_balancers", []); object.get(lb, "load_balancer_type", "application") == "application"],
	"Auto Scaling group": object.get(object.get(input.aws, "autoscaling", {}), "groups", []),
}

# AWS-CW-004: critical RDS instances, application load balancers and Auto Scaling groups have a metric alarm.
deny contains lib.finding("AWS-CW-004", obj, ["metric_alarms"], {"name": lib.display_name(obj), "kind": kind}) if {
	some kind, objs in monitored_kinds
	some obj in objs
	critical(obj)
	alarms_of := object.get(obj, "metric_alarms", [])
	lib.known(alarms_of)
	count(alarms_of) == 0
}

action_lists := ["alarm_actions", "ok_actions", "insufficient_data_actions"]

no_actions(a) if {
	every k in action_lists {
		is_array(a[k])
		count(a[k]) == 0
	}
}

# AWS-CW-005: alarms notify or act when they change state.
deny contains lib.finding("AWS-CW-005", a, ["alarm_actions"], {"name": a.alarm_name}) if {
	some a in alarms
	a.actions_enabled == true
	no_actions(a)
}

deny contains lib.finding("AWS-CW-005", a, ["actions_enabled"], {"name": a.alarm_name}) if {
	some a in alarms
	a.actions_enabled == false
}
