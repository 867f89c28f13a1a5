/** KMS, GuardDuty, AWS Config, Security Hub, CloudWatch log groups and alarms, Access Analyzer, account settings. */
import type { ObjectBuilder } from '../../builder.js';
import { isUnknown, UNKNOWN } from '../../../model/model.js';
import { literalValue, NOT_LITERAL } from '../../../parse/hcl/literal.js';
import type { TerraformResource } from '../resource.js';
import { traversalRef } from '../references.js';
import { attrWhere, type AttrView, type BodyView } from '../view.js';
import { copyAttr, copyAttrs, copyTags, toBool, toStringList, type ResourceAdapter, type TfAwsContext } from './context.js';

// ---- KMS ----

const KEY = ['aws_kms_key'];

const kmsKey: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'kms', 'keys');
  copyAttr(b, ['description'], r.view, 'description');
  // defaults when unset: src/adapt/aws/defaults.ts
  copyAttrs(b, [], r.view, {
    key_usage: undefined,
    customer_master_key_spec: undefined,
    enable_key_rotation: undefined,
    rotation_period_in_days: undefined,
    deletion_window_in_days: undefined,
    multi_region: undefined,
    is_enabled: undefined,
    bypass_policy_lockout_safety_check: undefined,
  });
  // absent: the default key policy (the account root principal only)
  ctx.copyPolicy(b, ['policy'], r, 'policy');
  copyTags(b, r.view);
};

const kmsKeyPolicy: ResourceAdapter = (r, ctx) => {
  const target = ctx.target(r, 'key_id', KEY);
  const b = target && ctx.builder(target);
  if (b) ctx.copyPolicy(b, ['policy'], r, 'policy');
};

// ---- GuardDuty ----

const DETECTOR = ['aws_guardduty_detector'];

function setFeature(b: ObjectBuilder, name: string, view: BodyView, enable: Pick<AttrView, 'value' | 'range' | 'file'> | undefined): void {
  if (!enable) return;
  const v = isUnknown(enable.value) ? UNKNOWN : toBool(enable.value) === true || enable.value === 'ENABLED' ? 'ENABLED' : 'DISABLED';
  b.set(['features', name], v, attrWhere(view, enable));
}

const detector: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'guardduty', 'detectors');
  copyAttrs(b, [], r.view, { enable: true, finding_publishing_frequency: undefined });
  // legacy `datasources` blocks
  for (const ds of r.view.blocks('datasources')) {
    for (const s3 of ds.blocks('s3_logs')) setFeature(b, 's3_data_events', s3, s3.attr('enable'));
    for (const k of ds.blocks('kubernetes')) for (const al of k.blocks('audit_logs')) setFeature(b, 'eks_audit_logs', al, al.attr('enable'));
    for (const mp of ds.blocks('malware_protection'))
      for (const sc of mp.blocks('scan_ec2_instance_with_findings')) for (const ebs of sc.blocks('ebs_volumes')) setFeature(b, 'ebs_malware_protection', ebs, ebs.attr('enable'));
  }
  copyTags(b, r.view);
};

const detectorFeature: ResourceAdapter = (r, ctx) => {
  const target = ctx.target(r, 'detector_id', DETECTOR);
  const b = target && ctx.builder(target);
  const name = r.view.attr('name');
  if (!b || !name || typeof name.value !== 'string') return;
  setFeature(b, name.value.toLowerCase(), r.view, r.view.attr('status'));
};

// ---- Security Hub ----

const securityHubAccount: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'securityhub', 'accounts');
  copyAttrs(b, [], r.view, { enable_default_standards: undefined, auto_enable_controls: undefined, control_finding_generator: undefined });
};

/** In the same unit (and region, when both are known) as the account: a subscription has no reference to it. */
function sameAccount(a: TerraformResource, b: TerraformResource): boolean {
  return a.unit === b.unit && (typeof a.region !== 'string' || typeof b.region !== 'string' || a.region === b.region);
}

