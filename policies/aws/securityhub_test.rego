package palisade.rules.aws.securityhub_test

import data.palisade.rules.aws.securityhub

acct(extra) := object.union({"id": "a", "enable_default_standards": true, "auto_enable_controls": true, "standards_arns": []}, extra)

findings(rule, a) := [f | some f in securityhub.deny with input as {"aws": {"securityhub": {"accounts": [a]}}}; f.rule == rule]

fsbp := "arn:aws:securityhub:eu-west-1::standards/aws-foundational-security-best-practices/v/1.0.0"

cis := "arn:aws:securityhub:eu-west-1::standards/cis-aws-foundations-benchmark/v/3.0.0"

test_no_cis_fires if {
	[f] := findings("AWS-SECURITYHUB-001", acct({"enable_default_standards": false, "standards_arns": [fsbp]}))
	f.path == ["enable_default_standards"]
}

test_cis_passes if {
	count(findings("AWS-SECURITYHUB-001", acct({}))) == 0
	count(findings("AWS-SECURITYHUB-001", acct({"enable_default_standards": false, "standards_arns": [fsbp, cis]}))) == 0
	count(findings("AWS-SECURITYHUB-001", acct({"enable_default_standards": false, "standards_arns": [{"__unknown__": true}]}))) == 0
	count(findings("AWS-SECURITYHUB-001", acct({"enable_default_standards": {"__unknown__": true}}))) == 0
	count([f | some f in securityhub.deny with input as {"aws": {}}]) == 0
}

test_auto_enable_controls_fires if {
	[f] := findings("AWS-SECURITYHUB-002", acct({"auto_enable_controls": false}))
	f.path == ["auto_enable_controls"]
	count(findings("AWS-SECURITYHUB-002", acct({"auto_enable_controls": {"__unknown__": true}}))) == 0
}
