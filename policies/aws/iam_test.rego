package palisade.rules.aws.iam_test

import data.palisade.rules.aws.iam

policy(statements) := {"id": "p", "name": "ops", "attachment": "managed", "document": {"Version": "2012-10-17", "Statement": statements}, "tags": {}}

findings(statements) := [f | some f in iam.deny with input as {"aws": {"iam": {"policies": [policy(statements)]}}}; f.rule == "AWS-IAM-001"]

st(action, resource) := {"Effect": "Allow", "Action": action, "Resource": resource}

test_admin_star_fires if {
	[f] := findings([st(["s3:GetObject"], ["*"]), st(["*"], ["*"])])
	f.path == ["document", "Statement", 1]
	f.facts == {"name": "ops", "statement": 1}
}

test_admin_star_star_fires if {
	count(findings([st(["*:*"], ["*"])])) == 1
}

test_service_wildcard_passes if {
	count(findings([st(["s3:*"], ["*"]), st(["iam:Get*"], ["*"])])) == 0
}

test_star_on_one_resource_passes if {
	count(findings([st(["*"], ["arn:aws:s3:::bucket/*"])])) == 0
}

test_deny_passes if {
	count(findings([{"Effect": "Deny", "Action": ["*"], "Resource": ["*"]}])) == 0
}

test_not_action_passes if {
	count(findings([{"Effect": "Allow", "NotAction": ["iam:*"], "Resource": ["*"]}])) == 0
}

test_unknown_passes if {
	count(findings([st([{"__unknown__": true}], ["*"])])) == 0
	fs := [f | some f in iam.deny with input as {"aws": {"iam": {"policies": [{"id": "p", "name": "ops", "document": {"__unknown__": true}}]}}}]
	count(fs) == 0
}
