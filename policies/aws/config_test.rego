package palisade.rules.aws.config_test

import data.palisade.rules.aws.config

rec(id, group, extra) := object.union({"id": id, "name": id, "recording_group": object.union({"all_supported": true, "include_global_resource_types": true, "resource_types": []}, group)}, extra)

findings(rule, recs) := [f | some f in config.deny with input as {"aws": {"config": {"recorders": recs}}}; f.rule == rule]

test_good_recorder_passes if {
	count([f | some f in config.deny with input as {"aws": {"config": {"recorders": [rec("r", {}, {"is_enabled": true})]}}}]) == 0
	count([f | some f in config.deny with input as {"aws": {}}]) == 0
}

test_not_all_supported_fires if {
	[f] := findings("AWS-CONFIG-001", [rec("r", {"all_supported": false, "resource_types": ["AWS::EC2::Instance"]}, {})])
	f.path == ["recording_group", "all_supported"]
	count(findings("AWS-CONFIG-001", [rec("r", {"all_supported": {"__unknown__": true}}, {})])) == 0
	count(findings("AWS-CONFIG-001", [rec("r", {}, {"recording_group": {"__unknown__": true}})])) == 0
}

test_no_global_fires if {
	[f] := findings("AWS-CONFIG-002", [rec("r", {"include_global_resource_types": false}, {})])
	f.path == ["recording_group", "include_global_resource_types"]
}

test_global_in_another_region_passes if {
	count(findings("AWS-CONFIG-002", [rec("r", {"include_global_resource_types": false}, {}), rec("r2", {}, {})])) == 0
	count(findings("AWS-CONFIG-002", [rec("r", {"include_global_resource_types": false}, {}), rec("r2", {"include_global_resource_types": {"__unknown__": true}}, {})])) == 0
	count(findings("AWS-CONFIG-002", [rec("r", {"include_global_resource_types": false}, {}), {"id": "r2", "name": "r2", "recording_group": {"__unknown__": true}}])) == 0
}

test_stopped_recorder_fires if {
	[f] := findings("AWS-CONFIG-003", [rec("r", {}, {"is_enabled": false})])
	f.path == ["is_enabled"]
	count(findings("AWS-CONFIG-003", [rec("r", {}, {"is_enabled": {"__unknown__": true}})])) == 0
	count(findings("AWS-CONFIG-003", [rec("r", {}, {})])) == 0
}
