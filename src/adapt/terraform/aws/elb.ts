/** Application, network and gateway load balancers with their listeners; Classic Load Balancers. */
import { UNKNOWN } from '../../../model/model.js';
import { copyAttr, copyAttrs, copyTags, toNumber, toStringList, type ResourceAdapter } from './context.js';

const LB = ['aws_lb', 'aws_alb'];

const loadBalancer: ResourceAdapter = (r, ctx) => {
  // defaults (an internet-facing ALB, no logs, no listeners): src/adapt/aws/defaults.ts
  const b = ctx.create(r, 'elb', 'load_balancers');
  copyAttr(b, ['name'], r.view, 'name', r.name);
  for (const a of ['load_balancer_type', 'internal', 'drop_invalid_header_fields', 'enable_deletion_protection']) copyAttr(b, [a], r.view, a);
  // desync mitigation applies to ALBs (and Classic Load Balancers); "defensive" is the default
  if (b.get(['load_balancer_type']) === 'application') copyAttr(b, ['desync_mitigation_mode'], r.view, 'desync_mitigation_mode', 'defensive');
  // Cross-zone load balancing is always on for ALBs and off by default for NLBs and GWLBs.
  const type = b.get(['load_balancer_type']);
  copyAttr(b, ['enable_cross_zone_load_balancing'], r.view, 'enable_cross_zone_load_balancing', type === 'application' ? true : type === 'network' || type === 'gateway' ? false : undefined);
  copyAttr(b, ['subnets'], r.view, 'subnets', undefined, toStringList);
  r.view.blocks('subnet_mapping').forEach((sm, i) => {
    b.set(['subnet_mappings', i], {}, sm);
    copyAttr(b, ['subnet_mappings', i, 'subnet_id'], sm, 'subnet_id');
  });
  for (const al of r.view.blocks('access_logs')) {
    b.locate(['access_logs'], al);
    // "Defaults to false, even when bucket is specified" (the provider's aws_lb), as the API's attribute
    copyAttrs(b, ['access_logs'], al, { enabled: false, bucket: undefined });
  }
  copyTags(b, r.view);
};

/** aws_lb_listener: folded into `listeners[]` of the load balancer (`load_balancer_arn`). */
const listener: ResourceAdapter = (r, ctx) => {
  const target = ctx.target(r, 'load_balancer_arn', LB);
  const b = target && ctx.builder(target);
  if (!b) return;
  const i = (b.get(['listeners']) as unknown[]).length;
  const v = r.view;
  b.set(['listeners', i], { default_actions: [] }, v);
  copyAttr(b, ['listeners', i, 'port'], v, 'port', undefined, toNumber);
  // HTTP is the provider's default protocol for ALB listeners, TCP for NLB listeners
  const type = b.get(['load_balancer_type']);
  copyAttr(b, ['listeners', i, 'protocol'], v, 'protocol', type === 'application' ? 'HTTP' : type === 'network' ? 'TCP' : undefined, (p) => (typeof p === 'string' ? p.toUpperCase() : p));
  const proto = b.get(['listeners', i, 'protocol']);
  // ELBSecurityPolicy-2016-08 is the provider's and the API's default policy for HTTPS and TLS listeners
  copyAttr(b, ['listeners', i, 'ssl_policy'], v, 'ssl_policy', proto === 'HTTPS' || proto === 'TLS' ? 'ELBSecurityPolicy-2016-08' : undefined);
  v.blocks('default_action').forEach((a, j) => {
    b.set(['listeners', i, 'default_actions', j], {}, a);
    if (a.unknown) {
      b.set(['listeners', i, 'default_actions', j], UNKNOWN);
      return;
    }
    copyAttr(b, ['listeners', i, 'default_actions', j, 'type'], a, 'type');
    for (const rd of a.blocks('redirect')) {
      b.set(['listeners', i, 'default_actions', j, 'redirect'], {}, rd);
      copyAttrs(b, ['listeners', i, 'default_actions', j, 'redirect'], rd, { protocol: '#{protocol}', port: '#{port}', status_code: undefined });
    }
  });
};

/** aws_elb: Classic Load Balancers, aws.elb.classic_load_balancers[]. */
const classic: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'elb', 'classic_load_balancers');
  const v = r.view;
  copyAttr(b, ['name'], v, 'name', r.name);
  copyAttrs(b, [], v, {
    internal: undefined,
    // the provider's default (the API's, in src/adapt/aws/defaults.ts, is false)
    cross_zone_load_balancing: true,
    connection_draining: undefined,
    connection_draining_timeout: undefined,
  });
  copyAttr(b, ['subnets'], v, 'subnets', undefined, toStringList);
  copyAttr(b, ['availability_zones'], v, 'availability_zones', undefined, toStringList);
  v.blocks('listener').forEach((l, i) => {
    b.set(['listeners', i], {}, l);
    if (l.unknown) {
      b.set(['listeners', i], UNKNOWN);
      return;
    }
    copyAttr(b, ['listeners', i, 'lb_port'], l, 'lb_port', undefined, toNumber);
    copyAttr(b, ['listeners', i, 'instance_port'], l, 'instance_port', undefined, toNumber);
    const up = (p: unknown) => (typeof p === 'string' ? p.toUpperCase() : p);
    copyAttr(b, ['listeners', i, 'lb_protocol'], l, 'lb_protocol', undefined, up);
    copyAttr(b, ['listeners', i, 'instance_protocol'], l, 'instance_protocol', undefined, up);
    copyAttr(b, ['listeners', i, 'ssl_certificate_id'], l, 'ssl_certificate_id');
  });
  for (const al of v.blocks('access_logs')) {
    b.locate(['access_logs'], al);
    copyAttrs(b, ['access_logs'], al, { enabled: true, bucket: undefined, interval: 60 });
  }
  copyTags(b, v);
};

export const primary: Record<string, ResourceAdapter> = {
  aws_lb: loadBalancer,
  aws_alb: loadBalancer,
  aws_elb: classic,
};

export const folds: Record<string, ResourceAdapter> = {
  aws_lb_listener: listener,
  aws_alb_listener: listener,
};
