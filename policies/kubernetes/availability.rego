# Availability of replicated workloads: disruption budgets, spreading, rollouts, probes and autoscalers.
package palisade.rules.kubernetes.availability

import data.palisade.lib
import data.palisade.lib.k8s

# Deployments and StatefulSets (not owned by a controller) with a known replica count.
replicated_workload(o) := r if {
	o.kind in {"Deployment", "StatefulSet"}
	not k8s.owned(o)
	is_object(o.spec)
	r := object.get(o.spec, "replicas", 1)
	is_number(r)
}

template_labels(o) := object.get(object.get(object.get(o.spec, "template", {}), "metadata", {}), "labels", {})

# A label selector ({matchLabels, matchExpressions}) matches a label set. An empty selector
# matches nothing here (policy/v1 treats it as "every pod", but that is rarely meant).
selector_matches(sel, labels) if {
	is_object(sel)
	is_object(labels)
	ml := object.get(sel, "matchLabels", {})
	me := object.get(sel, "matchExpressions", [])
	count(ml) + count(me) > 0
	every k, v in ml {
		labels[k] == v
	}
	every e in me {
		expression_matches(e, labels)
	}
}

expression_matches(e, labels) if {
	e.operator == "In"
	labels[e.key] in e.values
}

expression_matches(e, labels) if {
	e.operator == "NotIn"
	not labels[e.key] in e.values
}

expression_matches(e, labels) if {
	e.operator == "Exists"
	_ = labels[e.key]
}

expression_matches(e, labels) if {
	e.operator == "DoesNotExist"
	not labels[e.key]
}

# PodDisruptionBudgets of o's namespace that select its pods.
budgets(o) := [pdb |
	some pdb in k8s.related("PodDisruptionBudget", k8s.namespace(o))
	selector_matches(object.get(object.get(pdb, "spec", {}), "selector", {}), template_labels(o))
]

# K8S-AV-001: without a PodDisruptionBudget, a node drain may evict every replica at once.
deny contains lib.finding("K8S-AV-001", o, ["spec", "replicas"], {"name": k8s.name(o), "kind": o.kind, "replicas": r}) if {
	some o in input.kubernetes.objects
	r := replicated_workload(o)
	r >= 2
	count(budgets(o)) == 0
}

# A percentage ("25%") as a number, undefined for anything else.
percent(v) := to_number(trim_suffix(v, "%")) if {
	is_string(v)
	endswith(v, "%")
	regex.match(`^[0-9]+(\.[0-9]+)?%$`, v)
}

# K8S-AV-002: a budget that never allows an eviction blocks node drains and cluster upgrades.
deny contains lib.finding("K8S-AV-002", pdb, ["spec", "maxUnavailable"], facts) if {
	some pdb in input.kubernetes.objects
	pdb.kind == "PodDisruptionBudget"
	not k8s.owned(pdb)
	v := pdb.spec.maxUnavailable
	zero(v)
	facts := {"name": k8s.name(pdb), "field": "maxUnavailable", "value": v}
}

deny contains lib.finding("K8S-AV-002", pdb, ["spec", "minAvailable"], facts) if {
	some pdb in input.kubernetes.objects
	pdb.kind == "PodDisruptionBudget"
	not k8s.owned(pdb)
	v := pdb.spec.minAvailable
	percent(v) >= 100
	facts := {"name": k8s.name(pdb), "field": "minAvailable", "value": v}
}

# minAvailable as a count at least the replicas of a workload it selects (looked up from the workload).
deny contains lib.finding("K8S-AV-002", pdb, ["spec", "minAvailable"], facts) if {
	some o in input.kubernetes.objects
	r := replicated_workload(o)
	some pdb in budgets(o)
	not k8s.owned(pdb)
	v := pdb.spec.minAvailable
	is_number(v)
	v >= r
	facts := {"name": k8s.name(pdb), "field": "minAvailable", "value": v}
}

zero(v) if v == 0

zero(v) if percent(v) == 0