const standardsSubscription: ResourceAdapter = (r, ctx) => {
  const arn = r.view.attr('standards_arn');
  if (!arn) return;
  for (const acct of ctx.resources.filter((c) => c.type === 'aws_securityhub_account' && sameAccount(c, r))) {
    const b = ctx.builder(acct);
    const list = b?.get(['standards_arns']);
    if (b && Array.isArray(list)) b.set(['standards_arns', list.length], isUnknown(arn.value) ? UNKNOWN : arn.value, attrWhere(r.view, arn));
  }
};

// ---- AWS Config ----

const RECORDER = ['aws_config_configuration_recorder'];

const recorder: ResourceAdapter = (r, ctx) => {
  // AWS Config API defaults (src/adapt/aws/defaults.ts): all supported regional types, global types not included.
  const b = ctx.create(r, 'config', 'recorders');
  copyAttr(b, ['name'], r.view, 'name', 'default');
  copyAttr(b, ['role_arn'], r.view, 'role_arn');
  for (const g of r.view.blocks('recording_group')) {
    b.locate(['recording_group'], g);
    copyAttr(b, ['recording_group', 'all_supported'], g, 'all_supported', g.unknown ? undefined : true);
    copyAttr(b, ['recording_group', 'include_global_resource_types'], g, 'include_global_resource_types', g.unknown ? undefined : false);
    copyAttr(b, ['recording_group', 'resource_types'], g, 'resource_types', g.unknown ? undefined : [], toStringList);
    if (g.unknown) b.set(['recording_group'], UNKNOWN, g);
  }
};

const recorderStatus: ResourceAdapter = (r, ctx) => {
  const target = ctx.target(r, 'name', RECORDER, 'name');
  const b = target && ctx.builder(target);
  if (b) copyAttr(b, ['is_enabled'], r.view, 'is_enabled', UNKNOWN);
};

// ---- CloudWatch ----

const logGroup: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'cloudwatch', 'log_groups');
  copyAttr(b, ['name'], r.view, 'name', r.view.attr('name_prefix') ? UNKNOWN : r.name);
  copyAttrs(b, [], r.view, { kms_key_id: undefined, retention_in_days: undefined, log_group_class: undefined, skip_destroy: undefined });
  copyTags(b, r.view);
};

const metricAlarm: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'cloudwatch', 'metric_alarms');
  copyAttr(b, ['alarm_name'], r.view, 'alarm_name', r.name);
  copyAttr(b, ['namespace'], r.view, 'namespace');
  copyAttr(b, ['metric_name'], r.view, 'metric_name');
  copyAttr(b, ['actions_enabled'], r.view, 'actions_enabled');
  for (const k of ['alarm_actions', 'ok_actions', 'insufficient_data_actions']) copyAttr(b, [k], r.view, k, undefined, toStringList);
  copyAttr(b, ['dimensions'], r.view, 'dimensions');
  copyTags(b, r.view);
};

/** Dimension keys that name a monitored resource, with the resource types and the attribute their literal value equals. */
const DIMENSION_TARGETS: Record<string, { types: string[]; attr: string; match: (value: string, attr: unknown) => boolean }> = {
  DBInstanceIdentifier: { types: ['aws_db_instance'], attr: 'identifier', match: (v, a) => v === a },
  LoadBalancer: { types: ['aws_lb', 'aws_alb'], attr: 'name', match: (v, a) => typeof a === 'string' && v.split('/')[1] === a },
  AutoScalingGroupName: { types: ['aws_autoscaling_group'], attr: 'name', match: (v, a) => v === a },
};

