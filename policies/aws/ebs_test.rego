package palisade.rules.aws.ebs_test

import data.palisade.rules.aws.ebs

volume(extra) := object.union({"id": "aws_ebs_volume.data", "type": "gp3", "size": 100, "encrypted": true, "tags": {"Name": "data"}}, extra)

volume_findings(id, v) := [f | some f in ebs.deny with input as {"aws": {"ec2": {"volumes": [v]}}}; f.rule == id]

instance_findings(i) := [f | some f in ebs.deny with input as {"aws": {"ec2": {"instances": [i]}}}; f.rule == "AWS-EBS-002"]

test_encrypted_gp3_passes if {
	count(ebs.deny) == 0 with input as {"aws": {"ec2": {"volumes": [volume({})]}}}
}

test_unencrypted_fires if {
	[f] := volume_findings("AWS-EBS-001", volume({"encrypted": false}))
	f.path == ["encrypted"]
	f.facts.name == "data"
}

test_encryption_absent_fires if {
	[f] := volume_findings("AWS-EBS-001", object.remove(volume({}), ["encrypted", "tags"]))
	f.facts.name == "aws_ebs_volume.data"
}

test_encryption_unknown_passes if {
	count(volume_findings("AWS-EBS-001", volume({"encrypted": {"__unknown__": true}}))) == 0
}

test_gp2_volume_fires if {
	[f] := volume_findings("AWS-EBS-002", volume({"type": "gp2"}))
	f.path == ["type"]
	f.facts.volume_type == "gp2"
}

test_volume_type_unknown_passes if {
	count(volume_findings("AWS-EBS-002", volume({"type": {"__unknown__": true}}))) == 0
}

test_gp2_root_device_fires if {
	[f] := instance_findings({"id": "i", "root_block_device": {"volume_type": "gp2"}, "tags": {}})
	f.path == ["root_block_device", "volume_type"]
	f.facts.name == "i"
}

test_gp2_ebs_block_device_fires if {
	[f] := instance_findings({"id": "i", "root_block_device": {"volume_type": "gp3"}, "ebs_block_devices": [{"device_name": "/dev/sdf", "volume_type": "gp2"}]})
	f.path == ["ebs_block_devices", 0, "volume_type"]
}

test_gp3_instance_passes if {
	count(instance_findings({"id": "i", "root_block_device": {"volume_type": "gp3"}, "ebs_block_devices": [{"volume_type": "io2"}]})) == 0
}

all_findings(id, ec2) := [f | some f in ebs.deny with input as {"aws": {"ec2": ec2}}; f.rule == id]

test_io1_volume_fires if {
	[f] := all_findings("AWS-EBS-003", {"volumes": [volume({"type": "io1", "iops": 3000, "size": 100})]})
	f.path == ["type"]
	f.facts.name == "data"
}

test_io1_instance_and_template_devices_fire if {
	i := {"id": "i", "root_block_device": {"volume_type": "io1"}, "ebs_block_devices": [{"volume_type": "gp3"}, {"volume_type": "io1"}]}
	l := {"id": "lt", "name": "web", "block_device_mappings": [{"ebs": {"volume_type": "io1"}}, {"virtual_name": "ephemeral0"}]}
	fs := all_findings("AWS-EBS-003", {"instances": [i], "launch_templates": [l]})
	{f.path | some f in fs} == {["root_block_device", "volume_type"], ["ebs_block_devices", 1, "volume_type"], ["block_device_mappings", 0, "ebs", "volume_type"]}
}

test_io2_and_unknown_pass if {
	count(all_findings("AWS-EBS-003", {"volumes": [volume({"type": "io2"}), volume({"type": {"__unknown__": true}})]})) == 0
}

test_iops_over_ratio_fires if {
	[f] := all_findings("AWS-EBS-004", {"volumes": [volume({"type": "io2", "iops": 16000, "size": 100})]})
	f.path == ["iops"]
	f.facts == {"name": "data", "volume_type": "io2", "iops": 16000, "size": 100}
}

test_iops_within_ratio_passes if {
	count(all_findings("AWS-EBS-004", {"volumes": [volume({"type": "io1", "iops": 5000, "size": 100})]})) == 0
}

test_gp3_iops_baseline if {
	# 3,000 IOPS are free on gp3 whatever the size
	count(all_findings("AWS-EBS-004", {"volumes": [volume({"type": "gp3", "iops": 3000, "size": 8})]})) == 0
	[f] := all_findings("AWS-EBS-004", {"instances": [{"id": "i", "root_block_device": {"volume_type": "gp3", "iops": 6000, "volume_size": 20}}]})
	f.path == ["root_block_device", "iops"]
	count(all_findings("AWS-EBS-004", {"volumes": [volume({"type": "gp3", "iops": 6000, "size": 200})]})) == 0
}

test_iops_other_types_and_unknown_pass if {
	count(all_findings("AWS-EBS-004", {"volumes": [volume({"type": "gp2", "iops": 6000, "size": 20})]})) == 0
	count(all_findings("AWS-EBS-004", {"volumes": [volume({"type": "io1", "iops": {"__unknown__": true}, "size": 20})]})) == 0
	count(all_findings("AWS-EBS-004", {"volumes": [volume({"type": "io1", "iops": 6000, "size": {"__unknown__": true}})]})) == 0
	count(all_findings("AWS-EBS-004", {"volumes": [volume({"type": "io1", "iops": 6000, "size": 0})]})) == 0
}

test_snapshot_unencrypted_fires if {
	[f] := all_findings("AWS-EBS-005", {"snapshots": [{"id": "s", "encrypted": false, "tags": {}}]})
	f.path == ["encrypted"]
	f.facts.name == "s"
}

test_snapshot_encrypted_or_unknown_passes if {
	count(all_findings("AWS-EBS-005", {"snapshots": [{"id": "s", "encrypted": true}, {"id": "t", "encrypted": {"__unknown__": true}}]})) == 0
}

test_gp2_in_launch_template_fires if {
	lt := {"id": "lt", "name": "app", "block_device_mappings": [{"device_name": "/dev/xvda", "ebs": {"volume_type": "gp2", "volume_size": 20}}]}
	fs := [f | some f in ebs.deny with input as {"aws": {"ec2": {"launch_templates": [lt]}}}; f.rule == "AWS-EBS-002"]
	[f] := fs
	f.path == ["block_device_mappings", 0, "ebs", "volume_type"]
}
