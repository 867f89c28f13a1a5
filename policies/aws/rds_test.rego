package palisade.rules.aws.rds_test

import data.palisade.rules.aws.rds
import data.palisade.lib
import data.palisade.lib.version

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
	original := {"AWS-RDS-001", "AWS-RDS-002", "AWS-RDS-003", "AWS-RDS-004", "AWS-RDS-005"}
	count([f | some f in rds.deny with input as rds_input([db({})]); f.rule in original]) == 0
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

# ---------------------------------------------------------------- AWS-RDS-006 … 018

good := {
	"deletion_protection": true, "skip_final_snapshot": false, "copy_tags_to_snapshot": true,
	"engine_version": "16.3", "storage_type": "gp3", "monitoring_interval": 60,
	"iam_database_authentication_enabled": true, "performance_insights_enabled": true,
	"performance_insights_kms_key_id": "arn:aws:kms:eu-west-1:111122223333:key/1",
	"enabled_cloudwatch_logs_exports": ["postgresql", "upgrade"],
	"parameter_group": {"name": "orders", "default": false, "parameters": {"rds.force_ssl": "1"}},
	"ca_cert_identifier": "rds-ca-rsa2048-g1",
}

# good with the fields of extra replaced (not merged: object.union merges nested objects).
with_fields(extra) := object.union(object.remove(good, [k | some k, _ in extra]), extra)

rule_findings(id, extra) := [f | some f in rds.deny with input as rds_input([db(with_fields(extra))]); f.rule == id]

unknown := {"__unknown__": true}

test_hardened_instance_passes if {
	count(rds.deny) == 0 with input as rds_input([db(good)])
}

test_deletion_protection if {
	[f] := rule_findings("AWS-RDS-006", {"deletion_protection": false})
	f.path == ["deletion_protection"]
	f.facts == {"name": "orders"}
	count(rule_findings("AWS-RDS-006", {"deletion_protection": unknown})) == 0
	count(rule_findings("AWS-RDS-006", {"deletion_protection": false, "engine": "aurora-mysql"})) == 0
}

test_skip_final_snapshot if {
	[f] := rule_findings("AWS-RDS-007", {"skip_final_snapshot": true})
	f.path == ["skip_final_snapshot"]
	count(rule_findings("AWS-RDS-007", {"skip_final_snapshot": unknown})) == 0
}

test_log_exports_missing if {
	[f] := rule_findings("AWS-RDS-008", {"enabled_cloudwatch_logs_exports": ["postgresql"]})
	f.path == ["enabled_cloudwatch_logs_exports"]
	f.facts == {"name": "orders", "engine": "postgres", "missing": ["upgrade"]}
	[g] := rule_findings("AWS-RDS-008", {"engine": "mysql", "engine_version": "8.0.36", "enabled_cloudwatch_logs_exports": ["error"]})
	g.facts.missing == ["audit", "general", "slowquery"]
	count(rule_findings("AWS-RDS-008", {"engine": "sqlserver-se", "enabled_cloudwatch_logs_exports": ["agent", "error"]})) == 0
	count(rule_findings("AWS-RDS-008", {"engine": "oracle-ee", "enabled_cloudwatch_logs_exports": []})) == 1
}

test_log_exports_unknown if {
	count(rule_findings("AWS-RDS-008", {"enabled_cloudwatch_logs_exports": unknown})) == 0
	count(rule_findings("AWS-RDS-008", {"enabled_cloudwatch_logs_exports": ["postgresql", unknown]})) == 0
	count(rule_findings("AWS-RDS-008", {"engine": "db2-se", "enabled_cloudwatch_logs_exports": []})) == 0
}

test_enhanced_monitoring if {
	[f] := rule_findings("AWS-RDS-009", {"monitoring_interval": 0})
	f.path == ["monitoring_interval"]
	count(rule_findings("AWS-RDS-009", {"monitoring_interval": unknown})) == 0
}

test_iam_auth if {
	[f] := rule_findings("AWS-RDS-010", {"iam_database_authentication_enabled": false})
	f.path == ["iam_database_authentication_enabled"]
	count(rule_findings("AWS-RDS-010", {"iam_database_authentication_enabled": unknown})) == 0
	count(rule_findings("AWS-RDS-010", {"iam_database_authentication_enabled": false, "engine": "sqlserver-ex"})) == 0
}

