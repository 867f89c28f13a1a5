/**
 * RDS clusters (aws.rds.clusters[]), ElastiCache (aws.elasticache.*), Redshift
 * (aws.redshift.clusters[]) and OpenSearch / Elasticsearch (aws.opensearch.domains[]) from
 * CloudFormation, in the model of src/adapt/terraform/aws/databases.ts. Secrets
 * (`MasterUserPassword`, `AuthToken`, `MasterUserOptions`) are never copied: only whether a
 * token is set.
 */
import type { ObjectBuilder } from '../builder.js';
import { isUnknown, UNKNOWN } from '../../model/model.js';
import { normalizePolicyDocument } from '../aws/policy-document.js';
import { copyProp, copyProps, copyTags, toBool, toNumber, toStr, toStringList, where, type CfnResource, type ResourceAdapter } from './context.js';
import { toModel } from './intrinsics.js';
import type { Props } from './props.js';
import { applyParameterGroup, skipFinalSnapshot } from './rds.js';

// ---------------------------------------------------------------- RDS clusters

const CLUSTER = ['AWS::RDS::DBCluster'];

const cluster: ResourceAdapter = (r, ctx) => {
  const p = r.props;
  const b = ctx.create(r, 'rds', 'clusters');
  copyProp(b, ['cluster_identifier'], p, 'DBClusterIdentifier', r.logicalId);
  const mode = p.unknown ? UNKNOWN : (p.get('EngineMode') ?? 'provisioned');
  // restored from a snapshot or cloned: encryption comes from the source
  const inherits = p.has('SnapshotIdentifier') || p.has('SourceDBClusterIdentifier');
  copyProps(b, [], p, {
    engine: ['Engine', 'aurora', toStr],
    engine_version: ['EngineVersion', undefined, toStr],
    engine_mode: ['EngineMode'],
    db_cluster_instance_class: ['DBClusterInstanceClass'],
    kms_key_id: ['KmsKeyId'],
    global_cluster_identifier: ['GlobalClusterIdentifier'],
    backup_retention_period: ['BackupRetentionPeriod', undefined, toNumber],
    deletion_protection: ['DeletionProtection', undefined, toBool],
    copy_tags_to_snapshot: ['CopyTagsToSnapshot', undefined, toBool],
    iam_database_authentication_enabled: ['EnableIAMDatabaseAuthentication', undefined, toBool],
    backtrack_window: ['BacktrackWindow', undefined, toNumber],
  });
  copyProp(b, ['storage_encrypted'], p, 'StorageEncrypted', inherits || isUnknown(mode) ? UNKNOWN : mode === 'serverless', toBool);
  copyProp(b, ['availability_zones'], p, 'AvailabilityZones', undefined, toStringList);
  copyProp(b, ['enabled_cloudwatch_logs_exports'], p, 'EnableCloudwatchLogsExports', undefined, toStringList);
  skipFinalSnapshot(b, r);
  copyTags(b, p);
};

/** AWS::RDS::DBInstance with DBClusterIdentifier: counted on its cluster (`instance_count`). */
const clusterInstance: ResourceAdapter = (r, ctx) => {
  if (r.props.unknown || !r.props.has('DBClusterIdentifier')) return;
  const target = ctx.target(r, 'DBClusterIdentifier', CLUSTER, 'DBClusterIdentifier');
  const b = target && ctx.builder(target.logicalId);
  if (!b) return;
  const n = b.get(['instance_count']);
  if (typeof n === 'number') b.set(['instance_count'], n + 1);
};

/** AWS::RDS::GlobalCluster with SourceDBClusterIdentifier: the source cluster joins it. */
const globalCluster: ResourceAdapter = (r, ctx) => {
  const target = ctx.target(r, 'SourceDBClusterIdentifier', CLUSTER, 'DBClusterIdentifier');
  const b = target && ctx.builder(target.logicalId);
  if (!b) return;
  const id = r.props.get('GlobalClusterIdentifier') ?? r.logicalId;
  b.set(['global_cluster_identifier'], isUnknown(id) ? UNKNOWN : id, where(r.props, 'SourceDBClusterIdentifier'));
};

