/**
 * Launch templates, Auto Scaling groups (with AWS::AutoScaling::ScalingPolicy folded in),
 * Lambda functions (with EventInvokeConfig, Url and Permission folded in), Lambda layer
 * versions (with LayerVersionPermission folded in) and event source mappings, ECS task
 * definitions and services. The model is the Terraform adapters' (`src/adapt/terraform/aws/
 * compute.ts`, `autoscaling.ts`, `lambda.ts`, `serverless.ts`); see docs/cloudformation.md.
 * User data is decoded as Terraform's adapter does (policies only match it against secret
 * patterns); environment variable values never enter the model.
 */
import { elementDefaults } from '../aws/defaults.js';
import { CLOUDFORMATION_SOURCE_TYPES, kindOfArn, streamDefaults } from '../aws/event-sources.js';
import type { ObjectBuilder } from '../builder.js';
import { isUnknown, UNKNOWN } from '../../model/model.js';
import { decodeBase64 } from '../terraform/aws/compute.js';
import { copyProp, copyProps, copyTags, tagObject, toBool, toNumber, toStr, toStringList, where, type CfnContext, type CfnResource, type ResourceAdapter } from './context.js';
import { toModel, UnknownValue } from './intrinsics.js';
import type { Props } from './props.js';

/** The whole resource as the range of a folded element: a finding on it points at its logical id. */
export function whole(r: CfnResource): { file: string; range: CfnResource['location'] } {
  return { file: r.location.file, range: r.location };
}

/**
 * Property `key` of `p`, a mapping, as an object at `path` ranged to the property (keeping
 * what defaults are already there); UNKNOWN when the mapping is unknown. Its view, or
 * undefined when absent or unknown.
 */
export function section(b: ObjectBuilder, path: (string | number)[], p: Props, key: string): Props | undefined {
  const s = p.sub(key);
  if (!s) return undefined;
  if (s.unknown) {
    b.set(path, UNKNOWN, where(p, key));
    return undefined;
  }
  const cur = b.get(path);
  b.set(path, typeof cur === 'object' && cur !== null && !isUnknown(cur) ? cur : {}, where(p, key));
  return s;
}

// ---------------------------------------------------------------- launch templates

/** `MetadataOptions` of a launch template; without it (or an option) the defaults of src/adapt/aws/defaults.ts: IMDSv1 allowed, one hop. */
export function metadataOptions(b: ObjectBuilder, p: Props): void {
  const d = elementDefaults('ec2', 'instances', 'metadata_options');
  b.set(['metadata_options'], d);
  const mo = section(b, ['metadata_options'], p, 'MetadataOptions');
  if (!mo) return;
  copyProps(b, ['metadata_options'], mo, {
    http_endpoint: ['HttpEndpoint', d.http_endpoint],
    http_tokens: ['HttpTokens', d.http_tokens],
    http_put_response_hop_limit: ['HttpPutResponseHopLimit', d.http_put_response_hop_limit, toNumber],
  });
}

/** `UserData` (base64, as CloudFormation takes it) decoded to the text the instance receives. */
export function userData(b: ObjectBuilder, p: Props): void {
  copyProp(b, ['user_data'], p, 'UserData', undefined, decodeBase64);
}

