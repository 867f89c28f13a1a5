/**
 * AWS::RDS::DBInstance → aws.rds.instances[]. Defaults are CloudFormation's documented ones;
 * a value CloudFormation takes from outside the template (a snapshot, a source instance, the
 * VPC's internet gateway) is unknown when the property is absent. An instance with a
 * `DBClusterIdentifier` is a cluster member: like Terraform's aws_rds_cluster_instance it is
 * only counted on its cluster (databases.ts), not listed among the instances.
 * `AWS::RDS::DBParameterGroup` folds into the instances naming it (`parameter_group`).
 */
import type { ObjectBuilder } from '../builder.js';
import { isUnknown, UNKNOWN } from '../../model/model.js';
import { copyProp, copyProps, copyTags, toBool, toNumber, toStr, toStringList, where, type CfnContext, type CfnResource, type ResourceAdapter } from './context.js';

const AURORA = (engine: unknown) => typeof engine === 'string' && engine.startsWith('aurora');

/** `{name: value}` with values as lower-case strings (as the Terraform adapter), or UNKNOWN. */
export function parameterObject(v: unknown): unknown {
  if (v === undefined) return {};
  if (isUnknown(v) || typeof v !== 'object' || v === null || Array.isArray(v)) return UNKNOWN;
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (isUnknown(x) || x === null || typeof x === 'object') return UNKNOWN;
    out[k] = String(x).toLowerCase();
  }
  return out;
}

/**
 * Fills `parameter_group {name, default, parameters}` from property `key` of r (model field `field`): the default
 * group when unset or named `default.*`, the folded group resource (by `!Ref` or literal name)
 * when it is in the template, else parameters unknown.
 */
export function applyParameterGroup(
  b: ObjectBuilder,
  r: CfnResource,
  ctx: CfnContext,
  key: string,
  field: string,
  groupType: string,
  nameProp: string,
  parameters: (g: CfnResource) => unknown,
): void {
  const p = r.props;
  if (p.unknown) {
    b.set(['parameter_group'], UNKNOWN, where(p));
    return;
  }
  const v = p.get(key);
  if (v === undefined) {
    b.set(['parameter_group'], { name: null, default: true, parameters: {} });
    return;
  }
  const at = where(p, key);
  const g = ctx.target(r, key, [groupType], nameProp);
  if (g) {
    const name = g.props.get(nameProp) ?? g.logicalId;
    // `!Ref Group` is the group's name: known when the group names itself
    if (isUnknown(v) && typeof g.props.get(nameProp) === 'string') b.set([field], name, at);
    b.set(['parameter_group'], { name: isUnknown(name) ? UNKNOWN : name, default: false, parameters: g.props.unknown ? UNKNOWN : parameters(g) }, at);
    return;
  }
  if (isUnknown(v) || typeof v !== 'string') {
    b.set(['parameter_group'], UNKNOWN, at);
    return;
  }
  const isDefault = v.startsWith('default.');
  b.set(['parameter_group'], { name: v, default: isDefault, parameters: isDefault ? {} : UNKNOWN }, at);
}

/** `DeletionPolicy: Delete` skips the final snapshot (CloudFormation's default for databases is Snapshot). */
export function skipFinalSnapshot(b: ObjectBuilder, r: CfnResource): void {
  const dp = r.attribute('DeletionPolicy');
  const policy = dp?.value.kind === 'scalar' ? dp.value.value : undefined;
  b.set(['skip_final_snapshot'], dp ? (typeof policy === 'string' ? policy === 'Delete' : UNKNOWN) : false, dp ? { file: r.location.file, range: dp.range } : undefined);
}

const instance: ResourceAdapter = (r, ctx) => {
  const p = r.props;
  if (!p.unknown && p.has('DBClusterIdentifier')) return;
  const b = ctx.create(r, 'rds', 'instances');
  // restored from a snapshot or replicating another instance: encryption comes from there
  const inherits = p.has('DBSnapshotIdentifier') || p.has('SourceDBInstanceIdentifier') || p.has('SourceDBInstanceAutomatedBackupsArn') || p.has('DBClusterSnapshotIdentifier');
  copyProp(b, ['identifier'], p, 'DBInstanceIdentifier', r.logicalId);
  copyProps(b, [], p, {
    engine: ['Engine', undefined, toStr],
    engine_version: ['EngineVersion', undefined, toStr],
    instance_class: ['DBInstanceClass', undefined, toStr],
    iops: ['Iops', undefined, toNumber],
    allocated_storage: ['AllocatedStorage', undefined, toNumber],
    kms_key_id: ['KmsKeyId'],
    ca_cert_identifier: ['CACertificateIdentifier', undefined, toStr],
    performance_insights_kms_key_id: ['PerformanceInsightsKMSKeyId'],
    replicate_source_db: ['SourceDBInstanceIdentifier'],
    // the API's defaults (src/adapt/aws/defaults.ts; "Default: 1" backup retention in the reference)
    multi_az: ['MultiAZ', undefined, toBool],
    backup_retention_period: ['BackupRetentionPeriod', undefined, toNumber],
    storage_encrypted: ['StorageEncrypted', inherits ? UNKNOWN : undefined, toBool],
    // the default depends on the VPC (an internet gateway makes it public): unknown
    publicly_accessible: ['PubliclyAccessible', undefined, toBool],
    auto_minor_version_upgrade: ['AutoMinorVersionUpgrade', undefined, toBool],
    deletion_protection: ['DeletionProtection', undefined, toBool],
    copy_tags_to_snapshot: ['CopyTagsToSnapshot', undefined, toBool],
    monitoring_interval: ['MonitoringInterval', undefined, toNumber],
    performance_insights_enabled: ['EnablePerformanceInsights', undefined, toBool],
    iam_database_authentication_enabled: ['EnableIAMDatabaseAuthentication', undefined, toBool],
  });
  // CreateDBInstance (and the CloudFormation reference): io1 with Iops, otherwise gp3.
  // Aurora instances use cluster storage.
  const engine = p.get('Engine');
  const storageDefault = p.unknown || isUnknown(engine) ? UNKNOWN : AURORA(engine) ? undefined : p.has('Iops') ? 'io1' : 'gp3';
  copyProp(b, ['storage_type'], p, 'StorageType', storageDefault, toStr);
  copyProp(b, ['enabled_cloudwatch_logs_exports'], p, 'EnableCloudwatchLogsExports', undefined, toStringList);
  copyProp(b, ['parameter_group_name'], p, 'DBParameterGroupName');
  if (!AURORA(engine)) applyParameterGroup(b, r, ctx, 'DBParameterGroupName', 'parameter_group_name', 'AWS::RDS::DBParameterGroup', 'DBParameterGroupName', (g) => parameterObject(g.props.get('Parameters')));
  skipFinalSnapshot(b, r);
  copyTags(b, p);
};

export const primary: Record<string, ResourceAdapter> = { 'AWS::RDS::DBInstance': instance };
export const folds: Record<string, ResourceAdapter> = {};
