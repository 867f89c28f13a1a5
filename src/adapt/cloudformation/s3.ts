/**
 * AWS::S3::Bucket → aws.s3.buckets[], with AWS::S3::BucketPolicy folded into its bucket.
 * Defaults are those of the S3 API, as in the Terraform adapter.
 */
import type { ObjectBuilder } from '../builder.js';
import { isUnknown, UNKNOWN } from '../../model/model.js';
import { normalizePolicyDocument } from '../aws/policy-document.js';
import { copyProp, copyProps, copyTags, toBool, toNumber, where, type CfnContext, type CfnResource, type ResourceAdapter } from './context.js';
import { toModel } from './intrinsics.js';
import type { Props } from './props.js';

const BUCKET = ['AWS::S3::Bucket'];

/** CloudFormation's AccessControl names → the canned ACLs of the S3 API (and Terraform). */
const CANNED_ACL: Record<string, string> = {
  Private: 'private',
  PublicRead: 'public-read',
  PublicReadWrite: 'public-read-write',
  AuthenticatedRead: 'authenticated-read',
  LogDeliveryWrite: 'log-delivery-write',
  BucketOwnerRead: 'bucket-owner-read',
  BucketOwnerFullControl: 'bucket-owner-full-control',
  AwsExecRead: 'aws-exec-read',
};

/** The bucket's name as the model knows it: BucketName, else the logical id. */
function bucketName(r: CfnResource): unknown {
  const n = r.props.get('BucketName');
  return n === undefined ? r.logicalId : isUnknown(n) ? UNKNOWN : n;
}

const bucket: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 's3', 'buckets');
  const p = r.props;
  b.set(['name'], bucketName(r), where(p, p.has('BucketName') ? 'BucketName' : undefined));
  copyProp(b, ['acl'], p, 'AccessControl', undefined, (v) => (typeof v === 'string' ? (CANNED_ACL[v] ?? v) : v));
  copyTags(b, p);
  versioning(b, p);
  encryption(b, p);
  publicAccessBlock(b, p);
  logging(b, r, ctx);
  lifecycle(b, p);
  replication(b, r, ctx);
  objectLock(b, p);
};

function versioning(b: ObjectBuilder, p: Props): void {
  const v = p.sub('VersioningConfiguration');
  if (!v) return;
  b.locate(['versioning'], where(p, 'VersioningConfiguration')!);
  if (v.unknown) {
    b.set(['versioning', 'enabled'], UNKNOWN, where(p, 'VersioningConfiguration'));
    return;
  }
  const status = v.get('Status');
  b.set(['versioning', 'enabled'], status === undefined ? false : isUnknown(status) ? UNKNOWN : status === 'Enabled', where(v, status === undefined ? undefined : 'Status'));
}

function encryption(b: ObjectBuilder, p: Props): void {
  const enc = p.sub('BucketEncryption');
  if (!enc) return;
  b.locate(['encryption'], where(p, 'BucketEncryption')!);
  const rules = enc.unknown ? enc.value : enc.list('ServerSideEncryptionConfiguration');
  if (rules === undefined) return;
  if (!Array.isArray(rules)) {
    b.set(['encryption'], UNKNOWN, where(p, 'BucketEncryption'));
    return;
  }
  for (const rule of rules) {
    if (rule.unknown) {
      b.set(['encryption'], UNKNOWN, where(rule));
      return;
    }
    const def = rule.sub('ServerSideEncryptionByDefault');
    if (def) {
      b.set(['encryption', 'enabled'], def.unknown ? UNKNOWN : true, where(rule, 'ServerSideEncryptionByDefault'));
      copyProp(b, ['encryption', 'algorithm'], def, 'SSEAlgorithm');
      copyProp(b, ['encryption', 'kms_key_id'], def, 'KMSMasterKeyID');
    }
    copyProp(b, ['encryption', 'bucket_key_enabled'], rule, 'BucketKeyEnabled', undefined, toBool);
  }
}

const PAB: Record<string, string> = {
  block_public_acls: 'BlockPublicAcls',
  block_public_policy: 'BlockPublicPolicy',
  ignore_public_acls: 'IgnorePublicAcls',
  restrict_public_buckets: 'RestrictPublicBuckets',
};

