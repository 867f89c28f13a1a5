package palisade.rules.aws.elb_test

import data.palisade.rules.aws.elb

lb(extra) := object.union({"id": "lb", "name": "public", "load_balancer_type": "application", "internal": false, "drop_invalid_header_fields": true}, extra)

findings(l) := [f | some f in elb.deny with input as {"aws": {"elb": {"load_balancers": [l]}}}; f.rule == "AWS-ELB-001"]

test_dropping_passes if {
	count(findings(lb({}))) == 0
}

test_not_dropping_fires if {
	[f] := findings(lb({"drop_invalid_header_fields": false}))
	f.path == ["drop_invalid_header_fields"]
	f.facts.name == "public"
}

test_absent_type_is_application if {
	count(findings(object.remove(lb({}), ["load_balancer_type", "drop_invalid_header_fields"]))) == 1
}

test_network_lb_passes if {
	count(findings(lb({"load_balancer_type": "network", "drop_invalid_header_fields": false}))) == 0
}

test_unknown_passes if {
	count(findings(lb({"drop_invalid_header_fields": {"__unknown__": true}}))) == 0
	count(findings(lb({"load_balancer_type": {"__unknown__": true}, "drop_invalid_header_fields": false}))) == 0
}

# ---------------------------------------------------------------- ELB-002..011

U := {"__unknown__": true}

good_lb := {
	"id": "aws_lb.web",
	"name": "web",
	"load_balancer_type": "application",
	"internal": false,
	"drop_invalid_header_fields": true,
	"enable_deletion_protection": true,
	"enable_cross_zone_load_balancing": true,
	"subnets": ["subnet-a", "subnet-b"],
	"subnet_mappings": [],
	"access_logs": {"enabled": true, "bucket": "logs"},
	"web_acl_arn": "arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/web/1",
	"listeners": [
		{"port": 80, "protocol": "HTTP", "default_actions": [{"type": "redirect", "redirect": {"protocol": "HTTPS", "port": "443"}}]},
		{"port": 443, "protocol": "HTTPS", "ssl_policy": "ELBSecurityPolicy-TLS13-1-2-2021-06", "default_actions": [{"type": "forward"}]},
	],
}

set(k, val) := object.union(object.remove(good_lb, [k]), {k: val})

fx(id, l) := [f | some f in elb.deny with input as {"aws": {"elb": {"load_balancers": [l]}}}; f.rule == id]

test_good_lb_passes if {
	count([f | some f in elb.deny with input as {"aws": {"elb": {"load_balancers": [good_lb]}}}]) == 0
}

test_http_without_redirect_fires if {
	[f] := fx("AWS-ELB-002", set("listeners", [{"port": 80, "protocol": "HTTP", "default_actions": [{"type": "forward"}]}]))
	f.path == ["listeners", 0, "protocol"]
	f.facts == {"name": "web", "port": 80}
	[_] := fx("AWS-ELB-002", set("listeners", [{"port": 80, "protocol": "HTTP", "default_actions": [{"type": "redirect", "redirect": {"protocol": "#{protocol}"}}]}]))
}

test_http_unknown_passes if {
	count(fx("AWS-ELB-002", set("listeners", [{"port": 80, "protocol": "HTTP", "default_actions": [U]}]))) == 0
	count(fx("AWS-ELB-002", set("listeners", [{"port": 80, "protocol": "HTTP", "default_actions": [{"type": U}]}]))) == 0
	count(fx("AWS-ELB-002", set("listeners", [{"port": 80, "protocol": "HTTP", "default_actions": [{"type": "redirect", "redirect": {"protocol": U}}]}]))) == 0
	count(fx("AWS-ELB-002", set("listeners", [{"port": 80, "protocol": U, "default_actions": []}]))) == 0
	count(fx("AWS-ELB-002", set("listeners", [U]))) == 0
}

test_old_tls_policy_fires if {
	[f] := fx("AWS-ELB-003", set("listeners", [{"port": 443, "protocol": "HTTPS", "ssl_policy": "ELBSecurityPolicy-2016-08"}]))
	f.path == ["listeners", 0, "ssl_policy"]
	f.facts == {"name": "web", "port": 443, "policy": "ELBSecurityPolicy-2016-08"}
	[_] := fx("AWS-ELB-003", set("listeners", [{"protocol": "TLS", "ssl_policy": "ELBSecurityPolicy-TLS-1-1-2017-01"}]))
}

test_modern_or_unknown_tls_policy_passes if {
	count(fx("AWS-ELB-003", set("listeners", [{"port": 443, "protocol": "TLS", "ssl_policy": "ELBSecurityPolicy-TLS-1-2-Ext-2018-06"}]))) == 0
	count(fx("AWS-ELB-003", set("listeners", [{"port": 443, "protocol": "HTTPS", "ssl_policy": "ELBSecurityPolicy-TLS13-1-3-2021-06"}]))) == 0
	count(fx("AWS-ELB-003", set("listeners", [{"port": 443, "protocol": "HTTPS", "ssl_policy": U}]))) == 0
	count(fx("AWS-ELB-003", set("listeners", [{"port": 80, "protocol": "HTTP"}]))) == 0
}

test_nlb_cross_zone_fires if {
	[f] := fx("AWS-ELB-004", object.union(good_lb, {"load_balancer_type": "network", "enable_cross_zone_load_balancing": false}))
	f.path == ["enable_cross_zone_load_balancing"]
	count(fx("AWS-ELB-004", object.union(good_lb, {"load_balancer_type": "network"}))) == 0
	count(fx("AWS-ELB-004", object.union(good_lb, {"load_balancer_type": "network", "enable_cross_zone_load_balancing": U}))) == 0
	count(fx("AWS-ELB-004", object.union(good_lb, {"enable_cross_zone_load_balancing": false}))) == 0
}

