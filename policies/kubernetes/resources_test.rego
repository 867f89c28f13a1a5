package palisade.rules.kubernetes.resources_test

import data.palisade.lib.k8s
import data.palisade.rules.kubernetes.resources

container(resources) := {"name": "app", "image": "app:1.0", "resources": resources}

deployment(containers) := {
	"id": "d", "apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "shop", "namespace": "prod"},
	"spec": {"replicas": 2, "template": {"spec": {"containers": containers}}},
}

findings(id, containers) := [f | some f in resources.deny with input as {"kubernetes": {"objects": [deployment(containers)]}}; f.rule == id]

good := {"requests": {"cpu": "250m", "memory": "256Mi"}, "limits": {"cpu": "1", "memory": "512Mi"}}

test_good_resources_pass if {
	count([f | some f in resources.deny with input as {"kubernetes": {"objects": [deployment([container(good)])]}}; startswith(f.rule, "K8S-WL-")]) == 0
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
	some f in resources.deny with input as {"kubernetes": {"objects": [deployment(containers)], "related": k8s.index(ctx)}}
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
	count([f | some f in resources.deny with input as {"kubernetes": {"objects": [d]}}; startswith(f.rule, "K8S-WL-")]) == 0
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

# K8S-RES-001 / K8S-RES-002

namespace_obj := {"id": "ns", "apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "prod"}}

quota := {"id": "rq", "apiVersion": "v1", "kind": "ResourceQuota", "metadata": {"name": "quota", "namespace": "prod"}, "spec": {"hard": {"requests.cpu": "10"}}}

res(id, objects, ctx) := [f |
	some f in resources.deny with input as {"kubernetes": {"objects": objects, "related": k8s.index(ctx)}}
	f.rule == id
]

test_namespace_without_limit_range_reports_on_first_workload if {
	d2 := object.union(deployment([container(good)]), {"id": "a-first", "metadata": {"name": "api"}})
	[f] := res("K8S-RES-001", [deployment([container(good)]), d2], [])
	f.object == "a-first"
	f.path == ["metadata", "namespace"]
	f.facts == {"namespace": "prod"}
	[g] := res("K8S-RES-002", [deployment([container(good)]), d2], [])
	g.object == "a-first"
}

test_namespace_without_quota_reports_on_namespace_object if {
	lr := limit_range({"default": {"memory": "256Mi"}})
	[f] := res("K8S-RES-002", [deployment([container(good)])], [namespace_obj, lr])
	f.object == "ns"
	f.path == ["metadata"]
	count(res("K8S-RES-001", [deployment([container(good)])], [namespace_obj, lr])) == 0
}

test_namespace_with_quota_passes if {
	count(res("K8S-RES-002", [deployment([container(good)])], [quota])) == 0
}

test_namespace_rules_skip_system_and_default_path if {
	d := json.remove(object.union(deployment([container(good)]), {"metadata": {"namespace": "kube-system"}}), [])
	count(res("K8S-RES-001", [d], [])) == 0
	p := {"id": "p", "apiVersion": "v1", "kind": "Pod", "metadata": {"name": "tool"}, "spec": {"containers": [container(good)]}}
	[f] := res("K8S-RES-001", [p], [])
	f.path == ["metadata"]
	f.facts.namespace == "default"
}

# K8S-RES-003

hpa := {"id": "hpa", "apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler", "metadata": {"name": "shop", "namespace": "prod"}, "spec": {"scaleTargetRef": {"kind": "Deployment", "name": "shop"}, "minReplicas": 2, "maxReplicas": 5}}

test_replicated_without_hpa_fires if {
	[f] := res("K8S-RES-003", [deployment([container(good)])], [])
	f.path == ["spec", "replicas"]
	f.facts == {"name": "shop", "replicas": 2}
}

test_replicated_with_hpa_passes if {
	count(res("K8S-RES-003", [deployment([container(good)])], [hpa])) == 0
	d := object.union(deployment([container(good)]), {"spec": {"replicas": 1}})
	count(res("K8S-RES-003", [d], [])) == 0
}

# K8S-RES-004

test_no_ephemeral_limit_fires if {
	[f] := findings("K8S-RES-004", [container(good)])
	f.path == ["spec", "template", "spec", "containers", 0, "resources", "limits"]
	f.facts.container == "app"
}

test_ephemeral_limit_passes if {
	count(findings("K8S-RES-004", [container(object.union(good, {"limits": {"ephemeral-storage": "2Gi"}}))])) == 0
	lr := limit_range({"default": {"ephemeral-storage": "1Gi"}})
	count(with_context("K8S-RES-004", [container(good)], [lr])) == 0
}

# K8S-RES-005

test_cpu_limit_info_fires if {
	[f] := findings("K8S-RES-005", [container(good)])
	f.path == ["spec", "template", "spec", "containers", 0, "resources", "limits", "cpu"]
	f.facts.limit == "1"
}

test_no_cpu_limit_passes if {
	count(findings("K8S-RES-005", [container({"requests": {"cpu": "1"}, "limits": {"memory": "1Gi"}})])) == 0
}

# K8S-RES-006

ceil(containers, config) := [f |
	some f in resources.deny with input as {"kubernetes": {"objects": [deployment(containers)]}, "config": config}
	f.rule == "K8S-RES-006"
]

test_request_over_ceiling_fires if {
	[f] := ceil([container({"requests": {"cpu": "250m", "memory": "64Gi"}})], {"max_container_memory": "16Gi"})
	f.path == ["spec", "template", "spec", "containers", 0, "resources", "requests", "memory"]
	f.facts == {"name": "shop", "kind": "Deployment", "container": "app", "resource": "memory", "request": "64Gi", "ceiling": "16Gi"}
	count(ceil([container({"requests": {"cpu": "8"}})], {"max_container_cpu": "4"})) == 1
}

test_ceiling_off_by_default_and_within_passes if {
	count(ceil([container({"requests": {"cpu": "250m", "memory": "64Gi"}})], {})) == 0
	count(ceil([container({"requests": {"memory": "16Gi"}})], {"max_container_memory": "16Gi"})) == 0
	count(ceil([container({"requests": {"memory": "lots"}})], {"max_container_memory": "16Gi"})) == 0
}
