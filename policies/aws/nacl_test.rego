package palisade.rules.aws.nacl_test

import data.palisade.rules.aws.nacl

U := {"__unknown__": true}

r(extra) := object.union({"rule_no": 100, "action": "allow", "protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_block": "0.0.0.0/0"}, extra)

acl(ingress) := {"id": "aws_network_acl.public", "ingress": ingress, "egress": [], "tags": {"Name": "public"}}

fs(ingress) := [f | some f in nacl.deny with input as {"aws": {"ec2": {"network_acls": [acl(ingress)]}}}]

test_ssh_from_world_fires if {
	[f] := fs([r({"rule_no": 200, "from_port": 443, "to_port": 443}), r({})])
	f.rule == "AWS-NACL-001"
	f.path == ["ingress", 1]
	f.facts == {"name": "public", "cidr": "0.0.0.0/0", "ports": "22", "rule_no": 100}
}

test_all_traffic_fires_both_ports if {
	[f] := fs([r({"protocol": "-1", "from_port": 0, "to_port": 65535, "cidr_block": null, "ipv6_cidr_block": "::/0"})])
	f.facts.ports == "22, 3389"
	f.facts.cidr == "::/0"
}

test_earlier_deny_shadows if {
	count(fs([r({"rule_no": 50, "action": "deny", "from_port": 0, "to_port": 1024}), r({})])) == 0
}

test_later_deny_does_not_shadow if {
	[f] := fs([r({"rule_no": 150, "action": "deny"}), r({})])
	f.path == ["ingress", 1]
}

test_deny_of_other_family_does_not_shadow if {
	[_] := fs([r({"rule_no": 50, "action": "deny", "cidr_block": null, "ipv6_cidr_block": "::/0"}), r({})])
}

test_partial_shadow_reports_rest if {
	[f] := fs([r({"rule_no": 50, "action": "deny"}), r({"from_port": 0, "to_port": 65535})])
	f.facts.ports == "3389"
}

test_private_and_deny_and_other_ports_pass if {
	count(fs([r({"cidr_block": "10.0.0.0/8"})])) == 0
	count(fs([r({"action": "deny"})])) == 0
	count(fs([r({"from_port": 443, "to_port": 443})])) == 0
}

test_unknown_never_fires if {
	count(fs(U)) == 0
	count(fs([U, r({})])) == 0
	count(fs([r({"cidr_block": U})])) == 0
	count(fs([r({"from_port": U})])) == 0
	count(fs([r({"rule_no": U, "action": "deny"}), r({})])) == 0
	count(fs([r({"rule_no": 50, "action": "deny", "cidr_block": U}), r({})])) == 0
	count(fs([r({"rule_no": 50, "action": "deny", "to_port": U}), r({})])) == 0
	count(fs([r({"rule_no": 50, "action": "deny", "from_port": U}), r({})])) == 0
	count(fs([r({"rule_no": 50, "action": "deny", "protocol": U}), r({})])) == 0
	count(fs([r({"rule_no": 50, "action": "deny", "cidr_block": null, "ipv6_cidr_block": U}), r({})])) == 0
	count(fs([r({"rule_no": 50, "action": "deny"}), r({"rule_no": U})])) == 0
}
