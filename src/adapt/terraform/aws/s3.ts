/**
 * aws_s3_bucket and the provider's split S3 resources, folded into aws.s3.buckets[].
 * The inline blocks of provider v3 (`versioning {}`, `logging {}`, …) are read too.
 */
import type { ObjectBuilder } from '../../builder.js';
import { isUnknown, UNKNOWN } from '../../../model/model.js';
import type { TerraformResource } from '../resource.js';
import { traversalRef } from '../references.js';
import { attrWhere, type AttrView, type BodyView } from '../view.js';
import { copyAttr, copyTags, toBool, type ResourceAdapter, type TfAwsContext } from './context.js';

const BUCKET = ['aws_s3_bucket'];

const bucket: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 's3', 'buckets');
  const v = r.view;
  copyAttr(b, ['name'], v, 'bucket', r.name);
  copyAttr(b, ['acl'], v, 'acl');
  copyTags(b, v);
  const objectLock = v.attr('object_lock_enabled');
  if (objectLock) b.set(['object_lock', 'enabled'], isUnknown(objectLock.value) ? UNKNOWN : toBool(objectLock.value), attrWhere(v, objectLock));
  for (const ol of v.blocks('object_lock_configuration')) {
    const e = ol.attr('object_lock_enabled');
    b.set(['object_lock', 'enabled'], ol.unknown || !e || isUnknown(e.value) ? UNKNOWN : e.value === 'Enabled', e ? attrWhere(ol, e) : ol);
  }
  // provider v3 inline blocks
  for (const ver of v.blocks('versioning')) applyVersioning(b, ver, toBool(ver.attr('enabled')?.value ?? false), ver.attr('enabled'));
  for (const log of v.blocks('logging')) applyLogging(b, log);
  for (const enc of v.blocks('server_side_encryption_configuration')) applyEncryption(b, enc);
  for (const lc of v.blocks('lifecycle_rule')) addLifecycleRule(b, lc, toBool(lc.attr('enabled')?.value ?? true));
  ctx.copyPolicy(b, ['policy'], r, 'policy');
  // provider v3 inline replication_configuration { rules { status, destination { bucket } } }
  for (const rc of v.blocks('replication_configuration')) {
    b.set(['replication'], rc.unknown ? UNKNOWN : { enabled: true, rules: [] }, rc);
    if (rc.unknown) continue;
    rc.blocks('rules').forEach((rule, i) => {
      b.set(['replication', 'rules', i], rule.unknown ? UNKNOWN : {}, rule);
      if (rule.unknown) return;
      copyAttr(b, ['replication', 'rules', i, 'status'], rule, 'status');
      for (const d of rule.blocks('destination')) {
        copyAttr(b, ['replication', 'rules', i, 'destination_bucket'], d, 'bucket');
        const dest = destinationBucket(ctx, r, d);
        if (dest && dest.region !== undefined) b.set(['replication', 'rules', i, 'destination_region'], isUnknown(dest.region) ? UNKNOWN : dest.region);
      }
    });
  }
};

function applyVersioning(b: ObjectBuilder, view: BodyView, enabled: unknown, enabledAttr?: Pick<AttrView, 'range' | 'file'>): void {
  b.locate(['versioning'], view);
  b.set(['versioning', 'enabled'], view.unknown ? UNKNOWN : enabled, enabledAttr ? attrWhere(view, enabledAttr) : undefined);
  const mfa = view.attr('mfa_delete');
  if (mfa) b.set(['versioning', 'mfa_delete'], isUnknown(mfa.value) ? UNKNOWN : toBool(mfa.value) === true || mfa.value === 'Enabled', attrWhere(view, mfa));
}

function applyLogging(b: ObjectBuilder, view: BodyView): void {
  b.locate(['logging'], view);
  b.set(['logging', 'enabled'], view.unknown ? UNKNOWN : true, view);
  copyAttr(b, ['logging', 'target_bucket'], view, 'target_bucket');
  copyAttr(b, ['logging', 'target_prefix'], view, 'target_prefix');
}

function applyEncryption(b: ObjectBuilder, view: BodyView): void {
  b.locate(['encryption'], view);
  for (const rule of view.blocks('rule')) {
    for (const def of rule.blocks('apply_server_side_encryption_by_default')) {
      copyAttr(b, ['encryption', 'algorithm'], def, 'sse_algorithm');
      copyAttr(b, ['encryption', 'kms_key_id'], def, 'kms_master_key_id');
      b.set(['encryption', 'enabled'], def.unknown ? UNKNOWN : true, def);
    }
    copyAttr(b, ['encryption', 'bucket_key_enabled'], rule, 'bucket_key_enabled');
  }
}

function addLifecycleRule(b: ObjectBuilder, view: BodyView, enabled: unknown): void {
  const rules = b.get(['lifecycle_rules']) as unknown[];
  const i = rules.length;
  b.set(['lifecycle_rules', i], { enabled: view.unknown ? UNKNOWN : enabled }, view);
  copyAttr(b, ['lifecycle_rules', i, 'id'], view, 'id');
  for (const exp of view.blocks('expiration')) copyAttr(b, ['lifecycle_rules', i, 'expiration_days'], exp, 'days');
  // `noncurrent_days` in aws_s3_bucket_lifecycle_configuration, `days` in the v3 inline block
  for (const nve of view.blocks('noncurrent_version_expiration')) {
    b.locate(['lifecycle_rules', i, 'noncurrent_version_expiration_days'], nve);
    copyAttr(b, ['lifecycle_rules', i, 'noncurrent_version_expiration_days'], nve, nve.attr('noncurrent_days') ? 'noncurrent_days' : 'days', nve.unknown ? undefined : UNKNOWN);
  }
  const transitions = view.blocks('transition');
  b.set(['lifecycle_rules', i, 'transitions'], []);
  transitions.forEach((t, j) => {
    b.set(['lifecycle_rules', i, 'transitions', j], {}, t);
    copyAttr(b, ['lifecycle_rules', i, 'transitions', j, 'days'], t, 'days');
    copyAttr(b, ['lifecycle_rules', i, 'transitions', j, 'storage_class'], t, 'storage_class');
  });
}

