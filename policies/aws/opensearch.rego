# Amazon OpenSearch Service domains (aws_opensearch_domain, aws_elasticsearch_domain).
package palisade.rules.aws.opensearch

import data.palisade.lib
import data.palisade.lib.version

domains := object.get(object.get(input.aws, "opensearch", {}), "domains", [])

# AWS-OPENSEARCH-001: indices, logs, swap and snapshots are encrypted only with encryption at rest.
deny contains lib.finding("AWS-OPENSEARCH-001", d, ["encrypt_at_rest", "enabled"], {"name": d.domain_name}) if {
	some d in domains
	lib.not_true(d.encrypt_at_rest, "enabled")
}

# AWS-OPENSEARCH-002: node-to-node encryption protects shard traffic inside the cluster.
deny contains lib.finding("AWS-OPENSEARCH-002", d, ["node_to_node_encryption", "enabled"], {"name": d.domain_name}) if {
	some d in domains
	lib.not_true(d.node_to_node_encryption, "enabled")
}

# AWS-OPENSEARCH-003: without enforced HTTPS the endpoint accepts requests and credentials in clear.
deny contains lib.finding("AWS-OPENSEARCH-003", d, ["domain_endpoint_options", "enforce_https"], {"name": d.domain_name}) if {
	some d in domains
	lib.not_true(d.domain_endpoint_options, "enforce_https")
}

tls12_policies := {"Policy-Min-TLS-1-2-2019-07", "Policy-Min-TLS-1-2-PFS-2023-10"}

# AWS-OPENSEARCH-004: TLS 1.0 and 1.1 are deprecated and have known weaknesses.
deny contains lib.finding("AWS-OPENSEARCH-004", d, ["domain_endpoint_options", "tls_security_policy"], facts) if {
	some d in domains
	p := d.domain_endpoint_options.tls_security_policy
	is_string(p)
	not p in tls12_policies
	facts := {"name": d.domain_name, "policy": p}
}

# A statement grants access to anyone: Allow, principal *, no condition narrowing it.
open_statement(s) if {
	s.Effect == "Allow"
	anyone(s.Principal)
	not lib.has_key(s, "Condition")
}

anyone("*")

anyone(p) if p.AWS == "*"

anyone(p) if "*" in p.AWS

# AWS-OPENSEARCH-005: a domain outside a VPC whose access policy allows anyone is open to the internet.
deny contains lib.finding("AWS-OPENSEARCH-005", d, ["access_policies"], {"name": d.domain_name}) if {
	some d in domains
	not lib.has_key(d, "vpc_options")
	doc := d.access_policies
	lib.known(doc)
	some s in doc.Statement
	open_statement(s)
}

# AWS-OPENSEARCH-006: a production domain spreads its nodes and replicas over at least two zones.
deny contains lib.finding("AWS-OPENSEARCH-006", d, ["cluster_config", "zone_awareness_enabled"], {"name": d.domain_name}) if {
	some d in domains
	lib.production(d)
	lib.not_true(d.cluster_config, "zone_awareness_enabled")
}

# AWS-OPENSEARCH-007: dedicated master nodes keep the cluster state stable under data-node load.
deny contains lib.finding("AWS-OPENSEARCH-007", d, ["cluster_config", "dedicated_master_enabled"], {"name": d.domain_name}) if {
	some d in domains
	lib.production(d)
	lib.not_true(d.cluster_config, "dedicated_master_enabled")
}

# The log types a domain publishes (enabled and known).
published(d) := {o.log_type |
	some o in d.log_publishing_options
	o.enabled == true
	is_string(o.log_type)
}

# The publishing options are all known (no dynamic block, no unknown type or switch).
logs_known(d) if {
	every o in d.log_publishing_options {
		lib.known(o)
		lib.known(object.get(o, "log_type", ""))
		lib.known(object.get(o, "enabled", true))
	}
}

# AWS-OPENSEARCH-008: audit logs record who read or changed which index (needs fine-grained access control).
deny contains lib.finding("AWS-OPENSEARCH-008", d, ["log_publishing_options"], {"name": d.domain_name}) if {
	some d in domains
	d.advanced_security_options.enabled == true
	logs_known(d)
	not "AUDIT_LOGS" in published(d)
}

# AWS-OPENSEARCH-009: slow logs and error logs show failing and expensive requests.
deny contains lib.finding("AWS-OPENSEARCH-009", d, ["log_publishing_options"], {"name": d.domain_name, "missing": missing}) if {
	some d in domains
	logs_known(d)
	missing := [t | some t in ["ES_APPLICATION_LOGS", "SEARCH_SLOW_LOGS", "INDEX_SLOW_LOGS"]; not t in published(d)]
	count(missing) > 0
}

# AWS-OPENSEARCH-010: fine-grained access control adds users, roles and document-level security.
deny contains lib.finding("AWS-OPENSEARCH-010", d, ["advanced_security_options", "enabled"], {"name": d.domain_name}) if {
	some d in domains
	lib.not_true(d.advanced_security_options, "enabled")
}

# Oldest versions in standard support (Amazon OpenSearch Service: Elasticsearch 1.5–7.8 and
# OpenSearch 1.0–1.2 left standard support on 2025-11-07). Overridable with the
# `min_engine_versions` configuration values `elasticsearch` and `opensearch`.
min_version := {
	"Elasticsearch": object.get(lib.config_value("min_engine_versions", {}), "elasticsearch", [7, 9]),
	"OpenSearch": object.get(lib.config_value("min_engine_versions", {}), "opensearch", [1, 3]),
}

# AWS-OPENSEARCH-011: versions past standard support get no fixes and are billed for Extended Support.
deny contains lib.finding("AWS-OPENSEARCH-011", d, ["engine_version"], facts) if {
	some d in domains
	is_string(d.engine_version)
	parts := split(d.engine_version, "_")
	count(parts) == 2
	minimum := min_version[parts[0]]
	version.below(parts[1], minimum)
	facts := {"name": d.domain_name, "version": d.engine_version, "minimum": concat("_", [parts[0], label(minimum)])}
}

label(m) := concat(".", [format_int(m[0], 10), format_int(m[1], 10)])
