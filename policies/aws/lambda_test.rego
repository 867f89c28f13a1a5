package palisade.rules.aws.lambda_test

import data.palisade.rules.aws.lambda

fn(extra) := object.union({"id": "f", "function_name": "resize", "runtime": "nodejs20.x", "reserved_concurrent_executions": 50}, extra)

findings(f) := [x | some x in lambda.deny with input as {"aws": {"lambda": {"functions": [f]}}}; x.rule == "AWS-LAMBDA-001"]

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
	count(findings(fn({"reserved_concurrent_executions": {"__unknown__": true}}))) == 0
}
