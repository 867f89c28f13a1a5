/** EC2 instances and EBS volumes. */
import type { ObjectBuilder } from '../../builder.js';
import type { BodyView } from '../view.js';
import { copyAttrs, copyTags, type ResourceAdapter } from './context.js';

function blockDevice(b: ObjectBuilder, path: (string | number)[], view: BodyView): void {
  b.set(path, {}, view);
  copyAttrs(b, path, view, { encrypted: false, volume_type: 'gp2', volume_size: undefined, iops: undefined, device_name: undefined, kms_key_id: undefined });
}

const instance: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'ec2', 'instances', { ebs_block_devices: [] });
  const v = r.view;
  copyAttrs(b, [], v, {
    instance_type: undefined,
    ami: undefined,
    associate_public_ip_address: undefined,
    monitoring: false,
    ebs_optimized: undefined,
    iam_instance_profile: undefined,
    subnet_id: undefined,
  });
  // Without a metadata_options block IMDSv1 stays available (http_tokens "optional").
  b.set(['metadata_options'], { http_endpoint: 'enabled', http_tokens: 'optional' });
  for (const mo of v.blocks('metadata_options')) {
    b.locate(['metadata_options'], mo);
    copyAttrs(b, ['metadata_options'], mo, { http_endpoint: 'enabled', http_tokens: 'optional', http_put_response_hop_limit: undefined });
  }
  for (const rb of v.blocks('root_block_device')) blockDevice(b, ['root_block_device'], rb);
  v.blocks('ebs_block_device').forEach((d, i) => blockDevice(b, ['ebs_block_devices', i], d));
  copyTags(b, v);
};

const volume: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'ec2', 'volumes');
  copyAttrs(b, [], r.view, {
    // CreateVolume's default type
    type: 'gp2',
    size: undefined,
    iops: undefined,
    throughput: undefined,
    encrypted: false,
    kms_key_id: undefined,
    availability_zone: undefined,
  });
  copyTags(b, r.view);
};

export const primary: Record<string, ResourceAdapter> = {
  aws_instance: instance,
  aws_ebs_volume: volume,
};

export const folds: Record<string, ResourceAdapter> = {};
