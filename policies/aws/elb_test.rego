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