const launchTemplate: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'ec2', 'launch_templates');
  const p = r.props;
  copyProp(b, ['name'], p, 'LaunchTemplateName', r.logicalId);
  // the template's own tags: TagSpecifications with ResourceType launch-template
  b.set(['tags'], {});
  const specs = p.list('TagSpecifications');
  if (specs instanceof UnknownValue) b.set(['tags'], UNKNOWN, where(p, 'TagSpecifications'));
  else {
    for (const s of specs ?? []) {
      const rt = s.get('ResourceType');
      if (s.unknown || isUnknown(rt)) b.set(['tags'], UNKNOWN, where(s));
      else if (rt === 'launch-template' && s.has('Tags')) b.set(['tags'], tagObject(s.get('Tags')), where(s, 'Tags'));
    }
  }
  const d = p.sub('LaunchTemplateData');
  if (d === undefined || d.unknown) {
    for (const f of ['image_id', 'instance_type', 'user_data', 'metadata_options', 'iam_instance_profile', 'block_device_mappings']) b.set([f], UNKNOWN, where(p, 'LaunchTemplateData'));
    return;
  }
  copyProps(b, [], d, { image_id: ['ImageId'], instance_type: ['InstanceType', undefined, toStr] });
  userData(b, d);
  metadataOptions(b, d);
  const ip = section(b, ['iam_instance_profile'], d, 'IamInstanceProfile');
  if (ip) copyProps(b, ['iam_instance_profile'], ip, { name: ['Name'], arn: ['Arn'] });
  const maps = d.list('BlockDeviceMappings');
  if (maps instanceof UnknownValue) b.set(['block_device_mappings'], UNKNOWN, where(d, 'BlockDeviceMappings'));
  else {
    if (maps) b.locate(['block_device_mappings'], where(d, 'BlockDeviceMappings')!);
    (maps ?? []).forEach((m, i) => {
      const path = ['block_device_mappings', i];
      b.set(path, m.unknown ? UNKNOWN : {}, where(m));
      if (m.unknown) return;
      copyProp(b, [...path, 'device_name'], m, 'DeviceName');
      const e = section(b, [...path, 'ebs'], m, 'Ebs');
      if (!e) return;
      copyProps(b, [...path, 'ebs'], e, {
        encrypted: ['Encrypted', e.has('SnapshotId') ? UNKNOWN : false, toBool],
        volume_type: ['VolumeType', 'gp2', toStr],
        volume_size: ['VolumeSize', undefined, toNumber],
        iops: ['Iops', undefined, toNumber],
        kms_key_id: ['KmsKeyId'],
      });
    });
  }
};

// ---------------------------------------------------------------- Auto Scaling

const ASG = ['AWS::AutoScaling::AutoScalingGroup'];

const asg: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'autoscaling', 'groups');
  const p = r.props;
  copyProp(b, ['name'], p, 'AutoScalingGroupName', r.logicalId);
  copyProps(b, [], p, {
    // CloudFormation writes sizes as strings
    min_size: ['MinSize', undefined, toNumber],
    max_size: ['MaxSize', undefined, toNumber],
    desired_capacity: ['DesiredCapacity', undefined, toNumber],
    health_check_type: ['HealthCheckType'],
    launch_configuration: ['LaunchConfigurationName'],
    capacity_rebalance: ['CapacityRebalance', undefined, toBool],
  });
  // A reference to a launch configuration declared here is known to be one, even when its name is generated.
  if (isUnknown(b.get(['launch_configuration']))) {
    const lc = ctx.target(r, 'LaunchConfigurationName', ['AWS::AutoScaling::LaunchConfiguration']);
    if (lc) b.set(['launch_configuration'], lc.logicalId, where(p, 'LaunchConfigurationName'));
  }
  copyProp(b, ['availability_zones'], p, 'AvailabilityZones', undefined, toStringList);
  copyProp(b, ['vpc_zone_identifier'], p, 'VPCZoneIdentifier', undefined, toStringList);
  copyProp(b, ['target_group_arns'], p, 'TargetGroupARNs', undefined, toStringList);
  copyProp(b, ['load_balancers'], p, 'LoadBalancerNames', undefined, toStringList);
  if (p.has('LaunchTemplate')) b.set(['launch_template'], elementDefaults('autoscaling', 'groups', 'launch_template'));
  const lt = section(b, ['launch_template'], p, 'LaunchTemplate');
  // Version is required in a template (and cannot be $Default: only !GetAtt Template.DefaultVersionNumber)
  if (lt) copyProps(b, ['launch_template'], lt, { id: ['LaunchTemplateId'], name: ['LaunchTemplateName'], version: ['Version', undefined, toStr] });
  const mip = section(b, ['mixed_instances_policy'], p, 'MixedInstancesPolicy');
  if (mip) {
    // Without InstancesDistribution every instance above the base is On-Demand.
    b.set(['mixed_instances_policy', 'instances_distribution'], { on_demand_base_capacity: 0, on_demand_percentage_above_base_capacity: 100 });
    const d = section(b, ['mixed_instances_policy', 'instances_distribution'], mip, 'InstancesDistribution');
    if (d) {
      copyProps(b, ['mixed_instances_policy', 'instances_distribution'], d, {
        on_demand_base_capacity: ['OnDemandBaseCapacity', 0, toNumber],
        on_demand_percentage_above_base_capacity: ['OnDemandPercentageAboveBaseCapacity', 100, toNumber],
        spot_allocation_strategy: ['SpotAllocationStrategy'],
      });
    }
  }
  copyTags(b, p);
};

