# Pod Security Standards (Baseline and Restricted) and service account hygiene.
#
# Container-level settings override pod-level ones (securityContext.runAsNonRoot,
# runAsUser, seccompProfile, appArmorProfile, windowsOptions). A finding points at the
# field that decides: the container's when it sets one, the pod's when the container
# inherits it (then one finding lists every container that inherits), else the container.
# Objects a controller owns are skipped: their owner reports the same pod template.
package palisade.rules.kubernetes.podsecurity

import data.palisade.lib
import data.palisade.lib.k8s

# Every container of every reported object: {"o": object, "ps": pod spec, "c": container}.
pod_containers contains {"o": o, "ps": ps, "c": c} if {
	some o in input.kubernetes.objects
	not k8s.owned(o)
	ps := k8s.pod_spec(o)
	some c in k8s.containers(o)
}

# Objects whose pod spec is reported: {"o": object, "ps": pod spec}.
pods contains {"o": o, "ps": ps} if {
	some o in input.kubernetes.objects
	not k8s.owned(o)
	ps := k8s.pod_spec(o)
}

# Linux containers: Windows pods have neither runAsNonRoot, capabilities nor seccomp.
linux_containers contains x if {
	some x in pod_containers
	not windows(x.ps)
}

windows(ps) if ps.spec.os.name == "windows"

# Both security contexts are known (never report on an unknown value).
sc_known(x) if {
	lib.known(object.get(x.c.container, "securityContext", {}))
	lib.known(object.get(x.ps.spec, "securityContext", {}))
}

container_sc(x) := sc if {
	sc := x.c.container.securityContext
	is_object(sc)
} else := {}

# The effective value of a securityContext field, with the path of the field that sets it.
effective(x, field) := {"value": v, "path": array.concat(x.c.path, ["securityContext", field])} if {
	v := x.c.container.securityContext[field]
	v != null
} else := {"value": v, "path": array.concat(x.ps.path, ["securityContext", field])} if {
	v := x.ps.spec.securityContext[field]
	v != null
} else := {"value": null, "path": sc_path(x)}

# Where a missing container setting is reported: its securityContext, else the container.
sc_path(x) := array.concat(x.c.path, ["securityContext"]) if {
	is_object(x.c.container.securityContext)
} else := x.c.path

# A violation of one container. A violation of a pod-level field the container inherits is
# "inherited": the containers that inherit the same field are listed in one finding.
vio(rule, x, path, facts) := {
	"rule": rule, "oid": x.o.id, "path": path, "facts": facts, "container": x.c.container.name,
	"inherited": array.slice(path, 0, count(x.c.path)) != x.c.path,
}

objects_by_id := {o.id: o | some o in input.kubernetes.objects}

container_facts(o, facts, names) := object.union(facts, {"name": k8s.name(o), "kind": o.kind, "container": names})

deny contains lib.finding(v.rule, o, v.path, container_facts(o, v.facts, v.container)) if {
	some v in violation
	v.inherited == false
	o := objects_by_id[v.oid]
}

inherited_violations contains v if {
	some v in violation
	v.inherited == true
}

deny contains lib.finding(key.rule, o, key.path, container_facts(o, key.facts, concat(", ", names))) if {
	some key in {object.remove(v, ["container"]) | some v in inherited_violations}
	names := sort([v.container | some v in inherited_violations; object.remove(v, ["container"]) == key])
	o := objects_by_id[key.oid]
}

# K8S-PSS-001: runAsNonRoot is not true, and no non-zero runAsUser forces a non-root UID.
violation contains vio("K8S-PSS-001", x, nr.path, {}) if {
	some x in linux_containers
	sc_known(x)
	nr := effective(x, "runAsNonRoot")
	lib.known(nr.value)
	nr.value != true
	uid := effective(x, "runAsUser").value
	uid == null
}

# K8S-PSS-002: the container runs as UID 0 explicitly.
violation contains vio("K8S-PSS-002", x, uid.path, {}) if {
	some x in linux_containers
	uid := effective(x, "runAsUser")
	uid.value == 0
}

