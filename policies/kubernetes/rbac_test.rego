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

findings(id, o) := [f | some f in rbac.deny with input as {"kubernetes": {"objects": [o]}}; f.rule == id]

binding(kind, role, subjects) := {
	"id": "b", "apiVersion": "rbac.authorization.k8s.io/v1", "kind": kind, "metadata": {"name": "ops", "namespace": "prod"},
	"roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": role}, "subjects": subjects,
}

user(name) := {"kind": "User", "apiGroup": "rbac.authorization.k8s.io", "name": name}

group(name) := {"kind": "Group", "apiGroup": "rbac.authorization.k8s.io", "name": name}

sa(name, ns) := {"kind": "ServiceAccount", "name": name, "namespace": ns}

bootstrap := {"metadata": {"labels": {"kubernetes.io/bootstrapping": "rbac-defaults"}}}

test_cluster_admin_binding if {
	b := binding("ClusterRoleBinding", "cluster-admin", [group("system:masters"), user("alice@example.com"), sa("ci", "ci")])
	fs := findings("K8S-RBAC-002", b)
	{[f.path, f.facts.subject, f.facts.subject_kind] | some f in fs} == {[["subjects", 1], "alice@example.com", "User"], [["subjects", 2], "ci", "ServiceAccount"]}
	count(findings("K8S-RBAC-002", binding("RoleBinding", "view", [user("alice@example.com")]))) == 0
	count(findings("K8S-RBAC-002", object.union(b, bootstrap))) == 0
	[_] := findings("K8S-RBAC-002", binding("RoleBinding", "cluster-admin", [user("bob")]))
}

test_secret_read if {
	[f] := findings("K8S-RBAC-003", role("ClusterRole", [{"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get"]}, {"apiGroups": [""], "resources": ["configmaps", "secrets"], "verbs": ["get", "list", "create"]}]))
	f.path == ["rules", 1, "resources"]
	f.facts == {"name": "deployer", "kind": "ClusterRole", "verbs": "get, list"}
	count(findings("K8S-RBAC-003", role("Role", [{"apiGroups": [""], "resources": ["secrets"], "resourceNames": ["tls"], "verbs": ["get"]}]))) == 0
	count(findings("K8S-RBAC-003", role("Role", [{"apiGroups": [""], "resources": ["secrets"], "verbs": ["create", "delete"]}]))) == 0
	count(findings("K8S-RBAC-003", role("Role", [{"apiGroups": ["example.com"], "resources": ["secrets"], "verbs": ["get"]}]))) == 0
	count(findings("K8S-RBAC-003", role("Role", [{"apiGroups": ["*"], "resources": ["secrets"], "verbs": ["*"]}]))) == 1
}

test_exec_attach if {
	[f] := findings("K8S-RBAC-004", role("Role", [{"apiGroups": [""], "resources": ["pods", "pods/exec", "pods/attach"], "verbs": ["create", "get"]}]))
	f.path == ["rules", 0, "resources"]
	f.facts.resource == "pods/exec, pods/attach"
	count(findings("K8S-RBAC-004", role("Role", [{"apiGroups": [""], "resources": ["pods/exec"], "verbs": ["get"]}]))) == 0
	count(findings("K8S-RBAC-004", role("Role", [{"apiGroups": [""], "resources": ["pods/log"], "verbs": ["create"]}]))) == 0
}

