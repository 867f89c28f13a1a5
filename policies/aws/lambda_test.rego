package palisade.rules.aws.lambda_test

import data.palisade.rules.aws.lambda

u := {"__unknown__": true}

fn(extra) := object.union({"id": "f", "function_name": "resize", "runtime": "nodejs22.x", "reserved_concurrent_executions": 50, "tracing_config": {"mode": "Active"}, "permissions": []}, extra)

findings(f) := [x | some x in lambda.deny with input as {"aws": {"lambda": {"functions": [f]}}}; x.rule == "AWS-LAMBDA-001"]

rule_findings(id, f) := [x | some x in lambda.deny with input as {"aws": {"lambda": {"functions": [f]}}}; x.rule == id]

test_compliant_function_passes if {
	count(lambda.deny) == 0 with input as {"aws": {"lambda": {"functions": [fn({})]}}}
}

test_reserved_passes if {
	count(findings(fn({}))) == 0
}

test_zero_reserved_passes if {
	count(findings(fn({"reserved_concurrent_executions": 0}))) == 0
}

test_unreserved_fires if {
	[f] := findings(fn({"reserved_concurrent_executions": -1}))
	f.path == ["reserved_concurrent_executions"]
	f.facts.name == "resize"
}

test_unknown_passes if {
	count(findings(fn({"reserved_concurrent_executions": u}))) == 0
}

# AWS-LAMBDA-002
test_async_without_failure_target_fires if {
	[f] := rule_findings("AWS-LAMBDA-002", fn({"event_invoke_config": {"maximum_retry_attempts": 2}}))
	f.path == ["dead_letter_config"]
	[g] := rule_findings("AWS-LAMBDA-002", fn({"permissions": [{"principal": "s3.amazonaws.com", "source_arn": "arn:aws:s3:::b"}]}))
	g.facts.name == "resize"
}

test_async_with_failure_target_passes if {
	count(rule_findings("AWS-LAMBDA-002", fn({"event_invoke_config": {"on_failure_destination": "arn:aws:sqs:eu-west-1:1:dlq"}}))) == 0
	count(rule_findings("AWS-LAMBDA-002", fn({"event_invoke_config": {}, "dead_letter_config": {"target_arn": u}}))) == 0
	count(rule_findings("AWS-LAMBDA-002", fn({"permissions": [{"principal": "sns.amazonaws.com"}], "dead_letter_config": {"target_arn": "arn:aws:sqs:eu-west-1:1:dlq"}}))) == 0
}

test_sync_or_unknown_passes if {
	count(rule_findings("AWS-LAMBDA-002", fn({"permissions": [{"principal": "apigateway.amazonaws.com"}]}))) == 0
	count(rule_findings("AWS-LAMBDA-002", fn({"event_invoke_config": u}))) == 0
	count(rule_findings("AWS-LAMBDA-002", fn({"event_invoke_config": {}, "dead_letter_config": u}))) == 0
}

# AWS-LAMBDA-003
test_tracing_passthrough_fires if {
	[f] := rule_findings("AWS-LAMBDA-003", fn({"tracing_config": {"mode": "PassThrough"}}))
	f.path == ["tracing_config", "mode"]
	f.facts.mode == "PassThrough"
}

test_tracing_unknown_or_absent_passes if {
	count(rule_findings("AWS-LAMBDA-003", fn({"tracing_config": {"mode": u}}))) == 0
	count(rule_findings("AWS-LAMBDA-003", object.remove(fn({}), ["tracing_config"]))) == 0
}

# AWS-LAMBDA-004
test_deprecated_runtime_fires if {
	[f] := rule_findings("AWS-LAMBDA-004", fn({"runtime": "python3.8"}))
	f.path == ["runtime"]
	f.facts == {"name": "resize", "runtime": "python3.8", "deprecated": "2024-10-14"}
	count(rule_findings("AWS-LAMBDA-004", fn({"runtime": "go1.x"}))) == 1
}

test_supported_or_unknown_runtime_passes if {
	count(rule_findings("AWS-LAMBDA-004", fn({"runtime": "python3.13"}))) == 0
	count(rule_findings("AWS-LAMBDA-004", fn({"runtime": u}))) == 0
	count(rule_findings("AWS-LAMBDA-004", object.remove(fn({}), ["runtime"]))) == 0
}

