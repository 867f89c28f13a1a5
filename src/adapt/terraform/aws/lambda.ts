/**
 * Lambda functions, with event invoke configs, function URLs and resource-policy permissions
 * folded in; layer versions, with the permissions that share them folded in; event source
 * mappings.
 */
import { kindOfArn, streamDefaults, TERRAFORM_SOURCE_TYPES } from '../../aws/event-sources.js';
import type { ObjectBuilder } from '../../builder.js';
import { isUnknown, UNKNOWN } from '../../../model/model.js';
import type { Range } from '../../../model/source.js';
import { traversalRef } from '../references.js';
import type { TerraformResource } from '../resource.js';
import { attrWhere, type BodyView } from '../view.js';
import { copyAttr, copyAttrs, copyTags, toBool, toNumber, toStringList, type ResourceAdapter, type TfAwsContext } from './context.js';

const FN = ['aws_lambda_function'];

/** Names of the environment variables, never their values. */
function variableNames(v: unknown): unknown {
  if (isUnknown(v) || v === null || typeof v !== 'object' || Array.isArray(v)) return UNKNOWN;
  return Object.keys(v as Record<string, unknown>).sort();
}

const lambda: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'lambda', 'functions');
  copyAttr(b, ['function_name'], r.view, 'function_name', r.name);
  copyAttrs(b, [], r.view, { runtime: undefined, package_type: undefined, reserved_concurrent_executions: undefined, kms_key_arn: undefined });
  // Without a tracing_config block X-Ray tracing is PassThrough (src/adapt/aws/defaults.ts).
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
  for (const env of r.view.blocks('environment')) {
    b.set(['environment'], env.unknown ? UNKNOWN : {}, env);
    if (!env.unknown) copyAttr(b, ['environment', 'variable_names'], env, 'variables', [], variableNames);
  }
  copyTags(b, r.view);
};

/** The function a split resource names in `function_name` (reference, or literal name). */
function fn(r: TerraformResource, ctx: TfAwsContext): ObjectBuilder | undefined {
  const t = ctx.target(r, 'function_name', FN, 'function_name');
  return t && ctx.builder(t);
}

const eventInvokeConfig: ResourceAdapter = (r, ctx) => {
  const b = fn(r, ctx);
  if (!b) return;
  b.set(['event_invoke_config'], {}, r.view);
  // the service default: two retries
  copyAttr(b, ['event_invoke_config', 'maximum_retry_attempts'], r.view, 'maximum_retry_attempts', 2, toNumber);
  copyAttr(b, ['event_invoke_config', 'maximum_event_age_in_seconds'], r.view, 'maximum_event_age_in_seconds', 21600, toNumber);
  for (const dc of r.view.blocks('destination_config')) {
    b.locate(['event_invoke_config', 'destination_config'], dc);
    if (dc.unknown) {
      b.set(['event_invoke_config', 'on_failure_destination'], UNKNOWN);
      b.set(['event_invoke_config', 'on_success_destination'], UNKNOWN);
      continue;
    }
    for (const f of dc.blocks('on_failure')) copyAttr(b, ['event_invoke_config', 'on_failure_destination'], f, 'destination', f.unknown ? UNKNOWN : undefined);
    for (const s of dc.blocks('on_success')) copyAttr(b, ['event_invoke_config', 'on_success_destination'], s, 'destination', s.unknown ? UNKNOWN : undefined);
  }
};

const functionUrl: ResourceAdapter = (r, ctx) => {
  const b = fn(r, ctx);
  if (!b) return;
  b.set(['function_url'], {}, r.view);
  copyAttr(b, ['function_url', 'authorization_type'], r.view, 'authorization_type');
  copyAttr(b, ['function_url', 'qualifier'], r.view, 'qualifier');
};

const permission: ResourceAdapter = (r, ctx) => {
  const b = fn(r, ctx);
  if (!b) return;
  const cur = b.get(['permissions']);
  const i = Array.isArray(cur) ? cur.length : 0;
  const p = ['permissions', i];
  b.set(p, {}, r.view);
  copyAttrs(b, p, r.view, {
    statement_id: undefined,
    action: undefined,
    principal: undefined,
    source_arn: undefined,
    source_account: undefined,
    principal_org_id: undefined,
    function_url_auth_type: undefined,
  });
};

// ---------------------------------------------------------------- layers

const LAYER = ['aws_lambda_layer_version'];

const layerVersion: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'lambda', 'layer_versions');
  copyAttr(b, ['layer_name'], r.view, 'layer_name', r.name);
  copyAttr(b, ['compatible_runtimes'], r.view, 'compatible_runtimes', undefined, toStringList);
};

/**
 * aws_lambda_layer_version_permission: folded into `permissions[]` of the layer version its
 * `layer_name` references (`aws_lambda_layer_version.x.layer_arn`, `.arn`, `.layer_name`);
 * a permission on a layer not declared here (a literal name or ARN) is an object of its own.
 */
