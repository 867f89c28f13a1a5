/**
 * AWS::RDS::DBInstance → aws.rds.instances[]. Defaults are CloudFormation's documented ones;
 * a value CloudFormation takes from outside the template (a snapshot, a source instance, the
 * VPC's internet gateway) is unknown when the property is absent.
 */
import { UNKNOWN } from '../../model/model.js';
import { copyProp, copyProps, copyTags, toBool, toNumber, toStr, toStringList, type ResourceAdapter } from './context.js';

const instance: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'rds', 'instances');
  const p = r.props;
  // restored from a snapshot or replicating another instance: encryption comes from there
  const inherits = p.has('DBSnapshotIdentifier') || p.has('SourceDBInstanceIdentifier') || p.has('SourceDBInstanceAutomatedBackupsArn') || p.has('DBClusterSnapshotIdentifier');
  copyProp(b, ['identifier'], p, 'DBInstanceIdentifier', r.logicalId);
  copyProps(b, [], p, {
    engine: ['Engine', undefined, toStr],
    engine_version: ['EngineVersion', undefined, toStr],
    instance_class: ['DBInstanceClass', undefined, toStr],
    storage_type: ['StorageType', undefined, toStr],
    iops: ['Iops', undefined, toNumber],
    allocated_storage: ['AllocatedStorage', undefined, toNumber],
    kms_key_id: ['KmsKeyId'],
    multi_az: ['MultiAZ', false, toBool],
    // "Default: 1" in the CloudFormation reference
    backup_retention_period: ['BackupRetentionPeriod', 1, toNumber],
    storage_encrypted: ['StorageEncrypted', inherits ? UNKNOWN : false, toBool],
    // CloudFormation's default depends on the VPC (an internet gateway makes it public): unknown
    publicly_accessible: ['PubliclyAccessible', UNKNOWN, toBool],
    auto_minor_version_upgrade: ['AutoMinorVersionUpgrade', true, toBool],
    deletion_protection: ['DeletionProtection', false, toBool],
    monitoring_interval: ['MonitoringInterval', 0, toNumber],
    performance_insights_enabled: ['EnablePerformanceInsights', false, toBool],
    iam_database_authentication_enabled: ['EnableIAMDatabaseAuthentication', false, toBool],
  });
  copyProp(b, ['enabled_cloudwatch_logs_exports'], p, 'EnableCloudwatchLogsExports', [], toStringList);
  // No final snapshot only with `DeletionPolicy: Delete`: CloudFormation snapshots DB instances by default.
  const dp = r.attribute('DeletionPolicy');
  const policy = dp?.value.kind === 'scalar' ? dp.value.value : undefined;
  b.set(['skip_final_snapshot'], dp ? (typeof policy === 'string' ? policy === 'Delete' : UNKNOWN) : false, dp ? { file: r.location.file, range: dp.range } : undefined);
  copyTags(b, p);
};

export const primary: Record<string, ResourceAdapter> = { 'AWS::RDS::DBInstance': instance };
export const folds: Record<string, ResourceAdapter> = {};
