/**
 * Storage and data services: DynamoDB (tables, global tables, Application Auto Scaling targets),
 * EFS, AWS Backup, DLM, SQS, SNS, Kinesis (streams and Firehose), Secrets Manager and ECR.
 * The model is the Terraform adapter's (`src/adapt/terraform/aws/data.ts`, docs/model/aws-data.md);
 * defaults are the APIs' (src/adapt/aws/defaults.ts, shared with Terraform), overridden only where
 * CloudFormation documents its own (see docs/cloudformation.md where they differ).
 * Secret values (`SecretString`, `GenerateSecretString`, `AWS::SecretsManager::SecretTargetAttachment`)
 * are never read.
 */
import { jsonObject } from '../aws/json-value.js';
import type { ObjectBuilder } from '../builder.js';
import { isUnknown, UNKNOWN, type ModelPath } from '../../model/model.js';
import type { Range } from '../../model/source.js';
import type { CfnNode } from '../../parse/cloudformation/load.js';
import { copyProp, copyProps, copyTags, tagObject, toBool, toNumber, toStr, toStringList, where, type CfnContext, type CfnResource, type ResourceAdapter } from './context.js';
import { intrinsicOf, toModel, UnknownValue } from './intrinsics.js';
import type { Props } from './props.js';

type Spec = Record<string, [string, unknown?, ((v: unknown) => unknown)?]>;

/** The whole resource entry (logical id to end of body), for fields a standalone resource sets. */
function whole(r: CfnResource): { file: string; range: Range } {
  return { file: r.location.file, range: { start: r.location.start, end: r.location.end } };
}

/**
 * A nested property mapping (`PointInTimeRecoverySpecification`, …) copied into `path`: the
 * mapping's range on `path`, each property's on its field; unknown as a whole when it is.
 */
function nested(b: ObjectBuilder, path: ModelPath, p: Props, key: string, spec: Spec): Props | undefined {
  const s = p.sub(key);
  if (!s) return undefined;
  if (s.unknown) {
    b.set(path, UNKNOWN, where(p, key));
    return undefined;
  }
  b.locate(path, where(p, key)!);
  copyProps(b, path, s, spec);
  return s;
}

/** The logical ids an evaluated value depends on (`!GetAtt Q.Arn`, `!Sub "table/${T}"`, …). */
function refsOf(v: unknown, out: string[] = [], depth = 0): string[] {
  if (depth > 50) return out;
  if (v instanceof UnknownValue) out.push(...v.refs);
  else if (Array.isArray(v)) for (const x of v) refsOf(x, out, depth + 1);
  else if (typeof v === 'object' && v !== null) for (const x of Object.values(v)) refsOf(x, out, depth + 1);
  return out;
}

/** The first resource of `types` a value depends on. */
function refTarget(ctx: CfnContext, v: unknown, types: string[]): CfnResource | undefined {
  for (const id of refsOf(v)) {
    const t = ctx.resources.get(id);
    if (t && types.includes(t.type)) return t;
  }
  return undefined;
}

/** Every literal string written in a node (intrinsic arguments included). */
function literals(node: CfnNode | undefined, out: string[] = []): string[] {
  if (!node) return out;
  if (node.kind === 'scalar') {
    if (typeof node.value === 'string') out.push(node.value);
  } else if (node.kind === 'seq') for (const it of node.items) literals(it, out);
  else for (const e of node.entries) literals(e.value, out);
  return out;
}

/** A JSON property given as an object or as a JSON string; unknown when it is neither. */
function jsonValue(v: unknown): unknown {
  return typeof v === 'string' || isUnknown(v) ? jsonObject(v) : v !== null && typeof v === 'object' ? toModel(v) : UNKNOWN;
}

// ---------------------------------------------------------------- DynamoDB

const TABLE = ['AWS::DynamoDB::Table'];

