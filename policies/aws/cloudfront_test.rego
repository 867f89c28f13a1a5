package palisade.rules.aws.cloudfront_test

import data.palisade.rules.aws.cloudfront

U := {"__unknown__": true}

good := {
	"id": "aws_cloudfront_distribution.site",
	"web_acl_id": "arn:aws:wafv2:us-east-1:111122223333:global/webacl/site/1",
	"default_cache_behavior": {"viewer_protocol_policy": "redirect-to-https"},
	"ordered_cache_behaviors": [{"path_pattern": "/api/*", "viewer_protocol_policy": "https-only"}],
	"viewer_certificate": {"cloudfront_default_certificate": false, "acm_certificate_arn": "arn:aws:acm:us-east-1:111122223333:certificate/x", "minimum_protocol_version": "TLSv1.2_2021"},
	"logging": {"enabled": true, "bucket": "logs.s3.amazonaws.com"},
	"origins": [{"origin_id": "app", "custom_origin_config": {"origin_protocol_policy": "https-only"}}],
	"tags": {"Name": "site"},
}

set(k, val) := object.union(object.remove(good, [k]), {k: val})

fx(id, d) := [f | some f in cloudfront.deny with input as {"aws": {"cloudfront": {"distributions": [d]}}}; f.rule == id]

test_good_passes if {
	count([f | some f in cloudfront.deny with input as {"aws": {"cloudfront": {"distributions": [good]}}}]) == 0
}

test_allow_all_fires if {
	[f] := fx("AWS-CF-001", set("default_cache_behavior", {"viewer_protocol_policy": "allow-all"}))
	f.path == ["default_cache_behavior", "viewer_protocol_policy"]
	f.facts == {"name": "site", "path_pattern": "*"}
	[g] := fx("AWS-CF-001", set("ordered_cache_behaviors", [{"path_pattern": "/img/*", "viewer_protocol_policy": "allow-all"}]))
	g.path == ["ordered_cache_behaviors", 0, "viewer_protocol_policy"]
	g.facts.path_pattern == "/img/*"
}

test_allow_all_unknown_passes if {
	count(fx("AWS-CF-001", set("default_cache_behavior", {"viewer_protocol_policy": U}))) == 0
	count(fx("AWS-CF-001", set("ordered_cache_behaviors", [U]))) == 0
}

test_old_tls_fires if {
	[f] := fx("AWS-CF-002", object.union(good, {"viewer_certificate": {"minimum_protocol_version": "TLSv1.2_2019"}}))
	f.path == ["viewer_certificate", "minimum_protocol_version"]
	f.facts.version == "TLSv1.2_2019"
}

test_tls_passes if {
	count(fx("AWS-CF-002", object.union(good, {"viewer_certificate": {"minimum_protocol_version": "TLSv1.2_2025"}}))) == 0
	count(fx("AWS-CF-002", object.union(good, {"viewer_certificate": {"minimum_protocol_version": U}}))) == 0
	count(fx("AWS-CF-002", set("viewer_certificate", {"cloudfront_default_certificate": true, "minimum_protocol_version": "TLSv1"}))) == 0
	count(fx("AWS-CF-002", set("viewer_certificate", {"cloudfront_default_certificate": U, "minimum_protocol_version": "TLSv1"}))) == 0
}

test_no_waf_fires if {
	[f] := fx("AWS-CF-003", object.remove(good, ["web_acl_id"]))
	f.path == ["web_acl_id"]
	count(fx("AWS-CF-003", set("web_acl_id", U))) == 0
}

test_no_logging_fires if {
	[f] := fx("AWS-CF-004", set("logging", {"enabled": false}))
	f.path == ["logging"]
	count(fx("AWS-CF-004", set("logging", {"enabled": U}))) == 0
	count(fx("AWS-CF-004", set("logging", U))) == 0
}

test_http_only_origin_fires if {
	[f] := fx("AWS-CF-005", set("origins", [{"origin_id": "s3"}, {"origin_id": "app", "custom_origin_config": {"origin_protocol_policy": "http-only"}}]))
	f.path == ["origins", 1, "custom_origin_config", "origin_protocol_policy"]
	f.facts == {"name": "site", "origin": "app"}
	count(fx("AWS-CF-005", set("origins", [{"origin_id": "app", "custom_origin_config": {"origin_protocol_policy": U}}]))) == 0
	count(fx("AWS-CF-005", set("origins", [U]))) == 0
}

