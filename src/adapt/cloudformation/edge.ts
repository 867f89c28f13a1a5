/**
 * Load balancers (ELBv2 with their listeners folded in, Classic), CloudFront, API Gateway
 * (REST and v2 stages, custom domains), WAFv2 web ACLs with their associations and logging
 * configurations folded in. The model is the Terraform adapters' (`src/adapt/terraform/aws/
 * elb.ts`, `edge.ts`); see docs/cloudformation.md.
 */
import { elementDefaults } from '../aws/defaults.js';
import type { ObjectBuilder } from '../builder.js';
import { isUnknown, UNKNOWN } from '../../model/model.js';
import { copyProp, copyProps, copyTags, toBool, toNumber, toStr, toStringList, where, type CfnContext, type CfnResource, type ResourceAdapter } from './context.js';
import { section, whole } from './compute.js';
import { refsIn, toModel, UnknownValue } from './intrinsics.js';
import type { Props } from './props.js';

const LB = ['AWS::ElasticLoadBalancingV2::LoadBalancer'];
const REST_STAGE = ['AWS::ApiGateway::Stage'];
const WEB_ACL = ['AWS::WAFv2::WebACL'];

const upper = (v: unknown): unknown => (typeof v === 'string' ? v.toUpperCase() : v);

// ---------------------------------------------------------------- ELBv2

/** LoadBalancerAttributes keys → model paths. */
const LB_ATTRIBUTES: Record<string, { path: string[]; bool: boolean; types?: string[] }> = {
  'routing.http.drop_invalid_header_fields.enabled': { path: ['drop_invalid_header_fields'], bool: true },
  'deletion_protection.enabled': { path: ['enable_deletion_protection'], bool: true },
  'load_balancing.cross_zone.enabled': { path: ['enable_cross_zone_load_balancing'], bool: true },
  'routing.http.desync_mitigation_mode': { path: ['desync_mitigation_mode'], bool: false, types: ['application'] },
  'access_logs.s3.enabled': { path: ['access_logs', 'enabled'], bool: true },
  'access_logs.s3.bucket': { path: ['access_logs', 'bucket'], bool: false },
};

const loadBalancer: ResourceAdapter = (r, ctx) => {
  // defaults (an internet-facing ALB, no logs, no listeners): src/adapt/aws/defaults.ts
  const b = ctx.create(r, 'elb', 'load_balancers');
  const p = r.props;
  copyProp(b, ['name'], p, 'Name', r.logicalId);
  copyProp(b, ['load_balancer_type'], p, 'Type');
  copyProp(b, ['internal'], p, 'Scheme', undefined, (v) => (typeof v === 'string' ? v === 'internal' : v));
  const type = b.get(['load_balancer_type']);
  // desync mitigation applies to ALBs; "defensive" is the default
  if (type === 'application') b.set(['desync_mitigation_mode'], 'defensive');
  // cross-zone load balancing is always on for ALBs, off by default for NLBs and GWLBs
  const crossZone = type === 'application' ? true : type === 'network' || type === 'gateway' ? false : undefined;
  if (crossZone !== undefined) b.set(['enable_cross_zone_load_balancing'], crossZone);
  copyProp(b, ['subnets'], p, 'Subnets', undefined, toStringList);
  const maps = p.list('SubnetMappings');
  if (maps instanceof UnknownValue) b.set(['subnet_mappings'], UNKNOWN, where(p, 'SubnetMappings'));
  else if (maps) {
    b.locate(['subnet_mappings'], where(p, 'SubnetMappings')!);
    maps.forEach((m, i) => {
      b.set(['subnet_mappings', i], {}, where(m));
      copyProp(b, ['subnet_mappings', i, 'subnet_id'], m, 'SubnetId');
    });
  }
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
      if (!spec || (spec.types && !spec.types.includes(String(type)))) continue;
      seen.add(key);
      const value = a.get('Value');
      b.set(spec.path, isUnknown(value) ? UNKNOWN : spec.bool ? toBool(toStr(value)) : toModel(value), where(a));
    }
  }
  if (unknownKeys) {
    // an attribute whose key is unknown may set any of them
    for (const [key, spec] of Object.entries(LB_ATTRIBUTES)) {
      if (!seen.has(key) && (!spec.types || spec.types.includes(String(type)))) b.set(spec.path, UNKNOWN, where(p, 'LoadBalancerAttributes'));
    }
  }
  copyTags(b, p);
};

