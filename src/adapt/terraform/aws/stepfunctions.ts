/**
 * Step Functions state machines (`aws_sfn_state_machine`). The API's defaults (a STANDARD
 * workflow, logging OFF, no X-Ray tracing, an AWS owned key) come from src/adapt/aws/defaults.ts,
 * shared with CloudFormation (docs/model/aws-compute.md). The definition is not read.
 */
import type { ObjectBuilder } from '../../builder.js';
import { UNKNOWN, type ModelPath } from '../../../model/model.js';
import type { BodyView } from '../view.js';
import { copyAttr, copyAttrs, copyTags, toBool, toNumber, type ResourceAdapter } from './context.js';

/**
 * A configuration block copied into `path` over the defaults already there: the block's range on
 * `path`, each attribute's on its field; UNKNOWN as a whole for a dynamic block.
 */
function block(b: ObjectBuilder, path: ModelPath, view: BodyView, name: string, copy: (blk: BodyView) => void): void {
  const blk = view.blocks(name)[0];
  if (!blk) return;
  if (blk.unknown) {
    b.set(path, UNKNOWN, blk);
    return;
  }
  b.locate(path, blk);
  copy(blk);
}

const stateMachine: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'stepfunctions', 'state_machines');
  const v = r.view;
  // without `name` the provider generates one; with `name_prefix` it is the prefix and a
  // generated suffix (create.Name), so not known
  copyAttr(b, ['name'], v, 'name', v.attr('name_prefix') ? UNKNOWN : r.name);
  copyAttrs(b, [], v, { type: undefined, role_arn: undefined });
  block(b, ['logging_configuration'], v, 'logging_configuration', (blk) => {
    copyAttr(b, ['logging_configuration', 'level'], blk, 'level');
    copyAttr(b, ['logging_configuration', 'include_execution_data'], blk, 'include_execution_data', undefined, toBool);
    copyAttr(b, ['logging_configuration', 'log_destination'], blk, 'log_destination');
  });
  block(b, ['tracing_configuration'], v, 'tracing_configuration', (blk) => copyAttr(b, ['tracing_configuration', 'enabled'], blk, 'enabled', undefined, toBool));
  block(b, ['encryption_configuration'], v, 'encryption_configuration', (blk) => {
    copyAttrs(b, ['encryption_configuration'], blk, { type: undefined, kms_key_id: undefined });
    copyAttr(b, ['encryption_configuration', 'kms_data_key_reuse_period_seconds'], blk, 'kms_data_key_reuse_period_seconds', undefined, toNumber);
  });
  copyTags(b, v);
};

export const primary: Record<string, ResourceAdapter> = {
  aws_sfn_state_machine: stateMachine,
};

export const folds: Record<string, ResourceAdapter> = {};
