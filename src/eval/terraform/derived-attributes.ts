/**
 * Attributes the provider computes but that follow from configured ones, as the AWS provider
 * documents them: an S3 bucket's `id` is its name and its ARN is `arn:aws:s3:::<name>`; an IAM
 * role's or user's `id` is its name; a log group's `id` is its name. Without them, the common
 * `target_bucket = aws_s3_bucket.logs.id` or `for_each = aws_s3_bucket.logs` + `each.value.id`
 * would be unknown and hide which bucket is configured.
 */
import { UNKNOWN } from '../../model/model.js';

type Derive = (attrs: Record<string, unknown>) => unknown;

const nameOf =
  (attr: string): Derive =>
  (o) =>
    typeof o[attr] === 'string' ? o[attr] : UNKNOWN;

export const DERIVED_ATTRIBUTES: Record<string, Record<string, Derive>> = {
  aws_s3_bucket: {
    id: nameOf('bucket'),
    arn: (o) => (typeof o.bucket === 'string' ? `arn:aws:s3:::${o.bucket}` : UNKNOWN),
  },
  aws_iam_role: { id: nameOf('name') },
  aws_iam_user: { id: nameOf('name') },
  aws_cloudwatch_log_group: { id: nameOf('name') },
};
