package palisade.rules.aws.dynamodb_test

import data.palisade.rules.aws.dynamodb

unk := {"__unknown__": true}

table(extra) := object.union(
	{
		"id": "t", "name": "orders", "billing_mode": "PAY_PER_REQUEST", "deletion_protection_enabled": true,
		"point_in_time_recovery": {"enabled": true},
		"server_side_encryption": {"enabled": true, "kms_key_arn": "arn:aws:kms:eu-west-1:111122223333:key/k"},
		"autoscaling": {"read_capacity": false, "write_capacity": false},
		"replicas": [{"region_name": "eu-central-1"}],
		"tags": {"criticality": "critical", "data-classification": "personal"},
	},
	extra,
)

findings(id, t) := [f | some f in dynamodb.deny with input as {"aws": {"dynamodb": {"tables": [t]}}}; f.rule == id]

findings_cfg(id, t, cfg) := [f | some f in dynamodb.deny with input as {"aws": {"dynamodb": {"tables": [t]}}, "config": cfg}; f.rule == id]

test_compliant_table_passes if {
	count(dynamodb.deny) == 0 with input as {"aws": {"dynamodb": {"tables": [table({})]}}}
}

test_no_dynamodb_passes if {
	count(dynamodb.deny) == 0 with input as {"aws": {}}
}

test_pitr_disabled_fires if {
	[f] := findings("AWS-DYNAMODB-001", table({"point_in_time_recovery": {"enabled": false}}))
	f.path == ["point_in_time_recovery", "enabled"]
	f.facts.name == "orders"
}

test_pitr_unknown_passes if {
	count(findings("AWS-DYNAMODB-001", table({"point_in_time_recovery": {"enabled": unk}}))) == 0
	count(findings("AWS-DYNAMODB-001", table({"point_in_time_recovery": unk}))) == 0
}

test_sensitive_table_aws_owned_key_fires if {
	[f] := findings("AWS-DYNAMODB-002", table({"server_side_encryption": {"enabled": false}}))
	f.path == ["server_side_encryption", "kms_key_arn"]
	f.facts == {"name": "orders", "classification": "personal"}
}

test_sensitive_table_aws_managed_key_fires if {
	t := object.union(object.remove(table({}), ["server_side_encryption"]), {"server_side_encryption": {"enabled": true}})
	count(findings("AWS-DYNAMODB-002", t)) == 1
	count(findings("AWS-DYNAMODB-002", table({"server_side_encryption": {"kms_key_arn": "alias/aws/dynamodb"}}))) == 1
	count(findings("AWS-DYNAMODB-002", table({"server_side_encryption": {"kms_key_arn": null}}))) == 1
}

test_cmk_unknown_or_unclassified_passes if {
	count(findings("AWS-DYNAMODB-002", table({"server_side_encryption": {"kms_key_arn": unk}}))) == 0
	count(findings("AWS-DYNAMODB-002", table({"server_side_encryption": {"enabled": unk}}))) == 0
	count(findings("AWS-DYNAMODB-002", table({"server_side_encryption": unk}))) == 0
	count(findings("AWS-DYNAMODB-002", table({"server_side_encryption": {"enabled": false}, "tags": {"data-classification": "internal"}}))) == 0
}

test_classification_configurable if {
	t := table({"server_side_encryption": {"enabled": false}, "tags": {"data-classification": "restricted"}})
	count(findings("AWS-DYNAMODB-002", t)) == 0
	count(findings_cfg("AWS-DYNAMODB-002", t, {"sensitive_classifications": ["restricted"]})) == 1
}

test_provisioned_without_autoscaling_fires if {
	[f] := findings("AWS-DYNAMODB-003", table({"billing_mode": "PROVISIONED"}))
	f.path == ["billing_mode"]
	count(findings("AWS-DYNAMODB-003", table({"billing_mode": "PROVISIONED", "autoscaling": {"read_capacity": true}}))) == 1
}

test_provisioned_with_autoscaling_or_unknown_passes if {
	count(findings("AWS-DYNAMODB-003", table({"billing_mode": "PROVISIONED", "autoscaling": {"read_capacity": true, "write_capacity": true}}))) == 0
	count(findings("AWS-DYNAMODB-003", table({"billing_mode": "PROVISIONED", "autoscaling": {"read_capacity": unk, "write_capacity": unk}}))) == 0
	count(findings("AWS-DYNAMODB-003", table({"billing_mode": unk}))) == 0
}

test_deletion_protection_fires if {
	[f] := findings("AWS-DYNAMODB-004", table({"deletion_protection_enabled": false}))
	f.path == ["deletion_protection_enabled"]
	count(findings("AWS-DYNAMODB-004", table({"deletion_protection_enabled": unk}))) == 0
}

test_critical_without_replica_fires if {
	[f] := findings("AWS-DYNAMODB-005", table({"replicas": []}))
	f.path == ["replicas"]
}

test_replicas_unknown_or_not_critical_passes if {
	count(findings("AWS-DYNAMODB-005", table({"replicas": unk}))) == 0
	count(findings("AWS-DYNAMODB-005", table({"replicas": [], "tags": {"criticality": "medium"}}))) == 0
	count(findings("AWS-DYNAMODB-005", table({"replicas": [], "tags": unk}))) == 0
}
