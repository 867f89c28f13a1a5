/**
 * GuardDuty, Security Hub, AWS Config, CloudWatch log groups and alarms, IAM Access Analyzer
 * from CloudFormation, in the model of src/adapt/terraform/aws/monitoring.ts. Alarms fold onto
 * the RDS instances, load balancers and Auto Scaling groups their dimensions name.
 */
import type { ObjectBuilder } from '../builder.js';
import { isUnknown, UNKNOWN } from '../../model/model.js';
import { copyProp, copyProps, copyTags, toBool, toNumber, toStringList, where, type CfnContext, type CfnResource, type ResourceAdapter } from './context.js';
import { toModel } from './intrinsics.js';
import type { Props } from './props.js';

// ---- GuardDuty ----

function setFeature(b: ObjectBuilder, name: string, p: Props, key: string): void {
  const v = p.get(key);
  if (v === undefined) return;
  const state = isUnknown(v) ? UNKNOWN : toBool(v) === true || v === 'ENABLED' ? 'ENABLED' : 'DISABLED';
  b.set(['features', name], state, where(p, key));
}

const detector: ResourceAdapter = (r, ctx) => {
  const p = r.props;
  const b = ctx.create(r, 'guardduty', 'detectors');
  copyProps(b, [], p, { enable: ['Enable', true, toBool], finding_publishing_frequency: ['FindingPublishingFrequency'] });
  if (p.unknown) b.set(['features'], UNKNOWN, where(p));
  // legacy DataSources
  const ds = p.sub('DataSources');
  if (ds && !ds.unknown) {
    const s3 = ds.sub('S3Logs');
    if (s3 && !s3.unknown) setFeature(b, 's3_data_events', s3, 'Enable');
    const al = ds.sub('Kubernetes')?.sub('AuditLogs');
    if (al && !al.unknown) setFeature(b, 'eks_audit_logs', al, 'Enable');
    const sc = ds.sub('MalwareProtection')?.sub('ScanEc2InstanceWithFindings');
    if (sc && !sc.unknown) setFeature(b, 'ebs_malware_protection', sc, 'EbsVolumes');
  }
  // Features: [{Name, Status}]
  const features = p.list('Features');
  if (Array.isArray(features)) {
    for (const f of features) {
      const name = f.get('Name');
      if (typeof name === 'string') setFeature(b, name.toLowerCase(), f, 'Status');
    }
  }
  copyTags(b, p);
};

// ---- Security Hub ----

const hub: ResourceAdapter = (r, ctx) => {
  const p = r.props;
  const b = ctx.create(r, 'securityhub', 'accounts');
  copyProps(b, [], p, {
    enable_default_standards: ['EnableDefaultStandards', undefined, toBool],
    auto_enable_controls: ['AutoEnableControls', undefined, toBool],
    control_finding_generator: ['ControlFindingGenerator'],
  });
  // every standard of the stack is enabled in the hub's account and Region
  for (const s of ctx.resources.values()) {
    if (s.type !== 'AWS::SecurityHub::Standard') continue;
    const list = b.get(['standards_arns']);
    if (!Array.isArray(list)) break;
    const arn = s.props.get('StandardsArn');
    b.set(['standards_arns', list.length], arn === undefined || isUnknown(arn) ? UNKNOWN : toModel(arn), where(s.props, 'StandardsArn') ?? { file: s.location.file, range: s.entry.range });
  }
  copyTags(b, p);
};

// ---- AWS Config ----