const layerPermission: ResourceAdapter = (r, ctx) => {
  const t = ctx.target(r, 'layer_name', LAYER);
  const layer = t && ctx.builder(t);
  if (layer) {
    const cur = layer.get(['permissions']);
    if (!Array.isArray(cur)) return;
    const path = ['permissions', cur.length];
    layer.set(path, {}, r.view);
    copyAttrs(layer, path, r.view, { principal: undefined, organization_id: undefined, action: undefined });
    return;
  }
  const b = ctx.create(r, 'lambda', 'layer_version_permissions');
  copyAttr(b, ['layer_name'], r.view, 'layer_name');
  copyAttr(b, ['version_number'], r.view, 'version_number', undefined, toNumber);
  copyAttrs(b, [], r.view, { principal: undefined, organization_id: undefined, action: undefined });
};

// ---------------------------------------------------------------- event source mappings

/** What the mapping reads (src/adapt/aws/event-sources.ts), and where that is told. */
function sourceKind(ctx: TfAwsContext, r: TerraformResource, v: BodyView): { kind: unknown; at?: { range: Range; file?: string } } {
  const self = v.blocks('self_managed_event_source')[0];
  if (self) return { kind: 'kafka', at: self };
  const arn = v.attr('event_source_arn');
  if (arn) {
    if (!isUnknown(arn.value)) return { kind: kindOfArn(arn.value) ?? UNKNOWN, at: arn };
    const type = ctx.designated(r, arn.value, Object.keys(TERRAFORM_SOURCE_TYPES))?.type ?? traversalRef(arn.expr)?.type;
    const kind = type && TERRAFORM_SOURCE_TYPES[type];
    if (kind) return { kind, at: arn };
  }
  // properties only one kind of source takes
  for (const [name, kind] of [['topics', 'kafka'], ['queues', 'mq']] as const) {
    const a = v.attr(name);
    if (a) return { kind, at: a };
  }
  for (const [name, kind] of [['amazon_managed_kafka_event_source_config', 'kafka'], ['self_managed_kafka_event_source_config', 'kafka'], ['document_db_event_source_config', 'documentdb']] as const) {
    const blk = v.blocks(name)[0];
    if (blk) return { kind, at: blk };
  }
  return { kind: UNKNOWN, at: arn };
}

const eventSourceMapping: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'lambda', 'event_source_mappings');
  const v = r.view;
  // the function's name: as written, or the name of the function declared here that it references
  const fnAttr = copyAttr(b, ['function_name'], v, 'function_name');
  if (fnAttr && isUnknown(fnAttr.value)) {
    const t = ctx.target(r, 'function_name', FN);
    const name = t?.view.attr('function_name')?.value;
    if (name !== undefined) b.set(['function_name'], isUnknown(name) ? UNKNOWN : name, attrWhere(v, fnAttr));
  }
  copyAttr(b, ['event_source_arn'], v, 'event_source_arn');
  const { kind, at } = sourceKind(ctx, r, v);
  b.set(['event_source_kind'], kind, at && attrWhere(v, at));
  streamDefaults(b, kind);
  copyAttr(b, ['enabled'], v, 'enabled', undefined, toBool);
  copyAttr(b, ['batch_size'], v, 'batch_size', undefined, toNumber);
  copyAttr(b, ['maximum_retry_attempts'], v, 'maximum_retry_attempts', undefined, toNumber);
  copyAttr(b, ['maximum_record_age_in_seconds'], v, 'maximum_record_age_in_seconds', undefined, toNumber);
  copyAttr(b, ['bisect_batch_on_function_error'], v, 'bisect_batch_on_function_error', undefined, toBool);
  for (const dc of v.blocks('destination_config')) {
    b.locate(['destination_config'], dc);
    if (dc.unknown) {
      b.set(['on_failure_destination'], UNKNOWN, dc);
      continue;
    }
    for (const f of dc.blocks('on_failure')) copyAttr(b, ['on_failure_destination'], f, 'destination_arn', f.unknown ? UNKNOWN : undefined);
  }
  for (const fc of v.blocks('filter_criteria')) {
    const filters = fc.unknown ? [] : fc.blocks('filter');
    // a filter block generated dynamically may or may not exist
    const set = filters.some((f) => !f.unknown) ? true : fc.unknown || filters.length ? UNKNOWN : false;
    b.set(['filter_criteria_set'], set, fc);
  }
  copyTags(b, v);
};

export const primary: Record<string, ResourceAdapter> = {
  aws_lambda_function: lambda,
  aws_lambda_layer_version: layerVersion,
  aws_lambda_event_source_mapping: eventSourceMapping,
};

export const folds: Record<string, ResourceAdapter> = {
  aws_lambda_function_event_invoke_config: eventInvokeConfig,
  aws_lambda_function_url: functionUrl,
  aws_lambda_permission: permission,
  aws_lambda_layer_version_permission: layerPermission,
};
