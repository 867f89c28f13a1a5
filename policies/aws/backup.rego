# AWS Backup plans and vaults.
package palisade.rules.aws.backup

import data.palisade.lib

plans := object.get(object.get(input.aws, "backup", {}), "plans", [])

vaults := object.get(object.get(input.aws, "backup", {}), "vaults", [])

# A tag value among configured values (case-insensitive).
tag_in(obj, key, values) if {
	v := lib.tags(obj)[key]
	is_string(v)
	lower(v) in {lower(x) | some x in values}
}

# Tagged business-critical (tag key and values are configurable).
critical(obj) if tag_in(obj, lib.config_value("criticality_tag", "criticality"), lib.config_value("critical_values", ["critical"]))

# AWS-BACKUP-001: recovery points are kept at least the configured number of days.
deny contains lib.finding("AWS-BACKUP-001", p, ["rules", i, "lifecycle", "delete_after"], facts) if {
	some p in plans
	some i, rule in p.rules
	minimum := lib.config_value("min_backup_retention_days", 7)
	lib.number_below(rule.lifecycle, "delete_after", minimum)
	facts := {"name": p.name, "rule": object.get(rule, "rule_name", i), "retention": rule.lifecycle.delete_after, "minimum": minimum}
}

# AWS-BACKUP-002: a vault lock makes recovery points immutable (no deletion, no shortened retention).
deny contains lib.finding("AWS-BACKUP-002", v, ["lock", "enabled"], {"name": v.name}) if {
	some v in vaults
	lock := object.get(v, "lock", {})
	lib.known(lock)
	lib.not_true(lock, "enabled")
}

# AWS-BACKUP-003: vaults encrypt recovery points with a customer managed KMS key.
deny contains lib.finding("AWS-BACKUP-003", v, ["kms_key_arn"], {"name": v.name}) if {
	some v in vaults
	aws_managed_key(v, "kms_key_arn")
}

# A key that is AWS managed (the default when none is given, or an alias/aws/... key).
aws_managed_key(obj, key) if not lib.has_key(obj, key)

aws_managed_key(obj, key) if obj[key] == null

aws_managed_key(obj, key) if {
	k := obj[key]
	is_string(k)
	contains(k, "alias/aws/")
}

# AWS-BACKUP-004: backups of critical data are copied to a vault in another region.
deny contains lib.finding("AWS-BACKUP-004", p, ["rules", i], {"name": p.name, "rule": object.get(rule, "rule_name", i)}) if {
	some p in plans
	critical(p)
	some i, rule in p.rules
	lib.known(rule)
	not copies_to_other_region(rule, object.get(p, "region", null))
}

copies_to_other_region(rule, _) if lib.unknown(rule.copy_actions)

copies_to_other_region(rule, region) if {
	some action in rule.copy_actions
	other_region(action, region)
}

other_region(action, _) if lib.unknown(action)

other_region(action, _) if lib.unknown(action.destination_vault_arn)

# A destination whose region cannot be compared counts as another region.
other_region(action, region) if {
	arn := action.destination_vault_arn
	is_string(arn)
	parts := split(arn, ":")
	not parts[3] == region
}

# AWS-BACKUP-005: a plan backs up only the resources a backup selection assigns to it.
deny contains lib.finding("AWS-BACKUP-005", p, ["selections"], {"name": p.name}) if {
	some p in plans
	selections := object.get(p, "selections", [])
	is_array(selections)
	count(selections) == 0
}
