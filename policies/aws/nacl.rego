# VPC network ACLs.
package palisade.rules.aws.nacl

import data.palisade.lib
import data.palisade.lib.net

# Remote administration ports (CIS AWS 5.1).
admin_ports := [22, 3389]

# The internet-wide CIDRs of a NACL rule (IPv4 first).
world_cidrs(rule) := [c |
	some key in ["cidr_block", "ipv6_cidr_block"]
	c := rule[key]
	is_string(c)
	net.open_to_world([c])
]

# A NACL rule covers a port: protocol all, or tcp/udp range including it.
covers(rule, port) if net.covers_port(rule, port)

# A port range that cannot be known could cover it.
may_cover(rule, port) if covers(rule, port)

may_cover(rule, _) if lib.unknown(rule.from_port)

may_cover(rule, _) if lib.unknown(rule.to_port)

may_cover(rule, _) if lib.unknown(rule.protocol)

# A deny evaluated before `allow` (lower rule number, or a number that cannot be known) for the same port and source.
denied_first(rules, allow, port, cidr) if {
	some d in rules
	is_object(d)
	d.action != "allow"
	earlier(d, allow)
	may_cover(d, port)
	deny_cidr(d, cidr)
}

earlier(d, allow) if {
	is_number(d.rule_no)
	is_number(allow.rule_no)
	d.rule_no < allow.rule_no
}

earlier(d, _) if not is_number(d.rule_no)

earlier(_, allow) if not is_number(allow.rule_no)

deny_cidr(d, cidr) if cidr in world_cidrs(d)

deny_cidr(d, _) if lib.unknown(object.get(d, "cidr_block", null))

deny_cidr(d, _) if lib.unknown(object.get(d, "ipv6_cidr_block", null))

# AWS-NACL-001: an allow rule lets the internet reach SSH or RDP before any deny stops it.
deny contains lib.finding("AWS-NACL-001", acl, ["ingress", i], facts) if {
	some acl in input.aws.ec2.network_acls
	rules := acl.ingress
	lib.known_list(rules)
	some i, rule in rules
	rule.action == "allow"
	cidr := world_cidrs(rule)[0]
	ports := [p | some p in admin_ports; covers(rule, p); not denied_first(rules, rule, p, cidr)]
	count(ports) > 0
	facts := {
		"name": lib.display_name(acl),
		"cidr": cidr,
		"ports": concat(", ", [format_int(p, 10) | some p in ports]),
		"rule_no": object.get(rule, "rule_no", "?"),
	}
}
