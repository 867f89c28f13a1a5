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

# The StorageClass a claim spec provisions from: its storageClassName, else the scan's default
# class. An empty storageClassName means static binding: no class.
storage_class(spec) := sc if {
	name := spec.storageClassName
	is_string(name)
	name != ""
	sc := k8s.find("StorageClass", "default", name)
}

storage_class(spec) := k8s.first_by_id(defaults) if {
	not lib.has_key(spec, "storageClassName")
	defaults := [sc |
		some sc in k8s.related("StorageClass", "default")
		sc.kind == "StorageClass"
		k8s.annotations(sc)["storageclass.kubernetes.io/is-default-class"] == "true"
	]
}

# The model path of the class choice in a claim spec at prefix.
class_path(spec, prefix) := array.concat(prefix, ["storageClassName"]) if lib.has_key(spec, "storageClassName")

else := prefix

deletes_volumes(sc) if object.get(sc, "reclaimPolicy", "Delete") == "Delete"

# Claim specs holding data: PersistentVolumeClaims and StatefulSet volumeClaimTemplates, with
# the labels that classify them (the claim's own, else the StatefulSet's).
claims contains {"object": o, "spec": o.spec, "path": ["spec"], "labels": k8s.labels(o)} if {
	some o in input.kubernetes.objects
	o.kind == "PersistentVolumeClaim"
	not k8s.owned(o)
	is_object(o.spec)
}

claims contains {"object": o, "spec": t.spec, "path": ["spec", "volumeClaimTemplates", i, "spec"], "labels": object.union(k8s.labels(o), object.get(object.get(t, "metadata", {}), "labels", {}))} if {
	some o in input.kubernetes.objects
	o.kind == "StatefulSet"
	not k8s.owned(o)
	some i, t in object.get(object.get(o, "spec", {}), "volumeClaimTemplates", [])
	is_object(t.spec)
}

# K8S-SC-002 (StatefulSets, medium) / K8S-SC-003 (PersistentVolumeClaims, low): the data lives
# on a class that deletes the disk with the claim.
claim_rule := {"StatefulSet": "K8S-SC-002", "PersistentVolumeClaim": "K8S-SC-003"}

deny contains lib.finding(claim_rule[cl.object.kind], cl.object, class_path(cl.spec, cl.path), facts) if {
	some cl in claims
	sc := storage_class(cl.spec)
	deletes_volumes(sc)
	facts := {"name": k8s.name(cl.object), "kind": cl.object.kind, "storage_class": k8s.name(sc)}
}

# K8S-SC-004: a snapshot class with deletionPolicy Delete removes the backup itself when its
# VolumeSnapshot object is deleted.
deny contains lib.finding("K8S-SC-004", o, ["deletionPolicy"], {"name": k8s.name(o)}) if {
	some o in input.kubernetes.objects
	o.kind == "VolumeSnapshotClass"
	o.deletionPolicy == "Delete"
}

# EBS provisioners, whose StorageClass parameter `encrypted: "true"` encrypts the volumes.
ebs_provisioners := {"ebs.csi.aws.com", "kubernetes.io/aws-ebs"}

# The claim's classification when it is one of the configured sensitive ones.
sensitive_classification(labels) := v if {
	v := labels[lib.config_value("classification_tag", "data-classification")]
	is_string(v)
	lower(v) in {lower(c) | some c in lib.config_value("sensitive_classifications", ["personal", "health", "pii", "phi"])}
}

# K8S-SC-005: sensitive data on volumes provisioned unencrypted.
deny contains lib.finding("K8S-SC-005", cl.object, class_path(cl.spec, cl.path), facts) if {
	some cl in claims
	classification := sensitive_classification(cl.labels)
	sc := storage_class(cl.spec)
	sc.provisioner in ebs_provisioners
	not encrypted(sc)
	facts := {"name": k8s.name(cl.object), "kind": cl.object.kind, "storage_class": k8s.name(sc), "classification": classification}
}

encrypted(sc) if {
	v := sc.parameters.encrypted
	is_string(v)
	lower(v) == "true"
}

encrypted(sc) if lib.unknown(sc.parameters.encrypted)
