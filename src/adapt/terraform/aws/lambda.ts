/** Lambda functions, with event invoke configs, function URLs and resource-policy permissions folded in. */
import type { ObjectBuilder } from '../../builder.js';
import { isUnknown, UNKNOWN } from '../../../model/model.js';
import type { TerraformResource } from '../resource.js';
import { copyAttr, copyAttrs, copyTags, toNumber, toStringList, type ResourceAdapter, type TfAwsContext } from './context.js';

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

export const primary: Record<string, ResourceAdapter> = {
  aws_lambda_function: lambda,
};

export const folds: Record<string, ResourceAdapter> = {
  aws_lambda_function_event_invoke_config: eventInvokeConfig,
  aws_lambda_function_url: functionUrl,
  aws_lambda_permission: permission,
};
