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

# The Ingress is served by ingress-nginx: by class name, legacy annotation or an IngressClass
# of the scan whose controller is ingress-nginx.
nginx(o) if o.spec.ingressClassName == "nginx"

nginx(o) if k8s.annotations(o)["kubernetes.io/ingress.class"] == "nginx"

nginx(o) if {
	name := o.spec.ingressClassName
	some ic in k8s.related("IngressClass", "default")
	ic.kind == "IngressClass"
	k8s.name(ic) == name
	ic.spec.controller == "k8s.io/ingress-nginx"
}

rate_limit_annotations := {
	"nginx.ingress.kubernetes.io/limit-rps",
	"nginx.ingress.kubernetes.io/limit-rpm",
	"nginx.ingress.kubernetes.io/limit-connections",
}

annotations_path(o) := ["metadata", "annotations"] if is_object(o.metadata.annotations)

else := ["metadata"]

# K8S-ING-003: without a rate limit, one client can exhaust the backends behind the Ingress.
deny contains lib.finding("K8S-ING-003", o, annotations_path(o), {"name": k8s.name(o)}) if {
	some o in input.kubernetes.objects
	o.kind == "Ingress"
	not k8s.owned(o)
	nginx(o)
	every key in rate_limit_annotations {
		not k8s.annotations(o)[key]
	}
}

tls_hosts(o) := {h | some t in o.spec.tls; some h in t.hosts}

# A TLS entry without hosts applies the controller's default certificate to every host.
tls_for_all_hosts(o) if {
	some t in o.spec.tls
	count(object.get(t, "hosts", [])) == 0
}

covered(host, hosts) if host in hosts

# "*.example.com" covers exactly one more label: "a.example.com", not "a.b.example.com".
covered(host, hosts) if {
	some w in hosts
	startswith(w, "*.")
	suffix := substring(w, 1, -1)
	endswith(host, suffix)
	label := trim_suffix(host, suffix)
	label != ""
	not contains(label, ".")
}

# K8S-ING-004: a host routed by the Ingress but absent from its TLS section is served without
# a matching certificate (plain HTTP or the controller's fake default certificate).
deny contains lib.finding("K8S-ING-004", o, ["spec", "rules", i, "host"], {"name": k8s.name(o), "host": rule.host}) if {
	some o in input.kubernetes.objects
	o.kind == "Ingress"
	not k8s.owned(o)
	is_array(o.spec.tls)
	count(o.spec.tls) > 0
	not tls_for_all_hosts(o)
	hosts := tls_hosts(o)
	some i, rule in o.spec.rules
	is_string(rule.host)
	rule.host != ""
	not covered(rule.host, hosts)
}

# Every backend Service an Ingress of the evaluation names, with its model path.
ingresses contains o if {
	some o in input.kubernetes.objects
	o.kind == "Ingress"
	not k8s.owned(o)
	is_object(o.spec)
}

backends contains {"ingress": o, "service": o.spec.defaultBackend.service.name, "path": ["spec", "defaultBackend", "service", "name"]} if {
	some o in ingresses
}

backends contains {"ingress": o, "service": o.spec.backend.serviceName, "path": ["spec", "backend", "serviceName"]} if {
	some o in ingresses
}

backends contains {"ingress": o, "service": name, "path": path} if {
	some o in ingresses
	some i, rule in o.spec.rules
	some j, p in rule.http.paths
	some name, path in backend_name(p.backend, ["spec", "rules", i, "http", "paths", j, "backend"])
}

backend_name(b, prefix) := {b.service.name: array.concat(prefix, ["service", "name"])} if is_string(b.service.name)

else := {b.serviceName: array.concat(prefix, ["serviceName"])} if is_string(b.serviceName)

# K8S-ING-005: a backend Service missing from a namespace whose Services are in the scan is
# a typo or a leftover: the route answers 503.
deny contains lib.finding("K8S-ING-005", o, b.path, {"name": k8s.name(o), "service": b.service, "namespace": ns}) if {
	some b in backends
	o := b.ingress
	is_string(b.service)
	ns := k8s.namespace(o)
	services := {k8s.name(s) | some s in k8s.related("Service", ns); s.kind == "Service"}
	count(services) > 0
	not b.service in services
}
