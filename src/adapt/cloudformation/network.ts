/**
 * VPCs (with AWS::EC2::FlowLog, VPCEndpoint and NatGateway folded in), subnets, network ACLs
 * (with AWS::EC2::NetworkAclEntry folded in), EKS clusters and managed node groups. The model
 * is the Terraform adapters' (`src/adapt/terraform/aws/network.ts`); see docs/cloudformation.md.
 */
import type { ObjectBuilder } from '../builder.js';
import { isUnknown, UNKNOWN } from '../../model/model.js';
import { section, whole } from './compute.js';
import { copyProp, copyProps, copyTags, toBool, toNumber, toStr, toStringList, where, type CfnContext, type CfnResource, type ResourceAdapter } from './context.js';
import { toModel, UnknownValue } from './intrinsics.js';

const VPC = ['AWS::EC2::VPC'];
const SUBNET = ['AWS::EC2::Subnet'];
const NACL = ['AWS::EC2::NetworkAcl'];

/** Appends an element to a list of the model object; the index, or undefined when the list is unknown. */
function append(b: ObjectBuilder, path: string[], value: unknown, r: CfnResource): number | undefined {
  const cur = b.get(path);
  if (!Array.isArray(cur)) return undefined;
  const i = cur.length;
  b.set([...path, i], value, whole(r));
  return i;
}

// ---------------------------------------------------------------- VPCs and subnets

const vpc: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'ec2', 'vpcs');
  copyProp(b, ['cidr_block'], r.props, 'CidrBlock');
  copyTags(b, r.props);
};

const subnet: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'ec2', 'subnets');
  copyProps(b, [], r.props, {
    vpc_id: ['VpcId'],
    cidr_block: ['CidrBlock'],
    availability_zone: ['AvailabilityZone'],
    // documented default: false (src/adapt/aws/defaults.ts)
    map_public_ip_on_launch: ['MapPublicIpOnLaunch', undefined, toBool],
  });
  copyTags(b, r.props);
};

/** The VPC a folded resource names in `key` (`!Ref Vpc`). */
function vpcOf(r: CfnResource, ctx: CfnContext, key: string): ObjectBuilder | undefined {
  const t = ctx.target(r, key, VPC);
  return t && ctx.builder(t.logicalId);
}

/** AWS::EC2::FlowLog with `ResourceType: VPC`: folded into the VPC of `ResourceId`. */
const flowLog: ResourceAdapter = (r, ctx) => {
  const type = r.props.get('ResourceType');
  if (typeof type === 'string' && type !== 'VPC') return;
  const b = vpcOf(r, ctx, 'ResourceId');
  if (!b) return;
  ctx.foldInto(b, r);
  const i = append(b, ['flow_logs'], {}, r);
  if (i === undefined) return;
  copyProps(b, ['flow_logs', i], r.props, {
    traffic_type: ['TrafficType', 'ALL'],
    log_destination_type: ['LogDestinationType', 'cloud-watch-logs'],
  });
};

const endpoint: ResourceAdapter = (r, ctx) => {
  const b = vpcOf(r, ctx, 'VpcId');
  if (!b) return;
  ctx.foldInto(b, r);
  const i = append(b, ['endpoints'], {}, r);
  if (i === undefined) return;
  copyProps(b, ['endpoints', i], r.props, { service_name: ['ServiceName'], vpc_endpoint_type: ['VpcEndpointType', 'Gateway'] });
};

/** AWS::EC2::NatGateway: folded into the VPC of its subnet, with the subnet's Availability Zone. */
const natGateway: ResourceAdapter = (r, ctx) => {
  const sub = ctx.target(r, 'SubnetId', SUBNET);
  if (!sub) return;
  const v = ctx.target(sub, 'VpcId', VPC);
  const b = v && ctx.builder(v.logicalId);
  if (!b) return;
  ctx.foldInto(b, r);
  const i = append(b, ['nat_gateways'], { subnet: sub.logicalId }, r);
  if (i === undefined) return;
  copyProp(b, ['nat_gateways', i, 'connectivity_type'], r.props, 'ConnectivityType', 'public');
  const az = sub.props.get('AvailabilityZone') ?? sub.props.get('AvailabilityZoneId');
  b.set(['nat_gateways', i, 'availability_zone'], az === undefined || isUnknown(az) ? UNKNOWN : az);
};

// ---------------------------------------------------------------- network ACLs

/** Protocol numbers as strings ("6", "17"), "-1" for every protocol. */
function protocol(v: unknown): unknown {
  if (typeof v === 'number') v = String(v);
  if (typeof v !== 'string') return v;
  const p = v.toLowerCase();
  return p === 'all' ? '-1' : p;
}

const nacl: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'ec2', 'network_acls');
  copyProp(b, ['vpc_id'], r.props, 'VpcId');
  copyTags(b, r.props);
};

