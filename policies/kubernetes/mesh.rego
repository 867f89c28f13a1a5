# Service mesh transport encryption: Istio mutual TLS and Linkerd / Istio injection opt-outs.
package palisade.rules.kubernetes.mesh

import data.palisade.lib
import data.palisade.lib.k8s

# Istio's root namespace: PeerAuthentications there without a selector apply mesh-wide.
root_namespace := lib.config_value("istio_root_namespace", "istio-system")

scope(pa) := "workload" if count(object.get(object.get(pa, "spec", {}), "selector", {})) > 0

else := "mesh-wide" if k8s.namespace(pa) == root_namespace

else := "namespace"

weak_modes := {"PERMISSIVE", "DISABLE"}

# K8S-MESH-001: PERMISSIVE accepts plain text next to mutual TLS; DISABLE turns mTLS off.
deny contains lib.finding("K8S-MESH-001", pa, ["spec", "mtls", "mode"], facts) if {
	some pa in peer_authentications
	mode := pa.spec.mtls.mode
	mode in weak_modes
	facts := {"name": k8s.name(pa), "namespace": k8s.namespace(pa), "mode": mode, "scope": scope(pa)}
}

deny contains lib.finding("K8S-MESH-001", pa, ["spec", "portLevelMtls", port, "mode"], facts) if {
	some pa in peer_authentications
	some port, setting in pa.spec.portLevelMtls
	setting.mode in weak_modes
	facts := {"name": k8s.name(pa), "namespace": k8s.namespace(pa), "mode": setting.mode, "scope": "port"}
}

peer_authentications contains pa if {
	some pa in input.kubernetes.objects
	pa.kind == "PeerAuthentication"
	not k8s.owned(pa)
}

# The modes set by the selector-less PeerAuthentications of a namespace.
namespace_modes(ns) := {mode |
	some pa in k8s.related("PeerAuthentication", ns)
	pa.kind == "PeerAuthentication"
	count(object.get(object.get(pa, "spec", {}), "selector", {})) == 0
	mode := pa.spec.mtls.mode
	mode != "UNSET"
}

# The mTLS mode of a namespace's selector-less PeerAuthentication, when one sets it. Several
# (overlays, copies) leave the effective one to Istio's choice: STRICT only when all say so.
namespace_mode(ns) := "STRICT" if {
	namespace_modes(ns) == {"STRICT"}
} else := mode if {
	modes := sort([m | some m in namespace_modes(ns); m != "STRICT"])
	count(modes) > 0
	mode := modes[0]
}

# The mode a namespace's workloads get: its own policy, else the mesh-wide one, else Istio's
# default, PERMISSIVE.
effective_mode(ns) := namespace_mode(ns) if namespace_mode(ns)

else := namespace_mode(root_namespace) if namespace_mode(root_namespace)

else := "PERMISSIVE"

# K8S-MESH-002: injected sidecars without a STRICT policy still accept plain-text traffic.
deny contains lib.finding("K8S-MESH-002", n, ["metadata", "labels", "istio-injection"], facts) if {
	some n in input.kubernetes.objects
	n.kind == "Namespace"
	k8s.labels(n)["istio-injection"] == "enabled"
	ns := k8s.name(n)
	mode := effective_mode(ns)
	mode != "STRICT"
	facts := {"namespace": ns, "mode": mode}
}

# K8S-MESH-003: a DestinationRule with tls mode DISABLE sends plain text to its host.
deny contains lib.finding("K8S-MESH-003", dr, path, {"name": k8s.name(dr), "host": object.get(dr.spec, "host", "")}) if {
	some dr in input.kubernetes.objects
	dr.kind == "DestinationRule"
	not k8s.owned(dr)
	is_object(dr.spec)
	some path in disabled_tls_paths(dr.spec)
}

disabled_tls_paths(spec) := {p |
	some tp in traffic_policies(spec)
	some p in policy_tls_paths(tp.policy, tp.prefix)
}

traffic_policies(spec) := {tp |
	is_object(spec.trafficPolicy)
	tp := {"prefix": ["spec", "trafficPolicy"], "policy": spec.trafficPolicy}
} | {tp |
	some i, s in object.get(spec, "subsets", [])
	is_object(s.trafficPolicy)
	tp := {"prefix": ["spec", "subsets", i, "trafficPolicy"], "policy": s.trafficPolicy}
}

policy_tls_paths(policy, prefix) := {p |
	policy.tls.mode == "DISABLE"
	p := array.concat(prefix, ["tls", "mode"])
} | {p |
	some j, port in object.get(policy, "portLevelSettings", [])
	port.tls.mode == "DISABLE"
	p := array.concat(prefix, ["portLevelSettings", j, "tls", "mode"])
}

# Mesh injection switches: the namespace turns injection on, the pod template turns it off.
namespace_injects(ns, "linkerd") if {
	n := namespace_object(ns)
	k8s.annotations(n)["linkerd.io/inject"] == "enabled"
}

namespace_injects(ns, "istio") if {
	n := namespace_object(ns)
	k8s.labels(n)["istio-injection"] == "enabled"
}

namespace_object(ns) := k8s.namespace_object(ns)

# The pod template's metadata path (for a Pod, its own metadata).
template_metadata(o) := {"metadata": object.get(parent, "metadata", {}), "path": array.concat(parent_path, ["metadata"])} if {
	ps := k8s.pod_spec(o)
	parent_path := array.slice(ps.path, 0, count(ps.path) - 1)
	parent := object.get(o, parent_path, {})
}

opt_outs contains {"mesh": "linkerd", "field": "annotations", "key": "linkerd.io/inject", "value": "disabled"}

opt_outs contains {"mesh": "istio", "field": "labels", "key": "sidecar.istio.io/inject", "value": "false"}

opt_outs contains {"mesh": "istio", "field": "annotations", "key": "sidecar.istio.io/inject", "value": "false"}

# K8S-MESH-004: a workload that opts out of the mesh its namespace injects talks plain text
# and is invisible to mesh policy.
deny contains lib.finding("K8S-MESH-004", o, array.concat(tm.path, [x.field, x.key]), facts) if {
	some o in input.kubernetes.objects
	not k8s.owned(o)
	tm := template_metadata(o)
	some x in opt_outs
	object.get(object.get(tm.metadata, x.field, {}), x.key, "") == x.value
	ns := k8s.namespace(o)
	namespace_injects(ns, x.mesh)
	facts := {"name": k8s.name(o), "kind": o.kind, "namespace": ns, "mesh": x.mesh}
}
