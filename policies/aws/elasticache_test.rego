package palisade.rules.aws.elasticache_test

import data.palisade.rules.aws.elasticache

unknown := {"__unknown__": true}

good_group := {
	"id": "g", "replication_group_id": "sessions", "engine": "redis", "engine_version": "7.1",
	"node_type": "cache.r7g.large", "automatic_failover_enabled": true, "multi_az_enabled": true,
	"at_rest_encryption_enabled": true, "transit_encryption_enabled": true, "auth_token_set": true,
	"user_group_ids": [], "snapshot_retention_limit": 7, "auto_minor_version_upgrade": true, "tags": {},
}

good_cluster := {
	"id": "m", "cluster_id": "pages", "engine": "memcached", "engine_version": "1.6.22",
	"node_type": "cache.t4g.small", "transit_encryption_enabled": true, "snapshot_retention_limit": 0,
	"auto_minor_version_upgrade": true, "tags": {},
}

replace(obj, extra) := object.union(object.remove(obj, [k | some k, _ in extra]), extra)

group_findings(id, extra) := [f |
	some f in elasticache.deny with input as {"aws": {"elasticache": {"replication_groups": [replace(good_group, extra)]}}}
	f.rule == id
]

cluster_findings(id, extra) := [f |
	some f in elasticache.deny with input as {"aws": {"elasticache": {"clusters": [replace(good_cluster, extra)]}}}
	f.rule == id
]

test_hardened_passes if {
	count(elasticache.deny) == 0 with input as {"aws": {"elasticache": {"replication_groups": [good_group], "clusters": [good_cluster]}}}
	count(elasticache.deny) == 0 with input as {"aws": {}}
}

test_failover_and_multi_az if {
	[f] := group_findings("AWS-ELASTICACHE-001", {"automatic_failover_enabled": false})
	f.path == ["automatic_failover_enabled"]
	f.facts == {"name": "sessions"}
	[g] := group_findings("AWS-ELASTICACHE-002", {"multi_az_enabled": false})
	g.path == ["multi_az_enabled"]
	count(group_findings("AWS-ELASTICACHE-001", {"automatic_failover_enabled": unknown})) == 0
	count(group_findings("AWS-ELASTICACHE-002", {"multi_az_enabled": unknown})) == 0
}

test_at_rest_encryption if {
	[f] := group_findings("AWS-ELASTICACHE-003", {"at_rest_encryption_enabled": false})
	f.path == ["at_rest_encryption_enabled"]
	count(group_findings("AWS-ELASTICACHE-003", {"at_rest_encryption_enabled": unknown})) == 0
}

test_transit_encryption if {
	[f] := group_findings("AWS-ELASTICACHE-004", {"transit_encryption_enabled": false})
	f.path == ["transit_encryption_enabled"]
	[g] := cluster_findings("AWS-ELASTICACHE-004", {"transit_encryption_enabled": false})
	g.facts == {"name": "pages"}
	count(cluster_findings("AWS-ELASTICACHE-004", {"transit_encryption_enabled": unknown})) == 0
	count(cluster_findings("AWS-ELASTICACHE-004", {"transit_encryption_enabled": false, "replication_group_id": "sessions"})) == 0
	count(cluster_findings("AWS-ELASTICACHE-004", {"transit_encryption_enabled": false, "engine": "redis"})) == 0
}

test_auth if {
	[f] := group_findings("AWS-ELASTICACHE-005", {"auth_token_set": false})
	f.path == ["auth_token_set"]
	count(group_findings("AWS-ELASTICACHE-005", {"auth_token_set": false, "user_group_ids": ["app-users"]})) == 0
	count(group_findings("AWS-ELASTICACHE-005", {"auth_token_set": false, "user_group_ids": unknown})) == 0
	count(group_findings("AWS-ELASTICACHE-005", {"auth_token_set": unknown})) == 0
	count(group_findings("AWS-ELASTICACHE-005", {"auth_token_set": false, "transit_encryption_enabled": false})) == 0
}

test_snapshot_retention if {
	[f] := group_findings("AWS-ELASTICACHE-006", {"snapshot_retention_limit": 0})
	f.path == ["snapshot_retention_limit"]
	[g] := cluster_findings("AWS-ELASTICACHE-006", {"engine": "redis", "engine_version": "7.1"})
	g.facts == {"name": "pages"}
	count(cluster_findings("AWS-ELASTICACHE-006", {})) == 0
	count(group_findings("AWS-ELASTICACHE-006", {"snapshot_retention_limit": unknown})) == 0
}

test_auto_minor_upgrade if {
	[f] := group_findings("AWS-ELASTICACHE-007", {"auto_minor_version_upgrade": false})
	f.path == ["auto_minor_version_upgrade"]
	count(cluster_findings("AWS-ELASTICACHE-007", {"auto_minor_version_upgrade": false})) == 1
	count(group_findings("AWS-ELASTICACHE-007", {"auto_minor_version_upgrade": unknown})) == 0
}

test_previous_generation if {
	[f] := group_findings("AWS-ELASTICACHE-008", {"node_type": "cache.m3.medium"})
	f.facts == {"name": "sessions", "node_type": "cache.m3.medium"}
	f.path == ["node_type"]
	count(cluster_findings("AWS-ELASTICACHE-008", {"node_type": "cache.t1.micro"})) == 1
	count(group_findings("AWS-ELASTICACHE-008", {"node_type": "cache.m4.large"})) == 0
	count(group_findings("AWS-ELASTICACHE-008", {"node_type": unknown})) == 0
	count(group_findings("AWS-ELASTICACHE-008", {"node_type": "m3.medium"})) == 0
}

test_redis_version if {
	[f] := group_findings("AWS-ELASTICACHE-009", {"engine_version": "3.2.10"})
	f.facts == {"name": "sessions", "version": "3.2.10", "minimum": "6.0"}
	f.path == ["engine_version"]
	count(group_findings("AWS-ELASTICACHE-009", {"engine_version": "5.0.6"})) == 1
	count(group_findings("AWS-ELASTICACHE-009", {"engine_version": "7.1"})) == 0
	count(group_findings("AWS-ELASTICACHE-009", {"engine_version": unknown})) == 0
	count(group_findings("AWS-ELASTICACHE-009", {"engine": "valkey", "engine_version": "3.2"})) == 0
	count(cluster_findings("AWS-ELASTICACHE-009", {"engine": "redis", "engine_version": "2.8.24", "snapshot_retention_limit": 1})) == 1
}

test_redis_version_configurable if {
	fs := [f |
		some f in elasticache.deny with input as {"aws": {"elasticache": {"replication_groups": [replace(good_group, {"engine_version": "5.0.6"})]}}, "config": {"min_engine_versions": {"redis": [6, 0]}}}
		f.rule == "AWS-ELASTICACHE-009"
	]
	fs[0].facts.minimum == "6.0"
}
