# Storage classes.
package palisade.rules.kubernetes.storage

import data.palisade.lib
import data.palisade.lib.k8s

# K8S-SC-001: with reclaimPolicy Delete (the default), deleting a claim deletes the disk and its data.
deny contains lib.finding("K8S-SC-001", o, ["reclaimPolicy"], {"name": k8s.name(o), "reclaim_policy": policy}) if {
	some o in input.kubernetes.objects
	o.kind == "StorageClass"
	policy := object.get(o, "reclaimPolicy", "Delete")
	policy == "Delete"
}
