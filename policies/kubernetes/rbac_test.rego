package palisade.rules.kubernetes.rbac_test

import data.palisade.rules.kubernetes.rbac

role(kind, rules) := {"id": "r", "apiVersion": "rbac.authorization.k8s.io/v1", "kind": kind, "metadata": {"name": "deployer", "namespace": "prod"}, "rules": rules}

paths(o) := {f.path | some f in rbac.deny with input as {"kubernetes": {"objects": [o]}}; f.rule == "K8S-RBAC-001"}

test_specific_rules_pass if {
	count(paths(role("Role", [{"apiGroups": ["apps"], "resources": ["deployments"], "verbs": ["get", "list", "patch"]}]))) == 0
}

test_wildcard_verbs_fires if {
	paths(role("Role", [{"apiGroups": [""], "resources": ["pods"], "verbs": ["get"]}, {"apiGroups": ["apps"], "resources": ["deployments"], "verbs": ["*"]}])) == {["rules", 1, "verbs"]}
}

test_cluster_admin_like_fires_per_field if {
	paths(role("ClusterRole", [{"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]}])) == {["rules", 0, "verbs"], ["rules", 0, "resources"], ["rules", 0, "apiGroups"]}
}

test_facts if {
	fs := rbac.deny with input as {"kubernetes": {"objects": [role("Role", [{"apiGroups": ["*"], "resources": ["pods"], "verbs": ["get"]}])]}}
	some f in fs
	f.facts == {"name": "deployer", "kind": "Role", "field": "apiGroups"}
}

test_subresource_wildcard_is_not_star if {
	count(paths(role("Role", [{"apiGroups": [""], "resources": ["pods/*"], "verbs": ["get"]}]))) == 0
}

test_built_in_roles_skipped if {
	r := object.union(role("ClusterRole", [{"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]}]), {"metadata": {"name": "cluster-admin", "labels": {"kubernetes.io/bootstrapping": "rbac-defaults"}}})
	count(paths(r)) == 0
}

test_other_kinds_ignored if {
	count(paths(role("RoleBinding", [{"verbs": ["*"]}]))) == 0
}
