package palisade.rules.kubernetes.storage_test

import data.palisade.lib.k8s
import data.palisade.rules.kubernetes.storage

sc(extra) := object.union({"id": "sc", "apiVersion": "storage.k8s.io/v1", "kind": "StorageClass", "metadata": {"name": "fast"}, "provisioner": "ebs.csi.aws.com"}, extra)

findings(o) := [f | some f in storage.deny with input as {"kubernetes": {"objects": [o]}}; f.rule == "K8S-SC-001"]

test_delete_fires if {
	[f] := findings(sc({"reclaimPolicy": "Delete"}))
	f.path == ["reclaimPolicy"]
	f.facts == {"name": "fast", "reclaim_policy": "Delete"}
}

test_absent_fires if {
	[f] := findings(sc({}))
	f.path == ["reclaimPolicy"]
}

test_retain_passes if {
	count(findings(sc({"reclaimPolicy": "Retain"}))) == 0
}

test_other_kinds_ignored if {
	count(findings({"id": "pv", "apiVersion": "v1", "kind": "PersistentVolume", "metadata": {"name": "pv"}, "spec": {}})) == 0
}

# K8S-SC-002 .. K8S-SC-005

delete_sc := {"id": "sc-fast", "apiVersion": "storage.k8s.io/v1", "kind": "StorageClass", "metadata": {"name": "fast"}, "provisioner": "ebs.csi.aws.com", "reclaimPolicy": "Delete", "parameters": {"type": "gp3"}}

retain_sc := {"id": "sc-keep", "apiVersion": "storage.k8s.io/v1", "kind": "StorageClass", "metadata": {"name": "keep", "annotations": {"storageclass.kubernetes.io/is-default-class": "true"}}, "provisioner": "ebs.csi.aws.com", "reclaimPolicy": "Retain", "parameters": {"encrypted": "true"}}

default_delete_sc := object.union(delete_sc, {"id": "sc-std", "metadata": {"name": "standard", "annotations": {"storageclass.kubernetes.io/is-default-class": "true"}}})

sts(claim_spec, labels) := {
	"id": "sts", "apiVersion": "apps/v1", "kind": "StatefulSet",
	"metadata": {"name": "db", "namespace": "prod", "labels": labels},
	"spec": {"replicas": 3, "template": {"spec": {"containers": [{"name": "db", "image": "postgres:16.3"}]}}, "volumeClaimTemplates": [{"metadata": {"name": "data"}, "spec": claim_spec}]},
}

pvc(claim_spec, labels) := {"id": "pvc", "apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": {"name": "uploads", "namespace": "prod", "labels": labels}, "spec": claim_spec}

with_ctx(id, objects, config) := [f |
	some f in storage.deny with input as {"kubernetes": {"objects": objects, "related": k8s.index(objects)}, "config": config}
	f.rule == id
]

test_statefulset_on_delete_class_fires if {
	[f] := with_ctx("K8S-SC-002", [sts({"storageClassName": "fast"}, {}), delete_sc], {})
	f.path == ["spec", "volumeClaimTemplates", 0, "spec", "storageClassName"]
	f.facts == {"name": "db", "kind": "StatefulSet", "storage_class": "fast"}
}

test_statefulset_default_class_fires_at_spec if {
	[f] := with_ctx("K8S-SC-002", [sts({}, {}), default_delete_sc, delete_sc], {})
	f.path == ["spec", "volumeClaimTemplates", 0, "spec"]
	f.facts.storage_class == "standard"
}

test_statefulset_retain_or_unknown_class_passes if {
	count(with_ctx("K8S-SC-002", [sts({"storageClassName": "keep"}, {}), retain_sc, delete_sc], {})) == 0
	count(with_ctx("K8S-SC-002", [sts({}, {}), retain_sc, delete_sc], {})) == 0
	count(with_ctx("K8S-SC-002", [sts({"storageClassName": "elsewhere"}, {}), delete_sc], {})) == 0
	count(with_ctx("K8S-SC-002", [sts({"storageClassName": ""}, {}), default_delete_sc], {})) == 0
}

test_pvc_on_delete_class_fires if {
	[f] := with_ctx("K8S-SC-003", [pvc({"storageClassName": "fast"}, {}), delete_sc], {})
	f.path == ["spec", "storageClassName"]
	f.facts == {"name": "uploads", "kind": "PersistentVolumeClaim", "storage_class": "fast"}
	count(with_ctx("K8S-SC-002", [pvc({"storageClassName": "fast"}, {}), delete_sc], {})) == 0
}

test_pvc_on_retain_class_passes if {
	count(with_ctx("K8S-SC-003", [pvc({"storageClassName": "keep"}, {}), retain_sc], {})) == 0
}

test_snapshot_class_delete_fires if {
	vsc := {"id": "vsc", "apiVersion": "snapshot.storage.k8s.io/v1", "kind": "VolumeSnapshotClass", "metadata": {"name": "csi-aws"}, "driver": "ebs.csi.aws.com", "deletionPolicy": "Delete"}
	[f] := with_ctx("K8S-SC-004", [vsc], {})
	f.path == ["deletionPolicy"]
	f.facts == {"name": "csi-aws"}
	count(with_ctx("K8S-SC-004", [object.union(vsc, {"deletionPolicy": "Retain"})], {})) == 0
}

test_sensitive_claim_unencrypted_fires if {
	[f] := with_ctx("K8S-SC-005", [pvc({"storageClassName": "fast"}, {"data-classification": "PII"}), delete_sc], {})
	f.path == ["spec", "storageClassName"]
	f.facts == {"name": "uploads", "kind": "PersistentVolumeClaim", "storage_class": "fast", "classification": "PII"}
	[g] := with_ctx("K8S-SC-005", [sts({"storageClassName": "fast"}, {"data-classification": "phi"}), delete_sc], {})
	g.path == ["spec", "volumeClaimTemplates", 0, "spec", "storageClassName"]
}

test_sensitive_claim_encrypted_or_other_passes if {
	count(with_ctx("K8S-SC-005", [pvc({"storageClassName": "keep"}, {"data-classification": "pii"}), retain_sc], {})) == 0
	count(with_ctx("K8S-SC-005", [pvc({"storageClassName": "fast"}, {"data-classification": "internal"}), delete_sc], {})) == 0
	count(with_ctx("K8S-SC-005", [pvc({"storageClassName": "fast"}, {}), delete_sc], {})) == 0
	gce := object.union(delete_sc, {"provisioner": "pd.csi.storage.gke.io"})
	count(with_ctx("K8S-SC-005", [pvc({"storageClassName": "fast"}, {"data-classification": "pii"}), gce], {})) == 0
	unk := object.union(delete_sc, {"parameters": {"encrypted": {"__unknown__": true}}})
	count(with_ctx("K8S-SC-005", [pvc({"storageClassName": "fast"}, {"data-classification": "pii"}), unk], {})) == 0
}

test_sensitive_classifications_configurable if {
	count(with_ctx("K8S-SC-005", [pvc({"storageClassName": "fast"}, {"data-classification": "restricted"}), delete_sc], {"sensitive_classifications": ["restricted"]})) == 1
}
