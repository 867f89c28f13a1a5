/**
 * A realistic ScanResult built by hand, shared by the reporter tests: findings across files and
 * severities, one suppressed, one live finding without a file, one related location, and two
 * diagnostics of which one is an error.
 */
import type { Finding, RuleMeta, ScanResult, Severity } from '../../src/findings/types.js';
import type { Diagnostic } from '../../src/model/diagnostics.js';

export const RULES: RuleMeta[] = [
  {
    id: 'AWS-S3-001',
    title: 'S3 bucket allows public read access',
    severity: 'critical',
    category: 'access-control',
    provider: 'aws',
    resource_types: ['aws_s3_bucket', 'AWS::S3::Bucket'],
    message: 'Bucket {{resource}} grants public read access.',
    rationale: 'Public buckets expose data to anyone on the internet; most data breaches of S3 start here.',
    remediation: 'Enable S3 Block Public Access on the bucket and remove public ACL grants.',
    controls: { 'cis-aws-3.0': ['2.1.4'], 'nist-800-53': ['AC-3', 'AC-6'] },
    fix: { terraform: 'resource "aws_s3_bucket_public_access_block" "this" {\n  block_public_acls = true\n}' },
    references: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html'],
  },
  {
    id: 'AWS-S3-002',
    title: 'S3 bucket versioning disabled',
    severity: 'medium',
    category: 'backup-recovery',
    provider: 'aws',
    resource_types: ['aws_s3_bucket'],
    message: 'Versioning is not enabled on {{resource}}.',
    rationale: 'Without versioning, overwritten or deleted objects cannot be recovered.',
    remediation: 'Add an aws_s3_bucket_versioning resource with status = "Enabled".',
    controls: { 'cis-aws-3.0': ['2.1.3'] },
  },
  {
    id: 'AWS-RDS-001',
    title: 'RDS instance not Multi-AZ',
    severity: 'high',
    category: 'availability',
    provider: 'aws',
    resource_types: ['aws_db_instance'],
    message: 'Instance {{resource}} runs in a single availability zone.',
    rationale: 'A single-AZ database is unavailable during an AZ outage or maintenance.',
    remediation: 'Set multi_az = true. Converting causes a brief failover.',
    controls: { 'soc2': ['A1.2'] },
  },
  {
    id: 'K8S-POD-003',
    title: 'Container without resource limits',
    severity: 'low',
    category: 'resources-scaling',
    provider: 'kubernetes',
    resource_types: ['Deployment', 'StatefulSet'],
    message: 'Container {{container}} has no CPU or memory limits.',
    rationale: 'Unbounded containers can starve neighbours on the node.',
    remediation: 'Set resources.limits.cpu and resources.limits.memory.',
    controls: {},
    tags: ['kubernetes'],
  },
  {
    id: 'K8S-POD-009',
    title: 'Image tag is latest',
    severity: 'info',
    category: 'maintenance',
    provider: 'kubernetes',
    resource_types: ['Deployment'],
    message: 'Image uses the mutable tag latest.',
    rationale: 'Mutable tags make rollouts unreproducible.',
    remediation: 'Pin the image by tag or digest.',
    controls: {},
  },
];

function fp(n: number): string {
  return n.toString(16).padStart(64, '0');
}

