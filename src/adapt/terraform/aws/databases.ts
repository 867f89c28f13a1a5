/**
 * Aurora and Multi-AZ DB clusters (aws.rds.clusters[]), ElastiCache (aws.elasticache.*),
 * Redshift (aws.redshift.clusters[]) and OpenSearch / Elasticsearch (aws.opensearch.domains[]).
 * Defaults are the APIs' (src/adapt/aws/defaults.ts, shared with CloudFormation) and, where it
 * documents its own, the provider's (docs/model/aws-databases.md).
 * Secrets (auth tokens, master passwords) are never copied: only whether they are set.
 */
import type { ObjectBuilder } from '../../builder.js';
import { isUnknown, UNKNOWN } from '../../../model/model.js';
import type { TerraformResource } from '../resource.js';
import { attrWhere, type AttrView, type BodyView } from '../view.js';
import { copyAttr, copyAttrs, copyTags, toStringList, type ResourceAdapter, type TfAwsContext } from './context.js';
import { applyParameterGroup, unexpandedCount } from './rds.js';

// ---------------------------------------------------------------- RDS clusters

const CLUSTER = ['aws_rds_cluster'];

const cluster: ResourceAdapter = (r, ctx) => {
  const v = r.view;
  const b = ctx.create(r, 'rds', 'clusters');
  copyAttr(b, ['cluster_identifier'], v, 'cluster_identifier', r.name);
  const mode = v.attr('engine_mode')?.value ?? 'provisioned';
  copyAttrs(b, [], v, {
    // The provider's default engine is Aurora MySQL ("aurora", MySQL 5.6 compatible in old versions).
    engine: 'aurora',
    engine_version: undefined,
    engine_mode: undefined,
    db_cluster_instance_class: undefined,
    kms_key_id: undefined,
    global_cluster_identifier: undefined,
    backup_retention_period: undefined,
    deletion_protection: undefined,
    skip_final_snapshot: undefined,
    copy_tags_to_snapshot: undefined,
    iam_database_authentication_enabled: undefined,
    backtrack_window: undefined,
  });
  // storage_encrypted defaults to false for provisioned clusters and true for Serverless v1.
  copyAttr(b, ['storage_encrypted'], v, 'storage_encrypted', isUnknown(mode) ? UNKNOWN : mode === 'serverless');
  copyAttr(b, ['availability_zones'], v, 'availability_zones', undefined, toStringList);
  copyAttr(b, ['enabled_cloudwatch_logs_exports'], v, 'enabled_cloudwatch_logs_exports', undefined, toStringList);
  copyTags(b, v);
};

/** aws_rds_cluster_instance: counted on its cluster (`instance_count`), by reference or literal identifier. */
const clusterInstance: ResourceAdapter = (r, ctx) => {
  const target = ctx.target(r, 'cluster_identifier', CLUSTER, 'cluster_identifier');
  const b = target && ctx.builder(target);
  if (!b) return;
  const n = b.get(['instance_count']);
  if (isUnknown(n)) return;
  b.set(['instance_count'], unexpandedCount(r) ? UNKNOWN : (n as number) + 1);
};

/** aws_rds_global_cluster with source_db_cluster_identifier: the source cluster joins it. */
const globalCluster: ResourceAdapter = (r, ctx) => {
  const target = ctx.target(r, 'source_db_cluster_identifier', CLUSTER, 'arn');
  const b = target && ctx.builder(target);
  if (!b) return;
  const id = r.view.attr('global_cluster_identifier')?.value ?? r.name;
  b.set(['global_cluster_identifier'], isUnknown(id) ? UNKNOWN : id);
};

// ---------------------------------------------------------------- ElastiCache

