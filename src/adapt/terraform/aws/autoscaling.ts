/** Auto Scaling groups, with their scaling policies and load balancer attachments folded in. */
import { elementDefaults } from '../../aws/defaults.js';
import type { ObjectBuilder } from '../../builder.js';
import { isUnknown, UNKNOWN } from '../../../model/model.js';
import { copyAttr, copyAttrs, toNumber, toStringList, type ResourceAdapter, type TfAwsContext } from './context.js';
import type { TerraformResource } from '../resource.js';

const ASG = ['aws_autoscaling_group'];

const asg: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'autoscaling', 'groups');
  copyAttr(b, ['name'], r.view, 'name', r.name);
  copyAttrs(b, [], r.view, {
    min_size: undefined,
    max_size: undefined,
    desired_capacity: undefined,
    health_check_type: undefined,
    launch_configuration: undefined,
    capacity_rebalance: undefined,
  });
  // A reference to a launch configuration declared here is known to be one, even when its name is computed.
  const lc = b.get(['launch_configuration']);
  const lcTarget = isUnknown(lc) ? ctx.target(r, 'launch_configuration', ['aws_launch_configuration']) : undefined;
  if (lcTarget) b.set(['launch_configuration'], lcTarget.address);
  for (const a of ['availability_zones', 'vpc_zone_identifier', 'target_group_arns', 'load_balancers']) copyAttr(b, [a], r.view, a, undefined, toStringList);
  for (const lt of r.view.blocks('launch_template')) {
    b.set(['launch_template'], lt.unknown ? UNKNOWN : elementDefaults('autoscaling', 'groups', 'launch_template'), lt);
    if (!lt.unknown) copyAttrs(b, ['launch_template'], lt, { id: undefined, name: undefined, version: undefined });
  }
  for (const mip of r.view.blocks('mixed_instances_policy')) {
    b.set(['mixed_instances_policy'], mip.unknown ? UNKNOWN : {}, mip);
    if (mip.unknown) continue;
    // Without an instances_distribution block every instance above the base is On-Demand.
    b.set(['mixed_instances_policy', 'instances_distribution'], { on_demand_base_capacity: 0, on_demand_percentage_above_base_capacity: 100 });
    for (const d of mip.blocks('instances_distribution')) {
      b.locate(['mixed_instances_policy', 'instances_distribution'], d);
      if (d.unknown) {
        b.set(['mixed_instances_policy', 'instances_distribution'], UNKNOWN);
        continue;
      }
      copyAttr(b, ['mixed_instances_policy', 'instances_distribution', 'on_demand_base_capacity'], d, 'on_demand_base_capacity', 0, toNumber);
      copyAttr(b, ['mixed_instances_policy', 'instances_distribution', 'on_demand_percentage_above_base_capacity'], d, 'on_demand_percentage_above_base_capacity', 100, toNumber);
      copyAttr(b, ['mixed_instances_policy', 'instances_distribution', 'spot_allocation_strategy'], d, 'spot_allocation_strategy');
    }
  }
  // ASG tags are `tag { key value propagate_at_launch }` blocks
  const tags: Record<string, unknown> = {};
  let unknownTags = false;
  for (const t of r.view.blocks('tag')) {
    const k = t.attr('key')?.value;
    if (t.unknown || typeof k !== 'string') unknownTags = true;
    else tags[k] = t.attr('value')?.value;
  }
  b.set(['tags'], unknownTags ? UNKNOWN : tags);
};

/** The group a split resource names in `autoscaling_group_name` (by reference or literal name). */
function group(r: TerraformResource, ctx: TfAwsContext): ObjectBuilder | undefined {
  const t = ctx.target(r, 'autoscaling_group_name', ASG, 'name');
  return t && ctx.builder(t);
}

function append(b: ObjectBuilder, listPath: string[], value: unknown, r: TerraformResource): void {
  const cur = b.get(listPath);
  if (isUnknown(cur)) return;
  const i = Array.isArray(cur) ? cur.length : 0;
  b.set([...listPath, i], value, r.view);
}

const policy: ResourceAdapter = (r, ctx) => {
  const b = group(r, ctx);
  if (!b) return;
  const cur = b.get(['scaling_policies']);
  const i = Array.isArray(cur) ? cur.length : 0;
  b.set(['scaling_policies', i], {}, r.view);
  copyAttr(b, ['scaling_policies', i, 'name'], r.view, 'name', r.name);
  copyAttr(b, ['scaling_policies', i, 'policy_type'], r.view, 'policy_type', 'SimpleScaling');
};

const attachment: ResourceAdapter = (r, ctx) => {
  const b = group(r, ctx);
  if (!b) return;
  const tg = r.view.attr('lb_target_group_arn');
  if (tg) append(b, ['target_group_arns'], isUnknown(tg.value) ? UNKNOWN : tg.value, r);
  const elb = r.view.attr('elb');
  if (elb) append(b, ['load_balancers'], isUnknown(elb.value) ? UNKNOWN : elb.value, r);
};

export const primary: Record<string, ResourceAdapter> = {
  aws_autoscaling_group: asg,
};

export const folds: Record<string, ResourceAdapter> = {
  aws_autoscaling_policy: policy,
  aws_autoscaling_attachment: attachment,
};
