# AWS Config recorders.
package palisade.rules.aws.config

import data.palisade.lib

recorders := object.get(object.get(input.aws, "config", {}), "recorders", [])

# AWS-CONFIG-001: the recorder records every supported resource type (CIS 3.3).
deny contains lib.finding("AWS-CONFIG-001", r, ["recording_group", "all_supported"], {"name": r.name}) if {
	some r in recorders
	r.recording_group.all_supported == false
}

# Some recorder of the configuration records global resources (IAM): one region is enough.
global_recorded if {
	some r in recorders
	r.recording_group.include_global_resource_types == true
}

global_unknown if {
	some r in recorders
	lib.unknown(object.get(r, "recording_group", {}))
}

global_unknown if {
	some r in recorders
	lib.unknown(object.get(object.get(r, "recording_group", {}), "include_global_resource_types", false))
}

# AWS-CONFIG-002: global resource types (IAM users, roles, policies) are recorded by some recorder.
deny contains lib.finding("AWS-CONFIG-002", r, ["recording_group", "include_global_resource_types"], {"name": r.name}) if {
	some r in recorders
	r.recording_group.include_global_resource_types == false
	not global_recorded
	not global_unknown
}

# AWS-CONFIG-003: the recorder is started (aws_config_configuration_recorder_status).
deny contains lib.finding("AWS-CONFIG-003", r, ["is_enabled"], {"name": r.name}) if {
	some r in recorders
	r.is_enabled == false
}