// ---------------------------------------------------------------- ElastiCache

const replicationGroup: ResourceAdapter = (r, ctx) => {
  const p = r.props;
  const b = ctx.create(r, 'elasticache', 'replication_groups');
  const engine = p.unknown ? UNKNOWN : (p.get('Engine') ?? 'redis');
  copyProp(b, ['replication_group_id'], p, 'ReplicationGroupId', r.logicalId);
  copyProps(b, [], p, {
    engine: ['Engine'],
    engine_version: ['EngineVersion', undefined, toStr],
    node_type: ['CacheNodeType'],
    num_cache_clusters: ['NumCacheClusters', undefined, toNumber],
    num_node_groups: ['NumNodeGroups', undefined, toNumber],
    global_replication_group_id: ['GlobalReplicationGroupId'],
    kms_key_id: ['KmsKeyId'],
    automatic_failover_enabled: ['AutomaticFailoverEnabled', undefined, toBool],
    multi_az_enabled: ['MultiAZEnabled', undefined, toBool],
    transit_encryption_enabled: ['TransitEncryptionEnabled', undefined, toBool],
    snapshot_retention_limit: ['SnapshotRetentionLimit', undefined, toNumber],
    auto_minor_version_upgrade: ['AutoMinorVersionUpgrade', undefined, toBool],
  });
  // At-rest encryption defaults to false for Redis OSS and true for Valkey.
  copyProp(b, ['at_rest_encryption_enabled'], p, 'AtRestEncryptionEnabled', isUnknown(engine) ? UNKNOWN : engine === 'valkey', toBool);
  // The token itself is a secret and never enters the model: only whether one is set.
  if (p.unknown) b.set(['auth_token_set'], UNKNOWN, where(p));
  else if (p.has('AuthToken')) b.set(['auth_token_set'], true, where(p, 'AuthToken'));
  copyProp(b, ['user_group_ids'], p, 'UserGroupIds', undefined, toStringList);
  copyTags(b, p);
};

const cacheCluster: ResourceAdapter = (r, ctx) => {
  const p = r.props;
  const b = ctx.create(r, 'elasticache', 'clusters');
  copyProp(b, ['cluster_id'], p, 'ClusterName', r.logicalId);
  copyProps(b, [], p, {
    engine: ['Engine'],
    engine_version: ['EngineVersion', undefined, toStr],
    node_type: ['CacheNodeType'],
    num_cache_nodes: ['NumCacheNodes', undefined, toNumber],
    az_mode: ['AZMode'],
    transit_encryption_enabled: ['TransitEncryptionEnabled', undefined, toBool],
    snapshot_retention_limit: ['SnapshotRetentionLimit', undefined, toNumber],
    auto_minor_version_upgrade: ['AutoMinorVersionUpgrade', undefined, toBool],
  });
  copyTags(b, p);
};

// ---------------------------------------------------------------- Redshift

/** ClusterParameterGroup `Parameters: [{ParameterName, ParameterValue}]` → `{name: value}` (lower case). */
function redshiftParameters(g: CfnResource): unknown {
  const list = g.props.list('Parameters');
  if (list === undefined) return {};
  if (!Array.isArray(list)) return UNKNOWN;
  const out: Record<string, string> = {};
  for (const it of list) {
    const name = it.get('ParameterName');
    const value = it.get('ParameterValue');
    if (it.unknown || typeof name !== 'string' || value === undefined || isUnknown(value) || typeof value === 'object') return UNKNOWN;
    out[name] = String(value).toLowerCase();
  }
  return out;
}