/** AWS::ElasticLoadBalancingV2::Listener: folded into `listeners[]` of its load balancer. */
const listener: ResourceAdapter = (r, ctx) => {
  const t = ctx.target(r, 'LoadBalancerArn', LB);
  const b = t && ctx.builder(t.logicalId);
  if (!b) return;
  const cur = b.get(['listeners']);
  if (!Array.isArray(cur)) return;
  ctx.foldInto(b, r);
  const i = cur.length;
  const p = r.props;
  b.set(['listeners', i], { default_actions: [] }, whole(r));
  copyProp(b, ['listeners', i, 'port'], p, 'Port', undefined, toNumber);
  const type = b.get(['load_balancer_type']);
  copyProp(b, ['listeners', i, 'protocol'], p, 'Protocol', type === 'application' ? 'HTTP' : type === 'network' ? 'TCP' : undefined, upper);
  const proto = b.get(['listeners', i, 'protocol']);
  // ELBSecurityPolicy-2016-08 is the API's default policy for HTTPS and TLS listeners
  copyProp(b, ['listeners', i, 'ssl_policy'], p, 'SslPolicy', proto === 'HTTPS' || proto === 'TLS' ? 'ELBSecurityPolicy-2016-08' : undefined);
  const actions = p.list('DefaultActions');
  if (actions instanceof UnknownValue) {
    b.set(['listeners', i, 'default_actions'], UNKNOWN, where(p, 'DefaultActions'));
    return;
  }
  (actions ?? []).forEach((a, j) => {
    const path = ['listeners', i, 'default_actions', j];
    b.set(path, a.unknown ? UNKNOWN : {}, where(a));
    if (a.unknown) return;
    copyProp(b, [...path, 'type'], a, 'Type', undefined, (v) => (typeof v === 'string' ? v.toLowerCase() : v));
    const rd = section(b, [...path, 'redirect'], a, 'RedirectConfig');
    if (rd) {
      copyProps(b, [...path, 'redirect'], rd, {
        protocol: ['Protocol', '#{protocol}'],
        port: ['Port', '#{port}', toStr],
        status_code: ['StatusCode'],
      });
    }
  });
};

// ---------------------------------------------------------------- Classic Load Balancers

const classic: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'elb', 'classic_load_balancers');
  const p = r.props;
  copyProp(b, ['name'], p, 'LoadBalancerName', r.logicalId);
  copyProp(b, ['internal'], p, 'Scheme', undefined, (v) => (typeof v === 'string' ? v === 'internal' : v));
  // CloudFormation's documented default, the API's, is false (Terraform's provider sets true)
  copyProp(b, ['cross_zone_load_balancing'], p, 'CrossZone', undefined, toBool);
  const cd = p.sub('ConnectionDrainingPolicy');
  if (cd?.unknown) {
    b.set(['connection_draining'], UNKNOWN, where(p, 'ConnectionDrainingPolicy'));
    b.set(['connection_draining_timeout'], UNKNOWN, where(p, 'ConnectionDrainingPolicy'));
  } else if (cd) {
    copyProp(b, ['connection_draining'], cd, 'Enabled', false, toBool);
    copyProp(b, ['connection_draining_timeout'], cd, 'Timeout', 300, toNumber);
    if (!cd.has('Enabled')) b.locate(['connection_draining'], where(p, 'ConnectionDrainingPolicy')!);
  }
  copyProp(b, ['subnets'], p, 'Subnets', undefined, toStringList);
  copyProp(b, ['availability_zones'], p, 'AvailabilityZones', undefined, toStringList);
  const ls = p.list('Listeners');
  if (ls instanceof UnknownValue) b.set(['listeners'], UNKNOWN, where(p, 'Listeners'));
  else if (ls) {
    b.locate(['listeners'], where(p, 'Listeners')!);
    ls.forEach((l, i) => {
      b.set(['listeners', i], l.unknown ? UNKNOWN : {}, where(l));
      if (l.unknown) return;
      copyProps(b, ['listeners', i], l, {
        lb_port: ['LoadBalancerPort', undefined, toNumber],
        instance_port: ['InstancePort', undefined, toNumber],
        lb_protocol: ['Protocol', undefined, upper],
        instance_protocol: ['InstanceProtocol', undefined, upper],
        ssl_certificate_id: ['SSLCertificateId'],
      });
    });
  }
  const al = section(b, ['access_logs'], p, 'AccessLoggingPolicy');
  if (al) {
    copyProps(b, ['access_logs'], al, {
      enabled: ['Enabled', true, toBool],
      bucket: ['S3BucketName'],
      interval: ['EmitInterval', 60, toNumber],
    });
  }
  copyTags(b, p);
};

