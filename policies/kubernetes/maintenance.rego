# API lifecycle and image provenance.
package palisade.rules.kubernetes.maintenance

import data.palisade.lib
import data.palisade.lib.k8s

# "apiVersion kind" → the Kubernetes release that stopped serving it and its replacement
# (https://kubernetes.io/docs/reference/using-api/deprecation-guide/).
removed_apis := {
	"extensions/v1beta1 Deployment": {"removed_in": "1.16", "replacement": "apps/v1"},
	"extensions/v1beta1 DaemonSet": {"removed_in": "1.16", "replacement": "apps/v1"},
	"extensions/v1beta1 ReplicaSet": {"removed_in": "1.16", "replacement": "apps/v1"},
	"extensions/v1beta1 NetworkPolicy": {"removed_in": "1.16", "replacement": "networking.k8s.io/v1"},
	"extensions/v1beta1 PodSecurityPolicy": {"removed_in": "1.16", "replacement": "Pod Security Admission"},
	"extensions/v1beta1 Ingress": {"removed_in": "1.22", "replacement": "networking.k8s.io/v1"},
	"apps/v1beta1 Deployment": {"removed_in": "1.16", "replacement": "apps/v1"},
	"apps/v1beta1 StatefulSet": {"removed_in": "1.16", "replacement": "apps/v1"},
	"apps/v1beta2 Deployment": {"removed_in": "1.16", "replacement": "apps/v1"},
	"apps/v1beta2 StatefulSet": {"removed_in": "1.16", "replacement": "apps/v1"},
	"apps/v1beta2 DaemonSet": {"removed_in": "1.16", "replacement": "apps/v1"},
	"apps/v1beta2 ReplicaSet": {"removed_in": "1.16", "replacement": "apps/v1"},
	"networking.k8s.io/v1beta1 Ingress": {"removed_in": "1.22", "replacement": "networking.k8s.io/v1"},
	"networking.k8s.io/v1beta1 IngressClass": {"removed_in": "1.22", "replacement": "networking.k8s.io/v1"},
	"rbac.authorization.k8s.io/v1beta1 Role": {"removed_in": "1.22", "replacement": "rbac.authorization.k8s.io/v1"},
	"rbac.authorization.k8s.io/v1beta1 ClusterRole": {"removed_in": "1.22", "replacement": "rbac.authorization.k8s.io/v1"},
	"rbac.authorization.k8s.io/v1beta1 RoleBinding": {"removed_in": "1.22", "replacement": "rbac.authorization.k8s.io/v1"},
	"rbac.authorization.k8s.io/v1beta1 ClusterRoleBinding": {"removed_in": "1.22", "replacement": "rbac.authorization.k8s.io/v1"},
	"apiextensions.k8s.io/v1beta1 CustomResourceDefinition": {"removed_in": "1.22", "replacement": "apiextensions.k8s.io/v1"},
	"admissionregistration.k8s.io/v1beta1 MutatingWebhookConfiguration": {"removed_in": "1.22", "replacement": "admissionregistration.k8s.io/v1"},
	"admissionregistration.k8s.io/v1beta1 ValidatingWebhookConfiguration": {"removed_in": "1.22", "replacement": "admissionregistration.k8s.io/v1"},
	"scheduling.k8s.io/v1beta1 PriorityClass": {"removed_in": "1.22", "replacement": "scheduling.k8s.io/v1"},
	"storage.k8s.io/v1beta1 StorageClass": {"removed_in": "1.22", "replacement": "storage.k8s.io/v1"},
	"storage.k8s.io/v1beta1 CSIDriver": {"removed_in": "1.22", "replacement": "storage.k8s.io/v1"},
	"storage.k8s.io/v1beta1 CSINode": {"removed_in": "1.22", "replacement": "storage.k8s.io/v1"},
	"storage.k8s.io/v1beta1 VolumeAttachment": {"removed_in": "1.22", "replacement": "storage.k8s.io/v1"},
	"coordination.k8s.io/v1beta1 Lease": {"removed_in": "1.22", "replacement": "coordination.k8s.io/v1"},
	"certificates.k8s.io/v1beta1 CertificateSigningRequest": {"removed_in": "1.22", "replacement": "certificates.k8s.io/v1"},
	"batch/v1beta1 CronJob": {"removed_in": "1.25", "replacement": "batch/v1"},
	"policy/v1beta1 PodDisruptionBudget": {"removed_in": "1.25", "replacement": "policy/v1"},
	"policy/v1beta1 PodSecurityPolicy": {"removed_in": "1.25", "replacement": "Pod Security Admission"},
	"discovery.k8s.io/v1beta1 EndpointSlice": {"removed_in": "1.25", "replacement": "discovery.k8s.io/v1"},
	"events.k8s.io/v1beta1 Event": {"removed_in": "1.25", "replacement": "events.k8s.io/v1"},
	"node.k8s.io/v1beta1 RuntimeClass": {"removed_in": "1.25", "replacement": "node.k8s.io/v1"},
	"autoscaling/v2beta1 HorizontalPodAutoscaler": {"removed_in": "1.25", "replacement": "autoscaling/v2"},
	"autoscaling/v2beta2 HorizontalPodAutoscaler": {"removed_in": "1.26", "replacement": "autoscaling/v2"},
	"flowcontrol.apiserver.k8s.io/v1beta1 FlowSchema": {"removed_in": "1.26", "replacement": "flowcontrol.apiserver.k8s.io/v1"},
	"flowcontrol.apiserver.k8s.io/v1beta1 PriorityLevelConfiguration": {"removed_in": "1.26", "replacement": "flowcontrol.apiserver.k8s.io/v1"},
	"storage.k8s.io/v1beta1 CSIStorageCapacity": {"removed_in": "1.27", "replacement": "storage.k8s.io/v1"},
	"flowcontrol.apiserver.k8s.io/v1beta2 FlowSchema": {"removed_in": "1.29", "replacement": "flowcontrol.apiserver.k8s.io/v1"},
	"flowcontrol.apiserver.k8s.io/v1beta2 PriorityLevelConfiguration": {"removed_in": "1.29", "replacement": "flowcontrol.apiserver.k8s.io/v1"},
	"flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema": {"removed_in": "1.32", "replacement": "flowcontrol.apiserver.k8s.io/v1"},
	"flowcontrol.apiserver.k8s.io/v1beta3 PriorityLevelConfiguration": {"removed_in": "1.32", "replacement": "flowcontrol.apiserver.k8s.io/v1"},
}