const redshiftCluster: ResourceAdapter = (r, ctx) => {
  const p = r.props;
  const b = ctx.create(r, 'redshift', 'clusters');
  copyProp(b, ['cluster_identifier'], p, 'ClusterIdentifier', r.logicalId);
  // CreateCluster's defaults (src/adapt/aws/defaults.ts): private and encrypted unless told otherwise
  copyProps(b, [], p, {
    node_type: ['NodeType'],
    cluster_type: ['ClusterType'],
    number_of_nodes: ['NumberOfNodes', undefined, toNumber],
    kms_key_id: ['KmsKeyId'],
    publicly_accessible: ['PubliclyAccessible', undefined, toBool],
    encrypted: ['Encrypted', undefined, toBool],
    enhanced_vpc_routing: ['EnhancedVpcRouting', undefined, toBool],
    automated_snapshot_retention_period: ['AutomatedSnapshotRetentionPeriod', undefined, toNumber],
    allow_version_upgrade: ['AllowVersionUpgrade', undefined, toBool],
    cluster_parameter_group_name: ['ClusterParameterGroupName'],
  });
  applyParameterGroup(b, r, ctx, 'ClusterParameterGroupName', 'cluster_parameter_group_name', 'AWS::Redshift::ClusterParameterGroup', 'ParameterGroupName', redshiftParameters);
  if (p.unknown) b.set(['logging'], UNKNOWN, where(p));
  const log = p.sub('LoggingProperties');
  if (log) {
    // audit logging is on when LoggingProperties is present
    b.set(['logging', 'enable'], log.unknown ? UNKNOWN : true, where(p, 'LoggingProperties'));
    if (!log.unknown) {
      copyProp(b, ['logging', 'log_destination_type'], log, 'LogDestinationType');
      copyProp(b, ['logging', 'bucket_name'], log, 'BucketName');
    }
  }
  copyTags(b, p);
};

// ---------------------------------------------------------------- OpenSearch

function section(b: ObjectBuilder, p: Props, key: string, field: string, fill: (s: Props) => void): void {
  const s = p.sub(key);
  if (!s) return;
  if (s.unknown) {
    b.set([field], UNKNOWN, where(p, key));
    return;
  }
  b.locate([field], where(p, key)!);
  fill(s);
}

