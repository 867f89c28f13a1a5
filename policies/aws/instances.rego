# EC2 instances and launch templates: monitoring, encryption, instance metadata, user data, roles.
package palisade.rules.aws.instances

import data.palisade.lib

instances := object.get(object.get(input.aws, "ec2", {}), "instances", [])

launch_templates := object.get(object.get(input.aws, "ec2", {}), "launch_templates", [])

# Instances and launch templates both say how an instance boots.
launch_specs contains {"object": i, "kind": "EC2 instance", "name": lib.display_name(i)} if some i in instances

launch_specs contains {"object": lt, "kind": "Launch template", "name": object.get(lt, "name", lt.id)} if some lt in launch_templates

# AWS-INSTANCE-001: basic monitoring samples every 5 minutes; detailed monitoring every minute.
deny contains lib.finding("AWS-INSTANCE-001", i, ["monitoring"], {"name": lib.display_name(i)}) if {
	some i in instances
	lib.not_true(i, "monitoring")
}

# AWS-INSTANCE-002: block devices declared on the instance are encrypted.
deny contains lib.finding("AWS-INSTANCE-002", i, ["root_block_device", "encrypted"], {"name": lib.display_name(i), "device": "the root volume"}) if {
	some i in instances
	rb := i.root_block_device
	is_object(rb)
	lib.known(rb)
	lib.not_true(rb, "encrypted")
}

deny contains lib.finding("AWS-INSTANCE-002", i, ["ebs_block_devices", n, "encrypted"], {"name": lib.display_name(i), "device": device}) if {
	some i in instances
	some n, d in object.get(i, "ebs_block_devices", [])
	is_object(d)
	lib.known(d)
	lib.not_true(d, "encrypted")
	device := concat(" ", ["EBS volume", device_name(d)])
}

device_name(d) := n if {
	n := d.device_name
	is_string(n)
} else := "(no device name)"

# AWS-INSTANCE-003: a hop limit above 1 lets IMDS responses reach containers and forwarded traffic on the host.
deny contains lib.finding("AWS-INSTANCE-003", s.object, ["metadata_options", "http_put_response_hop_limit"], facts) if {
	some s in launch_specs
	mo := s.object.metadata_options
	is_object(mo)
	object.get(mo, "http_endpoint", "enabled") == "enabled"
	limit := mo.http_put_response_hop_limit
	is_number(limit)
	limit > 1
	facts := {"kind": s.kind, "name": s.name, "hop_limit": limit}
}

# AWS-INSTANCE-004: user data that holds a credential. The value is matched, never reported.
secret_patterns := {
	"an AWS access key id": `(?:AKIA|ASIA)[0-9A-Z]{16}`,
	"an AWS secret access key": `(?i)aws_secret_access_key\s*[=:]\s*["']?[A-Za-z0-9/+]{40}`,
	# a literal value: not a variable, substitution or placeholder ($VAR, ${x}, `cmd`, $(cmd), <x>, {{x}})
	"a password or secret assignment": "(?i)\\b[a-z_]*(?:password|passwd|secret|api_?key|token)\\s*[=:]\\s*[\"']?[^\\s\"'$<{\u0060(][^\\s\"']{3,}",
}

deny contains lib.finding("AWS-INSTANCE-004", s.object, ["user_data"], {"kind": s.kind, "name": s.name, "what": what}) if {
	some s in launch_specs
	ud := s.object.user_data
	is_string(ud)
	what := first_secret_kind(ud)
}

# One finding per object: the first kind of secret found, in a fixed order.
first_secret_kind(ud) := kinds[0] if {
	kinds := [k | some k in ["an AWS access key id", "an AWS secret access key", "a password or secret assignment"]; regex.match(secret_patterns[k], ud)]
	count(kinds) > 0
}

# AWS-INSTANCE-005: without an instance profile, software on the instance needs long-lived keys.
deny contains lib.finding("AWS-INSTANCE-005", s.object, ["iam_instance_profile"], {"kind": s.kind, "name": s.name}) if {
	some s in launch_specs
	object.get(s.object, "iam_instance_profile", null) == null
}

# AWS-INSTANCE-006: launch templates require IMDSv2 session tokens.
deny contains lib.finding("AWS-INSTANCE-006", lt, ["metadata_options", "http_tokens"], {"name": object.get(lt, "name", lt.id), "http_tokens": tokens}) if {
	some lt in launch_templates
	mo := lt.metadata_options
	is_object(mo)
	object.get(mo, "http_endpoint", "enabled") == "enabled"
	tokens := object.get(mo, "http_tokens", "optional")
	is_string(tokens)
	tokens != "required"
}

# AWS-INSTANCE-007: block devices of launch templates are encrypted.
deny contains lib.finding("AWS-INSTANCE-007", lt, ["block_device_mappings", n, "ebs", "encrypted"], facts) if {
	some lt in launch_templates
	some n, m in object.get(lt, "block_device_mappings", [])
	ebs := m.ebs
	is_object(ebs)
	lib.known(ebs)
	lib.not_true(ebs, "encrypted")
	facts := {"name": object.get(lt, "name", lt.id), "device": concat(" ", ["EBS volume", device_name(m)])}
}
