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
