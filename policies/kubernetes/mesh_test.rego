package palisade.rules.kubernetes.mesh_test

import data.palisade.lib.k8s
import data.palisade.rules.kubernetes.mesh

pa(ns, spec) := {"id": concat("-", ["pa", ns]), "apiVersion": "security.istio.io/v1", "kind": "PeerAuthentication", "metadata": {"name": "default", "namespace": ns}, "spec": spec}

namespace(name, labels, annotations) := {"id": concat("-", ["ns", name]), "apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name, "labels": labels, "annotations": annotations}}

findings(id, objects) := [f |
	some f in mesh.deny with input as {"kubernetes": {"objects": objects, "related": k8s.index(objects)}}
	f.rule == id
]

# K8S-MESH-001

test_permissive_mesh_wide_fires if {
	[f] := findings("K8S-MESH-001", [pa("istio-system", {"mtls": {"mode": "PERMISSIVE"}})])
	f.path == ["spec", "mtls", "mode"]
	f.facts == {"name": "default", "namespace": "istio-system", "mode": "PERMISSIVE", "scope": "mesh-wide"}
}

test_disable_namespace_and_workload_fire if {
	[f] := findings("K8S-MESH-001", [pa("shop", {"mtls": {"mode": "DISABLE"}})])
	f.facts.scope == "namespace"
	[g] := findings("K8S-MESH-001", [pa("shop", {"selector": {"matchLabels": {"app": "legacy"}}, "mtls": {"mode": "PERMISSIVE"}})])
	g.facts.scope == "workload"
}

test_port_level_fires if {
	[f] := findings("K8S-MESH-001", [pa("shop", {"mtls": {"mode": "STRICT"}, "portLevelMtls": {"8080": {"mode": "DISABLE"}}})])
	f.path == ["spec", "portLevelMtls", "8080", "mode"]
	f.facts.scope == "port"
}

test_strict_or_unset_passes if {
	count(findings("K8S-MESH-001", [pa("shop", {"mtls": {"mode": "STRICT"}})])) == 0
	count(findings("K8S-MESH-001", [pa("shop", {})])) == 0
}

# K8S-MESH-002

injected := namespace("shop", {"istio-injection": "enabled"}, {})

test_injected_namespace_without_policy_fires if {
	[f] := findings("K8S-MESH-002", [injected])
	f.path == ["metadata", "labels", "istio-injection"]
	f.facts == {"namespace": "shop", "mode": "PERMISSIVE"}
}

test_namespace_policy_overrides_mesh if {
	count(findings("K8S-MESH-002", [injected, pa("shop", {"mtls": {"mode": "STRICT"}})])) == 0
	count(findings("K8S-MESH-002", [injected, pa("istio-system", {"mtls": {"mode": "STRICT"}})])) == 0
	[f] := findings("K8S-MESH-002", [injected, pa("istio-system", {"mtls": {"mode": "STRICT"}}), pa("shop", {"mtls": {"mode": "PERMISSIVE"}})])
	f.facts.mode == "PERMISSIVE"
	[g] := findings("K8S-MESH-002", [injected, pa("istio-system", {"mtls": {"mode": "DISABLE"}}), pa("shop", {"mtls": {"mode": "UNSET"}})])
	g.facts.mode == "DISABLE"
}

test_workload_policy_does_not_count if {
	count(findings("K8S-MESH-002", [injected, pa("shop", {"selector": {"matchLabels": {"app": "x"}}, "mtls": {"mode": "STRICT"}})])) == 1
}

test_root_namespace_configurable if {
	fs := [f |
		some f in mesh.deny with input as {"kubernetes": {"objects": [injected, pa("mesh-root", {"mtls": {"mode": "STRICT"}})]}, "config": {"istio_root_namespace": "mesh-root"}}
		f.rule == "K8S-MESH-002"
	]
	count(fs) == 0
}

test_not_injected_passes if {
	count(findings("K8S-MESH-002", [namespace("shop", {"istio-injection": "disabled"}, {})])) == 0
}

# K8S-MESH-003

dr(spec) := {"id": "dr", "apiVersion": "networking.istio.io/v1", "kind": "DestinationRule", "metadata": {"name": "payments", "namespace": "shop"}, "spec": object.union({"host": "payments.shop.svc.cluster.local"}, spec)}

test_tls_disabled_fires if {
	[f] := findings("K8S-MESH-003", [dr({"trafficPolicy": {"tls": {"mode": "DISABLE"}}})])
	f.path == ["spec", "trafficPolicy", "tls", "mode"]
	f.facts == {"name": "payments", "host": "payments.shop.svc.cluster.local"}
}

test_tls_disabled_on_port_and_subset_fires if {
	d := dr({
		"trafficPolicy": {"tls": {"mode": "ISTIO_MUTUAL"}, "portLevelSettings": [{"port": {"number": 9000}, "tls": {"mode": "DISABLE"}}]},
		"subsets": [{"name": "v1", "labels": {"version": "v1"}}, {"name": "v2", "labels": {"version": "v2"}, "trafficPolicy": {"tls": {"mode": "DISABLE"}}}],
	})
	fs := findings("K8S-MESH-003", [d])
	{f.path | some f in fs} == {["spec", "trafficPolicy", "portLevelSettings", 0, "tls", "mode"], ["spec", "subsets", 1, "trafficPolicy", "tls", "mode"]}
}

test_mutual_tls_passes if {
	count(findings("K8S-MESH-003", [dr({"trafficPolicy": {"tls": {"mode": "ISTIO_MUTUAL"}}})])) == 0
	count(findings("K8S-MESH-003", [dr({})])) == 0
}

# K8S-MESH-004

deploy(ns, meta) := {
	"id": "d", "apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "legacy", "namespace": ns},
	"spec": {"replicas": 2, "template": {"metadata": meta, "spec": {"containers": [{"name": "app", "image": "app:1.0"}]}}},
}

linkerd_ns := namespace("shop", {}, {"linkerd.io/inject": "enabled"})

test_linkerd_opt_out_fires if {
	[f] := findings("K8S-MESH-004", [linkerd_ns, deploy("shop", {"annotations": {"linkerd.io/inject": "disabled"}})])
	f.path == ["spec", "template", "metadata", "annotations", "linkerd.io/inject"]
	f.facts == {"name": "legacy", "kind": "Deployment", "namespace": "shop", "mesh": "linkerd"}
}

test_istio_opt_out_fires if {
	[f] := findings("K8S-MESH-004", [injected, deploy("shop", {"labels": {"sidecar.istio.io/inject": "false"}})])
	f.facts.mesh == "istio"
	f.path == ["spec", "template", "metadata", "labels", "sidecar.istio.io/inject"]
	pod := {"id": "p", "apiVersion": "v1", "kind": "Pod", "metadata": {"name": "debug", "namespace": "shop", "annotations": {"sidecar.istio.io/inject": "false"}}, "spec": {"containers": [{"name": "sh", "image": "busybox:1.36"}]}}
	[g] := findings("K8S-MESH-004", [injected, pod])
	g.path == ["metadata", "annotations", "sidecar.istio.io/inject"]
}

test_opt_out_elsewhere_passes if {
	count(findings("K8S-MESH-004", [deploy("shop", {"annotations": {"linkerd.io/inject": "disabled"}})])) == 0
	count(findings("K8S-MESH-004", [linkerd_ns, deploy("shop", {"labels": {"sidecar.istio.io/inject": "false"}})])) == 0
	count(findings("K8S-MESH-004", [linkerd_ns, deploy("shop", {})])) == 0
}
