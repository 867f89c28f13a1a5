/** Lambda functions. */
import { copyAttr, copyAttrs, copyTags, toStringList, type ResourceAdapter } from './context.js';

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

export const primary: Record<string, ResourceAdapter> = {
  aws_lambda_function: lambda,
};

export const folds: Record<string, ResourceAdapter> = {};
