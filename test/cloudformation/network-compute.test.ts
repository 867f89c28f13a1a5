/**
 * CloudFormation network, edge and compute adapters: equivalent Terraform and CloudFormation
 * give the same model objects, and secrets written in templates (environment variable values,
 * user data) never reach the model or the findings beyond what the Terraform adapter records.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/scan.js';
import { processUnit } from '../../src/engine/process-unit.js';
import { UNKNOWN, type ModelObject } from '../../src/model/model.js';
import { supportedCloudFormationTypes } from '../../src/adapt/cloudformation/index.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-cfn-net-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function write(rel: string, text: string): string {
  const abs = path.join(tmp, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, text);
  return rel;
}

function terraform(dir: string, hcl: string) {
  const rel = write(`${dir}/main.tf`, hcl);
  return processUnit({ kind: 'terraform', id: dir, files: [rel] }, tmp);
}

function cloudformation(dir: string, yaml: string) {
  const rel = write(`${dir}/template.yaml`, `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n${yaml}`);
  const r = processUnit({ kind: 'manifest', id: rel, files: [rel] }, tmp);
  expect(r.diagnostics).toEqual([]);
  return r;
}

const strip = ({ id: _id, ...rest }: ModelObject) => rest;

type Model = ReturnType<typeof terraform>['model'];
const pick = (m: Model, service: string, collection: string): ModelObject[] => (m.aws[service] as Record<string, ModelObject[]>)[collection];

describe('equivalent Terraform and CloudFormation give the same model', () => {
  it('EKS clusters and node groups', () => {
    const tf = terraform(
      'eks-tf',
      `resource "aws_eks_cluster" "main" {
  name     = "main"
  version  = "1.31"
  role_arn = "arn:aws:iam::111122223333:role/eks"
  enabled_cluster_log_types = ["api", "audit"]
  vpc_config {
    subnet_ids              = ["subnet-1", "subnet-2"]
    endpoint_private_access = true
    public_access_cidrs     = ["203.0.113.0/24"]
  }
  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = "arn:aws:kms:eu-west-1:111122223333:key/1"
    }
  }
  tags = { team = "platform" }
}

resource "aws_eks_node_group" "workers" {
  cluster_name    = "main"
  node_group_name = "workers"
  node_role_arn   = "arn:aws:iam::111122223333:role/nodes"
  subnet_ids      = ["subnet-1", "subnet-2"]
  scaling_config {
    min_size     = 2
    max_size     = 4
    desired_size = 2
  }
  remote_access {
    ec2_ssh_key = "ops"
  }
}
`,
    );
    const cf = cloudformation(
      'eks-cf',
      `  Main:
    Type: AWS::EKS::Cluster
    Properties:
      Name: main
      Version: "1.31"
      RoleArn: arn:aws:iam::111122223333:role/eks
      Logging: { ClusterLogging: { EnabledTypes: [{ Type: api }, { Type: audit }] } }
      ResourcesVpcConfig:
        SubnetIds: [subnet-1, subnet-2]
        EndpointPrivateAccess: true
        PublicAccessCidrs: [203.0.113.0/24]
      EncryptionConfig:
        - Resources: [secrets]
          Provider: { KeyArn: "arn:aws:kms:eu-west-1:111122223333:key/1" }
      Tags: [{ Key: team, Value: platform }]
  Workers:
    Type: AWS::EKS::Nodegroup
    Properties:
      ClusterName: main
      NodegroupName: workers
      NodeRole: arn:aws:iam::111122223333:role/nodes
      Subnets: [subnet-1, subnet-2]
      ScalingConfig: { MinSize: 2, MaxSize: 4, DesiredSize: 2 }
      RemoteAccess: { Ec2SshKey: ops }
`,
    );
    expect(strip(pick(cf.model, 'eks', 'clusters')[0])).toEqual(strip(pick(tf.model, 'eks', 'clusters')[0]));
    expect(strip(pick(cf.model, 'eks', 'node_groups')[0])).toEqual(strip(pick(tf.model, 'eks', 'node_groups')[0]));
  });

  it('application load balancers with their listeners', () => {
    const tf = terraform(
      'alb-tf',
      `resource "aws_lb" "web" {
  name                       = "web"
  subnets                    = ["subnet-1", "subnet-2"]
  enable_deletion_protection = true
  desync_mitigation_mode     = "strictest"
  access_logs {
    bucket  = "acme-lb-logs"
    enabled = true
  }
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80
  protocol          = "HTTP"
  default_action {
    type = "redirect"
    redirect {
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.web.arn
  port              = 443
  protocol          = "HTTPS"
  default_action {
    type             = "forward"
  }
}
`,
    );
    const cf = cloudformation(
      'alb-cf',
      `  Web:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Name: web
      Subnets: [subnet-1, subnet-2]
      LoadBalancerAttributes:
        - { Key: deletion_protection.enabled, Value: "true" }
        - { Key: routing.http.desync_mitigation_mode, Value: strictest }
        - { Key: access_logs.s3.enabled, Value: "true" }
        - { Key: access_logs.s3.bucket, Value: acme-lb-logs }
  Http:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Web
      Port: 80
      Protocol: HTTP
      DefaultActions:
        - Type: redirect
          RedirectConfig: { Protocol: HTTPS, StatusCode: HTTP_301 }
  Https:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Web
      Port: 443
      Protocol: HTTPS
      DefaultActions:
        - Type: forward
`,
    );
    const lb = strip(pick(cf.model, 'elb', 'load_balancers')[0]);
    expect(lb).toEqual(strip(pick(tf.model, 'elb', 'load_balancers')[0]));
    expect(lb.listeners).toEqual([
      { default_actions: [{ type: 'redirect', redirect: { protocol: 'HTTPS', port: '#{port}', status_code: 'HTTP_301' } }], port: 80, protocol: 'HTTP' },
      { default_actions: [{ type: 'forward' }], port: 443, protocol: 'HTTPS', ssl_policy: 'ELBSecurityPolicy-2016-08' },
    ]);
  });

  it('VPCs with flow logs, endpoints and NAT gateways, and subnets', () => {
    const tf = terraform(
      'vpc-tf',
      `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "public" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.0.0/24"
  availability_zone = "eu-west-1a"
  tags              = { tier = "public" }
}

resource "aws_flow_log" "main" {
  vpc_id          = aws_vpc.main.id
  traffic_type    = "REJECT"
  log_destination = "arn:aws:s3:::flow-logs"
  log_destination_type = "s3"
}

resource "aws_vpc_endpoint" "s3" {
  vpc_id       = aws_vpc.main.id
  service_name = "com.amazonaws.eu-west-1.s3"
}

resource "aws_nat_gateway" "a" {
  subnet_id = aws_subnet.public.id
}
`,
    );
    const cf = cloudformation(
      'vpc-cf',
      `  Main:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.0.0.0/16 }
  Public:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Main
      CidrBlock: 10.0.0.0/24
      AvailabilityZone: eu-west-1a
      Tags: [{ Key: tier, Value: public }]
  FlowLogs:
    Type: AWS::EC2::FlowLog
    Properties: { ResourceType: VPC, ResourceId: !Ref Main, TrafficType: REJECT, LogDestination: "arn:aws:s3:::flow-logs", LogDestinationType: s3 }
  S3:
    Type: AWS::EC2::VPCEndpoint
    Properties: { VpcId: !Ref Main, ServiceName: com.amazonaws.eu-west-1.s3 }
  NatA:
    Type: AWS::EC2::NatGateway
    Properties: { SubnetId: !Ref Public }
`,
    );
    const vpc = strip(pick(cf.model, 'ec2', 'vpcs')[0]);
    const tfVpc = strip(pick(tf.model, 'ec2', 'vpcs')[0]);
    // the NAT gateway names its subnet by address / logical id
    expect({ ...vpc, nat_gateways: [] }).toEqual({ ...tfVpc, nat_gateways: [] });
    expect(vpc.nat_gateways).toEqual([{ subnet: 'Public', connectivity_type: 'public', availability_zone: 'eu-west-1a' }]);
    expect(tfVpc.nat_gateways).toEqual([{ subnet: 'aws_subnet.public', connectivity_type: 'public', availability_zone: 'eu-west-1a' }]);
    const { vpc_id: _a, ...subnet } = strip(pick(cf.model, 'ec2', 'subnets')[0]);
    const { vpc_id: _b, ...tfSubnet } = strip(pick(tf.model, 'ec2', 'subnets')[0]);
    expect(subnet).toEqual(tfSubnet);
  });

  it('CloudFront distributions', () => {
    const tf = terraform(
      'cf-tf',
      `resource "aws_cloudfront_distribution" "site" {
  enabled    = true
  web_acl_id = "arn:aws:wafv2:us-east-1:111122223333:global/webacl/edge/1"
  origin {
    origin_id   = "app"
    domain_name = "app.example.com"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }
  default_cache_behavior {
    target_origin_id       = "app"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
  }
  ordered_cache_behavior {
    path_pattern           = "/api/*"
    target_origin_id       = "app"
    viewer_protocol_policy = "https-only"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
  }
  logging_config {
    bucket = "logs.s3.amazonaws.com"
  }
  restrictions {
    geo_restriction {
      restriction_type = "whitelist"
      locations        = ["DE", "FR"]
    }
  }
  viewer_certificate {
    acm_certificate_arn      = "arn:aws:acm:us-east-1:111122223333:certificate/1"
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }
}
`,
    );
    const cf = cloudformation(
      'cf-cf',
      `  Site:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        WebACLId: "arn:aws:wafv2:us-east-1:111122223333:global/webacl/edge/1"
        Origins:
          - Id: app
            DomainName: app.example.com
            CustomOriginConfig: { OriginProtocolPolicy: https-only, OriginSSLProtocols: [TLSv1.2] }
        DefaultCacheBehavior: { TargetOriginId: app, ViewerProtocolPolicy: redirect-to-https }
        CacheBehaviors:
          - { PathPattern: /api/*, TargetOriginId: app, ViewerProtocolPolicy: https-only }
        Logging: { Bucket: logs.s3.amazonaws.com }
        Restrictions: { GeoRestriction: { RestrictionType: whitelist, Locations: [DE, FR] } }
        ViewerCertificate:
          AcmCertificateArn: "arn:aws:acm:us-east-1:111122223333:certificate/1"
          SslSupportMethod: sni-only
          MinimumProtocolVersion: TLSv1.2_2021
`,
    );
    expect(strip(pick(cf.model, 'cloudfront', 'distributions')[0])).toEqual(strip(pick(tf.model, 'cloudfront', 'distributions')[0]));
  });

  it('launch templates, Auto Scaling groups with their policies', () => {
    const tf = terraform(
      'asg-tf',
      `resource "aws_launch_template" "workers" {
  name          = "workers"
  image_id      = "ami-1"
  instance_type = "m7g.large"
  metadata_options {
    http_tokens                 = "required"
    http_put_response_hop_limit = 2
  }
  iam_instance_profile {
    name = "workers"
  }
  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size = 30
      volume_type = "gp3"
      encrypted   = "true"
    }
  }
  tags = { team = "batch" }
}

resource "aws_autoscaling_group" "workers" {
  name                = "workers"
  min_size            = 2
  max_size            = 6
  vpc_zone_identifier = ["subnet-1", "subnet-2"]
  health_check_type   = "ELB"
  target_group_arns   = ["arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/w/1"]
  capacity_rebalance  = true
  mixed_instances_policy {
    instances_distribution {
      on_demand_percentage_above_base_capacity = 25
      spot_allocation_strategy                 = "price-capacity-optimized"
    }
    launch_template {
      launch_template_specification {
        launch_template_name = "workers"
      }
    }
  }
  tag {
    key                 = "team"
    value               = "batch"
    propagate_at_launch = true
  }
}

resource "aws_autoscaling_policy" "cpu" {
  name                   = "cpu"
  autoscaling_group_name = aws_autoscaling_group.workers.name
  policy_type            = "TargetTrackingScaling"
}
`,
    );
    const cf = cloudformation(
      'asg-cf',
      `  Workers:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateName: workers
      TagSpecifications: [{ ResourceType: launch-template, Tags: [{ Key: team, Value: batch }] }]
      LaunchTemplateData:
        ImageId: ami-1
        InstanceType: m7g.large
        MetadataOptions: { HttpTokens: required, HttpPutResponseHopLimit: 2 }
        IamInstanceProfile: { Name: workers }
        BlockDeviceMappings:
          - DeviceName: /dev/xvda
            Ebs: { VolumeSize: 30, VolumeType: gp3, Encrypted: true }
  WorkersGroup:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      AutoScalingGroupName: workers
      MinSize: "2"
      MaxSize: "6"
      VPCZoneIdentifier: [subnet-1, subnet-2]
      HealthCheckType: ELB
      TargetGroupARNs: ["arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/w/1"]
      CapacityRebalance: true
      MixedInstancesPolicy:
        InstancesDistribution: { OnDemandPercentageAboveBaseCapacity: 25, SpotAllocationStrategy: price-capacity-optimized }
        LaunchTemplate: { LaunchTemplateSpecification: { LaunchTemplateName: workers } }
      Tags: [{ Key: team, Value: batch, PropagateAtLaunch: true }]
  Cpu:
    Type: AWS::AutoScaling::ScalingPolicy
    Properties:
      AutoScalingGroupName: !Ref WorkersGroup
      PolicyType: TargetTrackingScaling
`,
    );
    expect(strip(pick(cf.model, 'ec2', 'launch_templates')[0])).toEqual(strip(pick(tf.model, 'ec2', 'launch_templates')[0]));
    const g = strip(pick(cf.model, 'autoscaling', 'groups')[0]);
    const tg = strip(pick(tf.model, 'autoscaling', 'groups')[0]);
    // a folded policy is named by its logical id / resource name
    expect(g).toEqual({ ...tg, scaling_policies: [{ name: 'Cpu', policy_type: 'TargetTrackingScaling' }] });
    expect(tg.scaling_policies).toEqual([{ name: 'cpu', policy_type: 'TargetTrackingScaling' }]);
  });

  it('Lambda functions with their invoke config, URL and permissions, and ECS', () => {
    const tf = terraform(
      'fn-tf',
      `resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = "arn:aws:iam::111122223333:role/lambda"
  runtime       = "python3.12"
  handler       = "app.handler"
  kms_key_arn   = "arn:aws:kms:eu-west-1:111122223333:key/1"
  tracing_config {
    mode = "Active"
  }
  dead_letter_config {
    target_arn = "arn:aws:sqs:eu-west-1:111122223333:dlq"
  }
  environment {
    variables = { TABLE = "orders", DB_PASSWORD = "tf-secret-value" }
  }
}

resource "aws_lambda_function_event_invoke_config" "api" {
  function_name          = aws_lambda_function.api.function_name
  maximum_retry_attempts = 1
}

resource "aws_lambda_function_url" "api" {
  function_name      = aws_lambda_function.api.function_name
  authorization_type = "AWS_IAM"
}

resource "aws_lambda_permission" "s3" {
  function_name = aws_lambda_function.api.function_name
  action        = "lambda:InvokeFunction"
  principal     = "s3.amazonaws.com"
  source_arn    = "arn:aws:s3:::uploads"
}

resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = "256"
  memory                   = "512"
  container_definitions = jsonencode([{
    name                   = "app"
    image                  = "app:1"
    essential              = true
    readonlyRootFilesystem = true
    environment            = [{ name = "DB_PASSWORD", value = "tf-container-secret" }]
    logConfiguration       = { logDriver = "awslogs", options = { "awslogs-group" = "/ecs/app" } }
  }])
}

resource "aws_ecs_service" "app" {
  name            = "app"
  cluster         = "main"
  task_definition = "app:1"
  desired_count   = 2
  launch_type     = "FARGATE"
}
`,
    );
    const cf = cloudformation(
      'fn-cf',
      `  Api:
    Type: AWS::Lambda::Function
    Properties:
      FunctionName: api
      Role: arn:aws:iam::111122223333:role/lambda
      Runtime: python3.12
      Handler: app.handler
      Code: { S3Bucket: artifacts, S3Key: api.zip }
      KmsKeyArn: arn:aws:kms:eu-west-1:111122223333:key/1
      TracingConfig: { Mode: Active }
      DeadLetterConfig: { TargetArn: "arn:aws:sqs:eu-west-1:111122223333:dlq" }
      Environment:
        Variables: { TABLE: orders, DB_PASSWORD: cfn-secret-value }
  ApiAsync:
    Type: AWS::Lambda::EventInvokeConfig
    Properties: { FunctionName: !Ref Api, Qualifier: $LATEST, MaximumRetryAttempts: 1 }
  ApiUrl:
    Type: AWS::Lambda::Url
    Properties: { TargetFunctionArn: !GetAtt Api.Arn, AuthType: AWS_IAM }
  FromS3:
    Type: AWS::Lambda::Permission
    Properties: { FunctionName: api, Action: lambda:InvokeFunction, Principal: s3.amazonaws.com, SourceArn: "arn:aws:s3:::uploads" }
  App:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: app
      NetworkMode: awsvpc
      RequiresCompatibilities: [FARGATE]
      Cpu: 256
      Memory: "512"
      ContainerDefinitions:
        - Name: app
          Image: app:1
          Essential: true
          ReadonlyRootFilesystem: "true"
          Environment: [{ Name: DB_PASSWORD, Value: cfn-container-secret }]
          LogConfiguration: { LogDriver: awslogs, Options: { awslogs-group: /ecs/app } }
  AppService:
    Type: AWS::ECS::Service
    Properties: { ServiceName: app, Cluster: main, TaskDefinition: "app:1", DesiredCount: 2, LaunchType: FARGATE }
`,
    );
    const fn = strip(pick(cf.model, 'lambda', 'functions')[0]);
    expect(fn).toEqual(strip(pick(tf.model, 'lambda', 'functions')[0]));
    expect(fn.environment).toEqual({ variable_names: ['DB_PASSWORD', 'TABLE'] });
    expect(strip(pick(cf.model, 'ecs', 'task_definitions')[0])).toEqual(strip(pick(tf.model, 'ecs', 'task_definitions')[0]));
    expect(strip(pick(cf.model, 'ecs', 'services')[0])).toEqual(strip(pick(tf.model, 'ecs', 'services')[0]));
  });

  it('Lambda event source mappings: the kind of source from what they reference, unknown from a variable', () => {
    const tf = terraform(
      'esm-tf',
      `variable "stream_arn" {
  type = string
}
resource "aws_lambda_function" "worker" {
  function_name = "worker"
  role          = "arn:aws:iam::111122223333:role/lambda"
  runtime       = "python3.12"
  handler       = "app.handler"
}
resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}
resource "aws_dynamodb_table" "orders" {
  name         = "orders"
  hash_key     = "id"
  billing_mode = "PAY_PER_REQUEST"
}
resource "aws_msk_cluster" "events" {
  cluster_name = "events"
}
resource "aws_lambda_event_source_mapping" "jobs" {
  function_name    = aws_lambda_function.worker.arn
  event_source_arn = aws_sqs_queue.jobs.arn
}
resource "aws_lambda_event_source_mapping" "orders" {
  function_name     = aws_lambda_function.worker.function_name
  event_source_arn  = aws_dynamodb_table.orders.stream_arn
  starting_position = "LATEST"
}
resource "aws_lambda_event_source_mapping" "events" {
  function_name     = aws_lambda_function.worker.arn
  event_source_arn  = aws_msk_cluster.events.arn
  topics            = ["orders"]
  starting_position = "LATEST"
}
resource "aws_lambda_event_source_mapping" "unknown" {
  function_name     = aws_lambda_function.worker.arn
  event_source_arn  = var.stream_arn
  starting_position = "LATEST"
}
`,
    );
    const cf = cloudformation(
      'esm-cfn',
      `  Worker:
    Type: AWS::Lambda::Function
    Properties:
      FunctionName: worker
      Role: arn:aws:iam::111122223333:role/lambda
      Runtime: python3.12
      Handler: app.handler
      Code: { S3Bucket: acme-code, S3Key: worker.zip }
  Jobs:
    Type: AWS::SQS::Queue
  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
      KeySchema: [{ AttributeName: id, KeyType: HASH }]
      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
      BillingMode: PAY_PER_REQUEST
  Events:
    Type: AWS::MSK::Cluster
  JobsMapping:
    Type: AWS::Lambda::EventSourceMapping
    Properties: { FunctionName: !GetAtt Worker.Arn, EventSourceArn: !GetAtt Jobs.Arn }
  OrdersMapping:
    Type: AWS::Lambda::EventSourceMapping
    Properties: { FunctionName: !Ref Worker, EventSourceArn: !GetAtt Orders.StreamArn, StartingPosition: LATEST }
  EventsMapping:
    Type: AWS::Lambda::EventSourceMapping
    Properties: { FunctionName: !Ref Worker, EventSourceArn: !Ref Events, Topics: [orders], StartingPosition: LATEST }
  UnknownMapping:
    Type: AWS::Lambda::EventSourceMapping
    Properties: { FunctionName: !Ref Worker, EventSourceArn: !ImportValue stream-arn, StartingPosition: LATEST }
`,
    );
    const tfMappings = pick(tf.model, 'lambda', 'event_source_mappings').map(strip);
    const cfMappings = pick(cf.model, 'lambda', 'event_source_mappings').map(strip);
    expect(cfMappings).toEqual(tfMappings);
    expect(cfMappings.map((m) => [m.function_name, m.event_source_kind])).toEqual([
      ['worker', 'sqs'],
      ['worker', 'dynamodb'],
      ['worker', 'kafka'],
      ['worker', UNKNOWN],
    ]);
    // stream error handling defaults for stream sources only; nothing for an unknown kind
    expect(cfMappings[0]).not.toHaveProperty('maximum_retry_attempts');
    expect(cfMappings[1]).toMatchObject({ maximum_retry_attempts: -1, maximum_record_age_in_seconds: -1, bisect_batch_on_function_error: false });
    expect(cfMappings[3]).not.toHaveProperty('maximum_retry_attempts');
    // the kind points at what tells it
    const entry = cf.sourceMap.find((e) => e.identity === 'AWS::Lambda::EventSourceMapping/OrdersMapping')!;
    expect(entry.fields['event_source_kind'].start.line).toBe(entry.fields['event_source_arn'].start.line);
  });
});

describe('secrets in templates', () => {
  const template = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Token:
    Type: String
    NoEcho: true
    Default: param-secret-value
Resources:
  Vm:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-1
      InstanceType: m7g.large
      UserData:
        Fn::Base64: |
          #!/bin/bash
          export DB_PASSWORD=userdata-secret-value
  Templated:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        UserData: !Base64 { "Fn::Sub": "#!/bin/bash\\necho \${Token} > /etc/token\\n" }
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Environment:
        Variables:
          API_TOKEN: !Ref Token
          DB_PASSWORD: lambda-secret-value
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: app:1
          Environment:
            - { Name: DB_PASSWORD, Value: container-secret-value }
            - { Name: API_TOKEN, Value: !Ref Token }
`;

  it('keeps environment variable names only, never their values', () => {
    const rel = write('secrets/template.yaml', template);
    const r = processUnit({ kind: 'manifest', id: rel, files: [rel] }, tmp);
    expect(r.diagnostics).toEqual([]);
    // user data (which uses the parameter too) is the only text the model keeps: see below
    const model = JSON.stringify(r.model, (k, v) => (k === 'user_data' ? undefined : v));
    const sourceMap = JSON.stringify(r.sourceMap);
    for (const secret of ['lambda-secret-value', 'container-secret-value', 'param-secret-value']) {
      expect(model).not.toContain(secret);
      expect(sourceMap).not.toContain(secret);
    }
    expect(pick(r.model, 'lambda', 'functions')[0].environment).toEqual({ variable_names: ['API_TOKEN', 'DB_PASSWORD'] });
    const containers = pick(r.model, 'ecs', 'task_definitions')[0].container_definitions as Record<string, unknown>[];
    expect(containers[0].environment).toEqual([{ name: 'DB_PASSWORD' }, { name: 'API_TOKEN' }]);
  });

  it('records user data only as the `user_data` text Terraform records, and never reports it', async () => {
    const rel = write('userdata/template.yaml', template);
    const r = processUnit({ kind: 'manifest', id: rel, files: [rel] }, tmp);
    const vm = pick(r.model, 'ec2', 'instances')[0];
    expect(vm.user_data).toBe('#!/bin/bash\nexport DB_PASSWORD=userdata-secret-value\n');
    // the only place it appears
    const { user_data: _u, ...rest } = vm;
    expect(JSON.stringify(rest)).not.toContain('userdata-secret-value');
    expect(JSON.stringify(r.sourceMap)).not.toContain('userdata-secret-value');
    // the launch template's user data is built from a parameter: the same text as Terraform would evaluate
    expect(pick(r.model, 'ec2', 'launch_templates')[0].user_data).toBe('#!/bin/bash\necho param-secret-value > /etc/token\n');
    const result = await scan(['userdata'], { cwd: tmp, rules: ['AWS-INSTANCE-004'] });
    expect(result.findings.map((f) => `${f.resource}@${f.location?.startLine}`).sort()).toEqual(['AWS::EC2::Instance/Vm@13']);
    expect(JSON.stringify(result.findings)).not.toContain('userdata-secret-value');
  });
});

describe('CloudFormation-specific mapping', () => {
  it('maps CloudFormation defaults that differ from Terraform', () => {
    const r = cloudformation(
      'defaults',
      `  Classic:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      Listeners: [{ LoadBalancerPort: "80", InstancePort: "80", Protocol: http }]
  Svc:
    Type: AWS::ECS::Service
    Properties: { Cluster: main, TaskDefinition: "app:1" }
  Dist:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        DefaultCacheBehavior: { TargetOriginId: a, ViewerProtocolPolicy: allow-all }
        Origins: [{ Id: a, DomainName: a.example.com, CustomOriginConfig: { OriginProtocolPolicy: http-only } }]
  Vm:
    Type: AWS::EC2::Instance
    Properties:
      LaunchTemplate: { LaunchTemplateName: app, Version: "1" }
`,
    );
    // CrossZone: false is CloudFormation's documented default (the Terraform provider sets true)
    expect(strip(pick(r.model, 'elb', 'classic_load_balancers')[0])).toEqual({
      name: 'Classic', internal: false, cross_zone_load_balancing: false, connection_draining: false, connection_draining_timeout: 300,
      listeners: [{ lb_port: 80, instance_port: 80, lb_protocol: 'HTTP' }], access_logs: { enabled: false }, tags: {},
    });
    // DesiredCount: 1 is CloudFormation's documented default for new services
    expect(pick(r.model, 'ecs', 'services')[0]).toMatchObject({ desired_count: 1, launch_type: 'EC2', scheduling_strategy: 'REPLICA' });
    // no ViewerCertificate: CloudFront's default certificate
    expect(pick(r.model, 'cloudfront', 'distributions')[0].viewer_certificate).toEqual({ cloudfront_default_certificate: true, minimum_protocol_version: 'TLSv1' });
    // an instance launched from a template: what the template decides is unknown
    expect(pick(r.model, 'ec2', 'instances')[0]).toMatchObject({ metadata_options: UNKNOWN, user_data: UNKNOWN, monitoring: UNKNOWN });
  });

  it('folds WAF associations by ARN: a load balancer by Ref, a REST stage through Fn::Sub', () => {
    const r = cloudformation(
      'waf',
      `  Lb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties: { Subnets: [a, b] }
  Api:
    Type: AWS::ApiGateway::RestApi
  Prod:
    Type: AWS::ApiGateway::Stage
    Properties: { RestApiId: !Ref Api, StageName: prod }
  Acl:
    Type: AWS::WAFv2::WebACL
    Properties: { Scope: REGIONAL, DefaultAction: { Block: {} } }
  LbWaf:
    Type: AWS::WAFv2::WebACLAssociation
    Properties: { ResourceArn: !Ref Lb, WebACLArn: !GetAtt Acl.Arn }
  StageWaf:
    Type: AWS::WAFv2::WebACLAssociation
    Properties:
      ResourceArn: !Sub "arn:aws:apigateway:\${AWS::Region}::/restapis/\${Api}/stages/\${Prod}"
      WebACLArn: arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/api/1
  AclLogs:
    Type: AWS::WAFv2::LoggingConfiguration
    Properties: { ResourceArn: !GetAtt Acl.Arn, LogDestinationConfigs: [arn:aws:logs:eu-west-1:111122223333:log-group:aws-waf-logs] }
`,
    );
    expect(pick(r.model, 'elb', 'load_balancers')[0].web_acl_arn).toEqual(UNKNOWN);
    expect(pick(r.model, 'apigateway', 'stages')[0].web_acl_arn).toBe('arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/api/1');
    expect(pick(r.model, 'waf', 'web_acls')[0]).toMatchObject({ default_action: 'block', rules: [], logging: { enabled: true } });
  });

  it('lists the new resource types', () => {
    for (const t of [
      'AWS::EC2::NetworkAcl', 'AWS::EC2::NetworkAclEntry', 'AWS::EC2::VPC', 'AWS::EC2::FlowLog', 'AWS::EC2::Subnet', 'AWS::EC2::VPCEndpoint', 'AWS::EC2::NatGateway',
      'AWS::EKS::Cluster', 'AWS::EKS::Nodegroup', 'AWS::ElasticLoadBalancingV2::Listener', 'AWS::WAFv2::WebACLAssociation', 'AWS::ElasticLoadBalancing::LoadBalancer',
      'AWS::CloudFront::Distribution', 'AWS::ApiGateway::Stage', 'AWS::ApiGatewayV2::Stage', 'AWS::ApiGateway::DomainName', 'AWS::WAFv2::WebACL',
      'AWS::WAFv2::LoggingConfiguration', 'AWS::EC2::LaunchTemplate', 'AWS::AutoScaling::ScalingPolicy', 'AWS::Lambda::EventInvokeConfig', 'AWS::Lambda::Url',
      'AWS::Lambda::Permission', 'AWS::Lambda::LayerVersion', 'AWS::Lambda::LayerVersionPermission', 'AWS::Lambda::EventSourceMapping',
      'AWS::ECS::TaskDefinition', 'AWS::ECS::Service',
    ]) {
      expect(supportedCloudFormationTypes()).toContain(t);
    }
  });
});

describe('Terraform-specific mapping', () => {
  it('a Step Functions state machine with name_prefix has a name that is not known: the prefix and a generated suffix', () => {
    const tf = terraform(
      'sfn-prefix',
      `resource "aws_sfn_state_machine" "orders" {
  name_prefix = "orders-"
  role_arn    = "arn:aws:iam::111122223333:role/sfn"
  definition  = jsonencode({ StartAt = "Done", States = { Done = { Type = "Succeed" } } })
}

resource "aws_sfn_state_machine" "named" {
  name       = "billing"
  role_arn   = "arn:aws:iam::111122223333:role/sfn"
  definition = jsonencode({ StartAt = "Done", States = { Done = { Type = "Succeed" } } })
}
`,
    );
    const [prefixed, named] = pick(tf.model, 'stepfunctions', 'state_machines');
    expect(prefixed.name).toEqual(UNKNOWN);
    expect(named.name).toBe('billing');
  });
});