// ---------------------------------------------------------------- CloudFront

function behavior(b: ObjectBuilder, path: (string | number)[], s: Props): void {
  b.set(path, s.unknown ? UNKNOWN : {}, where(s));
  if (s.unknown) return;
  copyProp(b, [...path, 'path_pattern'], s, 'PathPattern');
  copyProp(b, [...path, 'viewer_protocol_policy'], s, 'ViewerProtocolPolicy');
}

const distribution: ResourceAdapter = (r, ctx) => {
  // defaults (no origins, no logging, no geo restriction, the default certificate): src/adapt/aws/defaults.ts
  const b = ctx.create(r, 'cloudfront', 'distributions');
  const p = r.props;
  copyTags(b, p);
  const dc = p.sub('DistributionConfig');
  if (!dc) return;
  if (dc.unknown) {
    for (const f of ['enabled', 'web_acl_id', 'default_cache_behavior', 'ordered_cache_behaviors', 'origins', 'viewer_certificate', 'logging', 'restrictions']) {
      b.set([f], UNKNOWN, where(p, 'DistributionConfig'));
    }
    return;
  }
  copyProp(b, ['enabled'], dc, 'Enabled', undefined, toBool);
  copyProp(b, ['web_acl_id'], dc, 'WebACLId');
  const dcb = dc.sub('DefaultCacheBehavior');
  if (dcb) behavior(b, ['default_cache_behavior'], dcb);
  const cbs = dc.list('CacheBehaviors');
  if (cbs instanceof UnknownValue) b.set(['ordered_cache_behaviors'], UNKNOWN, where(dc, 'CacheBehaviors'));
  else cbs?.forEach((c, i) => behavior(b, ['ordered_cache_behaviors', i], c));
  const origins = dc.list('Origins');
  if (origins instanceof UnknownValue) b.set(['origins'], UNKNOWN, where(dc, 'Origins'));
  else {
    origins?.forEach((o, i) => {
      b.set(['origins', i], o.unknown ? UNKNOWN : {}, where(o));
      if (o.unknown) return;
      copyProps(b, ['origins', i], o, { origin_id: ['Id'], domain_name: ['DomainName'], origin_access_control_id: ['OriginAccessControlId'] });
      const s3 = section(b, ['origins', i, 's3_origin_config'], o, 'S3OriginConfig');
      if (s3) copyProp(b, ['origins', i, 's3_origin_config', 'origin_access_identity'], s3, 'OriginAccessIdentity');
      const c = section(b, ['origins', i, 'custom_origin_config'], o, 'CustomOriginConfig');
      if (c) {
        copyProp(b, ['origins', i, 'custom_origin_config', 'origin_protocol_policy'], c, 'OriginProtocolPolicy');
        // no default: absent when unset (the CloudFront API picks the protocols)
        copyProp(b, ['origins', i, 'custom_origin_config', 'origin_ssl_protocols'], c, 'OriginSSLProtocols', undefined, toStringList);
      }
    });
  }
  // without a ViewerCertificate CloudFront serves its default *.cloudfront.net certificate (the default)
  const vc = section(b, ['viewer_certificate'], dc, 'ViewerCertificate');
  if (vc) {
    copyProps(b, ['viewer_certificate'], vc, {
      cloudfront_default_certificate: ['CloudFrontDefaultCertificate', false, toBool],
      acm_certificate_arn: ['AcmCertificateArn'],
      iam_certificate_id: ['IamCertificateId'],
      minimum_protocol_version: ['MinimumProtocolVersion', 'TLSv1'],
      ssl_support_method: ['SslSupportMethod'],
    });
  }
  const lg = dc.sub('Logging');
  if (lg) {
    b.set(['logging'], { enabled: lg.unknown ? UNKNOWN : true }, where(dc, 'Logging'));
    if (!lg.unknown) copyProp(b, ['logging', 'bucket'], lg, 'Bucket');
  }
  const rs = dc.sub('Restrictions');
  if (rs?.unknown) b.set(['restrictions'], UNKNOWN, where(dc, 'Restrictions'));
  else if (rs) {
    const g = section(b, ['restrictions', 'geo_restriction'], rs, 'GeoRestriction');
    if (g) {
      copyProp(b, ['restrictions', 'geo_restriction', 'restriction_type'], g, 'RestrictionType');
      copyProp(b, ['restrictions', 'geo_restriction', 'locations'], g, 'Locations', [], toStringList);
    }
  }
};