# K8S-PSS-003: capabilities.drop does not contain ALL.
violation contains vio("K8S-PSS-003", x, drop_path(x), {}) if {
	some x in linux_containers
	sc := object.get(x.c.container, "securityContext", {})
	lib.known(sc)
	caps := object.get(sc, "capabilities", {})
	lib.known(caps)
	drop := object.get(caps, "drop", [])
	lib.known_list(drop)
	not "ALL" in drop
}

drop_path(x) := array.concat(x.c.path, ["securityContext", "capabilities", "drop"]) if {
	x.c.container.securityContext.capabilities.drop != null
} else := array.concat(x.c.path, ["securityContext", "capabilities"]) if {
	is_object(x.c.container.securityContext.capabilities)
} else := sc_path(x)

# Capabilities that give a container control of the node, other containers or the network.
dangerous_capabilities := {
	"ALL", "SYS_ADMIN", "NET_ADMIN", "NET_RAW", "SYS_PTRACE", "SYS_MODULE", "SYS_RAWIO", "SYS_BOOT",
	"SYS_TIME", "DAC_READ_SEARCH", "BPF", "PERFMON", "MAC_ADMIN", "MAC_OVERRIDE", "SYSLOG",
}

capability_name(c) := trim_prefix(upper(c), "CAP_")

# K8S-PSS-004: a dangerous capability is added.
violation contains vio("K8S-PSS-004", x, array.concat(x.c.path, ["securityContext", "capabilities", "add", j]), {"capability": capability_name(cap)}) if {
	some x in pod_containers
	some j, cap in x.c.container.securityContext.capabilities.add
	is_string(cap)
	capability_name(cap) in dangerous_capabilities
}

# K8S-PSS-005: the root filesystem is writable.
violation contains vio("K8S-PSS-005", x, path, {}) if {
	some x in linux_containers
	sc := object.get(x.c.container, "securityContext", {})
	lib.known(sc)
	lib.not_true(sc, "readOnlyRootFilesystem")
	path := read_only_path(x)
}

read_only_path(x) := array.concat(x.c.path, ["securityContext", "readOnlyRootFilesystem"]) if {
	x.c.container.securityContext.readOnlyRootFilesystem != null
} else := sc_path(x)

# K8S-PSS-006 / K8S-PSS-007: the pod shares the node's process or IPC namespace.
host_namespace_rules := {"hostPID": "K8S-PSS-006", "hostIPC": "K8S-PSS-007"}

deny contains lib.finding(rule, p.o, array.concat(p.ps.path, [field]), {"name": k8s.name(p.o), "kind": p.o.kind}) if {
	some p in pods
	some field, rule in host_namespace_rules
	p.ps.spec[field] == true
}

# Host paths that expose a container runtime's API (or contain it): mounting one is node root.
runtime_socket_paths := {
	"/", "/var/run", "/run", "/var/run/docker.sock", "/run/docker.sock", "/var/run/docker",
	"/var/run/containerd", "/run/containerd", "/var/run/containerd/containerd.sock", "/run/containerd/containerd.sock",
	"/var/run/crio", "/run/crio", "/var/run/crio/crio.sock", "/run/crio/crio.sock",
	"/var/run/cri-dockerd.sock", "/run/cri-dockerd.sock", "/var/run/dockershim.sock",
	"/run/k3s/containerd", "/run/k3s/containerd/containerd.sock", "/run/podman", "/run/podman/podman.sock",
	"/var/lib/docker", "/var/lib/containerd",
}

# The host path without trailing slashes ("/" stays "/").
normalized_host_path(p) := "/" if trim_right(p, "/") == ""

normalized_host_path(p) := trim_right(p, "/") if trim_right(p, "/") != ""

host_path_volumes contains {"p": p, "i": i, "volume": object.get(v, "name", ""), "host_path": hp} if {
	some p in pods
	some i, v in object.get(p.ps.spec, "volumes", [])
	hp := v.hostPath.path
	is_string(hp)
}

