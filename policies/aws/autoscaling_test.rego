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
