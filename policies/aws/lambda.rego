# Lambda functions.
package palisade.rules.aws.lambda

import data.palisade.lib

# AWS-LAMBDA-001: without reserved concurrency a function can take the whole account's pool.
deny contains lib.finding("AWS-LAMBDA-001", fn, ["reserved_concurrent_executions"], {"name": fn.function_name}) if {
	some fn in input.aws.lambda.functions
	fn.reserved_concurrent_executions == -1
}
