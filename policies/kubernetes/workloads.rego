# Workload availability, health checking, governance and image hygiene.
package palisade.rules.kubernetes.workloads

import data.palisade.lib
import data.palisade.lib.k8s

# K8S-WL-001: a single replica is a single point of failure during node loss, drains and rollouts.
deny contains lib.finding("K8S-WL-001", o, path, {"name": k8s.name(o), "kind": o.kind, "replicas": replicas}) if {
	some o in input.kubernetes.objects
	o.kind in {"Deployment", "StatefulSet"}
	is_object(o.spec)
	replicas := object.get(o.spec, "replicas", 1)
	is_number(replicas)
	replicas < 2
	path := replicas_path(o)
	not autoscaled(o)
}

replicas_path(o) := ["spec", "replicas"] if "replicas" in object_keys(o.spec)

else := ["spec"]

object_keys(obj) := {k | some k, _ in obj}

# A HorizontalPodAutoscaler in the same namespace keeps at least two replicas of o.
autoscaled(o) if {
	some hpa in k8s.related("HorizontalPodAutoscaler", k8s.namespace(o))
	hpa.spec.scaleTargetRef.kind == o.kind
	hpa.spec.scaleTargetRef.name == k8s.name(o)
	min := object.get(hpa.spec, "minReplicas", 1)
	is_number(min)
	min >= 2
}

# K8S-WL-002: without a readiness probe, traffic reaches a container before it can serve it.
deny contains lib.finding("K8S-WL-002", o, c.path, {"name": k8s.name(o), "kind": o.kind, "container": c.container.name}) if {
	some o in input.kubernetes.objects
	k8s.long_running(o)
	some c in k8s.app_containers(o)
	object.get(c.container, "readinessProbe", null) == null
}

# K8S-WL-005: without a liveness probe, a hung container is never restarted.
deny contains lib.finding("K8S-WL-005", o, c.path, {"name": k8s.name(o), "kind": o.kind, "container": c.container.name}) if {
	some o in input.kubernetes.objects
	k8s.long_running(o)
	some c in k8s.app_containers(o)
	object.get(c.container, "livenessProbe", null) == null
}

# K8S-WL-009: stateful workloads hold data and must declare its classification.
deny contains lib.finding("K8S-WL-009", o, path, {"name": k8s.name(o), "label": label}) if {
	some o in input.kubernetes.objects
	o.kind == "StatefulSet"
	label := lib.config_value("classification_tag", "data-classification")
	labels := k8s.labels(o)
	is_object(labels)
	object.get(labels, label, null) == null
	path := labels_path(o)
}

labels_path(o) := ["metadata", "labels"] if "labels" in object_keys(object.get(o, "metadata", {}))

else := ["metadata"]

# K8S-WL-010: a mutable tag means the running image can change without a manifest change.
deny contains lib.finding("K8S-WL-010", o, array.concat(c.path, ["image"]), facts) if {
	some o in input.kubernetes.objects
	some c in k8s.containers(o)
	image := c.container.image
	is_string(image)
	mutable_image(image)
	facts := {"name": k8s.name(o), "kind": o.kind, "container": c.container.name, "image": image}
}

# Neither pinned by digest nor by a fixed tag. The tag follows the last ":" of the last path
# segment, so a registry port ("registry:5000/app") is not a tag.
mutable_image(image) if {
	image != ""
	not contains(image, "@")
	parts := split(image, "/")
	last := parts[count(parts) - 1]
	not contains(last, ":")
}

mutable_image(image) if {
	not contains(image, "@")
	parts := split(image, "/")
	endswith(parts[count(parts) - 1], ":latest")
}