test_performance_insights_kms if {
	fs := [f2 |
		some f2 in rds.deny with input as rds_input([db(object.remove(good, ["performance_insights_kms_key_id"]))])
		f2.rule == "AWS-RDS-011"
	]
	[f] := fs
	f.path == ["performance_insights_enabled"]
	count(rule_findings("AWS-RDS-011", {"performance_insights_kms_key_id": unknown})) == 0
	count([f3 |
		some f3 in rds.deny with input as rds_input([db(object.union(object.remove(good, ["performance_insights_kms_key_id"]), {"performance_insights_enabled": false}))])
		f3.rule == "AWS-RDS-011"
	]) == 0
}

test_engine_version_past_support if {
	[f] := rule_findings("AWS-RDS-012", {"engine_version": "12.19"})
	f.path == ["engine_version"]
	f.facts == {"name": "orders", "engine": "postgres", "version": "12.19", "minimum": "14"}
	[g] := rule_findings("AWS-RDS-012", {"engine": "mysql", "engine_version": "5.7.44"})
	g.facts.minimum == "8.0"
	count(rule_findings("AWS-RDS-012", {"engine": "mysql", "engine_version": "8.0.36"})) == 0
	count(rule_findings("AWS-RDS-012", {"engine": "mariadb", "engine_version": "10.5.25"})) == 1
	count(rule_findings("AWS-RDS-012", {"engine": "mariadb", "engine_version": "10.11.8"})) == 0
	count(rule_findings("AWS-RDS-012", {"engine_version": "13"})) == 1
	count(rule_findings("AWS-RDS-012", {"engine_version": "14.12"})) == 0
	count(rule_findings("AWS-RDS-012", {"engine_version": "9.6.24"})) == 1
}

test_engine_version_unknown_or_unlisted if {
	count(rule_findings("AWS-RDS-012", {"engine_version": unknown})) == 0
	count(rule_findings("AWS-RDS-012", {"engine": "oracle-ee", "engine_version": "19.0.0.0.ru-2024-01.rur-2024-01.r1"})) == 0
	count(rule_findings("AWS-RDS-012", {"engine_version": "latest"})) == 0
}

test_engine_version_configurable if {
	fs := [f |
		some f in rds.deny with input as {"aws": {"rds": {"instances": [db(good)]}}, "config": {"min_engine_versions": {"postgres": [17, 0]}}}
		f.rule == "AWS-RDS-012"
	]
	fs[0].facts.minimum == "17"
}

test_copy_tags_to_snapshot if {
	[f] := rule_findings("AWS-RDS-013", {"copy_tags_to_snapshot": false})
	f.path == ["copy_tags_to_snapshot"]
	count(rule_findings("AWS-RDS-013", {"copy_tags_to_snapshot": unknown})) == 0
}

test_gp2_and_io1 if {
	[f] := rule_findings("AWS-RDS-014", {"storage_type": "gp2"})
	f.path == ["storage_type"]
	[g] := rule_findings("AWS-RDS-015", {"storage_type": "io1", "iops": 3000, "allocated_storage": 1000})
	g.path == ["storage_type"]
	count(rule_findings("AWS-RDS-014", {"storage_type": unknown})) == 0
	count(rule_findings("AWS-RDS-015", {"storage_type": "io2"})) == 0
}

test_oversized_iops if {
	[f] := rule_findings("AWS-RDS-016", {"storage_type": "io2", "iops": 20000, "allocated_storage": 100})
	f.path == ["iops"]
	f.facts == {"name": "orders", "iops": 20000, "storage": 100, "ratio": 10, "suggested": 1000}
	count(rule_findings("AWS-RDS-016", {"storage_type": "io2", "iops": 1000, "allocated_storage": 100})) == 0
	count(rule_findings("AWS-RDS-016", {"storage_type": "io2", "iops": unknown, "allocated_storage": 100})) == 0
	count(rule_findings("AWS-RDS-016", {"storage_type": "gp3", "iops": 12000, "allocated_storage": 400})) == 0
}

test_force_ssl_postgres_custom_group if {
	[f] := rule_findings("AWS-RDS-017", {"engine_version": "14.12", "parameter_group": {"name": "orders", "default": false, "parameters": {}}})
	f.path == ["parameter_group_name"]
	f.facts == {"name": "orders", "parameter": "rds.force_ssl", "group": "orders"}
	count(rule_findings("AWS-RDS-017", {"engine_version": "14.12"})) == 0
}

test_force_ssl_default_group if {
	[f] := rule_findings("AWS-RDS-017", {"engine": "mysql", "engine_version": "8.0.36", "parameter_group": {"name": null, "default": true, "parameters": {}}})
	f.facts.group == "the engine's default parameter group"
	f.facts.parameter == "require_secure_transport"
	count(rule_findings("AWS-RDS-017", {"engine": "mysql", "parameter_group": {"name": "m", "default": false, "parameters": {"require_secure_transport": "on"}}})) == 0
	count(rule_findings("AWS-RDS-017", {"engine": "sqlserver-se", "parameter_group": {"name": "default.sqlserver-se-16.0", "default": true, "parameters": {}}})) == 1
}