export const FINDINGS: Finding[] = [
  {
    ruleId: 'AWS-RDS-001',
    title: 'RDS instance not Multi-AZ',
    severity: 'high',
    category: 'availability',
    message: 'Instance aws_db_instance.main runs in a single availability zone.',
    resource: 'aws_db_instance.main',
    resourceType: 'aws_db_instance',
    source: 'terraform',
    path: 'multi_az',
    location: { file: 'infra/rds.tf', startLine: 4, startColumn: 3, endLine: 4, endColumn: 19 },
    related: [
      { file: 'infra/variables.tf', startLine: 12, startColumn: 1, endLine: 15, endColumn: 2, message: 'Value comes from variable "multi_az"' },
    ],
    fingerprint: fp(1),
    controls: { soc2: ['A1.2'] },
  },
  {
    ruleId: 'AWS-S3-002',
    title: 'S3 bucket versioning disabled',
    severity: 'medium',
    category: 'backup-recovery',
    message: 'Versioning is not enabled on aws_s3_bucket.logs.',
    resource: 'aws_s3_bucket.logs',
    resourceType: 'aws_s3_bucket',
    source: 'terraform',
    path: 'versioning.enabled',
    location: { file: 'infra/s3.tf', startLine: 20, startColumn: 1, endLine: 28, endColumn: 2 },
    fingerprint: fp(2),
    controls: { 'cis-aws-3.0': ['2.1.3'] },
  },
  {
    ruleId: 'AWS-S3-001',
    title: 'S3 bucket allows public read access',
    severity: 'critical',
    category: 'access-control',
    message: 'Bucket aws_s3_bucket.assets grants public read access.',
    resource: 'module.web.aws_s3_bucket.assets',
    resourceType: 'aws_s3_bucket',
    source: 'terraform',
    path: 'acl',
    location: { file: 'infra/s3.tf', startLine: 3, startColumn: 3, endLine: 3, endColumn: 24 },
    fingerprint: fp(3),
    controls: { 'cis-aws-3.0': ['2.1.4'], 'nist-800-53': ['AC-3', 'AC-6'] },
    module: 'module.web',
  },
  {
    ruleId: 'K8S-POD-003',
    title: 'Container without resource limits',
    severity: 'low',
    category: 'resources-scaling',
    message: 'Container app has no CPU or memory limits.',
    resource: 'Deployment/shop/web',
    resourceType: 'Deployment',
    source: 'kubernetes',
    path: 'spec.template.spec.containers.0.resources.limits',
    location: { file: 'k8s/web deploy.yaml', startLine: 17, startColumn: 9, endLine: 21, endColumn: 1 },
    fingerprint: fp(4),
    controls: {},
  },
  {
    ruleId: 'K8S-POD-009',
    title: 'Image tag is latest',
    severity: 'info',
    category: 'maintenance',
    message: 'Image uses the mutable tag latest.',
    resource: 'Deployment/shop/web',
    resourceType: 'Deployment',
    source: 'kubernetes',
    path: 'spec.template.spec.containers.0.image',
    location: { file: 'k8s/web deploy.yaml', startLine: 15, startColumn: 16, endLine: 15, endColumn: 32 },
    fingerprint: fp(5),
    controls: {},
  },
  {
    // Suppressed inline: reported, never dropped.
    ruleId: 'AWS-S3-002',
    title: 'S3 bucket versioning disabled',
    severity: 'medium',
    category: 'backup-recovery',
    message: 'Versioning is not enabled on aws_s3_bucket.tmp.',
    resource: 'aws_s3_bucket.tmp',
    resourceType: 'aws_s3_bucket',
    source: 'terraform',
    path: 'versioning.enabled',
    location: { file: 'infra/s3.tf', startLine: 40, startColumn: 1, endLine: 44, endColumn: 2 },
    fingerprint: fp(6),
    controls: { 'cis-aws-3.0': ['2.1.3'] },
    suppressed: { kind: 'inline', reason: 'scratch bucket, emptied nightly' },
  },
  {
    // Live resource: no file.
    ruleId: 'AWS-S3-001',
    title: 'S3 bucket allows public read access',
    severity: 'critical',
    category: 'access-control',
    message: 'Bucket arn:aws:s3:::legacy-exports grants public read access.',
    resource: 'arn:aws:s3:::legacy-exports',
    resourceType: 'AWS::S3::Bucket',
    source: 'aws-config',
    path: 'publicAccessBlock',
    fingerprint: fp(7),
    controls: { 'cis-aws-3.0': ['2.1.4'], 'nist-800-53': ['AC-3', 'AC-6'] },
  },
];

export function sampleResult(overrides: Partial<ScanResult> = {}): ScanResult {
  const findings = overrides.findings ?? FINDINGS;
  const active = findings.filter((f) => !f.suppressed);
  const bySeverity: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (const f of active) bySeverity[f.severity]++;
  const diagnostics: Diagnostic[] = overrides.diagnostics ?? [
    {
      level: 'error',
      code: 'hcl-syntax',
      message: 'Missing closing brace for block "resource".',
      file: 'infra/broken.tf',
      line: 7,
      column: 12,
    },
    {
      level: 'warning',
      code: 'module-not-fetched',
      message: 'Module source "git::https://example.com/net.git" was not fetched; its resources were skipped.',
      file: 'infra/main.tf',
      line: 1,
      column: 1,
    },
  ];
  return {
    tool: { name: 'palisade', version: '0.1.0', policyBundleHash: 'sha256:abc123' },
    root: '/home/runner/work/shop/shop',
    targets: ['infra', 'k8s', '/home/runner/work/shop/shop/extra'],
    startedAt: '2025-01-15T10:20:30.000Z',
    rules: RULES,
    summary: {
      filesScanned: 9,
      resourcesEvaluated: 40,
      findings: active.length,
      suppressed: findings.length - active.length,
      bySeverity,
      errors: diagnostics.filter((d) => d.level === 'error').length,
      durationMs: 410,
    },
    ...overrides,
    findings,
    diagnostics,
  };
}

/** `n` distinct findings cycling through severities, for limit tests. */
export function manyFindings(n: number): Finding[] {
  const sevs: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
  const rule: Record<Severity, RuleMeta> = Object.fromEntries(
    sevs.map((s) => [s, RULES.find((r) => r.severity === s)!]),
  ) as Record<Severity, RuleMeta>;
  const out: Finding[] = [];
  for (let i = 0; i < n; i++) {
    const severity = sevs[i % sevs.length];
    const r = rule[severity];
    out.push({
      ruleId: r.id,
      title: r.title,
      severity,
      category: r.category,
      message: `Finding ${i}`,
      resource: `aws_s3_bucket.b${i}`,
      resourceType: 'aws_s3_bucket',
      source: 'terraform',
      path: 'x',
      location: { file: `gen/f${i % 100}.tf`, startLine: i + 1, startColumn: 1, endLine: i + 1, endColumn: 10 },
      fingerprint: fp(1000 + i),
      controls: r.controls,
    });
  }
  return out;
}
