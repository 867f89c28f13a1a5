# RBAC roles.
package palisade.rules.kubernetes.rbac

import data.palisade.lib
import data.palisade.lib.k8s

# K8S-RBAC-001: a wildcard grants every current and future verb, resource or API group.
deny contains lib.finding("K8S-RBAC-001", o, ["rules", i, field], {"name": k8s.name(o), "kind": o.kind, "field": field}) if {
	some o in input.kubernetes.objects
	o.kind in {"Role", "ClusterRole"}
	not built_in(o)
	some i, rule in object.get(o, "rules", [])
	some field in ["verbs", "resources", "apiGroups"]
	"*" in object.get(rule, field, [])
}

# Default roles the API server creates and reconciles (cluster-admin, system:*): not user configuration.
built_in(o) if k8s.labels(o)["kubernetes.io/bootstrapping"] == "rbac-defaults"

roles contains o if {
	some o in input.kubernetes.objects
	o.kind in {"Role", "ClusterRole"}
	not built_in(o)
}

bindings contains o if {
	some o in input.kubernetes.objects
	o.kind in {"RoleBinding", "ClusterRoleBinding"}
	not built_in(o)
}

# A role rule covers an API group, one of the resources and one of the verbs (a wildcard
# verb or group counts: K8S-RBAC-001 reports the wildcard itself, these rules the grant).
grants(rule, group, resources, verbs) if {
	some g in object.get(rule, "apiGroups", [])
	g in {group, "*"}
	some r in object.get(rule, "resources", [])
	r in resources
	some v in object.get(rule, "verbs", [])
	v in (verbs | {"*"})
}

# resourceNames limit a rule to named objects.
unrestricted(rule) if count(object.get(rule, "resourceNames", [])) == 0

role_facts(o) := {"name": k8s.name(o), "kind": o.kind}

# K8S-RBAC-002: a binding grants cluster-admin to a subject that is not a system component.
deny contains lib.finding("K8S-RBAC-002", o, ["subjects", i], facts) if {
	some o in bindings
	o.roleRef.kind == "ClusterRole"
	o.roleRef.name == "cluster-admin"
	some i, s in object.get(o, "subjects", [])
	not startswith(object.get(s, "name", ""), "system:")
	facts := object.union(role_facts(o), {"subject_kind": object.get(s, "kind", ""), "subject": object.get(s, "name", ""), "namespace": k8s.namespace(o)})
}

# K8S-RBAC-003: a role can read Secrets (get, list or watch on every Secret in its scope).
deny contains lib.finding("K8S-RBAC-003", o, ["rules", i, "resources"], object.union(role_facts(o), {"verbs": verbs})) if {
	some o in roles
	some i, rule in object.get(o, "rules", [])
	grants(rule, "", {"secrets"}, {"get", "list", "watch"})
	unrestricted(rule)
	verbs := concat(", ", [v | some v in rule.verbs; v in {"get", "list", "watch", "*"}])
}

# K8S-RBAC-004: a role can open a shell in, or attach to, running containers.
deny contains lib.finding("K8S-RBAC-004", o, ["rules", i, "resources"], object.union(role_facts(o), {"resource": r})) if {
	some o in roles
	some i, rule in object.get(o, "rules", [])
	grants(rule, "", {"pods/exec", "pods/attach"}, {"create"})
	r := concat(", ", [x | some x in rule.resources; x in {"pods/exec", "pods/attach"}])
}

# K8S-RBAC-005: escalate, bind or impersonate let a subject gain permissions it does not hold.
deny contains lib.finding("K8S-RBAC-005", o, ["rules", i, "verbs"], object.union(role_facts(o), {"verb": v})) if {
	some o in roles
	some i, rule in object.get(o, "rules", [])
	verbs := [x | some x in object.get(rule, "verbs", []); x in {"escalate", "bind", "impersonate"}]
	count(verbs) > 0
	v := concat(", ", verbs)
}

# Workload resources: creating any of them runs a pod with any service account of the namespace.
workload_resources := {
	"": {"pods", "replicationcontrollers"},
	"apps": {"deployments", "daemonsets", "statefulsets", "replicasets"},
	"batch": {"jobs", "cronjobs"},
}

# K8S-RBAC-006: a Role lets its subjects create workloads in kube-system.
deny contains lib.finding("K8S-RBAC-006", o, ["rules", i, "resources"], object.union(role_facts(o), {"resource": r})) if {
	some o in roles
	o.kind == "Role"
	k8s.namespace(o) == "kube-system"
	some i, rule in object.get(o, "rules", [])
	created := [x |
		some group, resources in workload_resources
		grants(rule, group, resources, {"create"})
		some x in rule.resources
		x in resources
	]
	count(created) > 0
	r := concat(", ", sort({x | some x in created}))
}

# K8S-RBAC-007: a binding grants permissions to unauthenticated requests.
deny contains lib.finding("K8S-RBAC-007", o, ["subjects", i], object.union(role_facts(o), {"subject": s.name, "role": object.get(o.roleRef, "name", "")})) if {
	some o in bindings
	some i, s in object.get(o, "subjects", [])
	s.name in {"system:anonymous", "system:unauthenticated"}
}

# K8S-RBAC-008: a binding grants permissions to a namespace's default service account.
deny contains lib.finding("K8S-RBAC-008", o, ["subjects", i], object.union(role_facts(o), {"subject_namespace": ns, "role": object.get(o.roleRef, "name", "")})) if {
	some o in bindings
	some i, s in object.get(o, "subjects", [])
	s.kind == "ServiceAccount"
	s.name == "default"
	ns := object.get(s, "namespace", k8s.namespace(o))
}

# Sensitive grants CIS 5.1.9-5.1.13 single out: rule id → API group, resources, verbs.
sensitive_grants := {
	"K8S-RBAC-009": {"group": "", "resources": {"serviceaccounts/token"}, "verbs": {"create"}},
	"K8S-RBAC-010": {"group": "", "resources": {"nodes/proxy"}, "verbs": {"get", "create", "update", "patch", "delete"}},
	"K8S-RBAC-011": {"group": "admissionregistration.k8s.io", "resources": {"validatingwebhookconfigurations", "mutatingwebhookconfigurations"}, "verbs": {"create", "update", "patch", "delete"}},
	"K8S-RBAC-012": {"group": "", "resources": {"persistentvolumes"}, "verbs": {"create"}},
	"K8S-RBAC-013": {"group": "certificates.k8s.io", "resources": {"certificatesigningrequests/approval"}, "verbs": {"update", "patch"}},
}

# K8S-RBAC-009..013: see sensitive_grants.
deny contains lib.finding(id, o, ["rules", i, "resources"], object.union(role_facts(o), {"resource": r})) if {
	some o in roles
	some i, rule in object.get(o, "rules", [])
	some id, g in sensitive_grants
	grants(rule, g.group, g.resources, g.verbs)
	r := concat(", ", [x | some x in rule.resources; x in g.resources])
}
