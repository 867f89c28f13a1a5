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
