package palisade.rules.aws.apigateway_test

import data.palisade.rules.aws.apigateway

U := {"__unknown__": true}

good := {
	"id": "aws_api_gateway_stage.prod",
	"api_type": "rest",
	"stage_name": "prod",
	"xray_tracing_enabled": true,
	"cache_cluster_enabled": true,
	"access_log_settings": {"destination_arn": "arn:aws:logs:eu-west-1:111122223333:log-group:api", "format": "$context.requestId"},
	"web_acl_arn": "arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/api/1",
	"method_settings": [{"method_path": "*/*", "throttling_rate_limit": 100, "throttling_burst_limit": 50, "caching_enabled": true, "cache_data_encrypted": true}],
}

v2 := {
	"id": "aws_apigatewayv2_stage.prod",
	"api_type": "v2",
	"stage_name": "prod",
	"access_log_settings": {"destination_arn": "arn"},
	"default_route_settings": {"throttling_rate_limit": 100, "throttling_burst_limit": 50},
}

set(s, k, val) := object.union(object.remove(s, [k]), {k: val})

fx(id, s) := [f | some f in apigateway.deny with input as {"aws": {"apigateway": {"stages": [s]}}}; f.rule == id]

ms(extra) := object.union({"method_path": "*/*", "throttling_rate_limit": -1, "throttling_burst_limit": -1, "caching_enabled": false, "cache_data_encrypted": false}, extra)

test_good_stages_pass if {
	count([f | some f in apigateway.deny with input as {"aws": {"apigateway": {"stages": [object.union(good, {"client_certificate_id": "abc123"}), v2]}}}]) == 0
}

test_rest_throttling_fires if {
	[f] := fx("AWS-APIGW-001", set(good, "method_settings", []))
	f.path == ["method_settings"]
	f.facts.name == "prod"
	[_] := fx("AWS-APIGW-001", set(set(good, "method_settings", [ms({})]), "cache_cluster_enabled", false))
}

test_v2_throttling_fires if {
	[f] := fx("AWS-APIGW-001", object.remove(v2, ["default_route_settings"]))
	f.path == ["default_route_settings"]
	[_] := fx("AWS-APIGW-001", set(v2, "default_route_settings", {"detailed_metrics_enabled": true}))
}

test_throttling_unknown_passes if {
	count(fx("AWS-APIGW-001", set(good, "method_settings", U))) == 0
	count(fx("AWS-APIGW-001", set(good, "method_settings", [U]))) == 0
	count(fx("AWS-APIGW-001", set(good, "method_settings", [ms({"throttling_rate_limit": U})]))) == 0
	count(fx("AWS-APIGW-001", set(v2, "default_route_settings", U))) == 0
	count(fx("AWS-APIGW-001", set(v2, "default_route_settings", {"throttling_rate_limit": U}))) == 0
}

test_waf_fires if {
	[f] := fx("AWS-APIGW-002", object.remove(good, ["web_acl_arn"]))
	f.path == ["web_acl_arn"]
	count(fx("AWS-APIGW-002", set(good, "web_acl_arn", U))) == 0
	count(fx("AWS-APIGW-002", v2)) == 0
}

test_access_logs_fire if {
	[f] := fx("AWS-APIGW-003", object.remove(good, ["access_log_settings"]))
	f.path == ["access_log_settings"]
	[_] := fx("AWS-APIGW-003", object.remove(v2, ["access_log_settings"]))
	count(fx("AWS-APIGW-003", set(good, "access_log_settings", U))) == 0
}

test_xray_fires if {
	[f] := fx("AWS-APIGW-004", set(good, "xray_tracing_enabled", false))
	f.path == ["xray_tracing_enabled"]
	count(fx("AWS-APIGW-004", set(good, "xray_tracing_enabled", U))) == 0
}

test_cache_encryption_fires if {
	[f] := fx("AWS-APIGW-005", set(good, "method_settings", [ms({"caching_enabled": true})]))
	f.path == ["cache_cluster_enabled"]
	[_] := fx("AWS-APIGW-005", set(good, "method_settings", []))
}

test_cache_encryption_passes if {
	count(fx("AWS-APIGW-005", set(good, "cache_cluster_enabled", false))) == 0
	count(fx("AWS-APIGW-005", set(good, "cache_cluster_enabled", U))) == 0
	count(fx("AWS-APIGW-005", set(good, "method_settings", [ms({"cache_data_encrypted": U})]))) == 0
	count(fx("AWS-APIGW-005", set(good, "method_settings", U))) == 0
}

dfx(d) := [f | some f in apigateway.deny with input as {"aws": {"apigateway": {"domain_names": [d]}}}]

test_domain_tls10_fires if {
	[f] := dfx({"id": "aws_api_gateway_domain_name.api", "domain_name": "api.example.com", "security_policy": "TLS_1_0"})
	f.rule == "AWS-APIGW-006"
	f.path == ["security_policy"]
	f.facts.name == "api.example.com"
	count(dfx({"id": "d", "domain_name": "api.example.com", "security_policy": "TLS_1_2"})) == 0
	count(dfx({"id": "d", "domain_name": "api.example.com", "security_policy": U})) == 0
}

test_client_certificate_fires if {
	[f] := fx("AWS-APIGW-007", good)
	f.path == ["client_certificate_id"]
	f.facts.name == "prod"
	count(fx("AWS-APIGW-007", object.union(good, {"client_certificate_id": "abc123"}))) == 0
	count(fx("AWS-APIGW-007", object.union(good, {"client_certificate_id": U}))) == 0
	count(fx("AWS-APIGW-007", v2)) == 0
}
