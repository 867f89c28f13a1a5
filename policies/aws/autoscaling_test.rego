package palisade.rules.aws.autoscaling_test

import data.palisade.rules.aws.autoscaling

group(extra) := object.union({"id": "g", "name": "web", "min_size": 2, "max_size": 6, "vpc_zone_identifier": ["subnet-a", "subnet-b"]}, extra)

paths(g) := {f.path | some f in autoscaling.deny with input as {"aws": {"autoscaling": {"groups": [g]}}}}

test_two_instances_two_subnets_passes if {
	count(paths(group({}))) == 0
}

test_min_size_one_fires if {
	paths(group({"min_size": 1})) == {["min_size"]}
	fs := autoscaling.deny with input as {"aws": {"autoscaling": {"groups": [group({"min_size": 1})]}}}
	some f in fs
	f.rule == "AWS-ASG-001"
	f.facts.min_size == 1
}

test_min_size_unknown_passes if {
	count(paths(group({"min_size": {"__unknown__": true}}))) == 0
}

test_single_subnet_fires if {
	paths(group({"vpc_zone_identifier": ["subnet-a"]})) == {["vpc_zone_identifier"]}
}

test_single_zone_without_subnets_fires if {
	g := object.remove(group({"availability_zones": ["eu-west-1a"]}), ["vpc_zone_identifier"])
	paths(g) == {["availability_zones"]}
}

test_single_zone_with_subnets_passes if {
	count(paths(group({"availability_zones": ["eu-west-1a"]}))) == 0
}

test_two_zones_passes if {
	g := object.remove(group({"availability_zones": ["eu-west-1a", "eu-west-1b"]}), ["vpc_zone_identifier"])
	count(paths(g)) == 0
}

test_both_problems_fire_separately if {
	paths(group({"min_size": 1, "vpc_zone_identifier": ["subnet-a"]})) == {["min_size"], ["vpc_zone_identifier"]}
}

test_unknown_subnets_pass if {
	count(paths(group({"vpc_zone_identifier": {"__unknown__": true}}))) == 0
	count(paths(group({"vpc_zone_identifier": [{"__unknown__": true}]}))) == 0
}

u := {"__unknown__": true}

rule_findings(id, g) := [f | some f in autoscaling.deny with input as {"aws": {"autoscaling": {"groups": [g]}}}; f.rule == id]

test_no_scaling_policies_fires if {
	[f] := rule_findings("AWS-ASG-002", group({"scaling_policies": []}))
	f.path == ["scaling_policies"]
	f.facts == {"name": "web", "min_size": 2, "max_size": 6}
}

test_scaling_policies_pass if {
	count(rule_findings("AWS-ASG-002", group({"scaling_policies": [{"name": "cpu", "policy_type": "TargetTrackingScaling"}]}))) == 0
	# a fixed-size group does not scale
	count(rule_findings("AWS-ASG-002", group({"scaling_policies": [], "max_size": 2}))) == 0
	# not folded (other sources) or unknown sizes
	count(rule_findings("AWS-ASG-002", group({}))) == 0
	count(rule_findings("AWS-ASG-002", group({"scaling_policies": [], "max_size": u}))) == 0
	count(rule_findings("AWS-ASG-002", group({"scaling_policies": u}))) == 0
}

test_ec2_health_check_behind_lb_fires if {
	[f] := rule_findings("AWS-ASG-003", group({"health_check_type": "EC2", "target_group_arns": [u]}))
	f.path == ["health_check_type"]
	[g] := rule_findings("AWS-ASG-003", group({"health_check_type": "EC2", "load_balancers": ["web-elb"]}))
	g.facts.name == "web"
}

test_elb_health_check_or_no_lb_passes if {
	count(rule_findings("AWS-ASG-003", group({"health_check_type": "ELB", "target_group_arns": ["arn"]}))) == 0
	count(rule_findings("AWS-ASG-003", group({"health_check_type": "EC2", "target_group_arns": [], "load_balancers": []}))) == 0
	count(rule_findings("AWS-ASG-003", group({"health_check_type": u, "target_group_arns": ["arn"]}))) == 0
	count(rule_findings("AWS-ASG-003", group({"health_check_type": "EC2", "target_group_arns": u}))) == 0
}

test_launch_configuration_fires if {
	[f] := rule_findings("AWS-ASG-004", group({"launch_configuration": "web-lc"}))
	f.path == ["launch_configuration"]
	count(rule_findings("AWS-ASG-004", group({"launch_configuration": u}))) == 0
}

test_launch_template_passes if {
	count(rule_findings("AWS-ASG-004", group({"launch_template": {"id": "lt-1"}}))) == 0
	count(rule_findings("AWS-ASG-004", group({"launch_configuration": null}))) == 0
	count(rule_findings("AWS-ASG-004", group({"launch_configuration": ""}))) == 0
}

spot(pct, extra) := group(object.union({"mixed_instances_policy": {"instances_distribution": {"on_demand_percentage_above_base_capacity": pct}}}, extra))

test_spot_without_rebalance_fires if {
	[f] := rule_findings("AWS-ASG-005", spot(0, {"capacity_rebalance": false}))
	f.path == ["capacity_rebalance"]
	f.facts.on_demand_percentage == 0
	count(rule_findings("AWS-ASG-005", spot(50, {}))) == 1
}

test_spot_rebalance_or_on_demand_passes if {
	count(rule_findings("AWS-ASG-005", spot(0, {"capacity_rebalance": true}))) == 0
	count(rule_findings("AWS-ASG-005", spot(100, {}))) == 0
	count(rule_findings("AWS-ASG-005", spot(u, {}))) == 0
	count(rule_findings("AWS-ASG-005", spot(0, {"capacity_rebalance": u}))) == 0
}
