package palisade.rules.aws.accessanalyzer_test

import data.palisade.rules.aws.accessanalyzer

an(id, t) := {"id": id, "analyzer_name": id, "type": t, "tags": {}}

findings(list) := [f | some f in accessanalyzer.deny with input as {"aws": {"accessanalyzer": {"analyzers": list}}}]

test_unused_only_fires if {
	[f] := findings([an("unused", "ACCOUNT_UNUSED_ACCESS")])
	f.rule == "AWS-ANALYZER-001"
	f.path == ["type"]
	f.facts == {"name": "unused", "type": "ACCOUNT_UNUSED_ACCESS"}
}

test_external_declared_passes if {
	count(findings([an("unused", "ORGANIZATION_UNUSED_ACCESS"), an("ext", "ORGANIZATION")])) == 0
	count(findings([an("ext", "ACCOUNT")])) == 0
	count(findings([an("unused", "ACCOUNT_UNUSED_ACCESS"), an("x", {"__unknown__": true})])) == 0
	count([f | some f in accessanalyzer.deny with input as {"aws": {}}]) == 0
}