/** AWS::AutoScaling::ScalingPolicy: folded into `scaling_policies[]` of its group. */
const scalingPolicy: ResourceAdapter = (r, ctx) => {
  const t = ctx.target(r, 'AutoScalingGroupName', ASG, 'AutoScalingGroupName');
  const b = t && ctx.builder(t.logicalId);
  if (!b) return;
  const cur = b.get(['scaling_policies']);
  if (!Array.isArray(cur)) return;
  ctx.foldInto(b, r);
  const i = cur.length;
  b.set(['scaling_policies', i], { name: r.logicalId }, whole(r));
  copyProp(b, ['scaling_policies', i, 'policy_type'], r.props, 'PolicyType', 'SimpleScaling');
};

// ---------------------------------------------------------------- Lambda

const FN = ['AWS::Lambda::Function'];

/** Names of the environment variables, never their values. */
function variableNames(v: unknown): unknown {
  if (isUnknown(v) || v === null || typeof v !== 'object' || Array.isArray(v)) return UNKNOWN;
  return Object.keys(v as Record<string, unknown>).sort();
}

const lambda: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'lambda', 'functions');
  const p = r.props;
  copyProp(b, ['function_name'], p, 'FunctionName', r.logicalId);
  copyProps(b, [], p, {
    runtime: ['Runtime'],
    package_type: ['PackageType'],
    reserved_concurrent_executions: ['ReservedConcurrentExecutions', undefined, toNumber],
    kms_key_arn: ['KmsKeyArn'],
  });
  // Without TracingConfig X-Ray tracing is PassThrough (src/adapt/aws/defaults.ts).
  const t = section(b, ['tracing_config'], p, 'TracingConfig');
  if (t) copyProp(b, ['tracing_config', 'mode'], t, 'Mode', 'PassThrough');
  const dlq = section(b, ['dead_letter_config'], p, 'DeadLetterConfig');
  if (dlq) copyProp(b, ['dead_letter_config', 'target_arn'], dlq, 'TargetArn');
  const vpc = section(b, ['vpc_config'], p, 'VpcConfig');
  if (vpc) {
    copyProp(b, ['vpc_config', 'subnet_ids'], vpc, 'SubnetIds', [], toStringList);
    copyProp(b, ['vpc_config', 'security_group_ids'], vpc, 'SecurityGroupIds', [], toStringList);
  }
  const env = section(b, ['environment'], p, 'Environment');
  // only the keys of Variables are read: values never reach the model
  if (env) copyProp(b, ['environment', 'variable_names'], env, 'Variables', [], variableNames);
  copyTags(b, p);
};

/** The function a folded resource names in `key` (`!Ref Fn`, `!GetAtt Fn.Arn`, or its literal name). */
function fn(r: CfnResource, ctx: CfnContext, key: string): ObjectBuilder | undefined {
  const t = ctx.target(r, key, FN, 'FunctionName');
  const b = t && ctx.builder(t.logicalId);
  if (b) ctx.foldInto(b, r);
  return b;
}

const eventInvokeConfig: ResourceAdapter = (r, ctx) => {
  const b = fn(r, ctx, 'FunctionName');
  if (!b) return;
  const p = r.props;
  b.set(['event_invoke_config'], {}, whole(r));
  // the service defaults: two retries, six hours
  copyProp(b, ['event_invoke_config', 'maximum_retry_attempts'], p, 'MaximumRetryAttempts', 2, toNumber);
  copyProp(b, ['event_invoke_config', 'maximum_event_age_in_seconds'], p, 'MaximumEventAgeInSeconds', 21600, toNumber);
  const dc = p.sub('DestinationConfig');
  if (dc?.unknown) {
    b.set(['event_invoke_config', 'on_failure_destination'], UNKNOWN, where(p, 'DestinationConfig'));
    b.set(['event_invoke_config', 'on_success_destination'], UNKNOWN, where(p, 'DestinationConfig'));
  } else if (dc) {
    b.locate(['event_invoke_config', 'destination_config'], where(p, 'DestinationConfig')!);
    for (const [field, key] of [['on_failure_destination', 'OnFailure'], ['on_success_destination', 'OnSuccess']] as const) {
      const d = dc.sub(key);
      if (d) copyProp(b, ['event_invoke_config', field], d, 'Destination', d.unknown ? UNKNOWN : undefined);
    }
  }
};

const functionUrl: ResourceAdapter = (r, ctx) => {
  const b = fn(r, ctx, 'TargetFunctionArn');
  if (!b) return;
  b.set(['function_url'], {}, whole(r));
  copyProp(b, ['function_url', 'authorization_type'], r.props, 'AuthType');
  copyProp(b, ['function_url', 'qualifier'], r.props, 'Qualifier');
};

