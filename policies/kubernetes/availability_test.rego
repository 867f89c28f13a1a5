package palisade.rules.kubernetes.availability_test

import data.palisade.lib.k8s
import data.palisade.rules.kubernetes.availability

probe := {"httpGet": {"path": "/healthz", "port": 8080}}

ready := {"httpGet": {"path": "/ready", "port": 8080}}

spread := [{"maxSkew": 1, "topologyKey": "kubernetes.io/hostname", "whenUnsatisfiable": "ScheduleAnyway", "labelSelector": {"matchLabels": {"app": "web"}}}]

deployment(spec) := {
	"id": "d", "apiVersion": "apps/v1", "kind": "Deployment",
	"metadata": {"name": "web", "namespace": "prod"},
	"spec": object.union(
		{"replicas": 3, "template": {
			"metadata": {"labels": {"app": "web", "tier": "front"}},
			"spec": {"topologySpreadConstraints": spread, "containers": [{"name": "web", "image": "web:1.0", "readinessProbe": ready, "livenessProbe": probe}]},
		}},
		spec,
	),
}

pdb(spec) := {
	"id": "pdb", "apiVersion": "policy/v1", "kind": "PodDisruptionBudget",
	"metadata": {"name": "web", "namespace": "prod"},
	"spec": object.union({"selector": {"matchLabels": {"app": "web"}}, "maxUnavailable": 1}, spec),
}

hpa(spec) := {
	"id": "hpa", "apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler",
	"metadata": {"name": "web", "namespace": "prod"},
	"spec": object.union({"scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": "web"}, "minReplicas": 2, "maxReplicas": 6}, spec),
}

findings(id, objects) := [f |
	some f in availability.deny with input as {"kubernetes": {"objects": objects, "related": k8s.index(objects)}}
	f.rule == id
]

test_healthy_set_passes if {
	count(availability.deny) == 0 with input as {"kubernetes": {"objects": [deployment({}), pdb({}), hpa({})]}}
}

# K8S-AV-001

test_no_pdb_fires if {
	[f] := findings("K8S-AV-001", [deployment({})])
	f.path == ["spec", "replicas"]
	f.facts == {"name": "web", "kind": "Deployment", "replicas": 3}
}

test_pdb_other_namespace_fires if {
	p := object.union(pdb({}), {"metadata": {"namespace": "dev"}})
	count(findings("K8S-AV-001", [deployment({}), p])) == 1
}

test_pdb_not_matching_labels_fires if {
	count(findings("K8S-AV-001", [deployment({}), pdb({"selector": {"matchLabels": {"app": "api"}}})])) == 1
	count(findings("K8S-AV-001", [deployment({}), pdb({"selector": {"matchLabels": {"app": "web", "tier": "back"}}})])) == 1
}

test_empty_selector_does_not_count if {
	count(findings("K8S-AV-001", [deployment({}), json.remove(pdb({}), ["spec/selector/matchLabels/app"])])) == 1
}

test_pdb_subset_selector_passes if {
	count(findings("K8S-AV-001", [deployment({}), pdb({})])) == 0
}

test_match_expressions if {
	exists := {"matchExpressions": [{"key": "app", "operator": "In", "values": ["web", "api"]}, {"key": "tier", "operator": "Exists"}, {"key": "canary", "operator": "DoesNotExist"}, {"key": "tier", "operator": "NotIn", "values": ["back"]}]}
	count(findings("K8S-AV-001", [deployment({}), pdb({"selector": exists})])) == 0
	miss := {"matchExpressions": [{"key": "app", "operator": "NotIn", "values": ["web"]}]}
	count(findings("K8S-AV-001", [deployment({}), pdb({"selector": miss})])) == 1
}

test_single_replica_and_daemonset_ignored if {
	count(findings("K8S-AV-001", [deployment({"replicas": 1})])) == 0
	count(findings("K8S-AV-001", [object.union(deployment({}), {"kind": "DaemonSet"})])) == 0
}

test_owned_ignored if {
	d := object.union(deployment({}), {"metadata": {"ownerReferences": [{"kind": "Rollout", "name": "web", "controller": true}]}})
	count(findings("K8S-AV-001", [d])) == 0
}

test_statefulset_fires if {
	s := object.union(deployment({}), {"kind": "StatefulSet"})
	[f] := findings("K8S-AV-001", [s])
	f.facts.kind == "StatefulSet"
}

# K8S-AV-002

test_max_unavailable_zero_fires if {
	[f] := findings("K8S-AV-002", [pdb({"maxUnavailable": 0})])
	f.path == ["spec", "maxUnavailable"]
	f.facts == {"name": "web", "field": "maxUnavailable", "value": 0}
	count(findings("K8S-AV-002", [pdb({"maxUnavailable": "0%"})])) == 1
}

test_min_available_all_percent_fires if {
	p := json.remove(pdb({"minAvailable": "100%"}), ["spec/maxUnavailable"])
	[f] := findings("K8S-AV-002", [p])
	f.path == ["spec", "minAvailable"]
	f.facts.value == "100%"
}

test_min_available_replicas_fires if {
	p := json.remove(pdb({"minAvailable": 3}), ["spec/maxUnavailable"])
	[f] := findings("K8S-AV-002", [deployment({}), p])
	f.path == ["spec", "minAvailable"]
	f.object == "pdb"
	f.facts == {"name": "web", "field": "minAvailable", "value": 3}
}

