package palisade.rules.aws.eks_test

import data.palisade.rules.aws.eks

U := {"__unknown__": true}

good := {
	"id": "aws_eks_cluster.main",
	"name": "prod",
	"version": "1.34",
	"vpc_config": {"endpoint_public_access": false, "endpoint_private_access": true, "public_access_cidrs": ["0.0.0.0/0"]},
	"enabled_cluster_log_types": ["api", "audit", "authenticator", "controllerManager"],
	"encryption_config": [{"resources": ["secrets"], "key_arn": "arn:aws:kms:eu-west-1:111122223333:key/x"}],
	"tags": {},
}

c(extra) := object.union(good, extra)

fx(id, cl) := [f | some f in eks.deny with input as {"aws": {"eks": {"clusters": [cl]}}}; f.rule == id]

test_good_cluster_passes if {
	count([f | some f in eks.deny with input as {"aws": {"eks": {"clusters": [good]}}}]) == 0
}

test_public_endpoint_world_fires if {
	[f] := fx("AWS-EKS-001", c({"vpc_config": {"endpoint_public_access": true}}))
	f.path == ["vpc_config", "public_access_cidrs"]
	f.facts == {"name": "prod", "cidrs": "0.0.0.0/0"}
}

test_public_endpoint_restricted_or_unknown_passes if {
	count(fx("AWS-EKS-001", c({"vpc_config": {"endpoint_public_access": true, "public_access_cidrs": ["203.0.113.0/24"]}}))) == 0
	count(fx("AWS-EKS-001", c({"vpc_config": {"endpoint_public_access": U}}))) == 0
	count(fx("AWS-EKS-001", c({"vpc_config": {"endpoint_public_access": true, "public_access_cidrs": U}}))) == 0
	count(fx("AWS-EKS-001", c({"vpc_config": U}))) == 0
}

test_private_endpoint_disabled_fires if {
	[f] := fx("AWS-EKS-002", c({"vpc_config": {"endpoint_private_access": false}}))
	f.path == ["vpc_config", "endpoint_private_access"]
	count(fx("AWS-EKS-002", c({"vpc_config": {"endpoint_private_access": U}}))) == 0
}

test_logging_missing_fires if {
	[f] := fx("AWS-EKS-003", c({"enabled_cluster_log_types": ["api"]}))
	f.path == ["enabled_cluster_log_types"]
	f.facts.missing == "audit, authenticator"
	count(fx("AWS-EKS-003", c({"enabled_cluster_log_types": U}))) == 0
	count(fx("AWS-EKS-003", c({"enabled_cluster_log_types": ["api", U]}))) == 0
}

test_no_secrets_encryption_fires if {
	[f] := fx("AWS-EKS-004", object.union(object.remove(good, ["encryption_config"]), {"encryption_config": []}))
	f.path == ["encryption_config"]
	count(fx("AWS-EKS-004", object.union(object.remove(good, ["encryption_config"]), {"encryption_config": [{"resources": ["configmaps"]}]}))) == 1
}

test_secrets_encryption_unknown_passes if {
	count(fx("AWS-EKS-004", object.union(object.remove(good, ["encryption_config"]), {"encryption_config": U}))) == 0
	count(fx("AWS-EKS-004", object.union(object.remove(good, ["encryption_config"]), {"encryption_config": [U]}))) == 0
	count(fx("AWS-EKS-004", object.union(object.remove(good, ["encryption_config"]), {"encryption_config": [{"resources": U}]}))) == 0
}

test_version_past_standard_support_fires if {
	[f] := fx("AWS-EKS-005", c({"version": "1.29"}))
	f.path == ["version"]
	f.facts == {"name": "prod", "version": "1.29", "end": "2025-03-23"}
	[g] := fx("AWS-EKS-005", c({"version": "1.21"}))
	g.facts.end == "before 2024-01-31"
}

test_version_supported_passes if {
	count(fx("AWS-EKS-005", c({"version": "1.34"}))) == 0
	count(fx("AWS-EKS-005", c({"version": "1.40"}))) == 0
	count(fx("AWS-EKS-005", c({"version": U}))) == 0
	count(fx("AWS-EKS-005", object.remove(good, ["version"]))) == 0
	count(fx("AWS-EKS-005", c({"version": "latest"}))) == 0
}

test_version_as_of_config if {
	fs := eks.deny with input as {"aws": {"eks": {"clusters": [c({"version": "1.34"})]}}, "config": {"as_of_date": "2027-01-01"}}
	count([f | some f in fs; f.rule == "AWS-EKS-005"]) == 1
}

ng(extra) := object.union({"id": "aws_eks_node_group.app", "node_group_name": "app", "subnet_ids": ["subnet-a", "subnet-b"], "scaling_config": {"min_size": 2, "max_size": 6, "desired_size": 3}}, extra)

nfx(id, n) := [f | some f in eks.deny with input as {"aws": {"eks": {"node_groups": [n]}}}; f.rule == id]

test_node_group_min_size_fires if {
	[f] := nfx("AWS-EKS-006", ng({"scaling_config": {"min_size": 1}}))
	f.path == ["scaling_config", "min_size"]
	f.facts == {"name": "app", "min_size": 1}
	count(nfx("AWS-EKS-006", ng({}))) == 0
	count(nfx("AWS-EKS-006", ng({"scaling_config": {"min_size": U}}))) == 0
}

test_node_group_single_subnet_fires if {
	[f] := nfx("AWS-EKS-007", ng({"subnet_ids": ["subnet-a"]}))
	f.path == ["subnet_ids"]
	count(nfx("AWS-EKS-007", ng({}))) == 0
	count(nfx("AWS-EKS-007", ng({"subnet_ids": U}))) == 0
	count(nfx("AWS-EKS-007", ng({"subnet_ids": [U]}))) == 0
}

test_remote_access_open_fires if {
	[f] := nfx("AWS-EKS-008", ng({"remote_access": {"ec2_ssh_key": "ops", "source_security_group_ids": []}}))
	f.path == ["remote_access"]
	f.facts.name == "app"
	[_] := nfx("AWS-EKS-008", ng({"remote_access": {"ec2_ssh_key": U, "source_security_group_ids": []}}))
}

test_remote_access_restricted_passes if {
	count(nfx("AWS-EKS-008", ng({}))) == 0
	count(nfx("AWS-EKS-008", ng({"remote_access": {"ec2_ssh_key": "ops", "source_security_group_ids": ["sg-1"]}}))) == 0
	count(nfx("AWS-EKS-008", ng({"remote_access": {"ec2_ssh_key": "ops", "source_security_group_ids": U}}))) == 0
	count(nfx("AWS-EKS-008", ng({"remote_access": {"source_security_group_ids": []}}))) == 0
	count(nfx("AWS-EKS-008", ng({"remote_access": U}))) == 0
}
