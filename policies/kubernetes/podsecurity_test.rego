package palisade.rules.kubernetes.podsecurity_test

import data.palisade.lib.k8s
import data.palisade.rules.kubernetes.podsecurity

hardened_sc := {
	"runAsNonRoot": true,
	"allowPrivilegeEscalation": false,
	"readOnlyRootFilesystem": true,
	"capabilities": {"drop": ["ALL"]},
}

hardened := {"name": "app", "image": "app:1.0", "securityContext": hardened_sc}

pod_sc := {"seccompProfile": {"type": "RuntimeDefault"}}

hardened_spec := {"serviceAccountName": "shop", "securityContext": pod_sc, "containers": [hardened]}

deployment(pod_spec) := {
	"id": "d", "apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "shop", "namespace": "shop"},
	"spec": {"replicas": 2, "template": {"spec": pod_spec}},
}

pod(spec) := {"id": "p", "apiVersion": "v1", "kind": "Pod", "metadata": {"name": "debug", "namespace": "shop"}, "spec": spec}

cronjob(spec) := {
	"id": "c", "apiVersion": "batch/v1", "kind": "CronJob", "metadata": {"name": "nightly", "namespace": "shop"},
	"spec": {"jobTemplate": {"spec": {"template": {"spec": spec}}}},
}

spec_with(extra) := object.union(hardened_spec, extra)

container_without(field) := object.union(object.remove(hardened, ["securityContext"]), {"securityContext": object.remove(hardened_sc, [field])})

container_with(sc) := object.union(hardened, {"securityContext": object.union(hardened_sc, sc)})

findings(id, o) := [f | some f in podsecurity.deny with input as {"kubernetes": {"objects": [o]}}; f.rule == id]

findings_all(id, objects) := [f | some f in podsecurity.deny with input as {"kubernetes": {"objects": objects}}; f.rule == id]

paths(id, o) := {f.path | some f in findings(id, o)}

c0 := ["spec", "template", "spec", "containers", 0]

test_hardened_passes if {
	count(podsecurity.deny) == 0 with input as {"kubernetes": {"objects": [deployment(hardened_spec)]}}
	count(podsecurity.deny) == 0 with input as {"kubernetes": {"objects": [cronjob(hardened_spec)]}}
}

test_owned_objects_skipped if {
	p := object.union(pod({"containers": [{"name": "x", "image": "x"}], "hostPID": true}), {"metadata": {"ownerReferences": [{"kind": "ReplicaSet", "controller": true}]}})
	count(podsecurity.deny) == 0 with input as {"kubernetes": {"objects": [p]}}
}

# K8S-PSS-001
test_run_as_non_root_missing_fires_at_security_context if {
	c := container_without("runAsNonRoot")
	[f] := findings("K8S-PSS-001", deployment(spec_with({"containers": [c]})))
	f.path == array.concat(c0, ["securityContext"])
	f.facts == {"name": "shop", "kind": "Deployment", "container": "app"}
}

test_run_as_non_root_no_security_context_fires_at_container if {
	[f] := findings("K8S-PSS-001", pod({"containers": [{"name": "sh", "image": "busybox"}]}))
	f.path == ["spec", "containers", 0]
}

test_run_as_non_root_false_on_container_fires if {
	[f] := findings("K8S-PSS-001", deployment(spec_with({"containers": [container_with({"runAsNonRoot": false})]})))
	f.path == array.concat(c0, ["securityContext", "runAsNonRoot"])
}

test_pod_level_non_root_inherited if {
	c := container_without("runAsNonRoot")
	count(findings("K8S-PSS-001", deployment(spec_with({"securityContext": {"runAsNonRoot": true}, "containers": [c]})))) == 0
}

test_pod_level_false_grouped_and_container_override if {
	c := container_without("runAsNonRoot")
	c2 := object.union(c, {"name": "sidecar"})
	c3 := object.union(hardened, {"name": "ok"})
	fs := findings("K8S-PSS-001", deployment(spec_with({"securityContext": {"runAsNonRoot": false}, "containers": [c2, c, c3]})))
	[f] := fs
	f.path == ["spec", "template", "spec", "securityContext", "runAsNonRoot"]
	f.facts.container == "app, sidecar"
}

