# Container resource requests and limits.
package palisade.rules.kubernetes.resources

import data.palisade.lib
import data.palisade.lib.k8s
import data.palisade.lib.quantity

# A LimitRange in the object's namespace gives containers a default for field/resource
# (field: "defaultRequest" or "default").
limit_range_default(o, field, resource) if {
	some lr in k8s.context_objects
	lr.kind == "LimitRange"
	k8s.namespace(lr) == k8s.namespace(o)
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
