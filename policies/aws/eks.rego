# EKS clusters and managed node groups.
package palisade.rules.aws.eks

import data.palisade.lib
import data.palisade.lib.net

# AWS-EKS-001: the Kubernetes API server endpoint answers the whole internet.
deny contains lib.finding("AWS-EKS-001", c, ["vpc_config", "public_access_cidrs"], facts) if {
	some c in input.aws.eks.clusters
	vc := c.vpc_config
	vc.endpoint_public_access == true
	cidrs := vc.public_access_cidrs
	is_array(cidrs)
	net.open_to_world(cidrs)
	facts := {"name": c.name, "cidrs": concat(", ", [x | some x in cidrs; is_string(x)])}
}

# AWS-EKS-002: without the private endpoint, nodes and in-VPC clients reach the API over the internet path.
deny contains lib.finding("AWS-EKS-002", c, ["vpc_config", "endpoint_private_access"], {"name": c.name}) if {
	some c in input.aws.eks.clusters
	c.vpc_config.endpoint_private_access == false
}

required_log_types := ["api", "audit", "authenticator"]

# AWS-EKS-003: control plane logs are the audit trail of the cluster.
deny contains lib.finding("AWS-EKS-003", c, ["enabled_cluster_log_types"], {"name": c.name, "missing": concat(", ", missing)}) if {
	some c in input.aws.eks.clusters
	types := c.enabled_cluster_log_types
	lib.known_list(types)
	missing := [t | some t in required_log_types; not t in types]
	count(missing) > 0
}

# AWS-EKS-004: Kubernetes secrets envelope-encrypted with a customer-managed KMS key.
deny contains lib.finding("AWS-EKS-004", c, ["encryption_config"], {"name": c.name}) if {
	some c in input.aws.eks.clusters
	configs := c.encryption_config
	lib.known_list(configs)
	every ec in configs {
		lib.known(object.get(ec, "resources", []))
	}
	not secrets_encrypted(configs)
}

secrets_encrypted(configs) if {
	some ec in configs
	"secrets" in ec.resources
}

# End of standard support per Kubernetes minor version on EKS
# (https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html), table as of 2026-11-24.
# Versions older than the first entry are past it too; versions newer than the last are not.
standard_support_end := {
	"1.24": "2024-01-31",
	"1.25": "2024-05-01",
	"1.26": "2024-06-11",
	"1.27": "2024-07-24",
	"1.28": "2024-11-26",
	"1.29": "2025-03-23",
	"1.30": "2025-07-23",
	"1.31": "2025-11-26",
	"1.32": "2026-03-23",
	"1.33": "2026-07-29",
	"1.34": "2026-12-02",
	"1.35": "2027-03-27",
}

oldest_listed_minor := 24

# Date the table is checked against (config `as_of_date`, ISO yyyy-mm-dd; ISO dates compare as strings).
as_of := lib.config_value("as_of_date", "2026-11-24")

minor(v) := to_number(parts[1]) if {
	is_string(v)
	parts := split(v, ".")
	count(parts) >= 2
	parts[0] == "1"
	regex.match(`^[0-9]+$`, parts[1])
}

support_ended(v) := end if {
	end := standard_support_end[v]
	end <= as_of
}

support_ended(v) := "before 2024-01-31" if minor(v) < oldest_listed_minor

# AWS-EKS-005: past standard support EKS charges extended support and stops patching at its end.
deny contains lib.finding("AWS-EKS-005", c, ["version"], {"name": c.name, "version": c.version, "end": end}) if {
	some c in input.aws.eks.clusters
	end := support_ended(c.version)
}

# AWS-EKS-006: a node group that may shrink to one node leaves workloads no failover.
deny contains lib.finding("AWS-EKS-006", ng, ["scaling_config", "min_size"], {"name": ng.node_group_name, "min_size": ng.scaling_config.min_size}) if {
	some ng in input.aws.eks.node_groups
	lib.number_below(ng.scaling_config, "min_size", 2)
}

# AWS-EKS-007: a node group in one subnet lives in one Availability Zone.
deny contains lib.finding("AWS-EKS-007", ng, ["subnet_ids"], {"name": ng.node_group_name}) if {
	some ng in input.aws.eks.node_groups
	subnets := ng.subnet_ids
	lib.known_list(subnets)
	count(subnets) == 1
}

# AWS-EKS-008: remote access with an SSH key and no source security groups opens port 22 of every node to 0.0.0.0/0.
deny contains lib.finding("AWS-EKS-008", ng, ["remote_access"], {"name": ng.node_group_name}) if {
	some ng in input.aws.eks.node_groups
	ra := ng.remote_access
	is_object(ra)
	lib.known(ra)
	lib.has_key(ra, "ec2_ssh_key")
	ra.ec2_ssh_key != null
	ra.source_security_group_ids == []
}
