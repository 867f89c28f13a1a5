# EBS volumes, standalone and attached to instances.
package palisade.rules.aws.ebs

import data.palisade.lib

# Volumes and instances have no name field: their Name tag, else their id.
display_name(o) := n if {
	n := lib.tags(o).Name
	is_string(n)
} else := o.id

# AWS-EBS-001: an unencrypted volume exposes its data, and its snapshots', to anyone who can read the storage.
deny contains lib.finding("AWS-EBS-001", v, ["encrypted"], {"name": display_name(v)}) if {
	some v in input.aws.ec2.volumes
	lib.not_true(v, "encrypted")
}

# AWS-EBS-002: gp3 gives the same baseline for about 20% less, with IOPS decoupled from size.
deny contains lib.finding("AWS-EBS-002", v, ["type"], {"name": display_name(v), "volume_type": "gp2"}) if {
	some v in input.aws.ec2.volumes
	v.type == "gp2"
}

deny contains lib.finding("AWS-EBS-002", i, ["root_block_device", "volume_type"], {"name": display_name(i), "volume_type": "gp2"}) if {
	some i in input.aws.ec2.instances
	i.root_block_device.volume_type == "gp2"
}

deny contains lib.finding("AWS-EBS-002", i, ["ebs_block_devices", n, "volume_type"], {"name": display_name(i), "volume_type": "gp2"}) if {
	some i in input.aws.ec2.instances
	some n, d in object.get(i, "ebs_block_devices", [])
	d.volume_type == "gp2"
}
