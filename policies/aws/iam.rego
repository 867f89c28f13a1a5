# IAM policies (managed and inline).
package palisade.rules.aws.iam

import data.palisade.lib

# AWS-IAM-001: Allow of every action on every resource is full administrator access.
deny contains lib.finding("AWS-IAM-001", p, ["document", "Statement", i], {"name": object.get(p, "name", p.id), "statement": i}) if {
	some p in input.aws.iam.policies
	doc := p.document
	lib.known(doc)
	some i, st in doc.Statement
	st.Effect == "Allow"
	some action in object.get(st, "Action", [])
	action in {"*", "*:*"}
	"*" in object.get(st, "Resource", [])
}

roles := object.get(object.get(input.aws, "iam", {}), "roles", [])

users := object.get(object.get(input.aws, "iam", {}), "users", [])

password_policies := object.get(object.get(input.aws, "iam", {}), "password_policies", [])

policies := object.get(object.get(input.aws, "iam", {}), "policies", [])

# Allow statements of every known policy document, with their index.
allow_statements contains [p, i, st] if {
	some p in policies
	doc := p.document
	lib.known(doc)
	some i, st in doc.Statement
	st.Effect == "Allow"
}

# Actions of a statement as lowercase strings (unknown elements skipped).
actions(st) := {lower(a) | some a in object.get(st, "Action", []); is_string(a)}

on_every_resource(st) if "*" in object.get(st, "Resource", [])

# Actions reported by AWS-IAM-001 (everything) and AWS-IAM-009 (a whole sensitive service).
broad_actions := {"*", "*:*"}

sensitive_services := {"iam", "kms", "s3"}

service_wildcards := {concat(":", [s, "*"]) | some s in sensitive_services}

# AWS-IAM-002: iam:PassRole on every role lets the holder hand any role (an admin role too) to a service it controls.
deny contains lib.finding("AWS-IAM-002", p, ["document", "Statement", i], {"name": object.get(p, "name", p.id), "statement": i, "action": action}) if {
	some [p, i, st] in allow_statements
	on_every_resource(st)
	some action in actions(st)
	not action in broad_actions
	not action in service_wildcards
	glob.match(action, [], "iam:passrole")
}

# AWS-IAM-003: Allow with NotAction grants every action but the listed ones, including services added later.
# What NotAction lists does not matter, so an unknown list is reported too (the finding names no action).
deny contains lib.finding("AWS-IAM-003", p, ["document", "Statement", i], {"name": object.get(p, "name", p.id), "statement": i}) if {
	some [p, i, st] in allow_statements
	has_not_action(st)
}

has_not_action(st) if is_array(st.NotAction)

# An unknown value may stand for no NotAction at all (an empty not_actions of
# aws_iam_policy_document, a CloudFormation Fn::If to AWS::NoValue), but a statement
# without Action must have NotAction to be valid: then it has one, whatever it lists.
has_not_action(st) if {
	lib.unknown(st.NotAction)
	not lib.has_key(st, "Action")
}

# AWS-IAM-004: inline policies embedded in a user (aws_iam_user_policy).
deny contains lib.finding("AWS-IAM-004", p, ["attachment"], {"name": object.get(p, "name", p.id)}) if {
	some p in policies
	p.attachment == "user"
}

# AWS-IAM-005: managed policies attached directly to a user instead of through a group.
deny contains lib.finding("AWS-IAM-005", u, ["managed_policy_arns", i], {"name": u.name, "policy_arn": arn}) if {
	some u in users
	is_array(u.managed_policy_arns)
	some i, arn in u.managed_policy_arns
	is_string(arn)
}

# Principals of a statement: "*" or the values of Principal.AWS.
any_principal(st) if st.Principal == "*"

any_principal(st) if st.Principal.AWS == "*"

any_principal(st) if {
	is_array(st.Principal.AWS)
	"*" in st.Principal.AWS
}

aws_principals(st) := [st.Principal.AWS] if is_string(st.Principal.AWS)

else := st.Principal.AWS if is_array(st.Principal.AWS)

else := []

no_condition(st) if not lib.has_key(st, "Condition")

no_condition(st) if st.Condition == {}

# The keys used in a statement's Condition block, lowercase.
condition_keys(st) := {lower(k) |
	some _, block in object.get(st, "Condition", {})
	is_object(block)
	some k, _ in block
}

# Every key of the statement's Condition can be read: neither the Condition nor one of its
# operator blocks is unknown (e.g. a block keyed by an OIDC provider's unknown URL), so a key
# missing from condition_keys is really missing.
condition_keys_known(st) if {
	c := object.get(st, "Condition", {})
	lib.known(c)
	every _, block in c {
		lib.known(block)
	}
}

# AWS-IAM-006: a trust policy any AWS principal can use (no condition narrows it).
deny contains lib.finding("AWS-IAM-006", r, ["assume_role_policy", "Statement", i], {"name": r.name, "statement": i}) if {
	some r in roles
	doc := r.assume_role_policy
	lib.known(doc)
	some i, st in doc.Statement
	st.Effect == "Allow"
	any_principal(st)
	no_condition(st)
}

