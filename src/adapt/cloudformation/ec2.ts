/**
 * AWS::EC2::SecurityGroup (inline rules, and AWS::EC2::SecurityGroupIngress/Egress folded
 * in), AWS::EC2::Instance, AWS::EC2::Volume. Launch templates are in compute.ts.
 */
import { elementDefaults } from '../aws/defaults.js';
import type { ObjectBuilder } from '../builder.js';
import { isUnknown, UNKNOWN } from '../../model/model.js';
import { copyProp, copyProps, copyTags, toBool, toNumber, toStr, toStringList, where, type ResourceAdapter } from './context.js';
import { UnknownValue } from './intrinsics.js';
import type { Props } from './props.js';
import { userData } from './compute.js';

const SG = ['AWS::EC2::SecurityGroup'];

/** IpProtocol: "-1" for every protocol, names lower-cased, numbers as strings. */
function protocol(v: unknown): unknown {
  if (typeof v === 'number') v = String(v);
  if (typeof v !== 'string') return v;
  const p = v.toLowerCase();
  return p === 'all' ? '-1' : p;
}

const PEER = {
  ingress: { cidr4: 'CidrIp', cidr6: 'CidrIpv6', sg: ['SourceSecurityGroupId', 'SourceSecurityGroupName'] },
  egress: { cidr4: 'CidrIp', cidr6: 'CidrIpv6', sg: ['DestinationSecurityGroupId'] },
};

/** One rule (an item of SecurityGroupIngress/Egress, or a standalone rule resource) appended to the group. */
function addRule(b: ObjectBuilder, direction: 'ingress' | 'egress', p: Props): void {
  const list = b.get([direction]);
  if (!Array.isArray(list)) return;
  const i = list.length;
  if (p.unknown) {
    b.set([direction, i], UNKNOWN, where(p));
    return;
  }
  b.set([direction, i], {}, where(p));
  copyProp(b, [direction, i, 'protocol'], p, 'IpProtocol', undefined, protocol);
  copyProp(b, [direction, i, 'from_port'], p, 'FromPort', undefined, toNumber);
  copyProp(b, [direction, i, 'to_port'], p, 'ToPort', undefined, toNumber);
  if (b.get([direction, i, 'protocol']) === '-1') {
    // every protocol means every port, whatever the ports say
    if (!isUnknown(b.get([direction, i, 'from_port']))) b.set([direction, i, 'from_port'], 0);
    if (!isUnknown(b.get([direction, i, 'to_port']))) b.set([direction, i, 'to_port'], 65535);
  }
  const names = PEER[direction];
  const d = elementDefaults('ec2', 'security_groups', 'rules');
  copyProp(b, [direction, i, 'cidr_blocks'], p, names.cidr4, d.cidr_blocks, toStringList);
  copyProp(b, [direction, i, 'ipv6_cidr_blocks'], p, names.cidr6, d.ipv6_cidr_blocks, toStringList);
  const sgKey = names.sg.find((k) => p.has(k));
  if (sgKey) copyProp(b, [direction, i, 'security_groups'], p, sgKey, d.security_groups, toStringList);
  else b.set([direction, i, 'security_groups'], d.security_groups);
  copyProp(b, [direction, i, 'description'], p, 'Description');
  b.set([direction, i, 'self'], d.self);
}

/** The rule EC2 gives a VPC group that declares no egress: everything, everywhere. */
const DEFAULT_EGRESS = { ...elementDefaults('ec2', 'security_groups', 'rules'), protocol: '-1', from_port: 0, to_port: 65535, cidr_blocks: ['0.0.0.0/0'] };

const securityGroup: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'ec2', 'security_groups');
  const p = r.props;
  copyProp(b, ['name'], p, 'GroupName', r.logicalId);
  copyProps(b, [], p, { description: ['GroupDescription'], vpc_id: ['VpcId'] });
  copyTags(b, p);
  for (const [dir, key] of [['ingress', 'SecurityGroupIngress'], ['egress', 'SecurityGroupEgress']] as const) {
    const rules = p.unknown ? new UnknownValue() : p.list(key);
    if (rules instanceof UnknownValue) {
      b.set([dir], UNKNOWN, where(p, key));
      continue;
    }
    if (rules === undefined) {
      if (dir === 'egress') b.set(['egress'], [structuredClone(DEFAULT_EGRESS)]);
      continue;
    }
    b.locate([dir], where(p, key)!);
    for (const rule of rules) addRule(b, dir, rule);
  }
};

/** AWS::EC2::SecurityGroupIngress/Egress: `GroupId: !Ref SG` or `!GetAtt SG.GroupId` (or `GroupName`). */
function ruleResource(direction: 'ingress' | 'egress'): ResourceAdapter {
  return (r, ctx) => {
    const target = ctx.target(r, 'GroupId', SG) ?? (direction === 'ingress' ? ctx.target(r, 'GroupName', SG, 'GroupName') : undefined);
    const b = target && ctx.builder(target.logicalId);
    if (!b) return;
    ctx.foldInto(b, r);
    const list = b.get([direction]) as unknown[];
    addRule(b, direction, r.props);
    // the rule is the whole resource: a finding on it points at its logical id
    b.locate([direction, list.length - 1], { file: r.location.file, range: r.location });
  };
}