/** Fields common to AWS::DynamoDB::Table and AWS::DynamoDB::GlobalTable. */
function tableCommon(b: ObjectBuilder, r: CfnResource): void {
  const p = r.props;
  copyProp(b, ['name'], p, 'TableName', r.logicalId);
  // "If not specified, the default is PROVISIONED" (both resource types; src/adapt/aws/defaults.ts)
  copyProp(b, ['billing_mode'], p, 'BillingMode');
  // a StreamSpecification (its StreamViewType is required) turns the stream on
  const stream = p.sub('StreamSpecification');
  if (stream) b.set(['stream_enabled'], stream.unknown ? UNKNOWN : true, where(p, 'StreamSpecification'));
  else if (p.unknown) b.set(['stream_enabled'], UNKNOWN);
  nested(b, ['ttl'], p, 'TimeToLiveSpecification', { enabled: ['Enabled', false, toBool], attribute_name: ['AttributeName'] });
}

const table: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'dynamodb', 'tables');
  const p = r.props;
  tableCommon(b, r);
  const pt = p.sub('ProvisionedThroughput');
  if (pt) copyProps(b, [], pt, { read_capacity: ['ReadCapacityUnits', undefined, toNumber], write_capacity: ['WriteCapacityUnits', undefined, toNumber] });
  copyProps(b, [], p, {
    deletion_protection_enabled: ['DeletionProtectionEnabled', undefined, toBool],
    table_class: ['TableClass'],
  });
  nested(b, ['point_in_time_recovery'], p, 'PointInTimeRecoverySpecification', { enabled: ['PointInTimeRecoveryEnabled', false, toBool] });
  nested(b, ['server_side_encryption'], p, 'SSESpecification', { enabled: ['SSEEnabled', false, toBool], kms_key_arn: ['KMSMasterKeyId'] });
  copyTags(b, p);
};

/** `Region: !Ref AWS::Region` (or `!Sub "${AWS::Region}"`): the replica in the stack's own region. */
function isLocalRegion(node: CfnNode | undefined): boolean {
  const fn = intrinsicOf(node);
  if (!fn || fn.arg.kind !== 'scalar') return false;
  return (fn.name === 'Ref' && fn.arg.value === 'AWS::Region') || (fn.name === 'Fn::Sub' && fn.arg.value === '${AWS::Region}');
}

/** A value read from one replica: the model value and, when written, its range. */
type Read = { value: unknown; at?: { file: string; range: Range } };

function readProp(p: Props | undefined, path: string[], def: unknown, convert: (v: unknown) => unknown = (v) => v): Read {
  let cur = p;
  for (let i = 0; i < path.length - 1 && cur; i++) {
    const next = cur.sub(path[i]);
    if (next?.unknown) return { value: UNKNOWN, at: where(cur, path[i]) };
    cur = next;
  }
  const key = path[path.length - 1];
  const v = cur?.get(key);
  if (v === undefined) return { value: def };
  return { value: isUnknown(v) ? UNKNOWN : toModel(convert(v)), at: where(cur!, key) };
}

/**
 * AWS::DynamoDB::GlobalTable: PITR, deletion protection, table class, the KMS key and tags are
 * per replica; the table's own are those of the replica in the stack's region — the one whose
 * `Region` is `!Ref AWS::Region`, or the only one. When several replicas name literal regions,
 * a value all of them share is taken, anything else is unknown, and every replica is listed.
 */