test_deletion_protection_fires if {
	[f] := fx("AWS-ELB-005", object.union(good_lb, {"enable_deletion_protection": false}))
	f.path == ["enable_deletion_protection"]
	count(fx("AWS-ELB-005", object.union(good_lb, {"enable_deletion_protection": U}))) == 0
}

test_access_logs_fires if {
	[f] := fx("AWS-ELB-006", set("access_logs", {"enabled": false}))
	f.path == ["access_logs", "enabled"]
	count(fx("AWS-ELB-006", set("access_logs", {"enabled": U}))) == 0
	count(fx("AWS-ELB-006", set("access_logs", U))) == 0
	count(fx("AWS-ELB-006", object.union(set("access_logs", {"enabled": false}), {"load_balancer_type": "gateway"}))) == 0
}

test_nlb_access_logs_only_with_tls_listener if {
	nlb := object.union(set("access_logs", {"enabled": false}), {"load_balancer_type": "network"})
	[_] := fx("AWS-ELB-006", object.union(nlb, {"listeners": [{"port": 443, "protocol": "TLS", "ssl_policy": "ELBSecurityPolicy-TLS13-1-2-2021-06"}]}))
	count(fx("AWS-ELB-006", object.union(nlb, {"listeners": [{"port": 1883, "protocol": "TCP"}]}))) == 0
}

test_public_alb_without_waf_fires if {
	[f] := fx("AWS-ELB-007", object.remove(good_lb, ["web_acl_arn"]))
	f.path == ["web_acl_arn"]
	count(fx("AWS-ELB-007", set("web_acl_arn", U))) == 0
	count(fx("AWS-ELB-007", object.union(object.remove(good_lb, ["web_acl_arn"]), {"internal": true}))) == 0
	count(fx("AWS-ELB-007", object.union(object.remove(good_lb, ["web_acl_arn"]), {"load_balancer_type": "network"}))) == 0
	count(fx("AWS-ELB-007", object.union(object.remove(good_lb, ["web_acl_arn"]), {"internal": U}))) == 0
}

test_single_subnet_fires if {
	[f] := fx("AWS-ELB-008", set("subnets", ["subnet-a"]))
	f.path == ["subnets"]
	[g] := fx("AWS-ELB-008", object.union(set("subnets", []), {"load_balancer_type": "network", "subnet_mappings": [{"subnet_id": "subnet-a"}]}))
	g.path == ["subnet_mappings", 0]
}

test_single_subnet_passes if {
	count(fx("AWS-ELB-008", good_lb)) == 0
	count(fx("AWS-ELB-008", set("subnets", U))) == 0
	count(fx("AWS-ELB-008", set("subnets", [U]))) == 0
	count(fx("AWS-ELB-008", set("subnets", []))) == 0
}

clb(extra) := object.union(
	{
		"id": "aws_elb.legacy",
		"name": "legacy",
		"cross_zone_load_balancing": true,
		"connection_draining": true,
		"listeners": [{"lb_port": 443, "lb_protocol": "HTTPS", "instance_port": 8080, "instance_protocol": "HTTP"}],
	},
	extra,
)

cfx(id, l) := [f | some f in elb.deny with input as {"aws": {"elb": {"classic_load_balancers": [l]}}}; f.rule == id]

test_good_classic_passes if {
	count([f | some f in elb.deny with input as {"aws": {"elb": {"classic_load_balancers": [clb({})]}}}]) == 0
}

test_classic_without_https_fires if {
	[f] := cfx("AWS-ELB-009", clb({"listeners": [{"lb_port": 80, "lb_protocol": "HTTP"}, {"lb_port": 25, "lb_protocol": "TCP"}]}))
	f.path == ["listeners", 0]
	count(cfx("AWS-ELB-009", clb({"listeners": [{"lb_port": 80, "lb_protocol": "HTTP"}, {"lb_port": 443, "lb_protocol": "SSL"}]}))) == 0
	count(cfx("AWS-ELB-009", clb({"listeners": [{"lb_port": 80, "lb_protocol": "HTTP"}, {"lb_port": 443, "lb_protocol": U}]}))) == 0
	count(cfx("AWS-ELB-009", clb({"listeners": [{"lb_port": 80, "lb_protocol": "HTTP"}, U]}))) == 0
	count(cfx("AWS-ELB-009", clb({"listeners": []}))) == 0
}

test_classic_cross_zone_and_draining_fire if {
	[f] := cfx("AWS-ELB-010", clb({"cross_zone_load_balancing": false}))
	f.path == ["cross_zone_load_balancing"]
	[g] := cfx("AWS-ELB-011", clb({"connection_draining": false}))
	g.path == ["connection_draining"]
	count(cfx("AWS-ELB-010", clb({"cross_zone_load_balancing": U}))) == 0
	count(cfx("AWS-ELB-011", clb({"connection_draining": U}))) == 0
}

test_desync_monitor_fires if {
	[f] := fx("AWS-ELB-012", object.union(good_lb, {"desync_mitigation_mode": "monitor"}))
	f.path == ["desync_mitigation_mode"]
	count(fx("AWS-ELB-012", object.union(good_lb, {"desync_mitigation_mode": "defensive"}))) == 0
	count(fx("AWS-ELB-012", object.union(good_lb, {"desync_mitigation_mode": U}))) == 0
}
