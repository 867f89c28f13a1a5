package palisade.rules.kubernetes.network_test

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
