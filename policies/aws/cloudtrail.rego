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
