# GuardDuty detectors.
package palisade.rules.aws.guardduty

import data.palisade.lib

detectors := object.get(object.get(input.aws, "guardduty", {}), "detectors", [])

# AWS-GUARDDUTY-001: a declared detector is enabled.
deny contains lib.finding("AWS-GUARDDUTY-001", d, ["enable"], {"name": lib.display_name(d)}) if {
	some d in detectors
	d.enable == false
}

protection_features := {
	"s3_data_events": {"rule": "AWS-GUARDDUTY-002", "feature": "S3 Protection"},
	"eks_audit_logs": {"rule": "AWS-GUARDDUTY-003", "feature": "EKS Protection"},
}

# AWS-GUARDDUTY-002 / -003: S3 and EKS protection are not switched off on an enabled detector.
deny contains lib.finding(spec.rule, d, ["features", key], {"name": lib.display_name(d), "feature": spec.feature}) if {
	some d in detectors
	d.enable == true
	some key, spec in protection_features
	d.features[key] == "DISABLED"
}