function domain(kind: 'opensearch' | 'elasticsearch'): ResourceAdapter {
  return (r, ctx) => {
    const p = r.props;
    const b = ctx.create(r, 'opensearch', 'domains');
    copyProp(b, ['domain_name'], p, 'DomainName', r.logicalId);
    if (kind === 'opensearch') copyProp(b, ['engine_version'], p, 'EngineVersion', undefined, toStr);
    else copyProp(b, ['engine_version'], p, 'ElasticsearchVersion', 'Elasticsearch_1.5', (x) => (typeof x === 'string' || typeof x === 'number' ? `Elasticsearch_${x}` : x));
    if (p.unknown) {
      for (const f of ['encrypt_at_rest', 'node_to_node_encryption', 'domain_endpoint_options', 'cluster_config', 'advanced_security_options', 'log_publishing_options']) b.set([f], UNKNOWN, where(p));
      copyTags(b, p);
      return;
    }
    section(b, p, 'EncryptionAtRestOptions', 'encrypt_at_rest', (s) => {
      copyProp(b, ['encrypt_at_rest', 'enabled'], s, 'Enabled', false, toBool);
      copyProp(b, ['encrypt_at_rest', 'kms_key_id'], s, 'KmsKeyId');
    });
    section(b, p, 'NodeToNodeEncryptionOptions', 'node_to_node_encryption', (s) => copyProp(b, ['node_to_node_encryption', 'enabled'], s, 'Enabled', false, toBool));
    // The API's default inside DomainEndpointOptions too (Terraform's block defaults to true).
    section(b, p, 'DomainEndpointOptions', 'domain_endpoint_options', (s) => {
      copyProp(b, ['domain_endpoint_options', 'enforce_https'], s, 'EnforceHTTPS', false, toBool);
      copyProp(b, ['domain_endpoint_options', 'tls_security_policy'], s, 'TLSSecurityPolicy');
    });
    const vpc = p.sub('VPCOptions');
    if (vpc) {
      b.set(['vpc_options'], vpc.unknown ? UNKNOWN : {}, where(p, 'VPCOptions'));
      if (!vpc.unknown) {
        copyProp(b, ['vpc_options', 'subnet_ids'], vpc, 'SubnetIds', [], toStringList);
        copyProp(b, ['vpc_options', 'security_group_ids'], vpc, 'SecurityGroupIds', [], toStringList);
      }
    }
    section(b, p, kind === 'opensearch' ? 'ClusterConfig' : 'ElasticsearchClusterConfig', 'cluster_config', (s) => {
      copyProps(b, ['cluster_config'], s, {
        instance_type: ['InstanceType'],
        instance_count: ['InstanceCount', 1, toNumber],
        zone_awareness_enabled: ['ZoneAwarenessEnabled', false, toBool],
        dedicated_master_enabled: ['DedicatedMasterEnabled', false, toBool],
        dedicated_master_count: ['DedicatedMasterCount', undefined, toNumber],
      });
      const zc = s.sub('ZoneAwarenessConfig');
      if (zc) copyProp(b, ['cluster_config', 'availability_zone_count'], zc, 'AvailabilityZoneCount', 2, toNumber);
      else if (toBool(s.get('ZoneAwarenessEnabled')) === true) b.set(['cluster_config', 'availability_zone_count'], 2);
    });
    section(b, p, 'AdvancedSecurityOptions', 'advanced_security_options', (s) => {
      copyProp(b, ['advanced_security_options', 'enabled'], s, 'Enabled', false, toBool);
      copyProp(b, ['advanced_security_options', 'internal_user_database_enabled'], s, 'InternalUserDatabaseEnabled', false, toBool);
    });
    // LogPublishingOptions: {LOG_TYPE: {CloudWatchLogsLogGroupArn, Enabled}}
    const logs = p.sub('LogPublishingOptions');
    if (logs) {
      if (logs.unknown || typeof logs.value !== 'object' || logs.value === null) b.set(['log_publishing_options'], UNKNOWN, where(p, 'LogPublishingOptions'));
      else {
        b.locate(['log_publishing_options'], where(p, 'LogPublishingOptions')!);
        Object.keys(logs.value as object).forEach((type, i) => {
          const o = logs.sub(type)!;
          b.set(['log_publishing_options', i], o.unknown ? UNKNOWN : { log_type: type }, where(logs, type));
          if (o.unknown) return;
          // "Enabled: If true, enables the publishing of logs to CloudWatch. Default: false."
          copyProp(b, ['log_publishing_options', i, 'enabled'], o, 'Enabled', false, toBool);
          copyProp(b, ['log_publishing_options', i, 'cloudwatch_log_group_arn'], o, 'CloudWatchLogsLogGroupArn');
        });
      }
    }
    const policy = p.get('AccessPolicies');
    if (policy !== undefined) b.set(['access_policies'], isUnknown(policy) ? UNKNOWN : toModel(normalizePolicyDocument(policy)), where(p, 'AccessPolicies'));
    copyTags(b, p);
  };
}

export const primary: Record<string, ResourceAdapter> = {
  'AWS::RDS::DBCluster': cluster,
  'AWS::ElastiCache::ReplicationGroup': replicationGroup,
  'AWS::ElastiCache::CacheCluster': cacheCluster,
  'AWS::Redshift::Cluster': redshiftCluster,
  'AWS::OpenSearchService::Domain': domain('opensearch'),
  'AWS::Elasticsearch::Domain': domain('elasticsearch'),
};

export const folds: Record<string, ResourceAdapter> = {
  'AWS::RDS::DBInstance': clusterInstance,
  'AWS::RDS::GlobalCluster': globalCluster,
  // read by the instances and clusters that name them (applyParameterGroup)
  'AWS::RDS::DBParameterGroup': () => {},
  'AWS::Redshift::ClusterParameterGroup': () => {},
};
