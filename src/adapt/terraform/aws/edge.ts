/** CloudFront, API Gateway, WAF. */
import type { ObjectBuilder } from '../../builder.js';
import { UNKNOWN } from '../../../model/model.js';
import { attrWhere, type BodyView } from '../view.js';
import { elementDefaults } from '../../aws/defaults.js';
import { copyAttr, copyAttrs, copyTags, toNumber, toStringList, type ResourceAdapter } from './context.js';

// ---------------------------------------------------------------- CloudFront

function behavior(b: ObjectBuilder, path: (string | number)[], view: BodyView): void {
  b.set(path, {}, view);
  if (view.unknown) {
    b.set(path, UNKNOWN);
    return;
  }
  copyAttr(b, [...path, 'path_pattern'], view, 'path_pattern');
  copyAttr(b, [...path, 'viewer_protocol_policy'], view, 'viewer_protocol_policy');
}

const distribution: ResourceAdapter = (r, ctx) => {
  // defaults (no origins, no logging, no geo restriction, the default certificate): src/adapt/aws/defaults.ts
  const b = ctx.create(r, 'cloudfront', 'distributions');
  const v = r.view;
  copyAttr(b, ['enabled'], v, 'enabled');
  copyAttr(b, ['web_acl_id'], v, 'web_acl_id');
  for (const d of v.blocks('default_cache_behavior')) behavior(b, ['default_cache_behavior'], d);
  v.blocks('ordered_cache_behavior').forEach((o, i) => behavior(b, ['ordered_cache_behaviors', i], o));
  v.blocks('origin').forEach((o, i) => {
    b.set(['origins', i], {}, o);
    if (o.unknown) {
      b.set(['origins', i], UNKNOWN);
      return;
    }
    copyAttrs(b, ['origins', i], o, { origin_id: undefined, domain_name: undefined, origin_access_control_id: undefined });
    for (const s3 of o.blocks('s3_origin_config')) {
      b.set(['origins', i, 's3_origin_config'], {}, s3);
      copyAttr(b, ['origins', i, 's3_origin_config', 'origin_access_identity'], s3, 'origin_access_identity');
    }
    for (const c of o.blocks('custom_origin_config')) {
      b.set(['origins', i, 'custom_origin_config'], {}, c);
      copyAttr(b, ['origins', i, 'custom_origin_config', 'origin_protocol_policy'], c, 'origin_protocol_policy');
      copyAttr(b, ['origins', i, 'custom_origin_config', 'origin_ssl_protocols'], c, 'origin_ssl_protocols', undefined, toStringList);
    }
  });
  for (const vc of v.blocks('viewer_certificate')) {
    b.locate(['viewer_certificate'], vc);
    copyAttrs(b, ['viewer_certificate'], vc, {
      cloudfront_default_certificate: false,
      acm_certificate_arn: undefined,
      iam_certificate_id: undefined,
      minimum_protocol_version: 'TLSv1',
      ssl_support_method: undefined,
    });
  }
  for (const lc of v.blocks('logging_config')) {
    b.set(['logging'], { enabled: lc.unknown ? UNKNOWN : true }, lc);
    copyAttr(b, ['logging', 'bucket'], lc, 'bucket');
  }
  for (const rs of v.blocks('restrictions')) {
    if (rs.unknown) b.set(['restrictions'], UNKNOWN, rs);
    for (const g of rs.blocks('geo_restriction')) {
      b.set(['restrictions', 'geo_restriction'], {}, g);
      copyAttr(b, ['restrictions', 'geo_restriction', 'restriction_type'], g, 'restriction_type');
      copyAttr(b, ['restrictions', 'geo_restriction', 'locations'], g, 'locations', [], toStringList);
    }
  }
  copyTags(b, v);
};

// ---------------------------------------------------------------- API Gateway

const STAGE = ['aws_api_gateway_stage'];

function accessLogs(b: ObjectBuilder, view: BodyView): void {
  for (const al of view.blocks('access_log_settings')) {
    b.set(['access_log_settings'], {}, al);
    if (al.unknown) {
      b.set(['access_log_settings'], UNKNOWN);
      continue;
    }
    copyAttrs(b, ['access_log_settings'], al, { destination_arn: undefined, format: undefined });
  }
}

/** aws_api_gateway_stage (REST APIs). */
const restStage: ResourceAdapter = (r, ctx) => {
  // defaults when unset (also of each method setting): src/adapt/aws/defaults.ts
  const b = ctx.create(r, 'apigateway', 'stages', { api_type: 'rest' });
  const v = r.view;
  copyAttr(b, ['stage_name'], v, 'stage_name', r.name);
  copyAttrs(b, [], v, {
    xray_tracing_enabled: undefined,
    cache_cluster_enabled: undefined,
    cache_cluster_size: undefined,
    client_certificate_id: undefined,
  });
  accessLogs(b, v);
  copyTags(b, v);
};

