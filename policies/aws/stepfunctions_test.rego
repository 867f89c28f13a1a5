package palisade.rules.aws.stepfunctions_test

import data.palisade.rules.aws.stepfunctions

unk := {"__unknown__": true}

# A state machine with `extra`'s fields replacing (not merged into) the compliant ones.
machine(extra) := object.union(object.remove(compliant, {k | some k, _ in extra}), extra)

compliant := {
	"id": "m",
	"name": "orders",
	"type": "STANDARD",
	"logging_configuration": {"level": "ERROR", "include_execution_data": false, "log_destination": "arn:aws:logs:eu-west-1:111122223333:log-group:orders:*"},
	"tracing_configuration": {"enabled": true},
	"encryption_configuration": {"type": "CUSTOMER_MANAGED_KMS_KEY", "kms_key_id": "arn:aws:kms:eu-west-1:111122223333:key/1"},
	"tags": {},
}

findings(id, machines) := [f | some f in stepfunctions.deny with input as {"aws": {"stepfunctions": {"state_machines": machines}}}; f.rule == id]

test_compliant_passes if {
	count(stepfunctions.deny) == 0 with input as {"aws": {"stepfunctions": {"state_machines": [machine({})]}}}
}

test_no_state_machines_passes if {
	count(stepfunctions.deny) == 0 with input as {"aws": {}}
}

test_logging_off_fires if {
	[f] := findings("AWS-SFN-001", [machine({"logging_configuration": {"level": "OFF", "include_execution_data": false}})])
	f.path == ["logging_configuration", "level"]
	f.facts == {"name": "orders"}
}

test_logging_any_level_or_unknown_passes if {
	count(findings("AWS-SFN-001", [machine({"logging_configuration": {"level": "FATAL"}})])) == 0
	count(findings("AWS-SFN-001", [machine({"logging_configuration": {"level": "ALL"}})])) == 0
	count(findings("AWS-SFN-001", [machine({"logging_configuration": {"level": unk}})])) == 0
	count(findings("AWS-SFN-001", [machine({"logging_configuration": unk})])) == 0
}

test_tracing_disabled_fires if {
	[f] := findings("AWS-SFN-002", [machine({"tracing_configuration": {"enabled": false}})])
	f.path == ["tracing_configuration", "enabled"]
	f.facts.name == "orders"
	count(findings("AWS-SFN-002", [machine({"tracing_configuration": {}})])) == 1
}

test_tracing_unknown_passes if {
	count(findings("AWS-SFN-002", [machine({"tracing_configuration": {"enabled": unk}})])) == 0
	count(findings("AWS-SFN-002", [machine({"tracing_configuration": unk})])) == 0
}

test_aws_owned_key_fires if {
	[f] := findings("AWS-SFN-003", [machine({"encryption_configuration": {"type": "AWS_OWNED_KEY"}})])
	f.path == ["encryption_configuration", "type"]
	f.facts.name == "orders"
}

test_encryption_unknown_passes if {
	count(findings("AWS-SFN-003", [machine({"encryption_configuration": {"type": unk}})])) == 0
	count(findings("AWS-SFN-003", [machine({"encryption_configuration": unk})])) == 0
}
