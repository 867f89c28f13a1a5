# API Gateway stages (REST and v2) and custom domain names.
package palisade.rules.aws.apigateway

import data.palisade.lib

name(s) := object.get(s, "stage_name", s.id)

rest(s) if s.api_type == "rest"

# The stage's method settings when all of them are known.
known_settings(s) := ms if {
	ms := object.get(s, "method_settings", [])
	lib.known_list(ms)
}

throttled(s) if {
	rest(s)
	some ms in known_settings(s)
	some k in ["throttling_rate_limit", "throttling_burst_limit"]
	is_number(ms[k])
	ms[k] >= 0
}

throttled(s) if {
	not rest(s)
	some k in ["throttling_rate_limit", "throttling_burst_limit"]
	is_number(s.default_route_settings[k])
}

throttling_unknown(s) if {
	rest(s)
	not known_settings(s)
}

throttling_unknown(s) if {
	rest(s)
	some ms in known_settings(s)
	some k in ["throttling_rate_limit", "throttling_burst_limit"]
	lib.unknown(ms[k])
}

throttling_unknown(s) if {
	not rest(s)
	lib.unknown(object.get(s, "default_route_settings", {}))
}

throttling_unknown(s) if {
	not rest(s)
	some k in ["throttling_rate_limit", "throttling_burst_limit"]
	lib.unknown(s.default_route_settings[k])
}

throttle_path(s) := ["method_settings"] if rest(s)

else := ["default_route_settings"]

# AWS-APIGW-001: stage-level throttling keeps one client from exhausting the account's limit.
deny contains lib.finding("AWS-APIGW-001", s, throttle_path(s), {"name": name(s)}) if {
	some s in input.aws.apigateway.stages
	not throttled(s)
	not throttling_unknown(s)
}

# AWS-APIGW-002: a REST stage without a WAF web ACL.
deny contains lib.finding("AWS-APIGW-002", s, ["web_acl_arn"], {"name": name(s)}) if {
	some s in input.aws.apigateway.stages
	rest(s)
	not lib.has_key(s, "web_acl_arn")
}

# AWS-APIGW-003: access logging.
deny contains lib.finding("AWS-APIGW-003", s, ["access_log_settings"], {"name": name(s)}) if {
	some s in input.aws.apigateway.stages
	not lib.has_key(s, "access_log_settings")
}

# AWS-APIGW-004: X-Ray tracing on REST stages (HTTP APIs do not support it).
deny contains lib.finding("AWS-APIGW-004", s, ["xray_tracing_enabled"], {"name": name(s)}) if {
	some s in input.aws.apigateway.stages
	rest(s)
	lib.not_true(s, "xray_tracing_enabled")
}

# AWS-APIGW-005: a stage cache holds responses unencrypted unless the method settings say otherwise.
deny contains lib.finding("AWS-APIGW-005", s, ["cache_cluster_enabled"], {"name": name(s)}) if {
	some s in input.aws.apigateway.stages
	rest(s)
	s.cache_cluster_enabled == true
	settings := known_settings(s)
	every ms in settings {
		lib.known(object.get(ms, "cache_data_encrypted", false))
	}
	not cache_encrypted(settings)
}

cache_encrypted(settings) if {
	some ms in settings
	ms.method_path == "*/*"
	ms.cache_data_encrypted == true
}

# AWS-APIGW-006: a custom domain accepting TLS 1.0.
deny contains lib.finding("AWS-APIGW-006", d, ["security_policy"], {"name": object.get(d, "domain_name", d.id)}) if {
	some d in input.aws.apigateway.domain_names
	d.security_policy == "TLS_1_0"
}

# AWS-APIGW-007: without a client certificate an HTTP backend cannot tell API Gateway's calls from anyone else's.
deny contains lib.finding("AWS-APIGW-007", s, ["client_certificate_id"], {"name": name(s)}) if {
	some s in input.aws.apigateway.stages
	rest(s)
	not lib.has_key(s, "client_certificate_id")
}
