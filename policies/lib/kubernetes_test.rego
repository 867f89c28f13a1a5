package palisade.lib.kubernetes_test

import data.palisade.lib.k8s

deployment := {"id": "d", "kind": "Deployment", "metadata": {"name": "web", "namespace": "shop", "labels": {"a": "b"}}, "spec": {"template": {"spec": {
	"initContainers": [{"name": "init"}],
	"containers": [{"name": "app"}],
}}}}

cronjob := {"id": "c", "kind": "CronJob", "metadata": {"name": "job"}, "spec": {"jobTemplate": {"spec": {"template": {"spec": {"containers": [{"name": "x"}]}}}}}}

test_pod_spec_paths if {
	k8s.pod_spec(deployment).path == ["spec", "template", "spec"]
	k8s.pod_spec(cronjob).path == ["spec", "jobTemplate", "spec", "template", "spec"]
	k8s.pod_spec({"kind": "Pod", "spec": {}}).path == ["spec"]
	not k8s.pod_spec({"kind": "ConfigMap", "data": {}})
}

test_containers if {
	[c.path | some c in k8s.containers(deployment)] == [["spec", "template", "spec", "containers", 0], ["spec", "template", "spec", "initContainers", 0]]
	[c.container.name | some c in k8s.app_containers(deployment)] == ["app"]
}

test_pod_owners if {
	ids := {o.id | some o in k8s.pod_owners} with input as {"kubernetes": {"objects": [deployment, {"id": "cm", "kind": "ConfigMap"}]}}
	ids == {"d"}
}

test_kinds if {
	k8s.replicated(deployment)
	not k8s.replicated(cronjob)
	k8s.long_running(deployment)
	not k8s.long_running(cronjob)
}

test_metadata if {
	k8s.name(deployment) == "web"
	k8s.namespace(deployment) == "shop"
	k8s.namespace(cronjob) == "default"
	k8s.labels(deployment) == {"a": "b"}
	k8s.annotations(deployment) == {}
}

test_context_objects if {
	# the index already holds every relational object of the scan, the chunk's own included
	ids := {o.id | some o in k8s.context_objects} with input as {"kubernetes": {"objects": [deployment], "related": {"CronJob/default": [cronjob]}}}
	ids == {"c"}
}

test_owned if {
	k8s.owned({"metadata": {"ownerReferences": [{"kind": "ReplicaSet", "controller": true}]}})
	not k8s.owned(deployment)
}

test_context_without_context_key_uses_objects if {
	ids := {o.id | some o in k8s.context_objects} with input as {"kubernetes": {"objects": [deployment]}}
	ids == {"d"}
}

test_related_index if {
	hpa := {"id": "h", "kind": "HorizontalPodAutoscaler", "metadata": {"name": "h", "namespace": "shop"}}
	other := {"id": "h2", "kind": "HorizontalPodAutoscaler", "metadata": {"name": "h2"}}
	inp := {"kubernetes": {"objects": [], "related": {"HorizontalPodAutoscaler/shop": [hpa], "HorizontalPodAutoscaler/default": [other], "CronJob/default": [cronjob]}}}
	[x.id | some x in k8s.related("HorizontalPodAutoscaler", "shop")] == ["h"] with input as inp
	[x.id | some x in k8s.related("HorizontalPodAutoscaler", "default")] == ["h2"] with input as inp
	k8s.related("LimitRange", "shop") == [] with input as inp
}

test_related_without_index_uses_objects if {
	hpa := {"id": "h", "kind": "HorizontalPodAutoscaler", "metadata": {"name": "h", "namespace": "shop"}}
	[x.id | some x in k8s.related("HorizontalPodAutoscaler", "shop")] == ["h"] with input as {"kubernetes": {"objects": [hpa, deployment]}}
}

test_index if {
	k8s.index([deployment, cronjob]) == {"Deployment/shop": [deployment], "CronJob/default": [cronjob]}
}

test_namespace_object_unique_with_copies if {
	a := {"id": "b", "kind": "Namespace", "metadata": {"name": "shop", "labels": {"copy": "2"}}}
	b := {"id": "a", "kind": "Namespace", "metadata": {"name": "shop", "labels": {"copy": "1"}}}
	k8s.namespace_object("shop").id == "a" with input as {"kubernetes": {"objects": [], "related": k8s.index([a, b])}}
	not k8s.namespace_object("other") with input as {"kubernetes": {"objects": [], "related": k8s.index([a, b])}}
}

test_find_and_first_by_id if {
	x := {"id": "2", "kind": "StorageClass", "metadata": {"name": "fast"}}
	y := {"id": "1", "kind": "StorageClass", "metadata": {"name": "fast"}}
	k8s.find("StorageClass", "default", "fast").id == "1" with input as {"kubernetes": {"objects": [], "related": k8s.index([x, y])}}
	not k8s.find("StorageClass", "default", "slow") with input as {"kubernetes": {"objects": [], "related": k8s.index([x, y])}}
	k8s.first_by_id([x, y, y]).id == "1"
}
