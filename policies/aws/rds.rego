# RDS DB instances.
package palisade.rules.aws.rds

import data.palisade.lib
import data.palisade.lib.version

# Aurora instances take availability, backups and encryption from their cluster.
aurora(db) if {
	is_string(db.engine)
	startswith(db.engine, "aurora")
}

# AWS-RDS-001: a Multi-AZ standby takes over when the primary or its Availability Zone fails.
deny contains lib.finding("AWS-RDS-001", db, ["multi_az"], {"name": db.identifier}) if {
	some db in input.aws.rds.instances
	not aurora(db)
	lib.not_true(db, "multi_az")
}

# AWS-RDS-002: automated backups must reach back far enough to restore after a late-noticed incident.
deny contains lib.finding("AWS-RDS-002", db, ["backup_retention_period"], facts) if {
	some db in input.aws.rds.instances
	not aurora(db)
	minimum := lib.config_value("min_backup_retention_days", 7)
	lib.number_below(db, "backup_retention_period", minimum)
	facts := {"name": db.identifier, "retention": db.backup_retention_period, "minimum": minimum}
}

# AWS-RDS-003: a publicly accessible instance gets a public DNS name and address.
deny contains lib.finding("AWS-RDS-003", db, ["publicly_accessible"], {"name": db.identifier}) if {
	some db in input.aws.rds.instances
	lib.is_true(db, "publicly_accessible")
}

# AWS-RDS-004: storage, snapshots, backups and replicas are encrypted only when the instance is.
deny contains lib.finding("AWS-RDS-004", db, ["storage_encrypted"], {"name": db.identifier}) if {
	some db in input.aws.rds.instances
	not aurora(db)
	lib.not_true(db, "storage_encrypted")
}

# AWS-RDS-005: minor engine versions carry security and bug fixes.
deny contains lib.finding("AWS-RDS-005", db, ["auto_minor_version_upgrade"], {"name": db.identifier}) if {
	some db in input.aws.rds.instances
	db.auto_minor_version_upgrade == false
}

# ---------------------------------------------------------------- shared helpers (also used by
# the aurora, elasticache, redshift and opensearch packages)

# Oldest major version of each engine still in AWS standard support, as published in the
# engine release calendars (checked November 2026; see AWS-RDS-012 and AWS-AURORA-008).
# Overridable per engine with the `min_engine_versions` configuration value.
default_min_engine_versions := {
	"postgres": [14, 0], # RDS for PostgreSQL 13: end of standard support 2026-02-28 (12: 2025-02-28)
	"mysql": [8, 0], # RDS for MySQL 5.7: 2024-02-29
	"mariadb": [10, 11], # RDS for MariaDB 10.6: 2026-08 (10.5: 2025-02)
	"aurora-postgresql": [14, 0], # Aurora PostgreSQL 13: 2026-02-28 (12: 2025-02-28)
	"aurora-mysql": [8, 0], # Aurora MySQL version 2 (5.7-compatible): 2024-10-31
	"aurora": [8, 0], # Aurora MySQL version 1 (5.6-compatible): 2023-02-28
}

min_engine_version(engine) := object.get(lib.config_value("min_engine_versions", {}), engine, default_min_engine_versions[engine])

# ---------------------------------------------------------------- instance rules

# AWS-RDS-006: deletion protection refuses DeleteDBInstance until it is turned off.
deny contains lib.finding("AWS-RDS-006", db, ["deletion_protection"], {"name": db.identifier}) if {
	some db in input.aws.rds.instances
	not aurora(db)
	lib.not_true(db, "deletion_protection")
}

# AWS-RDS-007: a final snapshot is the last copy of the data when the instance is deleted.
deny contains lib.finding("AWS-RDS-007", db, ["skip_final_snapshot"], {"name": db.identifier}) if {
	some db in input.aws.rds.instances
	not aurora(db)
	db.skip_final_snapshot == true
}

# Database logs each engine must publish to CloudWatch Logs (AWS Security Hub control RDS.9).
required_log_exports := {
	"postgres": ["postgresql", "upgrade"],
	"mysql": ["audit", "error", "general", "slowquery"],
	"mariadb": ["audit", "error", "general", "slowquery"],
	"oracle": ["alert", "audit", "listener", "trace"],
	"sqlserver": ["agent", "error"],
}

engine_family(engine) := "oracle" if startswith(engine, "oracle-")

engine_family(engine) := "sqlserver" if startswith(engine, "sqlserver-")

engine_family(engine) := engine if engine in {"postgres", "mysql", "mariadb"}

# AWS-RDS-008: engine logs in CloudWatch Logs survive the instance and can be searched and alarmed on.
deny contains lib.finding("AWS-RDS-008", db, ["enabled_cloudwatch_logs_exports"], facts) if {
	some db in input.aws.rds.instances
	required := required_log_exports[engine_family(db.engine)]
	exports := db.enabled_cloudwatch_logs_exports
	lib.known_list(exports)
	missing := [l | some l in required; not l in exports]
	count(missing) > 0
	facts := {"name": db.identifier, "engine": db.engine, "missing": missing}
}

# AWS-RDS-009: Enhanced Monitoring reports OS-level metrics (per process CPU, memory, I/O).
deny contains lib.finding("AWS-RDS-009", db, ["monitoring_interval"], {"name": db.identifier}) if {
	some db in input.aws.rds.instances
	db.monitoring_interval == 0
}

# AWS-RDS-010: IAM authentication replaces long-lived database passwords with 15-minute tokens.
deny contains lib.finding("AWS-RDS-010", db, ["iam_database_authentication_enabled"], {"name": db.identifier, "engine": db.engine}) if {
	some db in input.aws.rds.instances
	db.engine in {"postgres", "mysql"}
	lib.not_true(db, "iam_database_authentication_enabled")
}

