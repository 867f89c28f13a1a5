/** CloudTrail trails. */
import { copyAttr, copyAttrs, copyTags, toStringList, type ResourceAdapter } from './context.js';

const trail: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'cloudtrail', 'trails');
  copyAttr(b, ['name'], r.view, 'name', r.name);
  copyAttrs(b, [], r.view, {
    is_multi_region_trail: false,
    enable_log_file_validation: false,
    include_global_service_events: true,
    is_organization_trail: false,
    enable_logging: true,
    kms_key_id: undefined,
    cloud_watch_logs_group_arn: undefined,
  });
  copyTags(b, r.view);
};

export const primary: Record<string, ResourceAdapter> = {
  aws_cloudtrail: trail,
};

export const folds: Record<string, ResourceAdapter> = {};
