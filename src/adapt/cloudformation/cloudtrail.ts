/**
 * AWS::CloudTrail::Trail → aws.cloudtrail.trails[], with its data event selectors, in the
 * model of src/adapt/terraform/aws/logging.ts, including `event_selectors` and
 * `advanced_event_selectors`.
 */
import type { ObjectBuilder } from '../builder.js';
import { isUnknown, UNKNOWN } from '../../model/model.js';
import { copyProp, copyProps, copyTags, toBool, toStr, toStringList, where, type CfnContext, type ResourceAdapter } from './context.js';
import { intrinsicOf, NO_VALUE, toModel, UnknownValue } from './intrinsics.js';
import type { CfnNode } from '../../parse/cloudformation/load.js';
import type { Props } from './props.js';

const OPERATORS: [string, string][] = [
  ['Equals', 'equals'],
  ['NotEquals', 'not_equals'],
  ['StartsWith', 'starts_with'],
  ['NotStartsWith', 'not_starts_with'],
  ['EndsWith', 'ends_with'],
  ['NotEndsWith', 'not_ends_with'],
];

/**
 * A list of ARNs. An element computed from a bucket of the same template (`!Sub "${B.Arn}/"`,
 * `!GetAtt B.Arn`) becomes `arn:aws:s3:::<bucket's model name>/`: the selector covers that bucket.
 */
function copyValues(ctx: CfnContext, b: ObjectBuilder, path: (string | number)[], p: Props, key: string): void {
  const v = p.get(key);
  if (v === undefined) {
    b.set(path, []);
    return;
  }
  const list = toStringList(v);
  if (!Array.isArray(list)) {
    b.set(path, UNKNOWN, where(p, key));
    return;
  }
  const items = Array.isArray(v) ? p.sub(key) : undefined;
  b.set(
    path,
    list.map((x, k) => {
      if (!isUnknown(x)) return toModel(x);
      return bucketArn(ctx, items ? items.node(k) : p.node(key)) ?? UNKNOWN;
    }),
    where(p, key),
  );
}

/**
 * `!GetAtt B.Arn`, `!Sub "${B.Arn}/suffix"` or `!Join ["", [!GetAtt B.Arn, "/suffix"]]` for a
 * bucket B of the template whose model name is known → `arn:aws:s3:::<name>/suffix` (`/` without
 * a suffix, as the Terraform adapter).
 */
function bucketArn(ctx: CfnContext, node: CfnNode | undefined): string | undefined {
  if (!node) return undefined;
  const r = ctx.ev.resolve(node);
  if (r === NO_VALUE || r instanceof UnknownValue) return undefined;
  const fn = intrinsicOf(r);
  let id: string | undefined;
  let suffix = '';
  if (fn?.name === 'Fn::GetAtt') id = ctx.ev.target(r);
  else if (fn?.name === 'Fn::Sub' && fn.arg.kind === 'scalar' && typeof fn.arg.value === 'string') {
    const m = /^\$\{([A-Za-z0-9]+)\.Arn\}(\/[^$]*)?$/.exec(fn.arg.value);
    if (m) [id, suffix] = [m[1], m[2] ?? ''];
  } else if (fn?.name === 'Fn::Join' && fn.arg.kind === 'seq' && fn.arg.items[1]?.kind === 'seq') {
    const sep = fn.arg.items[0];
    const parts = fn.arg.items[1].items;
    if (sep?.kind === 'scalar' && sep.value === '' && parts.length >= 1 && parts.length <= 2) {
      id = ctx.ev.target(parts[0]);
      const rest = parts[1] ? ctx.ev.value(parts[1]) : '';
      if (typeof rest !== 'string' || (rest !== '' && !rest.startsWith('/'))) id = undefined;
      else suffix = rest;
    }
  }
  const bucket = id ? ctx.resources.get(id) : undefined;
  if (bucket?.type !== 'AWS::S3::Bucket' || bucket.props.unknown) return undefined;
  const name = bucket.props.get('BucketName') ?? bucket.logicalId;
  return typeof name === 'string' ? `arn:aws:s3:::${name}${suffix || '/'}` : undefined;
}

