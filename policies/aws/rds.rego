# RDS DB instances.
package palisade.rules.aws.rds

import data.palisade.lib

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
