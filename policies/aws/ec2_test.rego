package palisade.rules.aws.ec2_test

import data.palisade.rules.aws.ec2

sg(ingress) := {"id": "sg", "name": "web", "ingress": ingress, "egress": [], "tags": {}}

rule(extra) := object.union({"from_port": 443, "to_port": 443, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"], "ipv6_cidr_blocks": []}, extra)

sg_findings(ingress) := [f | some f in ec2.deny with input as {"aws": {"ec2": {"security_groups": [sg(ingress)]}}}; f.rule == "AWS-EC2-001"]

test_https_open_to_world_passes if {
	count(sg_findings([rule({})])) == 0
}

test_ssh_open_to_world_fires if {
	[f] := sg_findings([rule({}), rule({"from_port": 22, "to_port": 22})])
	f.path == ["ingress", 1]
	f.facts == {"name": "web", "port": 22, "ports": "22", "cidr": "0.0.0.0/0"}
}

test_ipv6_world_fires if {
	[f] := sg_findings([rule({"from_port": 3389, "to_port": 3389, "cidr_blocks": [], "ipv6_cidr_blocks": ["::/0"]})])
	f.facts.cidr == "::/0"
	f.facts.port == 3389
}

test_port_range_covering_admin_ports_fires if {
	[f] := sg_findings([rule({"from_port": 5000, "to_port": 7000})])
	f.facts.port == 5432
	f.facts.ports == "5432, 6379"
}

test_port_range_without_admin_ports_passes if {
	count(sg_findings([rule({"from_port": 8000, "to_port": 8100})])) == 0
}

test_all_protocols_fires if {
	[f] := sg_findings([rule({"protocol": "-1", "from_port": 0, "to_port": 0, "ipv6_cidr_blocks": ["::/0"]})])
	f.facts.port == "all"
	f.facts.cidr == "0.0.0.0/0, ::/0"
}

test_full_tcp_range_is_all_ports if {
	[f] := sg_findings([rule({"from_port": 0, "to_port": 65535})])
	f.facts.ports == "all ports"
}

test_private_cidr_passes if {
	count(sg_findings([rule({"from_port": 22, "to_port": 22, "cidr_blocks": ["10.0.0.0/8"]})])) == 0
}

test_icmp_passes if {
	count(sg_findings([rule({"protocol": "icmp", "from_port": -1, "to_port": -1})])) == 0
}

test_unknown_values_pass if {
	count(sg_findings([rule({"from_port": 22, "to_port": 22, "cidr_blocks": {"__unknown__": true}})])) == 0
	count(sg_findings([rule({"from_port": 22, "to_port": 22, "cidr_blocks": [{"__unknown__": true}]})])) == 0
	count(sg_findings([rule({"from_port": {"__unknown__": true}, "to_port": {"__unknown__": true}})])) == 0
}

instance(extra) := object.union(
	{"id": "aws_instance.web", "instance_type": "m7g.large", "metadata_options": {"http_endpoint": "enabled", "http_tokens": "required"}, "tags": {"Name": "web-1"}},
	extra,
)

instance_findings(id, i) := [f | some f in ec2.deny with input as {"aws": {"ec2": {"instances": [i]}}}; f.rule == id]

test_current_generation_passes if {
	count(instance_findings("AWS-EC2-002", instance({}))) == 0
}

test_previous_generation_instance_fires if {
	[f] := instance_findings("AWS-EC2-002", instance({"instance_type": "t2.micro"}))
	f.path == ["instance_type"]
	f.facts == {"name": "web-1", "instance_type": "t2.micro", "family": "t2"}
}

test_t3_passes if {
	count(instance_findings("AWS-EC2-002", instance({"instance_type": "t3.micro"}))) == 0
	count(instance_findings("AWS-EC2-002", instance({"instance_type": "m5.large"}))) == 0
}

test_instance_type_unknown_passes if {
	count(instance_findings("AWS-EC2-002", instance({"instance_type": {"__unknown__": true}}))) == 0
}

test_previous_generation_rds_fires if {
	fs := ec2.deny with input as {"aws": {"rds": {"instances": [{"id": "db", "identifier": "orders", "instance_class": "db.m4.large"}]}}}
	some f in fs
	f.rule == "AWS-EC2-002"
	f.path == ["instance_class"]
	f.facts.family == "m4"
}

test_current_generation_rds_passes if {
	fs := ec2.deny with input as {"aws": {"rds": {"instances": [{"id": "db", "identifier": "orders", "instance_class": "db.r6g.large"}]}}}
	count(fs) == 0
}

test_imdsv2_required_passes if {
	count(instance_findings("AWS-EC2-003", instance({}))) == 0
}

test_imds_optional_fires if {
	[f] := instance_findings("AWS-EC2-003", instance({"metadata_options": {"http_tokens": "optional"}}))
	f.path == ["metadata_options", "http_tokens"]
	f.facts.http_tokens == "optional"
}

test_imds_tokens_absent_fires if {
	i := object.union(object.remove(instance({}), ["metadata_options"]), {"metadata_options": {"http_endpoint": "enabled"}})
	[f] := instance_findings("AWS-EC2-003", i)
	f.path == ["metadata_options", "http_tokens"]
}

test_metadata_options_absent_fires if {
	[f] := instance_findings("AWS-EC2-003", object.remove(instance({}), ["metadata_options", "tags"]))
	f.path == ["metadata_options"]
	f.facts.name == "aws_instance.web"
}

test_imds_disabled_passes if {
	i := object.union(object.remove(instance({}), ["metadata_options"]), {"metadata_options": {"http_endpoint": "disabled"}})
	count(instance_findings("AWS-EC2-003", i)) == 0
}

test_imds_unknown_passes if {
	count(instance_findings("AWS-EC2-003", instance({"metadata_options": {"http_tokens": {"__unknown__": true}}}))) == 0
	i := object.union(object.remove(instance({}), ["metadata_options"]), {"metadata_options": {"__unknown__": true}})
	count(instance_findings("AWS-EC2-003", i)) == 0
}

# ---------------------------------------------------------------- EC2-004..009

U := {"__unknown__": true}

sgx(extra) := object.union({"id": "sg", "name": "web", "ingress": [], "egress": [], "tags": {}}, extra)

fx(id, s) := [f | some f in ec2.deny with input as {"aws": {"ec2": {"security_groups": [s]}}}; f.rule == id]

test_all_ports_open_fires if {
	[f] := fx("AWS-EC2-004", sgx({"ingress": [rule({}), rule({"protocol": "-1", "from_port": 0, "to_port": 65535})]}))
	f.path == ["ingress", 1]
	f.facts == {"name": "web", "cidr": "0.0.0.0/0"}
}

test_all_ports_tcp_range_fires if {
	[f] := fx("AWS-EC2-004", sgx({"ingress": [rule({"from_port": 0, "to_port": 65535, "cidr_blocks": [], "ipv6_cidr_blocks": ["::/0"]})]}))
	f.facts.cidr == "::/0"
}

test_all_ports_private_or_unknown_passes if {
	count(fx("AWS-EC2-004", sgx({"ingress": [rule({"protocol": "-1", "cidr_blocks": ["10.0.0.0/8"]})]}))) == 0
	count(fx("AWS-EC2-004", sgx({"ingress": [rule({"protocol": "-1", "cidr_blocks": U})]}))) == 0
	count(fx("AWS-EC2-004", sgx({"ingress": [U]}))) == 0
	count(fx("AWS-EC2-004", sgx({"ingress": U}))) == 0
}

test_non_web_port_fires if {
	[f] := fx("AWS-EC2-005", sgx({"ingress": [rule({}), rule({"from_port": 8080, "to_port": 8080})]}))
	f.path == ["ingress", 1]
	f.facts == {"name": "web", "cidr": "0.0.0.0/0", "ports": "8080"}
}

test_non_web_range_fires if {
	[f] := fx("AWS-EC2-005", sgx({"ingress": [rule({"from_port": 80, "to_port": 443, "protocol": "udp"})]}))
	f.facts.ports == "80-443"
}

test_non_web_passes_for_web_admin_all_private_icmp_unknown if {
	count(fx("AWS-EC2-005", sgx({"ingress": [rule({}), rule({"from_port": 80, "to_port": 80})]}))) == 0
	count(fx("AWS-EC2-005", sgx({"ingress": [rule({"from_port": 22, "to_port": 22})]}))) == 0
	count(fx("AWS-EC2-005", sgx({"ingress": [rule({"protocol": "-1"})]}))) == 0
	count(fx("AWS-EC2-005", sgx({"ingress": [rule({"from_port": 0, "to_port": 65535})]}))) == 0
	count(fx("AWS-EC2-005", sgx({"ingress": [rule({"from_port": 8080, "to_port": 8080, "cidr_blocks": ["10.0.0.0/8"]})]}))) == 0
	count(fx("AWS-EC2-005", sgx({"ingress": [rule({"protocol": "icmp", "from_port": 8, "to_port": 0})]}))) == 0
	count(fx("AWS-EC2-005", sgx({"ingress": [rule({"from_port": U, "to_port": U})]}))) == 0
	count(fx("AWS-EC2-005", sgx({"ingress": [rule({"from_port": 8080, "to_port": 8080, "cidr_blocks": U})]}))) == 0
}

test_default_sg_with_rules_fires if {
	fs := fx("AWS-EC2-006", sgx({"is_default": true, "name": "default", "ingress": [rule({"cidr_blocks": ["10.0.0.0/8"]})], "egress": [rule({"protocol": "-1"})]}))
	count(fs) == 2
	{f.path | some f in fs} == {["ingress", 0], ["egress", 0]}
	{f.facts.direction | some f in fs} == {"ingress", "egress"}
}

test_default_sg_without_rules_passes if {
	count(fx("AWS-EC2-006", sgx({"is_default": true}))) == 0
	count(fx("AWS-EC2-006", sgx({"is_default": true, "ingress": U}))) == 0
	count(fx("AWS-EC2-006", sgx({"is_default": true, "ingress": [U]}))) == 0
	count(fx("AWS-EC2-006", sgx({"ingress": [rule({})]}))) == 0
}

test_missing_description_fires if {
	fs := fx("AWS-EC2-007", sgx({"ingress": [rule({"description": "HTTPS"}), rule({})], "egress": [rule({"description": "  "})]}))
	{[f.path, f.facts.direction] | some f in fs} == {[["ingress", 1], "ingress"], [["egress", 0], "egress"]}
}

test_description_present_or_unknown_passes if {
	count(fx("AWS-EC2-007", sgx({"ingress": [rule({"description": "HTTPS"}), rule({"description": U}), U]}))) == 0
}

data_sg(extra) := sgx(object.union({"name": "orders-db", "tags": {"tier": "Data"}, "egress": [rule({"protocol": "-1", "from_port": 0, "to_port": 65535})]}, extra))

test_data_tier_open_egress_fires if {
	[f] := fx("AWS-EC2-008", data_sg({}))
	f.path == ["egress", 0]
	f.facts == {"name": "orders-db", "tier": "data", "cidr": "0.0.0.0/0"}
}

test_data_tier_config_tag if {
	fs := ec2.deny with input as {"aws": {"ec2": {"security_groups": [data_sg({"tags": {"layer": "db"}})]}}, "config": {"tier_tag": "layer"}}
	count([f | some f in fs; f.rule == "AWS-EC2-008"]) == 1
}

test_data_tier_egress_passes if {
	count(fx("AWS-EC2-008", data_sg({"tags": {"tier": "web"}}))) == 0
	count(fx("AWS-EC2-008", object.union(object.remove(data_sg({}), ["tags"]), {"tags": {}}))) == 0
	count(fx("AWS-EC2-008", object.union(object.remove(data_sg({}), ["tags"]), {"tags": U}))) == 0
	count(fx("AWS-EC2-008", data_sg({"egress": [rule({"from_port": 443, "to_port": 443})]}))) == 0
	count(fx("AWS-EC2-008", data_sg({"egress": [rule({"protocol": "-1", "cidr_blocks": ["10.0.0.0/8"]})]}))) == 0
	count(fx("AWS-EC2-008", data_sg({"egress": [rule({"protocol": "-1", "cidr_blocks": U})]}))) == 0
}

test_public_ip_instance_fires if {
	[f] := instance_findings("AWS-EC2-009", instance({"associate_public_ip_address": true}))
	f.path == ["associate_public_ip_address"]
	f.facts.name == "web-1"
}

test_public_ip_instance_passes if {
	count(instance_findings("AWS-EC2-009", instance({}))) == 0
	count(instance_findings("AWS-EC2-009", instance({"associate_public_ip_address": false}))) == 0
	count(instance_findings("AWS-EC2-009", instance({"associate_public_ip_address": U}))) == 0
}