test_run_as_user_non_zero_passes if {
	c := object.union(container_without("runAsNonRoot"), {"securityContext": {"runAsUser": 10001}})
	count(findings("K8S-PSS-001", deployment(spec_with({"containers": [c]})))) == 0
}

test_run_as_non_root_unknown_passes if {
	count(findings("K8S-PSS-001", deployment(spec_with({"containers": [container_with({"runAsNonRoot": {"__unknown__": true}})]})))) == 0
	c := object.union(object.remove(hardened, ["securityContext"]), {"securityContext": {"__unknown__": true}})
	count(findings("K8S-PSS-001", deployment(spec_with({"containers": [c]})))) == 0
}

test_windows_pods_exempt if {
	c := {"name": "win", "image": "mcr.microsoft.com/windows/servercore:ltsc2022"}
	d := deployment({"os": {"name": "windows"}, "serviceAccountName": "x", "containers": [c]})
	ids := {f.rule | some f in podsecurity.deny with input as {"kubernetes": {"objects": [d]}}}
	ids == set()
}

test_init_container_in_cronjob if {
	init := {"name": "migrate", "image": "migrate:1", "securityContext": {"runAsNonRoot": false}}
	[f] := findings("K8S-PSS-001", cronjob(spec_with({"initContainers": [init]})))
	f.path == ["spec", "jobTemplate", "spec", "template", "spec", "initContainers", 0, "securityContext", "runAsNonRoot"]
	f.facts.kind == "CronJob"
}

# K8S-PSS-002
test_run_as_user_zero_fires if {
	[f] := findings("K8S-PSS-002", deployment(spec_with({"containers": [container_with({"runAsUser": 0})]})))
	f.path == array.concat(c0, ["securityContext", "runAsUser"])
	count(findings("K8S-PSS-001", deployment(spec_with({"containers": [container_with({"runAsNonRoot": false, "runAsUser": 0})]})))) == 0
}

test_run_as_user_zero_pod_level_overridden if {
	d := deployment(spec_with({"securityContext": {"runAsUser": 0}, "containers": [hardened, container_with({"runAsUser": 1000, "name": "x"})]}))
	[f] := findings("K8S-PSS-002", d)
	f.path == ["spec", "template", "spec", "securityContext", "runAsUser"]
	f.facts.container == "app"
}

# K8S-PSS-003
test_drop_all_missing if {
	paths("K8S-PSS-003", deployment(spec_with({"containers": [container_with({"capabilities": {"drop": ["NET_RAW"]}})]}))) == {array.concat(c0, ["securityContext", "capabilities", "drop"])}
	paths("K8S-PSS-003", deployment(spec_with({"containers": [object.union(container_without("capabilities"), {"securityContext": {"capabilities": {"add": ["CHOWN"]}}})]}))) == {array.concat(c0, ["securityContext", "capabilities"])}
	paths("K8S-PSS-003", deployment(spec_with({"containers": [container_without("capabilities")]}))) == {array.concat(c0, ["securityContext"])}
	paths("K8S-PSS-003", pod({"containers": [{"name": "a"}]})) == {["spec", "containers", 0]}
	count(findings("K8S-PSS-003", deployment(spec_with({"containers": [container_with({"capabilities": {"drop": {"__unknown__": true}}})]})))) == 0
	count(findings("K8S-PSS-003", deployment(spec_with({"containers": [container_with({"capabilities": {"drop": ["all"]}})]})))) == 1
}

