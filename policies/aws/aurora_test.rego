package palisade.rules.aws.aurora_test

import data.palisade.rules.aws.aurora

unknown := {"__unknown__": true}

good := {
	"id": "c", "cluster_identifier": "ledger", "engine": "aurora-postgresql", "engine_version": "16.4",
	"engine_mode": "provisioned", "instance_count": 2, "backup_retention_period": 14,
	"storage_encrypted": true, "deletion_protection": true, "copy_tags_to_snapshot": true,
	"iam_database_authentication_enabled": true, "backtrack_window": 0,
	"enabled_cloudwatch_logs_exports": ["postgresql"], "tags": {},
}

cluster(extra) := object.union(object.remove(good, [k | some k, _ in extra]), extra)

findings(id, extra) := [f |
	some f in aurora.deny with input as {"aws": {"rds": {"clusters": [cluster(extra)]}}}
	f.rule == id
]

test_hardened_cluster_passes if {
	count(aurora.deny) == 0 with input as {"aws": {"rds": {"clusters": [good]}}}
}

test_no_clusters if {
	count(aurora.deny) == 0 with input as {"aws": {}}
}

test_single_instance if {
	[f] := findings("AWS-AURORA-001", {"instance_count": 1})
	f.path == ["instance_count"]
	f.facts == {"name": "ledger", "count": 1}
	count(findings("AWS-AURORA-001", {"instance_count": 0})) == 1
	count(findings("AWS-AURORA-001", {"instance_count": unknown})) == 0
	count(findings("AWS-AURORA-001", {"instance_count": 1, "engine_mode": "serverless"})) == 0
	count(findings("AWS-AURORA-001", {"instance_count": 0, "engine": "mysql"})) == 0
}

test_backup_retention if {
	[f] := findings("AWS-AURORA-002", {"backup_retention_period": 1})
	f.facts == {"name": "ledger", "retention": 1, "minimum": 7}
	f.path == ["backup_retention_period"]
	count(findings("AWS-AURORA-002", {"backup_retention_period": unknown})) == 0
	count(findings("AWS-AURORA-002", {"backup_retention_period": 7})) == 0
}

test_storage_encrypted if {
	[f] := findings("AWS-AURORA-003", {"storage_encrypted": false})
	f.path == ["storage_encrypted"]
	count(findings("AWS-AURORA-003", {"storage_encrypted": unknown})) == 0
}

test_deletion_protection if {
	[f] := findings("AWS-AURORA-004", {"deletion_protection": false})
	f.path == ["deletion_protection"]
	count(findings("AWS-AURORA-004", {"deletion_protection": unknown})) == 0
}

test_log_exports if {
	[f] := findings("AWS-AURORA-005", {"enabled_cloudwatch_logs_exports": []})
	f.facts.missing == ["postgresql"]
	f.path == ["enabled_cloudwatch_logs_exports"]
	[g] := findings("AWS-AURORA-005", {"engine": "aurora-mysql", "engine_version": "8.0.mysql_aurora.3.05.2", "backtrack_window": 86400, "enabled_cloudwatch_logs_exports": ["error"]})
	g.facts.missing == ["audit", "slowquery"]
	count(findings("AWS-AURORA-005", {"enabled_cloudwatch_logs_exports": unknown})) == 0
	count(findings("AWS-AURORA-005", {"enabled_cloudwatch_logs_exports": [], "engine_mode": "serverless"})) == 0
}

test_iam_auth if {
	[f] := findings("AWS-AURORA-006", {"iam_database_authentication_enabled": false})
	f.path == ["iam_database_authentication_enabled"]
	count(findings("AWS-AURORA-006", {"iam_database_authentication_enabled": unknown})) == 0
}

test_backtrack if {
	[f] := findings("AWS-AURORA-007", {"engine": "aurora-mysql", "engine_version": "8.0.mysql_aurora.3.05.2"})
	f.path == ["backtrack_window"]
	count(findings("AWS-AURORA-007", {"engine": "aurora-mysql", "backtrack_window": 86400})) == 0
	count(findings("AWS-AURORA-007", {"engine": "aurora-mysql", "backtrack_window": unknown})) == 0
	count(findings("AWS-AURORA-007", {"engine": "aurora-mysql", "global_cluster_identifier": "g"})) == 0
	count(findings("AWS-AURORA-007", {})) == 0
}

test_engine_version if {
	[f] := findings("AWS-AURORA-008", {"engine_version": "12.22"})
	f.facts == {"name": "ledger", "engine": "aurora-postgresql", "version": "12.22", "minimum": "14"}
	f.path == ["engine_version"]
	[g] := findings("AWS-AURORA-008", {"engine": "aurora-mysql", "engine_version": "5.7.mysql_aurora.2.11.2", "backtrack_window": 3600, "enabled_cloudwatch_logs_exports": ["audit", "error", "slowquery"]})
	g.facts.minimum == "8.0"
	count(findings("AWS-AURORA-008", {"engine": "aurora-mysql", "engine_version": "8.0.mysql_aurora.3.05.2"})) == 0
	count(findings("AWS-AURORA-008", {"engine_version": unknown})) == 0
}

test_global_cluster_for_critical if {
	[f] := findings("AWS-AURORA-009", {"tags": {"criticality": "critical"}})
	f.path == ["global_cluster_identifier"]
	count(findings("AWS-AURORA-009", {"tags": {"criticality": "critical"}, "global_cluster_identifier": unknown})) == 0
	count(findings("AWS-AURORA-009", {"tags": {"criticality": "low"}})) == 0
	count(findings("AWS-AURORA-009", {"tags": unknown})) == 0
}

test_copy_tags if {
	[f] := findings("AWS-AURORA-010", {"copy_tags_to_snapshot": false})
	f.path == ["copy_tags_to_snapshot"]
	count(findings("AWS-AURORA-010", {"copy_tags_to_snapshot": unknown})) == 0
}
