/**
 * What a model object holds before its source says anything: the AWS API's documented
 * defaults, shared by every adapter (Terraform, plan, CloudFormation) so the same resource
 * gives the same model whatever it was written in. An adapter overrides a default only where
 * its source documents a different one (docs/cloudformation.md lists those).
 */
const DEFAULTS: Record<string, Record<string, unknown>> = {
  's3.buckets': {
    versioning: { enabled: false, mfa_delete: false },
    // SSE-S3 has been applied to every new bucket since January 2023.
    encryption: { enabled: true, algorithm: 'AES256' },
    logging: { enabled: false },
    lifecycle_rules: [],
    object_lock: { enabled: false },
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
};

/** A fresh copy of the defaults of aws.<service>.<collection> (empty when it has none). */
export function modelDefaults(service: string, collection: string): Record<string, unknown> {
  const d = DEFAULTS[`${service}.${collection}`];
  return d ? (structuredClone(d) as Record<string, unknown>) : {};
}
