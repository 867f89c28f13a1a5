package palisade.rules.kubernetes.storage_test

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
