# Aurora DB clusters and Multi-AZ DB clusters (aws_rds_cluster).
package palisade.rules.aws.aurora

import data.palisade.lib
import data.palisade.lib.version
import data.palisade.rules.aws.rds

clusters := object.get(object.get(input.aws, "rds", {}), "clusters", [])

aurora(c) if {
	is_string(c.engine)
	startswith(c.engine, "aurora")
}

# Aurora Serverless v1 (engine_mode "serverless") runs on AWS-managed capacity in one zone and
# fails over by itself; instance counts, backtrack and log exports do not apply to it.
serverless_v1(c) if c.engine_mode == "serverless"

# AWS-AURORA-001: a second instance in another zone takes over in about 30 seconds.
deny contains lib.finding("AWS-AURORA-001", c, ["instance_count"], {"name": c.cluster_identifier, "count": c.instance_count}) if {
	some c in clusters
	aurora(c)
	not serverless_v1(c)
	is_number(c.instance_count)
	c.instance_count < 2
}

# AWS-AURORA-002: automated backups and point-in-time recovery reach back only as far as the retention.
deny contains lib.finding("AWS-AURORA-002", c, ["backup_retention_period"], facts) if {
	some c in clusters
	minimum := lib.config_value("min_backup_retention_days", 7)
	lib.number_below(c, "backup_retention_period", minimum)
	facts := {"name": c.cluster_identifier, "retention": c.backup_retention_period, "minimum": minimum}
}

# AWS-AURORA-003: the cluster volume, its backups and snapshots are encrypted only when the cluster is.
deny contains lib.finding("AWS-AURORA-003", c, ["storage_encrypted"], {"name": c.cluster_identifier}) if {
	some c in clusters
	lib.not_true(c, "storage_encrypted")
}

# AWS-AURORA-004: deletion protection refuses DeleteDBCluster until it is turned off.
deny contains lib.finding("AWS-AURORA-004", c, ["deletion_protection"], {"name": c.cluster_identifier}) if {
	some c in clusters
	lib.not_true(c, "deletion_protection")
}

# Logs each cluster engine must publish (AWS Security Hub RDS.34 for Aurora MySQL audit logs,
# RDS.36/RDS.37-style coverage for PostgreSQL).
required_log_exports := {
	"aurora-mysql": ["audit", "error", "slowquery"],
	"aurora": ["audit", "error", "slowquery"],
	"aurora-postgresql": ["postgresql"],
	"mysql": ["error", "slowquery"],
	"postgres": ["postgresql"],
}

# AWS-AURORA-005: database logs in CloudWatch Logs outlive the instances and can be alarmed on.
deny contains lib.finding("AWS-AURORA-005", c, ["enabled_cloudwatch_logs_exports"], facts) if {
	some c in clusters
	not serverless_v1(c)
	required := required_log_exports[c.engine]
	exports := c.enabled_cloudwatch_logs_exports
	lib.known_list(exports)
	missing := [l | some l in required; not l in exports]
	count(missing) > 0
	facts := {"name": c.cluster_identifier, "engine": c.engine, "missing": missing}
}

# AWS-AURORA-006: IAM authentication replaces long-lived database passwords with short-lived tokens.
deny contains lib.finding("AWS-AURORA-006", c, ["iam_database_authentication_enabled"], {"name": c.cluster_identifier}) if {
	some c in clusters
	not serverless_v1(c)
	lib.not_true(c, "iam_database_authentication_enabled")
}

# AWS-AURORA-007: backtrack rewinds an Aurora MySQL cluster in minutes without a restore.
deny contains lib.finding("AWS-AURORA-007", c, ["backtrack_window"], {"name": c.cluster_identifier}) if {
	some c in clusters
	c.engine in {"aurora-mysql", "aurora"}
	c.engine_mode == "provisioned"
	not lib.has_key(c, "global_cluster_identifier")
	c.backtrack_window == 0
}

# AWS-AURORA-008: a major version past the end of standard support gets no fixes and is billed for Extended Support.
deny contains lib.finding("AWS-AURORA-008", c, ["engine_version"], facts) if {
	some c in clusters
	minimum := rds.min_engine_version(c.engine)
	version.below(c.engine_version, minimum)
	facts := {"name": c.cluster_identifier, "engine": c.engine, "version": c.engine_version, "minimum": version.label(minimum)}
}

# AWS-AURORA-009: a business-critical database needs a copy in a second Region to survive a regional outage.
deny contains lib.finding("AWS-AURORA-009", c, ["global_cluster_identifier"], {"name": c.cluster_identifier}) if {
	some c in clusters
	aurora(c)
	not serverless_v1(c)
	lib.critical(c)
	not lib.has_key(c, "global_cluster_identifier")
}

# AWS-AURORA-010: snapshots without the cluster's tags lose their owner and classification.
deny contains lib.finding("AWS-AURORA-010", c, ["copy_tags_to_snapshot"], {"name": c.cluster_identifier}) if {
	some c in clusters
	lib.not_true(c, "copy_tags_to_snapshot")
}
