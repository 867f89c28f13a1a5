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