const recorder: ResourceAdapter = (r, ctx) => {
  const p = r.props;
  // AWS Config API defaults (src/adapt/aws/defaults.ts): all supported regional types, global types not included.
  const b = ctx.create(r, 'config', 'recorders');
  copyProp(b, ['name'], p, 'Name', r.logicalId);
  copyProp(b, ['role_arn'], p, 'RoleARN');
  if (p.unknown) b.set(['recording_group'], UNKNOWN, where(p));
  const g = p.sub('RecordingGroup');
  if (g) {
    if (g.unknown) b.set(['recording_group'], UNKNOWN, where(p, 'RecordingGroup'));
    else {
      b.locate(['recording_group'], where(p, 'RecordingGroup')!);
      // the API's allSupported is false unless given: a group that lists types (or a strategy
      // other than ALL_SUPPORTED_RESOURCE_TYPES) records those types only; an empty group all
      const strategy = g.sub('RecordingStrategy')?.get('UseOnly');
      const listsTypes = g.get('ResourceTypes') !== undefined || (strategy !== undefined && strategy !== 'ALL_SUPPORTED_RESOURCE_TYPES');
      copyProp(b, ['recording_group', 'all_supported'], g, 'AllSupported', isUnknown(strategy) ? UNKNOWN : !listsTypes, toBool);
      copyProp(b, ['recording_group', 'include_global_resource_types'], g, 'IncludeGlobalResourceTypes', false, toBool);
      copyProp(b, ['recording_group', 'resource_types'], g, 'ResourceTypes', [], toStringList);
    }
  }
  // no `is_enabled`: CloudFormation has no recorder-status resource (see docs/cloudformation.md)
};

// ---- CloudWatch ----

const logGroup: ResourceAdapter = (r, ctx) => {
  const p = r.props;
  const b = ctx.create(r, 'cloudwatch', 'log_groups');
  copyProp(b, ['name'], p, 'LogGroupName', r.logicalId);
  copyProps(b, [], p, { kms_key_id: ['KmsKeyId'], retention_in_days: ['RetentionInDays', undefined, toNumber], log_group_class: ['LogGroupClass'] });
  // Terraform's skip_destroy is CloudFormation's DeletionPolicy: Retain
  const dp = r.attribute('DeletionPolicy');
  const policy = dp?.value.kind === 'scalar' ? dp.value.value : undefined;
  b.set(['skip_destroy'], dp ? (typeof policy === 'string' ? policy === 'Retain' || policy === 'RetainExceptOnCreate' : UNKNOWN) : false, dp ? { file: r.location.file, range: dp.range } : undefined);
  copyTags(b, p);
};

/** `[{Name, Value}]` → `{Name: Value}`; unknown when a name (or the list) is. */
function dimensionObject(v: unknown): unknown {
  if (v === undefined) return {};
  if (!Array.isArray(v)) return UNKNOWN;
  const out: Record<string, unknown> = {};
  for (const d of v) {
    if (isUnknown(d) || typeof d !== 'object' || d === null) return UNKNOWN;
    const k = (d as Record<string, unknown>).Name;
    if (typeof k !== 'string') return UNKNOWN;
    out[k] = toModel((d as Record<string, unknown>).Value);
  }
  return out;
}

const alarm: ResourceAdapter = (r, ctx) => {
  const p = r.props;
  const b = ctx.create(r, 'cloudwatch', 'metric_alarms');
  copyProp(b, ['alarm_name'], p, 'AlarmName', r.logicalId);
  copyProp(b, ['namespace'], p, 'Namespace');
  copyProp(b, ['metric_name'], p, 'MetricName');
  copyProp(b, ['actions_enabled'], p, 'ActionsEnabled', undefined, toBool);
  for (const [k, key] of [
    ['alarm_actions', 'AlarmActions'],
    ['ok_actions', 'OKActions'],
    ['insufficient_data_actions', 'InsufficientDataActions'],
  ]) copyProp(b, [k], p, key, undefined, toStringList);
  copyProp(b, ['dimensions'], p, 'Dimensions', undefined, dimensionObject);
  copyTags(b, p);
};

/** Dimension names that designate a monitored resource, with the types and how a literal value matches. */
const DIMENSION_TARGETS: Record<string, { types: string[]; match: (value: string, t: CfnResource) => boolean }> = {
  DBInstanceIdentifier: { types: ['AWS::RDS::DBInstance'], match: (v, t) => v === (t.props.get('DBInstanceIdentifier') ?? t.logicalId) },
  LoadBalancer: { types: ['AWS::ElasticLoadBalancingV2::LoadBalancer'], match: (v, t) => v.split('/')[1] === (t.props.get('Name') ?? t.logicalId) },
  AutoScalingGroupName: { types: ['AWS::AutoScaling::AutoScalingGroup'], match: (v, t) => v === (t.props.get('AutoScalingGroupName') ?? t.logicalId) },
};

