/** EC2 instances, EBS volumes and snapshots, launch templates. */
import { elementDefaults } from '../../aws/defaults.js';
import type { ObjectBuilder } from '../../builder.js';
import { isUnknown, UNKNOWN } from '../../../model/model.js';
import { attrWhere, type BodyView } from '../view.js';
import { copyAttr, copyAttrs, copyTags, toBool, toNumber, type ResourceAdapter } from './context.js';

/** A block device; the root device's name is the AMI's (`root_block_device.device_name` is computed): unknown. */
function blockDevice(b: ObjectBuilder, path: (string | number)[], view: BodyView, root = false): void {
  b.set(path, {}, view);
  copyAttrs(b, path, view, { encrypted: false, volume_type: 'gp2', volume_size: undefined, iops: undefined, device_name: root ? UNKNOWN : undefined, kms_key_id: undefined });
}

/** Base64 user data as text; UNKNOWN when it cannot be decoded. */
export function decodeBase64(v: unknown): unknown {
  if (typeof v !== 'string') return isUnknown(v) ? UNKNOWN : v;
  const s = v.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0) return UNKNOWN;
  return Buffer.from(s, 'base64').toString('utf8');
}

/**
 * `user_data` (text) or `user_data_base64` (decoded): the text the instance receives.
 * Policies only test it against secret patterns; findings never carry it.
 */
function userData(b: ObjectBuilder, view: BodyView, textAttr: string | undefined, base64Attr: string): void {
  if (textAttr && view.attr(textAttr)) copyAttr(b, ['user_data'], view, textAttr);
  else copyAttr(b, ['user_data'], view, base64Attr, undefined, decodeBase64);
}

const instance: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'ec2', 'instances', { ebs_block_devices: [] });
  const v = r.view;
  copyAttrs(b, [], v, {
    instance_type: undefined,
    ami: undefined,
    associate_public_ip_address: undefined,
    monitoring: undefined,
    ebs_optimized: undefined,
    iam_instance_profile: undefined,
    subnet_id: undefined,
  });
  userData(b, v, 'user_data', 'user_data_base64');
  // Without a metadata_options block IMDSv1 stays available (http_tokens "optional": src/adapt/aws/defaults.ts).
  for (const mo of v.blocks('metadata_options')) {
    b.locate(['metadata_options'], mo);
    copyAttrs(b, ['metadata_options'], mo, elementDefaults('ec2', 'instances', 'metadata_options'));
  }
  for (const rb of v.blocks('root_block_device')) blockDevice(b, ['root_block_device'], rb, true);
  v.blocks('ebs_block_device').forEach((d, i) => blockDevice(b, ['ebs_block_devices', i], d));
  copyTags(b, v);
};

const volume: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'ec2', 'volumes');
  copyAttrs(b, [], r.view, {
    // CreateVolume's defaults: src/adapt/aws/defaults.ts
    type: undefined,
    size: undefined,
    iops: undefined,
    throughput: undefined,
    encrypted: undefined,
    kms_key_id: undefined,
    availability_zone: undefined,
  });
  copyTags(b, r.view);
};

const VOLUME = ['aws_ebs_volume'];

/** A snapshot is encrypted exactly when its volume is: `encrypted` comes from the volume when declared here. */
const snapshot: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'ec2', 'snapshots');
  copyAttr(b, ['volume_id'], r.view, 'volume_id');
  const vol = ctx.target(r, 'volume_id', VOLUME);
  const enc = vol?.view.attr('encrypted');
  const a = r.view.attr('volume_id');
  const where = a ? attrWhere(r.view, a) : undefined;
  if (!vol) b.set(['encrypted'], UNKNOWN);
  else if (!enc) b.set(['encrypted'], false, where);
  else b.set(['encrypted'], isUnknown(enc.value) ? UNKNOWN : toBool(enc.value), where);
  copyAttr(b, ['kms_key_id'], vol?.view ?? r.view, 'kms_key_id');
  copyTags(b, r.view);
};

/** `aws_ebs_snapshot_copy` encrypts only when asked to. */
const snapshotCopy: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'ec2', 'snapshots');
  copyAttrs(b, [], r.view, { source_snapshot_id: undefined, source_region: undefined, encrypted: false, kms_key_id: undefined });
  copyTags(b, r.view);
};

const launchTemplate: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'ec2', 'launch_templates');
  const v = r.view;
  copyAttr(b, ['name'], v, 'name', r.name);
  copyAttrs(b, [], v, { image_id: undefined, instance_type: undefined });
  // launch templates carry user data base64-encoded
  copyAttr(b, ['user_data'], v, 'user_data', undefined, decodeBase64);
  // Without metadata_options the launched instance gets the defaults: IMDSv1 allowed.
  for (const mo of v.blocks('metadata_options')) {
    b.locate(['metadata_options'], mo);
    if (mo.unknown) b.set(['metadata_options'], UNKNOWN);
    else copyAttrs(b, ['metadata_options'], mo, elementDefaults('ec2', 'instances', 'metadata_options'));
  }
  for (const p of v.blocks('iam_instance_profile')) {
    b.locate(['iam_instance_profile'], p);
    b.set(['iam_instance_profile'], p.unknown ? UNKNOWN : {});
    if (!p.unknown) copyAttrs(b, ['iam_instance_profile'], p, { name: undefined, arn: undefined });
  }
  v.blocks('block_device_mappings').forEach((m, i) => {
    b.set(['block_device_mappings', i], m.unknown ? UNKNOWN : {}, m);
    if (m.unknown) return;
    copyAttr(b, ['block_device_mappings', i, 'device_name'], m, 'device_name');
    for (const e of m.blocks('ebs')) {
      b.set(['block_device_mappings', i, 'ebs'], e.unknown ? UNKNOWN : {}, e);
      if (e.unknown) continue;
      // `encrypted` is a string ("true"/"false") in the provider schema
      copyAttr(b, ['block_device_mappings', i, 'ebs', 'encrypted'], e, 'encrypted', false, toBool);
      copyAttr(b, ['block_device_mappings', i, 'ebs', 'volume_type'], e, 'volume_type', 'gp2');
      copyAttr(b, ['block_device_mappings', i, 'ebs', 'volume_size'], e, 'volume_size', undefined, toNumber);
      copyAttr(b, ['block_device_mappings', i, 'ebs', 'iops'], e, 'iops', undefined, toNumber);
      copyAttr(b, ['block_device_mappings', i, 'ebs', 'kms_key_id'], e, 'kms_key_id');
    }
  });
  copyTags(b, v);
};

export const primary: Record<string, ResourceAdapter> = {
  aws_instance: instance,
  aws_ebs_volume: volume,
  aws_ebs_snapshot: snapshot,
  aws_ebs_snapshot_copy: snapshotCopy,
  aws_launch_template: launchTemplate,
};

export const folds: Record<string, ResourceAdapter> = {};
