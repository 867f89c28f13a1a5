package palisade.rules.kubernetes.maintenance_test

import data.palisade.rules.kubernetes.maintenance

digest := "registry.example.com/shop/web@sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945"

deployment(api, containers, labels) := {
	"id": "d", "apiVersion": api, "kind": "Deployment", "metadata": {"name": "web", "namespace": "prod"},
	"spec": {"replicas": 2, "template": {"metadata": {"labels": labels}, "spec": {"containers": containers}}},
}

labels := {"app": "web", "app.kubernetes.io/version": "2.4.1"}

findings(id, objects) := [f | some f in maintenance.deny with input as {"kubernetes": {"objects": objects}}; f.rule == id]

test_current_digest_pinned_passes if {
	count(maintenance.deny) == 0 with input as {"kubernetes": {"objects": [deployment("apps/v1", [{"name": "web", "image": digest}], labels)]}}
}

# K8S-MNT-001

test_removed_api_fires if {
	[f] := findings("K8S-MNT-001", [deployment("extensions/v1beta1", [{"name": "web", "image": digest}], labels)])
	f.path == ["apiVersion"]
	f.facts == {"name": "web", "kind": "Deployment", "api_version": "extensions/v1beta1", "removed_in": "1.16", "replacement": "apps/v1"}
}

test_other_removed_apis if {
	cj := {"id": "cj", "apiVersion": "batch/v1beta1", "kind": "CronJob", "metadata": {"name": "report"}, "spec": {}}
	[f] := findings("K8S-MNT-001", [cj])
	f.facts.removed_in == "1.25"
	fs := {"id": "fs", "apiVersion": "flowcontrol.apiserver.k8s.io/v1beta3", "kind": "FlowSchema", "metadata": {"name": "x"}, "spec": {}}
	[g] := findings("K8S-MNT-001", [fs])
	g.facts.removed_in == "1.32"
}

test_current_api_and_owned_pass if {
	count(findings("K8S-MNT-001", [{"id": "cj", "apiVersion": "batch/v1", "kind": "CronJob", "metadata": {"name": "r"}}])) == 0
	owned := {"id": "rs", "apiVersion": "extensions/v1beta1", "kind": "ReplicaSet", "metadata": {"name": "r", "ownerReferences": [{"controller": true}]}}
	count(findings("K8S-MNT-001", [owned])) == 0
}

# K8S-MNT-002

test_tag_without_digest_fires if {
	[f] := findings("K8S-MNT-002", [deployment("apps/v1", [{"name": "web", "image": "registry.example.com:5000/shop/web:2.4.1"}], labels)])
	f.path == ["spec", "template", "spec", "containers", 0, "image"]
	f.facts.image == "registry.example.com:5000/shop/web:2.4.1"
}

test_mutable_or_digest_left_to_others if {
	count(findings("K8S-MNT-002", [deployment("apps/v1", [{"name": "web", "image": "web:latest"}], labels)])) == 0
	count(findings("K8S-MNT-002", [deployment("apps/v1", [{"name": "web", "image": "registry:5000/web"}], labels)])) == 0
	count(findings("K8S-MNT-002", [deployment("apps/v1", [{"name": "web", "image": "web:2.4.1@sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945"}], labels)])) == 0
}

# K8S-MNT-003

test_missing_version_label_fires if {
	[f] := findings("K8S-MNT-003", [deployment("apps/v1", [{"name": "web", "image": digest}], {"app": "web"})])
	f.path == ["spec", "template", "metadata", "labels"]
	f.facts == {"name": "web", "kind": "Deployment"}
}

test_missing_template_metadata_paths if {
	d := json.remove(deployment("apps/v1", [{"name": "web", "image": digest}], {}), ["spec/template/metadata/labels"])
	[f] := findings("K8S-MNT-003", [d])
	f.path == ["spec", "template", "metadata"]
	e := json.remove(d, ["spec/template/metadata"])
	[g] := findings("K8S-MNT-003", [e])
	g.path == ["spec", "template"]
}

test_version_label_passes_and_jobs_ignored if {
	count(findings("K8S-MNT-003", [deployment("apps/v1", [{"name": "web", "image": digest}], labels)])) == 0
	job := object.union(deployment("batch/v1", [{"name": "web", "image": digest}], {}), {"kind": "Job"})
	count(findings("K8S-MNT-003", [job])) == 0
}

# K8S-MNT-004

test_always_pull_digest_fires if {
	[f] := findings("K8S-MNT-004", [deployment("apps/v1", [{"name": "web", "image": digest, "imagePullPolicy": "Always"}], labels)])
	f.path == ["spec", "template", "spec", "containers", 0, "imagePullPolicy"]
	f.facts.container == "web"
}

test_always_pull_tag_or_if_not_present_passes if {
	count(findings("K8S-MNT-004", [deployment("apps/v1", [{"name": "web", "image": "web:2.4.1", "imagePullPolicy": "Always"}], labels)])) == 0
	count(findings("K8S-MNT-004", [deployment("apps/v1", [{"name": "web", "image": digest, "imagePullPolicy": "IfNotPresent"}], labels)])) == 0
}