/** aws_api_gateway_method_settings: folded into the stage it configures (`stage_name`). */
const methodSettings: ResourceAdapter = (r, ctx) => {
  const target = ctx.target(r, 'stage_name', STAGE, 'stage_name');
  const b = target && ctx.builder(target);
  if (!b) return;
  const i = (b.get(['method_settings']) as unknown[]).length;
  // `settings` is a required block: its options default as in src/adapt/aws/defaults.ts
  b.set(['method_settings', i], elementDefaults('apigateway', 'stages', 'method_settings'), r.view);
  copyAttr(b, ['method_settings', i, 'method_path'], r.view, 'method_path');
  for (const s of r.view.blocks('settings')) {
    if (s.unknown) {
      b.set(['method_settings', i], UNKNOWN);
      continue;
    }
    copyAttrs(b, ['method_settings', i], s, {
      metrics_enabled: undefined,
      logging_level: undefined,
      caching_enabled: undefined,
      cache_data_encrypted: undefined,
    });
    copyAttr(b, ['method_settings', i, 'throttling_burst_limit'], s, 'throttling_burst_limit', undefined, toNumber);
    copyAttr(b, ['method_settings', i, 'throttling_rate_limit'], s, 'throttling_rate_limit', undefined, toNumber);
  }
};

/** aws_apigatewayv2_stage (HTTP and WebSocket APIs). */
const v2Stage: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'apigateway', 'stages', { api_type: 'v2' });
  const v = r.view;
  copyAttr(b, ['stage_name'], v, 'name', r.name);
  accessLogs(b, v);
  for (const d of v.blocks('default_route_settings')) {
    b.set(['default_route_settings'], {}, d);
    if (d.unknown) {
      b.set(['default_route_settings'], UNKNOWN);
      continue;
    }
    copyAttr(b, ['default_route_settings', 'throttling_burst_limit'], d, 'throttling_burst_limit', undefined, toNumber);
    copyAttr(b, ['default_route_settings', 'throttling_rate_limit'], d, 'throttling_rate_limit', undefined, toNumber);
  }
  copyTags(b, v);
};

/** aws_api_gateway_domain_name: custom domains of REST APIs. */
const domainName: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'apigateway', 'domain_names');
  copyAttr(b, ['domain_name'], r.view, 'domain_name');
  // TLS_1_0, the API's default security policy, when unset (src/adapt/aws/defaults.ts)
  copyAttr(b, ['security_policy'], r.view, 'security_policy');
  copyTags(b, r.view);
};

// ---------------------------------------------------------------- WAF

const webAcl: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'waf', 'web_acls');
  const v = r.view;
  copyAttr(b, ['name'], v, 'name', r.name);
  copyAttr(b, ['scope'], v, 'scope');
  for (const da of v.blocks('default_action')) {
    const action = da.unknown ? UNKNOWN : da.blocks('block').length ? 'block' : da.blocks('allow').length ? 'allow' : undefined;
    if (action !== undefined) b.set(['default_action'], action, da);
  }
  v.blocks('rule').forEach((rule, i) => {
    b.set(['rules', i], {}, rule);
    if (rule.unknown) {
      b.set(['rules', i], UNKNOWN);
      return;
    }
    copyAttrs(b, ['rules', i], rule, { name: undefined, priority: undefined });
    const st = rule.blocks('statement');
    b.set(['rules', i, 'rate_based'], st.some((s) => s.unknown) ? UNKNOWN : st.some((s) => s.blocks('rate_based_statement').length > 0));
  });
  copyTags(b, v);
};

const WEB_ACL = ['aws_wafv2_web_acl'];
const PROTECTED = ['aws_lb', 'aws_alb', 'aws_api_gateway_stage'];

/** aws_wafv2_web_acl_association: `web_acl_arn` on the load balancer or REST stage (`resource_arn`). */
const association: ResourceAdapter = (r, ctx) => {
  const target = ctx.target(r, 'resource_arn', PROTECTED);
  const b = target && ctx.builder(target);
  if (!b) return;
  const a = r.view.attr('web_acl_arn');
  b.set(['web_acl_arn'], a === undefined ? UNKNOWN : a.value, a ? attrWhere(r.view, a) : r.view);
};

/** aws_wafv2_web_acl_logging_configuration: `logging` on the web ACL (`resource_arn`). */
const wafLogging: ResourceAdapter = (r, ctx) => {
  const target = ctx.target(r, 'resource_arn', WEB_ACL);
  const b = target && ctx.builder(target);
  if (!b) return;
  b.set(['logging'], { enabled: true }, r.view);
  copyAttr(b, ['logging', 'log_destination_configs'], r.view, 'log_destination_configs', undefined, toStringList);
};

export const primary: Record<string, ResourceAdapter> = {
  aws_cloudfront_distribution: distribution,
  aws_api_gateway_stage: restStage,
  aws_apigatewayv2_stage: v2Stage,
  aws_api_gateway_domain_name: domainName,
  aws_wafv2_web_acl: webAcl,
};

export const folds: Record<string, ResourceAdapter> = {
  aws_api_gateway_method_settings: methodSettings,
  aws_wafv2_web_acl_association: association,
  aws_wafv2_web_acl_logging_configuration: wafLogging,
};
