# Helpers that reach the pod spec inside every workload kind, with the model path to it.
package palisade.lib.k8s

workload_kinds := {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job"}

# {"spec": <pod spec>, "path": <model path to it>} for workloads, CronJobs and Pods.
pod_spec(o) := {"spec": o.spec.template.spec, "path": ["spec", "template", "spec"]} if {
	o.kind in workload_kinds
	is_object(o.spec.template.spec)
}

pod_spec(o) := {"spec": o.spec.jobTemplate.spec.template.spec, "path": ["spec", "jobTemplate", "spec", "template", "spec"]} if {
	o.kind == "CronJob"
	is_object(o.spec.jobTemplate.spec.template.spec)
}

pod_spec(o) := {"spec": o.spec, "path": ["spec"]} if {
	o.kind == "Pod"
	is_object(o.spec)
}

# Objects that run pods.
pod_owners contains o if {
	some o in input.kubernetes.objects
	pod_spec(o)
}

# Every container (regular, init and ephemeral) of an object, with its model path.
containers(o) := [c |
	ps := pod_spec(o)
	some group in ["containers", "initContainers", "ephemeralContainers"]
	some i, ct in object.get(ps.spec, group, [])
	c := {"container": ct, "path": array.concat(ps.path, [group, i]), "init": group != "containers"}
]

# Long-running containers only (probes, replicas and scaling rules use these).
app_containers(o) := [c | some c in containers(o); not c.init]

# Workloads that run continuously and scale by replicas.
replicated(o) if o.kind in {"Deployment", "StatefulSet", "ReplicaSet", "ReplicationController"}

long_running(o) if o.kind in {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Pod"}

name(o) := object.get(object.get(o, "metadata", {}), "name", "")

namespace(o) := object.get(object.get(o, "metadata", {}), "namespace", "default")

labels(o) := object.get(object.get(o, "metadata", {}), "labels", {})

annotations(o) := object.get(object.get(o, "metadata", {}), "annotations", {})

# Objects of relational kinds from the whole scan (see docs/model.md). The engine sends them
# with every chunk in `kubernetes.related`, indexed by "Kind/namespace"; without it (unit
# tests), the chunk's own objects stand in.
context_objects contains o if {
	some group in input.kubernetes.related
	some o in group
}

context_objects contains o if {
	not input.kubernetes.related
	some o in input.kubernetes.objects
}

# Context objects of a kind in a namespace (cluster-scoped kinds: namespace "default").
# A lookup in the engine's index: rules never scan the whole context for every object.
related(kind, ns) := object.get(input.kubernetes.related, concat("/", [kind, ns]), []) if input.kubernetes.related

else := [o | some o in input.kubernetes.objects; o.kind == kind; namespace(o) == ns]

# Objects a controller owns (ReplicaSets of a Deployment, Pods of a ReplicaSet or Job): in a
# live cluster, rules report on the owner instead of repeating themselves on each owned object.
owned(o) if {
	some ref in object.get(object.get(o, "metadata", {}), "ownerReferences", [])
	ref.controller == true
}

# The engine's "Kind/namespace" index of a list of objects: builds `kubernetes.related` in
# unit tests, e.g. `with input as {"kubernetes": {"objects": [...], "related": k8s.index([hpa])}}`.
index(objs) := {key: group |
	some o in objs
	key := concat("/", [o.kind, namespace(o)])
	group := [x | some x in objs; concat("/", [x.kind, namespace(x)]) == key]
}

# The Namespace object named ns in the scan, if any. A scan may hold several copies of it
# (base and overlays): the one with the smallest id, so the answer is unique and stable.
namespace_object(ns) := find("Namespace", "default", ns)

# The scan's object of a relational kind with this namespace and name; with several copies,
# the one with the smallest id (unique and stable, so functions built on it never conflict).
find(kind, ns, obj_name) := first_by_id([o | some o in related(kind, ns); o.kind == kind; name(o) == obj_name])

# The element of a non-empty list of objects with the smallest id.
first_by_id(objs) := objs[i] if {
	ids := [o.id | some o in objs]
	m := min(ids)
	some i, o in objs
	o.id == m
	not _earlier_duplicate(objs, i, m)
}

_earlier_duplicate(objs, i, m) if {
	some j, o in objs
	j < i
	o.id == m
}
