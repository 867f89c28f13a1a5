package palisade.rules.kubernetes.workloads_test

import data.palisade.rules.kubernetes.workloads
import data.palisade.lib.k8s

probe := {"httpGet": {"path": "/healthz", "port": 8080}}

app := {"name": "app", "image": "registry.example.com/shop/app:1.4.2", "readinessProbe": probe, "livenessProbe": probe}

deployment(spec) := {
	"id": "d", "apiVersion": "apps/v1", "kind": "Deployment",
	"metadata": {"name": "shop", "namespace": "prod"},
	"spec": object.union({"replicas": 3, "template": {"spec": {"containers": [app]}}}, spec),
}

pod_template(containers) := {"template": {"spec": {"containers": containers}}}

findings(id, objects) := [f | some f in workloads.deny with input as {"kubernetes": {"objects": objects}}; f.rule == id]

findings_ctx(id, objects, context) := [f |
	some f in workloads.deny with input as {"kubernetes": {"objects": objects, "related": k8s.index(context)}}
	f.rule == id
]

test_healthy_deployment_passes if {
	count(workloads.deny) == 0 with input as {"kubernetes": {"objects": [deployment({})]}}
}

# K8S-WL-001

test_single_replica_fires if {
	[f] := findings("K8S-WL-001", [deployment({"replicas": 1})])
	f.path == ["spec", "replicas"]
	f.facts == {"name": "shop", "kind": "Deployment", "replicas": 1}
}

test_absent_replicas_fires_at_spec if {
	d := object.union(deployment({}), {"spec": {"replicas": null}})
	dd := json.remove(d, ["spec/replicas"])
	[f] := findings("K8S-WL-001", [dd])
	f.path == ["spec"]
	f.facts.replicas == 1
}

test_statefulset_single_replica_fires if {
	s := object.union(deployment({"replicas": 1}), {"kind": "StatefulSet", "metadata": {"labels": {"data-classification": "internal"}}})
	count(findings("K8S-WL-001", [s])) == 1
}

test_daemonset_replicas_ignored if {
	ds := object.union(deployment({"replicas": 1}), {"kind": "DaemonSet"})
	count(findings("K8S-WL-001", [ds])) == 0
}

hpa(min) := {
	"id": "h", "apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler",
	"metadata": {"name": "shop", "namespace": "prod"},
	"spec": {"scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": "shop"}, "minReplicas": min, "maxReplicas": 10},
}

test_hpa_min_two_passes if {
	count(findings_ctx("K8S-WL-001", [deployment({"replicas": 1})], [hpa(2)])) == 0
}

test_hpa_min_one_fires if {
	count(findings_ctx("K8S-WL-001", [deployment({"replicas": 1})], [hpa(1)])) == 1
}

test_hpa_other_namespace_fires if {
	h := object.union(hpa(3), {"metadata": {"namespace": "staging"}})
	count(findings_ctx("K8S-WL-001", [deployment({"replicas": 1})], [h])) == 1
}

test_hpa_in_objects_counts if {
	count(findings("K8S-WL-001", [deployment({"replicas": 1}), hpa(2)])) == 0
}

test_replicas_templated_passes if {
	count(findings("K8S-WL-001", [deployment({"replicas": "{{ .Values.replicas }}"})])) == 0
}

# K8S-WL-002 / K8S-WL-005

test_missing_probes_fire if {
	bare := {"name": "app", "image": "app:1.0"}
	d := deployment(pod_template([app, bare]))
	[r] := findings("K8S-WL-002", [d])
	r.path == ["spec", "template", "spec", "containers", 1]
	r.facts.container == "app"
	[l] := findings("K8S-WL-005", [d])
	l.path == ["spec", "template", "spec", "containers", 1]
}

test_init_containers_need_no_probes if {
	d := deployment({"template": {"spec": {"containers": [app], "initContainers": [{"name": "migrate", "image": "app:1.0"}]}}})
	count(findings("K8S-WL-002", [d])) == 0
	count(findings("K8S-WL-005", [d])) == 0
}

