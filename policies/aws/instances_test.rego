package palisade.rules.aws.instances_test

import data.palisade.rules.aws.instances

u := {"__unknown__": true}

inst(extra) := object.union(
	{
		"id": "i",
		"tags": {"Name": "web"},
		"monitoring": true,
		"iam_instance_profile": "web",
		"metadata_options": {"http_endpoint": "enabled", "http_tokens": "required", "http_put_response_hop_limit": 1},
		"root_block_device": {"encrypted": true, "volume_type": "gp3"},
		"ebs_block_devices": [{"device_name": "/dev/sdf", "encrypted": true}],
		"user_data": "#!/bin/bash\nyum install -y nginx\n",
	},
	extra,
)

lt(extra) := object.union(
	{
		"id": "lt",
		"name": "web",
		"iam_instance_profile": {"name": "web"},
		"metadata_options": {"http_endpoint": "enabled", "http_tokens": "required", "http_put_response_hop_limit": 1},
		"block_device_mappings": [{"device_name": "/dev/xvda", "ebs": {"encrypted": true}}],
	},
	extra,
)

findings(id, i) := [f | some f in instances.deny with input as {"aws": {"ec2": {"instances": [i]}}}; f.rule == id]

lt_findings(id, l) := [f | some f in instances.deny with input as {"aws": {"ec2": {"launch_templates": [l]}}}; f.rule == id]

test_compliant_instance_and_template_pass if {
	count(instances.deny) == 0 with input as {"aws": {"ec2": {"instances": [inst({})], "launch_templates": [lt({})]}}}
}

test_no_ec2_passes if {
	count(instances.deny) == 0 with input as {"aws": {}}
}

test_monitoring_off_fires if {
	[f] := findings("AWS-INSTANCE-001", inst({"monitoring": false}))
	f.path == ["monitoring"]
	f.facts.name == "web"
}

test_monitoring_absent_fires_with_id if {
	[f] := findings("AWS-INSTANCE-001", object.remove(inst({}), ["monitoring", "tags"]))
	f.facts.name == "i"
}

test_monitoring_unknown_passes if {
	count(findings("AWS-INSTANCE-001", inst({"monitoring": u}))) == 0
}

test_root_unencrypted_fires if {
	[f] := findings("AWS-INSTANCE-002", inst({"root_block_device": {"encrypted": false}}))
	f.path == ["root_block_device", "encrypted"]
	f.facts.device == "the root volume"
}

test_ebs_device_unencrypted_fires if {
	[f] := findings("AWS-INSTANCE-002", inst({"ebs_block_devices": [{"device_name": "/dev/sdf", "encrypted": true}, {"device_name": "/dev/sdg"}]}))
	f.path == ["ebs_block_devices", 1, "encrypted"]
	f.facts.device == "EBS volume /dev/sdg"
}

test_ebs_device_without_name if {
	[f] := findings("AWS-INSTANCE-002", inst({"ebs_block_devices": [{"encrypted": false}]}))
	f.facts.device == "EBS volume (no device name)"
}

test_no_root_block_passes if {
	count(findings("AWS-INSTANCE-002", object.remove(inst({}), ["root_block_device"]))) == 0
}

test_encryption_unknown_passes if {
	count(findings("AWS-INSTANCE-002", inst({"root_block_device": {"encrypted": u}, "ebs_block_devices": [{"encrypted": u}, u]}))) == 0
}

test_hop_limit_fires_for_instance_and_template if {
	[f] := findings("AWS-INSTANCE-003", inst({"metadata_options": {"http_endpoint": "enabled", "http_tokens": "required", "http_put_response_hop_limit": 3}}))
	f.path == ["metadata_options", "http_put_response_hop_limit"]
	f.facts == {"kind": "EC2 instance", "name": "web", "hop_limit": 3}
	[g] := lt_findings("AWS-INSTANCE-003", lt({"metadata_options": {"http_tokens": "required", "http_put_response_hop_limit": 2}}))
	g.facts.kind == "Launch template"
}

