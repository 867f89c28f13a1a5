# Lambda functions.
package palisade.rules.aws.lambda

import data.palisade.lib

functions := object.get(object.get(input.aws, "lambda", {}), "functions", [])

# AWS-LAMBDA-001: without reserved concurrency a function can take the whole account's pool.
deny contains lib.finding("AWS-LAMBDA-001", fn, ["reserved_concurrent_executions"], {"name": fn.function_name}) if {
	some fn in functions
	fn.reserved_concurrent_executions == -1
}

# Services that invoke functions asynchronously (events are queued, retried, then dropped).
async_principals := {
	"s3.amazonaws.com",
	"sns.amazonaws.com",
	"events.amazonaws.com",
	"scheduler.amazonaws.com",
	"ses.amazonaws.com",
	"iot.amazonaws.com",
	"logs.amazonaws.com",
	"cloudformation.amazonaws.com",
	"codecommit.amazonaws.com",
	"config.amazonaws.com",
}

# A function known to be invoked asynchronously: it has an event invoke configuration, or a
# permission lets an asynchronous event source invoke it.
invoked_async(fn) if is_object(fn.event_invoke_config)

invoked_async(fn) if {
	some p in object.get(fn, "permissions", [])
	p.principal in async_principals
}

# Where failed events go: a dead-letter queue or an on-failure destination (an unknown value counts as set).
failure_target(fn) if object.get(object.get(fn, "dead_letter_config", {}), "target_arn", null) != null

failure_target(fn) if object.get(object.get(fn, "event_invoke_config", {}), "on_failure_destination", null) != null

# AWS-LAMBDA-002: asynchronous events that fail every retry are dropped without a trace.
deny contains lib.finding("AWS-LAMBDA-002", fn, ["dead_letter_config"], {"name": fn.function_name}) if {
	some fn in functions
	lib.known(object.get(fn, "dead_letter_config", {}))
	lib.known(object.get(fn, "event_invoke_config", {}))
	invoked_async(fn)
	not failure_target(fn)
}

# AWS-LAMBDA-003: X-Ray active tracing.
deny contains lib.finding("AWS-LAMBDA-003", fn, ["tracing_config", "mode"], {"name": fn.function_name, "mode": mode}) if {
	some fn in functions
	mode := fn.tracing_config.mode
	is_string(mode)
	mode != "Active"
}

# AWS-LAMBDA-004: runtimes whose deprecation date (AWS Lambda runtimes page) has passed on the
# scan's `as_of_date` (the engine sets it to today; ISO dates compare as strings). Scheduled
# dates are listed ahead of time; revise the table when AWS publishes or moves a date.
deprecated_runtimes := {
	"nodejs": "2016-10-31",
	"nodejs4.3": "2020-03-05",
	"nodejs4.3-edge": "2020-03-05",
	"nodejs6.10": "2019-08-12",
	"nodejs8.10": "2020-03-06",
	"nodejs10.x": "2021-07-30",
	"nodejs12.x": "2023-03-31",
	"nodejs14.x": "2023-12-04",
	"nodejs16.x": "2024-06-12",
	"nodejs18.x": "2025-09-01",
	"nodejs20.x": "2026-04-30",
	"nodejs22.x": "2027-04-30",
	"python2.7": "2021-07-15",
	"python3.6": "2022-07-18",
	"python3.7": "2023-12-04",
	"python3.8": "2024-10-14",
	"python3.9": "2025-12-15",
	"python3.10": "2026-06-30",
	"python3.11": "2026-06-30",
	"python3.12": "2028-10-31",
	"ruby2.5": "2021-07-30",
	"ruby2.7": "2023-12-07",
	"ruby3.2": "2026-03-31",
	"ruby3.3": "2027-03-31",
	"java8": "2024-01-08",
	"java8.al2": "2026-06-30",
	"java11": "2026-06-30",
	"java17": "2026-06-30",
	"go1.x": "2024-01-08",
	"provided": "2024-01-08",
	"provided.al2": "2026-06-30",
	"dotnetcore1.0": "2019-07-27",
	"dotnetcore2.0": "2019-05-30",
	"dotnetcore2.1": "2022-01-05",
	"dotnetcore3.1": "2023-04-03",
	"dotnet5.0": "2022-05-10",
	"dotnet6": "2024-11-12",
	"dotnet7": "2024-05-14",
	"dotnet8": "2026-11-10",
}

# Without `as_of_date` (unit tests, other hosts): the date this table was last reviewed.
as_of_date := d if {
	d := lib.config_value("as_of_date", "2026-11-24")
	is_string(d)
} else := "2026-11-24"

