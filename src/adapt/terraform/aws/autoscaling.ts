/** Auto Scaling groups. */
import { UNKNOWN } from '../../../model/model.js';
import { copyAttr, copyAttrs, copyTags, toStringList, type ResourceAdapter } from './context.js';

const asg: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'autoscaling', 'groups');
  copyAttr(b, ['name'], r.view, 'name', r.name);
  copyAttrs(b, [], r.view, { min_size: undefined, max_size: undefined, desired_capacity: undefined, health_check_type: 'EC2' });
  copyAttr(b, ['availability_zones'], r.view, 'availability_zones', [], toStringList);
  copyAttr(b, ['vpc_zone_identifier'], r.view, 'vpc_zone_identifier', [], toStringList);
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

export const primary: Record<string, ResourceAdapter> = {
  aws_autoscaling_group: asg,
};

export const folds: Record<string, ResourceAdapter> = {};