/** AWS::EC2::NetworkAclEntry: `Egress` (default false) says the direction. */
const naclEntry: ResourceAdapter = (r, ctx) => {
  const t = ctx.target(r, 'NetworkAclId', NACL);
  const b = t && ctx.builder(t.logicalId);
  if (!b) return;
  const p = r.props;
  const egress = p.unknown ? UNKNOWN : toBool(p.get('Egress') ?? false);
  if (isUnknown(egress)) {
    // could be either list
    for (const dir of ['ingress', 'egress']) if (Array.isArray(b.get([dir]))) b.set([dir], UNKNOWN, whole(r));
    return;
  }
  const dir = egress === true ? 'egress' : 'ingress';
  ctx.foldInto(b, r);
  const i = append(b, [dir], {}, r);
  if (i === undefined) return;
  copyProp(b, [dir, i, 'rule_no'], p, 'RuleNumber', undefined, toNumber);
  copyProp(b, [dir, i, 'action'], p, 'RuleAction', undefined, (v) => (typeof v === 'string' ? v.toLowerCase() : v));
  copyProp(b, [dir, i, 'protocol'], p, 'Protocol', undefined, protocol);
  const ports = p.sub('PortRange');
  if (ports && !ports.unknown) {
    copyProp(b, [dir, i, 'from_port'], ports, 'From', 0, toNumber);
    copyProp(b, [dir, i, 'to_port'], ports, 'To', 0, toNumber);
  } else if (ports) {
    b.set([dir, i, 'from_port'], UNKNOWN, where(p, 'PortRange'));
    b.set([dir, i, 'to_port'], UNKNOWN, where(p, 'PortRange'));
  } else {
    b.set([dir, i, 'from_port'], 0);
    b.set([dir, i, 'to_port'], 0);
  }
  if (b.get([dir, i, 'protocol']) === '-1') {
    b.set([dir, i, 'from_port'], 0);
    b.set([dir, i, 'to_port'], 65535);
  }
  copyProp(b, [dir, i, 'cidr_block'], p, 'CidrBlock');
  copyProp(b, [dir, i, 'ipv6_cidr_block'], p, 'Ipv6CidrBlock');
};

// ---------------------------------------------------------------- EKS

const eksCluster: ResourceAdapter = (r, ctx) => {
  // defaults of the EKS API when ResourcesVpcConfig leaves them out: src/adapt/aws/defaults.ts
  const b = ctx.create(r, 'eks', 'clusters');
  const p = r.props;
  copyProp(b, ['name'], p, 'Name', r.logicalId);
  copyProp(b, ['version'], p, 'Version', undefined, toStr);
  const logging = p.sub('Logging');
  if (logging) {
    const cl = logging.unknown ? logging : logging.sub('ClusterLogging');
    const types = cl === undefined ? [] : cl.unknown ? new UnknownValue() : cl.list('EnabledTypes');
    if (types instanceof UnknownValue) b.set(['enabled_cluster_log_types'], UNKNOWN, where(p, 'Logging'));
    else if (types) b.set(['enabled_cluster_log_types'], types.map((t) => toModel(t.unknown ? UNKNOWN : (t.get('Type') ?? UNKNOWN))), where(cl!, 'EnabledTypes'));
    else b.locate(['enabled_cluster_log_types'], where(p, 'Logging')!);
  }
  const vc = section(b, ['vpc_config'], p, 'ResourcesVpcConfig');
  if (vc) {
    copyProps(b, ['vpc_config'], vc, {
      endpoint_public_access: ['EndpointPublicAccess', true, toBool],
      endpoint_private_access: ['EndpointPrivateAccess', false, toBool],
      public_access_cidrs: ['PublicAccessCidrs', ['0.0.0.0/0'], toStringList],
      subnet_ids: ['SubnetIds', undefined, toStringList],
    });
  }
  const ecs = p.list('EncryptionConfig');
  if (ecs instanceof UnknownValue) b.set(['encryption_config'], UNKNOWN, where(p, 'EncryptionConfig'));
  else if (ecs) {
    b.locate(['encryption_config'], where(p, 'EncryptionConfig')!);
    ecs.forEach((ec, i) => {
      b.set(['encryption_config', i], ec.unknown ? UNKNOWN : {}, where(ec));
      if (ec.unknown) return;
      copyProp(b, ['encryption_config', i, 'resources'], ec, 'Resources', undefined, toStringList);
      const prov = ec.sub('Provider');
      if (prov) copyProp(b, ['encryption_config', i, 'key_arn'], prov, 'KeyArn');
    });
  }
  copyTags(b, p);
};

const eksNodegroup: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'eks', 'node_groups');
  const p = r.props;
  copyProp(b, ['node_group_name'], p, 'NodegroupName', r.logicalId);
  copyProp(b, ['cluster_name'], p, 'ClusterName');
  copyProp(b, ['subnet_ids'], p, 'Subnets', undefined, toStringList);
  const sc = section(b, ['scaling_config'], p, 'ScalingConfig');
  if (sc) {
    copyProps(b, ['scaling_config'], sc, {
      min_size: ['MinSize', undefined, toNumber],
      max_size: ['MaxSize', undefined, toNumber],
      desired_size: ['DesiredSize', undefined, toNumber],
    });
  } else if (!p.has('ScalingConfig')) {
    // Without ScalingConfig EKS chooses the sizes, and documents no values (Terraform requires the block).
    b.set(['scaling_config'], UNKNOWN);
  }
  const ra = section(b, ['remote_access'], p, 'RemoteAccess');
  if (ra) {
    copyProp(b, ['remote_access', 'ec2_ssh_key'], ra, 'Ec2SshKey');
    copyProp(b, ['remote_access', 'source_security_group_ids'], ra, 'SourceSecurityGroups', [], toStringList);
  }
  // Nodegroup tags are a mapping
  copyTags(b, p);
};

export const primary: Record<string, ResourceAdapter> = {
  'AWS::EC2::VPC': vpc,
  'AWS::EC2::Subnet': subnet,
  'AWS::EC2::NetworkAcl': nacl,
  'AWS::EKS::Cluster': eksCluster,
  'AWS::EKS::Nodegroup': eksNodegroup,
};

export const folds: Record<string, ResourceAdapter> = {
  'AWS::EC2::FlowLog': flowLog,
  'AWS::EC2::VPCEndpoint': endpoint,
  'AWS::EC2::NatGateway': natGateway,
  'AWS::EC2::NetworkAclEntry': naclEntry,
};
