/**
 * DynamoDB, EFS, AWS Backup, DLM, SQS, SNS, Kinesis (streams and Firehose), Secrets Manager
 * and ECR. Defaults are the AWS APIs' (src/adapt/aws/defaults.ts, shared with CloudFormation;
 * documented per collection in docs/model/aws-data.md).
 * Secret values (`aws_secretsmanager_secret_version`) are never read.
 */
import { jsonObject } from '../../aws/json-value.js';
import type { ObjectBuilder } from '../../builder.js';
import { isUnknown, UNKNOWN } from '../../../model/model.js';
import { allRefs } from '../references.js';
import type { TerraformResource } from '../resource.js';
import { attrWhere, type BodyView } from '../view.js';
import { copyAttr, copyAttrs, copyTags, jsonValue, toBool, toNumber, toStringList, type ResourceAdapter, type TfAwsContext } from './context.js';


/** The resource of `types` an attribute refers to anywhere inside its expression (templates included). */
function refTarget(ctx: TfAwsContext, r: TerraformResource, attrName: string, types: string[]): TerraformResource | undefined {
  const a = r.view.attr(attrName);
  if (!a) return undefined;
  for (const ref of allRefs(a.expr)) {
    if (!types.includes(ref.type)) continue;
    const t = ctx.resources.find((c) => c.module === r.module && c.type === ref.type && c.name === ref.name);
    if (t) return t;
  }
  return undefined;
}

/** Folds a split resource into the object its `attrName` designates (by reference, or by a literal equal to `matchAttr`). */
function foldInto(attrName: string, types: string[], matchAttr: string | undefined, fn: (b: ObjectBuilder, r: TerraformResource) => void): ResourceAdapter {
  return (r, ctx) => {
    const target = ctx.target(r, attrName, types, matchAttr) ?? refTarget(ctx, r, attrName, types);
    const b = target && ctx.builder(target);
    if (b) fn(b, r);
  };
}

/** Copies `name` into a nested block's field when the block exists (recording its range). */
function block(b: ObjectBuilder, path: (string | number)[], view: BodyView, spec: Record<string, unknown>): BodyView | undefined {
  const blk = view.blocks(path[path.length - 1] as string)[0];
  if (!blk) return undefined;
  b.locate(path, blk);
  if (blk.unknown) {
    b.set(path, UNKNOWN, blk);
    return undefined;
  }
  for (const [name, def] of Object.entries(spec)) copyAttr(b, [...path, name], blk, name, def, toBool);
  return blk;
}

// ---------------------------------------------------------------- DynamoDB

const DDB_TABLE = ['aws_dynamodb_table'];

const dynamodbTable: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'dynamodb', 'tables');
  const v = r.view;
  copyAttr(b, ['name'], v, 'name');
  copyAttrs(b, [], v, { billing_mode: undefined, read_capacity: undefined, write_capacity: undefined, deletion_protection_enabled: undefined, stream_enabled: undefined, table_class: undefined });
  block(b, ['point_in_time_recovery'], v, { enabled: false });
  block(b, ['server_side_encryption'], v, { enabled: false, kms_key_arn: undefined });
  block(b, ['ttl'], v, { enabled: false, attribute_name: undefined });
  v.blocks('replica').forEach((rep, i) => {
    b.set(['replicas', i], rep.unknown ? UNKNOWN : {}, rep);
    if (rep.unknown) return;
    copyAttrs(b, ['replicas', i], rep, { region_name: undefined, kms_key_arn: undefined, point_in_time_recovery: false });
  });
  copyTags(b, v);
};

// aws_appautoscaling_target { service_namespace = "dynamodb", resource_id = "table/<name>" }
const dynamodbScaling: ResourceAdapter = (r, ctx) => {
  const v = r.view;
  if (v.attr('service_namespace')?.value !== 'dynamodb') return;
  const rid = v.attr('resource_id');
  if (!rid) return;
  let target = refTarget(ctx, r, 'resource_id', DDB_TABLE);
  if (!target && typeof rid.value === 'string') {
    const m = /^table\/([^/]+)$/.exec(rid.value);
    if (m) target = ctx.resources.find((c) => c.module === r.module && c.type === 'aws_dynamodb_table' && c.view.attr('name')?.value === m[1]);
  }
  // index-level targets (table/x/index/y) scale an index, not the table
  if (typeof rid.value === 'string' && rid.value.includes('/index/')) return;
  const b = target && ctx.builder(target);
  if (!b) return;
  const dim = v.attr('scalable_dimension')?.value;
  if (isUnknown(dim)) {
    b.set(['autoscaling', 'read_capacity'], UNKNOWN);
    b.set(['autoscaling', 'write_capacity'], UNKNOWN);
  } else if (dim === 'dynamodb:table:ReadCapacityUnits') b.set(['autoscaling', 'read_capacity'], true);
  else if (dim === 'dynamodb:table:WriteCapacityUnits') b.set(['autoscaling', 'write_capacity'], true);
};

