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
# Every EBS device: volumes, instance block devices and launch template mappings.
deny contains lib.finding("AWS-EBS-002", d.object, array.concat(d.prefix, [d.type]), {"name": d.name, "volume_type": "gp2"}) if {
	some d in devices
	d.device[d.type] == "gp2"
}

# Every EBS device with its model path prefix and the names of its type, size and IOPS fields:
# standalone volumes, instance block devices and launch template block device mappings.
devices contains {"object": v, "name": display_name(v), "prefix": [], "type": "type", "size": "size", "device": v} if {
	some v in object.get(object.get(input.aws, "ec2", {}), "volumes", [])
}

devices contains {"object": i, "name": display_name(i), "prefix": ["root_block_device"], "type": "volume_type", "size": "volume_size", "device": d} if {
	some i in object.get(object.get(input.aws, "ec2", {}), "instances", [])
	d := i.root_block_device
	is_object(d)
}

devices contains {"object": i, "name": display_name(i), "prefix": ["ebs_block_devices", n], "type": "volume_type", "size": "volume_size", "device": d} if {
	some i in object.get(object.get(input.aws, "ec2", {}), "instances", [])
	some n, d in object.get(i, "ebs_block_devices", [])
	is_object(d)
}

devices contains {"object": lt, "name": object.get(lt, "name", lt.id), "prefix": ["block_device_mappings", n, "ebs"], "type": "volume_type", "size": "volume_size", "device": m.ebs} if {
	some lt in object.get(object.get(input.aws, "ec2", {}), "launch_templates", [])
	some n, m in object.get(lt, "block_device_mappings", [])
	is_object(m.ebs)
}

# AWS-EBS-003: io2 costs the same per GiB and IOPS as io1 with 100x the durability.
deny contains lib.finding("AWS-EBS-003", d.object, array.concat(d.prefix, [d.type]), {"name": d.name}) if {
	some d in devices
	d.device[d.type] == "io1"
}

# AWS-EBS-004: provisioned IOPS far above what the volume's size calls for (more than 50 per GiB,
# and for gp3 only above the free 3,000 baseline).
deny contains lib.finding("AWS-EBS-004", d.object, array.concat(d.prefix, ["iops"]), facts) if {
	some d in devices
	t := d.device[d.type]
	t in {"io1", "io2", "gp3"}
	iops := d.device.iops
	size := d.device[d.size]
	is_number(iops)
	is_number(size)
	size > 0
	iops > 50 * size
	baseline_exceeded(t, iops)
	facts := {"name": d.name, "volume_type": t, "iops": iops, "size": size}
}

baseline_exceeded(t, _) if t in {"io1", "io2"}

baseline_exceeded("gp3", iops) if iops > 3000

# AWS-EBS-005: snapshots of unencrypted volumes are unencrypted, and can be shared or made public.
deny contains lib.finding("AWS-EBS-005", s, ["encrypted"], {"name": display_name(s)}) if {
	some s in object.get(object.get(input.aws, "ec2", {}), "snapshots", [])
	lib.not_true(s, "encrypted")
}