deny contains lib.finding("AWS-LAMBDA-004", fn, ["runtime"], {"name": fn.function_name, "runtime": fn.runtime, "deprecated": date}) if {
	some fn in functions
	date := deprecated_runtimes[fn.runtime]
	date <= as_of_date
}

# AWS-LAMBDA-005: environment variables whose names say they hold secrets are encrypted with a customer managed key.
secret_name_pattern := `(?i)(secret|passw|pwd|token|api_?key|private_?key|credential)`

# Names that point at a secret rather than hold one (SECRET_ARN, DB_SECRET_NAME) are not secrets.
reference_name_pattern := `(?i)_(arn|id|name|path|url|uri|table|ttl)$`

secret_name(n) if {
	is_string(n)
	regex.match(secret_name_pattern, n)
	not regex.match(reference_name_pattern, n)
}

deny contains lib.finding("AWS-LAMBDA-005", fn, ["environment", "variable_names"], {"name": fn.function_name, "variables": names}) if {
	some fn in functions
	vars := fn.environment.variable_names
	lib.known_list(vars)
	names := [n | some n in vars; secret_name(n)]
	count(names) > 0
	object.get(fn, "kms_key_arn", null) == null
}

# AWS-LAMBDA-006: a function URL without IAM authorization lets anyone on the internet invoke the function.
deny contains lib.finding("AWS-LAMBDA-006", fn, ["function_url", "authorization_type"], {"name": fn.function_name}) if {
	some fn in functions
	fn.function_url.authorization_type == "NONE"
}

# AWS-LAMBDA-007: a resource policy statement that lets any principal invoke the function.
deny contains lib.finding("AWS-LAMBDA-007", fn, ["permissions", n, "principal"], {"name": fn.function_name, "statement": sid}) if {
	some fn in functions
	some n, p in object.get(fn, "permissions", [])
	p.principal == "*"
	object.get(p, "source_arn", null) == null
	object.get(p, "source_account", null) == null
	object.get(p, "principal_org_id", null) == null
	object.get(p, "function_url_auth_type", null) != "AWS_IAM"
	sid := object.get(p, "statement_id", "(no statement id)")
}

# Layer versions, the standalone permissions on layers not declared in the configuration, and
# event source mappings.
layer_versions := object.get(object.get(input.aws, "lambda", {}), "layer_versions", [])

layer_version_permissions := object.get(object.get(input.aws, "lambda", {}), "layer_version_permissions", [])

event_source_mappings := object.get(object.get(input.aws, "lambda", {}), "event_source_mappings", [])

# A layer permission for every AWS account: principal "*" without an organization (an unknown
# principal or organization is not one).
shared_with_everyone(p) if {
	p.principal == "*"
	object.get(p, "organization_id", null) == null
}

# AWS-LAMBDA-008: a layer version any AWS account can use.
deny contains lib.finding("AWS-LAMBDA-008", layer, ["permissions", n, "principal"], {"name": layer.layer_name}) if {
	some layer in layer_versions
	some n, p in object.get(layer, "permissions", [])
	shared_with_everyone(p)
}

deny contains lib.finding("AWS-LAMBDA-008", p, ["principal"], {"name": p.layer_name}) if {
	some p in layer_version_permissions
	shared_with_everyone(p)
}

# Sources read in order, shard by shard or partition by partition: a failing batch is retried
# until it succeeds or the mapping's error handling gives up on it.
stream_kinds := {"kinesis", "dynamodb", "kafka"}

# Where discarded records' details go (an unknown destination counts as set).
on_failure_destination(m) if object.get(m, "on_failure_destination", null) != null

# AWS-LAMBDA-009: records a stream mapping gives up on are discarded without a trace.
deny contains lib.finding("AWS-LAMBDA-009", m, ["on_failure_destination"], {"name": m.function_name, "source": m.event_source_kind}) if {
	some m in event_source_mappings
	m.event_source_kind in stream_kinds
	not on_failure_destination(m)
}

# -1 (the API's default, also when absent) retries or keeps a failing record until it expires.
unlimited(m, key) if object.get(m, key, -1) == -1

# Kafka: with an on-failure destination, Lambda caps unlimited retries at 10.
retries_capped(m) if {
	m.event_source_kind == "kafka"
	on_failure_destination(m)
}

# AWS-LAMBDA-010: a record that always fails is retried until it expires, blocking its shard.
# Bisecting a failing batch does not help: the record left alone in its batch is retried as long.
deny contains lib.finding("AWS-LAMBDA-010", m, ["maximum_retry_attempts"], {"name": m.function_name, "source": m.event_source_kind}) if {
	some m in event_source_mappings
	m.event_source_kind in stream_kinds
	unlimited(m, "maximum_retry_attempts")
	unlimited(m, "maximum_record_age_in_seconds")
	not retries_capped(m)
}
