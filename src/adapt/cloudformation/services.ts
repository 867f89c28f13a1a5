/** IAM policies (managed, standalone inline, and inline in roles/users/groups), CloudTrail, load balancers, Lambda, Auto Scaling groups. */
import type { ObjectBuilder } from '../builder.js';
import { isUnknown, UNKNOWN } from '../../model/model.js';
import { normalizePolicyDocument } from '../aws/policy-document.js';
import { copyProp, copyProps, copyTags, toBool, toNumber, toStr, toStringList, where, type CfnResource, type ResourceAdapter } from './context.js';
import { toModel, UnknownValue } from './intrinsics.js';
import type { Props } from './props.js';

/** `document` with the range of every statement, so a finding points at the statement. */
function policyDocument(b: ObjectBuilder, p: Props, key: string): void {
  const doc = p.get(key);
  if (doc === undefined || p.unknown) {
    b.set(['document'], UNKNOWN, where(p, p.unknown ? undefined : key));
    return;
  }
  b.set(['document'], isUnknown(doc) ? UNKNOWN : toModel(normalizePolicyDocument(doc)), where(p, key));
  const d = p.sub(key);
  const stmts = d && !d.unknown && d.get('Statement') !== undefined ? d.list('Statement') : undefined;
  if (Array.isArray(stmts)) stmts.forEach((s, i) => b.locate(['document', 'Statement', i], where(s)!));
}

type Attachment = 'managed' | 'user' | 'group' | 'role';

/** AWS::IAM::Policy is inline in every role, user and group it lists: the first kind it names. */
function standaloneAttachment(p: Props): Attachment {
  for (const [key, kind] of [['Roles', 'role'], ['Users', 'user'], ['Groups', 'group']] as const) {
    const v = p.get(key);
    if (v !== undefined && !(Array.isArray(v) && v.length === 0)) return kind;
  }
  return 'role';
}

const policy: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'iam', 'policies', { attachment: standaloneAttachment(r.props) });
  copyProp(b, ['name'], r.props, 'PolicyName', r.logicalId);
  policyDocument(b, r.props, 'PolicyDocument');
  copyTags(b, r.props);
};

const managedPolicy: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'iam', 'policies', { attachment: 'managed' });
  copyProp(b, ['name'], r.props, 'ManagedPolicyName', r.logicalId);
  policyDocument(b, r.props, 'PolicyDocument');
  copyTags(b, r.props);
};

/** `Policies: [{PolicyName, PolicyDocument}]` of a role, user or group: one model policy each. */
function inlinePolicies(attachment: Attachment): ResourceAdapter {
  return (r: CfnResource, ctx) => {
    const list = r.props.list('Policies');
    if (!Array.isArray(list)) return;
    list.forEach((item, i) => {
      const loc = item.range();
      const b = ctx.create(r, 'iam', 'policies', { attachment }, { suffix: `Policies/${i}`, location: loc ? { file: r.location.file, ...loc } : r.location });
      copyProp(b, ['name'], item, 'PolicyName', `${r.logicalId}-${i}`);
      policyDocument(b, item, 'PolicyDocument');
      b.set(['tags'], {});
    });
  };
}

const trail: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'cloudtrail', 'trails');
  const p = r.props;
  copyProp(b, ['name'], p, 'TrailName', r.logicalId);
  copyProps(b, [], p, {
    is_multi_region_trail: ['IsMultiRegionTrail', false, toBool],
    enable_log_file_validation: ['EnableLogFileValidation', false, toBool],
    include_global_service_events: ['IncludeGlobalServiceEvents', true, toBool],
    is_organization_trail: ['IsOrganizationTrail', false, toBool],
    enable_logging: ['IsLogging', true, toBool],
    kms_key_id: ['KMSKeyId'],
    cloud_watch_logs_group_arn: ['CloudWatchLogsLogGroupArn'],
  });
  copyTags(b, p);
};

/** LoadBalancerAttributes keys → model paths. */
const LB_ATTRIBUTES: Record<string, { path: (string | number)[]; bool: boolean }> = {
  'routing.http.drop_invalid_header_fields.enabled': { path: ['drop_invalid_header_fields'], bool: true },
  'deletion_protection.enabled': { path: ['enable_deletion_protection'], bool: true },
  'load_balancing.cross_zone.enabled': { path: ['enable_cross_zone_load_balancing'], bool: true },
  'access_logs.s3.enabled': { path: ['access_logs', 'enabled'], bool: true },
  'access_logs.s3.bucket': { path: ['access_logs', 'bucket'], bool: false },
};

