# Container privileges.
package palisade.rules.kubernetes.security

import data.palisade.lib
import data.palisade.lib.k8s

# K8S-WL-003: a privileged container has every capability and device of the node.
deny contains lib.finding("K8S-WL-003", o, array.concat(c.path, ["securityContext", "privileged"]), facts) if {
	some o in input.kubernetes.objects
	some c in k8s.containers(o)
	c.container.securityContext.privileged == true
	facts := {"name": k8s.name(o), "kind": o.kind, "container": c.container.name}
}

# K8S-WL-004: unless allowPrivilegeEscalation is false, setuid binaries can gain more privileges than the process has.
deny contains lib.finding("K8S-WL-004", o, path, facts) if {
	some o in input.kubernetes.objects
	not windows(o)
	some c in k8s.containers(o)
	path := escalation_path(c)
	facts := {"name": k8s.name(o), "kind": o.kind, "container": c.container.name}
}

# Windows pods cannot set allowPrivilegeEscalation.
windows(o) if k8s.pod_spec(o).spec.os.name == "windows"

# The path of a missing or permissive allowPrivilegeEscalation; undefined when it is false or unknown.
escalation_path(c) := c.path if object.get(c.container, "securityContext", null) == null

escalation_path(c) := array.concat(c.path, ["securityContext"]) if {
	sc := c.container.securityContext
	is_object(sc)
	lib.known(sc)
	object.get(sc, "allowPrivilegeEscalation", null) == null
}

escalation_path(c) := array.concat(c.path, ["securityContext", "allowPrivilegeEscalation"]) if {
	c.container.securityContext.allowPrivilegeEscalation == true
}
