# ECR repositories.
package palisade.rules.aws.ecr

import data.palisade.lib

repositories := object.get(object.get(input.aws, "ecr", {}), "repositories", [])

# AWS-ECR-001: images are scanned for vulnerabilities when pushed.
deny contains lib.finding("AWS-ECR-001", r, ["image_scanning_configuration", "scan_on_push"], {"name": r.name}) if {
	some r in repositories
	cfg := object.get(r, "image_scanning_configuration", {})
	lib.known(cfg)
	lib.not_true(cfg, "scan_on_push")
}

# AWS-ECR-002: image tags are immutable, so a tag always names the image that was reviewed.
deny contains lib.finding("AWS-ECR-002", r, ["image_tag_mutability"], {"name": r.name}) if {
	some r in repositories
	r.image_tag_mutability == "MUTABLE"
}

# AWS-ECR-003: images are encrypted with a KMS key.
deny contains lib.finding("AWS-ECR-003", r, ["encryption_configuration", "encryption_type"], {"name": r.name}) if {
	some r in repositories
	r.encryption_configuration.encryption_type == "AES256"
}

# AWS-ECR-004: a lifecycle policy expires old and untagged images.
deny contains lib.finding("AWS-ECR-004", r, ["lifecycle_policy"], {"name": r.name}) if {
	some r in repositories
	r.lifecycle_policy == false
}
