# CloudFront distributions.
package palisade.rules.aws.cloudfront

import data.palisade.lib

name(d) := lib.display_name(d)

# AWS-CF-001: a behavior that serves viewers over plain HTTP.
deny contains lib.finding("AWS-CF-001", d, array.concat(path, ["viewer_protocol_policy"]), facts) if {
	some d in input.aws.cloudfront.distributions
	some [path, b] in cache_behaviors(d)
	b.viewer_protocol_policy == "allow-all"
	facts := {"name": name(d), "path_pattern": object.get(b, "path_pattern", "*")}
}

cache_behaviors(d) := array.concat(
	[[["default_cache_behavior"], b] | b := d.default_cache_behavior; is_object(b)],
	[[["ordered_cache_behaviors", i], b] | some i, b in object.get(d, "ordered_cache_behaviors", []); is_object(b)],
)

# Minimum viewer protocol versions that still accept TLS 1.0/1.1 or weak TLS 1.2 ciphers.
weak_protocol_versions := {"SSLv3", "TLSv1", "TLSv1_2016", "TLSv1.1_2016", "TLSv1.2_2018", "TLSv1.2_2019"}

# AWS-CF-002: viewer TLS minimum below TLSv1.2_2021 (custom certificates only: the default
# *.cloudfront.net certificate always allows TLSv1).
deny contains lib.finding("AWS-CF-002", d, ["viewer_certificate", "minimum_protocol_version"], facts) if {
	some d in input.aws.cloudfront.distributions
	vc := d.viewer_certificate
	vc.cloudfront_default_certificate == false
	v := vc.minimum_protocol_version
	v in weak_protocol_versions
	facts := {"name": name(d), "version": v}
}

# AWS-CF-003: no AWS WAF web ACL in front of the distribution.
deny contains lib.finding("AWS-CF-003", d, ["web_acl_id"], {"name": name(d)}) if {
	some d in input.aws.cloudfront.distributions
	not lib.has_key(d, "web_acl_id")
}

# AWS-CF-004: standard access logging.
deny contains lib.finding("AWS-CF-004", d, ["logging"], {"name": name(d)}) if {
	some d in input.aws.cloudfront.distributions
	lib.known(d.logging)
	lib.not_true(d.logging, "enabled")
}

# AWS-CF-005: CloudFront fetches from a custom origin over plain HTTP.
deny contains lib.finding("AWS-CF-005", d, ["origins", i, "custom_origin_config", "origin_protocol_policy"], facts) if {
	some d in input.aws.cloudfront.distributions
	some i, o in d.origins
	o.custom_origin_config.origin_protocol_policy == "http-only"
	facts := {"name": name(d), "origin": object.get(o, "origin_id", object.get(o, "domain_name", i))}
}

# AWS-CF-006: a distribution whose tags say its data must stay in some jurisdiction serves every country.
deny contains lib.finding("AWS-CF-006", d, path, {"name": name(d), "residency": residency}) if {
	some d in input.aws.cloudfront.distributions
	residency := lib.tags(d)[lib.config_value("residency_tag", "data-residency")]
	is_string(residency)
	residency != ""
	geo := object.get(object.get(d, "restrictions", {}), "geo_restriction", {})
	lib.known(geo)
	object.get(geo, "restriction_type", "none") == "none"
	path := ["restrictions", "geo_restriction", "restriction_type"]
}

# Origin protocols below TLS 1.2.
weak_origin_protocols := {"SSLv3", "TLSv1", "TLSv1.1"}

# AWS-CF-007: CloudFront may negotiate SSLv3/TLS 1.0/1.1 with a custom origin.
deny contains lib.finding("AWS-CF-007", d, ["origins", i, "custom_origin_config", "origin_ssl_protocols"], facts) if {
	some d in input.aws.cloudfront.distributions
	some i, o in d.origins
	c := o.custom_origin_config
	c.origin_protocol_policy in {"https-only", "match-viewer"}
	protocols := c.origin_ssl_protocols
	is_array(protocols)
	weak := [p | some p in protocols; p in weak_origin_protocols]
	count(weak) > 0
	facts := {"name": name(d), "origin": object.get(o, "origin_id", object.get(o, "domain_name", i)), "protocols": concat(", ", weak)}
}

# An S3 REST endpoint (website endpoints, s3-website, cannot use origin access control).
s3_rest_domain(d) if {
	is_string(d)
	regex.match(`\.s3[.-]([a-z0-9-]+\.)?amazonaws\.com(\.cn)?$`, d)
	not contains(d, "s3-website")
}

s3_origin(o) if lib.has_key(o, "s3_origin_config")

s3_origin(o) if s3_rest_domain(o.domain_name)

# The origin restricts the bucket to CloudFront: origin access control, or a legacy origin access identity.
s3_origin_protected(o) if o.origin_access_control_id != ""

s3_origin_protected(o) if o.s3_origin_config.origin_access_identity != ""

# AWS-CF-008: an S3 origin without OAC/OAI can only be read if the bucket is public.
deny contains lib.finding("AWS-CF-008", d, ["origins", i], facts) if {
	some d in input.aws.cloudfront.distributions
	some i, o in d.origins
	is_object(o)
	lib.known(o)
	s3_origin(o)
	not s3_origin_protected(o)
	facts := {"name": name(d), "origin": object.get(o, "origin_id", object.get(o, "domain_name", i))}
}
