package palisade.rules.aws.vpc_test

import data.palisade.rules.aws.vpc

U := {"__unknown__": true}

base := {"id": "aws_vpc.main", "is_default": false, "flow_logs": [], "endpoints": [], "nat_gateways": [], "tags": {"Name": "main"}}

v(extra) := object.union(base, extra)

fx(id, aws) := [f | some f in vpc.deny with input as {"aws": {"ec2": aws}}; f.rule == id]

test_no_flow_logs_fires if {
	[f] := fx("AWS-VPC-001", {"vpcs": [v({})]})
	f.path == ["flow_logs"]
	f.facts == {"name": "main"}
}

test_flow_logs_pass if {
	count(fx("AWS-VPC-001", {"vpcs": [v({"flow_logs": [{"traffic_type": "ALL"}]})]})) == 0
	count(fx("AWS-VPC-001", {"vpcs": [v({"flow_logs": U})]})) == 0
}

subnet(extra) := object.union({"id": "aws_subnet.db_a", "map_public_ip_on_launch": true, "tags": {"Name": "db-a", "tier": "Data"}}, extra)

test_private_subnet_public_ip_fires if {
	[f] := fx("AWS-VPC-002", {"subnets": [subnet({})]})
	f.path == ["map_public_ip_on_launch"]
	f.facts == {"name": "db-a", "tier": "data"}
}

test_private_subnet_public_ip_passes if {
	count(fx("AWS-VPC-002", {"subnets": [subnet({"map_public_ip_on_launch": false})]})) == 0
	count(fx("AWS-VPC-002", {"subnets": [subnet({"map_public_ip_on_launch": U})]})) == 0
	count(fx("AWS-VPC-002", {"subnets": [subnet({"tags": {"tier": "public"}})]})) == 0
	count(fx("AWS-VPC-002", {"subnets": [object.union(object.remove(subnet({}), ["tags"]), {"tags": U})]})) == 0
}

test_private_subnet_config_tiers if {
	fs := vpc.deny with input as {"aws": {"ec2": {"subnets": [subnet({"tags": {"zone": "restricted"}})]}}, "config": {"tier_tag": "zone", "private_tiers": ["restricted"]}}
	count(fs) == 1
}

nat(az) := {"subnet": "aws_subnet.public_a", "connectivity_type": "public", "availability_zone": az}

s3 := {"service_name": "com.amazonaws.eu-west-1.s3", "vpc_endpoint_type": "Gateway"}

ddb := {"service_name": "com.amazonaws.eu-west-1.dynamodb", "vpc_endpoint_type": "Gateway"}

test_missing_gateway_endpoints_fires if {
	[f] := fx("AWS-VPC-003", {"vpcs": [v({"nat_gateways": [nat("eu-west-1a")]})]})
	f.path == ["endpoints"]
	f.facts == {"name": "main", "services": "s3, dynamodb"}
	[g] := fx("AWS-VPC-003", {"vpcs": [v({"nat_gateways": [nat("eu-west-1a")], "endpoints": [s3, object.union(ddb, {"vpc_endpoint_type": "Interface"})]})]})
	g.facts.services == "dynamodb"
}

test_gateway_endpoints_pass if {
	count(fx("AWS-VPC-003", {"vpcs": [v({"nat_gateways": [nat("eu-west-1a")], "endpoints": [s3, ddb]})]})) == 0
	count(fx("AWS-VPC-003", {"vpcs": [v({})]})) == 0
	count(fx("AWS-VPC-003", {"vpcs": [v({"nat_gateways": [object.union(nat("a"), {"connectivity_type": "private"})]})]})) == 0
	count(fx("AWS-VPC-003", {"vpcs": [v({"nat_gateways": [nat("a")], "endpoints": [s3, {"service_name": U, "vpc_endpoint_type": "Gateway"}]})]})) == 0
	count(fx("AWS-VPC-003", {"vpcs": [v({"nat_gateways": [nat("a")], "endpoints": [s3, {"service_name": "x", "vpc_endpoint_type": U}]})]})) == 0
	count(fx("AWS-VPC-003", {"vpcs": [v({"nat_gateways": [nat("a")], "endpoints": U})]})) == 0
}

test_default_vpc_fires if {
	[f] := fx("AWS-VPC-004", {"vpcs": [v({"is_default": true, "flow_logs": [{}]})]})
	f.path == []
	count(fx("AWS-VPC-004", {"vpcs": [v({})]})) == 0
}

test_second_nat_in_same_az_fires if {
	[f] := fx("AWS-VPC-005", {"vpcs": [v({"nat_gateways": [nat("eu-west-1a"), nat("eu-west-1b"), nat("eu-west-1a")]})]})
	f.path == ["nat_gateways", 2]
	f.facts == {"name": "main", "az": "eu-west-1a", "nat_count": 3, "az_count": 2}
}

test_one_nat_per_az_passes if {
	count(fx("AWS-VPC-005", {"vpcs": [v({"nat_gateways": [nat("eu-west-1a"), nat("eu-west-1b")]})]})) == 0
	count(fx("AWS-VPC-005", {"vpcs": [v({"nat_gateways": [nat(U), nat(U)]})]})) == 0
	count(fx("AWS-VPC-005", {"vpcs": [v({"nat_gateways": [nat("a"), object.union(nat("a"), {"connectivity_type": "private"})]})]})) == 0
}
