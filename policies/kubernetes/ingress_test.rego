package palisade.rules.kubernetes.ingress_test

import data.palisade.rules.kubernetes.ingress

ingress_obj(spec, annotations) := {
	"id": "i", "apiVersion": "networking.k8s.io/v1", "kind": "Ingress",
	"metadata": {"name": "shop", "annotations": annotations},
	"spec": spec,
}

backend := {"service": {"name": "shop", "port": {"number": 80}}}

rule(host) := {"host": host, "http": {"paths": [{"path": "/", "pathType": "Prefix", "backend": backend}]}}

findings(id, o) := [f | some f in ingress.deny with input as {"kubernetes": {"objects": [o]}}; f.rule == id]

test_tls_and_hosts_pass if {
	o := ingress_obj({"tls": [{"hosts": ["shop.example.com"], "secretName": "shop-tls"}], "rules": [rule("shop.example.com")]}, {})
	count(ingress.deny) == 0 with input as {"kubernetes": {"objects": [o]}}
}

test_no_tls_fires_at_spec if {
	[f] := findings("K8S-ING-001", ingress_obj({"rules": [rule("shop.example.com")]}, {}))
	f.path == ["spec"]
	f.facts == {"name": "shop"}
}

test_empty_tls_fires if {
	[f] := findings("K8S-ING-001", ingress_obj({"tls": [], "rules": [rule("shop.example.com")]}, {}))
	f.path == ["spec", "tls"]
}

test_alb_certificate_passes if {
	o := ingress_obj({"rules": [rule("shop.example.com")]}, {"alb.ingress.kubernetes.io/certificate-arn": "arn:aws:acm:eu-west-1:111122223333:certificate/abc"})
	count(findings("K8S-ING-001", o)) == 0
}

test_rule_without_host_fires if {
	o := ingress_obj({"tls": [{"secretName": "t"}], "rules": [rule("shop.example.com"), {"http": {"paths": [{"path": "/", "pathType": "Prefix", "backend": backend}]}}]}, {})
	[f] := findings("K8S-ING-002", o)
	f.path == ["spec", "rules", 1]
	f.facts == {"name": "shop", "rule": 1}
}

test_rule_with_empty_host_fires if {
	count(findings("K8S-ING-002", ingress_obj({"rules": [rule("")]}, {}))) == 1
}

test_default_backend_only_passes_ing_002 if {
	count(findings("K8S-ING-002", ingress_obj({"defaultBackend": backend}, {}))) == 0
}