test_hop_limit_passes_disabled_or_unknown if {
	count(findings("AWS-INSTANCE-003", inst({"metadata_options": {"http_endpoint": "disabled", "http_put_response_hop_limit": 3}}))) == 0
	count(findings("AWS-INSTANCE-003", inst({"metadata_options": {"http_endpoint": "enabled", "http_put_response_hop_limit": u}}))) == 0
	count(findings("AWS-INSTANCE-003", inst({"metadata_options": u}))) == 0
}

test_user_data_access_key_fires_without_value if {
	[f] := findings("AWS-INSTANCE-004", inst({"user_data": "export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n"}))
	f.path == ["user_data"]
	f.facts == {"kind": "EC2 instance", "name": "web", "what": "an AWS access key id"}
}

test_user_data_secret_key_fires if {
	[f] := findings("AWS-INSTANCE-004", inst({"user_data": "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"}))
	f.facts.what == "an AWS secret access key"
}

test_user_data_password_fires if {
	[f] := lt_findings("AWS-INSTANCE-004", lt({"user_data": "DB_PASSWORD=hunter2hunter2\n"}))
	f.facts.what == "a password or secret assignment"
	not contains(json.marshal(f), "hunter2")
}

test_user_data_references_pass if {
	count(findings("AWS-INSTANCE-004", inst({"user_data": "TOKEN=`curl -X PUT http://169.254.169.254/latest/api/token`\nDB_PASSWORD=$(aws ssm get-parameter --name db)\npassword: ${db_password}\nX-aws-ec2-metadata-token-ttl-seconds: 21600\n"}))) == 0
	count(findings("AWS-INSTANCE-004", inst({"user_data": u}))) == 0
	count(findings("AWS-INSTANCE-004", object.remove(inst({}), ["user_data"]))) == 0
}

test_no_instance_profile_fires if {
	[f] := findings("AWS-INSTANCE-005", object.remove(inst({}), ["iam_instance_profile"]))
	f.path == ["iam_instance_profile"]
	[g] := lt_findings("AWS-INSTANCE-005", object.remove(lt({}), ["iam_instance_profile"]))
	g.facts.name == "web"
}

test_instance_profile_unknown_passes if {
	count(findings("AWS-INSTANCE-005", inst({"iam_instance_profile": u}))) == 0
}

test_template_imdsv1_fires if {
	[f] := lt_findings("AWS-INSTANCE-006", lt({"metadata_options": {"http_endpoint": "enabled", "http_tokens": "optional"}}))
	f.path == ["metadata_options", "http_tokens"]
	f.facts == {"name": "web", "http_tokens": "optional"}
}

test_template_imds_default_fires if {
	[f] := lt_findings("AWS-INSTANCE-006", object.union(object.remove(lt({}), ["name", "metadata_options"]), {"metadata_options": {}}))
	f.facts == {"name": "lt", "http_tokens": "optional"}
}

test_template_imds_disabled_or_unknown_passes if {
	count(lt_findings("AWS-INSTANCE-006", lt({"metadata_options": {"http_endpoint": "disabled", "http_tokens": "optional"}}))) == 0
	count(lt_findings("AWS-INSTANCE-006", lt({"metadata_options": {"http_tokens": u}}))) == 0
	count(lt_findings("AWS-INSTANCE-006", lt({"metadata_options": u}))) == 0
}

test_template_block_device_unencrypted_fires if {
	[f] := lt_findings("AWS-INSTANCE-007", lt({"block_device_mappings": [{"device_name": "/dev/xvda", "ebs": {"encrypted": false}}]}))
	f.path == ["block_device_mappings", 0, "ebs", "encrypted"]
	f.facts == {"name": "web", "device": "EBS volume /dev/xvda"}
}

test_template_block_device_passes if {
	count(lt_findings("AWS-INSTANCE-007", lt({"block_device_mappings": [{"device_name": "/dev/xvda", "ebs": {"encrypted": u}}, {"ebs": u}, {"device_name": "/dev/sdb", "virtual_name": "ephemeral0"}, u]}))) == 0
}
