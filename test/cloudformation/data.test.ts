/**
 * The storage and data services on CloudFormation: the same model as the Terraform adapters
 * (docs/model/aws-data.md), CloudFormation's own defaults where they differ, folds of standalone
 * resources, and source ranges.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { processUnit } from '../../src/engine/process-unit.js';
import { UNKNOWN, type ModelObject } from '../../src/model/model.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-cfn-data-'));
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

describe('the same data resources in HCL and in CloudFormation', () => {
  const hcl = write(
    'parity/main.tf',
    `resource "aws_dynamodb_table" "orders" {
  name           = "orders"
  hash_key       = "pk"
  read_capacity  = 5
  write_capacity = 5

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled = true
  }

  attribute {
    name = "pk"
    type = "S"
  }
}

resource "aws_appautoscaling_target" "orders_read" {
  service_namespace  = "dynamodb"
  resource_id        = "table/\${aws_dynamodb_table.orders.name}"
  scalable_dimension = "dynamodb:table:ReadCapacityUnits"
  min_capacity       = 5
  max_capacity       = 50
}

resource "aws_sqs_queue" "dlq" {
  name = "orders-dlq"
}

resource "aws_sqs_queue" "orders" {
  name                      = "orders"
  message_retention_seconds = 86400
  redrive_policy = jsonencode({
    deadLetterTargetArn = "arn:aws:sqs:us-east-1:111122223333:orders-dlq"
    maxReceiveCount     = 5
  })
}

resource "aws_sns_topic" "alerts" {
  name              = "alerts"
  kms_master_key_id = "alias/aws/sns"
}

resource "aws_ecr_repository" "api" {
  name                 = "shop/api"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }
}

resource "aws_efs_file_system" "shared" {
  encrypted = true

  lifecycle_policy {
    transition_to_ia = "AFTER_30_DAYS"
  }
}

resource "aws_kinesis_stream" "clicks" {
  name             = "clicks"
  shard_count      = 2
  retention_period = 48
  encryption_type  = "KMS"
  kms_key_id       = "alias/aws/kinesis"
}
`,
  );
  const cfn = write(
    'parity/template.yaml',
    `Resources:
  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: orders
      AttributeDefinitions: [{ AttributeName: pk, AttributeType: S }]
      KeySchema: [{ AttributeName: pk, KeyType: HASH }]
      ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 }
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }
      SSESpecification: { SSEEnabled: true }
  OrdersRead:
    Type: AWS::ApplicationAutoScaling::ScalableTarget
    Properties:
      ServiceNamespace: dynamodb
      ResourceId: !Sub table/\${Orders}
      ScalableDimension: dynamodb:table:ReadCapacityUnits
      MinCapacity: 5
      MaxCapacity: 50
  Dlq:
    Type: AWS::SQS::Queue
    Properties: { QueueName: orders-dlq }
  OrdersQueue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: orders
      MessageRetentionPeriod: 86400
      RedrivePolicy: { deadLetterTargetArn: "arn:aws:sqs:us-east-1:111122223333:orders-dlq", maxReceiveCount: 5 }
  Alerts:
    Type: AWS::SNS::Topic
    Properties: { TopicName: alerts, KmsMasterKeyId: alias/aws/sns }
  Api:
    Type: AWS::ECR::Repository
    Properties:
      RepositoryName: shop/api
      ImageTagMutability: IMMUTABLE
      ImageScanningConfiguration: { ScanOnPush: true }
  Shared:
    Type: AWS::EFS::FileSystem
    Properties:
      Encrypted: true
      LifecyclePolicies: [{ TransitionToIA: AFTER_30_DAYS }]
  Clicks:
    Type: AWS::Kinesis::Stream
    Properties:
      Name: clicks
      ShardCount: 2
      RetentionPeriodHours: 48
      StreamEncryption: { EncryptionType: KMS, KeyId: alias/aws/kinesis }
`,
  );

  it('yields the same model objects', () => {
    const tf = processUnit({ kind: 'terraform', id: 'parity', files: [hcl] }, tmp);
    const cf = processUnit({ kind: 'manifest', id: cfn, files: [cfn] }, tmp);
    expect(cf.diagnostics).toEqual([]);
    const aws = (m: typeof tf.model, s: string, c: string) => (m.aws[s][c] as ModelObject[]).map(strip);
    for (const [s, c] of [['dynamodb', 'tables'], ['sqs', 'queues'], ['sns', 'topics'], ['ecr', 'repositories'], ['efs', 'file_systems'], ['kinesis', 'streams']]) {
      expect(aws(cf.model, s, c), `${s}.${c}`).toEqual(aws(tf.model, s, c));
    }
    const table = cf.model.aws.dynamodb.tables[0];
    expect(table).toMatchObject({ autoscaling: { read_capacity: true, write_capacity: false }, billing_mode: 'PROVISIONED' });
    expect(cf.model.aws.sqs.queues[0].is_dead_letter_queue).toBe(true);
  });
});

describe('CloudFormation data adapters', () => {
  it('reads a global table: the local replica gives the table its settings, the others are replicas', () => {
    const r = adapt(`Resources:
  Accounts:
    Type: AWS::DynamoDB::GlobalTable
    Properties:
      TableName: accounts
      BillingMode: PAY_PER_REQUEST
      SSESpecification: { SSEEnabled: true, SSEType: KMS }
      Replicas:
        - Region: us-west-2
          SSESpecification: { KMSMasterKeyId: alias/accounts-west }
        - Region: !Ref AWS::Region
          DeletionProtectionEnabled: true
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }
          SSESpecification: { KMSMasterKeyId: alias/accounts }
          Tags: [{ Key: criticality, Value: critical }]
`);
    const t = r.model.aws.dynamodb.tables[0];
    expect(strip(t)).toEqual({
      name: 'accounts', billing_mode: 'PAY_PER_REQUEST', stream_enabled: false, ttl: { enabled: false },
      point_in_time_recovery: { enabled: true }, deletion_protection_enabled: true, table_class: 'STANDARD',
      server_side_encryption: { enabled: true, kms_key_arn: 'alias/accounts' },
      autoscaling: { read_capacity: false, write_capacity: false },
      tags: { criticality: 'critical' },
      replicas: [{ region_name: 'us-west-2', kms_key_arn: 'alias/accounts-west', point_in_time_recovery: false }],
    });
    const e = r.sourceMap.find((x) => x.id === t.id)!;
    expect(e.fields['point_in_time_recovery.enabled'].start.line).toBe(13);
    expect(e.fields['replicas.0'].start.line).toBe(9);
  });

  it('makes per-replica settings unknown when no replica is recognisably local and they differ', () => {
    const r = adapt(`Resources:
  T:
    Type: AWS::DynamoDB::GlobalTable
    Properties:
      Replicas:
        - { Region: us-east-1, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }
        - { Region: eu-west-1 }
`);
    const t = r.model.aws.dynamodb.tables[0];
    expect(t.point_in_time_recovery).toEqual({ enabled: UNKNOWN });
    expect((t.replicas as unknown[]).length).toBe(2);
  });

  it('ignores ScalableTargets of indexes and of other services', () => {
    const r = adapt(`Resources:
  T:
    Type: AWS::DynamoDB::Table
    Properties: { TableName: t }
  Index:
    Type: AWS::ApplicationAutoScaling::ScalableTarget
    Properties: { ServiceNamespace: dynamodb, ResourceId: !Join ["/", [table, !Ref T, index, gsi]], ScalableDimension: "dynamodb:index:ReadCapacityUnits" }
  Ecs:
    Type: AWS::ApplicationAutoScaling::ScalableTarget
    Properties: { ServiceNamespace: ecs, ResourceId: table/t, ScalableDimension: "dynamodb:table:ReadCapacityUnits" }
`);
    expect(r.model.aws.dynamodb.tables[0].autoscaling).toEqual({ read_capacity: false, write_capacity: false });
  });

  it('never reads secret values; the recovery window follows the DeletionPolicy; rotation folds into the secret', () => {
    const r = adapt(`Resources:
  Db:
    Type: AWS::SecretsManager::Secret
    Properties:
      Name: prod/db
      SecretString: '{"password":"hunter2"}'
  Kept:
    Type: AWS::SecretsManager::Secret
    DeletionPolicy: Retain
    Properties:
      GenerateSecretString: { PasswordLength: 32 }
  Rotation:
    Type: AWS::SecretsManager::RotationSchedule
    Properties:
      SecretId: prod/db
      HostedRotationLambda: { RotationType: PostgreSQLSingleUser }
      RotationRules: { ScheduleExpression: "rate(30 days)" }
`);
    const [db, kept] = r.model.aws.secretsmanager.secrets;
    expect(strip(db)).toEqual({ name: 'prod/db', recovery_window_in_days: 0, rotation: { enabled: true, schedule_expression: 'rate(30 days)' }, tags: {} });
    expect(strip(kept)).toEqual({ name: 'Kept', recovery_window_in_days: 30, rotation: { enabled: false }, tags: {} });
    expect(JSON.stringify(r.model)).not.toContain('hunter2');
    expect(JSON.stringify(r.model)).not.toContain('PasswordLength');
    const e = r.sourceMap.find((x) => x.id === kept.id)!;
    expect(e.fields['recovery_window_in_days'].start.line).toBe(9);
  });

  it('folds backup selections into their plan, and makes selections unknown when the plan is outside the template', () => {
    const r = adapt(`Parameters:
  PlanId: { Type: String }
Resources:
  Plan:
    Type: AWS::Backup::BackupPlan
    Properties:
      BackupPlan:
        BackupPlanName: daily
        BackupPlanRule:
          - { RuleName: daily, TargetBackupVault: main, Lifecycle: { DeleteAfterDays: 35 }, CopyActions: [{ DestinationBackupVaultArn: "arn:aws:backup:us-west-2:111122223333:backup-vault:dr" }] }
      BackupPlanTags: { team: data }
  Sel:
    Type: AWS::Backup::BackupSelection
    Properties:
      BackupPlanId: !Ref Plan
      BackupSelection: { SelectionName: all, IamRoleArn: arn, Resources: ["arn:aws:dynamodb:*:*:table/*"] }
  Vault:
    Type: AWS::Backup::BackupVault
    Properties:
      BackupVaultName: main
      LockConfiguration: { MinRetentionDays: 7 }
`);
    expect(strip(r.model.aws.backup.plans[0])).toEqual({
      name: 'daily',
      rules: [{ rule_name: 'daily', target_vault_name: 'main', lifecycle: { delete_after: 35 }, copy_actions: [{ destination_vault_arn: 'arn:aws:backup:us-west-2:111122223333:backup-vault:dr' }] }],
      selections: [{ name: 'all', resources: ['arn:aws:dynamodb:*:*:table/*'], selection_tags: 0 }],
      tags: { team: 'data' },
    });
    expect(strip(r.model.aws.backup.vaults[0])).toEqual({ name: 'main', force_destroy: false, lock: { enabled: true, min_retention_days: 7 }, tags: {} });

    const other = adapt(
      `Parameters:
  PlanId: { Type: String }
Resources:
  Plan:
    Type: AWS::Backup::BackupPlan
    Properties: { BackupPlan: { BackupPlanName: daily, BackupPlanRule: [] } }
  Sel:
    Type: AWS::Backup::BackupSelection
    Properties: { BackupPlanId: !Ref PlanId, BackupSelection: { SelectionName: x, IamRoleArn: arn } }
`,
      'other.yaml',
    );
    expect(other.model.aws.backup.plans[0].selections).toEqual(UNKNOWN);
  });

  it('reads S3 object lock, noncurrent expiration, replication destinations and policy statements', () => {
    const r = adapt(`Resources:
  Src:
    Type: AWS::S3::Bucket
    Properties:
      ObjectLockConfiguration:
        ObjectLockEnabled: Enabled
        Rule: { DefaultRetention: { Mode: GOVERNANCE, Days: 30 } }
      LifecycleConfiguration:
        Rules:
          - { Status: Enabled, NoncurrentVersionExpiration: { NoncurrentDays: 60 } }
      ReplicationConfiguration:
        Role: arn
        Rules:
          - { Status: Enabled, Destination: { Bucket: !GetAtt Copy.Arn } }
          - { Status: Enabled, Destination: { Bucket: "arn:aws:s3:::elsewhere" } }
  Copy:
    Type: AWS::S3::Bucket
  Policy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Src
      PolicyDocument:
        Statement:
          - { Effect: Allow, Principal: "*", Action: "s3:GetObject", Resource: "*" }
          - { Effect: Deny, Principal: "*", Action: "s3:*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": false } } }
`);
    const b = r.model.aws.s3.buckets[0];
    expect(b.object_lock).toEqual({ enabled: true, mode: 'GOVERNANCE', days: 30 });
    expect(b.lifecycle_rules).toEqual([{ enabled: true, noncurrent_version_expiration_days: 60, transitions: [] }]);
    expect(b.replication).toEqual({
      enabled: true,
      rules: [
        { status: 'Enabled', destination_bucket: UNKNOWN, destination_region: UNKNOWN },
        { status: 'Enabled', destination_bucket: 'arn:aws:s3:::elsewhere' },
      ],
    });
    const e = r.sourceMap.find((x) => x.id === b.id)!;
    expect(e.fields['policy.Statement.1'].start.line).toBe(25);
    expect(e.fields['lifecycle_rules'].start.line).toBe(8);
  });

  it('maps Firehose sources, destinations and encryption; DLM target tags', () => {
    const r = adapt(`Resources:
  Fh:
    Type: AWS::KinesisFirehose::DeliveryStream
    Properties:
      DeliveryStreamType: KinesisStreamAsSource
      RedshiftDestinationConfiguration: { ClusterJDBCURL: x }
      DeliveryStreamEncryptionConfigurationInput: { KeyType: CUSTOMER_MANAGED_CMK, KeyARN: arn:key }
  Dlm:
    Type: AWS::DLM::LifecyclePolicy
    Properties:
      PolicyDetails:
        ResourceTypes: [INSTANCE]
        TargetTags: [{ Key: Backup, Value: "yes" }]
        Schedules: [{ Name: s, RetainRule: { Interval: 2, IntervalUnit: WEEKS } }]
`);
    expect(strip(r.model.aws.kinesis.firehose_streams[0])).toEqual({
      name: 'Fh', destination: 'redshift', source: 'kinesis_stream',
      server_side_encryption: { enabled: true, key_type: 'CUSTOMER_MANAGED_CMK', key_arn: 'arn:key' }, tags: {},
    });
    expect(strip(r.model.aws.dlm.lifecycle_policies[0])).toEqual({
      state: 'ENABLED', policy_type: 'EBS_SNAPSHOT_MANAGEMENT', resource_types: ['INSTANCE'], target_tags: { Backup: 'yes' },
      schedules: [{ name: 's', retain_rule: { interval: 2, interval_unit: 'WEEKS' } }], tags: {},
    });
  });
});