const permission: ResourceAdapter = (r, ctx) => {
  const b = fn(r, ctx, 'FunctionName');
  if (!b) return;
  const cur = b.get(['permissions']);
  if (!Array.isArray(cur)) return;
  const path = ['permissions', cur.length];
  b.set(path, {}, whole(r));
  // CloudFormation generates the statement id
  copyProps(b, path, r.props, {
    action: ['Action'],
    principal: ['Principal'],
    source_arn: ['SourceArn'],
    source_account: ['SourceAccount', undefined, toStr],
    principal_org_id: ['PrincipalOrgID'],
    function_url_auth_type: ['FunctionUrlAuthType'],
  });
};

// ---------------------------------------------------------------- Lambda layers

const LAYER = ['AWS::Lambda::LayerVersion'];

const layerVersion: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'lambda', 'layer_versions');
  copyProp(b, ['layer_name'], r.props, 'LayerName', r.logicalId);
  copyProp(b, ['compatible_runtimes'], r.props, 'CompatibleRuntimes', undefined, toStringList);
};

/** A layer version ARN (`arn:…:layer:<name>:<version>`) as the layer's ARN and the version number. */
function layerVersionArn(v: unknown): { layer: unknown; version: unknown } {
  if (isUnknown(v)) return { layer: UNKNOWN, version: UNKNOWN };
  const m = typeof v === 'string' ? /^(arn:[^:]+:lambda:[^:]*:[^:]*:layer:[^:]+):(\d+)$/.exec(v) : null;
  return m ? { layer: m[1], version: Number(m[2]) } : { layer: toModel(v), version: UNKNOWN };
}

/**
 * AWS::Lambda::LayerVersionPermission: folded into `permissions[]` of the layer version its
 * `LayerVersionArn` references (`!Ref Layer`); a permission on a layer not declared in the
 * template (a literal ARN) is an object of its own.
 */
const layerPermission: ResourceAdapter = (r, ctx) => {
  const p = r.props;
  const t = ctx.target(r, 'LayerVersionArn', LAYER);
  const layer = t && ctx.builder(t.logicalId);
  if (layer) {
    const cur = layer.get(['permissions']);
    if (!Array.isArray(cur)) return;
    ctx.foldInto(layer, r);
    const path = ['permissions', cur.length];
    layer.set(path, {}, whole(r));
    copyProps(layer, path, p, { principal: ['Principal', undefined, toStr], organization_id: ['OrganizationId'], action: ['Action'] });
    return;
  }
  const b = ctx.create(r, 'lambda', 'layer_version_permissions');
  if (p.unknown) {
    for (const f of ['layer_name', 'version_number', 'principal', 'organization_id', 'action']) b.set([f], UNKNOWN, where(p));
    return;
  }
  if (p.has('LayerVersionArn')) {
    const { layer: name, version } = layerVersionArn(p.get('LayerVersionArn'));
    b.set(['layer_name'], name, where(p, 'LayerVersionArn'));
    b.set(['version_number'], version, where(p, 'LayerVersionArn'));
  }
  copyProps(b, [], p, { principal: ['Principal', undefined, toStr], organization_id: ['OrganizationId'], action: ['Action'] });
};

// ---------------------------------------------------------------- event source mappings

/** What the mapping reads (src/adapt/aws/event-sources.ts), and the property that tells it. */
function sourceKind(r: CfnResource, ctx: CfnContext): { kind: unknown; key?: string } {
  const p = r.props;
  if (p.has('SelfManagedEventSource')) return { kind: 'kafka', key: 'SelfManagedEventSource' };
  const arn = p.get('EventSourceArn');
  if (arn !== undefined) {
    if (!isUnknown(arn)) return { kind: kindOfArn(arn) ?? UNKNOWN, key: 'EventSourceArn' };
    const t = ctx.target(r, 'EventSourceArn', Object.keys(CLOUDFORMATION_SOURCE_TYPES));
    if (t) return { kind: CLOUDFORMATION_SOURCE_TYPES[t.type], key: 'EventSourceArn' };
  }
  // properties only one kind of source takes
  for (const [key, kind] of [
    ['Topics', 'kafka'],
    ['AmazonManagedKafkaEventSourceConfig', 'kafka'],
    ['SelfManagedKafkaEventSourceConfig', 'kafka'],
    ['Queues', 'mq'],
    ['DocumentDBEventSourceConfig', 'documentdb'],
  ] as const) {
    if (p.has(key)) return { kind, key };
  }
  return { kind: UNKNOWN, key: arn === undefined ? undefined : 'EventSourceArn' };
}