const globalTable: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'dynamodb', 'tables');
  const p = r.props;
  tableCommon(b, r);
  nested(b, ['server_side_encryption'], p, 'SSESpecification', { enabled: ['SSEEnabled', false, toBool] });
  // write capacity of a provisioned global table is always auto scaled (WriteCapacityAutoScalingSettings)
  const wpt = p.sub('WriteProvisionedThroughputSettings');
  if (wpt) b.set(['autoscaling', 'write_capacity'], wpt.unknown ? UNKNOWN : wpt.has('WriteCapacityAutoScalingSettings'), where(p, 'WriteProvisionedThroughputSettings'));

  const list = p.list('Replicas');
  if (list === undefined) {
    copyTags(b, p);
    return;
  }
  if (!Array.isArray(list)) {
    for (const path of [['replicas'], ['point_in_time_recovery', 'enabled'], ['deletion_protection_enabled'], ['table_class'], ['tags'], ['server_side_encryption', 'kms_key_arn']]) b.set(path, UNKNOWN, where(p, 'Replicas'));
    return;
  }
  const replicas = list;
  let local = replicas.find((rep) => !rep.unknown && isLocalRegion(rep.node('Region')));
  if (!local && replicas.length === 1) local = replicas[0];
  // a per-replica value of the table: the local replica's, else one all replicas agree on
  const perReplica = (path: ModelPath, read: (rep: Props) => Read): void => {
    const from = local ? [local] : replicas;
    const reads = from.map((rep) => (rep.unknown ? { value: UNKNOWN, at: where(rep) } : read(rep)));
    const same = reads.every((x) => JSON.stringify(x.value) === JSON.stringify(reads[0].value));
    const pick = same ? (reads.find((x) => x.at) ?? reads[0]) : { value: UNKNOWN, at: where(p, 'Replicas') };
    if (pick) b.set(path, pick.value, pick.at);
  };
  perReplica(['point_in_time_recovery', 'enabled'], (rep) => readProp(rep, ['PointInTimeRecoverySpecification', 'PointInTimeRecoveryEnabled'], false, toBool));
  perReplica(['deletion_protection_enabled'], (rep) => readProp(rep, ['DeletionProtectionEnabled'], false, toBool));
  perReplica(['table_class'], (rep) => readProp(rep, ['TableClass'], 'STANDARD'));
  const sse = b.get(['server_side_encryption']);
  if (typeof sse === 'object' && sse !== null && !isUnknown(sse)) perReplica(['server_side_encryption', 'kms_key_arn'], (rep) => readProp(rep, ['SSESpecification', 'KMSMasterKeyId'], undefined));
  perReplica(['autoscaling', 'read_capacity'], (rep) => {
    const rpt = rep.sub('ReadProvisionedThroughputSettings');
    if (!rpt) return { value: false };
    return { value: rpt.unknown ? UNKNOWN : rpt.has('ReadCapacityAutoScalingSettings'), at: where(rep, 'ReadProvisionedThroughputSettings') };
  });
  perReplica(['tags'], (rep) => ({ value: rep.has('Tags') ? tagObject(rep.get('Tags')) : {}, at: rep.has('Tags') ? where(rep, 'Tags') : undefined }));
  if (typeof sse === 'object' && sse !== null && !isUnknown(sse) && (sse as Record<string, unknown>).kms_key_arn === undefined) delete (sse as Record<string, unknown>).kms_key_arn;

  b.set(['replicas'], [], where(p, 'Replicas'));
  let n = 0;
  for (const rep of replicas) {
    if (rep === local) continue;
    const i = n++;
    b.set(['replicas', i], rep.unknown ? UNKNOWN : {}, where(rep));
    if (rep.unknown) continue;
    copyProp(b, ['replicas', i, 'region_name'], rep, 'Region');
    const kms = readProp(rep, ['SSESpecification', 'KMSMasterKeyId'], undefined);
    if (kms.value !== undefined) b.set(['replicas', i, 'kms_key_arn'], kms.value, kms.at);
    const pitr = readProp(rep, ['PointInTimeRecoverySpecification', 'PointInTimeRecoveryEnabled'], false, toBool);
    b.set(['replicas', i, 'point_in_time_recovery'], pitr.value, pitr.at);
  }
};

/**
 * AWS::ApplicationAutoScaling::ScalableTarget with `ServiceNamespace: dynamodb` and a table
 * `ResourceId` (`table/<TableName>`, `!Sub "table/${Table}"`, `!Join ["/", [table, !Ref Table]]`)
 * marks that dimension of the table auto scaled. Index targets are ignored.
 */