const trail: ResourceAdapter = (r, ctx) => {
  const p = r.props;
  const b = ctx.create(r, 'cloudtrail', 'trails');
  copyProp(b, ['name'], p, 'TrailName', r.logicalId);
  // the API's defaults: src/adapt/aws/defaults.ts
  copyProps(b, [], p, {
    is_multi_region_trail: ['IsMultiRegionTrail', undefined, toBool],
    enable_log_file_validation: ['EnableLogFileValidation', undefined, toBool],
    include_global_service_events: ['IncludeGlobalServiceEvents', undefined, toBool],
    is_organization_trail: ['IsOrganizationTrail', undefined, toBool],
    enable_logging: ['IsLogging', true, toBool],
    kms_key_id: ['KMSKeyId'],
    cloud_watch_logs_group_arn: ['CloudWatchLogsLogGroupArn'],
  });
  if (p.unknown) {
    b.set(['event_selectors'], UNKNOWN, where(p));
    b.set(['advanced_event_selectors'], UNKNOWN, where(p));
    copyTags(b, p);
    return;
  }
  const sels = p.list('EventSelectors');
  if (sels !== undefined && !Array.isArray(sels)) b.set(['event_selectors'], UNKNOWN, where(p, 'EventSelectors'));
  else
    (sels ?? []).forEach((sel, i) => {
      b.set(['event_selectors', i], sel.unknown ? UNKNOWN : {}, where(sel));
      if (sel.unknown) return;
      copyProp(b, ['event_selectors', i, 'read_write_type'], sel, 'ReadWriteType', 'All');
      copyProp(b, ['event_selectors', i, 'include_management_events'], sel, 'IncludeManagementEvents', true, toBool);
      b.set(['event_selectors', i, 'data_resources'], []);
      const drs = sel.list('DataResources');
      if (drs !== undefined && !Array.isArray(drs)) b.set(['event_selectors', i, 'data_resources'], UNKNOWN, where(sel, 'DataResources'));
      else
        (drs ?? []).forEach((dr, j) => {
          const path = ['event_selectors', i, 'data_resources', j];
          b.set(path, dr.unknown ? UNKNOWN : {}, where(dr));
          if (dr.unknown) return;
          copyProp(b, [...path, 'type'], dr, 'Type');
          copyValues(ctx, b, [...path, 'values'], dr, 'Values');
        });
    });
  const adv = p.list('AdvancedEventSelectors');
  if (adv !== undefined && !Array.isArray(adv)) b.set(['advanced_event_selectors'], UNKNOWN, where(p, 'AdvancedEventSelectors'));
  else
    (adv ?? []).forEach((sel, i) => {
      b.set(['advanced_event_selectors', i], sel.unknown ? UNKNOWN : {}, where(sel));
      if (sel.unknown) return;
      copyProp(b, ['advanced_event_selectors', i, 'name'], sel, 'Name', undefined, toStr);
      b.set(['advanced_event_selectors', i, 'field_selectors'], []);
      const fss = sel.list('FieldSelectors');
      if (fss !== undefined && !Array.isArray(fss)) b.set(['advanced_event_selectors', i, 'field_selectors'], UNKNOWN, where(sel, 'FieldSelectors'));
      else
        (fss ?? []).forEach((fs, j) => {
          const path = ['advanced_event_selectors', i, 'field_selectors', j];
          b.set(path, fs.unknown ? UNKNOWN : {}, where(fs));
          if (fs.unknown) return;
          copyProp(b, [...path, 'field'], fs, 'Field');
          for (const [key, op] of OPERATORS) if (fs.has(key)) copyValues(ctx, b, [...path, op], fs, key);
        });
    });
  copyTags(b, p);
};

export const primary: Record<string, ResourceAdapter> = { 'AWS::CloudTrail::Trail': trail };
export const folds: Record<string, ResourceAdapter> = {};
