/** IAM policies, CloudTrail, load balancers, Lambda, Auto Scaling groups. */
import { normalizePolicyDocument } from '../../aws/policy-document.js';
import { isUnknown, UNKNOWN } from '../../../model/model.js';
import { copyAttr, copyAttrs, copyTags, toStringList, type ResourceAdapter } from './context.js';

function iamPolicy(attachment: 'managed' | 'user' | 'group' | 'role'): ResourceAdapter {
  return (r, ctx) => {
    const b = ctx.create(r, 'iam', 'policies', { attachment });
    copyAttr(b, ['name'], r.view, 'name', r.name);
    copyAttr(b, ['document'], r.view, 'policy', UNKNOWN, (v) => (isUnknown(v) ? UNKNOWN : normalizePolicyDocument(v)));
    copyTags(b, r.view);
  };
}

const trail: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'cloudtrail', 'trails');
  copyAttr(b, ['name'], r.view, 'name', r.name);
  copyAttrs(b, [], r.view, {
    is_multi_region_trail: false,
    enable_log_file_validation: false,
    include_global_service_events: true,
    is_organization_trail: false,
    enable_logging: true,
    kms_key_id: undefined,
    cloud_watch_logs_group_arn: undefined,
  });
  copyTags(b, r.view);
};

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

const lambda: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'lambda', 'functions');
  copyAttr(b, ['function_name'], r.view, 'function_name', r.name);
  copyAttrs(b, [], r.view, { runtime: undefined, reserved_concurrent_executions: -1, kms_key_arn: undefined });
  for (const t of r.view.blocks('tracing_config')) {
    b.locate(['tracing_config'], t);
    copyAttrs(b, ['tracing_config'], t, { mode: 'PassThrough' });
  }
  for (const d of r.view.blocks('dead_letter_config')) {
    b.locate(['dead_letter_config'], d);
    copyAttrs(b, ['dead_letter_config'], d, { target_arn: undefined });
  }
  for (const vpc of r.view.blocks('vpc_config')) {
    b.locate(['vpc_config'], vpc);
    copyAttr(b, ['vpc_config', 'subnet_ids'], vpc, 'subnet_ids', [], toStringList);
    copyAttr(b, ['vpc_config', 'security_group_ids'], vpc, 'security_group_ids', [], toStringList);
  }
  copyTags(b, r.view);
};

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
  aws_iam_policy: iamPolicy('managed'),
  aws_iam_user_policy: iamPolicy('user'),
  aws_iam_group_policy: iamPolicy('group'),
  aws_iam_role_policy: iamPolicy('role'),
  aws_cloudtrail: trail,
  aws_lb: loadBalancer,
  aws_alb: loadBalancer,
  aws_lambda_function: lambda,
  aws_autoscaling_group: asg,
};

export const folds: Record<string, ResourceAdapter> = {};