# A literal account principal: "123456789012" or "arn:aws:iam::123456789012:root|user/…|role/…".
principal_account(p) := m[1] if {
	is_string(p)
	m := regex.find_all_string_submatch_n(`^(?:arn:aws[a-z-]*:iam::)?([0-9]{12})(?::.*)?$`, p, 1)[0]
}

# Account ids from the configuration, written as strings or numbers.
account_string(a) := a if is_string(a)

account_string(a) := format_int(a, 10) if is_number(a)

# AWS-IAM-007: a role other accounts can assume without an external id (confused deputy).
deny contains lib.finding("AWS-IAM-007", r, ["assume_role_policy", "Statement", i], {"name": r.name, "statement": i, "account": concat(", ", sort(accounts))}) if {
	some r in roles
	doc := r.assume_role_policy
	lib.known(doc)
	some i, st in doc.Statement
	st.Effect == "Allow"
	not any_principal(st)
	condition_keys_known(st)
	not "sts:externalid" in condition_keys(st)
	own := {account_string(a) | some a in lib.config_value("own_account_ids", [])}
	accounts := {account | some p in aws_principals(st); account := principal_account(p); not account in own}
	count(accounts) > 0
}

admin_policy_arns := {"arn:aws:iam::aws:policy/AdministratorAccess", "arn:aws-us-gov:iam::aws:policy/AdministratorAccess", "arn:aws-cn:iam::aws:policy/AdministratorAccess"}

# AWS-IAM-008: the AWS managed AdministratorAccess policy attached to a role or user.
deny contains lib.finding("AWS-IAM-008", obj, ["managed_policy_arns", i], {"name": obj.name, "kind": kind}) if {
	some kind, list in {"role": roles, "user": users}
	some obj in list
	is_array(obj.managed_policy_arns)
	some i, arn in obj.managed_policy_arns
	arn in admin_policy_arns
}

# AWS-IAM-009: every action of a sensitive service (iam:*, kms:*, s3:*) on every resource.
deny contains lib.finding("AWS-IAM-009", p, ["document", "Statement", i], {"name": object.get(p, "name", p.id), "statement": i, "action": action}) if {
	some [p, i, st] in allow_statements
	on_every_resource(st)
	some action in actions(st)
	action in service_wildcards
}

# AWS-IAM-010: passwords of at least 14 characters (CIS 1.8).
deny contains lib.finding("AWS-IAM-010", pp, ["minimum_password_length"], {"length": pp.minimum_password_length, "minimum": 14}) if {
	some pp in password_policies
	lib.number_below(pp, "minimum_password_length", 14)
}

# AWS-IAM-011: the last 24 passwords cannot be reused (CIS 1.9).
deny contains lib.finding("AWS-IAM-011", pp, ["password_reuse_prevention"], {"reuse": pp.password_reuse_prevention, "minimum": 24}) if {
	some pp in password_policies
	lib.number_below(pp, "password_reuse_prevention", 24)
}

# AWS-IAM-012: long-lived access keys for IAM users (roles and federation give temporary credentials).
deny contains lib.finding("AWS-IAM-012", u, ["access_keys", i], {"name": u.name}) if {
	some u in users
	some i, k in u.access_keys
	k.status == "Active"
}

# OIDC issuers shared by every customer of a CI service: without a `sub` condition, any
# repository or workspace of the service can assume the role.
shared_oidc_issuers := {"token.actions.githubusercontent.com", "gitlab.com", "app.terraform.io"}

federated_principals(st) := [st.Principal.Federated] if is_string(st.Principal.Federated)

else := st.Principal.Federated if is_array(st.Principal.Federated)

else := []

# The shared issuers a trust statement federates with: named by the principal's provider ARN,
# or (when the provider ARN is a reference) by the condition keys used.
trusted_issuers(st) := {issuer |
	some issuer in shared_oidc_issuers
	some p in federated_principals(st)
	is_string(p)
	endswith(p, concat("", ["oidc-provider/", issuer]))
} | {issuer |
	some issuer in shared_oidc_issuers
	some k in condition_keys(st)
	startswith(k, concat("", [issuer, ":"]))
}

# AWS-IAM-013: a role trusted by a shared CI OIDC issuer is restricted to a subject (repository, project, workspace).
deny contains lib.finding("AWS-IAM-013", r, ["assume_role_policy", "Statement", i], {"name": r.name, "statement": i, "issuer": issuer}) if {
	some r in roles
	doc := r.assume_role_policy
	lib.known(doc)
	some i, st in doc.Statement
	st.Effect == "Allow"
	condition_keys_known(st)
	some issuer in trusted_issuers(st)
	not concat("", [issuer, ":sub"]) in condition_keys(st)
}
