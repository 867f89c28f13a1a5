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
