package palisade.rules.kubernetes.network_test

import data.palisade.lib.k8s
import data.palisade.rules.kubernetes.network

findings(id, o) := [f | some f in network.deny with input as {"kubernetes": {"objects": [o]}}; f.rule == id]

daemonset(extra) := {
	"id": "ds", "apiVersion": "apps/v1", "kind": "DaemonSet", "metadata": {"name": "agent"},
	"spec": {"template": {"spec": object.union({"containers": [{"name": "agent", "image": "agent:1.0"}]}, extra)}},
}

test_host_network_fires if {
	[f] := findings("K8S-NET-001", daemonset({"hostNetwork": true}))
	f.path == ["spec", "template", "spec", "hostNetwork"]
	f.facts == {"name": "agent", "kind": "DaemonSet"}
}

test_host_network_pod_fires if {
	pod := {"id": "p", "apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {"hostNetwork": true, "containers": []}}
	[f] := findings("K8S-NET-001", pod)
	f.path == ["spec", "hostNetwork"]
}

test_host_network_cronjob_fires if {
	cron := {
		"id": "c", "apiVersion": "batch/v1", "kind": "CronJob", "metadata": {"name": "c"},
		"spec": {"jobTemplate": {"spec": {"template": {"spec": {"hostNetwork": true, "containers": []}}}}},
	}
	[f] := findings("K8S-NET-001", cron)
	f.path == ["spec", "jobTemplate", "spec", "template", "spec", "hostNetwork"]
}

test_no_host_network_passes if {
	count(findings("K8S-NET-001", daemonset({}))) == 0
	count(findings("K8S-NET-001", daemonset({"hostNetwork": false}))) == 0
}

service(spec, annotations) := {
	"id": "s", "apiVersion": "v1", "kind": "Service", "metadata": {"name": "web", "annotations": annotations},
	"spec": object.union({"type": "LoadBalancer", "ports": [{"port": 443, "targetPort": 8443}], "selector": {"app": "web"}}, spec),
}

test_lb_without_ranges_fires if {
	[f] := findings("K8S-NET-002", service({}, {}))
	f.path == ["spec"]
	f.facts == {"name": "web"}
}

test_lb_with_empty_ranges_fires if {
	[f] := findings("K8S-NET-002", service({"loadBalancerSourceRanges": []}, {}))
	f.path == ["spec", "loadBalancerSourceRanges"]
}

test_lb_with_world_range_fires if {
	[f] := findings("K8S-NET-002", service({"loadBalancerSourceRanges": ["203.0.113.0/24", "0.0.0.0/0"]}, {}))
	f.path == ["spec", "loadBalancerSourceRanges"]
}

test_lb_with_ranges_passes if {
	count(findings("K8S-NET-002", service({"loadBalancerSourceRanges": ["203.0.113.0/24"]}, {}))) == 0
}

test_lb_ranges_annotation_passes if {
	count(findings("K8S-NET-002", service({}, {"service.beta.kubernetes.io/load-balancer-source-ranges": "203.0.113.0/24, 198.51.100.0/24"}))) == 0
	count(findings("K8S-NET-002", service({}, {"service.beta.kubernetes.io/load-balancer-source-ranges": "0.0.0.0/0"}))) == 1
}

test_internal_lb_passes if {
	count(findings("K8S-NET-002", service({}, {"service.beta.kubernetes.io/aws-load-balancer-scheme": "internal"}))) == 0
	count(findings("K8S-NET-002", service({}, {"networking.gke.io/load-balancer-type": "Internal"}))) == 0
	count(findings("K8S-NET-002", service({}, {"service.beta.kubernetes.io/aws-load-balancer-scheme": "internet-facing"}))) == 1
}

test_cluster_ip_passes if {
	count(findings("K8S-NET-002", service({"type": "ClusterIP"}, {}))) == 0
}

deployment(name, ns) := {
	"id": concat("/", [ns, name]), "apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": name, "namespace": ns},
	"spec": {"template": {"spec": {"containers": [{"name": "app", "image": "app:1.0"}]}}},
}

netpol(ns, spec) := {"id": concat("/", ["np", ns]), "apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": {"name": "default-deny", "namespace": ns}, "spec": spec}

isolation(objects, context) := {[f.rule, f.object, f.facts.namespace] |
	some f in network.deny with input as {"kubernetes": {"objects": objects, "related": k8s.index(context)}}
	f.rule in {"K8S-NET-003", "K8S-NET-004"}
}

