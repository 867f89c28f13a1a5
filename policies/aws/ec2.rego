# EC2 security groups and instances (and RDS instance classes for the generation rule).
package palisade.rules.aws.ec2

import data.palisade.lib
import data.palisade.lib.net

# Remote administration and data-store ports that must never face the internet.
admin_ports := [22, 3389, 3306, 5432, 1433, 1521, 6379, 9200, 27017, 11211]

# An instance has no name field: its Name tag, else its id.
display_name(o) := n if {
	n := lib.tags(o).Name
	is_string(n)
} else := o.id

# AWS-EC2-001: an admin or data port (or every port) open to 0.0.0.0/0 or ::/0.
deny contains lib.finding("AWS-EC2-001", sg, ["ingress", i], facts) if {
	some sg in input.aws.ec2.security_groups
	some i, rule in object.get(sg, "ingress", [])
	cidrs := world_cidrs(rule)
	count(cidrs) > 0
	exposure := exposed(rule)
	facts := {
		"name": object.get(sg, "name", sg.id),
		"port": exposure.port,
		"ports": exposure.ports,
		"cidr": concat(", ", cidrs),
	}
}

# The internet-wide CIDRs of a rule, IPv4 first.
world_cidrs(rule) := [c |
	some c in array.concat(string_list(rule, "cidr_blocks"), string_list(rule, "ipv6_cidr_blocks"))
	net.open_to_world([c])
]

string_list(obj, key) := [v | some v in object.get(obj, key, []); is_string(v)] if is_array(object.get(obj, key, []))

else := []

# All ports: protocol -1, or a tcp/udp range spanning every port.
all_ports(rule) if rule.protocol in {"-1", "all"}

all_ports(rule) if {
	net.covers_port(rule, 0)
	net.covers_port(rule, 65535)
}

exposed(rule) := {"port": "all", "ports": "all ports"} if all_ports(rule)

exposed(rule) := {"port": ports[0], "ports": concat(", ", [format_int(p, 10) | some p in ports])} if {
	not all_ports(rule)
	ports := sort([p | some p in admin_ports; net.covers_port(rule, p)])
	count(ports) > 0
}

# Previous-generation families: slower and dearer per unit of work than their successors.
previous_generation := {
	"t1", "t2", "m1", "m2", "m3", "m4", "c1", "c3", "c4", "cc1", "cc2", "cg1", "cr1",
	"hi1", "hs1", "r3", "r4", "i2", "d2", "g2", "g3", "g3s", "p2", "x1", "x1e",
}

family(instance_type) := split(instance_type, ".")[0] if is_string(instance_type)

# AWS-EC2-002: EC2 instances and RDS instance classes on a previous-generation family.
deny contains lib.finding("AWS-EC2-002", i, ["instance_type"], facts) if {
	some i in input.aws.ec2.instances
	f := family(i.instance_type)
	f in previous_generation
	facts := {"name": display_name(i), "instance_type": i.instance_type, "family": f}
}

deny contains lib.finding("AWS-EC2-002", db, ["instance_class"], facts) if {
	some db in input.aws.rds.instances
	is_string(db.instance_class)
	startswith(db.instance_class, "db.")
	f := family(trim_prefix(db.instance_class, "db."))
	f in previous_generation
	facts := {"name": db.identifier, "instance_type": db.instance_class, "family": f}
}

# AWS-EC2-003: IMDSv1 hands out role credentials to any request, including a forged (SSRF) one.
deny contains lib.finding("AWS-EC2-003", i, ["metadata_options"], {"name": display_name(i), "http_tokens": "optional"}) if {
	some i in input.aws.ec2.instances
	object.get(i, "metadata_options", null) == null
}

deny contains lib.finding("AWS-EC2-003", i, ["metadata_options", "http_tokens"], {"name": display_name(i), "http_tokens": tokens}) if {
	some i in input.aws.ec2.instances
	md := i.metadata_options
	is_object(md)
	lib.known(md)
	endpoint := object.get(md, "http_endpoint", "enabled")
	lib.known(endpoint)
	endpoint != "disabled"
	tokens := object.get(md, "http_tokens", "optional")
	is_string(tokens)
	tokens != "required"
}

