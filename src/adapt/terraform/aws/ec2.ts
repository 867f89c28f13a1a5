/** Security groups: inline rules and the standalone rule resources folded in. */
import { elementDefaults } from '../../aws/defaults.js';
import type { ObjectBuilder } from '../../builder.js';
import { isUnknown, UNKNOWN } from '../../../model/model.js';
import { attrWhere, type BodyView } from '../view.js';
import { appendEntry, copyAttr, copyAttrs, copyTags, toNumber, toStringList, type ResourceAdapter } from './context.js';

const SG = ['aws_security_group', 'aws_default_security_group'];

/** Normalises a protocol name: "-1"/"all" for every protocol, numbers for the usual ones. */
function protocol(v: unknown): unknown {
  if (typeof v === 'number') v = String(v);
  if (typeof v !== 'string') return v;
  const p = v.toLowerCase();
  return p === 'all' ? '-1' : p;
}

function addRule(b: ObjectBuilder, direction: 'ingress' | 'egress', view: BodyView, names: { from: string; to: string; cidr4: string; cidr6: string; sg: string }): void {
  const i = appendEntry(b, [direction], view);
  if (i === undefined) return;
  copyAttr(b, [direction, i, 'protocol'], view, 'protocol', undefined, protocol);
  copyAttr(b, [direction, i, 'from_port'], view, names.from, undefined, toNumber);
  copyAttr(b, [direction, i, 'to_port'], view, names.to, undefined, toNumber);
  if (b.get([direction, i, 'protocol']) === '-1') {
    // every protocol means every port, whatever the ports say
    if (!isUnknown(b.get([direction, i, 'from_port']))) b.set([direction, i, 'from_port'], 0);
    if (!isUnknown(b.get([direction, i, 'to_port']))) b.set([direction, i, 'to_port'], 65535);
  }
  const d = elementDefaults('ec2', 'security_groups', 'rules');
  copyAttr(b, [direction, i, 'cidr_blocks'], view, names.cidr4, d.cidr_blocks, toStringList);
  copyAttr(b, [direction, i, 'ipv6_cidr_blocks'], view, names.cidr6, d.ipv6_cidr_blocks, toStringList);
  // the peer group: a list inline, one id on a standalone rule
  copyAttr(b, [direction, i, 'security_groups'], view, names.sg, d.security_groups, toStringList);
  copyAttr(b, [direction, i, 'description'], view, 'description');
  copyAttr(b, [direction, i, 'self'], view, 'self', d.self);
}

const INLINE = { from: 'from_port', to: 'to_port', cidr4: 'cidr_blocks', cidr6: 'ipv6_cidr_blocks', sg: 'security_groups' };

/**
 * aws_security_group, and aws_default_security_group (`is_default`): Terraform adopts the
 * VPC's default group and removes every rule the configuration does not list.
 */
const securityGroup: ResourceAdapter = (r, ctx) => {
  const isDefault = r.type === 'aws_default_security_group';
  const b = ctx.create(r, 'ec2', 'security_groups', isDefault ? { is_default: true } : {});
  copyAttr(b, ['name'], r.view, 'name', isDefault ? 'default' : r.name);
  copyAttrs(b, [], r.view, { description: undefined, vpc_id: undefined });
  copyTags(b, r.view);
  for (const dir of ['ingress', 'egress'] as const) {
    const attr = r.view.attr(dir);
    if (attr && isUnknown(attr.value)) b.set([dir], UNKNOWN, attrWhere(r.view, attr));
    for (const rule of r.view.blocks(dir)) addRule(b, dir, rule, INLINE);
  }
};

/** aws_security_group_rule: `type` says the direction; `source_security_group_id` the peer group. */
const sgRule: ResourceAdapter = (r, ctx) => {
  const target = ctx.target(r, 'security_group_id', SG);
  const b = target && ctx.builder(target);
  if (!b) return;
  const type = r.view.attr('type')?.value;
  if (type !== 'ingress' && type !== 'egress') return;
  addRule(b, type, r.view, { from: 'from_port', to: 'to_port', cidr4: 'cidr_blocks', cidr6: 'ipv6_cidr_blocks', sg: 'source_security_group_id' });
};

/** aws_vpc_security_group_ingress_rule / egress_rule: one CIDR (or referenced group) each, `ip_protocol`. */
function vpcRule(direction: 'ingress' | 'egress'): ResourceAdapter {
  return (r, ctx) => {
    const target = ctx.target(r, 'security_group_id', SG);
    const b = target && ctx.builder(target);
    if (!b) return;
    const list = b.get([direction]);
    if (!Array.isArray(list)) return;
    addRule(b, direction, r.view, { from: 'from_port', to: 'to_port', cidr4: 'cidr_ipv4', cidr6: 'cidr_ipv6', sg: 'referenced_security_group_id' });
    const rule = list[list.length - 1] as Record<string, unknown> | undefined;
    copyAttr(b, [direction, list.length - 1, 'protocol'], r.view, 'ip_protocol', undefined, protocol);
    if (rule && rule.protocol === '-1') {
      rule.from_port = 0;
      rule.to_port = 65535;
    }
  };
}

export const primary: Record<string, ResourceAdapter> = {
  aws_security_group: securityGroup,
  aws_default_security_group: securityGroup,
};

export const folds: Record<string, ResourceAdapter> = {
  aws_security_group_rule: sgRule,
  aws_vpc_security_group_ingress_rule: vpcRule('ingress'),
  aws_vpc_security_group_egress_rule: vpcRule('egress'),
};
