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

# The policy types a NetworkPolicy enforces: policyTypes, else Ingress (and Egress when it has egress rules).
policy_types(np) := {t | some t in np.spec.policyTypes} if is_array(np.spec.policyTypes)

policy_types(np) := {"Ingress"} | {"Egress" | count(np.spec.egress) > 0} if object.get(np.spec, "policyTypes", null) == null

# A NetworkPolicy selects every pod of its namespace and isolates them for a direction
# ("Ingress"/"Egress"): no rule of that direction allows everything.
isolates_namespace(np, direction) if {
	object.get(np.spec, "podSelector", {}) == {}
	direction in policy_types(np)
	field := lower(direction)
	every rule in object.get(np.spec, field, []) {
		rule != {}
	}
}

isolated(ns, direction) if {
	some np in k8s.related("NetworkPolicy", ns)
	isolates_namespace(np, direction)
}

# Objects that run pods and are not owned by another (their owner is the workload).
workloads contains o if {
	some o in k8s.pod_owners
	not k8s.owned(o)
}

# The ids of the workload objects of each namespace but kube-system.
workload_ids[ns] contains o.id if {
	some o in workloads
	ns := k8s.namespace(o)
	ns != "kube-system"
}

workloads_by_id := {o.id: o | some o in workloads}

# K8S-NET-003 / K8S-NET-004: a namespace runs workloads but no NetworkPolicy denies traffic by default.
default_deny_rules := {"Ingress": "K8S-NET-003", "Egress": "K8S-NET-004"}

# Reported once per namespace, on its first workload object (smallest id).
deny contains lib.finding(rule, o, ["metadata"], {"name": k8s.name(o), "kind": o.kind, "namespace": ns}) if {
	some ns, ids in workload_ids
	some direction, rule in default_deny_rules
	not isolated(ns, direction)
	o := workloads_by_id[min(ids)]
}

# K8S-NET-005: a NodePort Service opens a port on every node.
deny contains lib.finding("K8S-NET-005", o, ["spec", "type"], {"name": k8s.name(o), "namespace": k8s.namespace(o)}) if {
	some o in input.kubernetes.objects
	o.kind == "Service"
	o.spec.type == "NodePort"
}

# K8S-NET-006: Service externalIPs let whoever can create Services intercept traffic to any IP (CVE-2020-8554).
deny contains lib.finding("K8S-NET-006", o, ["spec", "externalIPs"], {"name": k8s.name(o), "namespace": k8s.namespace(o), "external_ips": concat(", ", ips)}) if {
	some o in input.kubernetes.objects
	o.kind == "Service"
	ips := [ip | some ip in o.spec.externalIPs; is_string(ip)]
	count(ips) > 0
}

# ingress-nginx annotations that inject raw NGINX configuration (CVE-2021-25742).
snippet_annotations := {
	"nginx.ingress.kubernetes.io/server-snippet",
	"nginx.ingress.kubernetes.io/configuration-snippet",
	"nginx.ingress.kubernetes.io/auth-snippet",
	"nginx.ingress.kubernetes.io/stream-snippet",
}

# K8S-NET-007: an Ingress injects NGINX configuration snippets.
deny contains lib.finding("K8S-NET-007", o, ["metadata", "annotations", key], {"name": k8s.name(o), "namespace": k8s.namespace(o), "annotation": key}) if {
	some o in input.kubernetes.objects
	o.kind == "Ingress"
	some key, value in k8s.annotations(o)
	key in snippet_annotations
	is_string(value)
	trim_space(value) != ""
}
