# Application servers and background functions.

resource "aws_launch_template" "app" { # expect: AWS-INSTANCE-005, AWS-INSTANCE-006
  name_prefix   = "shop-app-"
  image_id      = "ami-0123456789abcdef0"
  instance_type = "m6i.large"
}

resource "aws_autoscaling_group" "app" { # expect: AWS-ASG-002
  name                = "shop-app"
  min_size            = 1 # expect: AWS-ASG-001
  max_size            = 6
  vpc_zone_identifier = ["subnet-0a", "subnet-0b", "subnet-0c"]

  launch_template {
    id      = aws_launch_template.app.id
    version = "$Latest"
  }
}

resource "aws_instance" "bastion" { # expect: AWS-EC2-003, AWS-INSTANCE-001, AWS-INSTANCE-005
  ami           = "ami-0123456789abcdef0"
  instance_type = "t2.micro" # expect: AWS-EC2-002

  root_block_device {
    volume_type = "gp3"
    encrypted   = true
  }
}

resource "aws_lambda_function" "thumbnails" { # expect: AWS-LAMBDA-001, AWS-LAMBDA-003
  function_name = "shop-thumbnails"
  role          = "arn:aws:iam::123456789012:role/shop-thumbnails"
  runtime       = "python3.12"
  handler       = "main.handler"
  filename      = "thumbnails.zip"
}

resource "aws_lambda_function" "exports" { # expect: AWS-LAMBDA-003
  function_name                  = "shop-exports"
  role                           = "arn:aws:iam::123456789012:role/shop-exports"
  runtime                        = "python3.12"
  handler                        = "main.handler"
  filename                       = "exports.zip"
  reserved_concurrent_executions = 5
}