# ---------------------------------------------------------------- security groups

# The rules of a direction as a list of known objects (unknown lists and dynamic rules are skipped).
sg_rules(sg, direction) := [[i, r] |
	some i, r in object.get(sg, direction, [])
	is_object(r)
	lib.known(r)
]

# AWS-EC2-004: every port (or every protocol) open to the internet, whatever runs behind it.
deny contains lib.finding("AWS-EC2-004", sg, ["ingress", i], facts) if {
	some sg in input.aws.ec2.security_groups
	some [i, rule] in sg_rules(sg, "ingress")
	cidrs := world_cidrs(rule)
	count(cidrs) > 0
	all_ports(rule)
	facts := {"name": object.get(sg, "name", sg.id), "cidr": concat(", ", cidrs)}
}

web_ports := {80, 443}

# Only HTTP or HTTPS (a single web port).
web_only(rule) if {
	rule.from_port == rule.to_port
	rule.from_port in web_ports
}

# AWS-EC2-005: other ports open to the internet (admin ports and all ports are EC2-001/EC2-004).
deny contains lib.finding("AWS-EC2-005", sg, ["ingress", i], facts) if {
	some sg in input.aws.ec2.security_groups
	some [i, rule] in sg_rules(sg, "ingress")
	rule.protocol in {"tcp", "6", "udp", "17"}
	is_number(rule.from_port)
	is_number(rule.to_port)
	cidrs := world_cidrs(rule)
	count(cidrs) > 0
	not all_ports(rule)
	not web_only(rule)
	not exposed(rule)
	facts := {"name": object.get(sg, "name", sg.id), "cidr": concat(", ", cidrs), "ports": port_range(rule)}
}

port_range(rule) := format_int(rule.from_port, 10) if rule.from_port == rule.to_port

else := concat("-", [format_int(rule.from_port, 10), format_int(rule.to_port, 10)])

# AWS-EC2-006: the default security group is attached to anything launched without one.
deny contains lib.finding("AWS-EC2-006", sg, [direction, i], {"name": display_name(sg), "direction": direction}) if {
	some sg in input.aws.ec2.security_groups
	sg.is_default == true
	some direction in ["ingress", "egress"]
	rules := sg[direction]
	is_array(rules)
	some i, rule in rules
	lib.known(rule)
}

# AWS-EC2-007: a rule without a description cannot be reviewed.
deny contains lib.finding("AWS-EC2-007", sg, [direction, i], {"name": object.get(sg, "name", sg.id), "direction": direction}) if {
	some sg in input.aws.ec2.security_groups
	some direction in ["ingress", "egress"]
	some [i, rule] in sg_rules(sg, direction)
	d := object.get(rule, "description", "")
	lib.known(d)
	trim_space(d) == ""
}

# The tier of an object by its tier tag (config `tier_tag`, default "tier"), lower case.
tier(obj) := lower(t) if {
	t := lib.tags(obj)[lib.config_value("tier_tag", "tier")]
	is_string(t)
}

# AWS-EC2-008: a data-tier security group should not reach the whole internet.
deny contains lib.finding("AWS-EC2-008", sg, ["egress", i], facts) if {
	some sg in input.aws.ec2.security_groups
	t := tier(sg)
	t in lib.config_value("data_tiers", ["data", "database", "db"])
	some [i, rule] in sg_rules(sg, "egress")
	cidrs := world_cidrs(rule)
	count(cidrs) > 0
	all_ports(rule)
	facts := {"name": object.get(sg, "name", sg.id), "tier": t, "cidr": concat(", ", cidrs)}
}

# AWS-EC2-009: an instance given a public IPv4 address is reachable from the internet.
deny contains lib.finding("AWS-EC2-009", i, ["associate_public_ip_address"], {"name": display_name(i)}) if {
	some i in input.aws.ec2.instances
	i.associate_public_ip_address == true
}
