package palisade.rules.aws.waf_test

import data.palisade.rules.aws.waf

U := {"__unknown__": true}

good := {
	"id": "aws_wafv2_web_acl.edge",
	"name": "edge",
	"default_action": "allow",
	"rules": [{"name": "common", "priority": 1, "rate_based": false}, {"name": "rate", "priority": 2, "rate_based": true}],
	"logging": {"enabled": true},
}

set(k, val) := object.union(object.remove(good, [k]), {k: val})

fx(id, a) := [f | some f in waf.deny with input as {"aws": {"waf": {"web_acls": [a]}}}; f.rule == id]

test_good_passes if {
	count([f | some f in waf.deny with input as {"aws": {"waf": {"web_acls": [good]}}}]) == 0
}

test_no_rate_rule_fires if {
	[f] := fx("AWS-WAF-001", set("rules", [{"name": "common", "rate_based": false}]))
	f.path == ["rules"]
	f.facts.name == "edge"
	count(fx("AWS-WAF-001", set("rules", [{"name": "common", "rate_based": U}]))) == 0
	count(fx("AWS-WAF-001", set("rules", [U]))) == 0
	count(fx("AWS-WAF-001", set("rules", U))) == 0
}

test_allow_without_rules_fires if {
	[f] := fx("AWS-WAF-002", set("rules", []))
	f.path == ["default_action"]
	count(fx("AWS-WAF-002", object.union(set("rules", []), {"default_action": "block"}))) == 0
	count(fx("AWS-WAF-002", object.union(set("rules", []), {"default_action": U}))) == 0
}

test_logging_fires if {
	[f] := fx("AWS-WAF-003", set("logging", {"enabled": false}))
	f.path == ["logging"]
	count(fx("AWS-WAF-003", set("logging", U))) == 0
}
