/**
 * What a model object holds before its source says anything: the AWS API's documented
 * defaults, shared by every adapter (Terraform, plan, CloudFormation) so the same resource
 * gives the same model whatever it was written in. An adapter overrides a default only where
 * its source documents a different one (docs/cloudformation.md lists those). A default the API
 * decides from outside the configuration is UNKNOWN, never a guess.
 */
import { UNKNOWN } from '../../model/model.js';

/** Instance metadata options without a MetadataOptions / metadata_options block: IMDSv1 allowed, one hop. */
const IMDS = { http_endpoint: 'enabled', http_tokens: 'optional', http_put_response_hop_limit: 1 };

const DEFAULTS: Record<string, Record<string, unknown>> = {
  's3.buckets': {
    versioning: { enabled: false, mfa_delete: false },
    // SSE-S3 has been applied to every new bucket since January 2023.
    encryption: { enabled: true, algorithm: 'AES256' },
    logging: { enabled: false },
    lifecycle_rules: [],
    object_lock: { enabled: false },
  },
  'dynamodb.tables': {
    billing_mode: 'PROVISIONED',
    deletion_protection_enabled: false,
    stream_enabled: false,
    table_class: 'STANDARD',
    point_in_time_recovery: { enabled: false },
    // Without SSE settings DynamoDB encrypts with an AWS owned key.
    server_side_encryption: { enabled: false },
    ttl: { enabled: false },
    autoscaling: { read_capacity: false, write_capacity: false },
    replicas: [],
  },
  // Automatic backups are off for file systems created through the API.
  'efs.file_systems': { encrypted: false, performance_mode: 'generalPurpose', throughput_mode: 'bursting', lifecycle_policies: [], backup_policy: { status: 'DISABLED' } },
  'backup.plans': { rules: [], selections: [] },
  // Without a key the vault uses the AWS managed key aws/backup.
  'backup.vaults': { lock: { enabled: false }, force_destroy: false },
  'dlm.lifecycle_policies': { state: 'ENABLED', schedules: [] },
  'sqs.queues': {
    fifo_queue: false,
    // SSE-SQS is on for queues created since October 2022, unless a KMS key is given (adapters)
    sqs_managed_sse_enabled: true,
    message_retention_seconds: 345600,
    visibility_timeout_seconds: 30,
    is_dead_letter_queue: false,
  },
  // Without a KMS key a topic is not encrypted at rest.
  'sns.topics': { fifo_topic: false },
  'kinesis.streams': { encryption_type: 'NONE', retention_period: 24, stream_mode: 'PROVISIONED' },
  'kinesis.firehose_streams': { server_side_encryption: { enabled: false } },
  // DeleteSecret's default recovery window; without a key the secret uses aws/secretsmanager.
  'secretsmanager.secrets': { recovery_window_in_days: 30, rotation: { enabled: false } },
  'ecr.repositories': {
    image_tag_mutability: 'MUTABLE',
    image_scanning_configuration: { scan_on_push: false },
    encryption_configuration: { encryption_type: 'AES256' },
    lifecycle_policy: false,
  },
  'rds.instances': {
    multi_az: false,
    // CreateDBInstance keeps 1 day of automated backups when the period is not given.
    backup_retention_period: 1,
    storage_encrypted: false,
    // CreateDBInstance decides from the subnet group's VPC (an internet gateway makes it public):
    // not known statically. The Terraform provider documents false.
    publicly_accessible: UNKNOWN,
    auto_minor_version_upgrade: true,
    deletion_protection: false,
    skip_final_snapshot: false,
    copy_tags_to_snapshot: false,
    monitoring_interval: 0,
    performance_insights_enabled: false,
    iam_database_authentication_enabled: false,
    enabled_cloudwatch_logs_exports: [],
  },
  'rds.clusters': {
    engine_mode: 'provisioned',
    backup_retention_period: 1,
    deletion_protection: false,
    skip_final_snapshot: false,
    copy_tags_to_snapshot: false,
    iam_database_authentication_enabled: false,
    backtrack_window: 0,
    availability_zones: [],
    enabled_cloudwatch_logs_exports: [],
    instance_count: 0,
  },
  'elasticache.replication_groups': {
    engine: 'redis',
    automatic_failover_enabled: false,
    multi_az_enabled: false,
    transit_encryption_enabled: false,
    snapshot_retention_limit: 0,
    auto_minor_version_upgrade: true,
    user_group_ids: [],
    auth_token_set: false,
  },
  'elasticache.clusters': { az_mode: 'single-az', transit_encryption_enabled: false, snapshot_retention_limit: 0, auto_minor_version_upgrade: true },
  'redshift.clusters': {
    number_of_nodes: 1,
    // CreateCluster: private and encrypted unless told otherwise (since January 2025)
    publicly_accessible: false,
    encrypted: true,
    enhanced_vpc_routing: false,
    automated_snapshot_retention_period: 1,
    allow_version_upgrade: true,
    logging: { enable: false },
  },
  'cloudtrail.trails': {
    is_multi_region_trail: false,
    enable_log_file_validation: false,
    include_global_service_events: true,
    is_organization_trail: false,
    event_selectors: [],
    advanced_event_selectors: [],
  },
  'guardduty.detectors': { finding_publishing_frequency: 'SIX_HOURS', features: {} },
  'securityhub.accounts': { enable_default_standards: true, auto_enable_controls: true, control_finding_generator: 'SECURITY_CONTROL', standards_arns: [] },
  // All supported regional resource types, global types not included.
  'config.recorders': { recording_group: { all_supported: true, include_global_resource_types: false, resource_types: [] } },
  // 0: events never expire.
  'cloudwatch.log_groups': { retention_in_days: 0, log_group_class: 'STANDARD', skip_destroy: false },
  'cloudwatch.metric_alarms': { actions_enabled: true, alarm_actions: [], ok_actions: [], insufficient_data_actions: [], dimensions: {} },
  'accessanalyzer.analyzers': { type: 'ACCOUNT' },
  // CreateKey: a symmetric encryption key (KeySpec SYMMETRIC_DEFAULT, KeyUsage ENCRYPT_DECRYPT),
  // single-Region, enabled, no automatic rotation, the lockout safety check on; ScheduleKeyDeletion
  // waits 30 days unless told otherwise. The Terraform provider documents the same defaults.
  'kms.keys': {
    key_usage: 'ENCRYPT_DECRYPT',
    customer_master_key_spec: 'SYMMETRIC_DEFAULT',
    enable_key_rotation: false,
    deletion_window_in_days: 30,
    multi_region: false,
    is_enabled: true,
    bypass_policy_lockout_safety_check: false,
  },
  'opensearch.domains': {
    encrypt_at_rest: { enabled: false },
    node_to_node_encryption: { enabled: false },
    // Without endpoint options the API does not require HTTPS.
    domain_endpoint_options: { enforce_https: false },
    cluster_config: { instance_count: 1, zone_awareness_enabled: false, dedicated_master_enabled: false },
    advanced_security_options: { enabled: false },
    log_publishing_options: [],
  },
  'elb.load_balancers': {
    load_balancer_type: 'application',
    internal: false,
    drop_invalid_header_fields: false,
    enable_deletion_protection: false,
    // access_logs.s3.enabled is false unless set, whether or not a bucket is named
    access_logs: { enabled: false },
    subnets: [],
    subnet_mappings: [],
    listeners: [],
  },
  'elb.classic_load_balancers': {
    internal: false,
    // the API's (and CloudFormation's) default; the Terraform provider's is true
    cross_zone_load_balancing: false,
    connection_draining: false,
    connection_draining_timeout: 300,
    listeners: [],
    access_logs: { enabled: false },
  },
  'ec2.security_groups': { is_default: false, ingress: [], egress: [] },
  'ec2.vpcs': { is_default: false, flow_logs: [], endpoints: [], nat_gateways: [] },
  // only a VPC's default subnets map public IPs
  'ec2.subnets': { map_public_ip_on_launch: false },
  'ec2.network_acls': { is_default: false, ingress: [], egress: [] },
  // the EKS API's defaults when the VPC configuration leaves them out; no control plane logs
  'eks.clusters': {
    vpc_config: { endpoint_public_access: true, endpoint_private_access: false, public_access_cidrs: ['0.0.0.0/0'] },
    enabled_cluster_log_types: [],
    encryption_config: [],
  },
  'waf.web_acls': { rules: [], logging: { enabled: false } },
  // TLS_1_0 is the API's default security policy
  'apigateway.domain_names': { security_policy: 'TLS_1_0' },
  // API Gateway stages come in two kinds (KINDS, `api_type`). A REST stage (CreateStage): no X-Ray
  // tracing, no cache cluster; method settings fold in (element defaults below).
  'apigateway.stages:rest': { xray_tracing_enabled: false, cache_cluster_enabled: false, method_settings: [] },
  // An HTTP or WebSocket stage: no access logs and no default route throttling unless set, so
  // those fields stay absent; nothing to default.
  'apigateway.stages:v2': {},
  'ec2.instances': { monitoring: false, ebs_block_devices: [], metadata_options: IMDS },
  'ec2.launch_templates': { block_device_mappings: [], metadata_options: IMDS },
  // CreateVolume's default type; not encrypted unless asked (or made from an encrypted snapshot)
  'ec2.volumes': { type: 'gp2', encrypted: false },
  'autoscaling.groups': {
    health_check_type: 'EC2',
    capacity_rebalance: false,
    availability_zones: [],
    vpc_zone_identifier: [],
    target_group_arns: [],
    load_balancers: [],
    scaling_policies: [],
  },
  // -1: no reserved concurrency; without a tracing configuration X-Ray tracing is PassThrough
  'lambda.functions': { package_type: 'Zip', reserved_concurrent_executions: -1, tracing_config: { mode: 'PassThrough' }, permissions: [] },
  // Lambda layer versions: no compatible runtimes listed, not shared (permissions fold in)
  'lambda.layer_versions': { compatible_runtimes: [], permissions: [] },
  // CreateEventSourceMapping: enabled on creation, no event filter; without a DestinationConfig
  // there is no on-failure destination (`on_failure_destination` absent). Stream sources add
  // the `lambda.event_source_mappings.stream` element defaults below.
  'lambda.event_source_mappings': { enabled: true, filter_criteria_set: false },
  // ECS's default network mode on Linux container instances
  'ecs.task_definitions': { network_mode: 'bridge', requires_compatibilities: [] },
  'ecs.services': { scheduling_strategy: 'REPLICA' },
  // CreateStateMachine: a STANDARD workflow; without a logging configuration the level is OFF
  // (nothing is logged); X-Ray tracing off; encrypted with an AWS owned key.
  'stepfunctions.state_machines': {
    type: 'STANDARD',
    logging_configuration: { level: 'OFF', include_execution_data: false },
    tracing_configuration: { enabled: false },
    encryption_configuration: { type: 'AWS_OWNED_KEY' },
  },
  'cloudfront.distributions': {
    origins: [],
    ordered_cache_behaviors: [],
    logging: { enabled: false },
    // "To disable geo restriction, remove the Restrictions property" (CloudFormation reference)
    restrictions: { geo_restriction: { restriction_type: 'none', locations: [] } },
    // Without a viewer certificate CloudFront serves its *.cloudfront.net certificate.
    viewer_certificate: { cloudfront_default_certificate: true, minimum_protocol_version: 'TLSv1' },
  },
};