const dynamodbReplica = foldInto('global_table_arn', DDB_TABLE, undefined, (b, r) => {
  const reps = b.get(['replicas']);
  const i = Array.isArray(reps) ? reps.length : 0;
  b.set(['replicas', i], {}, r.view);
  const region = r.region;
  b.set(['replicas', i, 'region_name'], region === undefined ? UNKNOWN : region);
  copyAttr(b, ['replicas', i, 'kms_key_arn'], r.view, 'kms_key_arn');
  copyAttr(b, ['replicas', i, 'point_in_time_recovery'], r.view, 'point_in_time_recovery', false, toBool);
});

// ---------------------------------------------------------------- EFS

const efsFileSystem: ResourceAdapter = (r, ctx) => {
  // API-created file systems have automatic backups off unless a backup policy turns them on.
  const b = ctx.create(r, 'efs', 'file_systems');
  const v = r.view;
  copyAttrs(b, [], v, { creation_token: undefined, encrypted: undefined, kms_key_id: undefined, performance_mode: undefined, throughput_mode: undefined });
  v.blocks('lifecycle_policy').forEach((lp, i) => {
    b.set(['lifecycle_policies', i], lp.unknown ? UNKNOWN : {}, lp);
    if (!lp.unknown) copyAttrs(b, ['lifecycle_policies', i], lp, { transition_to_ia: undefined, transition_to_archive: undefined, transition_to_primary_storage_class: undefined });
  });
  copyTags(b, v);
};

const efsBackupPolicy = foldInto('file_system_id', ['aws_efs_file_system'], undefined, (b, r) => {
  b.locate(['backup_policy'], r.view);
  const bp = r.view.blocks('backup_policy')[0];
  if (!bp || bp.unknown) b.set(['backup_policy', 'status'], UNKNOWN, bp ?? r.view);
  else copyAttr(b, ['backup_policy', 'status'], bp, 'status');
});

// ---------------------------------------------------------------- AWS Backup

const backupPlan: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'backup', 'plans');
  const v = r.view;
  copyAttr(b, ['name'], v, 'name');
  v.blocks('rule').forEach((rule, i) => {
    b.set(['rules', i], rule.unknown ? UNKNOWN : { copy_actions: [] }, rule);
    if (rule.unknown) return;
    copyAttrs(b, ['rules', i], rule, { rule_name: undefined, target_vault_name: undefined, schedule: undefined });
    const lc = rule.blocks('lifecycle')[0];
    if (lc) {
      b.set(['rules', i, 'lifecycle'], lc.unknown ? UNKNOWN : {}, lc);
      if (!lc.unknown) copyAttrs(b, ['rules', i, 'lifecycle'], lc, { delete_after: undefined, cold_storage_after: undefined });
    }
    rule.blocks('copy_action').forEach((ca, j) => {
      b.set(['rules', i, 'copy_actions', j], ca.unknown ? UNKNOWN : {}, ca);
      if (!ca.unknown) copyAttr(b, ['rules', i, 'copy_actions', j, 'destination_vault_arn'], ca, 'destination_vault_arn');
    });
  });
  copyTags(b, v);
};

const backupVault: ResourceAdapter = (r, ctx) => {
  // Without kms_key_arn the vault uses the AWS managed key aws/backup.
  const b = ctx.create(r, 'backup', 'vaults');
  const v = r.view;
  copyAttr(b, ['name'], v, 'name');
  copyAttr(b, ['kms_key_arn'], v, 'kms_key_arn');
  copyAttr(b, ['force_destroy'], v, 'force_destroy', undefined, toBool);
  copyTags(b, v);
};

const backupVaultLock = foldInto('backup_vault_name', ['aws_backup_vault'], 'name', (b, r) => {
  b.set(['lock', 'enabled'], true, r.view);
  copyAttrs(b, ['lock'], r.view, { min_retention_days: undefined, max_retention_days: undefined, changeable_for_days: undefined });
});

