package palisade.rules.aws.redshift_test

import data.palisade.rules.aws.redshift

unknown := {"__unknown__": true}

good := {
	"id": "r", "cluster_identifier": "analytics", "node_type": "ra3.xlplus", "number_of_nodes": 2,
	"publicly_accessible": false, "encrypted": true, "kms_key_id": "arn:aws:kms:eu-west-1:111122223333:key/1",
	"enhanced_vpc_routing": true, "automated_snapshot_retention_period": 7, "allow_version_upgrade": true,
	"logging": {"enable": true, "log_destination_type": "cloudwatch"},
	"parameter_group": {"name": "analytics", "default": false, "parameters": {"require_ssl": "true"}}, "tags": {},
}

replace(extra) := object.union(object.remove(good, [k | some k, _ in extra]), extra)

findings(id, extra) := [f |
	some f in redshift.deny with input as {"aws": {"redshift": {"clusters": [replace(extra)]}}}
	f.rule == id
]

test_hardened_passes if {
	count(redshift.deny) == 0 with input as {"aws": {"redshift": {"clusters": [good]}}}
	count(redshift.deny) == 0 with input as {"aws": {}}
}

test_public if {
	[f] := findings("AWS-REDSHIFT-001", {"publicly_accessible": true})
	f.path == ["publicly_accessible"]
	f.facts == {"name": "analytics"}
	count(findings("AWS-REDSHIFT-001", {"publicly_accessible": unknown})) == 0
}

test_encryption if {
	[f] := findings("AWS-REDSHIFT-002", {"encrypted": false})
	f.path == ["encrypted"]
	count(findings("AWS-REDSHIFT-002", {"encrypted": unknown})) == 0
	count(findings("AWS-REDSHIFT-003", {"encrypted": false})) == 0
}

test_customer_managed_key if {
	fs := [f |
		some f in redshift.deny with input as {"aws": {"redshift": {"clusters": [object.remove(good, ["kms_key_id"])]}}}
		f.rule == "AWS-REDSHIFT-003"
	]
	[f] := fs
	f.path == ["kms_key_id"]
	count(findings("AWS-REDSHIFT-003", {"kms_key_id": unknown})) == 0
}

test_logging if {
	[f] := findings("AWS-REDSHIFT-004", {"logging": {"enable": false}})
	f.path == ["logging", "enable"]
	count(findings("AWS-REDSHIFT-004", {"logging": {"enable": unknown}})) == 0
}

test_snapshot_retention if {
	[f] := findings("AWS-REDSHIFT-005", {"automated_snapshot_retention_period": 1})
	f.facts == {"name": "analytics", "retention": 1, "minimum": 7}
	f.path == ["automated_snapshot_retention_period"]
	count(findings("AWS-REDSHIFT-005", {"automated_snapshot_retention_period": unknown})) == 0
}

test_enhanced_vpc_routing if {
	[f] := findings("AWS-REDSHIFT-006", {"enhanced_vpc_routing": false})
	f.path == ["enhanced_vpc_routing"]
	count(findings("AWS-REDSHIFT-006", {"enhanced_vpc_routing": unknown})) == 0
}

test_require_ssl if {
	[f] := findings("AWS-REDSHIFT-007", {"parameter_group": {"name": "analytics", "default": false, "parameters": {"require_ssl": "false"}}})
	f.path == ["cluster_parameter_group_name"]
	f.facts == {"name": "analytics", "group": "analytics"}
	[g] := findings("AWS-REDSHIFT-007", {"parameter_group": {"name": null, "default": true, "parameters": {}}})
	g.facts.group == "default.redshift-1.0"
	count(findings("AWS-REDSHIFT-007", {"parameter_group": unknown})) == 0
	count(findings("AWS-REDSHIFT-007", {"parameter_group": {"name": "x", "default": false, "parameters": unknown}})) == 0
}

test_previous_generation if {
	[f] := findings("AWS-REDSHIFT-008", {"node_type": "ds2.xlarge"})
	f.facts == {"name": "analytics", "node_type": "ds2.xlarge"}
	f.path == ["node_type"]
	count(findings("AWS-REDSHIFT-008", {"node_type": "dc2.large"})) == 0
	count(findings("AWS-REDSHIFT-008", {"node_type": unknown})) == 0
}

test_version_upgrade if {
	[f] := findings("AWS-REDSHIFT-009", {"allow_version_upgrade": false})
	f.path == ["allow_version_upgrade"]
	count(findings("AWS-REDSHIFT-009", {"allow_version_upgrade": unknown})) == 0
}