const scalableTarget: ResourceAdapter = (r, ctx) => {
  const p = r.props;
  if (p.get('ServiceNamespace') !== 'dynamodb') return;
  const rid = p.get('ResourceId');
  if (rid === undefined) return;
  const written = literals(p.node('ResourceId'));
  if (written.some((s) => s === 'index' || s.includes('/index/') || s.startsWith('index/') || s.endsWith('/index'))) return;
  let target = refTarget(ctx, rid, TABLE);
  if (!target && typeof rid === 'string') {
    const m = /^table\/([^/]+)$/.exec(rid);
    if (m) target = [...ctx.resources.values()].find((c) => TABLE.includes(c.type) && c.props.get('TableName') === m[1]);
  }
  const b = target && ctx.builder(target.logicalId);
  if (!b) return;
  ctx.foldInto(b, r);
  const dim = p.get('ScalableDimension');
  const at = where(p, 'ScalableDimension');
  if (isUnknown(dim)) {
    b.set(['autoscaling', 'read_capacity'], UNKNOWN, at);
    b.set(['autoscaling', 'write_capacity'], UNKNOWN, at);
  } else if (dim === 'dynamodb:table:ReadCapacityUnits') b.set(['autoscaling', 'read_capacity'], true, at);
  else if (dim === 'dynamodb:table:WriteCapacityUnits') b.set(['autoscaling', 'write_capacity'], true, at);
};

// ---------------------------------------------------------------- EFS

const fileSystem: ResourceAdapter = (r, ctx) => {
  // File systems created through the API (and CloudFormation) have automatic backups off.
  const b = ctx.create(r, 'efs', 'file_systems');
  const p = r.props;
  copyProps(b, [], p, {
    encrypted: ['Encrypted', undefined, toBool],
    kms_key_id: ['KmsKeyId'],
    performance_mode: ['PerformanceMode'],
    throughput_mode: ['ThroughputMode'],
  });
  const lps = p.list('LifecyclePolicies');
  if (lps !== undefined) {
    if (!Array.isArray(lps)) b.set(['lifecycle_policies'], UNKNOWN, where(p, 'LifecyclePolicies'));
    else {
      b.locate(['lifecycle_policies'], where(p, 'LifecyclePolicies')!);
      lps.forEach((lp, i) => {
        b.set(['lifecycle_policies', i], lp.unknown ? UNKNOWN : {}, where(lp));
        if (!lp.unknown)
          copyProps(b, ['lifecycle_policies', i], lp, {
            transition_to_ia: ['TransitionToIA'],
            transition_to_archive: ['TransitionToArchive'],
            transition_to_primary_storage_class: ['TransitionToPrimaryStorageClass'],
          });
      });
    }
  }
  nested(b, ['backup_policy'], p, 'BackupPolicy', { status: ['Status', UNKNOWN] });
  copyTags(b, p, 'FileSystemTags');
};

// ---------------------------------------------------------------- AWS Backup

const PLAN = ['AWS::Backup::BackupPlan'];