tagged(extra) := object.union(good, object.union({"tags": {"Name": "site", "data-residency": "EU"}}, extra))

test_residency_without_geo_restriction_fires if {
	[f] := fx("AWS-CF-006", tagged({}))
	f.path == ["restrictions", "geo_restriction", "restriction_type"]
	f.facts == {"name": "site", "residency": "EU"}
	[_] := fx("AWS-CF-006", tagged({"restrictions": {"geo_restriction": {"restriction_type": "none", "locations": []}}}))
}

test_residency_geo_restriction_passes if {
	count(fx("AWS-CF-006", tagged({"restrictions": {"geo_restriction": {"restriction_type": "whitelist", "locations": ["DE", "FR"]}}}))) == 0
	count(fx("AWS-CF-006", tagged({"restrictions": {"geo_restriction": {"restriction_type": U}}}))) == 0
	count(fx("AWS-CF-006", tagged({"restrictions": {"geo_restriction": U}}))) == 0
	count(fx("AWS-CF-006", good)) == 0
	count(fx("AWS-CF-006", tagged({"tags": {"data-residency": ""}}))) == 0
	count(fx("AWS-CF-006", set("tags", U))) == 0
}

test_residency_config_tag if {
	fs := cloudfront.deny with input as {"aws": {"cloudfront": {"distributions": [set("tags", {"residency": "EU"})]}}, "config": {"residency_tag": "residency"}}
	count([f | some f in fs; f.rule == "AWS-CF-006"]) == 1
}

origin(policy, protocols) := set("origins", [{"origin_id": "app", "custom_origin_config": {"origin_protocol_policy": policy, "origin_ssl_protocols": protocols}}])

test_weak_origin_protocols_fire if {
	[f] := fx("AWS-CF-007", origin("https-only", ["TLSv1", "TLSv1.1", "TLSv1.2"]))
	f.path == ["origins", 0, "custom_origin_config", "origin_ssl_protocols"]
	f.facts == {"name": "site", "origin": "app", "protocols": "TLSv1, TLSv1.1"}
	[_] := fx("AWS-CF-007", origin("match-viewer", ["SSLv3"]))
}

test_origin_protocols_pass if {
	count(fx("AWS-CF-007", origin("https-only", ["TLSv1.2"]))) == 0
	count(fx("AWS-CF-007", origin("http-only", ["TLSv1"]))) == 0
	count(fx("AWS-CF-007", origin("https-only", U))) == 0
	count(fx("AWS-CF-007", origin(U, ["TLSv1"]))) == 0
	count(fx("AWS-CF-007", origin("https-only", [U, "TLSv1.2"]))) == 0
}

s3o(o) := set("origins", [object.union({"origin_id": "assets"}, o)])

test_s3_origin_without_oac_fires if {
	[f] := fx("AWS-CF-008", s3o({"domain_name": "acme-assets.s3.eu-west-1.amazonaws.com"}))
	f.path == ["origins", 0]
	f.facts == {"name": "site", "origin": "assets"}
	[_] := fx("AWS-CF-008", s3o({"domain_name": U, "s3_origin_config": {"origin_access_identity": ""}}))
	[_] := fx("AWS-CF-008", s3o({"domain_name": "acme-assets.s3.amazonaws.com", "origin_access_control_id": ""}))
}

test_s3_origin_protected_or_unknown_passes if {
	count(fx("AWS-CF-008", s3o({"domain_name": "acme-assets.s3.amazonaws.com", "origin_access_control_id": "E2QWRUHAPOMQZL"}))) == 0
	count(fx("AWS-CF-008", s3o({"domain_name": U, "s3_origin_config": {"origin_access_identity": "origin-access-identity/cloudfront/E1"}}))) == 0
	count(fx("AWS-CF-008", s3o({"domain_name": U, "s3_origin_config": {"origin_access_identity": U}}))) == 0
	count(fx("AWS-CF-008", s3o({"domain_name": "acme-assets.s3.amazonaws.com", "origin_access_control_id": U}))) == 0
	count(fx("AWS-CF-008", s3o({"domain_name": "acme-site.s3-website-eu-west-1.amazonaws.com"}))) == 0
	count(fx("AWS-CF-008", s3o({"domain_name": U}))) == 0
	count(fx("AWS-CF-008", set("origins", [U]))) == 0
	count(fx("AWS-CF-008", good)) == 0
}
