# Security Hub.
package palisade.rules.aws.securityhub

import data.palisade.lib

accounts := object.get(object.get(input.aws, "securityhub", {}), "accounts", [])

# Subscribes to a CIS AWS Foundations Benchmark standard (any version).
cis_subscribed(a) if {
	some arn in a.standards_arns
	is_string(arn)
	contains(arn, "cis-aws-foundations-benchmark")
}

# AWS-SECURITYHUB-001: Security Hub checks the CIS AWS Foundations Benchmark (default standards or a subscription).
deny contains lib.finding("AWS-SECURITYHUB-001", a, ["enable_default_standards"], {"name": lib.display_name(a)}) if {
	some a in accounts
	a.enable_default_standards == false
	lib.known_list(a.standards_arns)
	not cis_subscribed(a)
}

# AWS-SECURITYHUB-002: controls AWS adds to enabled standards are enabled automatically.
deny contains lib.finding("AWS-SECURITYHUB-002", a, ["auto_enable_controls"], {"name": lib.display_name(a)}) if {
	some a in accounts
	a.auto_enable_controls == false
}