test_escalate_bind_impersonate if {
	[f] := findings("K8S-RBAC-005", role("ClusterRole", [{"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["clusterroles"], "verbs": ["get", "bind", "escalate"]}]))
	f.path == ["rules", 0, "verbs"]
	f.facts.verb == "bind, escalate"
	[g] := findings("K8S-RBAC-005", role("ClusterRole", [{"apiGroups": [""], "resources": ["users", "groups", "serviceaccounts"], "verbs": ["impersonate"]}]))
	g.facts.verb == "impersonate"
	count(findings("K8S-RBAC-005", role("ClusterRole", [{"apiGroups": [""], "resources": ["pods"], "verbs": ["get"]}]))) == 0
	count(findings("K8S-RBAC-005", object.union(role("ClusterRole", [{"apiGroups": [""], "resources": ["users"], "verbs": ["impersonate"]}]), bootstrap))) == 0
}

test_kube_system_workload_create if {
	r := object.union(role("Role", [{"apiGroups": ["apps"], "resources": ["deployments", "deployments/scale"], "verbs": ["create", "patch"]}, {"apiGroups": [""], "resources": ["configmaps"], "verbs": ["create"]}]), {"metadata": {"namespace": "kube-system"}})
	[f] := findings("K8S-RBAC-006", r)
	f.path == ["rules", 0, "resources"]
	f.facts.resource == "deployments"
	r2 := object.union(role("Role", [{"apiGroups": ["", "apps"], "resources": ["pods", "daemonsets"], "verbs": ["*"]}]), {"metadata": {"namespace": "kube-system"}})
	[g] := findings("K8S-RBAC-006", r2)
	g.facts.resource == "daemonsets, pods"
	count(findings("K8S-RBAC-006", role("Role", [{"apiGroups": ["apps"], "resources": ["deployments"], "verbs": ["create"]}]))) == 0
	r3 := object.union(role("Role", [{"apiGroups": ["apps"], "resources": ["deployments"], "verbs": ["get", "list"]}]), {"metadata": {"namespace": "kube-system"}})
	count(findings("K8S-RBAC-006", r3)) == 0
}

test_anonymous_bindings if {
	b := binding("ClusterRoleBinding", "view", [group("system:authenticated"), group("system:unauthenticated"), user("system:anonymous")])
	fs := findings("K8S-RBAC-007", b)
	{[f.path, f.facts.subject] | some f in fs} == {[["subjects", 1], "system:unauthenticated"], [["subjects", 2], "system:anonymous"]}
	some f in fs
	f.facts.role == "view"
	count(findings("K8S-RBAC-007", object.union(binding("ClusterRoleBinding", "system:public-info-viewer", [group("system:unauthenticated")]), bootstrap))) == 0
}

test_default_service_account_bound if {
	b := binding("RoleBinding", "edit", [sa("default", "prod"), sa("deployer", "prod"), {"kind": "ServiceAccount", "name": "default"}])
	fs := findings("K8S-RBAC-008", b)
	{[f.path, f.facts.subject_namespace] | some f in fs} == {[["subjects", 0], "prod"], [["subjects", 2], "prod"]}
	count(findings("K8S-RBAC-008", binding("RoleBinding", "edit", [user("default")]))) == 0
}

test_sensitive_grants if {
	r := role("ClusterRole", [
		{"apiGroups": [""], "resources": ["serviceaccounts/token"], "verbs": ["create"]},
		{"apiGroups": [""], "resources": ["nodes/proxy", "nodes/stats"], "verbs": ["get"]},
		{"apiGroups": ["admissionregistration.k8s.io"], "resources": ["mutatingwebhookconfigurations"], "verbs": ["get", "patch"]},
		{"apiGroups": [""], "resources": ["persistentvolumes"], "verbs": ["create"]},
		{"apiGroups": ["certificates.k8s.io"], "resources": ["certificatesigningrequests/approval"], "verbs": ["update"]},
		{"apiGroups": [""], "resources": ["persistentvolumes", "nodes/stats"], "verbs": ["get", "list"]},
	])
	fs := [f | some f in rbac.deny with input as {"kubernetes": {"objects": [r]}}; f.rule != "K8S-RBAC-003"]
	{[f.rule, f.path, f.facts.resource] | some f in fs} == {
		["K8S-RBAC-009", ["rules", 0, "resources"], "serviceaccounts/token"],
		["K8S-RBAC-010", ["rules", 1, "resources"], "nodes/proxy"],
		["K8S-RBAC-011", ["rules", 2, "resources"], "mutatingwebhookconfigurations"],
		["K8S-RBAC-012", ["rules", 3, "resources"], "persistentvolumes"],
		["K8S-RBAC-013", ["rules", 4, "resources"], "certificatesigningrequests/approval"],
	}
}
