package palisade.rules.kubernetes.ingress_test

import data.palisade.lib.k8s
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

# K8S-ING-003 .. K8S-ING-005

nginx_ing(extra) := object.union(
	{
		"id": "ing", "apiVersion": "networking.k8s.io/v1", "kind": "Ingress",
		"metadata": {"name": "shop", "namespace": "prod", "annotations": {"nginx.ingress.kubernetes.io/limit-rps": "20"}},
		"spec": {
			"ingressClassName": "nginx",
			"tls": [{"hosts": ["shop.example.com", "*.api.example.com"], "secretName": "shop-tls"}],
			"rules": [
				{"host": "shop.example.com", "http": {"paths": [{"path": "/", "pathType": "Prefix", "backend": {"service": {"name": "web", "port": {"number": 80}}}}]}},
				{"host": "v1.api.example.com", "http": {"paths": [{"path": "/", "pathType": "Prefix", "backend": {"service": {"name": "api", "port": {"number": 80}}}}]}},
			],
		},
	},
	extra,
)

svc(name) := {"id": concat("-", ["svc", name]), "apiVersion": "v1", "kind": "Service", "metadata": {"name": name, "namespace": "prod"}, "spec": {"ports": [{"port": 80}]}}

ing_findings(id, objects) := [f |
	some f in ingress.deny with input as {"kubernetes": {"objects": objects, "related": k8s.index(objects)}}
	f.rule == id
]

test_nginx_without_rate_limit_fires if {
	i := json.remove(nginx_ing({}), ["metadata/annotations/nginx.ingress.kubernetes.io~1limit-rps"])
	[f] := ing_findings("K8S-ING-003", [i])
	f.path == ["metadata", "annotations"]
	f.facts == {"name": "shop"}
	j := json.remove(i, ["metadata/annotations"])
	[g] := ing_findings("K8S-ING-003", [j])
	g.path == ["metadata"]
}

test_nginx_class_by_annotation_or_ingress_class if {
	base := json.remove(nginx_ing({}), ["metadata/annotations", "spec/ingressClassName"])
	a := object.union(base, {"metadata": {"annotations": {"kubernetes.io/ingress.class": "nginx"}}})
	count(ing_findings("K8S-ING-003", [a])) == 1
	b := object.union(base, {"spec": {"ingressClassName": "public"}})
	ic := {"id": "ic", "apiVersion": "networking.k8s.io/v1", "kind": "IngressClass", "metadata": {"name": "public"}, "spec": {"controller": "k8s.io/ingress-nginx"}}
	count(ing_findings("K8S-ING-003", [b, ic])) == 1
	count(ing_findings("K8S-ING-003", [b])) == 0
	alb := object.union(base, {"spec": {"ingressClassName": "alb"}})
	count(ing_findings("K8S-ING-003", [alb])) == 0
}

test_rate_limited_passes if {
	count(ing_findings("K8S-ING-003", [nginx_ing({})])) == 0
	rpm := object.union(json.remove(nginx_ing({}), ["metadata/annotations"]), {"metadata": {"annotations": {"nginx.ingress.kubernetes.io/limit-connections": "10"}}})
	count(ing_findings("K8S-ING-003", [rpm])) == 0
}

test_uncovered_host_fires if {
	i := object.union(nginx_ing({}), {"spec": {"rules": array.concat(nginx_ing({}).spec.rules, [{"host": "a.b.api.example.com"}, {"host": "admin.example.com"}])}})
	fs := ing_findings("K8S-ING-004", [i])
	{f.facts.host | some f in fs} == {"a.b.api.example.com", "admin.example.com"}
	{f.path | some f in fs} == {["spec", "rules", 2, "host"], ["spec", "rules", 3, "host"]}
}

test_covered_hosts_pass if {
	count(ing_findings("K8S-ING-004", [nginx_ing({})])) == 0
	all := object.union(nginx_ing({}), {"spec": {"tls": array.concat(nginx_ing({}).spec.tls, [{"secretName": "default"}]), "rules": array.concat(nginx_ing({}).spec.rules, [{"host": "admin.example.com"}])}})
	count(ing_findings("K8S-ING-004", [all])) == 0
	none := json.remove(nginx_ing({}), ["spec/tls"])
	count(ing_findings("K8S-ING-004", [none])) == 0
}

test_missing_backend_fires if {
	[f] := ing_findings("K8S-ING-005", [nginx_ing({}), svc("web")])
	f.path == ["spec", "rules", 1, "http", "paths", 0, "backend", "service", "name"]
	f.facts == {"name": "shop", "service": "api", "namespace": "prod"}
}

test_missing_default_and_legacy_backend_fires if {
	i := object.union(nginx_ing({}), {"spec": {"defaultBackend": {"service": {"name": "fallback", "port": {"number": 80}}}}})
	[f] := ing_findings("K8S-ING-005", [i, svc("web"), svc("api")])
	f.path == ["spec", "defaultBackend", "service", "name"]
	legacy := {
		"id": "old", "apiVersion": "extensions/v1beta1", "kind": "Ingress", "metadata": {"name": "old", "namespace": "prod"},
		"spec": {"backend": {"serviceName": "gone", "servicePort": 80}, "rules": [{"host": "old.example.com", "http": {"paths": [{"path": "/", "backend": {"serviceName": "web", "servicePort": 80}}, {"path": "/x", "backend": {"serviceName": "nope", "servicePort": 80}}]}}]},
	}
	fs := ing_findings("K8S-ING-005", [legacy, svc("web")])
	{g.path | some g in fs} == {["spec", "backend", "serviceName"], ["spec", "rules", 0, "http", "paths", 1, "backend", "serviceName"]}
}

test_backends_present_or_no_services_pass if {
	count(ing_findings("K8S-ING-005", [nginx_ing({}), svc("web"), svc("api")])) == 0
	count(ing_findings("K8S-ING-005", [nginx_ing({})])) == 0
}