test_jobs_need_no_probes if {
	job := {"id": "j", "apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "report"}, "spec": pod_template([{"name": "run", "image": "app:1.0"}])}
	cron := {
		"id": "c", "apiVersion": "batch/v1", "kind": "CronJob", "metadata": {"name": "nightly"},
		"spec": {"schedule": "0 2 * * *", "jobTemplate": {"spec": pod_template([{"name": "run", "image": "app:1.0"}])}},
	}
	count(findings("K8S-WL-002", [job, cron])) == 0
	count(findings("K8S-WL-005", [job, cron])) == 0
}

test_pod_without_probes_fires if {
	pod := {"id": "p", "apiVersion": "v1", "kind": "Pod", "metadata": {"name": "debug"}, "spec": {"containers": [{"name": "sh", "image": "busybox:1.36"}]}}
	[f] := findings("K8S-WL-005", [pod])
	f.path == ["spec", "containers", 0]
}

# K8S-WL-009

statefulset(labels) := {
	"id": "s", "apiVersion": "apps/v1", "kind": "StatefulSet",
	"metadata": {"name": "db", "labels": labels},
	"spec": {"replicas": 3, "template": {"spec": {"containers": [app]}}},
}

test_statefulset_without_classification_fires if {
	[f] := findings("K8S-WL-009", [statefulset({"app": "db"})])
	f.path == ["metadata", "labels"]
	f.facts == {"name": "db", "label": "data-classification"}
}

test_statefulset_without_labels_fires_at_metadata if {
	s := json.remove(statefulset({}), ["metadata/labels"])
	[f] := findings("K8S-WL-009", [s])
	f.path == ["metadata"]
}

test_statefulset_classified_passes if {
	count(findings("K8S-WL-009", [statefulset({"data-classification": "confidential"})])) == 0
}

test_classification_label_configurable if {
	inp := {"kubernetes": {"objects": [statefulset({"data-classification": "x"})]}, "config": {"classification_tag": "example.com/data-class"}}
	fs := [f | some f in workloads.deny with input as inp; f.rule == "K8S-WL-009"]
	fs[0].facts.label == "example.com/data-class"
}

test_deployment_needs_no_classification if {
	count(findings("K8S-WL-009", [deployment({})])) == 0
}

# K8S-WL-010

image_findings(image) := findings("K8S-WL-010", [deployment(pod_template([object.union(app, {"image": image})]))])

test_latest_tag_fires if {
	[f] := image_findings("nginx:latest")
	f.path == ["spec", "template", "spec", "containers", 0, "image"]
	f.facts.image == "nginx:latest"
}

test_no_tag_fires if {
	count(image_findings("nginx")) == 1
	count(image_findings("ghcr.io/acme/api")) == 1
}

test_registry_port_without_tag_fires if {
	count(image_findings("registry:5000/app")) == 1
	count(image_findings("registry:5000/app:latest")) == 1
}

test_registry_port_with_tag_passes if {
	count(image_findings("registry:5000/app:2.1.0")) == 0
}

test_fixed_tag_passes if {
	count(image_findings("nginx:1.27.1")) == 0
	count(image_findings("nginx:latest-alpine")) == 0
}

test_digest_passes if {
	count(image_findings("nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31")) == 0
	count(image_findings("nginx:latest@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31")) == 0
}

test_init_container_image_fires if {
	d := deployment({"template": {"spec": {"containers": [app], "initContainers": [{"name": "migrate", "image": "flyway/flyway"}]}}})
	[f] := findings("K8S-WL-010", [d])
	f.path == ["spec", "template", "spec", "initContainers", 0, "image"]
}

test_cronjob_image_fires if {
	cron := {
		"id": "c", "apiVersion": "batch/v1", "kind": "CronJob", "metadata": {"name": "nightly"},
		"spec": {"schedule": "0 2 * * *", "jobTemplate": {"spec": pod_template([{"name": "run", "image": "app:latest"}])}},
	}
	[f] := findings("K8S-WL-010", [cron])
	f.path == ["spec", "jobTemplate", "spec", "template", "spec", "containers", 0, "image"]
}
