# Network edge: the load balancer and the security groups.

resource "aws_security_group" "web" {
  name        = "shop-web"
  description = "HTTPS from the internet"
  vpc_id      = "vpc-0a1b2c3d"

  ingress {
    description = "HTTPS"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress { # expect: AWS-EC2-001
    description = "SSH for the on-call engineer"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "db" {
  name        = "shop-db"
  description = "Postgres from the web tier"
  vpc_id      = "vpc-0a1b2c3d"
}

resource "aws_security_group_rule" "db_from_anywhere" { # expect: AWS-EC2-001, AWS-EC2-007
  type              = "ingress"
  security_group_id = aws_security_group.db.id
  from_port         = 5432
  to_port           = 5432
  protocol          = "tcp"
  ipv6_cidr_blocks  = ["::/0"]
}

resource "aws_lb" "web" { # expect: AWS-ELB-001, AWS-ELB-005, AWS-ELB-006, AWS-ELB-007
  name               = "shop-web"
  load_balancer_type = "application"
  subnets            = ["subnet-0a", "subnet-0b", "subnet-0c"]
  security_groups    = [aws_security_group.web.id]
}