// ---------------------------------------------------------------- API Gateway

function accessLogs(b: ObjectBuilder, p: Props, key: string): void {
  const al = section(b, ['access_log_settings'], p, key);
  if (al) copyProps(b, ['access_log_settings'], al, { destination_arn: ['DestinationArn'], format: ['Format'] });
}

/** `ResourcePath` (`/*`, `/~1pets`) and `HttpMethod` as Terraform's `method_path` (`*\/*`, `~1pets/GET`). */
function methodPath(ms: Props): unknown {
  const path = ms.get('ResourcePath');
  const method = ms.get('HttpMethod');
  if (isUnknown(path) || isUnknown(method)) return UNKNOWN;
  if (typeof path !== 'string' || typeof method !== 'string') return undefined;
  return `${path.replace(/^\//, '')}/${method}`;
}

const restStage: ResourceAdapter = (r, ctx) => {
  // defaults when unset (also of each method setting): src/adapt/aws/defaults.ts
  const b = ctx.create(r, 'apigateway', 'stages', { api_type: 'rest' });
  const p = r.props;
  copyProp(b, ['stage_name'], p, 'StageName', r.logicalId);
  copyProps(b, [], p, {
    xray_tracing_enabled: ['TracingEnabled', undefined, toBool],
    cache_cluster_enabled: ['CacheClusterEnabled', undefined, toBool],
    cache_cluster_size: ['CacheClusterSize', undefined, toStr],
    client_certificate_id: ['ClientCertificateId'],
  });
  accessLogs(b, p, 'AccessLogSetting');
  const settings = p.list('MethodSettings');
  if (settings instanceof UnknownValue) b.set(['method_settings'], UNKNOWN, where(p, 'MethodSettings'));
  else if (settings) {
    b.locate(['method_settings'], where(p, 'MethodSettings')!);
    settings.forEach((ms, i) => {
      const path = ['method_settings', i];
      b.set(path, ms.unknown ? UNKNOWN : elementDefaults('apigateway', 'stages', 'method_settings'), where(ms));
      if (ms.unknown) return;
      const mp = methodPath(ms);
      if (mp !== undefined) b.set([...path, 'method_path'], mp, where(ms, ms.has('ResourcePath') ? 'ResourcePath' : 'HttpMethod'));
      copyProps(b, path, ms, {
        metrics_enabled: ['MetricsEnabled', undefined, toBool],
        logging_level: ['LoggingLevel'],
        caching_enabled: ['CachingEnabled', undefined, toBool],
        cache_data_encrypted: ['CacheDataEncrypted', undefined, toBool],
        throttling_burst_limit: ['ThrottlingBurstLimit', undefined, toNumber],
        throttling_rate_limit: ['ThrottlingRateLimit', undefined, toNumber],
      });
    });
  }
  copyTags(b, p);
};

const v2Stage: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'apigateway', 'stages', { api_type: 'v2' });
  const p = r.props;
  copyProp(b, ['stage_name'], p, 'StageName', r.logicalId);
  accessLogs(b, p, 'AccessLogSettings');
  const d = section(b, ['default_route_settings'], p, 'DefaultRouteSettings');
  if (d) {
    copyProps(b, ['default_route_settings'], d, {
      throttling_burst_limit: ['ThrottlingBurstLimit', undefined, toNumber],
      throttling_rate_limit: ['ThrottlingRateLimit', undefined, toNumber],
    });
  }
  // AWS::ApiGatewayV2::Stage takes its tags as a mapping
  copyTags(b, p);
};

