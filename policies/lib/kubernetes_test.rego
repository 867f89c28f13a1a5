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
	ids := {o.id | some o in k8s.context_objects} with input as {"kubernetes": {"objects": [deployment], "context": [cronjob]}}
	ids == {"d", "c"}
}

test_owned if {
	k8s.owned({"metadata": {"ownerReferences": [{"kind": "ReplicaSet", "controller": true}]}})
	not k8s.owned(deployment)
}
