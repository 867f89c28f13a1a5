# Auto Scaling groups.
package palisade.rules.aws.autoscaling

import data.palisade.lib

# AWS-ASG-001: a group needs two instances in two Availability Zones to survive the loss of one.
deny contains lib.finding("AWS-ASG-001", g, ["min_size"], facts) if {
	some g in input.aws.autoscaling.groups
	lib.number_below(g, "min_size", 2)
	facts := {"name": g.name, "min_size": g.min_size, "reason": "min_size is below 2"}
}

deny contains lib.finding("AWS-ASG-001", g, path, facts) if {
	some g in input.aws.autoscaling.groups
	some path in single_zone_paths(g)
	facts := {"name": g.name, "min_size": object.get(g, "min_size", null), "reason": "all instances launch in a single Availability Zone"}
}

# The field that pins the group to one zone: a single subnet, or (no subnets) a single zone.
single_zone_paths(g) := {["vpc_zone_identifier"]} if {
	subnets := object.get(g, "vpc_zone_identifier", [])
	lib.known_list(subnets)
	count(subnets) == 1
}

single_zone_paths(g) := {["availability_zones"]} if {
	subnets := object.get(g, "vpc_zone_identifier", [])
	lib.known_list(subnets)
	count(subnets) == 0
	zones := object.get(g, "availability_zones", [])
	lib.known_list(zones)
	count(zones) == 1
}

# AWS-ASG-002: a group that may scale (max_size above min_size) needs a policy to do it.
deny contains lib.finding("AWS-ASG-002", g, ["scaling_policies"], {"name": g.name, "min_size": g.min_size, "max_size": g.max_size}) if {
	some g in input.aws.autoscaling.groups
	# only where the adapter folds policies in (absent: not known)
	policies := g.scaling_policies
	is_array(policies)
	count(policies) == 0
	is_number(g.min_size)
	is_number(g.max_size)
	g.max_size > g.min_size
}

# AWS-ASG-003: behind a load balancer, EC2 status checks miss instances that fail the target group's health checks.
deny contains lib.finding("AWS-ASG-003", g, ["health_check_type"], {"name": g.name}) if {
	some g in input.aws.autoscaling.groups
	g.health_check_type == "EC2"
	behind_load_balancer(g)
}

behind_load_balancer(g) if {
	some key in ["target_group_arns", "load_balancers"]
	l := object.get(g, key, [])
	is_array(l)
	count(l) > 0
}

# AWS-ASG-004: launch configurations are deprecated in favour of launch templates.
deny contains lib.finding("AWS-ASG-004", g, ["launch_configuration"], {"name": g.name}) if {
	some g in input.aws.autoscaling.groups
	lc := object.get(g, "launch_configuration", null)
	lc != null
	lib.known(lc)
	lc != ""
}

# AWS-ASG-005: groups running Spot capacity replace instances at elevated interruption risk ahead of time.
deny contains lib.finding("AWS-ASG-005", g, ["capacity_rebalance"], {"name": g.name, "on_demand_percentage": pct}) if {
	some g in input.aws.autoscaling.groups
	pct := g.mixed_instances_policy.instances_distribution.on_demand_percentage_above_base_capacity
	is_number(pct)
	pct < 100
	lib.not_true(g, "capacity_rebalance")
}