/** Device names AMIs use for the root volume. */
const ROOT_DEVICES = new Set(['/dev/xvda', '/dev/sda1', '/dev/sda']);

function blockDevice(b: ObjectBuilder, path: (string | number)[], d: Props): void {
  b.set(path, {}, where(d));
  copyProp(b, [...path, 'device_name'], d, 'DeviceName');
  const ebs = d.sub('Ebs');
  if (!ebs) {
    b.set(path, UNKNOWN, where(d));
    return;
  }
  copyProps(b, path, ebs, {
    encrypted: ['Encrypted', ebs.has('SnapshotId') ? UNKNOWN : false, toBool],
    volume_type: ['VolumeType', 'gp2', toStr],
    volume_size: ['VolumeSize', undefined, toNumber],
    iops: ['Iops', undefined, toNumber],
    kms_key_id: ['KmsKeyId'],
  });
}

const instance: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'ec2', 'instances');
  const p = r.props;
  // Whatever the instance does not set comes from its launch template: unknown.
  const lt = p.has('LaunchTemplate');
  const fromTemplate = lt ? UNKNOWN : undefined;
  copyProps(b, [], p, {
    // "Default: m1.small" in the CloudFormation reference
    instance_type: ['InstanceType', lt ? UNKNOWN : 'm1.small', toStr],
    ami: ['ImageId', fromTemplate],
    monitoring: ['Monitoring', fromTemplate, toBool],
    ebs_optimized: ['EbsOptimized', fromTemplate, toBool],
    iam_instance_profile: ['IamInstanceProfile', fromTemplate],
    subnet_id: ['SubnetId', fromTemplate],
  });
  const nics = p.list('NetworkInterfaces');
  if (Array.isArray(nics)) {
    const primaryNic = nics.find((n) => String(n.get('DeviceIndex')) === '0');
    if (primaryNic) {
      copyProp(b, ['associate_public_ip_address'], primaryNic, 'AssociatePublicIpAddress', undefined, toBool);
      if (!p.has('SubnetId')) copyProp(b, ['subnet_id'], primaryNic, 'SubnetId');
    }
  } else if (nics) b.set(['associate_public_ip_address'], UNKNOWN, where(p, 'NetworkInterfaces'));
  // AWS::EC2::Instance has no metadata options: IMDSv1 stays available unless a launch template says otherwise.
  if (lt) b.set(['metadata_options'], UNKNOWN, where(p, 'LaunchTemplate'));
  // the text the instance receives (policies only match it against secret patterns)
  if (p.has('UserData') || !lt) userData(b, p);
  else b.set(['user_data'], UNKNOWN, where(p, 'LaunchTemplate'));
  const devices = p.list('BlockDeviceMappings');
  if (devices instanceof UnknownValue) b.set(['ebs_block_devices'], UNKNOWN, where(p, 'BlockDeviceMappings'));
  else if (devices) {
    for (const d of devices) {
      if (d.unknown) {
        b.set(['ebs_block_devices'], UNKNOWN, where(p, 'BlockDeviceMappings'));
        break;
      }
      if (d.has('VirtualName') || d.has('NoDevice')) continue;
      const name = d.get('DeviceName');
      if (typeof name === 'string' && ROOT_DEVICES.has(name)) blockDevice(b, ['root_block_device'], d);
      else {
        const list = b.get(['ebs_block_devices']);
        if (Array.isArray(list)) blockDevice(b, ['ebs_block_devices', list.length], d);
      }
    }
  }
  copyTags(b, p);
};

const volume: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'ec2', 'volumes');
  const p = r.props;
  // CreateVolume's defaults: src/adapt/aws/defaults.ts
  copyProps(b, [], p, {
    type: ['VolumeType', undefined, toStr],
    size: ['Size', undefined, toNumber],
    iops: ['Iops', undefined, toNumber],
    throughput: ['Throughput', undefined, toNumber],
    // a volume made from an encrypted snapshot is encrypted whatever the template says
    encrypted: ['Encrypted', p.has('SnapshotId') ? UNKNOWN : undefined, toBool],
    kms_key_id: ['KmsKeyId'],
    availability_zone: ['AvailabilityZone'],
  });
  copyTags(b, p);
};

export const primary: Record<string, ResourceAdapter> = {
  'AWS::EC2::SecurityGroup': securityGroup,
  'AWS::EC2::Instance': instance,
  'AWS::EC2::Volume': volume,
};

export const folds: Record<string, ResourceAdapter> = {
  'AWS::EC2::SecurityGroupIngress': ruleResource('ingress'),
  'AWS::EC2::SecurityGroupEgress': ruleResource('egress'),
};
