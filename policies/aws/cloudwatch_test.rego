package palisade.rules.aws.cloudwatch_test

import data.palisade.rules.aws.cloudwatch

lg(extra) := object.union({"id": "g", "name": "/app/api", "kms_key_id": "arn:aws:kms:eu-west-1:111122223333:key/k", "retention_in_days": 365, "tags": {}}, extra)

lg_findings(rule, g, cfg) := [f | some f in cloudwatch.deny with input as {"aws": {"cloudwatch": {"log_groups": [g]}}, "config": cfg}; f.rule == rule]

test_good_log_group_passes if {
	count([f | some f in cloudwatch.deny with input as {"aws": {"cloudwatch": {"log_groups": [lg({})]}}}]) == 0
	count([f | some f in cloudwatch.deny with input as {"aws": {}}]) == 0
}

test_log_group_without_kms_fires if {
	[f] := lg_findings("AWS-CW-001", object.remove(lg({}), ["kms_key_id"]), {})
	f.path == ["kms_key_id"]
	[g] := lg_findings("AWS-CW-001", object.remove(lg({"name": {"__unknown__": true}}), ["kms_key_id"]), {})
	g.facts.name == "g"
	count(lg_findings("AWS-CW-001", lg({"kms_key_id": {"__unknown__": true}}), {})) == 0
}

test_never_expiring_fires if {
	[f] := lg_findings("AWS-CW-002", lg({"retention_in_days": 0}), {})
	f.path == ["retention_in_days"]
	count(lg_findings("AWS-CW-002", lg({"retention_in_days": {"__unknown__": true}}), {})) == 0
}

test_retention_below_minimum_fires if {
	[f] := lg_findings("AWS-CW-003", lg({"retention_in_days": 30}), {})
	f.facts.problem == "is shorter than the minimum"
	f.facts.minimum == 365
	f.facts.maximum == "none"
}

test_retention_above_maximum_fires if {
	[f] := lg_findings("AWS-CW-003", lg({"retention_in_days": 3653}), {"max_log_retention_days": 400})
	f.facts.problem == "exceeds the maximum"
	[g] := lg_findings("AWS-CW-003", lg({"retention_in_days": 0}), {"max_log_retention_days": 400})
	g.facts.problem == "is unlimited, beyond the maximum"
}

test_retention_within_bounds_passes if {
	count(lg_findings("AWS-CW-003", lg({"retention_in_days": 400}), {"max_log_retention_days": 400})) == 0
	count(lg_findings("AWS-CW-003", lg({"retention_in_days": 0}), {})) == 0
	count(lg_findings("AWS-CW-003", lg({"retention_in_days": 30}), {"min_log_retention_days": 30})) == 0
	count(lg_findings("AWS-CW-003", lg({"retention_in_days": {"__unknown__": true}}), {})) == 0
}

crit := {"criticality": "Critical"}

monitored(inp) := {[f.object, f.facts.kind] | some f in cloudwatch.deny with input as inp; f.rule == "AWS-CW-004"}

test_critical_without_alarm_fires if {
	inp := {"aws": {
		"rds": {"instances": [{"id": "db", "tags": crit}, {"id": "db2", "tags": crit, "metric_alarms": ["cpu"]}, {"id": "db3", "tags": {}}]},
		"elb": {"load_balancers": [{"id": "alb", "tags": crit}, {"id": "nlb", "load_balancer_type": "network", "tags": crit}]},
		"autoscaling": {"groups": [{"id": "asg", "tags": crit, "metric_alarms": []}, {"id": "asg2", "tags": crit, "metric_alarms": {"__unknown__": true}}]},
	}}
	monitored(inp) == {["db", "RDS instance"], ["alb", "load balancer"], ["asg", "Auto Scaling group"]}
}

test_critical_values_configurable if {
	inp := {"aws": {"rds": {"instances": [{"id": "db", "tags": {"tier": "gold"}}]}}, "config": {"criticality_tag": "tier", "critical_values": ["gold"]}}
	monitored(inp) == {["db", "RDS instance"]}
}

alarm(extra) := object.union({"id": "al", "alarm_name": "cpu-high", "actions_enabled": true, "alarm_actions": ["arn:aws:sns:eu-west-1:111122223333:ops"], "ok_actions": [], "insufficient_data_actions": []}, extra)

alarm_findings(a) := [f | some f in cloudwatch.deny with input as {"aws": {"cloudwatch": {"metric_alarms": [a]}}}; f.rule == "AWS-CW-005"]

test_alarm_without_actions_fires if {
	[f] := alarm_findings(alarm({"alarm_actions": []}))
	f.path == ["alarm_actions"]
	[g] := alarm_findings(alarm({"actions_enabled": false}))
	g.path == ["actions_enabled"]
}

test_alarm_with_actions_passes if {
	count(alarm_findings(alarm({}))) == 0
	count(alarm_findings(alarm({"alarm_actions": [], "ok_actions": ["arn:aws:sns:eu-west-1:111122223333:ops"]}))) == 0
	count(alarm_findings(alarm({"alarm_actions": {"__unknown__": true}}))) == 0
	count(alarm_findings(alarm({"alarm_actions": [{"__unknown__": true}]}))) == 0
	count(alarm_findings(alarm({"actions_enabled": {"__unknown__": true}, "alarm_actions": []}))) == 0
}
