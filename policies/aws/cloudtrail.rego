# CloudTrail trails.
package palisade.rules.aws.cloudtrail

import data.palisade.lib

trail_checks := {
	"is_multi_region_trail": "records API activity in its home region only",
	"enable_log_file_validation": "does not sign digests, so altered or deleted log files go unnoticed",
}

# AWS-CT-001: a trail must see every region and prove its log files were not tampered with.
deny contains lib.finding("AWS-CT-001", t, [setting], {"name": t.name, "setting": setting, "problem": problem}) if {
	some t in input.aws.cloudtrail.trails
	some setting, problem in trail_checks
	lib.not_true(t, setting)
}

trails := object.get(object.get(input.aws, "cloudtrail", {}), "trails", [])

# AWS-CT-002: trail log files encrypted with a KMS key (CIS 3.5).
deny contains lib.finding("AWS-CT-002", t, ["kms_key_id"], {"name": t.name}) if {
	some t in trails
	not lib.has_key(t, "kms_key_id")
}

# AWS-CT-003: trail events delivered to CloudWatch Logs, where metric filters and alarms watch them.
deny contains lib.finding("AWS-CT-003", t, ["cloud_watch_logs_group_arn"], {"name": t.name}) if {
	some t in trails
	not lib.has_key(t, "cloud_watch_logs_group_arn")
}

# AWS-CT-004: a trail that is declared but not logging.
deny contains lib.finding("AWS-CT-004", t, ["enable_logging"], {"name": t.name}) if {
	some t in trails
	t.enable_logging == false
}

# AWS-CT-005: global service events (IAM, STS, CloudFront) recorded.
deny contains lib.finding("AWS-CT-005", t, ["include_global_service_events"], {"name": t.name}) if {
	some t in trails
	t.include_global_service_events == false
}

# ---- AWS-CT-006: S3 data events of sensitive buckets ----

buckets := object.get(object.get(input.aws, "s3", {}), "buckets", [])

# A tag value among configured values (case-insensitive).
tag_in(obj, key, values) if {
	v := lib.tags(obj)[key]
	is_string(v)
	lower(v) in {lower(x) | some x in values}
}

sensitive(b) if tag_in(b, lib.config_value("classification_tag", "data-classification"), lib.config_value("sensitive_classifications", ["personal", "health", "pii", "phi"]))

# Trails whose selectors this source models (CloudFormation trails do not carry them yet).
selector_trails := [t | some t in trails; lib.has_key(t, "event_selectors")]

# Some selector of some trail cannot be known: coverage cannot be decided.
selectors_unknown if {
	some t in selector_trails
	some sels in [t.event_selectors, object.get(t, "advanced_event_selectors", [])]
	walk(sels, [_, v])
	lib.unknown(v)
}

bucket_prefix(name) := concat("", ["arn:aws:s3:::", name, "/"])

rw_kinds := {"All": {"read", "write"}, "ReadOnly": {"read"}, "WriteOnly": {"write"}}

# A basic selector value that covers every object of the bucket.
value_covers(v, _) if v in {"arn:aws:s3", "arn:aws:s3:::"}

value_covers(v, name) if v in {bucket_prefix(name), concat("", ["arn:aws:s3:::", name])}

# Kinds of object-level events ("read", "write") the trails log for a bucket.
logged_kinds(name) := basic_kinds(name) | advanced_selector_kinds(name)

basic_kinds(name) := {kind |
	some t in selector_trails
	some sel in t.event_selectors
	some dr in sel.data_resources
	dr.type == "AWS::S3::Object"
	some v in dr.values
	value_covers(v, name)
	some kind in rw_kinds[sel.read_write_type]
}

advanced_selector_kinds(name) := {kind |
	some t in selector_trails
	some sel in object.get(t, "advanced_event_selectors", [])
	field_equals(sel, "eventCategory", "Data")
	field_equals(sel, "resources.type", "AWS::S3::Object")
	arn_selected(sel, name)
	some kind in advanced_kinds(sel)
}

field_equals(sel, field, value) if {
	some fs in sel.field_selectors
	fs.field == field
	value in object.get(fs, "equals", [])
}

arn_fields(sel) := [fs | some fs in sel.field_selectors; fs.field == "resources.ARN"]

# Every resources.ARN condition of the selector admits the bucket's objects.
arn_selected(sel, name) if {
	every fs in arn_fields(sel) {
		arn_admits(fs, bucket_prefix(name))
	}
}

arn_admits(fs, prefix) if {
	positive_match(fs, prefix)
	not negative_match(fs, prefix)
}

positive_match(fs, _) if {
	not lib.has_key(fs, "starts_with")
	not lib.has_key(fs, "equals")
}

positive_match(fs, prefix) if {
	some p in object.get(fs, "starts_with", [])
	startswith(prefix, p)
}

positive_match(fs, prefix) if prefix in object.get(fs, "equals", [])

negative_match(fs, prefix) if {
	some p in object.get(fs, "not_starts_with", [])
	startswith(prefix, p)
}

advanced_kinds(sel) := {"read"} if field_equals(sel, "readOnly", "true")

else := {"write"} if field_equals(sel, "readOnly", "false")

else := {"read", "write"}

# AWS-CT-006: object-level (data event) logging of buckets holding sensitive data (CIS 3.8, 3.9).
deny contains lib.finding("AWS-CT-006", b, ["data_events"], {"name": b.name, "missing": concat(" and ", sort(missing))}) if {
	count(selector_trails) > 0
	not selectors_unknown
	some b in buckets
	sensitive(b)
	is_string(b.name)
	missing := {"read", "write"} - logged_kinds(b.name)
	count(missing) > 0
}