# K8S-MNT-001: an API version the cluster no longer serves: the manifest fails to apply after
# the upgrade (or blocks it).
deny contains lib.finding("K8S-MNT-001", o, ["apiVersion"], facts) if {
	some o in input.kubernetes.objects
	not k8s.owned(o)
	api := removed_apis[concat(" ", [o.apiVersion, o.kind])]
	facts := {
		"name": k8s.name(o), "kind": o.kind, "api_version": o.apiVersion,
		"removed_in": api.removed_in, "replacement": api.replacement,
	}
}

digest_pinned(image) if contains(image, "@sha256:")

# Mutable references (no tag, or :latest) are K8S-WL-010's: this rule covers fixed tags only.
tagged(image) if {
	parts := split(image, "/")
	last := parts[count(parts) - 1]
	contains(last, ":")
	not endswith(last, ":latest")
}

# K8S-MNT-002: a tag can be re-pushed; only a digest names exactly the image that was scanned and approved.
deny contains lib.finding("K8S-MNT-002", o, array.concat(c.path, ["image"]), facts) if {
	some o in input.kubernetes.objects
	not k8s.owned(o)
	some c in k8s.containers(o)
	image := c.container.image
	is_string(image)
	not digest_pinned(image)
	tagged(image)
	facts := {"name": k8s.name(o), "kind": o.kind, "container": c.container.name, "image": image}
}

version_label := "app.kubernetes.io/version"

# The deepest of template labels, template metadata, template that exists.
template_labels_path(o) := ["spec", "template", "metadata", "labels"] if is_object(o.spec.template.metadata.labels)

else := ["spec", "template", "metadata"] if is_object(o.spec.template.metadata)

else := ["spec", "template"]

# K8S-MNT-003: without the recommended version label, running versions cannot be inventoried
# across the cluster (advisory).
deny contains lib.finding("K8S-MNT-003", o, template_labels_path(o), {"name": k8s.name(o), "kind": o.kind}) if {
	some o in input.kubernetes.objects
	o.kind in {"Deployment", "StatefulSet", "DaemonSet"}
	not k8s.owned(o)
	is_object(o.spec.template)
	labels := object.get(object.get(o.spec.template, "metadata", {}), "labels", {})
	not labels[version_label]
}

# K8S-MNT-004: a digest never changes, so pulling it on every start only adds registry
# traffic, egress cost and a startup dependency on the registry.
deny contains lib.finding("K8S-MNT-004", o, array.concat(c.path, ["imagePullPolicy"]), facts) if {
	some o in input.kubernetes.objects
	not k8s.owned(o)
	some c in k8s.containers(o)
	c.container.imagePullPolicy == "Always"
	image := c.container.image
	is_string(image)
	digest_pinned(image)
	facts := {"name": k8s.name(o), "kind": o.kind, "container": c.container.name, "image": image}
}