# K8S-PSS-004
test_dangerous_capabilities if {
	c := container_with({"capabilities": {"drop": ["ALL"], "add": ["NET_BIND_SERVICE", "cap_sys_admin", "NET_RAW"]}})
	fs := findings("K8S-PSS-004", deployment(spec_with({"containers": [c]})))
	{[f.path, f.facts.capability] | some f in fs} == {
		[array.concat(c0, ["securityContext", "capabilities", "add", 1]), "SYS_ADMIN"],
		[array.concat(c0, ["securityContext", "capabilities", "add", 2]), "NET_RAW"],
	}
	count(findings("K8S-PSS-004", deployment(spec_with({"containers": [container_with({"capabilities": {"drop": ["ALL"], "add": ["NET_BIND_SERVICE"]}})]})))) == 0
}

# K8S-PSS-005
test_read_only_root_filesystem if {
	paths("K8S-PSS-005", deployment(spec_with({"containers": [container_with({"readOnlyRootFilesystem": false})]}))) == {array.concat(c0, ["securityContext", "readOnlyRootFilesystem"])}
	c := container_without("readOnlyRootFilesystem")
	paths("K8S-PSS-005", deployment(spec_with({"containers": [c]}))) == {array.concat(c0, ["securityContext"])}
	count(findings("K8S-PSS-005", deployment(spec_with({"containers": [container_with({"readOnlyRootFilesystem": {"__unknown__": true}})]})))) == 0
}

# K8S-PSS-006, K8S-PSS-007
test_host_namespaces if {
	[f] := findings("K8S-PSS-006", deployment(spec_with({"hostPID": true})))
	f.path == ["spec", "template", "spec", "hostPID"]
	[g] := findings("K8S-PSS-007", cronjob(spec_with({"hostIPC": true})))
	g.path == ["spec", "jobTemplate", "spec", "template", "spec", "hostIPC"]
	count(findings("K8S-PSS-006", deployment(spec_with({"hostPID": false})))) == 0
}

# K8S-PSS-008, K8S-PSS-009
test_host_path_volumes if {
	vols := [
		{"name": "cfg", "configMap": {"name": "cfg"}},
		{"name": "logs", "hostPath": {"path": "/var/log", "type": "Directory"}},
		{"name": "docker", "hostPath": {"path": "/var/run/docker.sock", "type": "Socket"}},
		{"name": "root", "hostPath": {"path": "/"}},
		{"name": "run", "hostPath": {"path": "/run/containerd/"}},
	]
	d := deployment(spec_with({"volumes": vols}))
	[f] := findings("K8S-PSS-008", d)
	f.path == ["spec", "template", "spec", "volumes", 1, "hostPath"]
	f.facts == {"name": "shop", "kind": "Deployment", "volume": "logs", "host_path": "/var/log"}
	paths("K8S-PSS-009", d) == {
		["spec", "template", "spec", "volumes", 2, "hostPath", "path"],
		["spec", "template", "spec", "volumes", 3, "hostPath", "path"],
		["spec", "template", "spec", "volumes", 4, "hostPath", "path"],
	}
}

# K8S-PSS-010
test_seccomp if {
	no_pod_sc := object.remove(hardened_spec, ["securityContext"])
	[f] := findings("K8S-PSS-010", deployment(no_pod_sc))
	f.path == array.concat(c0, ["securityContext"])
	f.facts.profile == "none"
	[g] := findings("K8S-PSS-010", deployment(spec_with({"securityContext": {"seccompProfile": {"type": "Unconfined"}}})))
	g.path == ["spec", "template", "spec", "securityContext", "seccompProfile", "type"]
	g.facts.profile == "Unconfined"
	[h] := findings("K8S-PSS-010", deployment(spec_with({"containers": [container_with({"seccompProfile": {"type": "Unconfined"}})]})))
	h.path == array.concat(c0, ["securityContext", "seccompProfile", "type"])
	count(findings("K8S-PSS-010", deployment(object.union(no_pod_sc, {"containers": [container_with({"seccompProfile": {"type": "Localhost", "localhostProfile": "p.json"}})]})))) == 0
	count(findings("K8S-PSS-010", deployment(spec_with({"securityContext": {"seccompProfile": {"__unknown__": true}}})))) == 0
}

