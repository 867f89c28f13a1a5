/** VPCs, subnets, network ACLs, flow logs, VPC endpoints, NAT gateways, EKS. */
import type { ObjectBuilder } from '../../builder.js';
import { isUnknown, UNKNOWN } from '../../../model/model.js';
import { attrWhere, type BodyView } from '../view.js';
import { appendEntry, copyAttr, copyAttrs, copyTags, toNumber, toStringList, type ResourceAdapter } from './context.js';

const VPC = ['aws_vpc', 'aws_default_vpc'];
const SUBNET = ['aws_subnet', 'aws_default_subnet'];
const NACL = ['aws_network_acl', 'aws_default_network_acl'];

// ---------------------------------------------------------------- VPCs and subnets

function vpcAdapter(isDefault: boolean): ResourceAdapter {
  return (r, ctx) => {
    const b = ctx.create(r, 'ec2', 'vpcs', isDefault ? { is_default: true } : {});
    copyAttr(b, ['cidr_block'], r.view, 'cidr_block', isDefault ? '172.31.0.0/16' : undefined);
    copyTags(b, r.view);
  };
}

const subnet: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'ec2', 'subnets');
  copyAttrs(b, [], r.view, {
    vpc_id: undefined,
    cidr_block: undefined,
    availability_zone: undefined,
    // aws_subnet: default false (only default subnets map public IPs)
    map_public_ip_on_launch: r.type === 'aws_default_subnet' ? true : undefined,
  });
  copyTags(b, r.view);
};

/** aws_flow_log: folded into the VPC it captures (`vpc_id`). */
const flowLog: ResourceAdapter = (r, ctx) => {
  const target = ctx.target(r, 'vpc_id', VPC);
  const b = target && ctx.builder(target);
  if (!b) return;
  const i = (b.get(['flow_logs']) as unknown[]).length;
  b.set(['flow_logs', i], {}, r.view);
  copyAttrs(b, ['flow_logs', i], r.view, { traffic_type: 'ALL', log_destination_type: 'cloud-watch-logs' });
};

/** aws_vpc_endpoint: folded into its VPC. */
const endpoint: ResourceAdapter = (r, ctx) => {
  const target = ctx.target(r, 'vpc_id', VPC);
  const b = target && ctx.builder(target);
  if (!b) return;
  const i = (b.get(['endpoints']) as unknown[]).length;
  b.set(['endpoints', i], {}, r.view);
  copyAttrs(b, ['endpoints', i], r.view, { service_name: undefined, vpc_endpoint_type: 'Gateway' });
};

/** aws_nat_gateway: folded into the VPC of its subnet, with the subnet's Availability Zone. */
const natGateway: ResourceAdapter = (r, ctx) => {
  const sub = ctx.target(r, 'subnet_id', SUBNET);
  if (!sub) return;
  const vpc = ctx.target(sub, 'vpc_id', VPC);
  const b = vpc && ctx.builder(vpc);
  if (!b) return;
  const i = (b.get(['nat_gateways']) as unknown[]).length;
  b.set(['nat_gateways', i], { subnet: sub.address }, r.view);
  copyAttr(b, ['nat_gateways', i, 'connectivity_type'], r.view, 'connectivity_type', 'public');
  const az = sub.view.attr('availability_zone') ?? sub.view.attr('availability_zone_id');
  b.set(['nat_gateways', i, 'availability_zone'], az === undefined || isUnknown(az.value) ? UNKNOWN : az.value);
};

// ---------------------------------------------------------------- network ACLs

function protocol(v: unknown): unknown {
  if (typeof v === 'number') v = String(v);
  if (typeof v !== 'string') return v;
  const p = v.toLowerCase();
  return p === 'all' ? '-1' : p;
}

function addAclRule(b: ObjectBuilder, direction: 'ingress' | 'egress', view: BodyView, names: { no: string; action: string }): void {
  const i = appendEntry(b, [direction], view);
  if (i === undefined) return;
  copyAttr(b, [direction, i, 'rule_no'], view, names.no, undefined, toNumber);
  copyAttr(b, [direction, i, 'action'], view, names.action, undefined, (v) => (typeof v === 'string' ? v.toLowerCase() : v));
  copyAttr(b, [direction, i, 'protocol'], view, 'protocol', undefined, protocol);
  copyAttr(b, [direction, i, 'from_port'], view, 'from_port', 0, toNumber);
  copyAttr(b, [direction, i, 'to_port'], view, 'to_port', 0, toNumber);
  if (b.get([direction, i, 'protocol']) === '-1') {
    b.set([direction, i, 'from_port'], 0);
    b.set([direction, i, 'to_port'], 65535);
  }
  copyAttr(b, [direction, i, 'cidr_block'], view, 'cidr_block');
  copyAttr(b, [direction, i, 'ipv6_cidr_block'], view, 'ipv6_cidr_block');
}

