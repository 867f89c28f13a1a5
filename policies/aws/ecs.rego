# ECS task definitions and services.
package palisade.rules.aws.ecs

import data.palisade.lib

task_definitions := object.get(object.get(input.aws, "ecs", {}), "task_definitions", [])

services := object.get(object.get(input.aws, "ecs", {}), "services", [])

# Every container definition of a task definition, with its index and name.
containers contains {"task": td, "index": i, "container": c, "name": object.get(c, "name", "(unnamed)")} if {
	some td in task_definitions
	defs := td.container_definitions
	is_array(defs)
	some i, c in defs
	is_object(c)
	lib.known(c)
}

facts(ct) := {"family": object.get(ct.task, "family", ct.task.id), "container": ct.name}

# AWS-ECS-001: a privileged container has root on the container instance.
deny contains lib.finding("AWS-ECS-001", ct.task, ["container_definitions", ct.index, "privileged"], facts(ct)) if {
	some ct in containers
	ct.container.privileged == true
}

# AWS-ECS-002: a read-only root filesystem stops an intruder from altering the image's files.
deny contains lib.finding("AWS-ECS-002", ct.task, ["container_definitions", ct.index, "readonlyRootFilesystem"], facts(ct)) if {
	some ct in containers
	lib.not_true(ct.container, "readonlyRootFilesystem")
}

# AWS-ECS-003: without a log configuration container output is lost with the task.
deny contains lib.finding("AWS-ECS-003", ct.task, ["container_definitions", ct.index, "logConfiguration"], facts(ct)) if {
	some ct in containers
	object.get(ct.container, "logConfiguration", null) == null
}

# AWS-ECS-004: host network mode shares the instance's network stack with every container.
deny contains lib.finding("AWS-ECS-004", td, ["network_mode"], {"family": object.get(td, "family", td.id)}) if {
	some td in task_definitions
	td.network_mode == "host"
}

# AWS-ECS-005: credentials in plain environment variables (names only: values never enter the model).
secret_name_pattern := `(?i)(secret|passw|pwd|token|api_?key|private_?key|credential|access_?key)`

# Names that point at a secret rather than hold one (SECRET_ARN, DB_SECRET_NAME) are not secrets.
reference_name_pattern := `(?i)_(arn|id|name|path|url|uri|table|ttl)$`

deny contains lib.finding("AWS-ECS-005", ct.task, ["container_definitions", ct.index, "environment", j], object.union(facts(ct), {"variable": name})) if {
	some ct in containers
	env := object.get(ct.container, "environment", [])
	is_array(env)
	some j, e in env
	name := e.name
	is_string(name)
	regex.match(secret_name_pattern, name)
	not regex.match(reference_name_pattern, name)
}

# AWS-ECS-006: a replica service with a single task is down whenever that task is replaced.
# A desired count of 0 (a stopped service, or one Application Auto Scaling sizes) is not reported.
deny contains lib.finding("AWS-ECS-006", s, ["desired_count"], {"name": object.get(s, "name", s.id), "desired_count": s.desired_count}) if {
	some s in services
	object.get(s, "scheduling_strategy", "REPLICA") == "REPLICA"
	is_number(s.desired_count)
	s.desired_count == 1
}

# AWS-ECS-007: Fargate tasks pinned to a platform version miss its security updates.
deny contains lib.finding("AWS-ECS-007", s, ["platform_version"], {"name": object.get(s, "name", s.id), "platform_version": v}) if {
	some s in services
	v := s.platform_version
	is_string(v)
	v != "LATEST"
}