function publicAccessBlock(b: ObjectBuilder, p: Props): void {
  const pab = p.sub('PublicAccessBlockConfiguration');
  if (!pab) return;
  if (pab.unknown) {
    b.set(['public_access_block'], UNKNOWN, where(p, 'PublicAccessBlockConfiguration'));
    return;
  }
  b.set(['public_access_block'], {}, where(p, 'PublicAccessBlockConfiguration'));
  for (const [field, key] of Object.entries(PAB)) copyProp(b, ['public_access_block', field], pab, key, false, toBool);
}

function logging(b: ObjectBuilder, r: CfnResource, ctx: CfnContext): void {
  const p = r.props;
  const log = p.sub('LoggingConfiguration');
  if (!log) return;
  b.locate(['logging'], where(p, 'LoggingConfiguration')!);
  if (log.unknown) {
    b.set(['logging', 'enabled'], UNKNOWN, where(p, 'LoggingConfiguration'));
    return;
  }
  b.set(['logging', 'enabled'], true, where(p, 'LoggingConfiguration'));
  const dest = log.get('DestinationBucketName');
  if (dest === undefined) {
    // without a destination, S3 writes the access logs into the bucket itself
    b.set(['logging', 'target_bucket'], b.get(['name']));
  } else {
    // `!Ref LogBucket` names a bucket of the template: the model knows it by that bucket's name
    const id = ctx.ev.target(log.node('DestinationBucketName'));
    const t = id ? ctx.resources.get(id) : undefined;
    const value = isUnknown(dest) && t && BUCKET.includes(t.type) ? bucketName(t) : toModel(dest);
    b.set(['logging', 'target_bucket'], value, where(log, 'DestinationBucketName'));
  }
  copyProp(b, ['logging', 'target_prefix'], log, 'LogFilePrefix');
}

function lifecycle(b: ObjectBuilder, p: Props): void {
  const lc = p.sub('LifecycleConfiguration');
  if (!lc) return;
  const rules = lc.unknown ? new Array<Props>() : lc.list('Rules');
  if (lc.unknown || !Array.isArray(rules)) {
    b.set(['lifecycle_rules'], UNKNOWN, where(p, 'LifecycleConfiguration'));
    return;
  }
  b.locate(['lifecycle_rules'], where(p, 'LifecycleConfiguration')!);
  rules.forEach((rule, i) => {
    if (rule.unknown) {
      b.set(['lifecycle_rules', i], UNKNOWN, where(rule));
      return;
    }
    const status = rule.get('Status');
    b.set(['lifecycle_rules', i], { enabled: isUnknown(status) ? UNKNOWN : status === 'Enabled' }, where(rule));
    copyProp(b, ['lifecycle_rules', i, 'id'], rule, 'Id');
    copyProp(b, ['lifecycle_rules', i, 'expiration_days'], rule, 'ExpirationInDays', undefined, toNumber);
    noncurrentExpiration(b, i, rule);
    const transitions = rule.list('Transitions');
    if (transitions !== undefined && !Array.isArray(transitions)) {
      b.set(['lifecycle_rules', i, 'transitions'], UNKNOWN, where(rule, 'Transitions'));
      return;
    }
    const list: Props[] = [...(transitions ?? [])];
    const single = rule.sub('Transition');
    if (single) list.push(single);
    b.set(['lifecycle_rules', i, 'transitions'], []);
    list.forEach((t, j) => {
      b.set(['lifecycle_rules', i, 'transitions', j], t.unknown ? UNKNOWN : {}, where(t));
      if (t.unknown) return;
      copyProp(b, ['lifecycle_rules', i, 'transitions', j, 'days'], t, 'TransitionInDays', undefined, toNumber);
      copyProp(b, ['lifecycle_rules', i, 'transitions', j, 'storage_class'], t, 'StorageClass');
    });
  });
}

/**
 * `NoncurrentVersionExpiration.NoncurrentDays`, or the legacy `NoncurrentVersionExpirationInDays`:
 * the field is present whenever the rule expires noncurrent versions (as in the Terraform adapter).
 */
