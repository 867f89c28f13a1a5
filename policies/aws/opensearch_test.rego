package palisade.rules.aws.opensearch_test

import data.palisade.rules.aws.opensearch

unknown := {"__unknown__": true}

all_logs := [
	{"log_type": "AUDIT_LOGS", "enabled": true},
	{"log_type": "ES_APPLICATION_LOGS", "enabled": true},
	{"log_type": "SEARCH_SLOW_LOGS", "enabled": true},
	{"log_type": "INDEX_SLOW_LOGS", "enabled": true},
]

good := {
	"id": "d", "domain_name": "search", "engine_version": "OpenSearch_2.17",
	"encrypt_at_rest": {"enabled": true}, "node_to_node_encryption": {"enabled": true},
	"domain_endpoint_options": {"enforce_https": true, "tls_security_policy": "Policy-Min-TLS-1-2-2019-07"},
	"vpc_options": {"subnet_ids": ["subnet-1", "subnet-2"]},
	"cluster_config": {"instance_count": 3, "zone_awareness_enabled": true, "availability_zone_count": 3, "dedicated_master_enabled": true},
	"advanced_security_options": {"enabled": true}, "log_publishing_options": all_logs,
	"tags": {"environment": "production"},
}

replace(extra) := object.union(object.remove(good, [k | some k, _ in extra]), extra)

findings(id, extra) := [f |
	some f in opensearch.deny with input as {"aws": {"opensearch": {"domains": [replace(extra)]}}}
	f.rule == id
]

open_policy := {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": ["es:*"], "Resource": ["*"]}]}

test_hardened_passes if {
	count(opensearch.deny) == 0 with input as {"aws": {"opensearch": {"domains": [good]}}}
	count(opensearch.deny) == 0 with input as {"aws": {}}
}

test_encryption_at_rest if {
	[f] := findings("AWS-OPENSEARCH-001", {"encrypt_at_rest": {"enabled": false}})
	f.path == ["encrypt_at_rest", "enabled"]
	f.facts == {"name": "search"}
	count(findings("AWS-OPENSEARCH-001", {"encrypt_at_rest": {"enabled": unknown}})) == 0
}

test_node_to_node if {
	[f] := findings("AWS-OPENSEARCH-002", {"node_to_node_encryption": {"enabled": false}})
	f.path == ["node_to_node_encryption", "enabled"]
	count(findings("AWS-OPENSEARCH-002", {"node_to_node_encryption": {"enabled": unknown}})) == 0
}

test_https if {
	[f] := findings("AWS-OPENSEARCH-003", {"domain_endpoint_options": {"enforce_https": false}})
	f.path == ["domain_endpoint_options", "enforce_https"]
	count(findings("AWS-OPENSEARCH-003", {"domain_endpoint_options": {"enforce_https": unknown}})) == 0
}

test_tls_policy if {
	[f] := findings("AWS-OPENSEARCH-004", {"domain_endpoint_options": {"enforce_https": true, "tls_security_policy": "Policy-Min-TLS-1-0-2019-07"}})
	f.path == ["domain_endpoint_options", "tls_security_policy"]
	f.facts.policy == "Policy-Min-TLS-1-0-2019-07"
	count(findings("AWS-OPENSEARCH-004", {"domain_endpoint_options": {"enforce_https": true, "tls_security_policy": unknown}})) == 0
	count(findings("AWS-OPENSEARCH-004", {"domain_endpoint_options": {"enforce_https": true}})) == 0
	count(findings("AWS-OPENSEARCH-004", {"domain_endpoint_options": {"enforce_https": true, "tls_security_policy": "Policy-Min-TLS-1-2-PFS-2023-10"}})) == 0
}

public := object.remove(good, ["vpc_options"])

public_findings(policy) := [f |
	some f in opensearch.deny with input as {"aws": {"opensearch": {"domains": [object.union(public, {"access_policies": policy})]}}}
	f.rule == "AWS-OPENSEARCH-005"
]

test_public_domain if {
	[f] := public_findings(open_policy)
	f.path == ["access_policies"]
	count(public_findings({"Statement": [{"Effect": "Allow", "Principal": "*", "Action": ["es:*"]}]})) == 1
	count(public_findings({"Statement": [{"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::1:root", "*"]}, "Action": ["es:*"]}]})) == 1
}

