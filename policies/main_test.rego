package palisade.main_test

import data.palisade.main

# The entrypoint gathers the findings of every rule package.
test_findings_gathers_every_package if {
	fs := main.findings with input as {
		"aws": {"s3": {"buckets": [{"id": "b", "name": "x", "versioning": {"enabled": false}}]}},
		"kubernetes": {"objects": [{"id": "p", "kind": "Pod", "metadata": {"name": "p"}, "spec": {"hostNetwork": true, "containers": []}}]},
	}
	rules := {f.rule | some f in fs}
	"AWS-S3-001" in rules
	"K8S-NET-001" in rules
}

test_findings_empty_input if {
	count(main.findings) == 0 with input as {"aws": {}, "kubernetes": {"objects": []}}
}
