/**
 * Rules that only fire when configured (required tags, allowed regions, allowed
 * classifications): their `fail.configured.tf` fixtures, scanned with the configuration they
 * need, yield exactly the findings their `# expect:` markers say; their `pass` fixtures yield
 * none under the same configuration. The generic fixture test scans without configuration and
 * skips `.configured.` files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/scan.js';
import { expectedLines } from '../helpers/expectations.js';

const repoRoot = path.resolve(__dirname, '../..');

const cases: { rule: string; config: Record<string, unknown> }[] = [
  { rule: 'AWS-COST-001', config: { required_tags: ['team', 'cost-center'] } },
  { rule: 'AWS-GOV-002', config: { allowed_regions: ['eu-west-1', 'eu-central-1'] } },
  { rule: 'AWS-GOV-003', config: { allowed_regions: ['eu-west-1', 'eu-central-1'] } },
  { rule: 'AWS-GOV-004', config: { allowed_classifications: ['public', 'internal', 'confidential', 'restricted'] } },
  { rule: 'AWS-RDS-019', config: { max_backup_retention_days: 14 } },
  { rule: 'K8S-RES-006', config: { max_container_memory: '16Gi', max_container_cpu: '8' } },
];

function fixtures(rule: string, prefix: string): string[] {
  const dir = path.join(repoRoot, 'fixtures/rules', rule);
  return fs.readdirSync(dir).filter((f) => f.startsWith(prefix)).map((f) => path.join('fixtures/rules', rule, f));
}

describe.each(cases)('configured rule $rule', ({ rule, config }) => {
  it('has a configured failing fixture', () => {
    expect(fixtures(rule, 'fail').filter((f) => f.includes('.configured.'))).not.toEqual([]);
  });

  it.each(fixtures(rule, 'fail').filter((f) => f.includes('.configured.')))('%s: findings on exactly the expected lines', async (rel) => {
    const want = expectedLines(path.join(repoRoot, rel), rule).get(rule) ?? [];
    expect(want.length, `${rel} has no '# expect: ${rule}' marker`).toBeGreaterThan(0);
    const result = await scan([rel], { cwd: repoRoot, rules: [rule], config });
    expect(result.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
    expect(result.findings.map((x) => x.location?.startLine).sort((a, b) => a! - b!)).toEqual([...want].sort((a, b) => a - b));
    for (const x of result.findings) expect(x.location?.file).toBe(rel);
  });

  it('stays silent without its configuration', async () => {
    const result = await scan(fixtures(rule, 'fail'), { cwd: repoRoot, rules: [rule] });
    expect(result.findings).toEqual([]);
  });

  it.each(fixtures(rule, 'pass'))('%s: no findings with the configuration', async (rel) => {
    const result = await scan([rel], { cwd: repoRoot, rules: [rule], config });
    expect(result.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
    expect(result.findings).toEqual([]);
  });
});

describe('configured rule messages', () => {
  it('list the missing tags and never show values of other tags', async () => {
    const result = await scan(['fixtures/rules/AWS-COST-001/fail.configured.tf'], { cwd: repoRoot, rules: ['AWS-COST-001'], config: { required_tags: ['team', 'cost-center'] } });
    expect(result.findings.map((f) => f.message).sort()).toEqual([
      'aws_ebs_volume.scratch is missing the required cost allocation tags: team, cost-center.',
      'aws_iam_policy.managed is missing the required cost allocation tags: team, cost-center.',
      'web is missing the required cost allocation tags: cost-center.',
    ]);
  });

  it('name the region and the allowed ones', async () => {
    const result = await scan(['fixtures/rules/AWS-GOV-002/fail.configured.tf'], { cwd: repoRoot, rules: ['AWS-GOV-002'], config: { allowed_regions: ['eu-west-1', 'eu-central-1'] } });
    expect(result.findings.map((f) => f.message)).toContain('S3 bucket acme-analytics-us is in us-east-1, outside the allowed regions (eu-west-1, eu-central-1).');
  });
});