test_public_domain_passes if {
	count(public_findings({"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": ["es:*"], "Condition": {"IpAddress": {"aws:SourceIp": ["203.0.113.0/24"]}}}]})) == 0
	count(public_findings({"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::1:role/app"}, "Action": ["es:*"]}]})) == 0
	count(public_findings({"Statement": [{"Effect": "Deny", "Principal": "*", "Action": ["es:*"]}]})) == 0
	count(public_findings(unknown)) == 0
	count(findings("AWS-OPENSEARCH-005", {"access_policies": open_policy})) == 0
}

test_zone_awareness_for_production if {
	[f] := findings("AWS-OPENSEARCH-006", {"cluster_config": {"zone_awareness_enabled": false, "dedicated_master_enabled": true}})
	f.path == ["cluster_config", "zone_awareness_enabled"]
	count(findings("AWS-OPENSEARCH-006", {"cluster_config": {"zone_awareness_enabled": false, "dedicated_master_enabled": true}, "tags": {"environment": "dev"}})) == 0
	count(findings("AWS-OPENSEARCH-006", {"cluster_config": {"zone_awareness_enabled": unknown, "dedicated_master_enabled": true}})) == 0
}

test_dedicated_masters_for_production if {
	[f] := findings("AWS-OPENSEARCH-007", {"cluster_config": {"zone_awareness_enabled": true, "dedicated_master_enabled": false}})
	f.path == ["cluster_config", "dedicated_master_enabled"]
	count(findings("AWS-OPENSEARCH-007", {"cluster_config": {"zone_awareness_enabled": true, "dedicated_master_enabled": false}, "tags": unknown})) == 0
}

test_audit_logs if {
	[f] := findings("AWS-OPENSEARCH-008", {"log_publishing_options": array.slice(all_logs, 1, 4)})
	f.path == ["log_publishing_options"]
	count(findings("AWS-OPENSEARCH-008", {"log_publishing_options": array.concat([{"log_type": "AUDIT_LOGS", "enabled": false}], array.slice(all_logs, 1, 4))})) == 1
	count(findings("AWS-OPENSEARCH-008", {"log_publishing_options": array.concat([unknown], array.slice(all_logs, 1, 4))})) == 0
	count(findings("AWS-OPENSEARCH-008", {"log_publishing_options": [], "advanced_security_options": {"enabled": false}})) == 0
}

test_slow_and_error_logs if {
	[f] := findings("AWS-OPENSEARCH-009", {"log_publishing_options": array.slice(all_logs, 0, 2)})
	f.facts == {"name": "search", "missing": ["SEARCH_SLOW_LOGS", "INDEX_SLOW_LOGS"]}
	count(findings("AWS-OPENSEARCH-009", {"log_publishing_options": array.concat(array.slice(all_logs, 0, 3), [{"log_type": unknown, "enabled": true}])})) == 0
	count(findings("AWS-OPENSEARCH-009", {"log_publishing_options": array.concat(array.slice(all_logs, 0, 3), [{"log_type": "INDEX_SLOW_LOGS", "enabled": unknown}])})) == 0
}

test_fine_grained_access_control if {
	[f] := findings("AWS-OPENSEARCH-010", {"advanced_security_options": {"enabled": false}})
	f.path == ["advanced_security_options", "enabled"]
	count(findings("AWS-OPENSEARCH-010", {"advanced_security_options": {"enabled": unknown}})) == 0
}

test_engine_version if {
	[f] := findings("AWS-OPENSEARCH-011", {"engine_version": "Elasticsearch_6.8"})
	f.path == ["engine_version"]
	f.facts == {"name": "search", "version": "Elasticsearch_6.8", "minimum": "Elasticsearch_7.9"}
	count(findings("AWS-OPENSEARCH-011", {"engine_version": "Elasticsearch_7.10"})) == 0
	count(findings("AWS-OPENSEARCH-011", {"engine_version": "OpenSearch_1.2"})) == 1
	count(findings("AWS-OPENSEARCH-011", {"engine_version": "OpenSearch_1.3"})) == 0
	count(findings("AWS-OPENSEARCH-011", {"engine_version": unknown})) == 0
	count(findings("AWS-OPENSEARCH-011", {"engine_version": "Solr_1.0"})) == 0
}