/**
 * Defaults of what a model object holds inside it once its source declares it (an element of a
 * list, a nested block), keyed `<service>.<collection>.<element>`.
 */
const ELEMENT_DEFAULTS: Record<string, Record<string, unknown>> = {
  // A security group rule (`ingress[]`, `egress[]`; inline or a standalone rule resource) names
  // no peer unless its source does.
  'ec2.security_groups.rules': { cidr_blocks: [], ipv6_cidr_blocks: [], security_groups: [], self: false },
  // An Auto Scaling group's launch template (`launch_template`): "The default value is $Default".
  'autoscaling.groups.launch_template': { version: '$Default' },
  // A metadata options block (of an instance or a launch template) that leaves an option out.
  'ec2.instances.metadata_options': IMDS,
  // An event source mapping reading a stream (Kinesis, DynamoDB Streams, Amazon MSK, self-managed
  // Kafka) that leaves its error handling out: -1 = retried until the record expires, any age;
  // a failing batch is not split.
  'lambda.event_source_mappings.stream': { maximum_retry_attempts: -1, maximum_record_age_in_seconds: -1, bisect_batch_on_function_error: false },
  // A REST stage's method settings (`method_settings[]`) that leave an option out: no metrics, no
  // execution logs, no caching; -1 = no throttling limit of their own (the stage's and the
  // account's apply), as the Terraform provider writes "not set".
  'apigateway.stages.method_settings': {
    metrics_enabled: false,
    logging_level: 'OFF',
    caching_enabled: false,
    cache_data_encrypted: false,
    throttling_burst_limit: -1,
    throttling_rate_limit: -1,
  },
};

