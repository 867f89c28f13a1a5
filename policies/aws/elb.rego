# Elastic Load Balancing v2 load balancers.
package palisade.rules.aws.elb

import data.palisade.lib

# AWS-ELB-001: an ALB that forwards malformed headers lets clients smuggle requests past it.
deny contains lib.finding("AWS-ELB-001", lb, ["drop_invalid_header_fields"], {"name": object.get(lb, "name", lb.id)}) if {
	some lb in input.aws.elb.load_balancers
	object.get(lb, "load_balancer_type", "application") == "application"
	lib.not_true(lb, "drop_invalid_header_fields")
}

name(lb) := object.get(lb, "name", lb.id)

listeners(lb) := [[i, l] |
	some i, l in object.get(lb, "listeners", [])
	is_object(l)
	lib.known(l)
]

redirects_to_https(l) if {
	some a in l.default_actions
	a.type == "redirect"
	a.redirect.protocol == "HTTPS"
}

# AWS-ELB-002: an HTTP listener that serves content instead of redirecting to HTTPS.
deny contains lib.finding("AWS-ELB-002", lb, ["listeners", i, "protocol"], {"name": name(lb), "port": object.get(l, "port", 80)}) if {
	some lb in input.aws.elb.load_balancers
	some [i, l] in listeners(lb)
	l.protocol == "HTTP"
	actions := object.get(l, "default_actions", [])
	lib.known_list(actions)
	every a in actions {
		lib.known(object.get(a, "type", null))
		lib.known(object.get(object.get(a, "redirect", {}), "protocol", null))
	}
	not redirects_to_https(l)
}

# TLS 1.2+ security policies (TLS 1.3-only policies are stricter still).
modern_policy_prefixes := ["ELBSecurityPolicy-TLS13-1-2-", "ELBSecurityPolicy-TLS13-1-3-", "ELBSecurityPolicy-TLS-1-2-"]

modern_policy(p) if {
	some prefix in modern_policy_prefixes
	startswith(p, prefix)
}

# AWS-ELB-003: HTTPS/TLS listeners with a policy that still accepts TLS 1.0/1.1.
deny contains lib.finding("AWS-ELB-003", lb, ["listeners", i, "ssl_policy"], facts) if {
	some lb in input.aws.elb.load_balancers
	some [i, l] in listeners(lb)
	l.protocol in {"HTTPS", "TLS"}
	is_string(l.ssl_policy)
	not modern_policy(l.ssl_policy)
	facts := {"name": name(lb), "port": object.get(l, "port", "?"), "policy": l.ssl_policy}
}

# AWS-ELB-004: an NLB without cross-zone load balancing sends each AZ's share to that AZ's targets only.
deny contains lib.finding("AWS-ELB-004", lb, ["enable_cross_zone_load_balancing"], {"name": name(lb)}) if {
	some lb in input.aws.elb.load_balancers
	lb.load_balancer_type == "network"
	lib.not_true(lb, "enable_cross_zone_load_balancing")
}

# AWS-ELB-005: deletion protection.
deny contains lib.finding("AWS-ELB-005", lb, ["enable_deletion_protection"], {"name": name(lb)}) if {
	some lb in input.aws.elb.load_balancers
	lib.not_true(lb, "enable_deletion_protection")
}

# Access logs exist for ALBs, and for NLBs only for their TLS listeners.
logs_requests(lb) if object.get(lb, "load_balancer_type", "application") == "application"

logs_requests(lb) if {
	lb.load_balancer_type == "network"
	some [_, l] in listeners(lb)
	l.protocol == "TLS"
}

# AWS-ELB-006: access logs.
deny contains lib.finding("AWS-ELB-006", lb, ["access_logs", "enabled"], {"name": name(lb)}) if {
	some lb in input.aws.elb.load_balancers
	logs_requests(lb)
	lib.known(lb.access_logs)
	lib.not_true(lb.access_logs, "enabled")
}

# AWS-ELB-007: an internet-facing ALB without a WAF web ACL.
deny contains lib.finding("AWS-ELB-007", lb, ["web_acl_arn"], {"name": name(lb)}) if {
	some lb in input.aws.elb.load_balancers
	object.get(lb, "load_balancer_type", "application") == "application"
	lb.internal == false
	not lib.has_key(lb, "web_acl_arn")
}

# AWS-ELB-008: a load balancer in one subnet lives in one Availability Zone.
deny contains lib.finding("AWS-ELB-008", lb, path, {"name": name(lb)}) if {
	some lb in input.aws.elb.load_balancers
	lb.load_balancer_type in {"application", "network"}
	subnets := object.get(lb, "subnets", [])
	mappings := object.get(lb, "subnet_mappings", [])
	lib.known_list(subnets)
	lib.known_list(mappings)
	count(subnets) + count(mappings) == 1
	path := single_subnet_path(subnets)
}

single_subnet_path(subnets) := ["subnets"] if count(subnets) == 1

else := ["subnet_mappings", 0]

# ---------------------------------------------------------------- Classic Load Balancers

secure_protocols := {"HTTPS", "SSL"}

# AWS-ELB-009: a Classic Load Balancer with no HTTPS/SSL listener carries traffic in plaintext.
deny contains lib.finding("AWS-ELB-009", clb, ["listeners", 0], {"name": name(clb)}) if {
	some clb in input.aws.elb.classic_load_balancers
	ls := clb.listeners
	lib.known_list(ls)
	count(ls) > 0
	every l in ls {
		is_string(l.lb_protocol)
		not l.lb_protocol in secure_protocols
	}
}

# AWS-ELB-010: cross-zone load balancing on Classic Load Balancers.
deny contains lib.finding("AWS-ELB-010", clb, ["cross_zone_load_balancing"], {"name": name(clb)}) if {
	some clb in input.aws.elb.classic_load_balancers
	lib.not_true(clb, "cross_zone_load_balancing")
}

# AWS-ELB-011: connection draining lets in-flight requests finish when an instance leaves.
deny contains lib.finding("AWS-ELB-011", clb, ["connection_draining"], {"name": name(clb)}) if {
	some clb in input.aws.elb.classic_load_balancers
	lib.not_true(clb, "connection_draining")
}

# AWS-ELB-012: in "monitor" mode an ALB forwards requests that can be used for HTTP desync (request smuggling).
deny contains lib.finding("AWS-ELB-012", lb, ["desync_mitigation_mode"], {"name": name(lb)}) if {
	some lb in input.aws.elb.load_balancers
	lb.desync_mitigation_mode == "monitor"
}
