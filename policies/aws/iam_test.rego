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

# Partly known documents (jsonencode naming a resource's ARN): known statements are judged,
# a statement is never judged on its unknown parts.
test_partly_known_document if {
	unk := {"__unknown__": true}

	# the unknown resource could be anything but "*" is not known: no finding
	count(findings([st(["*"], [unk])])) == 0
	count(findings([st(["*"], unk)])) == 0
	count(findings([{"Effect": unk, "Action": ["*"], "Resource": ["*"]}])) == 0

	# an unknown statement or value beside a known admin statement does not hide it
	[f] := findings([unk, st(["*"], ["*"])])
	f.path == ["document", "Statement", 1]
	count(findings([st(["s3:GetObject"], [unk]), st(["*"], ["*", unk])])) == 1
	count(findings([st([unk, "*"], ["*"])])) == 1
	fs := iam.deny with input as {"aws": {"iam": {"policies": [{"id": "p", "document": {"Version": "2012-10-17", "Statement": unk}}]}}}
	count(fs) == 0
}

# ---- AWS-IAM-002 … AWS-IAM-012 ----

rule_findings(rule, inp) := [f | some f in iam.deny with input as inp; f.rule == rule]

pol_input(statements) := {"aws": {"iam": {"policies": [policy(statements)]}}}

test_passrole_star_fires if {
	[f] := rule_findings("AWS-IAM-002", pol_input([st(["ec2:RunInstances", "iam:PassRole"], ["*"])]))
	f.path == ["document", "Statement", 0]
	f.facts.action == "iam:passrole"
}

test_passrole_wildcard_action_fires if {
	count(rule_findings("AWS-IAM-002", pol_input([st(["iam:Pass*"], ["*"])]))) == 1
}

test_passrole_scoped_or_covered_passes if {
	count(rule_findings("AWS-IAM-002", pol_input([st(["iam:PassRole"], ["arn:aws:iam::111122223333:role/app"])]))) == 0
	count(rule_findings("AWS-IAM-002", pol_input([st(["iam:*", "*"], ["*"])]))) == 0
	count(rule_findings("AWS-IAM-002", pol_input([st([{"__unknown__": true}], ["*"])]))) == 0
	count(rule_findings("AWS-IAM-002", pol_input([{"Effect": "Deny", "Action": ["iam:PassRole"], "Resource": ["*"]}]))) == 0
	count(rule_findings("AWS-IAM-002", pol_input([st(["iam:PassRole"], [{"__unknown__": true}])]))) == 0
	count(rule_findings("AWS-IAM-009", pol_input([st(["iam:*"], [{"__unknown__": true}])]))) == 0
}

test_not_action_fires if {
	[f] := rule_findings("AWS-IAM-003", pol_input([st(["s3:GetObject"], ["*"]), {"Effect": "Allow", "NotAction": ["iam:*"], "Resource": ["*"]}]))
	f.path == ["document", "Statement", 1]
}

# what NotAction lists does not matter: an unknown list, or unknown actions in it, are reported too
test_not_action_unknown_fires if {
	unk := {"__unknown__": true}
	[f] := rule_findings("AWS-IAM-003", pol_input([st(["s3:GetObject"], ["*"]), {"Effect": "Allow", "NotAction": unk, "Resource": ["*"]}]))
	f.path == ["document", "Statement", 1]
	f.facts == {"name": "ops", "statement": 1}
	count(rule_findings("AWS-IAM-003", pol_input([{"Effect": "Allow", "NotAction": [unk], "Resource": [unk]}]))) == 1
}

test_not_action_passes if {
	unk := {"__unknown__": true}
	count(rule_findings("AWS-IAM-003", pol_input([{"Effect": "Deny", "NotAction": ["iam:*"], "Resource": ["*"]}]))) == 0
	count(rule_findings("AWS-IAM-003", pol_input([{"Effect": "Deny", "NotAction": unk, "Resource": ["*"]}]))) == 0
	count(rule_findings("AWS-IAM-003", pol_input([{"Effect": unk, "NotAction": ["iam:*"], "Resource": ["*"]}]))) == 0
	count(rule_findings("AWS-IAM-003", pol_input([unk]))) == 0
	count(rule_findings("AWS-IAM-003", {"aws": {"iam": {"policies": [{"id": "p", "document": unk}]}}})) == 0
	count(rule_findings("AWS-IAM-003", {"aws": {"iam": {"policies": [{"id": "p", "document": {"Statement": unk}}]}}})) == 0
}