test_scheduled_deprecation_follows_as_of_date if {
	f := fn({"runtime": "nodejs22.x"})
	count([x | some x in lambda.deny with input as {"aws": {"lambda": {"functions": [f]}}, "config": {"as_of_date": "2027-04-29"}}; x.rule == "AWS-LAMBDA-004"]) == 0
	[x] := [x | some x in lambda.deny with input as {"aws": {"lambda": {"functions": [f]}}, "config": {"as_of_date": "2027-04-30"}}; x.rule == "AWS-LAMBDA-004"]
	x.facts.deprecated == "2027-04-30"
	# a malformed date falls back to the table's review date
	count([x | some x in lambda.deny with input as {"aws": {"lambda": {"functions": [f]}}, "config": {"as_of_date": 20270430}}; x.rule == "AWS-LAMBDA-004"]) == 0
}

# AWS-LAMBDA-005
test_secret_env_without_cmk_fires if {
	[f] := rule_findings("AWS-LAMBDA-005", fn({"environment": {"variable_names": ["DB_PASSWORD", "LOG_LEVEL", "STRIPE_API_KEY"]}}))
	f.path == ["environment", "variable_names"]
	f.facts.variables == ["DB_PASSWORD", "STRIPE_API_KEY"]
}

test_secret_env_passes if {
	count(rule_findings("AWS-LAMBDA-005", fn({"environment": {"variable_names": ["DB_PASSWORD"]}, "kms_key_arn": "arn:aws:kms:eu-west-1:1:key/k"}))) == 0
	count(rule_findings("AWS-LAMBDA-005", fn({"environment": {"variable_names": ["DB_PASSWORD"]}, "kms_key_arn": u}))) == 0
	count(rule_findings("AWS-LAMBDA-005", fn({"environment": {"variable_names": ["LOG_LEVEL", "SECRET_ARN", "DB_SECRET_NAME", 3]}}))) == 0
	count(rule_findings("AWS-LAMBDA-005", fn({"environment": {"variable_names": u}}))) == 0
	count(rule_findings("AWS-LAMBDA-005", fn({"environment": u}))) == 0
}

# AWS-LAMBDA-006
test_function_url_without_auth_fires if {
	[f] := rule_findings("AWS-LAMBDA-006", fn({"function_url": {"authorization_type": "NONE"}}))
	f.path == ["function_url", "authorization_type"]
}

test_function_url_iam_or_unknown_passes if {
	count(rule_findings("AWS-LAMBDA-006", fn({"function_url": {"authorization_type": "AWS_IAM"}}))) == 0
	count(rule_findings("AWS-LAMBDA-006", fn({"function_url": {"authorization_type": u}}))) == 0
}

# AWS-LAMBDA-007
test_public_permission_fires if {
	[f] := rule_findings("AWS-LAMBDA-007", fn({"permissions": [{"principal": "apigateway.amazonaws.com", "source_arn": "arn"}, {"statement_id": "AllowAll", "principal": "*", "action": "lambda:InvokeFunction"}]}))
	f.path == ["permissions", 1, "principal"]
	f.facts == {"name": "resize", "statement": "AllowAll"}
	[g] := rule_findings("AWS-LAMBDA-007", fn({"permissions": [{"principal": "*", "function_url_auth_type": "NONE"}]}))
	g.facts.statement == "(no statement id)"
}

test_scoped_permission_passes if {
	count(rule_findings("AWS-LAMBDA-007", fn({"permissions": [{"principal": "*", "source_arn": "arn:aws:execute-api:eu-west-1:1:api/*"}]}))) == 0
	count(rule_findings("AWS-LAMBDA-007", fn({"permissions": [{"principal": "*", "source_account": u}]}))) == 0
	count(rule_findings("AWS-LAMBDA-007", fn({"permissions": [{"principal": "*", "principal_org_id": "o-abc"}]}))) == 0
	count(rule_findings("AWS-LAMBDA-007", fn({"permissions": [{"principal": "*", "function_url_auth_type": "AWS_IAM"}]}))) == 0
	count(rule_findings("AWS-LAMBDA-007", fn({"permissions": [{"principal": u}]}))) == 0
}

# AWS-LAMBDA-008
layer_findings(layers, standalone) := [x |
	some x in lambda.deny with input as {"aws": {"lambda": {"layer_versions": layers, "layer_version_permissions": standalone}}}
	x.rule == "AWS-LAMBDA-008"
]

layer(perms) := {"id": "l", "layer_name": "deps", "compatible_runtimes": [], "permissions": perms}

test_layer_shared_with_everyone_fires if {
	[f] := layer_findings([layer([{"principal": "111122223333"}, {"principal": "*", "action": "lambda:GetLayerVersion"}])], [])
	f.path == ["permissions", 1, "principal"]
	f.facts.name == "deps"
	[g] := layer_findings([], [{"id": "p", "layer_name": "arn:aws:lambda:eu-west-1:1:layer:shared", "principal": "*"}])
	g.path == ["principal"]
	g.object == "p"
}

