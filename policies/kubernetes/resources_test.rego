package palisade.rules.kubernetes.resources_test

import data.palisade.rules.kubernetes.resources

container(resources) := {"name": "app", "image": "app:1.0", "resources": resources}

deployment(containers) := {
	"id": "d", "apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "shop", "namespace": "prod"},
	"spec": {"replicas": 2, "template": {"spec": {"containers": containers}}},
}

findings(id, containers) := [f | some f in resources.deny with input as {"kubernetes": {"objects": [deployment(containers)]}}; f.rule == id]

good := {"requests": {"cpu": "250m", "memory": "256Mi"}, "limits": {"cpu": "1", "memory": "512Mi"}}

test_good_resources_pass if {
	count(resources.deny) == 0 with input as {"kubernetes": {"objects": [deployment([container(good)])]}}
}

# K8S-WL-006

test_no_resources_fires_at_container if {
	[f] := findings("K8S-WL-006", [{"name": "app", "image": "app:1.0"}])
	f.path == ["spec", "template", "spec", "containers", 0]
	f.facts.missing == "cpu and memory"
}

test_no_requests_fires_at_resources if {
	[f] := findings("K8S-WL-006", [container({"limits": {"cpu": "1"}})])
	f.path == ["spec", "template", "spec", "containers", 0, "resources"]
	f.facts.missing == "memory"
}

test_missing_cpu_request_fires_at_requests if {
	[f] := findings("K8S-WL-006", [container({"requests": {"memory": "128Mi"}, "limits": {"memory": "128Mi"}})])
	f.path == ["spec", "template", "spec", "containers", 0, "resources", "requests"]
	f.facts.missing == "cpu"
}

test_limits_imply_requests if {
	count(findings("K8S-WL-006", [container({"limits": {"cpu": "1", "memory": "1Gi"}})])) == 0
}

limit_range(limit) := {
	"id": "lr", "apiVersion": "v1", "kind": "LimitRange", "metadata": {"name": "defaults", "namespace": "prod"},
	"spec": {"limits": [object.union({"type": "Container"}, limit)]},
}

with_context(id, containers, ctx) := [f |
	some f in resources.deny with input as {"kubernetes": {"objects": [deployment(containers)], "context": ctx}}
	f.rule == id
]

test_limit_range_defaults_pass if {
	lr := limit_range({"defaultRequest": {"cpu": "100m", "memory": "128Mi"}, "default": {"memory": "256Mi"}})
	count(with_context("K8S-WL-006", [{"name": "app", "image": "app:1.0"}], [lr])) == 0
	count(with_context("K8S-WL-007", [{"name": "app", "image": "app:1.0"}], [lr])) == 0
}

test_limit_range_other_namespace_ignored if {
	lr := object.union(limit_range({"default": {"cpu": "1", "memory": "1Gi"}}), {"metadata": {"namespace": "dev"}})
	count(with_context("K8S-WL-006", [{"name": "app", "image": "app:1.0"}], [lr])) == 1
}

test_init_containers_ignored if {
	d := object.union(deployment([container(good)]), {"spec": {"template": {"spec": {"initContainers": [{"name": "init", "image": "busybox:1.36"}]}}}})
	count([f | some f in resources.deny with input as {"kubernetes": {"objects": [d]}}]) == 0
}

# K8S-WL-007

test_no_memory_limit_fires if {
	[f] := findings("K8S-WL-007", [container({"requests": {"cpu": "100m", "memory": "128Mi"}, "limits": {"cpu": "1"}})])
	f.path == ["spec", "template", "spec", "containers", 0, "resources", "limits"]
	f.facts.container == "app"
}

test_no_limits_fires_at_resources if {
	[f] := findings("K8S-WL-007", [container({"requests": {"cpu": "100m", "memory": "128Mi"}})])
	f.path == ["spec", "template", "spec", "containers", 0, "resources"]
}

# K8S-WL-008

test_cpu_overcommit_fires if {
	[f] := findings("K8S-WL-008", [container({"requests": {"cpu": "100m", "memory": "256Mi"}, "limits": {"cpu": "1", "memory": "512Mi"}})])
	f.path == ["spec", "template", "spec", "containers", 0, "resources", "limits", "cpu"]
	f.facts == {"name": "shop", "kind": "Deployment", "container": "app", "resource": "cpu", "limit": "1", "request": "100m", "max_ratio": 4}
}

test_memory_overcommit_mixed_units_fires if {
	[f] := findings("K8S-WL-008", [container({"requests": {"cpu": "1", "memory": "128Mi"}, "limits": {"cpu": "2", "memory": "1G"}})])
	f.facts.resource == "memory"
}

test_exactly_four_times_passes if {
	count(findings("K8S-WL-008", [container({"requests": {"cpu": "250m", "memory": "256Mi"}, "limits": {"cpu": "1", "memory": "1Gi"}})])) == 0
	count(findings("K8S-WL-008", [container({"requests": {"cpu": 0.5}, "limits": {"cpu": 2}})])) == 0
}

test_numeric_and_exponent_quantities if {
	count(findings("K8S-WL-008", [container({"requests": {"cpu": 0.1}, "limits": {"cpu": "500m"}})])) == 1
	count(findings("K8S-WL-008", [container({"requests": {"memory": "500k"}, "limits": {"memory": "1e7"}})])) == 1
	count(findings("K8S-WL-008", [container({"requests": {"memory": "1Mi"}, "limits": {"memory": "4Mi"}})])) == 0
}

test_unparseable_quantity_passes if {
	count(findings("K8S-WL-008", [container({"requests": {"cpu": "lots"}, "limits": {"cpu": "1"}})])) == 0
	count(findings("K8S-WL-008", [container({"requests": {"cpu": "0"}, "limits": {"cpu": "1"}})])) == 0
}

test_ratio_configurable if {
	inp := {"kubernetes": {"objects": [deployment([container(good)])]}, "config": {"max_limit_request_ratio": 2}}
	fs := [f | some f in resources.deny with input as inp; f.rule == "K8S-WL-008"]
	count(fs) == 1
	fs[0].facts.resource == "cpu"
}