# an unknown NotAction beside Action may be no NotAction at all (a statement has one of the two)
test_not_action_unknown_beside_action_passes if {
	unk := {"__unknown__": true}
	count(rule_findings("AWS-IAM-003", pol_input([{"Effect": "Allow", "Action": ["s3:GetObject"], "NotAction": unk, "Resource": ["*"]}]))) == 0
	count(rule_findings("AWS-IAM-003", pol_input([{"Effect": "Allow", "Action": unk, "NotAction": unk, "Resource": ["*"]}]))) == 0
}

test_user_inline_policy_fires if {
	inp := {"aws": {"iam": {"policies": [{"id": "u", "name": "alice-inline", "attachment": "user", "document": {"Statement": []}}, policy([])]}}}
	[f] := rule_findings("AWS-IAM-004", inp)
	f.object == "u"
	f.path == ["attachment"]
}

user(extra) := object.union({"id": "u", "name": "alice", "managed_policy_arns": [], "inline_policy_count": 0, "access_keys": []}, extra)

role(extra) := object.union({"id": "r", "name": "app", "managed_policy_arns": [], "assume_role_policy": {"Statement": []}}, extra)

test_user_attached_policy_fires if {
	inp := {"aws": {"iam": {"users": [user({"managed_policy_arns": [{"__unknown__": true}, "arn:aws:iam::aws:policy/ReadOnlyAccess"]})]}}}
	[f] := rule_findings("AWS-IAM-005", inp)
	f.path == ["managed_policy_arns", 1]
	f.facts.policy_arn == "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

test_user_without_attachments_passes if {
	count(rule_findings("AWS-IAM-005", {"aws": {"iam": {"users": [user({})]}}})) == 0
	count(rule_findings("AWS-IAM-005", {"aws": {"iam": {"users": [user({"managed_policy_arns": {"__unknown__": true}})]}}})) == 0
}

trust(statement) := {"Version": "2012-10-17", "Statement": [statement]}

test_trust_any_principal_fires if {
	every principal in [{"AWS": "*"}, "*", {"AWS": ["arn:aws:iam::111122223333:root", "*"]}] {
		[f] := rule_findings("AWS-IAM-006", {"aws": {"iam": {"roles": [role({"assume_role_policy": trust({"Effect": "Allow", "Principal": principal, "Action": "sts:AssumeRole"})})]}}})
		f.path == ["assume_role_policy", "Statement", 0]
	}
}

test_trust_any_principal_empty_condition_fires if {
	count(rule_findings("AWS-IAM-006", {"aws": {"iam": {"roles": [role({"assume_role_policy": trust({"Effect": "Allow", "Principal": {"AWS": "*"}, "Condition": {}})})]}}})) == 1
}

test_trust_any_principal_passes if {
	count(rule_findings("AWS-IAM-006", {"aws": {"iam": {"roles": [role({"assume_role_policy": trust({"Effect": "Allow", "Principal": {"AWS": "*"}, "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc"}}})})]}}})) == 0
	count(rule_findings("AWS-IAM-006", {"aws": {"iam": {"roles": [role({"assume_role_policy": trust({"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}})})]}}})) == 0
	count(rule_findings("AWS-IAM-006", {"aws": {"iam": {"roles": [role({"assume_role_policy": trust({"Effect": "Deny", "Principal": "*"})})]}}})) == 0
	count(rule_findings("AWS-IAM-006", {"aws": {"iam": {"roles": [role({"assume_role_policy": trust({"Effect": "Allow", "Principal": {"AWS": {"__unknown__": true}}})})]}}})) == 0
	count(rule_findings("AWS-IAM-006", {"aws": {"iam": {"roles": [role({"assume_role_policy": {"__unknown__": true}})]}}})) == 0
	count(rule_findings("AWS-IAM-006", {"aws": {"iam": {"roles": [role({"assume_role_policy": trust({"Effect": "Allow", "Principal": "*", "Condition": {"__unknown__": true}})})]}}})) == 0
	count(rule_findings("AWS-IAM-006", {"aws": {"iam": {"roles": [role({"assume_role_policy": trust({"Effect": "Allow", "Principal": {"AWS": "*"}, "Condition": {"StringEquals": {"aws:PrincipalOrgID": {"__unknown__": true}}}})})]}}})) == 0
	count(rule_findings("AWS-IAM-006", {"aws": {"iam": {"roles": [role({"assume_role_policy": trust({"Effect": "Allow", "Principal": {"AWS": "*"}, "Condition": {"StringEquals": {"__unknown__": true}}})})]}}})) == 0
}

test_trust_any_principal_beside_unknowns_fires if {
	unk := {"__unknown__": true}
	doc := {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": unk}, "Condition": {"StringEquals": unk}}, unk, {"Effect": "Allow", "Principal": {"AWS": "*"}}]}
	[f] := rule_findings("AWS-IAM-006", {"aws": {"iam": {"roles": [role({"assume_role_policy": doc})]}}})
	f.path == ["assume_role_policy", "Statement", 2]
}

cross(principal, cond) := {"aws": {"iam": {"roles": [role({"assume_role_policy": trust(object.union({"Effect": "Allow", "Principal": {"AWS": principal}, "Action": "sts:AssumeRole"}, cond))})]}}}

test_cross_account_without_external_id_fires if {
	[f] := rule_findings("AWS-IAM-007", cross("arn:aws:iam::444455556666:root", {}))
	f.facts.account == "444455556666"
	f.path == ["assume_role_policy", "Statement", 0]
	count(rule_findings("AWS-IAM-007", cross(["999988887777", "arn:aws:iam::444455556666:role/ci"], {"Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}))) == 1
	[g] := rule_findings("AWS-IAM-007", object.union(cross(["999988887777", "arn:aws:iam::444455556666:role/ci", "arn:aws:iam::111122223333:root"], {}), {"config": {"own_account_ids": ["111122223333"]}}))
	g.facts.account == "444455556666, 999988887777"
}

test_cross_account_passes if {
	count(rule_findings("AWS-IAM-007", cross("arn:aws:iam::444455556666:root", {"Condition": {"StringEquals": {"sts:ExternalId": "x"}}}))) == 0
	count(rule_findings("AWS-IAM-007", cross("arn:aws:iam::444455556666:root", {"Condition": {"__unknown__": true}}))) == 0
	count(rule_findings("AWS-IAM-007", cross("arn:aws:iam::444455556666:root", {"Condition": {"StringEquals": {"__unknown__": true}}}))) == 0
	count(rule_findings("AWS-IAM-007", cross({"__unknown__": true}, {}))) == 0
	count(rule_findings("AWS-IAM-007", cross([{"__unknown__": true}], {}))) == 0
	count(rule_findings("AWS-IAM-007", cross("*", {}))) == 0
	count(rule_findings("AWS-IAM-007", object.union(cross("arn:aws:iam::444455556666:root", {}), {"config": {"own_account_ids": [444455556666]}}))) == 0
}

test_admin_access_attached_fires if {
	admin := "arn:aws:iam::aws:policy/AdministratorAccess"
	inp := {"aws": {"iam": {"roles": [role({"managed_policy_arns": ["arn:aws:iam::aws:policy/ReadOnlyAccess", admin]})], "users": [user({"managed_policy_arns": [admin]})]}}}
	fs := rule_findings("AWS-IAM-008", inp)
	{[f.object, f.path, f.facts.kind] | some f in fs} == {["r", ["managed_policy_arns", 1], "role"], ["u", ["managed_policy_arns", 0], "user"]}
}

test_admin_access_passes if {
	count(rule_findings("AWS-IAM-008", {"aws": {"iam": {"roles": [role({"managed_policy_arns": [{"__unknown__": true}, "arn:aws:iam::aws:policy/PowerUserAccess"]})]}}})) == 0
	count(rule_findings("AWS-IAM-008", {"aws": {"iam": {"roles": [role({"managed_policy_arns": {"__unknown__": true}})]}}})) == 0
}

test_sensitive_service_wildcard_fires if {
	fs := rule_findings("AWS-IAM-009", pol_input([st(["IAM:*", "ec2:*"], ["*"]), st(["kms:*"], ["*"])]))
	{[f.path, f.facts.action] | some f in fs} == {[["document", "Statement", 0], "iam:*"], [["document", "Statement", 1], "kms:*"]}
}

test_sensitive_service_wildcard_passes if {
	count(rule_findings("AWS-IAM-009", pol_input([st(["s3:*"], ["arn:aws:s3:::logs/*"]), st(["ec2:*"], ["*"]), st(["iam:Get*"], ["*"])]))) == 0
}

pp(extra) := {"aws": {"iam": {"password_policies": [object.union({"id": "pp", "minimum_password_length": 14, "password_reuse_prevention": 24}, extra)]}}}

test_password_length_fires if {
	[f] := rule_findings("AWS-IAM-010", pp({"minimum_password_length": 8}))
	f.path == ["minimum_password_length"]
	f.facts == {"length": 8, "minimum": 14}
}

test_password_length_passes if {
	count(rule_findings("AWS-IAM-010", pp({}))) == 0
	count(rule_findings("AWS-IAM-010", pp({"minimum_password_length": {"__unknown__": true}}))) == 0
}

test_password_reuse_fires if {
	[f] := rule_findings("AWS-IAM-011", pp({"password_reuse_prevention": 0}))
	f.path == ["password_reuse_prevention"]
}

test_password_reuse_passes if {
	count(rule_findings("AWS-IAM-011", pp({}))) == 0
	count(rule_findings("AWS-IAM-011", pp({"password_reuse_prevention": {"__unknown__": true}}))) == 0
}

test_access_key_fires if {
	[f] := rule_findings("AWS-IAM-012", {"aws": {"iam": {"users": [user({"access_keys": [{"status": "Inactive"}, {"status": "Active"}]})]}}})
	f.path == ["access_keys", 1]
}

test_access_key_passes if {
	count(rule_findings("AWS-IAM-012", {"aws": {"iam": {"users": [user({"access_keys": [{"status": {"__unknown__": true}}, {"status": "Inactive"}]})]}}})) == 0
	count(rule_findings("AWS-IAM-012", {"aws": {}})) == 0
}

oidc(principal, cond) := {"aws": {"iam": {"roles": [role({"assume_role_policy": trust(object.union({"Effect": "Allow", "Principal": principal, "Action": "sts:AssumeRoleWithWebIdentity"}, cond))})]}}}

gh_provider := "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"

test_oidc_without_subject_fires if {
	[f] := rule_findings("AWS-IAM-013", oidc({"Federated": gh_provider}, {"Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}}))
	f.path == ["assume_role_policy", "Statement", 0]
	f.facts.issuer == "token.actions.githubusercontent.com"
	count(rule_findings("AWS-IAM-013", oidc({"Federated": [gh_provider]}, {}))) == 1

	# the provider ARN is a reference: the condition keys name the issuer
	count(rule_findings("AWS-IAM-013", oidc({"Federated": {"__unknown__": true}}, {"Condition": {"StringEquals": {"gitlab.com:aud": "https://gitlab.com"}}}))) == 1
}

test_oidc_with_subject_passes if {
	count(rule_findings("AWS-IAM-013", oidc({"Federated": gh_provider}, {"Condition": {"StringLike": {"token.actions.githubusercontent.com:sub": "repo:acme/deploy:*"}}}))) == 0
	count(rule_findings("AWS-IAM-013", oidc({"Federated": "arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC"}, {}))) == 0
	count(rule_findings("AWS-IAM-013", oidc({"Federated": {"__unknown__": true}}, {}))) == 0
	count(rule_findings("AWS-IAM-013", oidc({"Federated": gh_provider}, {"Condition": {"__unknown__": true}}))) == 0

	# an operator block keyed by an unknown value may hold the subject
	count(rule_findings("AWS-IAM-013", oidc({"Federated": gh_provider}, {"Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}, "StringLike": {"__unknown__": true}}}))) == 0
	count(rule_findings("AWS-IAM-013", oidc({"Federated": [{"__unknown__": true}]}, {}))) == 0
}
