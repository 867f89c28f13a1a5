package palisade.rules.aws.cost_test

import data.palisade.rules.aws.cost

model := {
	"s3": {"buckets": [{"id": "b", "name": "exports", "tags": {"team": "data", "cost-center": "cc-12", "Name": "exports"}}]},
	"ec2": {
		"instances": [{"id": "i", "tags": {"team": "web"}}],
		"volumes": [{"id": "v", "tags": {"__unknown__": true}}],
		"security_groups": [{"id": "sg"}],
	},
	"lambda": {"functions": [{"id": "f", "tags": {"team": "", "cost-center": "cc-1"}}]},
	"broken": "not an object",
	"odd": {"x": "not a list"},
}

findings(cfg) := [f | some f in cost.deny with input as {"aws": model, "config": cfg}]

test_off_without_configuration if {
	count(findings({})) == 0
	count(findings({"required_tags": []})) == 0
	count(findings({"required_tags": "team"})) == 0
}

test_missing_tags_fire if {
	fs := findings({"required_tags": ["team", "cost-center"]})
	{[f.object, f.facts.missing] | some f in fs} == {["i", ["cost-center"]], ["f", ["team"]]}
	some f in fs
	f.rule == "AWS-COST-001"
	f.path == ["tags"]
}

test_unknown_tag_values_count_as_present if {
	count(cost.deny) == 0 with input as {"aws": {"ec2": {"instances": [{"id": "i", "tags": {"team": {"__unknown__": true}}}]}}, "config": {"required_tags": ["team"]}}
}
