package palisade.rules.aws.ecs_test

import data.palisade.rules.aws.ecs

u := {"__unknown__": true}

good_container := {"name": "app", "image": "app:1.4.2", "readonlyRootFilesystem": true, "logConfiguration": {"logDriver": "awslogs"}, "environment": [{"name": "LOG_LEVEL"}]}

td(containers, extra) := object.union({"id": "td", "family": "api", "network_mode": "awsvpc", "container_definitions": containers}, extra)

svc(extra) := object.union({"id": "s", "name": "api", "desired_count": 3, "scheduling_strategy": "REPLICA", "launch_type": "FARGATE", "platform_version": "LATEST"}, extra)

findings(id, t) := [f | some f in ecs.deny with input as {"aws": {"ecs": {"task_definitions": [t]}}}; f.rule == id]

svc_findings(id, s) := [f | some f in ecs.deny with input as {"aws": {"ecs": {"services": [s]}}}; f.rule == id]

test_compliant_passes if {
	count(ecs.deny) == 0 with input as {"aws": {"ecs": {"task_definitions": [td([good_container], {})], "services": [svc({})]}}}
}

test_unknown_definitions_pass if {
	count(ecs.deny) == 0 with input as {"aws": {"ecs": {"task_definitions": [td(u, {}), td([u], {})]}}}
}

test_privileged_fires if {
	[f] := findings("AWS-ECS-001", td([good_container, object.union(good_container, {"name": "agent", "privileged": true})], {}))
	f.path == ["container_definitions", 1, "privileged"]
	f.facts == {"family": "api", "container": "agent"}
}

test_privileged_false_or_unknown_passes if {
	count(findings("AWS-ECS-001", td([object.union(good_container, {"privileged": false}), object.union(good_container, {"privileged": u})], {}))) == 0
}

test_writable_root_fires if {
	[f] := findings("AWS-ECS-002", td([object.remove(good_container, ["readonlyRootFilesystem", "name"])], {}))
	f.path == ["container_definitions", 0, "readonlyRootFilesystem"]
	f.facts.container == "(unnamed)"
	count(findings("AWS-ECS-002", td([object.union(good_container, {"readonlyRootFilesystem": u})], {}))) == 0
}

test_no_log_configuration_fires if {
	[f] := findings("AWS-ECS-003", td([object.remove(good_container, ["logConfiguration"])], {}))
	f.path == ["container_definitions", 0, "logConfiguration"]
	count(findings("AWS-ECS-003", td([object.union(good_container, {"logConfiguration": u})], {}))) == 0
}

test_host_network_fires if {
	[f] := findings("AWS-ECS-004", td([good_container], {"network_mode": "host"}))
	f.path == ["network_mode"]
	f.facts.family == "api"
	count(findings("AWS-ECS-004", td([good_container], {"network_mode": u}))) == 0
	count(findings("AWS-ECS-004", object.remove(td([good_container], {"network_mode": "host"}), ["family"]))) == 1
}

test_secret_env_fires if {
	c := object.union(good_container, {"environment": [{"name": "LOG_LEVEL"}, {"name": "DB_PASSWORD"}, {"name": "AWS_SECRET_ACCESS_KEY"}]})
	fs := findings("AWS-ECS-005", td([c], {}))
	{f.path | some f in fs} == {["container_definitions", 0, "environment", 1], ["container_definitions", 0, "environment", 2]}
	{f.facts.variable | some f in fs} == {"DB_PASSWORD", "AWS_SECRET_ACCESS_KEY"}
}

test_secret_env_passes if {
	count(findings("AWS-ECS-005", td([object.union(good_container, {"environment": [{"name": u}, u, {"name": "DB_SECRET_ARN"}]})], {}))) == 0
	count(findings("AWS-ECS-005", td([object.union(good_container, {"environment": u})], {}))) == 0
}

test_single_task_service_fires if {
	[f] := svc_findings("AWS-ECS-006", svc({"desired_count": 1}))
	f.path == ["desired_count"]
	f.facts == {"name": "api", "desired_count": 1}
}

test_service_count_passes if {
	count(svc_findings("AWS-ECS-006", svc({"desired_count": 0}))) == 0
	count(svc_findings("AWS-ECS-006", svc({"desired_count": u}))) == 0
	count(svc_findings("AWS-ECS-006", svc({"desired_count": 1, "scheduling_strategy": "DAEMON"}))) == 0
}

test_pinned_platform_version_fires if {
	[f] := svc_findings("AWS-ECS-007", svc({"platform_version": "1.3.0"}))
	f.path == ["platform_version"]
	f.facts.platform_version == "1.3.0"
}

test_platform_version_passes if {
	count(svc_findings("AWS-ECS-007", svc({"platform_version": u}))) == 0
	count(svc_findings("AWS-ECS-007", object.remove(svc({}), ["platform_version"]))) == 0
}
