# Deployment permissions and the audit trail.

resource "aws_iam_policy" "deployer" {
  name   = "shop-deployer"
  # expect-next: AWS-IAM-001
  policy = <<-POLICY
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Sid": "Everything",
          "Effect": "Allow",
          "Action": "*",
          "Resource": "*"
        }
      ]
    }
  POLICY
}

resource "aws_iam_policy" "reader" {
  name   = "shop-reader"
  policy = <<-POLICY
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": ["s3:GetObject", "s3:ListBucket"],
          "Resource": ["arn:aws:s3:::shop-product-images", "arn:aws:s3:::shop-product-images/*"]
        }
      ]
    }
  POLICY
}

resource "aws_cloudtrail" "audit" { # expect: AWS-CT-002, AWS-CT-003
  name                       = "shop-audit"
  s3_bucket_name             = "shop-audit-trail"
  is_multi_region_trail      = false # expect: AWS-CT-001
  enable_log_file_validation = true
}