const domainName: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'apigateway', 'domain_names');
  copyProp(b, ['domain_name'], r.props, 'DomainName');
  // TLS_1_0, the API's default security policy, when unset (src/adapt/aws/defaults.ts)
  copyProp(b, ['security_policy'], r.props, 'SecurityPolicy');
  copyTags(b, r.props);
};

// ---------------------------------------------------------------- WAF

const webAcl: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'waf', 'web_acls');
  const p = r.props;
  copyProp(b, ['name'], p, 'Name', r.logicalId);
  copyProp(b, ['scope'], p, 'Scope');
  const da = p.sub('DefaultAction');
  if (da) {
    const action = da.unknown ? UNKNOWN : da.has('Block') ? 'block' : da.has('Allow') ? 'allow' : undefined;
    if (action !== undefined) b.set(['default_action'], action, where(p, 'DefaultAction'));
  }
  const rules = p.list('Rules');
  if (rules instanceof UnknownValue) b.set(['rules'], UNKNOWN, where(p, 'Rules'));
  else if (rules) {
    b.locate(['rules'], where(p, 'Rules')!);
    rules.forEach((rule, i) => {
      b.set(['rules', i], rule.unknown ? UNKNOWN : {}, where(rule));
      if (rule.unknown) return;
      copyProps(b, ['rules', i], rule, { name: ['Name'], priority: ['Priority', undefined, toNumber] });
      const st = rule.sub('Statement');
      b.set(['rules', i, 'rate_based'], st === undefined ? false : st.unknown ? UNKNOWN : st.has('RateBasedStatement'));
    });
  }
  copyTags(b, p);
};

/**
 * The model object an ARN-valued property designates: `!Ref Lb`, `!GetAtt Acl.Arn`, or a
 * `!Sub`/`!Join` built from a resource of `types` (an API stage's ARN names the stage).
 */
function arnTarget(r: CfnResource, ctx: CfnContext, key: string, types: string[]): ObjectBuilder | undefined {
  const direct = ctx.target(r, key, types);
  if (direct) return ctx.builder(direct.logicalId);
  const v = r.props.get(key);
  for (const id of refsIn(v)) {
    const t = ctx.resources.get(id);
    if (t && types.includes(t.type)) return ctx.builder(id);
  }
  return undefined;
}

/** AWS::WAFv2::WebACLAssociation: `web_acl_arn` on the load balancer or REST stage of `ResourceArn`. */
const association: ResourceAdapter = (r, ctx) => {
  const b = arnTarget(r, ctx, 'ResourceArn', [...LB, ...REST_STAGE]);
  if (!b) return;
  ctx.foldInto(b, r);
  const acl = r.props.get('WebACLArn');
  b.set(['web_acl_arn'], acl === undefined || isUnknown(acl) ? UNKNOWN : toModel(acl), where(r.props, 'WebACLArn') ?? whole(r));
};

/** AWS::WAFv2::LoggingConfiguration: `logging` on the web ACL of `ResourceArn`. */
const wafLogging: ResourceAdapter = (r, ctx) => {
  const b = arnTarget(r, ctx, 'ResourceArn', WEB_ACL);
  if (!b) return;
  ctx.foldInto(b, r);
  b.set(['logging'], { enabled: true }, whole(r));
  copyProp(b, ['logging', 'log_destination_configs'], r.props, 'LogDestinationConfigs', undefined, toStringList);
};

export const primary: Record<string, ResourceAdapter> = {
  'AWS::ElasticLoadBalancingV2::LoadBalancer': loadBalancer,
  'AWS::ElasticLoadBalancing::LoadBalancer': classic,
  'AWS::CloudFront::Distribution': distribution,
  'AWS::ApiGateway::Stage': restStage,
  'AWS::ApiGatewayV2::Stage': v2Stage,
  'AWS::ApiGateway::DomainName': domainName,
  'AWS::WAFv2::WebACL': webAcl,
};

export const folds: Record<string, ResourceAdapter> = {
  'AWS::ElasticLoadBalancingV2::Listener': listener,
  'AWS::WAFv2::WebACLAssociation': association,
  'AWS::WAFv2::LoggingConfiguration': wafLogging,
};
