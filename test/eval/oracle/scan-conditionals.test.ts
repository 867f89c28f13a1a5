/**
 * From the user's side: `palisade scan` of a configuration whose conditionals Terraform types
 * (fixtures/terraform-oracle/scan). A conditional choosing between two buckets must attach the
 * versioning and lifecycle resources to the chosen bucket, with no evaluation warning.
 */
import { describe, expect, it } from 'vitest';
import { palisade } from '../../helpers/cli.js';

interface Report {
  findings: { ruleId: string; resource: string }[];
  errors: { level: string; message: string }[];
}

describe('palisade scan: conditional result types', () => {
  it('follows a conditional between resource instances to the chosen bucket', () => {
    const r = palisade(['scan', 'fixtures/terraform-oracle/scan', '--format', 'json']);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.errors).toEqual([]);
    const rules = (resource: string) => report.findings.filter((f) => f.resource === resource).map((f) => f.ruleId).sort();
    // var.use_archive = false: the data bucket is versioned and has the lifecycle rule
    expect(rules('aws_s3_bucket.data')).not.toContain('AWS-S3-001');
    expect(rules('aws_s3_bucket.data')).not.toContain('AWS-S3-007');
    expect(rules('aws_s3_bucket.archive')).toEqual(expect.arrayContaining(['AWS-S3-001', 'AWS-S3-007']));
  });
});
