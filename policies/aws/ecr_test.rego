package palisade.rules.aws.ecr_test

import data.palisade.rules.aws.ecr

unk := {"__unknown__": true}

repo(extra) := object.union(
	{
		"id": "r", "name": "shop/api", "image_tag_mutability": "IMMUTABLE",
		"image_scanning_configuration": {"scan_on_push": true},
		"encryption_configuration": {"encryption_type": "KMS"}, "lifecycle_policy": true,
	},
	extra,
)

findings(id, r) := [f | some f in ecr.deny with input as {"aws": {"ecr": {"repositories": [r]}}}; f.rule == id]

test_compliant_passes if {
	count(ecr.deny) == 0 with input as {"aws": {"ecr": {"repositories": [repo({})]}}}
}

test_scan_on_push_off_fires if {
	[f] := findings("AWS-ECR-001", repo({"image_scanning_configuration": {"scan_on_push": false}}))
	f.path == ["image_scanning_configuration", "scan_on_push"]
	f.facts.name == "shop/api"
	count(findings("AWS-ECR-001", repo({"image_scanning_configuration": {"scan_on_push": unk}}))) == 0
	count(findings("AWS-ECR-001", repo({"image_scanning_configuration": unk}))) == 0
}

test_mutable_tags_fire if {
	[f] := findings("AWS-ECR-002", repo({"image_tag_mutability": "MUTABLE"}))
	f.path == ["image_tag_mutability"]
	count(findings("AWS-ECR-002", repo({"image_tag_mutability": unk}))) == 0
}

test_aes256_fires if {
	[f] := findings("AWS-ECR-003", repo({"encryption_configuration": {"encryption_type": "AES256"}}))
	f.path == ["encryption_configuration", "encryption_type"]
	count(findings("AWS-ECR-003", repo({"encryption_configuration": {"encryption_type": unk}}))) == 0
	count(findings("AWS-ECR-003", repo({"encryption_configuration": unk}))) == 0
}

test_no_lifecycle_policy_fires if {
	[f] := findings("AWS-ECR-004", repo({"lifecycle_policy": false}))
	f.path == ["lifecycle_policy"]
	count(findings("AWS-ECR-004", repo({"lifecycle_policy": unk}))) == 0
}