test_namespace_without_policies_reported_once_on_first_workload if {
	got := isolation([deployment("web", "shop"), deployment("api", "shop"), deployment("dns", "kube-system")], [])
	got == {["K8S-NET-003", "shop/api", "shop"], ["K8S-NET-004", "shop/api", "shop"]}
	fs := [f | some f in network.deny with input as {"kubernetes": {"objects": [deployment("web", "shop")]}}; f.rule == "K8S-NET-003"]
	[f] := fs
	f.path == ["metadata"]
	f.facts == {"name": "web", "kind": "Deployment", "namespace": "shop"}
}

test_default_deny_ingress_only if {
	np := netpol("shop", {"podSelector": {}, "policyTypes": ["Ingress"]})
	isolation([deployment("web", "shop")], [np]) == {["K8S-NET-004", "shop/web", "shop"]}
}

test_default_deny_both_in_context if {
	np := netpol("shop", {"podSelector": {}, "policyTypes": ["Ingress", "Egress"]})
	isolation([deployment("web", "shop")], [np]) == set()
	set() == {f | some f in network.deny with input as {"kubernetes": {"objects": [deployment("web", "shop"), np]}}; f.rule in {"K8S-NET-003", "K8S-NET-004"}}
	isolation([deployment("web", "other")], [np]) == {["K8S-NET-003", "other/web", "other"], ["K8S-NET-004", "other/web", "other"]}
}

test_policy_types_default if {
	isolation([deployment("web", "shop")], [netpol("shop", {"podSelector": {}})]) == {["K8S-NET-004", "shop/web", "shop"]}
	isolation([deployment("web", "shop")], [netpol("shop", {"podSelector": {}, "egress": [{"to": [{"podSelector": {}}]}]})]) == set()
}

test_allow_all_or_selective_policies_do_not_isolate if {
	allow_all := netpol("shop", {"podSelector": {}, "policyTypes": ["Ingress", "Egress"], "ingress": [{}], "egress": [{"to": [{"namespaceSelector": {}}]}]})
	isolation([deployment("web", "shop")], [allow_all]) == {["K8S-NET-003", "shop/web", "shop"]}
	selective := netpol("shop", {"podSelector": {"matchLabels": {"app": "web"}}, "policyTypes": ["Ingress", "Egress"]})
	count(isolation([deployment("web", "shop")], [selective])) == 2
}

test_owned_objects_not_first_workload if {
	p := {"id": "shop/a-pod", "kind": "Pod", "metadata": {"name": "a-pod", "namespace": "shop", "ownerReferences": [{"kind": "ReplicaSet", "controller": true}]}, "spec": {"containers": []}}
	isolation([deployment("web", "shop"), p], []) == {["K8S-NET-003", "shop/web", "shop"], ["K8S-NET-004", "shop/web", "shop"]}
	isolation([p], []) == set()
}

test_node_port if {
	[f] := findings("K8S-NET-005", service({"type": "NodePort"}, {}))
	f.path == ["spec", "type"]
	f.facts == {"name": "web", "namespace": "default"}
	count(findings("K8S-NET-005", service({"type": "ClusterIP"}, {}))) == 0
}

test_external_ips if {
	[f] := findings("K8S-NET-006", service({"type": "ClusterIP", "externalIPs": ["203.0.113.10", "203.0.113.11"]}, {}))
	f.path == ["spec", "externalIPs"]
	f.facts.external_ips == "203.0.113.10, 203.0.113.11"
	count(findings("K8S-NET-006", service({"type": "ClusterIP", "externalIPs": []}, {}))) == 0
}

test_ingress_snippets if {
	ing := {
		"id": "i", "kind": "Ingress", "metadata": {"name": "shop", "namespace": "shop", "annotations": {
			"nginx.ingress.kubernetes.io/rewrite-target": "/",
			"nginx.ingress.kubernetes.io/configuration-snippet": "more_set_headers \"X-Frame-Options: DENY\";",
			"nginx.ingress.kubernetes.io/server-snippet": "  ",
		}},
		"spec": {},
	}
	[f] := findings("K8S-NET-007", ing)
	f.path == ["metadata", "annotations", "nginx.ingress.kubernetes.io/configuration-snippet"]
	f.facts.annotation == "nginx.ingress.kubernetes.io/configuration-snippet"
	count(findings("K8S-NET-007", object.union(ing, {"kind": "Service"}))) == 0
}