# K8S-PSS-008: a hostPath volume (other than a runtime socket, which K8S-PSS-009 reports).
deny contains lib.finding("K8S-PSS-008", h.p.o, array.concat(h.p.ps.path, ["volumes", h.i, "hostPath"]), facts) if {
	some h in host_path_volumes
	not normalized_host_path(h.host_path) in runtime_socket_paths
	facts := {"name": k8s.name(h.p.o), "kind": h.p.o.kind, "volume": h.volume, "host_path": h.host_path}
}

# K8S-PSS-009: a container runtime socket (or a directory holding one) is mounted.
deny contains lib.finding("K8S-PSS-009", h.p.o, array.concat(h.p.ps.path, ["volumes", h.i, "hostPath", "path"]), facts) if {
	some h in host_path_volumes
	normalized_host_path(h.host_path) in runtime_socket_paths
	facts := {"name": k8s.name(h.p.o), "kind": h.p.o.kind, "volume": h.volume, "host_path": h.host_path}
}

# K8S-PSS-010: no seccomp profile, or Unconfined.
violation contains vio("K8S-PSS-010", x, path, {"profile": profile}) if {
	some x in linux_containers
	sc_known(x)
	sp := effective(x, "seccompProfile")
	lib.known(sp.value)
	[path, profile] := seccomp_problem(sp)
}

seccomp_problem(sp) := [sp.path, "none"] if sp.value == null

seccomp_problem(sp) := [array.concat(sp.path, ["type"]), t] if {
	is_object(sp.value)
	t := sp.value.type
	is_string(t)
	not t in {"RuntimeDefault", "Localhost"}
}

# K8S-PSS-011: AppArmor disabled by appArmorProfile or by the (pre-1.30) annotation.
violation contains vio("K8S-PSS-011", x, array.concat(ap.path, ["type"]), {}) if {
	some x in linux_containers
	ap := effective(x, "appArmorProfile")
	ap.value.type == "Unconfined"
}

violation contains vio("K8S-PSS-011", x, array.concat(pod_metadata_path(x.ps), ["annotations", key]), {}) if {
	some x in linux_containers
	key := concat("", ["container.apparmor.security.beta.kubernetes.io/", x.c.container.name])
	value := pod_annotations(x.o)[key]
	is_string(value)
	lower(value) == "unconfined"
}

# The model path of the pod template's metadata (the object's own for a Pod).
pod_metadata_path(ps) := array.concat(array.slice(ps.path, 0, count(ps.path) - 1), ["metadata"])

pod_annotations(o) := object.get(object.get(o.spec.template, "metadata", {}), "annotations", {}) if o.kind in k8s.workload_kinds

pod_annotations(o) := object.get(object.get(o.spec.jobTemplate.spec.template, "metadata", {}), "annotations", {}) if o.kind == "CronJob"

pod_annotations(o) := k8s.annotations(o) if o.kind == "Pod"

# K8S-PSS-012: /proc is not masked.
violation contains vio("K8S-PSS-012", x, array.concat(x.c.path, ["securityContext", "procMount"]), {}) if {
	some x in pod_containers
	x.c.container.securityContext.procMount == "Unmasked"
}

# Sysctls the kubelet allows by default: namespaced and isolated from the node and other pods.
safe_sysctls := {
	"kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.ip_unprivileged_port_start",
	"net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range", "net.ipv4.ip_local_reserved_ports",
	"net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl",
	"net.ipv4.tcp_keepalive_probes", "net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem",
}

# K8S-PSS-013: an unsafe sysctl.
deny contains lib.finding("K8S-PSS-013", p.o, array.concat(p.ps.path, ["securityContext", "sysctls", i]), facts) if {
	some p in pods
	some i, s in p.ps.spec.securityContext.sysctls
	is_string(s.name)
	not replace(s.name, "/", ".") in safe_sysctls
	facts := {"name": k8s.name(p.o), "kind": p.o.kind, "sysctl": s.name}
}