/** The `Dimensions` lists of an alarm: its own, and those of `Metrics[].MetricStat.Metric`. */
function dimensionSources(p: Props): (Props[] | 'unknown')[] {
  if (p.unknown) return ['unknown'];
  const out: (Props[] | 'unknown')[] = [];
  const own = p.list('Dimensions');
  if (own !== undefined) out.push(Array.isArray(own) ? own : 'unknown');
  const metrics = p.list('Metrics');
  if (metrics !== undefined && !Array.isArray(metrics)) out.push('unknown');
  else
    for (const m of metrics ?? []) {
      if (m.unknown) {
        out.push('unknown');
        continue;
      }
      const stat = m.sub('MetricStat');
      const metric = stat?.unknown ? undefined : stat?.sub('Metric');
      if (stat?.unknown || metric?.unknown) out.push('unknown');
      else if (metric) {
        const d = metric.list('Dimensions');
        if (d !== undefined) out.push(Array.isArray(d) ? d : 'unknown');
      }
    }
  return out;
}

/** Records the alarm on the RDS instances, load balancers and Auto Scaling groups its dimensions name. */
const alarmTargets: ResourceAdapter = (r, ctx) => {
  const name = r.props.get('AlarmName') ?? r.logicalId;
  const label = typeof name === 'string' ? name : r.logicalId;
  for (const src of dimensionSources(r.props)) {
    for (const spec of Object.values(DIMENSION_TARGETS)) {
      const candidates = [...ctx.resources.values()].filter((c) => spec.types.includes(c.type) && ctx.builder(c.logicalId));
      if (candidates.length === 0) continue;
      if (src === 'unknown') {
        candidates.forEach((c) => markUnknown(ctx, c));
        continue;
      }
      for (const d of src) {
        const dimName = d.get('Name');
        if (d.unknown || (dimName !== undefined && typeof dimName !== 'string')) {
          candidates.forEach((c) => markUnknown(ctx, c));
          continue;
        }
        const key = Object.keys(DIMENSION_TARGETS).find((k) => k === dimName);
        if (!key || DIMENSION_TARGETS[key] !== spec) continue;
        const id = ctx.ev.target(d.node('Value'));
        const value = d.get('Value');
        let targets: CfnResource[] = [];
        if (id) targets = candidates.filter((c) => c.logicalId === id);
        else if (typeof value === 'string') targets = candidates.filter((c) => spec.match(value, c));
        else {
          candidates.forEach((c) => markUnknown(ctx, c));
          continue;
        }
        for (const t of targets) addAlarm(ctx, t, label);
      }
    }
  }
};

function addAlarm(ctx: CfnContext, t: CfnResource, alarmName: string): void {
  const b = ctx.builder(t.logicalId);
  if (!b) return;
  const cur = b.get(['metric_alarms']);
  const list = Array.isArray(cur) ? cur : [];
  b.set(['metric_alarms'], [...list, alarmName]);
}

/** An alarm whose dimensions cannot be known may watch any candidate: unknown unless one is known to. */
function markUnknown(ctx: CfnContext, t: CfnResource): void {
  const b = ctx.builder(t.logicalId);
  if (b && !Array.isArray(b.get(['metric_alarms']))) b.set(['metric_alarms'], UNKNOWN);
}

// ---- IAM Access Analyzer ----

const analyzer: ResourceAdapter = (r, ctx) => {
  const p = r.props;
  const b = ctx.create(r, 'accessanalyzer', 'analyzers');
  copyProp(b, ['analyzer_name'], p, 'AnalyzerName', r.logicalId);
  // Type is required in CloudFormation; ACCOUNT is the API's default (src/adapt/aws/defaults.ts)
  copyProp(b, ['type'], p, 'Type');
  copyTags(b, p);
};

export const primary: Record<string, ResourceAdapter> = {
  'AWS::GuardDuty::Detector': detector,
  'AWS::SecurityHub::Hub': hub,
  'AWS::Config::ConfigurationRecorder': recorder,
  'AWS::Logs::LogGroup': logGroup,
  'AWS::CloudWatch::Alarm': alarm,
  'AWS::AccessAnalyzer::Analyzer': analyzer,
};

export const folds: Record<string, ResourceAdapter> = {
  'AWS::CloudWatch::Alarm': alarmTargets,
  // read by the hub of the stack (standards_arns)
  'AWS::SecurityHub::Standard': () => {},
};