test_layer_shared_with_account_or_organization_passes if {
	count(layer_findings([layer([{"principal": "111122223333"}, {"principal": "*", "organization_id": "o-a1b2c3d4e5"}])], [])) == 0
	count(layer_findings([layer([])], [{"id": "p", "principal": "*", "organization_id": "o-a1b2c3d4e5"}])) == 0
}

test_layer_unknown_passes if {
	count(layer_findings([layer([{"principal": u}, {"principal": "*", "organization_id": u}])], [{"id": "p", "principal": u}])) == 0
	count(layer_findings([layer(u)], [])) == 0
}

# AWS-LAMBDA-009, AWS-LAMBDA-010
esm(extra) := object.union(
	{
		"id": "m",
		"function_name": "worker",
		"event_source_kind": "kinesis",
		"enabled": true,
		"maximum_retry_attempts": 3,
		"maximum_record_age_in_seconds": 3600,
		"bisect_batch_on_function_error": true,
		"on_failure_destination": "arn:aws:sqs:eu-west-1:1:failed",
		"filter_criteria_set": false,
		"tags": {},
	},
	extra,
)

esm_findings(id, m) := [x | some x in lambda.deny with input as {"aws": {"lambda": {"event_source_mappings": [m]}}}; x.rule == id]

test_configured_stream_mapping_passes if {
	count(lambda.deny) == 0 with input as {"aws": {"lambda": {"event_source_mappings": [esm({})]}}}
}

test_stream_without_destination_fires if {
	m := json.remove(esm({}), ["on_failure_destination"])
	[f] := esm_findings("AWS-LAMBDA-009", m)
	f.path == ["on_failure_destination"]
	f.facts == {"name": "worker", "source": "kinesis"}
	count(esm_findings("AWS-LAMBDA-009", object.union(m, {"event_source_kind": "dynamodb"}))) == 1
	count(esm_findings("AWS-LAMBDA-009", object.union(m, {"event_source_kind": "kafka"}))) == 1
}

test_queue_or_unknown_without_destination_passes if {
	m := json.remove(esm({}), ["on_failure_destination"])
	count(esm_findings("AWS-LAMBDA-009", object.union(m, {"event_source_kind": "sqs"}))) == 0
	count(esm_findings("AWS-LAMBDA-009", object.union(m, {"event_source_kind": u}))) == 0
	count(esm_findings("AWS-LAMBDA-009", esm({"on_failure_destination": u}))) == 0
}

test_unlimited_retries_fire if {
	[f] := esm_findings("AWS-LAMBDA-010", esm({"maximum_retry_attempts": -1, "maximum_record_age_in_seconds": -1}))
	f.path == ["maximum_retry_attempts"]
	f.facts == {"name": "worker", "source": "kinesis"}
	# absent is the API's default; bisecting does not unblock the shard
	m := json.remove(esm({"bisect_batch_on_function_error": true}), ["maximum_retry_attempts", "maximum_record_age_in_seconds"])
	count(esm_findings("AWS-LAMBDA-010", m)) == 1
	# Kafka without a destination
	count(esm_findings("AWS-LAMBDA-010", json.remove(object.union(m, {"event_source_kind": "kafka"}), ["on_failure_destination"]))) == 1
}

test_limited_retries_pass if {
	count(esm_findings("AWS-LAMBDA-010", esm({"maximum_retry_attempts": 3, "maximum_record_age_in_seconds": -1}))) == 0
	count(esm_findings("AWS-LAMBDA-010", esm({"maximum_retry_attempts": -1, "maximum_record_age_in_seconds": 3600}))) == 0
	# Kafka caps unlimited retries at 10 when a destination is set
	count(esm_findings("AWS-LAMBDA-010", esm({"event_source_kind": "kafka", "maximum_retry_attempts": -1, "maximum_record_age_in_seconds": -1}))) == 0
	count(esm_findings("AWS-LAMBDA-010", esm({"event_source_kind": "sqs", "maximum_retry_attempts": -1, "maximum_record_age_in_seconds": -1}))) == 0
}

test_unknown_retries_pass if {
	count(esm_findings("AWS-LAMBDA-010", esm({"maximum_retry_attempts": u, "maximum_record_age_in_seconds": -1}))) == 0
	count(esm_findings("AWS-LAMBDA-010", esm({"maximum_retry_attempts": -1, "maximum_record_age_in_seconds": u}))) == 0
	count(esm_findings("AWS-LAMBDA-010", esm({"event_source_kind": u, "maximum_retry_attempts": -1, "maximum_record_age_in_seconds": -1}))) == 0
}
