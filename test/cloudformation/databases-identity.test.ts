/**
 * Databases, identity and logging on CloudFormation: the same model objects as the Terraform
 * adapters (docs/model/aws-databases.md, docs/model/aws-identity-logging.md), folds of
 * standalone resources, CloudFormation's own defaults, and secrets that never reach the model.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { supportedCloudFormationTypes } from '../../src/adapt/cloudformation/index.js';
import { processUnit } from '../../src/engine/process-unit.js';
import { UNKNOWN, type ModelObject } from '../../src/model/model.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-cfn-dbid-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function write(rel: string, text: string): string {
  const abs = path.join(tmp, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, text);
  return rel;
}

function adapt(text: string, name = 'template.yaml') {
  const rel = write(name, text);
  return processUnit({ kind: 'manifest', id: rel, files: [rel] }, tmp);
}

const strip = ({ id: _id, ...rest }: ModelObject) => rest;

describe('the same database and identity resources in HCL and in CloudFormation', () => {
  const hcl = write(
    'parity/main.tf',
    `resource "aws_rds_cluster" "orders" {
  cluster_identifier                  = "orders"
  engine                              = "aurora-postgresql"
  engine_version                      = "16.4"
  master_username                     = "app"
  master_password                     = "do-not-copy-me"
  storage_encrypted                   = true
  backup_retention_period             = 14
  deletion_protection                 = true
  iam_database_authentication_enabled = true
  enabled_cloudwatch_logs_exports     = ["postgresql"]
}

resource "aws_rds_cluster_instance" "writer" {
  cluster_identifier = aws_rds_cluster.orders.id
  instance_class     = "db.r6g.large"
  engine             = "aurora-postgresql"
}

resource "aws_rds_cluster_instance" "reader" {
  cluster_identifier = "orders"
  instance_class     = "db.r6g.large"
  engine             = "aurora-postgresql"
}

resource "aws_db_parameter_group" "billing" {
  name   = "billing-tls"
  family = "mysql8.0"
  parameter {
    name  = "require_secure_transport"
    value = "ON"
  }
}

resource "aws_db_instance" "billing" {
  identifier           = "billing"
  engine               = "mysql"
  engine_version       = "8.0.36"
  instance_class       = "db.m6g.large"
  allocated_storage    = 100
  storage_type         = "gp3"
  publicly_accessible  = false
  username             = "app"
  password             = "do-not-copy-me"
  parameter_group_name = aws_db_parameter_group.billing.name
  ca_cert_identifier   = "rds-ca-rsa2048-g1"
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  description                = "sessions"
  engine_version             = "7.1"
  node_type                  = "cache.r7g.large"
  num_cache_clusters         = 2
  automatic_failover_enabled = true
  multi_az_enabled           = true
  transit_encryption_enabled = true
  at_rest_encryption_enabled = true
  auth_token                 = "s3cr3t-t0ken-value-1234"
  snapshot_retention_limit   = 7
}

resource "aws_redshift_parameter_group" "tls" {
  name   = "warehouse-tls"
  family = "redshift-1.0"
  parameter {
    name  = "require_ssl"
    value = "true"
  }
}

resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier           = "warehouse"
  node_type                    = "ra3.xlplus"
  cluster_type                 = "multi-node"
  number_of_nodes              = 2
  master_username              = "admin"
  master_password              = "Do-not-copy-me-1"
  enhanced_vpc_routing         = true
  cluster_parameter_group_name = aws_redshift_parameter_group.tls.name
}

resource "aws_opensearch_domain" "search" {
  domain_name    = "search"
  engine_version = "OpenSearch_2.13"
  encrypt_at_rest {
    enabled = true
  }
  node_to_node_encryption {
    enabled = true
  }
  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-2-2019-07"
  }
  cluster_config {
    instance_type          = "r6g.large.search"
    instance_count         = 3
    zone_awareness_enabled = true
    zone_awareness_config {
      availability_zone_count = 3
    }
  }
  log_publishing_options {
    log_type                 = "ES_APPLICATION_LOGS"
    cloudwatch_log_group_arn = "arn:aws:logs:eu-west-1:111122223333:log-group:search"
    enabled                  = true
  }
}

resource "aws_iam_role" "deploy" {
  name = "deploy"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "codebuild.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
  managed_policy_arns = ["arn:aws:iam::aws:policy/ReadOnlyAccess"]
}

resource "aws_kms_key" "data" {
  description             = "data"
  enable_key_rotation     = true
  deletion_window_in_days = 14
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "/acme/app"
  retention_in_days = 365
}

resource "aws_guardduty_detector" "main" {
  enable = true
}

resource "aws_guardduty_detector_feature" "s3" {
  detector_id = aws_guardduty_detector.main.id
  name        = "S3_DATA_EVENTS"
  status      = "ENABLED"
}

resource "aws_accessanalyzer_analyzer" "account" {
  analyzer_name = "account"
}

resource "aws_s3_bucket" "customers" {
  bucket = "acme-customers"
}

resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "acme-cloudtrail"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  event_selector {
    read_write_type = "All"
    data_resource {
      type   = "AWS::S3::Object"
      values = ["\${aws_s3_bucket.customers.arn}/"]
    }
  }
}
`,
  );
  const cfn = write(
    'parity/template.yaml',
    `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Orders:
    Type: AWS::RDS::DBCluster
    Properties:
      DBClusterIdentifier: orders
      Engine: aurora-postgresql
      EngineVersion: "16.4"
      MasterUsername: app
      MasterUserPassword: do-not-copy-me
      StorageEncrypted: true
      BackupRetentionPeriod: 14
      DeletionProtection: true
      EnableIAMDatabaseAuthentication: true
      EnableCloudwatchLogsExports: [postgresql]
  Writer:
    Type: AWS::RDS::DBInstance
    Properties:
      DBClusterIdentifier: !Ref Orders
      DBInstanceClass: db.r6g.large
      Engine: aurora-postgresql
  Reader:
    Type: AWS::RDS::DBInstance
    Properties:
      DBClusterIdentifier: orders
      DBInstanceClass: db.r6g.large
      Engine: aurora-postgresql
  BillingParams:
    Type: AWS::RDS::DBParameterGroup
    Properties:
      DBParameterGroupName: billing-tls
      Family: mysql8.0
      Description: billing
      Parameters:
        require_secure_transport: "ON"
  Billing:
    Type: AWS::RDS::DBInstance
    Properties:
      DBInstanceIdentifier: billing
      Engine: mysql
      EngineVersion: "8.0.36"
      DBInstanceClass: db.m6g.large
      AllocatedStorage: "100"
      StorageType: gp3
      PubliclyAccessible: false
      MasterUsername: app
      MasterUserPassword: do-not-copy-me
      DBParameterGroupName: !Ref BillingParams
      CACertificateIdentifier: rds-ca-rsa2048-g1
  Sessions:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties:
      ReplicationGroupId: sessions
      ReplicationGroupDescription: sessions
      EngineVersion: "7.1"
      CacheNodeType: cache.r7g.large
      NumCacheClusters: 2
      AutomaticFailoverEnabled: true
      MultiAZEnabled: true
      TransitEncryptionEnabled: true
      AtRestEncryptionEnabled: true
      AuthToken: s3cr3t-t0ken-value-1234
      SnapshotRetentionLimit: 7
  WarehouseParams:
    Type: AWS::Redshift::ClusterParameterGroup
    Properties:
      ParameterGroupName: warehouse-tls
      Description: warehouse
      ParameterGroupFamily: redshift-1.0
      Parameters:
        - ParameterName: require_ssl
          ParameterValue: "true"
  Warehouse:
    Type: AWS::Redshift::Cluster
    Properties:
      ClusterIdentifier: warehouse
      NodeType: ra3.xlplus
      ClusterType: multi-node
      NumberOfNodes: 2
      DBName: dev
      MasterUsername: admin
      MasterUserPassword: Do-not-copy-me-1
      EnhancedVpcRouting: true
      ClusterParameterGroupName: !Ref WarehouseParams
  Search:
    Type: AWS::OpenSearchService::Domain
    Properties:
      DomainName: search
      EngineVersion: OpenSearch_2.13
      EncryptionAtRestOptions: { Enabled: true }
      NodeToNodeEncryptionOptions: { Enabled: true }
      DomainEndpointOptions:
        EnforceHTTPS: true
        TLSSecurityPolicy: Policy-Min-TLS-1-2-2019-07
      ClusterConfig:
        InstanceType: r6g.large.search
        InstanceCount: 3
        ZoneAwarenessEnabled: true
        ZoneAwarenessConfig: { AvailabilityZoneCount: 3 }
      LogPublishingOptions:
        ES_APPLICATION_LOGS:
          CloudWatchLogsLogGroupArn: arn:aws:logs:eu-west-1:111122223333:log-group:search
          Enabled: true
  Deploy:
    Type: AWS::IAM::Role
    Properties:
      RoleName: deploy
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { Service: codebuild.amazonaws.com }
            Action: sts:AssumeRole
      ManagedPolicyArns: [arn:aws:iam::aws:policy/ReadOnlyAccess]
  Data:
    Type: AWS::KMS::Key
    Properties:
      Description: data
      EnableKeyRotation: true
      PendingWindowInDays: 14
  App:
    Type: AWS::Logs::LogGroup
    Properties:
      LogGroupName: /acme/app
      RetentionInDays: 365
  Main:
    Type: AWS::GuardDuty::Detector
    Properties:
      Enable: true
      Features:
        - Name: S3_DATA_EVENTS
          Status: ENABLED
  Account:
    Type: AWS::AccessAnalyzer::Analyzer
    Properties:
      AnalyzerName: account
      Type: ACCOUNT
  Customers:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: acme-customers
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      TrailName: main
      S3BucketName: acme-cloudtrail
      IsLogging: true
      IsMultiRegionTrail: true
      EnableLogFileValidation: true
      EventSelectors:
        - ReadWriteType: All
          DataResources:
            - Type: AWS::S3::Object
              Values: [!Sub "\${Customers.Arn}/"]
`,
  );

  const tf = processUnit({ kind: 'terraform', id: 'parity', files: [hcl] }, tmp);
  const cf = processUnit({ kind: 'manifest', id: cfn, files: [cfn] }, tmp);
  const aws = (m: typeof tf.model, s: string, c: string) => ((m.aws[s]?.[c] ?? []) as ModelObject[]).map(strip);

  it.each([
    ['rds', 'clusters'],
    ['rds', 'instances'],
    ['elasticache', 'replication_groups'],
    ['redshift', 'clusters'],
    ['opensearch', 'domains'],
    ['iam', 'roles'],
    ['kms', 'keys'],
    ['cloudwatch', 'log_groups'],
    ['guardduty', 'detectors'],
    ['accessanalyzer', 'analyzers'],
    ['cloudtrail', 'trails'],
  ])('aws.%s.%s', (s, c) => {
    expect(cf.diagnostics).toEqual([]);
    expect(aws(cf.model, s, c).length).toBeGreaterThan(0);
    expect(aws(cf.model, s, c)).toEqual(aws(tf.model, s, c));
  });

  it('counts cluster members on the cluster instead of listing them as instances', () => {
    expect(cf.model.aws.rds.clusters[0].instance_count).toBe(2);
    expect(cf.model.aws.rds.instances.map((i) => i.identifier)).toEqual(['billing']);
  });

  it('never copies a master password or an auth token into the model', () => {
    const text = JSON.stringify(cf.model);
    for (const secret of ['do-not-copy-me', 'Do-not-copy-me-1', 's3cr3t-t0ken-value-1234']) expect(text).not.toContain(secret);
    expect(cf.model.aws.elasticache.replication_groups[0].auth_token_set).toBe(true);
    const e = cf.sourceMap.find((x) => x.id === cf.model.aws.elasticache.replication_groups[0].id)!;
    const line = fs.readFileSync(path.join(tmp, cfn), 'utf8').split('\n').findIndex((l) => l.includes('AuthToken:')) + 1;
    expect(e.fields['auth_token_set'].start.line).toBe(line);
  });
});

describe('CloudFormation database and identity adapters', () => {
  it('registers the database, identity and logging types', () => {
    const types = supportedCloudFormationTypes();
    for (const t of [
      'AWS::RDS::DBInstance', 'AWS::RDS::DBCluster', 'AWS::RDS::GlobalCluster', 'AWS::ElastiCache::ReplicationGroup', 'AWS::ElastiCache::CacheCluster',
      'AWS::Redshift::Cluster', 'AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain', 'AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::ManagedPolicy',
      'AWS::IAM::Policy', 'AWS::IAM::AccessKey', 'AWS::KMS::Key', 'AWS::CloudTrail::Trail', 'AWS::GuardDuty::Detector', 'AWS::SecurityHub::Hub',
      'AWS::Config::ConfigurationRecorder', 'AWS::Logs::LogGroup', 'AWS::CloudWatch::Alarm', 'AWS::AccessAnalyzer::Analyzer',
    ]) expect(types, t).toContain(t);
  });

  it('uses CloudFormation defaults and ranges: storage type, DeletionPolicy, OpenSearch log publishing', () => {
    const r = adapt(`Resources:
  Db:
    Type: AWS::RDS::DBInstance
    DeletionPolicy: Delete
    Properties:
      Engine: postgres
      DBInstanceClass: db.m6g.large
      Iops: 3000
  Search:
    Type: AWS::OpenSearchService::Domain
    Properties:
      DomainEndpointOptions: { TLSSecurityPolicy: Policy-Min-TLS-1-2-2019-07 }
      LogPublishingOptions:
        AUDIT_LOGS: { CloudWatchLogsLogGroupArn: arn:aws:logs:eu-west-1:111122223333:log-group:audit }
`);
    const db = r.model.aws.rds.instances[0];
    expect(db).toMatchObject({ storage_type: 'io1', skip_final_snapshot: true, publicly_accessible: UNKNOWN, parameter_group: { default: true } });
    const e = r.sourceMap.find((x) => x.id === db.id)!;
    expect(e.fields['skip_final_snapshot'].start.line).toBe(4);
    const d = r.model.aws.opensearch.domains[0];
    expect(d).toMatchObject({ domain_name: 'Search', domain_endpoint_options: { enforce_https: false }, log_publishing_options: [{ log_type: 'AUDIT_LOGS', enabled: false }] });
  });

  it('folds managed policy attachments, user inline policies and access keys into users', () => {
    const r = adapt(`Resources:
  Ci:
    Type: AWS::IAM::User
    Properties:
      ManagedPolicyArns: [arn:aws:iam::aws:policy/ReadOnlyAccess]
      Policies:
        - PolicyName: push
          PolicyDocument: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "ecr:*", Resource: "*" }] }
  Deploy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      Users: [!Ref Ci]
      PolicyDocument: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "s3:PutObject", Resource: "*" }] }
  Extra:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: extra
      Users: [Ci]
      PolicyDocument: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "sqs:*", Resource: "*" }] }
  CiKey:
    Type: AWS::IAM::AccessKey
    Properties:
      UserName: !Ref Ci
      Status: Inactive
`);
    expect(r.diagnostics).toEqual([]);
    const u = r.model.aws.iam.users[0];
    expect(strip(u)).toEqual({
      name: 'Ci',
      path: '/',
      managed_policy_arns: ['arn:aws:iam::aws:policy/ReadOnlyAccess', UNKNOWN],
      inline_policy_count: 2,
      access_keys: [{ id: 'template.yaml#CiKey', status: 'Inactive' }],
      tags: {},
    });
    // the user's inline policy is still a model policy (attachment user)
    expect(r.model.aws.iam.policies.filter((p) => p.attachment === 'user').map((p) => p.name).sort()).toEqual(['extra', 'push']);
  });

  it('folds alarms onto the instances their dimensions name and reads Config recorders without a status', () => {
    const r = adapt(`Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties: { DBInstanceIdentifier: orders, Engine: postgres, DBInstanceClass: db.m6g.large }
  Other:
    Type: AWS::RDS::DBInstance
    Properties: { DBInstanceIdentifier: other, Engine: postgres, DBInstanceClass: db.m6g.large }
  Cpu:
    Type: AWS::CloudWatch::Alarm
    Properties:
      Namespace: AWS/RDS
      MetricName: CPUUtilization
      Dimensions: [{ Name: DBInstanceIdentifier, Value: !Ref Db }]
  Recorder:
    Type: AWS::Config::ConfigurationRecorder
    Properties:
      RoleARN: arn:aws:iam::111122223333:role/config
      RecordingGroup: { AllSupported: true, IncludeGlobalResourceTypes: true }
`);
    const [db, other] = r.model.aws.rds.instances;
    expect(db.metric_alarms).toEqual(['Cpu']);
    expect(other.metric_alarms).toBeUndefined();
    expect(strip(r.model.aws.cloudwatch.metric_alarms[0])).toMatchObject({ alarm_name: 'Cpu', dimensions: { DBInstanceIdentifier: UNKNOWN }, actions_enabled: true, alarm_actions: [] });
    const rec = r.model.aws.config.recorders[0];
    expect(strip(rec)).toEqual({ name: 'Recorder', role_arn: 'arn:aws:iam::111122223333:role/config', recording_group: { all_supported: true, include_global_resource_types: true, resource_types: [] } });
  });
});