const replicationGroup: ResourceAdapter = (r, ctx) => {
  const v = r.view;
  const b = ctx.create(r, 'elasticache', 'replication_groups');
  const engine = v.attr('engine')?.value ?? 'redis';
  copyAttr(b, ['replication_group_id'], v, 'replication_group_id', r.name);
  copyAttrs(b, [], v, {
    engine: undefined,
    engine_version: undefined,
    node_type: undefined,
    num_cache_clusters: undefined,
    num_node_groups: undefined,
    global_replication_group_id: undefined,
    kms_key_id: undefined,
    automatic_failover_enabled: undefined,
    multi_az_enabled: undefined,
    transit_encryption_enabled: undefined,
    snapshot_retention_limit: undefined,
    auto_minor_version_upgrade: undefined,
  });
  // At-rest encryption defaults to false for Redis OSS and true for Valkey.
  copyAttr(b, ['at_rest_encryption_enabled'], v, 'at_rest_encryption_enabled', isUnknown(engine) ? UNKNOWN : engine === 'valkey');
  // The token itself is a secret and never enters the model: only whether one is set.
  const token = v.attr('auth_token');
  if (token) b.set(['auth_token_set'], true, attrWhere(v, token));
  else if (v.unknown) b.set(['auth_token_set'], UNKNOWN);
  copyAttr(b, ['user_group_ids'], v, 'user_group_ids', undefined, toStringList);
  copyTags(b, v);
};

const cacheCluster: ResourceAdapter = (r, ctx) => {
  const v = r.view;
  const b = ctx.create(r, 'elasticache', 'clusters');
  copyAttr(b, ['cluster_id'], v, 'cluster_id', r.name);
  copyAttrs(b, [], v, {
    engine: undefined,
    engine_version: undefined,
    node_type: undefined,
    num_cache_nodes: undefined,
    replication_group_id: undefined,
    az_mode: undefined,
    transit_encryption_enabled: undefined,
    snapshot_retention_limit: undefined,
    auto_minor_version_upgrade: undefined,
  });
  copyTags(b, v);
};

// ---------------------------------------------------------------- Redshift

const REDSHIFT = ['aws_redshift_cluster'];

function applyRedshiftLogging(b: ObjectBuilder, view: BodyView, enable: unknown, enableAttr?: Pick<AttrView, 'range' | 'file'>): void {
  b.locate(['logging'], view);
  b.set(['logging', 'enable'], view.unknown ? UNKNOWN : enable, enableAttr ? attrWhere(view, enableAttr) : undefined);
  copyAttr(b, ['logging', 'log_destination_type'], view, 'log_destination_type');
  copyAttr(b, ['logging', 'bucket_name'], view, 'bucket_name');
}

const redshiftCluster: ResourceAdapter = (r, ctx) => {
  const v = r.view;
  const b = ctx.create(r, 'redshift', 'clusters');
  copyAttr(b, ['cluster_identifier'], v, 'cluster_identifier', r.name);
  // Provider v6 defaults are the API's (src/adapt/aws/defaults.ts): private and encrypted unless told otherwise.
  copyAttrs(b, [], v, {
    node_type: undefined,
    cluster_type: undefined,
    number_of_nodes: undefined,
    kms_key_id: undefined,
    publicly_accessible: undefined,
    encrypted: undefined,
    enhanced_vpc_routing: undefined,
    automated_snapshot_retention_period: undefined,
    allow_version_upgrade: undefined,
    cluster_parameter_group_name: undefined,
  });
  applyParameterGroup(b, r, ctx, 'cluster_parameter_group_name', 'aws_redshift_parameter_group');
  for (const log of v.blocks('logging')) {
    const en = log.attr('enable');
    applyRedshiftLogging(b, log, en ? (isUnknown(en.value) ? UNKNOWN : en.value) : UNKNOWN, en);
  }
  copyTags(b, v);
};

/** aws_redshift_logging: logging is on for the cluster it names. */
const redshiftLogging: ResourceAdapter = (r, ctx) => {
  const target = ctx.target(r, 'cluster_identifier', REDSHIFT, 'cluster_identifier');
  const b = target && ctx.builder(target);
  if (b) applyRedshiftLogging(b, r.view, true);
};

// ---------------------------------------------------------------- OpenSearch

const DOMAINS = ['aws_opensearch_domain', 'aws_elasticsearch_domain'];