const backupPlan: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'backup', 'plans');
  const p = r.props;
  copyTags(b, p, 'BackupPlanTags');
  const plan = p.sub('BackupPlan');
  if (!plan) {
    b.set(['name'], r.logicalId);
    return;
  }
  if (plan.unknown) {
    b.set(['name'], UNKNOWN, where(p, 'BackupPlan'));
    b.set(['rules'], UNKNOWN, where(p, 'BackupPlan'));
    return;
  }
  copyProp(b, ['name'], plan, 'BackupPlanName', r.logicalId);
  const rules = plan.list('BackupPlanRule');
  if (rules === undefined) return;
  if (!Array.isArray(rules)) {
    b.set(['rules'], UNKNOWN, where(plan, 'BackupPlanRule'));
    return;
  }
  b.locate(['rules'], where(plan, 'BackupPlanRule')!);
  rules.forEach((rule, i) => {
    b.set(['rules', i], rule.unknown ? UNKNOWN : { copy_actions: [] }, where(rule));
    if (rule.unknown) return;
    copyProps(b, ['rules', i], rule, { rule_name: ['RuleName'], target_vault_name: ['TargetBackupVault'], schedule: ['ScheduleExpression'] });
    const lc = rule.sub('Lifecycle');
    if (lc) {
      b.set(['rules', i, 'lifecycle'], lc.unknown ? UNKNOWN : {}, where(rule, 'Lifecycle'));
      if (!lc.unknown) copyProps(b, ['rules', i, 'lifecycle'], lc, { delete_after: ['DeleteAfterDays', undefined, toNumber], cold_storage_after: ['MoveToColdStorageAfterDays', undefined, toNumber] });
    }
    const cas = rule.list('CopyActions');
    if (cas === undefined) return;
    if (!Array.isArray(cas)) {
      b.set(['rules', i, 'copy_actions'], UNKNOWN, where(rule, 'CopyActions'));
      return;
    }
    b.locate(['rules', i, 'copy_actions'], where(rule, 'CopyActions')!);
    cas.forEach((ca, j) => {
      b.set(['rules', i, 'copy_actions', j], ca.unknown ? UNKNOWN : {}, where(ca));
      if (!ca.unknown) copyProp(b, ['rules', i, 'copy_actions', j, 'destination_vault_arn'], ca, 'DestinationBackupVaultArn');
    });
  });
};

const backupVault: ResourceAdapter = (r, ctx) => {
  // Without EncryptionKeyArn the vault uses the AWS managed key aws/backup; force_destroy is always false.
  const b = ctx.create(r, 'backup', 'vaults');
  const p = r.props;
  copyProp(b, ['name'], p, 'BackupVaultName', r.logicalId);
  copyProp(b, ['kms_key_arn'], p, 'EncryptionKeyArn');
  const lock = p.sub('LockConfiguration');
  if (lock) {
    b.set(['lock'], lock.unknown ? UNKNOWN : { enabled: true }, where(p, 'LockConfiguration'));
    if (!lock.unknown)
      copyProps(b, ['lock'], lock, {
        min_retention_days: ['MinRetentionDays', undefined, toNumber],
        max_retention_days: ['MaxRetentionDays', undefined, toNumber],
        changeable_for_days: ['ChangeableForDays', undefined, toNumber],
      });
  }
  copyTags(b, p, 'BackupVaultTags');
};

/**
 * AWS::Backup::BackupSelection: what a plan backs up (`BackupPlanId: !Ref Plan` or
 * `!GetAtt Plan.BackupPlanId`). A selection whose plan is not in the template makes every
 * plan's selections unknown (it may belong to any of them).
 */
const backupSelection: ResourceAdapter = (r, ctx) => {
  const target = ctx.target(r, 'BackupPlanId', PLAN);
  const b = target && ctx.builder(target.logicalId);
  if (!b) {
    for (const c of ctx.resources.values()) {
      if (!PLAN.includes(c.type)) continue;
      const pb = ctx.builder(c.logicalId);
      if (pb && Array.isArray(pb.get(['selections']))) pb.set(['selections'], UNKNOWN, whole(r));
    }
    return;
  }
  const sels = b.get(['selections']);
  if (!Array.isArray(sels)) return;
  ctx.foldInto(b, r);
  const i = sels.length;
  b.set(['selections', i], {}, whole(r));
  const sel = r.props.sub('BackupSelection');
  if (!sel || sel.unknown) {
    if (sel) b.set(['selections', i], UNKNOWN, where(r.props, 'BackupSelection'));
    return;
  }
  copyProp(b, ['selections', i, 'name'], sel, 'SelectionName');
  copyProp(b, ['selections', i, 'resources'], sel, 'Resources', [], toStringList);
  const tags = sel.get('ListOfTags');
  b.set(['selections', i, 'selection_tags'], tags === undefined ? 0 : Array.isArray(tags) ? tags.length : UNKNOWN, tags === undefined ? undefined : where(sel, 'ListOfTags'));
};