function naclAdapter(isDefault: boolean): ResourceAdapter {
  return (r, ctx) => {
    const b = ctx.create(r, 'ec2', 'network_acls', isDefault ? { is_default: true } : {});
    copyAttr(b, ['vpc_id'], r.view, 'vpc_id');
    copyTags(b, r.view);
    for (const dir of ['ingress', 'egress'] as const) {
      const attr = r.view.attr(dir);
      if (attr && isUnknown(attr.value)) b.set([dir], UNKNOWN, attrWhere(r.view, attr));
      for (const rule of r.view.blocks(dir)) addAclRule(b, dir, rule, { no: 'rule_no', action: 'action' });
    }
  };
}

/** aws_network_acl_rule: `egress` (default false) says the direction. */
const naclRule: ResourceAdapter = (r, ctx) => {
  const target = ctx.target(r, 'network_acl_id', NACL);
  const b = target && ctx.builder(target);
  if (!b) return;
  const egress = r.view.attr('egress')?.value ?? false;
  if (isUnknown(egress)) return;
  addAclRule(b, egress === true || egress === 'true' ? 'egress' : 'ingress', r.view, { no: 'rule_number', action: 'rule_action' });
};

// ---------------------------------------------------------------- EKS

const eksCluster: ResourceAdapter = (r, ctx) => {
  // defaults of the EKS API when vpc_config leaves them out: src/adapt/aws/defaults.ts
  const b = ctx.create(r, 'eks', 'clusters');
  const v = r.view;
  copyAttr(b, ['name'], v, 'name', r.name);
  copyAttr(b, ['version'], v, 'version');
  copyAttr(b, ['enabled_cluster_log_types'], v, 'enabled_cluster_log_types', undefined, toStringList);
  for (const vc of v.blocks('vpc_config')) {
    b.locate(['vpc_config'], vc);
    if (vc.unknown) {
      b.set(['vpc_config'], UNKNOWN);
      continue;
    }
    copyAttrs(b, ['vpc_config'], vc, { endpoint_public_access: true, endpoint_private_access: false });
    copyAttr(b, ['vpc_config', 'public_access_cidrs'], vc, 'public_access_cidrs', ['0.0.0.0/0'], toStringList);
    copyAttr(b, ['vpc_config', 'subnet_ids'], vc, 'subnet_ids', undefined, toStringList);
  }
  v.blocks('encryption_config').forEach((ec, i) => {
    b.set(['encryption_config', i], {}, ec);
    if (ec.unknown) {
      b.set(['encryption_config', i], UNKNOWN);
      return;
    }
    copyAttr(b, ['encryption_config', i, 'resources'], ec, 'resources', undefined, toStringList);
    for (const p of ec.blocks('provider')) copyAttr(b, ['encryption_config', i, 'key_arn'], p, 'key_arn');
  });
  copyTags(b, v);
};

const eksNodeGroup: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'eks', 'node_groups');
  const v = r.view;
  copyAttr(b, ['node_group_name'], v, 'node_group_name', r.name);
  copyAttr(b, ['cluster_name'], v, 'cluster_name');
  copyAttr(b, ['subnet_ids'], v, 'subnet_ids', undefined, toStringList);
  for (const sc of v.blocks('scaling_config')) {
    b.set(['scaling_config'], {}, sc);
    if (sc.unknown) {
      b.set(['scaling_config'], UNKNOWN);
      continue;
    }
    for (const k of ['min_size', 'max_size', 'desired_size']) copyAttr(b, ['scaling_config', k], sc, k, undefined, toNumber);
  }
  for (const ra of v.blocks('remote_access')) {
    b.set(['remote_access'], {}, ra);
    if (ra.unknown) {
      b.set(['remote_access'], UNKNOWN);
      continue;
    }
    copyAttr(b, ['remote_access', 'ec2_ssh_key'], ra, 'ec2_ssh_key');
    copyAttr(b, ['remote_access', 'source_security_group_ids'], ra, 'source_security_group_ids', [], toStringList);
  }
  copyTags(b, v);
};

export const primary: Record<string, ResourceAdapter> = {
  aws_vpc: vpcAdapter(false),
  aws_default_vpc: vpcAdapter(true),
  aws_subnet: subnet,
  aws_default_subnet: subnet,
  aws_network_acl: naclAdapter(false),
  aws_default_network_acl: naclAdapter(true),
  aws_eks_cluster: eksCluster,
  aws_eks_node_group: eksNodeGroup,
};

export const folds: Record<string, ResourceAdapter> = {
  aws_flow_log: flowLog,
  aws_vpc_endpoint: endpoint,
  aws_nat_gateway: natGateway,
  aws_network_acl_rule: naclRule,
};
