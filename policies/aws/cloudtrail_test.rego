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

# ---- AWS-CT-002 … AWS-CT-005 ----

good_trail := {
	"id": "t",
	"name": "org-audit",
	"is_multi_region_trail": true,
	"enable_log_file_validation": true,
	"include_global_service_events": true,
	"enable_logging": true,
	"kms_key_id": "arn:aws:kms:eu-west-1:111122223333:key/k",
	"cloud_watch_logs_group_arn": "arn:aws:logs:eu-west-1:111122223333:log-group:trail:*",
}

trail_findings(rule, t) := [f | some f in cloudtrail.deny with input as {"aws": {"cloudtrail": {"trails": [t]}}}; f.rule == rule]

test_new_trail_rules_pass_on_good_trail if {
	count([f | some f in cloudtrail.deny with input as {"aws": {"cloudtrail": {"trails": [good_trail]}}}]) == 0
	count([f | some f in cloudtrail.deny with input as {"aws": {}}]) == 0
}

test_kms_missing_fires if {
	[f] := trail_findings("AWS-CT-002", object.remove(good_trail, ["kms_key_id"]))
	f.path == ["kms_key_id"]
	count(trail_findings("AWS-CT-002", object.union(good_trail, {"kms_key_id": {"__unknown__": true}}))) == 0
}

test_cloudwatch_missing_fires if {
	[f] := trail_findings("AWS-CT-003", object.remove(good_trail, ["cloud_watch_logs_group_arn"]))
	f.path == ["cloud_watch_logs_group_arn"]
	count(trail_findings("AWS-CT-003", object.union(good_trail, {"cloud_watch_logs_group_arn": {"__unknown__": true}}))) == 0
}

test_logging_stopped_fires if {
	[f] := trail_findings("AWS-CT-004", object.union(good_trail, {"enable_logging": false}))
	f.path == ["enable_logging"]
	count(trail_findings("AWS-CT-004", object.union(good_trail, {"enable_logging": {"__unknown__": true}}))) == 0
}

test_global_events_fires if {
	[f] := trail_findings("AWS-CT-005", object.union(good_trail, {"include_global_service_events": false}))
	f.path == ["include_global_service_events"]
	count(trail_findings("AWS-CT-005", object.union(good_trail, {"include_global_service_events": {"__unknown__": true}}))) == 0
}

# ---- AWS-CT-006 ----

phi_bucket := {"id": "b", "name": "acme-phi", "tags": {"data-classification": "PHI"}}

plain_bucket := {"id": "b2", "name": "acme-assets", "tags": {}}

sel_trail(basic, advanced) := object.union(good_trail, {"event_selectors": basic, "advanced_event_selectors": advanced})

data_findings(trails, buckets) := [f | some f in cloudtrail.deny with input as {"aws": {"cloudtrail": {"trails": trails}, "s3": {"buckets": buckets}}}; f.rule == "AWS-CT-006"]

basic(rw, values) := {"read_write_type": rw, "include_management_events": true, "data_resources": [{"type": "AWS::S3::Object", "values": values}]}

test_data_events_missing_fires if {
	[f] := data_findings([sel_trail([], [])], [phi_bucket, plain_bucket])
	f.object == "b"
	f.path == ["data_events"]
	f.facts == {"name": "acme-phi", "missing": "read and write"}
}

test_data_events_partial_fires if {
	[f] := data_findings([sel_trail([basic("WriteOnly", ["arn:aws:s3:::acme-phi/"])], [])], [phi_bucket])
	f.facts.missing == "read"
	[g] := data_findings([sel_trail([basic("All", ["arn:aws:s3:::other/"]), {"read_write_type": "All", "data_resources": [{"type": "AWS::Lambda::Function", "values": ["arn:aws:lambda"]}]}], [])], [phi_bucket])
	g.facts.missing == "read and write"
}

test_basic_selectors_cover if {
	count(data_findings([sel_trail([basic("All", ["arn:aws:s3:::acme-phi/"])], [])], [phi_bucket])) == 0
	count(data_findings([sel_trail([basic("All", ["arn:aws:s3"])], [])], [phi_bucket])) == 0
	count(data_findings([sel_trail([basic("ReadOnly", ["arn:aws:s3:::acme-phi"])], []), sel_trail([basic("WriteOnly", ["arn:aws:s3:::"])], [])], [phi_bucket])) == 0
}

adv(fields) := {"name": "s3", "field_selectors": fields}

cat_data := {"field": "eventCategory", "equals": ["Data"]}

type_s3 := {"field": "resources.type", "equals": ["AWS::S3::Object"]}

test_advanced_selectors_cover if {
	count(data_findings([sel_trail([], [adv([cat_data, type_s3])])], [phi_bucket])) == 0
	count(data_findings([sel_trail([], [adv([cat_data, type_s3, {"field": "resources.ARN", "starts_with": ["arn:aws:s3:::acme-phi/"]}])])], [phi_bucket])) == 0
	count(data_findings([sel_trail([], [adv([cat_data, type_s3, {"field": "resources.ARN", "equals": ["arn:aws:s3:::acme-phi/"]}])])], [phi_bucket])) == 0
	count(data_findings([sel_trail([], [adv([cat_data, type_s3, {"field": "readOnly", "equals": ["true"]}]), adv([cat_data, type_s3, {"field": "readOnly", "equals": ["false"]}])])], [phi_bucket])) == 0
}

test_advanced_selectors_exclude if {
	[f] := data_findings([sel_trail([], [adv([cat_data, type_s3, {"field": "resources.ARN", "not_starts_with": ["arn:aws:s3:::acme-phi/"]}])])], [phi_bucket])
	f.facts.missing == "read and write"
	[g] := data_findings([sel_trail([], [adv([cat_data, type_s3, {"field": "resources.ARN", "starts_with": ["arn:aws:s3:::other/"]}]), adv([cat_data, type_s3, {"field": "readOnly", "equals": ["false"]}])])], [phi_bucket])
	g.facts.missing == "read"
	count(data_findings([sel_trail([], [adv([{"field": "eventCategory", "equals": ["Management"]}])])], [phi_bucket])) == 1
}

test_data_events_unknown_or_no_trail_passes if {
	count(data_findings([sel_trail([basic("All", [{"__unknown__": true}])], [])], [phi_bucket])) == 0
	count(data_findings([sel_trail([{"__unknown__": true}], [])], [phi_bucket])) == 0
	count(data_findings([sel_trail([], [adv([cat_data, {"__unknown__": true}])])], [phi_bucket])) == 0
	count(data_findings([], [phi_bucket])) == 0
	count(data_findings([good_trail], [phi_bucket])) == 0
	count(data_findings([sel_trail([], [])], [object.union(phi_bucket, {"name": {"__unknown__": true}})])) == 0
	count(data_findings([sel_trail([], [])], [object.union(phi_bucket, {"tags": {"__unknown__": true}})])) == 0
}