// ---------------------------------------------------------------- DLM

const dlmPolicy: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'dlm', 'lifecycle_policies');
  const p = r.props;
  // DefaultPolicy: VOLUME | INSTANCE — a default policy covers every volume (or instance) of the region
  copyProps(b, [], p, { description: ['Description'], state: ['State'], default_policy: ['DefaultPolicy'] });
  copyTags(b, p);
  const pd = p.sub('PolicyDetails');
  if (!pd) return;
  if (pd.unknown) {
    b.set(['policy_type'], UNKNOWN, where(p, 'PolicyDetails'));
    return;
  }
  b.locate(['policy_details'], where(p, 'PolicyDetails')!);
  copyProp(b, ['policy_type'], pd, 'PolicyType', 'EBS_SNAPSHOT_MANAGEMENT');
  copyProp(b, ['resource_types'], pd, 'ResourceTypes', undefined, toStringList);
  copyProp(b, ['target_tags'], pd, 'TargetTags', undefined, tagObject);
  const schedules = pd.list('Schedules');
  if (schedules === undefined) return;
  if (!Array.isArray(schedules)) {
    b.set(['schedules'], UNKNOWN, where(pd, 'Schedules'));
    return;
  }
  b.locate(['schedules'], where(pd, 'Schedules')!);
  schedules.forEach((s, i) => {
    b.set(['schedules', i], s.unknown ? UNKNOWN : {}, where(s));
    if (s.unknown) return;
    copyProp(b, ['schedules', i, 'name'], s, 'Name');
    const rr = s.sub('RetainRule');
    if (!rr) return;
    b.set(['schedules', i, 'retain_rule'], rr.unknown ? UNKNOWN : {}, where(s, 'RetainRule'));
    if (!rr.unknown) copyProps(b, ['schedules', i, 'retain_rule'], rr, { count: ['Count', undefined, toNumber], interval: ['Interval', undefined, toNumber], interval_unit: ['IntervalUnit'] });
  });
};

// ---------------------------------------------------------------- SQS

const QUEUE = ['AWS::SQS::Queue'];

const queue: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'sqs', 'queues');
  const p = r.props;
  copyProp(b, ['name'], p, 'QueueName', r.logicalId);
  copyProps(b, [], p, {
    fifo_queue: ['FifoQueue', undefined, toBool],
    kms_master_key_id: ['KmsMasterKeyId'],
    // "When SqsManagedSseEnabled is not defined, SSE-SQS encryption is enabled by default" (unless a KMS key is given)
    sqs_managed_sse_enabled: ['SqsManagedSseEnabled', p.has('KmsMasterKeyId') ? false : undefined, toBool],
    message_retention_seconds: ['MessageRetentionPeriod', undefined, toNumber],
    visibility_timeout_seconds: ['VisibilityTimeout', undefined, toNumber],
  });
  const rp = p.get('RedrivePolicy');
  if (rp !== undefined) b.set(['redrive_policy'], redrive(rp), where(p, 'RedrivePolicy'));
  if (p.has('RedriveAllowPolicy')) b.set(['is_dead_letter_queue'], true, where(p, 'RedriveAllowPolicy'));
  copyTags(b, p);
};

function redrive(v: unknown): unknown {
  const doc = jsonValue(v);
  if (isUnknown(doc)) return UNKNOWN;
  const d = { ...(doc as Record<string, unknown>) };
  if (d.maxReceiveCount !== undefined) d.maxReceiveCount = toNumber(d.maxReceiveCount);
  return d;
}