function domain(kind: 'opensearch' | 'elasticsearch'): ResourceAdapter {
  return (r, ctx) => {
    const v = r.view;
    const b = ctx.create(r, 'opensearch', 'domains');
    copyAttr(b, ['domain_name'], v, 'domain_name', r.name);
    if (kind === 'opensearch') {
      // Without engine_version the provider creates the latest OpenSearch version.
      copyAttr(b, ['engine_version'], v, 'engine_version');
    } else {
      copyAttr(b, ['engine_version'], v, 'elasticsearch_version', 'Elasticsearch_1.5', (x) => (typeof x === 'string' ? `Elasticsearch_${x}` : x));
    }
    for (const e of v.blocks('encrypt_at_rest')) {
      b.locate(['encrypt_at_rest'], e);
      copyAttr(b, ['encrypt_at_rest', 'enabled'], e, 'enabled', false);
      copyAttr(b, ['encrypt_at_rest', 'kms_key_id'], e, 'kms_key_id');
    }
    for (const e of v.blocks('node_to_node_encryption')) {
      b.locate(['node_to_node_encryption'], e);
      copyAttr(b, ['node_to_node_encryption', 'enabled'], e, 'enabled', false);
    }
    for (const e of v.blocks('domain_endpoint_options')) {
      b.locate(['domain_endpoint_options'], e);
      copyAttr(b, ['domain_endpoint_options', 'enforce_https'], e, 'enforce_https', true);
      copyAttr(b, ['domain_endpoint_options', 'tls_security_policy'], e, 'tls_security_policy');
    }
    for (const e of v.blocks('vpc_options')) {
      b.set(['vpc_options'], {}, e);
      copyAttr(b, ['vpc_options', 'subnet_ids'], e, 'subnet_ids', [], toStringList);
      copyAttr(b, ['vpc_options', 'security_group_ids'], e, 'security_group_ids', [], toStringList);
    }
    for (const e of v.blocks('cluster_config')) {
      b.locate(['cluster_config'], e);
      copyAttrs(b, ['cluster_config'], e, { instance_type: undefined, instance_count: 1, zone_awareness_enabled: false, dedicated_master_enabled: false, dedicated_master_count: undefined });
      const zoneAware = e.attr('zone_awareness_enabled')?.value;
      const zc = e.blocks('zone_awareness_config')[0];
      if (zc) {
        b.locate(['cluster_config', 'availability_zone_count'], zc);
        copyAttr(b, ['cluster_config', 'availability_zone_count'], zc, 'availability_zone_count', 2);
      } else if (zoneAware === true) b.set(['cluster_config', 'availability_zone_count'], 2);
    }
    for (const e of v.blocks('advanced_security_options')) {
      b.locate(['advanced_security_options'], e);
      copyAttr(b, ['advanced_security_options', 'enabled'], e, 'enabled', false);
      copyAttr(b, ['advanced_security_options', 'internal_user_database_enabled'], e, 'internal_user_database_enabled', false);
    }
    v.blocks('log_publishing_options').forEach((e, i) => {
      b.set(['log_publishing_options', i], {}, e);
      if (e.unknown) {
        b.set(['log_publishing_options', i], UNKNOWN, e);
        return;
      }
      copyAttr(b, ['log_publishing_options', i, 'log_type'], e, 'log_type');
      copyAttr(b, ['log_publishing_options', i, 'enabled'], e, 'enabled', true);
      copyAttr(b, ['log_publishing_options', i, 'cloudwatch_log_group_arn'], e, 'cloudwatch_log_group_arn');
    });
    ctx.copyPolicy(b, ['access_policies'], r, 'access_policies');
    copyTags(b, v);
  };
}

/** aws_opensearch_domain_policy / aws_elasticsearch_domain_policy: the domain's access policy. */
const domainPolicy: ResourceAdapter = (r, ctx) => {
  const target = ctx.target(r, 'domain_name', DOMAINS, 'domain_name');
  const b = target && ctx.builder(target);
  if (b) ctx.copyPolicy(b, ['access_policies'], r, 'access_policies');
};

export const primary: Record<string, ResourceAdapter> = {
  aws_rds_cluster: cluster,
  aws_elasticache_replication_group: replicationGroup,
  aws_elasticache_cluster: cacheCluster,
  aws_redshift_cluster: redshiftCluster,
  aws_opensearch_domain: domain('opensearch'),
  aws_elasticsearch_domain: domain('elasticsearch'),
};

export const folds: Record<string, ResourceAdapter> = {
  aws_rds_cluster_instance: clusterInstance,
  aws_rds_global_cluster: globalCluster,
  aws_redshift_logging: redshiftLogging,
  aws_opensearch_domain_policy: domainPolicy,
  aws_elasticsearch_domain_policy: domainPolicy,
};

export type { TerraformResource, TfAwsContext };
