# EFS file systems.
package palisade.rules.aws.efs

import data.palisade.lib

file_systems := object.get(object.get(input.aws, "efs", {}), "file_systems", [])

# AWS-EFS-001: data at rest on the file system is encrypted.
deny contains lib.finding("AWS-EFS-001", fs, ["encrypted"], {"name": lib.display_name(fs)}) if {
	some fs in file_systems
	lib.not_true(fs, "encrypted")
}

# AWS-EFS-002: automatic daily backups through AWS Backup.
deny contains lib.finding("AWS-EFS-002", fs, ["backup_policy", "status"], {"name": lib.display_name(fs)}) if {
	some fs in file_systems
	bp := object.get(fs, "backup_policy", {})
	lib.known(bp)
	status := object.get(bp, "status", "DISABLED")
	is_string(status)
	status != "ENABLED"
}

# AWS-EFS-003: a lifecycle policy moves files nobody reads to the cheaper Infrequent Access class.
tiers(lp) if lib.unknown(lp)

tiers(lp) if lib.has_key(lp, "transition_to_ia")

tiers(lp) if lib.has_key(lp, "transition_to_archive")

deny contains lib.finding("AWS-EFS-003", fs, ["lifecycle_policies"], {"name": lib.display_name(fs)}) if {
	some fs in file_systems
	policies := object.get(fs, "lifecycle_policies", [])
	is_array(policies)
	not any_tiers(policies)
}

any_tiers(policies) if {
	some lp in policies
	tiers(lp)
}