test_min_available_below_replicas_passes if {
	p := json.remove(pdb({"minAvailable": 2}), ["spec/maxUnavailable"])
	count(findings("K8S-AV-002", [deployment({}), p])) == 0
	q := json.remove(pdb({"minAvailable": "50%"}), ["spec/maxUnavailable"])
	count(findings("K8S-AV-002", [deployment({}), q])) == 0
	count(findings("K8S-AV-002", [pdb({"maxUnavailable": "25%"})])) == 0
}

test_min_available_without_workload_passes if {
	p := json.remove(pdb({"minAvailable": 3}), ["spec/maxUnavailable"])
	count(findings("K8S-AV-002", [p])) == 0
}

# K8S-AV-003

test_no_spread_fires if {
	d := json.remove(deployment({}), ["spec/template/spec/topologySpreadConstraints"])
	[f] := findings("K8S-AV-003", [d])
	f.path == ["spec", "template", "spec"]
	f.facts.replicas == 3
}

test_anti_affinity_passes if {
	d := json.remove(deployment({}), ["spec/template/spec/topologySpreadConstraints"])
	anti := {"preferredDuringSchedulingIgnoredDuringExecution": [{"weight": 100, "podAffinityTerm": {"topologyKey": "kubernetes.io/hostname", "labelSelector": {"matchLabels": {"app": "web"}}}}]}
	a := object.union(d, {"spec": {"template": {"spec": {"affinity": {"podAntiAffinity": anti}}}}})
	count(findings("K8S-AV-003", [a])) == 0
	e := object.union(d, {"spec": {"template": {"spec": {"affinity": {"podAntiAffinity": {}}}}}})
	count(findings("K8S-AV-003", [e])) == 1
}

test_no_spread_single_replica_passes if {
	d := json.remove(deployment({"replicas": 1}), ["spec/template/spec/topologySpreadConstraints"])
	count(findings("K8S-AV-003", [d])) == 0
}

# K8S-AV-004

test_max_unavailable_all_fires if {
	[f] := findings("K8S-AV-004", [deployment({"strategy": {"type": "RollingUpdate", "rollingUpdate": {"maxUnavailable": 3}}})])
	f.path == ["spec", "strategy", "rollingUpdate", "maxUnavailable"]
	f.facts == {"name": "web", "max_unavailable": 3, "replicas": 3}
	count(findings("K8S-AV-004", [deployment({"strategy": {"rollingUpdate": {"maxUnavailable": "100%"}}})])) == 1
}

test_max_unavailable_partial_passes if {
	count(findings("K8S-AV-004", [deployment({"strategy": {"rollingUpdate": {"maxUnavailable": 1}}})])) == 0
	count(findings("K8S-AV-004", [deployment({"strategy": {"rollingUpdate": {"maxUnavailable": "50%"}}})])) == 0
	count(findings("K8S-AV-004", [deployment({"replicas": 1, "strategy": {"rollingUpdate": {"maxUnavailable": 1}}})])) == 0
}

# K8S-AV-005

test_recreate_fires if {
	[f] := findings("K8S-AV-005", [deployment({"strategy": {"type": "Recreate"}})])
	f.path == ["spec", "strategy", "type"]
	f.facts == {"name": "web", "replicas": 3}
}

test_recreate_with_claim_passes if {
	d := object.union(deployment({"strategy": {"type": "Recreate"}}), {"spec": {"template": {"spec": {"volumes": [{"name": "data", "persistentVolumeClaim": {"claimName": "data"}}]}}}})
	count(findings("K8S-AV-005", [d])) == 0
	count(findings("K8S-AV-005", [deployment({"replicas": 1, "strategy": {"type": "Recreate"}})])) == 0
}

# K8S-AV-006

test_identical_probes_fire if {
	d := deployment({"template": {"spec": {"containers": [{"name": "web", "image": "web:1.0", "readinessProbe": probe, "livenessProbe": probe}]}}})
	[f] := findings("K8S-AV-006", [d])
	f.path == ["spec", "template", "spec", "containers", 0, "livenessProbe"]
	f.facts == {"name": "web", "kind": "Deployment", "container": "web"}
}

test_distinct_or_missing_probes_pass if {
	count(findings("K8S-AV-006", [deployment({})])) == 0
	d := deployment({"template": {"spec": {"containers": [{"name": "web", "image": "web:1.0"}]}}})
	count(findings("K8S-AV-006", [d])) == 0
}

# K8S-AV-007 / K8S-AV-008

test_hpa_min_one_fires if {
	[f] := findings("K8S-AV-007", [hpa({"minReplicas": 1})])
	f.path == ["spec", "minReplicas"]
	f.facts == {"name": "web", "min_replicas": 1}
}

test_hpa_min_absent_fires_at_spec if {
	[f] := findings("K8S-AV-007", [json.remove(hpa({}), ["spec/minReplicas"])])
	f.path == ["spec"]
	f.facts.min_replicas == 1
}

test_hpa_max_not_above_min_fires if {
	[f] := findings("K8S-AV-008", [hpa({"minReplicas": 3, "maxReplicas": 3})])
	f.path == ["spec", "maxReplicas"]
	f.facts == {"name": "web", "min_replicas": 3, "max_replicas": 3}
	count(findings("K8S-AV-008", [json.remove(hpa({"maxReplicas": 1}), ["spec/minReplicas"])])) == 1
}

test_hpa_sane_passes if {
	count(findings("K8S-AV-007", [hpa({})])) == 0
	count(findings("K8S-AV-008", [hpa({})])) == 0
	count(findings("K8S-AV-008", [hpa({"maxReplicas": {"__unknown__": true}})])) == 0
}
