package palisade.rules.aws.sns_test

import data.palisade.rules.aws.sns

findings(t) := [f | some f in sns.deny with input as {"aws": {"sns": {"topics": [t]}}}]

test_unencrypted_fires if {
	[f] := findings({"id": "t", "name": "alerts"})
	f.rule == "AWS-SNS-001"
	f.path == ["kms_master_key_id"]
	f.facts.name == "alerts"
	[g] := findings({"id": "t2"})
	g.facts.name == "t2"
}

test_encrypted_or_unknown_passes if {
	count(findings({"id": "t", "name": "alerts", "kms_master_key_id": "alias/aws/sns"})) == 0
	count(findings({"id": "t", "name": "alerts", "kms_master_key_id": {"__unknown__": true}})) == 0
}
