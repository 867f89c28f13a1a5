/** Application, network and gateway load balancers. */
import { copyAttr, copyAttrs, copyTags, toStringList, type ResourceAdapter } from './context.js';

const loadBalancer: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'elb', 'load_balancers', { access_logs: { enabled: false } });
  copyAttr(b, ['name'], r.view, 'name', r.name);
  copyAttrs(b, [], r.view, {
    load_balancer_type: 'application',
    internal: false,
    drop_invalid_header_fields: false,
    enable_deletion_protection: false,
    enable_cross_zone_load_balancing: undefined,
  });
  copyAttr(b, ['subnets'], r.view, 'subnets', [], toStringList);
  for (const al of r.view.blocks('access_logs')) {
    b.locate(['access_logs'], al);
    copyAttrs(b, ['access_logs'], al, { enabled: true, bucket: undefined });
  }
  copyTags(b, r.view);
};

export const primary: Record<string, ResourceAdapter> = {
  aws_lb: loadBalancer,
  aws_alb: loadBalancer,
};

export const folds: Record<string, ResourceAdapter> = {};
