# Amazon Redshift provisioned clusters.
package palisade.rules.aws.redshift

import data.palisade.lib

clusters := object.get(object.get(input.aws, "redshift", {}), "clusters", [])

# AWS-REDSHIFT-001: a publicly accessible cluster gets a public endpoint reachable from the internet.
deny contains lib.finding("AWS-REDSHIFT-001", c, ["publicly_accessible"], {"name": c.cluster_identifier}) if {
	some c in clusters
	lib.is_true(c, "publicly_accessible")
}

# AWS-REDSHIFT-002: blocks, system metadata and snapshots are encrypted only when the cluster is.
deny contains lib.finding("AWS-REDSHIFT-002", c, ["encrypted"], {"name": c.cluster_identifier}) if {
	some c in clusters
	lib.not_true(c, "encrypted")
}

# AWS-REDSHIFT-003: a customer managed KMS key lets the team audit and revoke access to the data.
deny contains lib.finding("AWS-REDSHIFT-003", c, ["kms_key_id"], {"name": c.cluster_identifier}) if {
	some c in clusters
	c.encrypted == true
	not lib.has_key(c, "kms_key_id")
}

# AWS-REDSHIFT-004: audit logging records connections, users and queries.
deny contains lib.finding("AWS-REDSHIFT-004", c, ["logging", "enable"], {"name": c.cluster_identifier}) if {
	some c in clusters
	lib.not_true(c.logging, "enable")
}

# AWS-REDSHIFT-005: automated snapshots reach back only as far as their retention.
deny contains lib.finding("AWS-REDSHIFT-005", c, ["automated_snapshot_retention_period"], facts) if {
	some c in clusters
	minimum := lib.config_value("min_backup_retention_days", 7)
	lib.number_below(c, "automated_snapshot_retention_period", minimum)
	facts := {"name": c.cluster_identifier, "retention": c.automated_snapshot_retention_period, "minimum": minimum}
}

# AWS-REDSHIFT-006: enhanced VPC routing keeps COPY and UNLOAD traffic inside the VPC, under its controls.
deny contains lib.finding("AWS-REDSHIFT-006", c, ["enhanced_vpc_routing"], {"name": c.cluster_identifier}) if {
	some c in clusters
	lib.not_true(c, "enhanced_vpc_routing")
}

# AWS-REDSHIFT-007: require_ssl makes the cluster refuse unencrypted connections.
deny contains lib.finding("AWS-REDSHIFT-007", c, ["cluster_parameter_group_name"], {"name": c.cluster_identifier, "group": group_label(pg)}) if {
	some c in clusters
	pg := c.parameter_group
	lib.known(pg)
	ssl_not_required(pg)
}

ssl_not_required(pg) if pg["default"] == true

ssl_not_required(pg) if {
	pg["default"] == false
	ps := pg.parameters
	lib.known(ps)
	not object.get(ps, "require_ssl", "false") in {"true", "1", "on"}
}

group_label(pg) := pg.name if is_string(pg.name)

group_label(pg) := "default.redshift-1.0" if not is_string(pg.name)

# Previous-generation node families: DC1 and DS2 (retired in favour of RA3 and DC2).
previous_generation := {"dc1", "ds2"}

# AWS-REDSHIFT-008: previous-generation nodes cost more per TB and per query than RA3.
deny contains lib.finding("AWS-REDSHIFT-008", c, ["node_type"], {"name": c.cluster_identifier, "node_type": c.node_type}) if {
	some c in clusters
	is_string(c.node_type)
	split(c.node_type, ".")[0] in previous_generation
}

# AWS-REDSHIFT-009: version upgrades carry security fixes and are applied in the maintenance window.
deny contains lib.finding("AWS-REDSHIFT-009", c, ["allow_version_upgrade"], {"name": c.cluster_identifier}) if {
	some c in clusters
	c.allow_version_upgrade == false
}
