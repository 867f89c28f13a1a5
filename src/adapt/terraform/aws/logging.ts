/** CloudTrail trails, with their data event selectors. */
import type { ObjectBuilder } from '../../builder.js';
import { isUnknown, UNKNOWN } from '../../../model/model.js';
import type { Expression } from '../../../parse/hcl/ast.js';
import type { TerraformResource } from '../resource.js';
import { allRefs } from '../references.js';
import { attrWhere, type BodyView } from '../view.js';
import { copyAttr, copyAttrs, copyTags, toStringList, type ResourceAdapter, type TfAwsContext } from './context.js';

const trail: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'cloudtrail', 'trails');
  copyAttr(b, ['name'], r.view, 'name', r.name);
  // the API's defaults: src/adapt/aws/defaults.ts
  copyAttrs(b, [], r.view, {
    is_multi_region_trail: undefined,
    enable_log_file_validation: undefined,
    include_global_service_events: undefined,
    is_organization_trail: undefined,
    // the provider starts logging unless told otherwise (CloudFormation requires IsLogging)
    enable_logging: true,
    kms_key_id: undefined,
    cloud_watch_logs_group_arn: undefined,
  });
  r.view.blocks('event_selector').forEach((sel, i) => {
    b.set(['event_selectors', i], sel.unknown ? UNKNOWN : {}, sel);
    if (sel.unknown) return;
    copyAttr(b, ['event_selectors', i, 'read_write_type'], sel, 'read_write_type', 'All');
    copyAttr(b, ['event_selectors', i, 'include_management_events'], sel, 'include_management_events', true);
    b.set(['event_selectors', i, 'data_resources'], []);
    sel.blocks('data_resource').forEach((dr, j) => {
      const path = ['event_selectors', i, 'data_resources', j];
      b.set(path, dr.unknown ? UNKNOWN : {}, dr);
      if (dr.unknown) return;
      copyAttr(b, [...path, 'type'], dr, 'type');
      copyValues(ctx, r, b, [...path, 'values'], dr, 'values');
    });
  });
  r.view.blocks('advanced_event_selector').forEach((sel, i) => {
    b.set(['advanced_event_selectors', i], sel.unknown ? UNKNOWN : {}, sel);
    if (sel.unknown) return;
    copyAttr(b, ['advanced_event_selectors', i, 'name'], sel, 'name');
    b.set(['advanced_event_selectors', i, 'field_selectors'], []);
    sel.blocks('field_selector').forEach((fs, j) => {
      const path = ['advanced_event_selectors', i, 'field_selectors', j];
      b.set(path, fs.unknown ? UNKNOWN : {}, fs);
      if (fs.unknown) return;
      copyAttr(b, [...path, 'field'], fs, 'field');
      for (const op of ['equals', 'not_equals', 'starts_with', 'not_starts_with', 'ends_with', 'not_ends_with']) {
        if (fs.attr(op)) copyValues(ctx, r, b, [...path, op], fs, op);
      }
    });
  });
  copyTags(b, r.view);
};

/**
 * A list of ARNs. An element computed from a bucket declared in the same configuration
 * (`"${aws_s3_bucket.x.arn}/"`, `aws_s3_bucket.x.arn`) becomes `arn:aws:s3:::<bucket name>/`
 * when the bucket's name is known: the selector then covers that bucket.
 */
function copyValues(ctx: TfAwsContext, r: TerraformResource, b: ObjectBuilder, path: (string | number)[], view: BodyView, name: string): void {
  const a = view.attr(name);
  if (!a) {
    b.set(path, view.unknown ? UNKNOWN : []);
    return;
  }
  const where = attrWhere(view, a);
  const list = toStringList(a.value);
  if (!Array.isArray(list)) {
    b.set(path, UNKNOWN, where);
    return;
  }
  const items: (Expression | undefined)[] = a.expr.type === 'tuple' ? a.expr.items : list.length === 1 ? [a.expr] : [];
  b.set(
    path,
    list.map((v, k) => (isUnknown(v) ? (bucketArn(ctx, r, items[k]) ?? UNKNOWN) : v)),
    where,
  );
}

function bucketArn(ctx: TfAwsContext, r: TerraformResource, expr: Expression | undefined): string | undefined {
  if (!expr) return undefined;
  const refs = allRefs(expr);
  if (refs.length !== 1 || refs[0].type !== 'aws_s3_bucket' || refs[0].attribute !== 'arn') return undefined;
  const bucket = ctx.resources.find((c) => c.module === r.module && c.type === 'aws_s3_bucket' && c.name === refs[0].name);
  const name = bucket?.view.attr('bucket')?.value;
  return typeof name === 'string' ? `arn:aws:s3:::${name}/` : undefined;
}

export const primary: Record<string, ResourceAdapter> = {
  aws_cloudtrail: trail,
};

export const folds: Record<string, ResourceAdapter> = {};
