# Container resource requests and limits.
package palisade.rules.kubernetes.resources

import data.palisade.lib
import data.palisade.lib.k8s
import data.palisade.lib.quantity

# A LimitRange in the object's namespace gives containers a default for field/resource
# (field: "defaultRequest" or "default").
limit_range_default(o, field, resource) if {
	some lr in k8s.related("LimitRange", k8s.namespace(o))
	some item in lr.spec.limits
	object.get(item, "type", "Container") == "Container"
	item[field][resource] != null
}

# The deepest of resources.<sub>, resources, the container itself that exists.
resources_path(c, sub) := array.concat(c.path, ["resources", sub]) if {
	is_object(c.container.resources[sub])
} else := array.concat(c.path, ["resources"]) if {
	is_object(c.container.resources)
} else := c.path

quantity_of(c, sub, resource) := q if {
	q := c.container.resources[sub][resource]
	q != null
}

# The effective request is set: explicitly, by a limit (requests default to limits), or by a LimitRange.
request_set(_, c, r) if quantity_of(c, "requests", r)

request_set(_, c, r) if quantity_of(c, "limits", r)

request_set(o, _, r) if limit_range_default(o, "defaultRequest", r)

request_set(o, _, r) if limit_range_default(o, "default", r)

# K8S-WL-006: without requests the scheduler places pods blind and evicts them first under pressure.
deny contains lib.finding("K8S-WL-006", o, resources_path(c, "requests"), facts) if {
	some o in input.kubernetes.objects
	some c in k8s.app_containers(o)
	missing := [r | some r in ["cpu", "memory"]; not request_set(o, c, r)]
	count(missing) > 0
	facts := {"name": k8s.name(o), "kind": o.kind, "container": c.container.name, "missing": concat(" and ", missing)}
}

# K8S-WL-007: without a memory limit one leaking container can exhaust the node.
deny contains lib.finding("K8S-WL-007", o, resources_path(c, "limits"), facts) if {
	some o in input.kubernetes.objects
	some c in k8s.app_containers(o)
	not quantity_of(c, "limits", "memory")
	not limit_range_default(o, "default", "memory")
	facts := {"name": k8s.name(o), "kind": o.kind, "container": c.container.name}
}

# K8S-WL-008: a limit far above the request overcommits the node: capacity is paid for but
# only usable until neighbours claim it.
deny contains lib.finding("K8S-WL-008", o, array.concat(c.path, ["resources", "limits", r]), facts) if {
	some o in input.kubernetes.objects
	some c in k8s.app_containers(o)
	max_ratio := lib.config_value("max_limit_request_ratio", 4)
	some r in ["cpu", "memory"]
	limit := quantity.parse(quantity_of(c, "limits", r))
	request := quantity.parse(quantity_of(c, "requests", r))
	request > 0
	limit > (request * max_ratio) * 1.000000001
	facts := {
		"name": k8s.name(o), "kind": o.kind, "container": c.container.name, "resource": r,
		"limit": quantity_of(c, "limits", r), "request": quantity_of(c, "requests", r), "max_ratio": max_ratio,
	}
}

# Namespaces whose quotas and defaults the cluster administrator manages, not the scanned teams.
system_namespaces := {"kube-system", "kube-public", "kube-node-lease"}

# Namespaces seen through the workloads of this evaluation (the engine keeps each namespace's
# objects in one evaluation), each with the workload ids in it.
workload_namespaces[ns] contains o.id if {
	some o in input.kubernetes.objects
	k8s.pod_spec(o)
	not k8s.owned(o)
	ns := k8s.namespace(o)
	not ns in system_namespaces
}

# Where a namespace-level finding goes, once per namespace and deterministically: the
# Namespace object when the scan has it, else the namespace's first workload by id.
namespace_target(ns) := {"object": n, "path": ["metadata"]} if {
	n := k8s.namespace_object(ns)
} else := {"object": o, "path": namespace_path(o)} if {
	first := min(workload_namespaces[ns])
	some o in input.kubernetes.objects
	o.id == first
}

namespace_path(o) := ["metadata", "namespace"] if lib.has_key(o.metadata, "namespace")

else := ["metadata"]

# K8S-RES-001: without a LimitRange, containers that omit requests and limits get none.
deny contains lib.finding("K8S-RES-001", t.object, t.path, {"namespace": ns}) if {
	some ns, _ in workload_namespaces
	count(k8s.related("LimitRange", ns)) == 0
	t := namespace_target(ns)
}

# K8S-RES-002: without a ResourceQuota, one team's runaway scale-up can take the whole cluster.
deny contains lib.finding("K8S-RES-002", t.object, t.path, {"namespace": ns}) if {
	some ns, _ in workload_namespaces
	count(k8s.related("ResourceQuota", ns)) == 0
	t := namespace_target(ns)
}

# K8S-RES-003: a replicated Deployment with a fixed replica count neither absorbs load spikes
# nor gives back capacity when idle.
deny contains lib.finding("K8S-RES-003", o, ["spec", "replicas"], {"name": k8s.name(o), "replicas": r}) if {
	some o in input.kubernetes.objects
	o.kind == "Deployment"
	not k8s.owned(o)
	r := o.spec.replicas
	is_number(r)
	r >= 2
	not scaled(o)
}

scaled(o) if {
	some hpa in k8s.related("HorizontalPodAutoscaler", k8s.namespace(o))
	hpa.spec.scaleTargetRef.kind == o.kind
	hpa.spec.scaleTargetRef.name == k8s.name(o)
}

# K8S-RES-004: without an ephemeral-storage limit, logs and scratch files can fill the node's
# disk and get every pod on it evicted.
deny contains lib.finding("K8S-RES-004", o, resources_path(c, "limits"), facts) if {
	some o in input.kubernetes.objects
	k8s.long_running(o)
	not k8s.owned(o)
	some c in k8s.app_containers(o)
	not quantity_of(c, "limits", "ephemeral-storage")
	not limit_range_default(o, "default", "ephemeral-storage")
	facts := {"name": k8s.name(o), "kind": o.kind, "container": c.container.name}
}

# K8S-RES-005: a CPU limit throttles a container even when the node has idle CPU (advisory:
# some teams require CPU limits, others forbid them).
deny contains lib.finding("K8S-RES-005", o, array.concat(c.path, ["resources", "limits", "cpu"]), facts) if {
	some o in input.kubernetes.objects
	not k8s.owned(o)
	some c in k8s.app_containers(o)
	limit := quantity_of(c, "limits", "cpu")
	facts := {"name": k8s.name(o), "kind": o.kind, "container": c.container.name, "limit": limit}
}

# Configured per-container request ceilings (off unless set).
ceilings := {r: q |
	some r, key in {"cpu": "max_container_cpu", "memory": "max_container_memory"}
	q := lib.config_value(key, "")
	q != ""
}

# K8S-RES-006: requests far above the organisation's ceiling reserve capacity that is paid for and idle.
deny contains lib.finding("K8S-RES-006", o, array.concat(c.path, ["resources", "requests", r]), facts) if {
	some r, ceiling in ceilings
	max := quantity.parse(ceiling)
	some o in input.kubernetes.objects
	not k8s.owned(o)
	some c in k8s.containers(o)
	request := quantity_of(c, "requests", r)
	quantity.parse(request) > max
	facts := {"name": k8s.name(o), "kind": o.kind, "container": c.container.name, "resource": r, "request": request, "ceiling": ceiling}
}
