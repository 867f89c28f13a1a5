# VPCs and subnets: flow logs, public addressing, gateway endpoints, NAT gateways.
package palisade.rules.aws.vpc

import data.palisade.lib

# AWS-VPC-001: without flow logs there is no record of who talked to what.
deny contains lib.finding("AWS-VPC-001", vpc, ["flow_logs"], {"name": lib.display_name(vpc)}) if {
	some vpc in input.aws.ec2.vpcs
	vpc.flow_logs == []
}

# The tier of an object by its tier tag (config `tier_tag`, default "tier"), lower case.
tier(obj) := lower(t) if {
	t := lib.tags(obj)[lib.config_value("tier_tag", "tier")]
	is_string(t)
}

# AWS-VPC-002: a subnet of a private or data tier must not hand out public IPv4 addresses.
deny contains lib.finding("AWS-VPC-002", s, ["map_public_ip_on_launch"], {"name": lib.display_name(s), "tier": t}) if {
	some s in input.aws.ec2.subnets
	s.map_public_ip_on_launch == true
	t := tier(s)
	t in lib.config_value("private_tiers", ["private", "data", "database", "db", "isolated"])
}

gateway_services := ["s3", "dynamodb"]

# The service of an endpoint name (com.amazonaws.<region>.<service>).
endpoint_service(e) := svc if {
	is_string(e.service_name)
	parts := split(e.service_name, ".")
	svc := parts[count(parts) - 1]
}

# AWS-VPC-003: a VPC with NAT gateways sends S3/DynamoDB traffic through them unless a gateway endpoint exists.
deny contains lib.finding("AWS-VPC-003", vpc, ["endpoints"], facts) if {
	some vpc in input.aws.ec2.vpcs
	count(public_nats(vpc)) > 0
	endpoints := vpc.endpoints
	lib.known_list(endpoints)
	every e in endpoints {
		lib.known(e.service_name)
		lib.known(e.vpc_endpoint_type)
	}
	have := {endpoint_service(e) | some e in endpoints; e.vpc_endpoint_type == "Gateway"}
	missing := [s | some s in gateway_services; not s in have]
	count(missing) > 0
	facts := {"name": lib.display_name(vpc), "services": concat(", ", missing)}
}

# AWS-VPC-004: the default VPC has public subnets and a permissive default setup in every AZ.
deny contains lib.finding("AWS-VPC-004", vpc, [], {"name": lib.display_name(vpc)}) if {
	some vpc in input.aws.ec2.vpcs
	vpc.is_default == true
}

public_nats(vpc) := [[i, n] |
	some i, n in object.get(vpc, "nat_gateways", [])
	object.get(n, "connectivity_type", "public") == "public"
]

# AWS-VPC-005: a second NAT gateway in the same AZ of a VPC doubles the hourly charge without adding resilience.
deny contains lib.finding("AWS-VPC-005", vpc, ["nat_gateways", i], facts) if {
	some vpc in input.aws.ec2.vpcs
	nats := public_nats(vpc)
	some [i, n] in nats
	is_string(n.availability_zone)
	same := [j | some [j, m] in nats; m.availability_zone == n.availability_zone]
	i != min(same)
	azs := {m.availability_zone | some [_, m] in nats; is_string(m.availability_zone)}
	facts := {
		"name": lib.display_name(vpc),
		"az": n.availability_zone,
		"nat_count": count(nats),
		"az_count": count(azs),
	}
}
