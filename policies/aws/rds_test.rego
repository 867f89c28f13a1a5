package palisade.rules.aws.rds_test

import data.palisade.rules.aws.rds

db(extra) := object.union(
	{
		"id": "db", "identifier": "orders", "engine": "postgres", "instance_class": "db.m6g.large",
		"multi_az": true, "backup_retention_period": 14, "storage_encrypted": true,
		"publicly_accessible": false, "auto_minor_version_upgrade": true, "tags": {},
	},
	extra,
)

rds_input(dbs) := {"aws": {"rds": {"instances": dbs}}}

findings(id, extra) := [f | some f in rds.deny with input as rds_input([db(extra)]); f.rule == id]

test_compliant_instance_passes if {
	count(rds.deny) == 0 with input as rds_input([db({})])
}

test_multi_az_false_fires if {
	[f] := findings("AWS-RDS-001", {"multi_az": false})
	f.path == ["multi_az"]
	f.facts.name == "orders"
}

test_multi_az_absent_fires if {
	fs := rds.deny with input as rds_input([object.remove(db({}), ["multi_az"])])
	"AWS-RDS-001" in {f.rule | some f in fs}
}

test_multi_az_unknown_passes if {
	count(findings("AWS-RDS-001", {"multi_az": {"__unknown__": true}})) == 0
}

test_aurora_skips_instance_level_rules if {
	fs := findings("AWS-RDS-001", {"engine": "aurora-postgresql", "multi_az": false, "storage_encrypted": false, "backup_retention_period": 1})
	count(fs) == 0
	count(findings("AWS-RDS-004", {"engine": "aurora-mysql", "storage_encrypted": false})) == 0
	count(findings("AWS-RDS-002", {"engine": "aurora-mysql", "backup_retention_period": 1})) == 0
}

test_backup_retention_short_fires if {
	[f] := findings("AWS-RDS-002", {"backup_retention_period": 3})
	f.path == ["backup_retention_period"]
	f.facts == {"name": "orders", "retention": 3, "minimum": 7}
}

test_backup_retention_zero_fires if {
	count(findings("AWS-RDS-002", {"backup_retention_period": 0})) == 1
}

test_backup_retention_seven_passes if {
	count(findings("AWS-RDS-002", {"backup_retention_period": 7})) == 0
}

test_backup_retention_configurable if {
	fs := [f |
		some f in rds.deny with input as {"aws": {"rds": {"instances": [db({"backup_retention_period": 14})]}}, "config": {"min_backup_retention_days": 30}}
		f.rule == "AWS-RDS-002"
	]
	fs[0].facts.minimum == 30
}

test_backup_retention_unknown_passes if {
	count(findings("AWS-RDS-002", {"backup_retention_period": {"__unknown__": true}})) == 0
}

test_publicly_accessible_fires if {
	[f] := findings("AWS-RDS-003", {"publicly_accessible": true})
	f.path == ["publicly_accessible"]
}

test_publicly_accessible_unknown_passes if {
	count(findings("AWS-RDS-003", {"publicly_accessible": {"__unknown__": true}})) == 0
}

test_storage_unencrypted_fires if {
	[f] := findings("AWS-RDS-004", {"storage_encrypted": false})
	f.path == ["storage_encrypted"]
}

test_storage_encrypted_unknown_passes if {
	count(findings("AWS-RDS-004", {"storage_encrypted": {"__unknown__": true}})) == 0
}

test_auto_minor_upgrade_off_fires if {
	[f] := findings("AWS-RDS-005", {"auto_minor_version_upgrade": false})
	f.path == ["auto_minor_version_upgrade"]
}

test_auto_minor_upgrade_unknown_passes if {
	count(findings("AWS-RDS-005", {"auto_minor_version_upgrade": {"__unknown__": true}})) == 0
}
