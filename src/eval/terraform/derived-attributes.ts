/**
 * Attributes the provider computes but that follow from configured ones, as the AWS provider
 * documents them: an S3 bucket's `id` is its name and its ARN is `arn:aws:s3:::<name>`; an IAM
 * role's or user's `id` is its name; a log group's `id` is its name. Without them, the common
 * `target_bucket = aws_s3_bucket.logs.id` or `for_each = aws_s3_bucket.logs` + `each.value.id`
 * would be unknown and hide which bucket is configured.
 */
import { isUnknown, UNKNOWN, unknownJson } from '../../model/model.js';
import type { BodyView } from '../../adapt/terraform/view.js';
import { policyDocumentLayout, type Reject } from './iam-policy-document.js';

type Derive = (attrs: Record<string, unknown>) => unknown;

const nameOf =
  (attr: string): Derive =>
  (o) =>
    typeof o[attr] === 'string' ? o[attr] : UNKNOWN;

/**
 * The `id` of a resource that configures one bucket: the bucket, or `bucket,expected_bucket_owner`
 * when that is set (the provider's CreateResourceID). The bucket value is taken as it is, even
 * when it is unknown: an unknown bucket name read from `aws_s3_bucket.b.id` still designates `b`.
 */
const bucketPartId: Derive = (o) => {
  const owner = o.expected_bucket_owner;
  if (owner === undefined || owner === null || owner === '') return o.bucket === undefined ? UNKNOWN : o.bucket;
  return typeof o.bucket === 'string' && typeof owner === 'string' ? `${o.bucket},${owner}` : UNKNOWN;
};

/** Split S3 resources whose `id` is bucketPartId (a policy and a public access block take no owner). */
const BUCKET_PARTS = [
  'aws_s3_bucket_policy',
  'aws_s3_bucket_public_access_block',
  'aws_s3_bucket_versioning',
  'aws_s3_bucket_server_side_encryption_configuration',
  'aws_s3_bucket_logging',
  'aws_s3_bucket_lifecycle_configuration',
  'aws_s3_bucket_ownership_controls',
];

export const DERIVED_ATTRIBUTES: Record<string, Record<string, Derive>> = {
  ...Object.fromEntries(BUCKET_PARTS.map((t) => [t, { id: bucketPartId }])),
  aws_s3_bucket: {
    id: nameOf('bucket'),
    arn: (o) => (typeof o.bucket === 'string' ? `arn:aws:s3:::${o.bucket}` : UNKNOWN),
  },
  aws_iam_role: { id: nameOf('name') },
  aws_iam_user: { id: nameOf('name') },
  aws_cloudwatch_log_group: { id: nameOf('name') },
};

/** True when a value holds the UNKNOWN marker anywhere. */
function hasUnknown(v: unknown): boolean {
  if (isUnknown(v)) return true;
  if (Array.isArray(v)) return v.some(hasUnknown);
  if (v !== null && typeof v === 'object') return Object.values(v).some(hasUnknown);
  return false;
}

/**
 * `data.aws_iam_policy_document` computes its `json` from its configuration alone, locally, as
 * the provider does (iam-policy-document.ts): its statements, merged with the documents of
 * `source_policy_documents` and `override_policy_documents`. A document holding unknown values
 * (an ARN of a resource, a generated statement) is an unknown string whose structure adapters
 * can still read (unknownJson), with UNKNOWN where the configuration cannot be known: a value,
 * a statement, a principal or condition block. A document merged from one whose structure is
 * not known at all is UNKNOWN.
 */
function iamPolicyDocument(view: BodyView, reject?: Reject): Record<string, unknown> {
  const doc = policyDocumentLayout(view, reject)?.document;
  if (!doc) return { json: UNKNOWN, minified_json: UNKNOWN };
  if (hasUnknown(doc)) {
    const partial = unknownJson(doc);
    return { json: partial, minified_json: partial };
  }
  return { json: JSON.stringify(doc, null, 2), minified_json: JSON.stringify(doc) };
}

/** Data sources whose result is a pure function of their configuration (no API call). */
export const COMPUTED_DATA_SOURCES: Record<string, (view: BodyView, reject?: Reject) => Record<string, unknown>> = {
  aws_iam_policy_document: iamPolicyDocument,
};
