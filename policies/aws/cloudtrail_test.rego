package palisade.rules.aws.cloudtrail_test

import data.palisade.rules.aws.cloudtrail

trail(extra) := object.union({"id": "t", "name": "main", "is_multi_region_trail": true, "enable_log_file_validation": true, "tags": {}}, extra)

paths(t) := {f.path | some f in cloudtrail.deny with input as {"aws": {"cloudtrail": {"trails": [t]}}}; f.rule == "AWS-CT-001"}

test_compliant_trail_passes if {
	count(paths(trail({}))) == 0
}

test_single_region_fires if {
	paths(trail({"is_multi_region_trail": false})) == {["is_multi_region_trail"]}
}

test_validation_off_fires if {
	paths(trail({"enable_log_file_validation": false})) == {["enable_log_file_validation"]}
}

test_both_fire_separately if {
	paths(object.remove(trail({}), ["is_multi_region_trail", "enable_log_file_validation"])) == {["is_multi_region_trail"], ["enable_log_file_validation"]}
}

test_facts if {
	fs := cloudtrail.deny with input as {"aws": {"cloudtrail": {"trails": [trail({"is_multi_region_trail": false})]}}}
	some f in fs
	f.facts.name == "main"
	f.facts.setting == "is_multi_region_trail"
}

test_unknown_passes if {
	count(paths(trail({"is_multi_region_trail": {"__unknown__": true}, "enable_log_file_validation": {"__unknown__": true}}))) == 0
}
