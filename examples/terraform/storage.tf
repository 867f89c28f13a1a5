# Storage for the shop: product images and order exports.
# Lines marked "expect:" are the problems Palisade reports here.

resource "aws_s3_bucket" "images" { # expect: AWS-S3-007, AWS-S3-010
  bucket = "shop-product-images"

  tags = {
    team                = "catalog"
    data-classification = "public"
  }
}

resource "aws_s3_bucket_versioning" "images" {
  bucket = aws_s3_bucket.images.id
  versioning_configuration {
    status = "Suspended" # expect: AWS-S3-001
  }
}

resource "aws_s3_bucket_public_access_block" "images" {
  bucket                  = aws_s3_bucket.images.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = false # expect: AWS-S3-002
}

resource "aws_s3_bucket_logging" "images" {
  bucket        = aws_s3_bucket.images.id
  target_bucket = aws_s3_bucket.access_logs.id
  target_prefix = "images/"
}

# Order exports hold customer names and addresses.
resource "aws_s3_bucket" "exports" { # expect: AWS-GOV-001, AWS-S3-001, AWS-S3-002, AWS-S3-003, AWS-S3-007, AWS-S3-010
  bucket = "shop-order-exports"
}

resource "aws_s3_bucket" "access_logs" { # expect: AWS-S3-010, AWS-S3-013
  # palisade:ignore AWS-S3-007 access logs are kept indefinitely for the audit trail
  bucket = "shop-access-logs"

  tags = {
    data-classification = "internal"
  }
}

resource "aws_s3_bucket_versioning" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_public_access_block" "access_logs" {
  bucket                  = aws_s3_bucket.access_logs.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_ebs_volume" "scratch" { # expect: AWS-DLM-003
  availability_zone = "eu-west-1a"
  size              = 200
  type              = "gp2" # expect: AWS-EBS-002
  encrypted         = false # expect: AWS-EBS-001
}
