package palisade.rules.kubernetes.security_test

import data.palisade.rules.kubernetes.security

hardened := {"name": "app", "image": "app:1.0", "securityContext": {"allowPrivilegeEscalation": false, "privileged": false}}

deployment(pod_spec) := {
	"id": "d", "apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "shop"},
	"spec": {"replicas": 2, "template": {"spec": pod_spec}},
}

findings(id, o) := [f | some f in security.deny with input as {"kubernetes": {"objects": [o]}}; f.rule == id]

test_hardened_passes if {
	count(security.deny) == 0 with input as {"kubernetes": {"objects": [deployment({"containers": [hardened]})]}}
}

test_privileged_fires if {
	c := object.union(hardened, {"securityContext": {"privileged": true}})
	[f] := findings("K8S-WL-003", deployment({"containers": [hardened, c]}))
	f.path == ["spec", "template", "spec", "containers", 1, "securityContext", "privileged"]
	f.facts == {"name": "shop", "kind": "Deployment", "container": "app"}
}

test_privileged_init_container_in_cronjob_fires if {
	cron := {
		"id": "c", "apiVersion": "batch/v1", "kind": "CronJob", "metadata": {"name": "nightly"},
		"spec": {"jobTemplate": {"spec": {"template": {"spec": {
			"containers": [hardened],
			"initContainers": [{"name": "sysctl", "image": "busybox:1.36", "securityContext": {"privileged": true, "allowPrivilegeEscalation": false}}],
		}}}}},
	}
	[f] := findings("K8S-WL-003", cron)
	f.path == ["spec", "jobTemplate", "spec", "template", "spec", "initContainers", 0, "securityContext", "privileged"]
}

test_privileged_string_passes if {
	c := object.union(hardened, {"securityContext": {"privileged": "true"}})
	count(findings("K8S-WL-003", deployment({"containers": [c]}))) == 0
}

test_escalation_true_fires if {
	c := object.union(hardened, {"securityContext": {"allowPrivilegeEscalation": true}})
	[f] := findings("K8S-WL-004", deployment({"containers": [c]}))
	f.path == ["spec", "template", "spec", "containers", 0, "securityContext", "allowPrivilegeEscalation"]
}

test_escalation_absent_fires_at_security_context if {
	c := {"name": "app", "image": "app:1.0", "securityContext": {"runAsNonRoot": true}}
	[f] := findings("K8S-WL-004", deployment({"containers": [c]}))
	f.path == ["spec", "template", "spec", "containers", 0, "securityContext"]
}

test_no_security_context_fires_at_container if {
	pod := {"id": "p", "apiVersion": "v1", "kind": "Pod", "metadata": {"name": "debug"}, "spec": {"containers": [{"name": "sh", "image": "busybox:1.36"}]}}
	[f] := findings("K8S-WL-004", pod)
	f.path == ["spec", "containers", 0]
}

test_escalation_unknown_passes if {
	c := {"name": "app", "image": "app:1.0", "securityContext": {"allowPrivilegeEscalation": {"__unknown__": true}}}
	count(findings("K8S-WL-004", deployment({"containers": [c]}))) == 0
	c2 := {"name": "app", "image": "app:1.0", "securityContext": {"__unknown__": true}}
	count(findings("K8S-WL-004", deployment({"containers": [c2]}))) == 0
}

test_windows_pod_exempt if {
	c := {"name": "app", "image": "app:1.0"}
	count(findings("K8S-WL-004", deployment({"os": {"name": "windows"}, "containers": [c]}))) == 0
}