/** Runs `fn` on the bucket a split resource configures (by reference or by literal name). */
function fold(fn: (b: ObjectBuilder, r: TerraformResource, ctx: TfAwsContext) => void): ResourceAdapter {
  return (r, ctx) => {
    const target = ctx.target(r, 'bucket', BUCKET, 'bucket');
    const b = target && ctx.builder(target);
    if (b) fn(b, r, ctx);
  };
}

const versioning = fold((b, r) => {
  for (const cfg of r.view.blocks('versioning_configuration')) {
    const status = cfg.attr('status');
    const enabled = !status ? UNKNOWN : isUnknown(status.value) ? UNKNOWN : status.value === 'Enabled';
    applyVersioning(b, cfg, enabled, status);
    const mfa = cfg.attr('mfa_delete');
    if (mfa) b.set(['versioning', 'mfa_delete'], isUnknown(mfa.value) ? UNKNOWN : mfa.value === 'Enabled', attrWhere(cfg, mfa));
    // the finding for a disabled bucket points at the split resource
    if (!status) b.locate(['versioning', 'enabled'], cfg);
  }
  b.locate(['versioning'], r.view);
});

const logging = fold((b, r) => applyLogging(b, r.view));

const encryption = fold((b, r) => applyEncryption(b, r.view));

const publicAccessBlock = fold((b, r) => {
  b.set(['public_access_block'], {}, r.view);
  for (const k of ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets']) {
    copyAttr(b, ['public_access_block', k], r.view, k, false, toBool);
  }
});

const lifecycle = fold((b, r) => {
  b.locate(['lifecycle_rules'], r.view);
  for (const rule of r.view.blocks('rule')) {
    const status = rule.attr('status');
    addLifecycleRule(b, rule, status ? (isUnknown(status.value) ? UNKNOWN : status.value === 'Enabled') : UNKNOWN);
  }
});

const policy = fold((b, r, ctx) => {
  ctx.copyPolicy(b, ['policy'], r, 'policy');
});

const replication: ResourceAdapter = (r, ctx) => {
  const target = ctx.target(r, 'bucket', BUCKET, 'bucket');
  const b = target && ctx.builder(target);
  if (!b) return;
  b.set(['replication'], { enabled: true, rules: [] }, r.view);
  r.view.blocks('rule').forEach((rule, i) => {
    b.set(['replication', 'rules', i], {}, rule);
    copyAttr(b, ['replication', 'rules', i, 'status'], rule, 'status');
    for (const d of rule.blocks('destination')) {
      copyAttr(b, ['replication', 'rules', i, 'destination_bucket'], d, 'bucket');
      // the destination's region, when the destination bucket is declared in the same configuration
      const dest = destinationBucket(ctx, r, d);
      if (dest && dest.region !== undefined) b.set(['replication', 'rules', i, 'destination_region'], isUnknown(dest.region) ? UNKNOWN : dest.region);
    }
  });
};

function destinationBucket(ctx: TfAwsContext, r: TerraformResource, d: BodyView): TerraformResource | undefined {
  const a = d.attr('bucket');
  if (!a) return undefined;
  const designated = ctx.designated(r, a.value, ['aws_s3_bucket']);
  if (designated) return designated;
  const ref = traversalRef(a.expr);
  if (ref && ref.type === 'aws_s3_bucket') return ctx.resources.find((c) => c.module === r.module && c.type === ref.type && c.name === ref.name);
  if (typeof a.value === 'string' && a.value.startsWith('arn:aws:s3:::')) {
    const name = a.value.slice('arn:aws:s3:::'.length);
    return ctx.resources.find((c) => c.type === 'aws_s3_bucket' && c.view.attr('bucket')?.value === name);
  }
  return undefined;
}

const acl = fold((b, r) => copyAttr(b, ['acl'], r.view, 'acl'));

const objectLock = fold((b, r) => {
  b.set(['object_lock', 'enabled'], true, r.view);
  for (const rule of r.view.blocks('rule')) {
    for (const d of rule.blocks('default_retention')) {
      copyAttr(b, ['object_lock', 'mode'], d, 'mode');
      copyAttr(b, ['object_lock', 'days'], d, 'days');
    }
  }
});

export const primary: Record<string, ResourceAdapter> = { aws_s3_bucket: bucket };

export const folds: Record<string, ResourceAdapter> = {
  aws_s3_bucket_versioning: versioning,
  aws_s3_bucket_logging: logging,
  aws_s3_bucket_server_side_encryption_configuration: encryption,
  aws_s3_bucket_public_access_block: publicAccessBlock,
  aws_s3_bucket_lifecycle_configuration: lifecycle,
  aws_s3_bucket_policy: policy,
  aws_s3_bucket_replication_configuration: replication,
  aws_s3_bucket_acl: acl,
  aws_s3_bucket_object_lock_configuration: objectLock,
};

export type { TfAwsContext };