/**
 * Collections whose objects come in kinds with different fields, and the model field naming an
 * object's kind (which the adapter passes in `base`). A kind's defaults are keyed
 * `<service>.<collection>:<kind>` and go on top of the collection's own, if it has any.
 */
const KINDS: Record<string, string> = {
  // REST (`rest`) and HTTP/WebSocket (`v2`) stages
  'apigateway.stages': 'api_type',
};

/**
 * A fresh copy of the defaults of aws.<service>.<collection> (empty when it has none). `base` is
 * what the adapter creates the object with: for a collection of several kinds (KINDS) it names
 * the kind, whose defaults are added.
 */
export function modelDefaults(service: string, collection: string, base: Record<string, unknown> = {}): Record<string, unknown> {
  const key = `${service}.${collection}`;
  const d = { ...(DEFAULTS[key] ?? {}) };
  const field = KINDS[key];
  if (field !== undefined) {
    const kind = base[field];
    const k = typeof kind === 'string' ? DEFAULTS[`${key}:${kind}`] : undefined;
    if (!k) throw new Error(`aws.${key} objects are created with a known \`${field}\` (got ${JSON.stringify(kind)})`);
    Object.assign(d, k);
  }
  return structuredClone(d) as Record<string, unknown>;
}

/** A fresh copy of the defaults of an element (ELEMENT_DEFAULTS) of aws.<service>.<collection> objects. */
export function elementDefaults(service: string, collection: string, element: string): Record<string, unknown> {
  const d = ELEMENT_DEFAULTS[`${service}.${collection}.${element}`];
  if (!d) throw new Error(`no element defaults for ${service}.${collection}.${element}`);
  return structuredClone(d) as Record<string, unknown>;
}