# K8S-PSS-011
test_apparmor_profile_unconfined if {
	[f] := findings("K8S-PSS-011", deployment(spec_with({"containers": [container_with({"appArmorProfile": {"type": "Unconfined"}})]})))
	f.path == array.concat(c0, ["securityContext", "appArmorProfile", "type"])
	count(findings("K8S-PSS-011", deployment(spec_with({"securityContext": {"seccompProfile": {"type": "RuntimeDefault"}, "appArmorProfile": {"type": "RuntimeDefault"}}})))) == 0
}

test_apparmor_annotation_unconfined if {
	ann := {"container.apparmor.security.beta.kubernetes.io/app": "unconfined", "container.apparmor.security.beta.kubernetes.io/other": "unconfined"}
	d := {"id": "d", "kind": "Deployment", "metadata": {"name": "shop"}, "spec": {"template": {"metadata": {"annotations": ann}, "spec": hardened_spec}}}
	[f] := findings("K8S-PSS-011", d)
	f.path == ["spec", "template", "metadata", "annotations", "container.apparmor.security.beta.kubernetes.io/app"]
	p := {"id": "p", "kind": "Pod", "metadata": {"name": "p", "annotations": ann}, "spec": hardened_spec}
	[g] := findings("K8S-PSS-011", p)
	g.path == ["metadata", "annotations", "container.apparmor.security.beta.kubernetes.io/app"]
	cj := {"id": "c", "kind": "CronJob", "metadata": {"name": "c"}, "spec": {"jobTemplate": {"spec": {"template": {"metadata": {"annotations": ann}, "spec": hardened_spec}}}}}
	[h] := findings("K8S-PSS-011", cj)
	h.path == ["spec", "jobTemplate", "spec", "template", "metadata", "annotations", "container.apparmor.security.beta.kubernetes.io/app"]
	ok := {"id": "p", "kind": "Pod", "metadata": {"name": "p", "annotations": {"container.apparmor.security.beta.kubernetes.io/app": "runtime/default"}}, "spec": hardened_spec}
	count(findings("K8S-PSS-011", ok)) == 0
}

# K8S-PSS-012
test_proc_mount if {
	[f] := findings("K8S-PSS-012", deployment(spec_with({"containers": [container_with({"procMount": "Unmasked"})]})))
	f.path == array.concat(c0, ["securityContext", "procMount"])
	count(findings("K8S-PSS-012", deployment(spec_with({"containers": [container_with({"procMount": "Default"})]})))) == 0
}

# K8S-PSS-013
test_sysctls if {
	sysctls := [{"name": "net.ipv4.tcp_syncookies", "value": "1"}, {"name": "kernel.msgmax", "value": "65536"}, {"name": "net/ipv4/ip_local_port_range", "value": "1024 65000"}]
	[f] := findings("K8S-PSS-013", deployment(spec_with({"securityContext": object.union(pod_sc, {"sysctls": sysctls})})))
	f.path == ["spec", "template", "spec", "securityContext", "sysctls", 1]
	f.facts.sysctl == "kernel.msgmax"
}

# K8S-PSS-014
test_host_process if {
	win := {"name": "w", "image": "w"}
	d := deployment({"os": {"name": "windows"}, "securityContext": {"windowsOptions": {"hostProcess": true}}, "hostNetwork": true, "serviceAccountName": "x", "containers": [win, object.union(win, {"name": "v", "securityContext": {"windowsOptions": {"hostProcess": false}}})]})
	[f] := findings("K8S-PSS-014", d)
	f.path == ["spec", "template", "spec", "securityContext", "windowsOptions", "hostProcess"]
	f.facts.container == "w"
	d2 := deployment({"os": {"name": "windows"}, "hostNetwork": true, "serviceAccountName": "x", "containers": [object.union(win, {"securityContext": {"windowsOptions": {"hostProcess": true}}})]})
	[g] := findings("K8S-PSS-014", d2)
	g.path == ["spec", "template", "spec", "containers", 0, "securityContext", "windowsOptions", "hostProcess"]
}