// aws_backup_selection: what a plan backs up. A selection whose plan cannot be resolved makes
// every plan's selections unknown (it may belong to any of them).
const backupSelection: ResourceAdapter = (r, ctx) => {
  const target = ctx.target(r, 'plan_id', ['aws_backup_plan']) ?? refTarget(ctx, r, 'plan_id', ['aws_backup_plan']);
  const b = target && ctx.builder(target);
  if (!b) {
    for (const c of ctx.resources) {
      if (c.type !== 'aws_backup_plan' || c.module !== r.module) continue;
      const pb = ctx.builder(c);
      if (pb && Array.isArray(pb.get(['selections']))) pb.set(['selections'], UNKNOWN);
    }
    return;
  }
  const sels = b.get(['selections']);
  if (!Array.isArray(sels)) return;
  const i = sels.length;
  b.set(['selections', i], {}, r.view);
  copyAttr(b, ['selections', i, 'name'], r.view, 'name');
  copyAttr(b, ['selections', i, 'resources'], r.view, 'resources', [], toStringList);
  const tags = r.view.blocks('selection_tag');
  b.set(['selections', i, 'selection_tags'], tags.some((t) => t.unknown) ? UNKNOWN : tags.length);
};

// ---------------------------------------------------------------- DLM

const dlmPolicy: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'dlm', 'lifecycle_policies');
  const v = r.view;
  // default_policy = "VOLUME" | "INSTANCE": a default policy covers every volume (or instance) of the region
  copyAttrs(b, [], v, { description: undefined, state: undefined, default_policy: undefined });
  const pd = v.blocks('policy_details')[0];
  if (!pd || pd.unknown) {
    if (pd) b.set(['policy_type'], UNKNOWN, pd);
    copyTags(b, v);
    return;
  }
  b.locate(['policy_details'], pd);
  copyAttr(b, ['policy_type'], pd, 'policy_type', 'EBS_SNAPSHOT_MANAGEMENT');
  copyAttr(b, ['resource_types'], pd, 'resource_types', undefined, toStringList);
  copyAttr(b, ['target_tags'], pd, 'target_tags');
  pd.blocks('schedule').forEach((s, i) => {
    b.set(['schedules', i], s.unknown ? UNKNOWN : {}, s);
    if (s.unknown) return;
    copyAttr(b, ['schedules', i, 'name'], s, 'name');
    const rr = s.blocks('retain_rule')[0];
    if (rr) {
      b.set(['schedules', i, 'retain_rule'], rr.unknown ? UNKNOWN : {}, rr);
      if (!rr.unknown) copyAttrs(b, ['schedules', i, 'retain_rule'], rr, { count: undefined, interval: undefined, interval_unit: undefined });
    }
  });
  copyTags(b, v);
};

// ---------------------------------------------------------------- SQS

const SQS = ['aws_sqs_queue'];

const sqsQueue: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'sqs', 'queues');
  const v = r.view;
  copyAttr(b, ['name'], v, 'name');
  copyAttrs(b, [], v, {
    fifo_queue: undefined,
    kms_master_key_id: undefined,
    // Queues created since October 2022 get SSE-SQS unless a KMS key is given or it is turned off.
    sqs_managed_sse_enabled: v.attr('kms_master_key_id') ? false : undefined,
    message_retention_seconds: undefined,
    visibility_timeout_seconds: undefined,
  });
  const rp = v.attr('redrive_policy');
  // "" is no redrive policy (older terraform-aws-sqs modules default to it)
  if (rp && rp.value !== '') b.set(['redrive_policy'], jsonObject(jsonValue(rp)), attrWhere(v, rp));
  if (v.attr('redrive_allow_policy')) b.set(['is_dead_letter_queue'], true);
  copyTags(b, v);
};

/** Marks the queues a redrive policy sends to as dead-letter queues (by reference or by ARN). */
function markDeadLetterTargets(ctx: TfAwsContext, r: TerraformResource, attrName: string): void {
  const a = r.view.attr(attrName);
  if (!a) return;
  for (const ref of allRefs(a.expr)) {
    if (ref.type !== 'aws_sqs_queue') continue;
    const t = ctx.resources.find((c) => c.module === r.module && c.type === ref.type && c.name === ref.name);
    const tb = t && ctx.builder(t);
    if (tb) tb.set(['is_dead_letter_queue'], true);
  }
  const doc = jsonObject(jsonValue(a)) as Record<string, unknown>;
  const arn = !isUnknown(doc) ? doc.deadLetterTargetArn : undefined;
  if (typeof arn === 'string') {
    const name = arn.split(':').pop();
    for (const c of ctx.resources) if (c.type === 'aws_sqs_queue' && c.module === r.module && c.view.attr('name')?.value === name) ctx.builder(c)?.set(['is_dead_letter_queue'], true);
  }
}

const sqsQueueLinks: ResourceAdapter = (r, ctx) => markDeadLetterTargets(ctx, r, 'redrive_policy');

const sqsRedrivePolicy: ResourceAdapter = (r, ctx) => {
  markDeadLetterTargets(ctx, r, 'redrive_policy');
  foldInto('queue_url', SQS, undefined, (b) => {
    const rp = r.view.attr('redrive_policy');
    if (rp) b.set(['redrive_policy'], jsonObject(jsonValue(rp)), attrWhere(r.view, rp));
  })(r, ctx);
};

