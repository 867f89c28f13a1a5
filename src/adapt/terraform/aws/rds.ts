/**
 * aws_db_instance → aws.rds.instances[] (defaults are the RDS API's, src/adapt/aws/defaults.ts,
 * and where it documents its own, the provider's);
 * aws_db_parameter_group folds into the instances that use it (`parameter_group`).
 */
import type { ObjectBuilder } from '../../builder.js';
import { isUnknown, UNKNOWN } from '../../../model/model.js';
import type { TerraformResource } from '../resource.js';
import { attrWhere, type BodyView } from '../view.js';
import { copyAttr, copyAttrs, copyTags, toStringList, type ResourceAdapter, type TfAwsContext } from './context.js';

/** True when a count/for_each could not be expanded: the resource stands for an unknown number of instances. */
export function unexpandedCount(r: TerraformResource): boolean {
  if (r.key !== undefined) return false;
  return r.block.body.items.some((i) => i.kind === 'attribute' && (i.name === 'count' || i.name === 'for_each'));
}

/**
 * The parameters of a parameter group as `{name: value}` (values as lower-case strings), or
 * UNKNOWN when a parameter block is dynamic or its name or value cannot be known.
 */
export function parameterMap(view: BodyView): unknown {
  const out: Record<string, string> = {};
  for (const p of view.blocks('parameter')) {
    if (p.unknown) return UNKNOWN;
    const name = p.attr('name')?.value;
    const value = p.attr('value')?.value;
    if (typeof name !== 'string' || isUnknown(value) || value === undefined || value === null) return UNKNOWN;
    out[name] = String(value).toLowerCase();
  }
  return out;
}

/**
 * Fills `parameter_group {name, default, parameters}` on b from attribute `attr` of resource
 * r: the default group when unset or named `default.*`, the folded group resource when it is
 * in the configuration, else parameters unknown.
 */
export function applyParameterGroup(b: ObjectBuilder, r: TerraformResource, ctx: TfAwsContext, attr: string, groupType: string): void {
  const a = r.view.attr(attr);
  if (!a) {
    b.set(['parameter_group'], { name: null, default: true, parameters: {} });
    return;
  }
  const where = attrWhere(r.view, a);
  const target = ctx.target(r, attr, [groupType], 'name');
  if (target) {
    const name = target.view.attr('name')?.value;
    b.set(['parameter_group'], { name: name === undefined ? target.name : isUnknown(name) ? UNKNOWN : name, default: false, parameters: parameterMap(target.view) }, where);
    return;
  }
  if (isUnknown(a.value) || typeof a.value !== 'string') {
    b.set(['parameter_group'], UNKNOWN, where);
    return;
  }
  const isDefault = a.value.startsWith('default.');
  b.set(['parameter_group'], { name: a.value, default: isDefault, parameters: isDefault ? {} : UNKNOWN }, where);
}

const AURORA = (engine: unknown) => typeof engine === 'string' && engine.startsWith('aurora');

const instance: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'rds', 'instances');
  const v = r.view;
  copyAttr(b, ['identifier'], v, 'identifier', r.name);
  copyAttrs(b, [], v, {
    engine: undefined,
    engine_version: undefined,
    instance_class: undefined,
    iops: undefined,
    allocated_storage: undefined,
    kms_key_id: undefined,
    ca_cert_identifier: undefined,
    performance_insights_kms_key_id: undefined,
    replicate_source_db: undefined,
    // the API's defaults (src/adapt/aws/defaults.ts)
    multi_az: undefined,
    backup_retention_period: undefined,
    storage_encrypted: undefined,
    // the provider's default; the API decides from the VPC
    publicly_accessible: false,
    auto_minor_version_upgrade: undefined,
    deletion_protection: undefined,
    skip_final_snapshot: undefined,
    copy_tags_to_snapshot: undefined,
    monitoring_interval: undefined,
    performance_insights_enabled: undefined,
    iam_database_authentication_enabled: undefined,
  });
  // The provider's default: io1 when iops is given, gp2 otherwise (Aurora instances use cluster storage).
  const engine = v.attr('engine')?.value;
  const storageDefault = AURORA(engine) ? undefined : v.attr('iops') ? 'io1' : 'gp2';
  copyAttr(b, ['storage_type'], v, 'storage_type', storageDefault);
  copyAttr(b, ['enabled_cloudwatch_logs_exports'], v, 'enabled_cloudwatch_logs_exports', undefined, toStringList);
  copyAttr(b, ['parameter_group_name'], v, 'parameter_group_name');
  if (!AURORA(engine)) applyParameterGroup(b, r, ctx, 'parameter_group_name', 'aws_db_parameter_group');
  copyTags(b, v);
};

export const primary: Record<string, ResourceAdapter> = { aws_db_instance: instance };
export const folds: Record<string, ResourceAdapter> = {};