test_force_ssl_postgres15_default_on if {
	count(rule_findings("AWS-RDS-017", {"engine_version": "16.3", "parameter_group": {"name": null, "default": true, "parameters": {}}})) == 0
	fs := [f |
		some f in rds.deny with input as rds_input([db(object.union(object.remove(good, ["engine_version"]), {"parameter_group": {"name": "p", "default": false, "parameters": {"rds.force_ssl": "0"}}}))])
		f.rule == "AWS-RDS-017"
	]
	count(fs) == 1
	count(rule_findings("AWS-RDS-017", {"parameter_group": {"name": "p", "default": false, "parameters": {}}})) == 0
}

test_force_ssl_unknown if {
	count(rule_findings("AWS-RDS-017", {"engine_version": unknown, "parameter_group": {"name": null, "default": true, "parameters": {}}})) == 0
	count(rule_findings("AWS-RDS-017", {"engine_version": unknown, "parameter_group": {"name": "p", "default": false, "parameters": {}}})) == 0
	count(rule_findings("AWS-RDS-017", {"engine_version": unknown, "parameter_group": {"name": "p", "default": false, "parameters": {"rds.force_ssl": "0"}}})) == 1
	count(rule_findings("AWS-RDS-017", {"engine": "mysql", "parameter_group": unknown})) == 0
	count(rule_findings("AWS-RDS-017", {"engine": "mysql", "parameter_group": {"name": "x", "default": false, "parameters": unknown}})) == 0
	count(rule_findings("AWS-RDS-017", {"parameter_group": {"name": "x", "default": false, "parameters": unknown}})) == 0
	count(rule_findings("AWS-RDS-017", {"engine": "mysql", "parameter_group": {"name": "x", "default": unknown}})) == 0
}

test_outdated_ca if {
	[f] := rule_findings("AWS-RDS-018", {"ca_cert_identifier": "rds-ca-2019"})
	f.path == ["ca_cert_identifier"]
	f.facts == {"name": "orders", "ca": "rds-ca-2019"}
	count(rule_findings("AWS-RDS-018", {"ca_cert_identifier": unknown})) == 0
}

test_version_helpers if {
	version.parts("8.0.36") == [8, 0]
	version.parts("16") == [16, 0]
	version.parts("5.7.mysql_aurora.2.11.2") == [5, 7]
	not version.parts("x")
	not version.parts(unknown)
	version.label([10, 6]) == "10.6"
	version.label([13, 0]) == "13"
}

test_production_and_critical if {
	lib.production({"tags": {"environment": "Prod"}}) with input as {}
	not lib.production({"tags": {"environment": "staging"}}) with input as {}
	lib.production({"tags": {"env": "live"}}) with input as {"config": {"environment_tag": "env", "production_values": ["live"]}}
	lib.critical({"tags": {"criticality": "Critical"}}) with input as {}
	not lib.critical({"tags": {"criticality": unknown}}) with input as {}
}


test_max_backup_retention_only_when_configured if {
	count(rule_findings("AWS-RDS-019", {"backup_retention_period": 35})) == 0
	fs := [f |
		some f in rds.deny with input as {"aws": {"rds": {"instances": [db(with_fields({"backup_retention_period": 35}))], "clusters": [{"id": "c", "cluster_identifier": "ledger", "backup_retention_period": 30}]}}, "config": {"max_backup_retention_days": 14}}
		f.rule == "AWS-RDS-019"
	]
	count(fs) == 2
	some f in fs
	f.facts == {"name": "orders", "retention": 35, "maximum": 14}
	f.path == ["backup_retention_period"]
}

test_max_backup_retention_edges if {
	cfg := {"max_backup_retention_days": 14}
	count([f |
		some f in rds.deny with input as {"aws": {"rds": {"instances": [db(with_fields({"backup_retention_period": 14})), db(with_fields({"backup_retention_period": unknown, "engine": "mysql", "engine_version": "8.0.39"}))]}}, "config": cfg}
		f.rule == "AWS-RDS-019"
	]) == 0
	count([f |
		some f in rds.deny with input as {"aws": {"rds": {"instances": [db(with_fields({"backup_retention_period": 35, "engine": "aurora-mysql"}))]}}, "config": cfg}
		f.rule == "AWS-RDS-019"
	]) == 0
}
