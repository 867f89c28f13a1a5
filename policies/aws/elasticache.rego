# ElastiCache replication groups (Redis OSS / Valkey) and cache clusters.
package palisade.rules.aws.elasticache

import data.palisade.lib
import data.palisade.lib.version

groups := object.get(object.get(input.aws, "elasticache", {}), "replication_groups", [])

# Cache clusters that stand alone: members of a replication group take its settings.
standalone contains c if {
	some c in object.get(object.get(input.aws, "elasticache", {}), "clusters", [])
	not lib.has_key(c, "replication_group_id")
}

# Replication groups and standalone clusters, each with its display name.
caches contains {"object": g, "name": g.replication_group_id, "engine": object.get(g, "engine", "redis")} if some g in groups

caches contains {"object": c, "name": c.cluster_id, "engine": object.get(c, "engine", "")} if some c in standalone

keyed_engine(engine) if engine in {"redis", "valkey"}

# AWS-ELASTICACHE-001: without automatic failover a primary node failure stops writes until a person intervenes.
deny contains lib.finding("AWS-ELASTICACHE-001", g, ["automatic_failover_enabled"], {"name": g.replication_group_id}) if {
	some g in groups
	lib.not_true(g, "automatic_failover_enabled")
}

# AWS-ELASTICACHE-002: Multi-AZ places replicas in other zones and promotes one when the primary's zone fails.
deny contains lib.finding("AWS-ELASTICACHE-002", g, ["multi_az_enabled"], {"name": g.replication_group_id}) if {
	some g in groups
	lib.not_true(g, "multi_az_enabled")
}

# AWS-ELASTICACHE-003: data on disk (swap, backups, snapshots) is encrypted only with at-rest encryption.
deny contains lib.finding("AWS-ELASTICACHE-003", g, ["at_rest_encryption_enabled"], {"name": g.replication_group_id}) if {
	some g in groups
	lib.not_true(g, "at_rest_encryption_enabled")
}

# AWS-ELASTICACHE-004: without TLS, cached data and AUTH credentials cross the network in clear.
deny contains lib.finding("AWS-ELASTICACHE-004", g, ["transit_encryption_enabled"], {"name": g.replication_group_id}) if {
	some g in groups
	lib.not_true(g, "transit_encryption_enabled")
}

deny contains lib.finding("AWS-ELASTICACHE-004", c, ["transit_encryption_enabled"], {"name": c.cluster_id}) if {
	some c in standalone
	c.engine == "memcached"
	lib.not_true(c, "transit_encryption_enabled")
}

# AWS-ELASTICACHE-005: with TLS on, clients must still authenticate (AUTH token or RBAC user group).
deny contains lib.finding("AWS-ELASTICACHE-005", g, ["auth_token_set"], {"name": g.replication_group_id}) if {
	some g in groups
	g.transit_encryption_enabled == true
	g.auth_token_set == false
	ids := object.get(g, "user_group_ids", [])
	lib.known_list(ids)
	count(ids) == 0
}

# AWS-ELASTICACHE-006: automatic backups are off unless snapshots are kept for at least a day.
deny contains lib.finding("AWS-ELASTICACHE-006", x.object, ["snapshot_retention_limit"], {"name": x.name}) if {
	some x in caches
	keyed_engine(x.engine)
	x.object.snapshot_retention_limit == 0
}

# AWS-ELASTICACHE-007: minor engine versions carry security fixes.
deny contains lib.finding("AWS-ELASTICACHE-007", x.object, ["auto_minor_version_upgrade"], {"name": x.name}) if {
	some x in caches
	x.object.auto_minor_version_upgrade == false
}

# Previous-generation node families (Amazon ElastiCache supported node types).
previous_generation := {"t1", "m1", "m2", "m3", "c1", "r3"}

node_family(t) := parts[1] if {
	is_string(t)
	parts := split(t, ".")
	count(parts) == 3
	parts[0] == "cache"
}

# AWS-ELASTICACHE-008: previous-generation nodes cost more for less memory and throughput.
deny contains lib.finding("AWS-ELASTICACHE-008", x.object, ["node_type"], {"name": x.name, "node_type": x.object.node_type}) if {
	some x in caches
	node_family(x.object.node_type) in previous_generation
}

# Redis OSS major.minor versions past their end of life (ElastiCache Redis OSS end-of-life
# schedule: 2.x on 2023-01-13, 3.x on 2023-07-31; 4.0 and 5.0 leave standard support on
# 2026-01-31). Overridable with the `min_engine_versions.redis` configuration value.
min_redis := object.get(lib.config_value("min_engine_versions", {}), "redis", [6, 0])

# AWS-ELASTICACHE-009: an end-of-life Redis OSS version receives no fixes.
deny contains lib.finding("AWS-ELASTICACHE-009", x.object, ["engine_version"], facts) if {
	some x in caches
	x.engine == "redis"
	version.below(x.object.engine_version, min_redis)
	facts := {"name": x.name, "version": x.object.engine_version, "minimum": version.label(min_redis)}
}
