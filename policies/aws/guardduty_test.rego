package palisade.rules.aws.guardduty_test

import data.palisade.rules.aws.guardduty

det(extra) := object.union({"id": "d", "enable": true, "features": {}, "tags": {}}, extra)

findings(rule, d) := [f | some f in guardduty.deny with input as {"aws": {"guardduty": {"detectors": [d]}}}; f.rule == rule]

test_disabled_detector_fires if {
	[f] := findings("AWS-GUARDDUTY-001", det({"enable": false}))
	f.path == ["enable"]
	f.facts.name == "d"
}

test_detector_passes if {
	count([f | some f in guardduty.deny with input as {"aws": {"guardduty": {"detectors": [det({"features": {"s3_data_events": "ENABLED", "eks_audit_logs": "ENABLED"}})]}}}]) == 0
	count(findings("AWS-GUARDDUTY-001", det({"enable": {"__unknown__": true}}))) == 0
	count([f | some f in guardduty.deny with input as {"aws": {}}]) == 0
}

test_s3_protection_disabled_fires if {
	[f] := findings("AWS-GUARDDUTY-002", det({"features": {"s3_data_events": "DISABLED", "eks_audit_logs": "ENABLED"}}))
	f.path == ["features", "s3_data_events"]
	f.facts.feature == "S3 Protection"
}

test_eks_protection_disabled_fires if {
	[f] := findings("AWS-GUARDDUTY-003", det({"features": {"eks_audit_logs": "DISABLED"}}))
	f.path == ["features", "eks_audit_logs"]
}

test_features_on_disabled_or_unknown_detector_pass if {
	count(findings("AWS-GUARDDUTY-002", det({"enable": false, "features": {"s3_data_events": "DISABLED"}}))) == 0
	count(findings("AWS-GUARDDUTY-002", det({"features": {"s3_data_events": {"__unknown__": true}}}))) == 0
	count(findings("AWS-GUARDDUTY-003", det({"features": {}}))) == 0
}