# K8S-AV-003: replicas without anti-affinity or spread constraints may all land on one node or zone.
deny contains lib.finding("K8S-AV-003", o, ps.path, {"name": k8s.name(o), "kind": o.kind, "replicas": r}) if {
	some o in input.kubernetes.objects
	r := replicated_workload(o)
	r >= 2
	ps := k8s.pod_spec(o)
	not spread(ps.spec)
}

spread(spec) if count(object.get(spec, "topologySpreadConstraints", [])) > 0

spread(spec) if {
	anti := spec.affinity.podAntiAffinity
	is_object(anti)
	count(anti) > 0
}

# K8S-AV-004: a rolling update allowed to take down every replica at once is an outage.
deny contains lib.finding("K8S-AV-004", o, ["spec", "strategy", "rollingUpdate", "maxUnavailable"], facts) if {
	some o in input.kubernetes.objects
	o.kind == "Deployment"
	r := replicated_workload(o)
	r >= 2
	object.get(object.get(o.spec, "strategy", {}), "type", "RollingUpdate") == "RollingUpdate"
	v := o.spec.strategy.rollingUpdate.maxUnavailable
	all_unavailable(v, r)
	facts := {"name": k8s.name(o), "max_unavailable": v, "replicas": r}
}

all_unavailable(v, r) if {
	is_number(v)
	v >= r
}

all_unavailable(v, _) if percent(v) >= 100

# K8S-AV-005: the Recreate strategy stops every replica before starting the new version.
deny contains lib.finding("K8S-AV-005", o, ["spec", "strategy", "type"], {"name": k8s.name(o), "replicas": r}) if {
	some o in input.kubernetes.objects
	o.kind == "Deployment"
	r := replicated_workload(o)
	r >= 2
	o.spec.strategy.type == "Recreate"
	ps := k8s.pod_spec(o)
	not claims_volume(ps.spec)
}

# ReadWriteOnce claims are the legitimate reason for Recreate: the old pod must release them.
claims_volume(spec) if {
	some v in object.get(spec, "volumes", [])
	is_object(v.persistentVolumeClaim)
}

# K8S-AV-006: a liveness probe identical to the readiness probe restarts a container that is
# only busy, turning a load spike into a restart storm.
deny contains lib.finding("K8S-AV-006", o, array.concat(c.path, ["livenessProbe"]), facts) if {
	some o in input.kubernetes.objects
	k8s.long_running(o)
	not k8s.owned(o)
	some c in k8s.app_containers(o)
	live := c.container.livenessProbe
	is_object(live)
	live == c.container.readinessProbe
	facts := {"name": k8s.name(o), "kind": o.kind, "container": c.container.name}
}

hpas contains hpa if {
	some hpa in input.kubernetes.objects
	hpa.kind == "HorizontalPodAutoscaler"
	not k8s.owned(hpa)
	is_object(hpa.spec)
}

min_replicas(hpa) := object.get(hpa.spec, "minReplicas", 1)

# K8S-AV-007: an autoscaler allowed down to one replica scales the service into a single point of failure.
deny contains lib.finding("K8S-AV-007", hpa, path, {"name": k8s.name(hpa), "min_replicas": m}) if {
	some hpa in hpas
	m := min_replicas(hpa)
	is_number(m)
	m < 2
	path := min_replicas_path(hpa)
}

min_replicas_path(hpa) := ["spec", "minReplicas"] if lib.has_key(hpa.spec, "minReplicas")

else := ["spec"]

# K8S-AV-008: maxReplicas at or below minReplicas leaves the autoscaler nothing to scale.
deny contains lib.finding("K8S-AV-008", hpa, ["spec", "maxReplicas"], facts) if {
	some hpa in hpas
	m := min_replicas(hpa)
	x := hpa.spec.maxReplicas
	is_number(m)
	is_number(x)
	x <= m
	facts := {"name": k8s.name(hpa), "min_replicas": m, "max_replicas": x}
}