function noncurrentExpiration(b: ObjectBuilder, i: number, rule: Props): void {
  const path = ['lifecycle_rules', i, 'noncurrent_version_expiration_days'];
  const nve = rule.sub('NoncurrentVersionExpiration');
  if (nve) {
    b.locate(path, where(rule, 'NoncurrentVersionExpiration')!);
    if (nve.unknown) b.set(path, UNKNOWN, where(rule, 'NoncurrentVersionExpiration'));
    else copyProp(b, path, nve, 'NoncurrentDays', UNKNOWN, toNumber);
    return;
  }
  copyProp(b, path, rule, 'NoncurrentVersionExpirationInDays', undefined, toNumber);
}

function replication(b: ObjectBuilder, r: CfnResource, ctx: CfnContext): void {
  const p = r.props;
  const rep = p.sub('ReplicationConfiguration');
  if (!rep) return;
  if (rep.unknown) {
    b.set(['replication'], UNKNOWN, where(p, 'ReplicationConfiguration'));
    return;
  }
  b.set(['replication'], { enabled: true, rules: [] }, where(p, 'ReplicationConfiguration'));
  const rules = rep.list('Rules');
  if (!Array.isArray(rules)) {
    if (rules) b.set(['replication', 'rules'], UNKNOWN, where(rep, 'Rules'));
    return;
  }
  rules.forEach((rule, i) => {
    b.set(['replication', 'rules', i], rule.unknown ? UNKNOWN : {}, where(rule));
    if (rule.unknown) return;
    copyProp(b, ['replication', 'rules', i, 'status'], rule, 'Status');
    const dest = rule.sub('Destination');
    if (!dest) return;
    copyProp(b, ['replication', 'rules', i, 'destination_bucket'], dest, 'Bucket');
    // A destination bucket declared in the same template is in the stack's region, which is
    // only known at deploy time (S3 ARNs carry no region): unknown, like an unresolved provider region.
    const id = dest.unknown ? undefined : ctx.ev.target(dest.node('Bucket'));
    const t = id ? ctx.resources.get(id) : undefined;
    if (t && BUCKET.includes(t.type)) b.set(['replication', 'rules', i, 'destination_region'], UNKNOWN, where(dest, 'Bucket'));
  });
}

function objectLock(b: ObjectBuilder, p: Props): void {
  const cfg = p.sub('ObjectLockConfiguration');
  // `ObjectLockEnabled: true` turns object lock on; `ObjectLockConfiguration.ObjectLockEnabled: Enabled` says so too
  if (!copyProp(b, ['object_lock', 'enabled'], p, 'ObjectLockEnabled', undefined, toBool) && cfg) {
    if (cfg.unknown) b.set(['object_lock', 'enabled'], UNKNOWN, where(p, 'ObjectLockConfiguration'));
    else copyProp(b, ['object_lock', 'enabled'], cfg, 'ObjectLockEnabled', undefined, (v) => v === 'Enabled');
  }
  if (!cfg || cfg.unknown) return;
  const d = cfg.sub('Rule')?.sub('DefaultRetention');
  if (!d) return;
  copyProps(b, ['object_lock'], d, { mode: ['Mode'], days: ['Days', undefined, toNumber] });
}

/** AWS::S3::BucketPolicy: `Bucket: !Ref B` (or the bucket's literal name). */
const bucketPolicy: ResourceAdapter = (r, ctx) => {
  const target = ctx.target(r, 'Bucket', BUCKET, 'BucketName');
  const b = target && ctx.builder(target.logicalId);
  if (!b) return;
  ctx.foldInto(b, r);
  const doc = r.props.get('PolicyDocument');
  if (doc === undefined) return;
  b.set(['policy'], isUnknown(doc) ? UNKNOWN : toModel(normalizePolicyDocument(doc)), where(r.props, 'PolicyDocument'));
  // each statement keeps its own range, so a finding on one statement points at it
  const d = r.props.sub('PolicyDocument');
  const stmts = d && !d.unknown && typeof d.value === 'object' && d.get('Statement') !== undefined ? d.list('Statement') : undefined;
  if (Array.isArray(stmts)) stmts.forEach((st, i) => b.locate(['policy', 'Statement', i], where(st)!));
};

export const primary: Record<string, ResourceAdapter> = { 'AWS::S3::Bucket': bucket };
export const folds: Record<string, ResourceAdapter> = { 'AWS::S3::BucketPolicy': bucketPolicy };