const eventSourceMapping: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'lambda', 'event_source_mappings');
  const p = r.props;
  // the function's name: as written, or the name of the function declared here that it references
  copyProp(b, ['function_name'], p, 'FunctionName');
  if (isUnknown(b.get(['function_name'])) && !p.unknown) {
    const t = ctx.target(r, 'FunctionName', FN);
    if (t) {
      const name = t.props.get('FunctionName');
      b.set(['function_name'], name === undefined ? t.logicalId : isUnknown(name) ? UNKNOWN : toModel(name), where(p, 'FunctionName'));
    }
  }
  copyProp(b, ['event_source_arn'], p, 'EventSourceArn');
  const { kind, key } = p.unknown ? { kind: UNKNOWN, key: undefined } : sourceKind(r, ctx);
  b.set(['event_source_kind'], kind, key ? where(p, key) : where(p));
  streamDefaults(b, kind);
  copyProps(b, [], p, {
    enabled: ['Enabled', undefined, toBool],
    batch_size: ['BatchSize', undefined, toNumber],
    maximum_retry_attempts: ['MaximumRetryAttempts', undefined, toNumber],
    maximum_record_age_in_seconds: ['MaximumRecordAgeInSeconds', undefined, toNumber],
    bisect_batch_on_function_error: ['BisectBatchOnFunctionError', undefined, toBool],
  });
  const dc = p.sub('DestinationConfig');
  if (dc?.unknown) b.set(['on_failure_destination'], UNKNOWN, where(p, 'DestinationConfig'));
  else if (dc) {
    b.locate(['destination_config'], where(p, 'DestinationConfig')!);
    const f = dc.sub('OnFailure');
    if (f) copyProp(b, ['on_failure_destination'], f, 'Destination', f.unknown ? UNKNOWN : undefined);
  }
  const fc = p.sub('FilterCriteria');
  if (fc) {
    const filters = fc.unknown ? new UnknownValue() : fc.list('Filters');
    b.set(['filter_criteria_set'], filters instanceof UnknownValue ? UNKNOWN : (filters?.length ?? 0) > 0, where(p, 'FilterCriteria'));
  } else if (p.unknown) b.set(['filter_criteria_set'], UNKNOWN, where(p));
  copyTags(b, p);
};

// ---------------------------------------------------------------- ECS

/** CloudFormation property names whose ECS API name is not just the first letter lower-cased. */
const API_NAMES: Record<string, string> = { DNSServers: 'dnsServers', DNSSearchDomains: 'dnsSearchDomains' };

/** Mappings whose keys are the user's (log driver options, labels): kept as written. */
const USER_KEYS = new Set(['Options', 'DockerLabels', 'Labels', 'DriverOpts', 'SystemControls']);

/** Container definition fields that are booleans in the API (CloudFormation accepts "true"). */
const BOOLEANS = new Set(['Privileged', 'ReadonlyRootFilesystem', 'Essential', 'Interactive', 'PseudoTerminal', 'DisableNetworking']);

function apiName(k: string): string {
  return API_NAMES[k] ?? k.charAt(0).toLowerCase() + k.slice(1);
}

/** A CloudFormation container definition value in the ECS API's shape (camelCase keys). */
function apiValue(v: unknown, keepKeys = false, depth = 0): unknown {
  if (isUnknown(v) || depth > 50) return UNKNOWN;
  if (Array.isArray(v)) return v.map((x) => apiValue(x, false, depth + 1));
  if (typeof v === 'object' && v !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[keepKeys ? k : apiName(k)] = keepKeys ? toModel(x) : apiValue(x, USER_KEYS.has(k), depth + 1);
    return out;
  }
  return v;
}