# K8S-PSS-014: a Windows HostProcess container (pod-level setting inherited unless overridden).
violation contains vio("K8S-PSS-014", x, array.concat(x.c.path, ["securityContext", "windowsOptions", "hostProcess"]), {}) if {
	some x in pod_containers
	x.c.container.securityContext.windowsOptions.hostProcess == true
}

violation contains vio("K8S-PSS-014", x, array.concat(x.ps.path, ["securityContext", "windowsOptions", "hostProcess"]), {}) if {
	some x in pod_containers
	x.ps.spec.securityContext.windowsOptions.hostProcess == true
	object.get(object.get(container_sc(x), "windowsOptions", {}), "hostProcess", null) == null
}

# K8S-PSS-015: a hostPort (host-network pods are reported by K8S-NET-001 instead).
violation contains vio("K8S-PSS-015", x, array.concat(x.c.path, ["ports", j, "hostPort"]), {"host_port": port.hostPort}) if {
	some x in pod_containers
	not x.ps.spec.hostNetwork == true
	some j, port in x.c.container.ports
	is_number(port.hostPort)
	port.hostPort > 0
}

# The service account a pod runs as ("default" when unset).
service_account(ps) := n if {
	n := ps.spec.serviceAccountName
	is_string(n)
	n != ""
} else := n if {
	n := ps.spec.serviceAccount
	is_string(n)
	n != ""
} else := "default"

# The namespace's default ServiceAccount disables token automounting. ServiceAccounts are looked
# up in the relational index when the engine puts them there, and among the chunk's own objects.
default_sa_disables_token(ns) if {
	some sa in k8s.related("ServiceAccount", ns)
	token_disabled_default(sa)
}

default_sa_disables_token(ns) if ns in token_disabled_namespaces

token_disabled_namespaces contains k8s.namespace(sa) if {
	some sa in input.kubernetes.objects
	token_disabled_default(sa)
}

token_disabled_default(sa) if {
	sa.kind == "ServiceAccount"
	k8s.name(sa) == "default"
	sa.automountServiceAccountToken == false
}

# K8S-PSS-016: a pod running as the default service account mounts its API token.
deny contains lib.finding("K8S-PSS-016", p.o, array.concat(p.ps.path, ["automountServiceAccountToken"]), {"name": k8s.name(p.o), "kind": p.o.kind}) if {
	some p in pods
	service_account(p.ps) == "default"
	p.ps.spec.automountServiceAccountToken == true
}

deny contains lib.finding("K8S-PSS-016", p.o, p.ps.path, {"name": k8s.name(p.o), "kind": p.o.kind}) if {
	some p in pods
	service_account(p.ps) == "default"
	object.get(p.ps.spec, "automountServiceAccountToken", null) == null
	not default_sa_disables_token(k8s.namespace(p.o))
}

# K8S-PSS-017: a namespace's default ServiceAccount automounts its token into every pod that uses it.
deny contains lib.finding("K8S-PSS-017", sa, path, {"name": k8s.name(sa), "namespace": k8s.namespace(sa)}) if {
	some sa in input.kubernetes.objects
	sa.kind == "ServiceAccount"
	k8s.name(sa) == "default"
	v := object.get(sa, "automountServiceAccountToken", null)
	v != false
	lib.known(v)
	path := automount_path(v)
}

automount_path(null) := ["metadata"]

automount_path(v) := ["automountServiceAccountToken"] if v != null

# K8S-PSS-018: a Secret is exposed as environment variables (names only: values never leave the cluster).
violation contains vio("K8S-PSS-018", x, array.concat(x.c.path, ["env", k]), {"secret": ref.name, "variable": e.name}) if {
	some x in pod_containers
	some k, e in x.c.container.env
	ref := e.valueFrom.secretKeyRef
	is_string(ref.name)
}

violation contains vio("K8S-PSS-018", x, array.concat(x.c.path, ["envFrom", k]), {"secret": ref.name, "variable": "every key, through envFrom"}) if {
	some x in pod_containers
	some k, e in x.c.container.envFrom
	ref := e.secretRef
	is_string(ref.name)
}