/** Marks the queue a redrive policy sends to as a dead-letter queue (`!GetAtt DLQ.Arn`, or its ARN). */
const queueLinks: ResourceAdapter = (r, ctx) => {
  const rp = r.props.get('RedrivePolicy');
  if (rp === undefined) return;
  const raw = typeof rp === 'string' ? jsonValue(rp) : rp;
  const arn = typeof raw === 'object' && raw !== null && !isUnknown(raw) ? (raw as Record<string, unknown>).deadLetterTargetArn : undefined;
  let target = refTarget(ctx, arn, QUEUE);
  if (!target && typeof arn === 'string') {
    const name = arn.split(':').pop();
    target = [...ctx.resources.values()].find((c) => QUEUE.includes(c.type) && c.props.get('QueueName') === name);
  }
  const tb = target && ctx.builder(target.logicalId);
  if (tb) tb.set(['is_dead_letter_queue'], true);
};

// ---------------------------------------------------------------- SNS

const topic: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'sns', 'topics');
  const p = r.props;
  copyProp(b, ['name'], p, 'TopicName', r.logicalId);
  copyProps(b, [], p, { kms_master_key_id: ['KmsMasterKeyId'], fifo_topic: ['FifoTopic', undefined, toBool] });
  copyTags(b, p);
};

// ---------------------------------------------------------------- Kinesis

const stream: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'kinesis', 'streams');
  const p = r.props;
  copyProp(b, ['name'], p, 'Name', r.logicalId);
  copyProps(b, [], p, { retention_period: ['RetentionPeriodHours', undefined, toNumber], shard_count: ['ShardCount', undefined, toNumber] });
  const enc = p.sub('StreamEncryption');
  if (enc?.unknown) b.set(['encryption_type'], UNKNOWN, where(p, 'StreamEncryption'));
  else if (enc) copyProps(b, [], enc, { encryption_type: ['EncryptionType', UNKNOWN], kms_key_id: ['KeyId'] });
  const smd = p.sub('StreamModeDetails');
  if (smd?.unknown) b.set(['stream_mode'], UNKNOWN, where(p, 'StreamModeDetails'));
  else if (smd) copyProp(b, ['stream_mode'], smd, 'StreamMode', 'PROVISIONED');
  copyTags(b, p);
};

/** The destination configuration property → Terraform's `destination` name. */
const FIREHOSE_DESTINATIONS: Record<string, string> = {
  ExtendedS3DestinationConfiguration: 'extended_s3',
  S3DestinationConfiguration: 's3',
  RedshiftDestinationConfiguration: 'redshift',
  ElasticsearchDestinationConfiguration: 'elasticsearch',
  AmazonopensearchserviceDestinationConfiguration: 'opensearch',
  AmazonOpenSearchServerlessDestinationConfiguration: 'opensearchserverless',
  SplunkDestinationConfiguration: 'splunk',
  HttpEndpointDestinationConfiguration: 'http_endpoint',
  SnowflakeDestinationConfiguration: 'snowflake',
  IcebergDestinationConfiguration: 'iceberg',
};

const FIREHOSE_SOURCES: Record<string, string> = {
  DirectPut: 'direct_put',
  KinesisStreamAsSource: 'kinesis_stream',
  MSKAsSource: 'msk',
  DatabaseAsSource: 'database',
};

const firehose: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'kinesis', 'firehose_streams');
  const p = r.props;
  copyProp(b, ['name'], p, 'DeliveryStreamName', r.logicalId);
  const dest = Object.keys(FIREHOSE_DESTINATIONS).find((k) => p.has(k));
  if (dest) b.set(['destination'], FIREHOSE_DESTINATIONS[dest], where(p, dest));
  // DeliveryStreamType defaults to DirectPut; records read from a stream or MSK are protected by the source's encryption
  copyProp(b, ['source'], p, 'DeliveryStreamType', 'direct_put', (v) => (typeof v === 'string' ? (FIREHOSE_SOURCES[v] ?? v) : v));
  nested(b, ['server_side_encryption'], p, 'DeliveryStreamEncryptionConfigurationInput', { key_type: ['KeyType', 'AWS_OWNED_CMK'], key_arn: ['KeyARN'] });
  const sse = p.sub('DeliveryStreamEncryptionConfigurationInput');
  if (sse && !sse.unknown) b.set(['server_side_encryption', 'enabled'], true, where(p, 'DeliveryStreamEncryptionConfigurationInput'));
  copyTags(b, p);
};