/** `ContainerDefinitions` as the ECS API's list; `Environment` keeps `{name}` only. */
function containerDefinitions(b: ObjectBuilder, p: Props): void {
  const defs = p.list('ContainerDefinitions');
  if (defs === undefined) {
    b.set(['container_definitions'], []);
    return;
  }
  if (defs instanceof UnknownValue) {
    b.set(['container_definitions'], UNKNOWN, where(p, 'ContainerDefinitions'));
    return;
  }
  b.set(['container_definitions'], [], where(p, 'ContainerDefinitions'));
  defs.forEach((c, i) => {
    const path = ['container_definitions', i];
    if (c.unknown || typeof c.value !== 'object' || c.value === null) {
      b.set(path, UNKNOWN, where(c));
      return;
    }
    b.set(path, {}, where(c));
    for (const k of Object.keys(c.value as Record<string, unknown>)) {
      const field = [...path, apiName(k)];
      if (k === 'Environment') {
        const env = c.list(k);
        if (!Array.isArray(env)) {
          b.set(field, UNKNOWN, where(c, k));
          continue;
        }
        b.set(field, [], where(c, k));
        env.forEach((e, j) => {
          const name = e.unknown ? UNKNOWN : e.get('Name');
          b.set([...field, j], name === undefined || isUnknown(name) ? UNKNOWN : { name: toStr(name) }, where(e));
        });
        continue;
      }
      const v = c.get(k);
      b.set(field, BOOLEANS.has(k) ? toBool(isUnknown(v) ? UNKNOWN : v) : apiValue(v, USER_KEYS.has(k)), where(c, k));
    }
  });
}

const taskDefinition: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'ecs', 'task_definitions');
  const p = r.props;
  copyProp(b, ['family'], p, 'Family', r.logicalId);
  // documented default: bridge (src/adapt/aws/defaults.ts)
  copyProp(b, ['network_mode'], p, 'NetworkMode');
  copyProp(b, ['requires_compatibilities'], p, 'RequiresCompatibilities', undefined, toStringList);
  copyProps(b, [], p, {
    cpu: ['Cpu', undefined, toStr],
    memory: ['Memory', undefined, toStr],
    execution_role_arn: ['ExecutionRoleArn'],
    task_role_arn: ['TaskRoleArn'],
  });
  containerDefinitions(b, p);
  copyTags(b, p);
};

const service: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'ecs', 'services');
  const p = r.props;
  copyProp(b, ['name'], p, 'ServiceName', r.logicalId);
  copyProps(b, [], p, { cluster: ['Cluster'], task_definition: ['TaskDefinition'], scheduling_strategy: ['SchedulingStrategy'] });
  // CloudFormation documents 1 as the default for new REPLICA services (Terraform's provider: 0)
  copyProp(b, ['desired_count'], p, 'DesiredCount', b.get(['scheduling_strategy']) === 'REPLICA' ? 1 : 0, toNumber);
  const strategies = p.list('CapacityProviderStrategy');
  const list = Array.isArray(strategies) ? strategies : [];
  // LaunchType defaults to EC2 only when no capacity provider strategy is given
  copyProp(b, ['launch_type'], p, 'LaunchType', strategies === undefined ? 'EC2' : undefined);
  const lt = b.get(['launch_type']);
  const fargate =
    lt === 'FARGATE' ||
    strategies instanceof UnknownValue ||
    list.some((s) => s.unknown || isUnknown(s.get('CapacityProvider')) || /^FARGATE/.test(String(s.get('CapacityProvider'))));
  copyProp(b, ['platform_version'], p, 'PlatformVersion', fargate ? 'LATEST' : undefined);
  b.set(['capacity_provider_strategy'], strategies instanceof UnknownValue ? UNKNOWN : [], where(p, 'CapacityProviderStrategy'));
  list.forEach((s, i) => {
    b.set(['capacity_provider_strategy', i], s.unknown ? UNKNOWN : {}, where(s));
    if (!s.unknown) {
      copyProps(b, ['capacity_provider_strategy', i], s, {
        capacity_provider: ['CapacityProvider'],
        weight: ['Weight', undefined, toNumber],
        base: ['Base', undefined, toNumber],
      });
    }
  });
  copyTags(b, p);
};

export const primary: Record<string, ResourceAdapter> = {
  'AWS::EC2::LaunchTemplate': launchTemplate,
  'AWS::AutoScaling::AutoScalingGroup': asg,
  'AWS::Lambda::Function': lambda,
  'AWS::Lambda::LayerVersion': layerVersion,
  'AWS::Lambda::EventSourceMapping': eventSourceMapping,
  'AWS::ECS::TaskDefinition': taskDefinition,
  'AWS::ECS::Service': service,
};

export const folds: Record<string, ResourceAdapter> = {
  'AWS::AutoScaling::ScalingPolicy': scalingPolicy,
  'AWS::Lambda::EventInvokeConfig': eventInvokeConfig,
  'AWS::Lambda::Url': functionUrl,
  'AWS::Lambda::Permission': permission,
  'AWS::Lambda::LayerVersionPermission': layerPermission,
};