const loadBalancer: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'elb', 'load_balancers', { access_logs: { enabled: false } });
  const p = r.props;
  copyProp(b, ['name'], p, 'Name', r.logicalId);
  copyProp(b, ['load_balancer_type'], p, 'Type', 'application');
  copyProp(b, ['internal'], p, 'Scheme', false, (v) => (typeof v === 'string' ? v === 'internal' : v));
  if (p.has('Subnets') || !p.has('SubnetMappings')) copyProp(b, ['subnets'], p, 'Subnets', [], toStringList);
  else {
    const maps = p.list('SubnetMappings');
    b.set(['subnets'], Array.isArray(maps) ? maps.map((m) => toModel(m.get('SubnetId') ?? UNKNOWN)) : UNKNOWN, where(p, 'SubnetMappings'));
  }
  b.set(['drop_invalid_header_fields'], false);
  b.set(['enable_deletion_protection'], false);
  const attrs = p.list('LoadBalancerAttributes');
  let unknownKeys = attrs instanceof UnknownValue;
  const seen = new Set<string>();
  if (Array.isArray(attrs)) {
    for (const a of attrs) {
      const key = a.get('Key');
      if (typeof key !== 'string') {
        unknownKeys = true;
        continue;
      }
      const spec = LB_ATTRIBUTES[key];
      if (!spec) continue;
      seen.add(key);
      const value = a.get('Value');
      b.set(spec.path, isUnknown(value) ? UNKNOWN : spec.bool ? toBool(toStr(value)) : toModel(value), where(a));
    }
  }
  if (unknownKeys) {
    // an attribute whose key is unknown may set any of them
    for (const [key, spec] of Object.entries(LB_ATTRIBUTES)) if (!seen.has(key)) b.set(spec.path, UNKNOWN, where(p, 'LoadBalancerAttributes'));
  }
  copyTags(b, p);
};

const lambda: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'lambda', 'functions');
  const p = r.props;
  copyProp(b, ['function_name'], p, 'FunctionName', r.logicalId);
  copyProps(b, [], p, {
    runtime: ['Runtime'],
    reserved_concurrent_executions: ['ReservedConcurrentExecutions', -1, toNumber],
    kms_key_arn: ['KmsKeyArn'],
  });
  const sections: [string, string, (b: ObjectBuilder, s: Props) => void][] = [
    ['tracing_config', 'TracingConfig', (b, s) => copyProp(b, ['tracing_config', 'mode'], s, 'Mode', 'PassThrough')],
    ['dead_letter_config', 'DeadLetterConfig', (b, s) => copyProp(b, ['dead_letter_config', 'target_arn'], s, 'TargetArn')],
    [
      'vpc_config',
      'VpcConfig',
      (b, s) => {
        copyProp(b, ['vpc_config', 'subnet_ids'], s, 'SubnetIds', [], toStringList);
        copyProp(b, ['vpc_config', 'security_group_ids'], s, 'SecurityGroupIds', [], toStringList);
      },
    ],
  ];
  for (const [field, key, fill] of sections) {
    const s = p.sub(key);
    if (!s) continue;
    b.set([field], s.unknown ? UNKNOWN : {}, where(p, key));
    if (!s.unknown) fill(b, s);
  }
  copyTags(b, p);
};

const asg: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'autoscaling', 'groups');
  const p = r.props;
  copyProp(b, ['name'], p, 'AutoScalingGroupName', r.logicalId);
  copyProps(b, [], p, {
    min_size: ['MinSize', undefined, toNumber],
    max_size: ['MaxSize', undefined, toNumber],
    desired_capacity: ['DesiredCapacity', undefined, toNumber],
    health_check_type: ['HealthCheckType', 'EC2'],
  });
  copyProp(b, ['availability_zones'], p, 'AvailabilityZones', [], toStringList);
  copyProp(b, ['vpc_zone_identifier'], p, 'VPCZoneIdentifier', [], toStringList);
  copyTags(b, p);
};

export const primary: Record<string, ResourceAdapter> = {
  'AWS::IAM::Policy': policy,
  'AWS::IAM::ManagedPolicy': managedPolicy,
  'AWS::IAM::Role': inlinePolicies('role'),
  'AWS::IAM::User': inlinePolicies('user'),
  'AWS::IAM::Group': inlinePolicies('group'),
  'AWS::CloudTrail::Trail': trail,
  'AWS::ElasticLoadBalancingV2::LoadBalancer': loadBalancer,
  'AWS::Lambda::Function': lambda,
  'AWS::AutoScaling::AutoScalingGroup': asg,
};

export const folds: Record<string, ResourceAdapter> = {};