# AWS-RDS-011: Performance Insights keeps query text; encrypt it with a key the team controls.
deny contains lib.finding("AWS-RDS-011", db, ["performance_insights_enabled"], {"name": db.identifier}) if {
	some db in input.aws.rds.instances
	db.performance_insights_enabled == true
	not lib.has_key(db, "performance_insights_kms_key_id")
}

# AWS-RDS-012: a major version past the end of standard support gets no community fixes and is billed for Extended Support.
deny contains lib.finding("AWS-RDS-012", db, ["engine_version"], facts) if {
	some db in input.aws.rds.instances
	not aurora(db)
	minimum := min_engine_version(db.engine)
	version.below(db.engine_version, minimum)
	facts := {"name": db.identifier, "engine": db.engine, "version": db.engine_version, "minimum": version.label(minimum)}
}

# AWS-RDS-013: snapshots without the instance's tags lose their owner and classification.
deny contains lib.finding("AWS-RDS-013", db, ["copy_tags_to_snapshot"], {"name": db.identifier}) if {
	some db in input.aws.rds.instances
	not aurora(db)
	lib.not_true(db, "copy_tags_to_snapshot")
}

# AWS-RDS-014: gp3 costs 20 % less than gp2 and includes 3,000 IOPS at any size.
deny contains lib.finding("AWS-RDS-014", db, ["storage_type"], {"name": db.identifier}) if {
	some db in input.aws.rds.instances
	db.storage_type == "gp2"
}

# AWS-RDS-015: io2 Block Express costs the same as io1 with 100x the durability and lower latency.
deny contains lib.finding("AWS-RDS-015", db, ["storage_type"], {"name": db.identifier}) if {
	some db in input.aws.rds.instances
	db.storage_type == "io1"
}

# AWS-RDS-016: provisioned IOPS far beyond the storage size are rarely used and billed every month.
deny contains lib.finding("AWS-RDS-016", db, ["iops"], facts) if {
	some db in input.aws.rds.instances
	db.storage_type in {"io1", "io2"}
	is_number(db.iops)
	is_number(db.allocated_storage)
	db.allocated_storage > 0
	limit := lib.config_value("max_provisioned_iops_per_gib", 10)
	db.iops > db.allocated_storage * limit
	facts := {"name": db.identifier, "iops": db.iops, "storage": db.allocated_storage, "ratio": limit, "suggested": db.allocated_storage * limit}
}

# Parameter values that turn a boolean setting on.
on_values := {"1", "on", "true"}

# The parameter that forces TLS on each engine whose default parameter group leaves it off.
# PostgreSQL 15 and later default rds.force_ssl to 1, so only a known older version counts.
ssl_parameter(db) := "rds.force_ssl" if {
	db.engine == "postgres"
	[major, _] := version.parts(db.engine_version)
	major < 15
}

ssl_parameter(db) := "rds.force_ssl" if startswith(db.engine, "sqlserver-")

ssl_parameter(db) := "require_secure_transport" if db.engine in {"mysql", "mariadb"}

# AWS-RDS-017: without the force-SSL parameter the engine accepts unencrypted connections.
deny contains lib.finding("AWS-RDS-017", db, ["parameter_group_name"], facts) if {
	some db in input.aws.rds.instances
	param := ssl_parameter(db)
	pg := db.parameter_group
	lib.known(pg)
	ssl_not_forced(pg, param)
	facts := {"name": db.identifier, "parameter": param, "group": group_label(pg)}
}

# PostgreSQL (any version) whose parameter group turns rds.force_ssl off explicitly.
deny contains lib.finding("AWS-RDS-017", db, ["parameter_group_name"], facts) if {
	some db in input.aws.rds.instances
	db.engine == "postgres"
	pg := db.parameter_group
	lib.known(pg)
	ps := pg.parameters
	lib.known(ps)
	not object.get(ps, "rds.force_ssl", "1") in on_values
	facts := {"name": db.identifier, "parameter": "rds.force_ssl", "group": group_label(pg)}
}

ssl_not_forced(pg, _) if pg["default"] == true

ssl_not_forced(pg, param) if {
	pg["default"] == false
	ps := pg.parameters
	lib.known(ps)
	not object.get(ps, param, "") in on_values
}

group_label(pg) := pg.name if is_string(pg.name)

group_label(pg) := "the engine's default parameter group" if not is_string(pg.name)

# Certificate authorities RDS no longer issues certificates from (expired or retired).
outdated_cas := {"rds-ca-2015", "rds-ca-2019"}

# AWS-RDS-018: clients that verify the server certificate need a current CA.
deny contains lib.finding("AWS-RDS-018", db, ["ca_cert_identifier"], {"name": db.identifier, "ca": db.ca_cert_identifier}) if {
	some db in input.aws.rds.instances
	db.ca_cert_identifier in outdated_cas
}

# AWS-RDS-019: automated backups hold personal data; keep them no longer than the retention
# policy allows. Only when the `max_backup_retention_days` configuration value is set.
deny contains lib.finding("AWS-RDS-019", obj, ["backup_retention_period"], facts) if {
	some obj in backed_up
	maximum := lib.config_value("max_backup_retention_days", null)
	is_number(maximum)
	is_number(obj.backup_retention_period)
	obj.backup_retention_period > maximum
	facts := {"name": object.get(obj, "identifier", object.get(obj, "cluster_identifier", obj.id)), "retention": obj.backup_retention_period, "maximum": maximum}
}

# Instances (other than Aurora members) and clusters: what carries automated backups.
backed_up contains db if {
	some db in input.aws.rds.instances
	not aurora(db)
}

backed_up contains c if some c in object.get(input.aws.rds, "clusters", [])