// ---------------------------------------------------------------- Secrets Manager

const SECRET = ['AWS::SecretsManager::Secret'];

const secret: ResourceAdapter = (r, ctx) => {
  // Without KmsKeyId Secrets Manager uses the AWS managed key aws/secretsmanager.
  const b = ctx.create(r, 'secretsmanager', 'secrets');
  const p = r.props;
  copyProp(b, ['name'], p, 'Name', r.logicalId);
  copyProp(b, ['kms_key_id'], p, 'KmsKeyId');
  // CloudFormation deletes a secret without a recovery window (ForceDeleteWithoutRecovery) unless
  // the resource is retained; a retained secret deleted later gets Secrets Manager's 30 days.
  const dp = r.attribute('DeletionPolicy');
  const policy = dp?.value.kind === 'scalar' ? dp.value.value : undefined;
  const window = !dp ? 0 : typeof policy !== 'string' ? UNKNOWN : policy === 'Retain' || policy === 'RetainExceptOnCreate' ? 30 : 0;
  b.set(['recovery_window_in_days'], window, dp ? { file: r.location.file, range: dp.range } : undefined);
  copyTags(b, p);
};

/** AWS::SecretsManager::RotationSchedule: `SecretId: !Ref Secret` (or the secret's literal name). */
const rotationSchedule: ResourceAdapter = (r, ctx) => {
  const target = ctx.target(r, 'SecretId', SECRET, 'Name');
  const b = target && ctx.builder(target.logicalId);
  if (!b) return;
  ctx.foldInto(b, r);
  b.set(['rotation', 'enabled'], true, whole(r));
  const rules = r.props.sub('RotationRules');
  if (rules && !rules.unknown) copyProps(b, ['rotation'], rules, { automatically_after_days: ['AutomaticallyAfterDays', undefined, toNumber], schedule_expression: ['ScheduleExpression', undefined, toStr] });
};

// ---------------------------------------------------------------- ECR

const repository: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'ecr', 'repositories');
  const p = r.props;
  copyProp(b, ['name'], p, 'RepositoryName', r.logicalId);
  copyProp(b, ['image_tag_mutability'], p, 'ImageTagMutability');
  nested(b, ['image_scanning_configuration'], p, 'ImageScanningConfiguration', { scan_on_push: ['ScanOnPush', false, toBool] });
  nested(b, ['encryption_configuration'], p, 'EncryptionConfiguration', { encryption_type: ['EncryptionType', 'AES256'], kms_key: ['KmsKey'] });
  const lp = p.sub('LifecyclePolicy');
  if (lp) b.set(['lifecycle_policy'], lp.unknown ? UNKNOWN : true, where(p, 'LifecyclePolicy'));
  copyTags(b, p);
};

export const primary: Record<string, ResourceAdapter> = {
  'AWS::DynamoDB::Table': table,
  'AWS::DynamoDB::GlobalTable': globalTable,
  'AWS::EFS::FileSystem': fileSystem,
  'AWS::Backup::BackupPlan': backupPlan,
  'AWS::Backup::BackupVault': backupVault,
  'AWS::DLM::LifecyclePolicy': dlmPolicy,
  'AWS::SQS::Queue': queue,
  'AWS::SNS::Topic': topic,
  'AWS::Kinesis::Stream': stream,
  'AWS::KinesisFirehose::DeliveryStream': firehose,
  'AWS::SecretsManager::Secret': secret,
  'AWS::ECR::Repository': repository,
};

export const folds: Record<string, ResourceAdapter> = {
  'AWS::ApplicationAutoScaling::ScalableTarget': scalableTarget,
  'AWS::Backup::BackupSelection': backupSelection,
  'AWS::SQS::Queue': queueLinks,
  'AWS::SecretsManager::RotationSchedule': rotationSchedule,
};
