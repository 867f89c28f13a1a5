/** aws_db_instance → aws.rds.instances[] (defaults are the RDS API's). */
import { copyAttr, copyAttrs, copyTags, toStringList, type ResourceAdapter } from './context.js';

const instance: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'rds', 'instances');
  const v = r.view;
  copyAttr(b, ['identifier'], v, 'identifier', r.name);
  copyAttrs(b, [], v, {
    engine: undefined,
    engine_version: undefined,
    instance_class: undefined,
    storage_type: undefined,
    iops: undefined,
    allocated_storage: undefined,
    kms_key_id: undefined,
    multi_az: false,
    // CreateDBInstance keeps 1 day of automated backups when the period is not given.
    backup_retention_period: 1,
    storage_encrypted: false,
    publicly_accessible: false,
    auto_minor_version_upgrade: true,
    deletion_protection: false,
    skip_final_snapshot: false,
    monitoring_interval: 0,
    performance_insights_enabled: false,
    iam_database_authentication_enabled: false,
  });
  copyAttr(b, ['enabled_cloudwatch_logs_exports'], v, 'enabled_cloudwatch_logs_exports', [], toStringList);
  copyTags(b, v);
};

export const primary: Record<string, ResourceAdapter> = { aws_db_instance: instance };
export const folds: Record<string, ResourceAdapter> = {};
