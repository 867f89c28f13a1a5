# Pod networking and Service exposure.
package palisade.rules.kubernetes.network

import data.palisade.lib
import data.palisade.lib.k8s
import data.palisade.lib.net

# K8S-NET-001: a pod on the host network sees node traffic and bypasses NetworkPolicies.
deny contains lib.finding("K8S-NET-001", o, array.concat(ps.path, ["hostNetwork"]), {"name": k8s.name(o), "kind": o.kind}) if {
	some o in input.kubernetes.objects
	ps := k8s.pod_spec(o)
	ps.spec.hostNetwork == true
}

# Annotations that make a LoadBalancer internal or restrict its sources at the cloud provider.
internal_annotations := {
	"service.beta.kubernetes.io/aws-load-balancer-internal": {"true", "0.0.0.0/0"},
	"service.beta.kubernetes.io/aws-load-balancer-scheme": {"internal"},
	"networking.gke.io/load-balancer-type": {"Internal"},
	"cloud.google.com/load-balancer-type": {"Internal"},
	"service.beta.kubernetes.io/azure-load-balancer-internal": {"true"},
}

internal_lb(o) if {
	some key, values in internal_annotations
	k8s.annotations(o)[key] in values
}

restricted_by_annotation(o) if {
	ranges := k8s.annotations(o)["service.beta.kubernetes.io/load-balancer-source-ranges"]
	is_string(ranges)
	trim_space(ranges) != ""
	not net.open_to_world([trim_space(r) | some r in split(ranges, ",")])
}

# K8S-NET-002: a LoadBalancer Service without source ranges accepts traffic from the whole internet.
deny contains lib.finding("K8S-NET-002", o, path, {"name": k8s.name(o)}) if {
	some o in input.kubernetes.objects
	o.kind == "Service"
	o.spec.type == "LoadBalancer"
	not internal_lb(o)
	not restricted_by_annotation(o)
	path := unrestricted_path(o)
}

unrestricted_path(o) := ["spec"] if object.get(o.spec, "loadBalancerSourceRanges", null) == null

unrestricted_path(o) := ["spec", "loadBalancerSourceRanges"] if {
	ranges := o.spec.loadBalancerSourceRanges
	is_array(ranges)
	count(ranges) == 0
}

unrestricted_path(o) := ["spec", "loadBalancerSourceRanges"] if {
	ranges := o.spec.loadBalancerSourceRanges
	is_array(ranges)
	net.open_to_world(ranges)
}