# K8S-PSS-015
test_host_port if {
	c := object.union(hardened, {"ports": [{"containerPort": 8080}, {"containerPort": 9100, "hostPort": 9100}]})
	[f] := findings("K8S-PSS-015", deployment(spec_with({"containers": [c]})))
	f.path == array.concat(c0, ["ports", 1, "hostPort"])
	f.facts.host_port == 9100
	count(findings("K8S-PSS-015", deployment(spec_with({"hostNetwork": true, "containers": [c]})))) == 0
}

# K8S-PSS-016
test_default_service_account_token if {
	no_sa := object.remove(hardened_spec, ["serviceAccountName"])
	[f] := findings("K8S-PSS-016", deployment(no_sa))
	f.path == ["spec", "template", "spec"]
	[g] := findings("K8S-PSS-016", deployment(object.union(no_sa, {"serviceAccountName": "default", "automountServiceAccountToken": true})))
	g.path == ["spec", "template", "spec", "automountServiceAccountToken"]
	count(findings("K8S-PSS-016", deployment(object.union(no_sa, {"automountServiceAccountToken": false})))) == 0
	count(findings("K8S-PSS-016", deployment(object.union(no_sa, {"serviceAccount": "legacy"})))) == 0
	count(findings("K8S-PSS-016", deployment(hardened_spec))) == 0
}

test_default_service_account_disabled_in_namespace if {
	no_sa := object.remove(hardened_spec, ["serviceAccountName"])
	sa := {"id": "sa", "apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": "default", "namespace": "shop"}, "automountServiceAccountToken": false}
	count(findings_all("K8S-PSS-016", [deployment(no_sa), sa])) == 0
	other := object.union(sa, {"metadata": {"namespace": "other"}})
	count(findings_all("K8S-PSS-016", [deployment(no_sa), other])) == 1
	fs := {f | some f in podsecurity.deny with input as {"kubernetes": {"objects": [deployment(no_sa)], "related": k8s.index([sa])}}; f.rule == "K8S-PSS-016"}
	count(fs) == 0
}

# K8S-PSS-017
test_default_service_account_object if {
	sa := {"id": "sa", "apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": "default", "namespace": "shop"}}
	[f] := findings("K8S-PSS-017", sa)
	f.path == ["metadata"]
	f.facts == {"name": "default", "namespace": "shop"}
	[g] := findings("K8S-PSS-017", object.union(sa, {"automountServiceAccountToken": true}))
	g.path == ["automountServiceAccountToken"]
	count(findings("K8S-PSS-017", object.union(sa, {"automountServiceAccountToken": false}))) == 0
	count(findings("K8S-PSS-017", object.union(sa, {"automountServiceAccountToken": {"__unknown__": true}}))) == 0
	count(findings("K8S-PSS-017", object.union(sa, {"metadata": {"name": "shop"}}))) == 0
}

# K8S-PSS-018
test_secret_env if {
	c := object.union(hardened, {
		"env": [
			{"name": "LOG_LEVEL", "value": "info"},
			{"name": "DB_PASSWORD", "valueFrom": {"secretKeyRef": {"name": "db", "key": "password"}}},
			{"name": "CFG", "valueFrom": {"configMapKeyRef": {"name": "cfg", "key": "x"}}},
		],
		"envFrom": [{"configMapRef": {"name": "cfg"}}, {"secretRef": {"name": "api-keys"}}],
	})
	fs := findings("K8S-PSS-018", deployment(spec_with({"containers": [c]})))
	{[f.path, f.facts.secret, f.facts.variable] | some f in fs} == {
		[array.concat(c0, ["env", 1]), "db", "DB_PASSWORD"],
		[array.concat(c0, ["envFrom", 1]), "api-keys", "every key, through envFrom"],
	}
	not_leaked := [f | some f in fs; f.facts.key]
	count(not_leaked) == 0
}