/** The `dimensions` views of an alarm: the attribute, and those of `metric_query { metric { … } }` blocks. */
function dimensionSources(view: BodyView): { value: unknown; expr?: import('../../../parse/hcl/ast.js').Expression }[] {
  const out: { value: unknown; expr?: import('../../../parse/hcl/ast.js').Expression }[] = [];
  const d = view.attr('dimensions');
  if (d) out.push({ value: d.value, expr: d.expr });
  for (const q of view.blocks('metric_query')) {
    for (const m of q.blocks('metric')) {
      const md = m.attr('dimensions');
      if (md) out.push({ value: md.value, expr: md.expr });
      else if (m.unknown) out.push({ value: UNKNOWN });
    }
    if (q.unknown) out.push({ value: UNKNOWN });
  }
  return out;
}

/** Records the alarm on the RDS instances, load balancers and Auto Scaling groups its dimensions name. */
const alarmTargets: ResourceAdapter = (r, ctx) => {
  const name = r.view.attr('alarm_name')?.value ?? r.name;
  const label = isUnknown(name) ? r.address : name;
  for (const src of dimensionSources(r.view)) {
    for (const [key, spec] of Object.entries(DIMENSION_TARGETS)) {
      const candidates = ctx.resources.filter((c) => c.unit === r.unit && spec.types.includes(c.type));
      if (candidates.length === 0) continue;
      if (isUnknown(src.value) || typeof src.value !== 'object' || src.value === null) {
        candidates.forEach((c) => markUnknown(ctx, c));
        continue;
      }
      const value = (src.value as Record<string, unknown>)[key];
      if (value === undefined) continue;
      const ref = src.expr?.type === 'object' ? itemRef(src.expr, key) : undefined;
      let targets: TerraformResource[] = [];
      if (ref && spec.types.includes(ref.type)) targets = candidates.filter((c) => c.module === r.module && c.type === ref.type && c.name === ref.name);
      else if (typeof value === 'string') targets = candidates.filter((c) => spec.match(value, c.view.attr(spec.attr)?.value));
      else if (isUnknown(value)) {
        candidates.forEach((c) => markUnknown(ctx, c));
        continue;
      }
      for (const t of targets) addAlarm(ctx, t, label);
    }
  }
};

function itemRef(expr: import('../../../parse/hcl/ast.js').ObjectExpr, key: string): ReturnType<typeof traversalRef> {
  for (const item of expr.items) {
    const k = item.key.type === 'variable' ? item.key.name : literalValue(item.key);
    if (k !== NOT_LITERAL && k === key) return traversalRef(item.value);
  }
  return undefined;
}

function addAlarm(ctx: TfAwsContext, t: TerraformResource, alarm: unknown): void {
  const b = ctx.builder(t);
  if (!b) return;
  const cur = b.get(['metric_alarms']);
  const list = Array.isArray(cur) ? cur : [];
  b.set(['metric_alarms'], [...list, alarm]);
}

/** An alarm whose dimensions cannot be known may watch any candidate: unknown unless one is known to. */
function markUnknown(ctx: TfAwsContext, t: TerraformResource): void {
  const b = ctx.builder(t);
  if (b && !Array.isArray(b.get(['metric_alarms']))) b.set(['metric_alarms'], UNKNOWN);
}

// ---- IAM Access Analyzer ----

const analyzer: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'accessanalyzer', 'analyzers');
  copyAttr(b, ['analyzer_name'], r.view, 'analyzer_name', r.name);
  copyAttr(b, ['type'], r.view, 'type');
  copyTags(b, r.view);
};

export const primary: Record<string, ResourceAdapter> = {
  aws_kms_key: kmsKey,
  aws_guardduty_detector: detector,
  aws_securityhub_account: securityHubAccount,
  aws_config_configuration_recorder: recorder,
  aws_cloudwatch_log_group: logGroup,
  aws_cloudwatch_metric_alarm: metricAlarm,
  aws_accessanalyzer_analyzer: analyzer,
};

export const folds: Record<string, ResourceAdapter> = {
  aws_kms_key_policy: kmsKeyPolicy,
  aws_guardduty_detector_feature: detectorFeature,
  aws_securityhub_standards_subscription: standardsSubscription,
  aws_config_configuration_recorder_status: recorderStatus,
  aws_cloudwatch_metric_alarm: alarmTargets,
};
