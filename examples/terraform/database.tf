# The orders database.

resource "aws_db_instance" "orders" { # expect: AWS-RDS-008, AWS-RDS-009, AWS-RDS-010, AWS-RDS-013, AWS-RDS-014
  identifier                 = "shop-orders"
  engine                     = "postgres"
  engine_version             = "16.4"
  instance_class             = "db.m4.large" # expect: AWS-EC2-002
  allocated_storage          = 100
  storage_encrypted          = false # expect: AWS-RDS-004
  multi_az                   = false # expect: AWS-RDS-001
  backup_retention_period    = 3 # expect: AWS-RDS-002
  publicly_accessible        = true # expect: AWS-RDS-003
  auto_minor_version_upgrade = false # expect: AWS-RDS-005
  deletion_protection        = true
  username                   = "shop"
  manage_master_user_password = true

  tags = {
    data-classification = "confidential"
  }
}

# The reporting replica is configured the way the orders database should be.
resource "aws_db_instance" "reporting" {
  identifier                          = "shop-reporting"
  engine                              = "postgres"
  engine_version                      = "16.4"
  instance_class                      = "db.r6g.large"
  allocated_storage                   = 100
  storage_type                        = "gp3"
  storage_encrypted                   = true
  multi_az                            = true
  backup_retention_period             = 14
  deletion_protection                 = true
  copy_tags_to_snapshot               = true
  iam_database_authentication_enabled = true
  enabled_cloudwatch_logs_exports     = ["postgresql", "upgrade"]
  monitoring_interval                 = 60
  monitoring_role_arn                 = "arn:aws:iam::123456789012:role/rds-monitoring"
  username                            = "reporting"
  manage_master_user_password         = true

  tags = {
    data-classification = "confidential"
  }
}
