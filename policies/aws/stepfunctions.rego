# Step Functions state machines.
package palisade.rules.aws.stepfunctions

import data.palisade.lib

state_machines := object.get(object.get(input.aws, "stepfunctions", {}), "state_machines", [])

# AWS-SFN-001: executions are logged to CloudWatch Logs (any level but OFF).
deny contains lib.finding("AWS-SFN-001", m, ["logging_configuration", "level"], {"name": m.name}) if {
	some m in state_machines
	m.logging_configuration.level == "OFF"
}

# AWS-SFN-002: executions are traced with AWS X-Ray.
deny contains lib.finding("AWS-SFN-002", m, ["tracing_configuration", "enabled"], {"name": m.name}) if {
	some m in state_machines
	cfg := object.get(m, "tracing_configuration", {})
	lib.known(cfg)
	lib.not_true(cfg, "enabled")
}

# AWS-SFN-003: the definition and execution history are encrypted with a customer managed KMS key.
deny contains lib.finding("AWS-SFN-003", m, ["encryption_configuration", "type"], {"name": m.name}) if {
	some m in state_machines
	m.encryption_configuration.type == "AWS_OWNED_KEY"
}