const sqsRedriveAllow = foldInto('queue_url', SQS, undefined, (b) => b.set(['is_dead_letter_queue'], true));

// ---------------------------------------------------------------- SNS

const snsTopic: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'sns', 'topics');
  const v = r.view;
  copyAttr(b, ['name'], v, 'name');
  copyAttrs(b, [], v, { kms_master_key_id: undefined, fifo_topic: undefined });
  copyTags(b, v);
};

// ---------------------------------------------------------------- Kinesis

const kinesisStream: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'kinesis', 'streams');
  const v = r.view;
  copyAttr(b, ['name'], v, 'name');
  copyAttrs(b, [], v, { encryption_type: undefined, kms_key_id: undefined, retention_period: undefined, shard_count: undefined });
  const smd = v.blocks('stream_mode_details')[0];
  if (smd) copyAttr(b, ['stream_mode'], smd, 'stream_mode', smd.unknown ? undefined : 'PROVISIONED');
  copyTags(b, v);
};

const firehose: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'kinesis', 'firehose_streams');
  const v = r.view;
  copyAttr(b, ['name'], v, 'name');
  copyAttr(b, ['destination'], v, 'destination');
  // Records read from a Kinesis stream or MSK are protected by the source's encryption.
  b.set(['source'], v.blocks('kinesis_source_configuration').length ? 'kinesis_stream' : v.blocks('msk_source_configuration').length ? 'msk' : 'direct_put');
  block(b, ['server_side_encryption'], v, { enabled: false, key_type: 'AWS_OWNED_CMK', key_arn: undefined });
  copyTags(b, v);
};

// ---------------------------------------------------------------- Secrets Manager

const SECRET = ['aws_secretsmanager_secret'];

const secret: ResourceAdapter = (r, ctx) => {
  // Without kms_key_id Secrets Manager uses the AWS managed key aws/secretsmanager.
  const b = ctx.create(r, 'secretsmanager', 'secrets');
  const v = r.view;
  copyAttr(b, ['name'], v, 'name');
  copyAttr(b, ['kms_key_id'], v, 'kms_key_id');
  copyAttr(b, ['recovery_window_in_days'], v, 'recovery_window_in_days', undefined, toNumber);
  copyTags(b, v);
};

const secretRotation = foldInto('secret_id', SECRET, 'name', (b, r) => {
  b.set(['rotation', 'enabled'], true, r.view);
  const rules = r.view.blocks('rotation_rules')[0];
  if (rules && !rules.unknown) copyAttrs(b, ['rotation'], rules, { automatically_after_days: undefined, schedule_expression: undefined });
});

// ---------------------------------------------------------------- ECR

const ECR = ['aws_ecr_repository'];

const ecrRepository: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'ecr', 'repositories');
  const v = r.view;
  copyAttr(b, ['name'], v, 'name');
  copyAttr(b, ['image_tag_mutability'], v, 'image_tag_mutability');
  block(b, ['image_scanning_configuration'], v, { scan_on_push: false });
  block(b, ['encryption_configuration'], v, { encryption_type: 'AES256', kms_key: undefined });
  copyTags(b, v);
};

const ecrLifecycle = foldInto('repository', ECR, 'name', (b, r) => b.set(['lifecycle_policy'], true, r.view));

export const primary: Record<string, ResourceAdapter> = {
  aws_dynamodb_table: dynamodbTable,
  aws_efs_file_system: efsFileSystem,
  aws_backup_plan: backupPlan,
  aws_backup_vault: backupVault,
  aws_dlm_lifecycle_policy: dlmPolicy,
  aws_sqs_queue: sqsQueue,
  aws_sns_topic: snsTopic,
  aws_kinesis_stream: kinesisStream,
  aws_kinesis_firehose_delivery_stream: firehose,
  aws_secretsmanager_secret: secret,
  aws_ecr_repository: ecrRepository,
};

export const folds: Record<string, ResourceAdapter> = {
  aws_appautoscaling_target: dynamodbScaling,
  aws_dynamodb_table_replica: dynamodbReplica,
  aws_efs_backup_policy: efsBackupPolicy,
  aws_backup_vault_lock_configuration: backupVaultLock,
  aws_backup_selection: backupSelection,
  aws_sqs_queue: sqsQueueLinks,
  aws_sqs_queue_redrive_policy: sqsRedrivePolicy,
  aws_sqs_queue_redrive_allow_policy: sqsRedriveAllow,
  aws_secretsmanager_secret_rotation: secretRotation,
  aws_ecr_lifecycle_policy: ecrLifecycle,
};
