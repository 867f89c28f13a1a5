# Ingress TLS and routing.
package palisade.rules.kubernetes.ingress

import data.palisade.lib
import data.palisade.lib.k8s

# TLS terminated by the cloud load balancer the controller provisions (AWS Load Balancer Controller).
tls_at_load_balancer(o) if {
	arn := k8s.annotations(o)["alb.ingress.kubernetes.io/certificate-arn"]
	is_string(arn)
	arn != ""
}

# K8S-ING-001: without TLS, requests and credentials cross the network in clear text.
deny contains lib.finding("K8S-ING-001", o, path, {"name": k8s.name(o)}) if {
	some o in input.kubernetes.objects
	o.kind == "Ingress"
	is_object(o.spec)
	not tls_at_load_balancer(o)
	path := tls_path(o)
}

tls_path(o) := ["spec"] if object.get(o.spec, "tls", null) == null

tls_path(o) := ["spec", "tls"] if {
	is_array(o.spec.tls)
	count(o.spec.tls) == 0
}

# K8S-ING-002: a rule without host matches every Host header, including the bare IP address.
deny contains lib.finding("K8S-ING-002", o, ["spec", "rules", i], {"name": k8s.name(o), "rule": i}) if {
	some o in input.kubernetes.objects
	o.kind == "Ingress"
	some i, rule in object.get(object.get(o, "spec", {}), "rules", [])
	is_object(rule)
	object.get(rule, "host", "") == ""
}
