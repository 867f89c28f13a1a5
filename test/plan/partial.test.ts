/**
 * Values a plan leaves wholly unknown but its `.tf` source knows in part
 * (fixtures/terraform-plan/partial): a bucket policy built with jsonencode around an ARN known
 * after apply, an aws_iam_policy_document read at apply time. The plan scan finds what the
 * HCL scan finds, at the same lines; where source and plan disagree, the plan wins; without
 * the source, the scan is what it was.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/scan.js';
import type { Finding, ScanResult } from '../../src/findings/types.js';
import { palisade } from '../helpers/cli.js';

const root = path.resolve(__dirname, '../..');
const dir = 'fixtures/terraform-plan/partial';
const tf = `${dir}/main.tf`;
const SECRETS = ['plan-AUDIT-SECRET-8e41', 'tfvars-AUDIT-SECRET-5d2c'];

const brief = (f: Finding) => `${f.ruleId} ${f.resource} ${f.location?.file}:${f.location?.startLine}:${f.location?.startColumn} ${f.path}`;
const lineOf = (f: Finding) => fs.readFileSync(path.join(root, f.location!.file), 'utf8').split('\n')[f.location!.startLine - 1];

describe('plan values unknown until apply, structure known in the source', () => {
  let hcl: ScanResult;
  let plan: ScanResult;
  beforeAll(async () => {
    hcl = await scan([tf], { cwd: root });
    plan = await scan([`${dir}/plan.json`], { cwd: root });
  });

  it('both scans read without errors or warnings', () => {
    expect(hcl.diagnostics.filter((d) => d.level !== 'note')).toEqual([]);
    expect(plan.diagnostics.filter((d) => d.level !== 'note')).toEqual([]);
  });

  it('(a) a jsonencode bucket policy with an unknown ARN and Principal "*": same rule, line and message', () => {
    const find = (r: ScanResult) => r.findings.find((f) => f.ruleId === 'AWS-S3-008' && f.resource === 'aws_s3_bucket.site');
    const inPlan = find(plan)!;
    expect(inPlan).toBeDefined();
    expect(inPlan.source).toBe('terraform-plan');
    expect(brief(inPlan)).toBe(brief(find(hcl)!));
    expect(inPlan.message).toBe(find(hcl)!.message);
    // the statement, in the jsonencode literal (its `{` opens on the `Statement = [{` line)
    expect(lineOf(inPlan)).toContain('Statement = [{');
    expect(inPlan.location!.startLine).toBe(28);
  });

  it('(a) also when the source knows the whole document (an ARN derived from the bucket name) and the plan does not', () => {
    const find = (r: ScanResult) => r.findings.find((f) => f.ruleId === 'AWS-S3-008' && f.resource === 'aws_s3_bucket.logs');
    const inPlan = find(plan)!;
    expect(inPlan).toBeDefined();
    expect(brief(inPlan)).toBe(brief(find(hcl)!));
    expect(inPlan.message).toBe(find(hcl)!.message);
  });

  it('(a) in each instance of a module\'s for_each, in the module\'s file', () => {
    const found = (r: ScanResult) => r.findings.filter((f) => f.ruleId === 'AWS-S3-008' && f.resource.startsWith('module.sites[')).map(brief).sort();
    expect(found(plan)).toEqual([
      `AWS-S3-008 module.sites["blog"].aws_s3_bucket.this ${dir}/modules/site/main.tf:13:18 policy.Statement.0`,
      `AWS-S3-008 module.sites["docs"].aws_s3_bucket.this ${dir}/modules/site/main.tf:13:18 policy.Statement.0`,
    ]);
    expect(found(plan)).toEqual(found(hcl));
  });

  it('(b) an aws_iam_policy_document read at apply time: same rule, at its statement block', () => {
    const find = (r: ScanResult) => r.findings.find((f) => f.ruleId === 'AWS-S3-008' && f.resource === 'aws_s3_bucket.media');
    const inPlan = find(plan)!;
    expect(inPlan).toBeDefined();
    expect(brief(inPlan)).toBe(brief(find(hcl)!));
    expect(inPlan.message).toBe(find(hcl)!.message);
    expect(lineOf(inPlan)).toContain('statement {');
  });

  it('(c) the plan wins: its variable value over terraform.tfvars, its known values over an edited source', () => {
    // terraform.tfvars makes the reports readable by anyone; the plan was made with an account
    const reports = (r: ScanResult) => r.findings.filter((f) => f.resource === 'aws_s3_bucket.reports' && /^AWS-S3-01[02]$|^AWS-S3-008$/.test(f.ruleId)).map((f) => f.ruleId);
    expect(reports(hcl)).toContain('AWS-S3-008');
    expect(reports(plan)).not.toContain('AWS-S3-008');
    const account = plan.findings.find((f) => f.resource === 'aws_s3_bucket.reports' && f.ruleId === 'AWS-S3-012')!;
    expect(account.message).toContain('111122223333');
    // located like the HCL scan's finding on the same statement
    const same = hcl.findings.find((f) => f.resource === 'aws_s3_bucket.reports' && f.ruleId === 'AWS-S3-008')!;
    expect([account.location!.startLine, account.location!.startColumn, account.path]).toEqual([same.location!.startLine, same.location!.startColumn, same.path]);

    // aws_iam_policy.deploy was renamed after planning: its source is not the planned instance
    expect(hcl.findings.some((f) => f.resource === 'aws_iam_policy.deploy' && f.ruleId === 'AWS-IAM-001')).toBe(true);
    expect(plan.findings.some((f) => f.resource === 'aws_iam_policy.deploy')).toBe(false);
    const notes = plan.diagnostics.filter((d) => d.code === 'plan-source-differs');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ level: 'note', file: `${dir}/plan.json` });
    expect(notes[0].message).toContain('aws_iam_policy.deploy: "name" differs');
  });

  it('a policy the plan marks sensitive stays unknown, though the source knows its structure', () => {
    expect(hcl.findings.some((f) => f.resource === 'aws_iam_policy.audit' && f.ruleId === 'AWS-IAM-001')).toBe(true);
    expect(plan.findings.some((f) => f.resource === 'aws_iam_policy.audit')).toBe(false);
  });

  it('otherwise the same findings: the differences are exactly the ones above', () => {
    const h = new Set(hcl.findings.map(brief));
    const p = new Set(plan.findings.map(brief));
    expect([...h].filter((x) => !p.has(x)).sort()).toEqual(
      [
        `AWS-IAM-001 aws_iam_policy.audit ${tf}:98:18 document.Statement.0`,
        `AWS-IAM-001 aws_iam_policy.deploy ${tf}:87:7 document.Statement.0`,
        `AWS-S3-008 aws_s3_bucket.reports ${tf}:71:18 policy.Statement.0`,
      ].sort(),
    );
    expect([...p].filter((x) => !h.has(x))).toEqual([expect.stringMatching(/^AWS-S3-012 aws_s3_bucket\.reports /)]);
  });
});

describe('the plan scan through the CLI', () => {
  function run(args: string[], cwd = root): { code: number; outputs: Record<string, string>; stdout: string; stderr: string } {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-plan-partial-'));
    try {
      const r = palisade(['scan', ...args, '--format', 'json,sarif,text', '--output-dir', out], { cwd });
      const outputs = Object.fromEntries(fs.readdirSync(out).map((f) => [f, fs.readFileSync(path.join(out, f), 'utf8')]));
      return { code: r.code, outputs, stdout: r.stdout, stderr: r.stderr };
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }
  type Report = { findings: { ruleId: string; resource: string; file: string; startLine: number }[] };

  it('finds the public policies at their .tf lines and prints no secret, in any format', () => {
    const plan = fs.readFileSync(path.join(root, dir, 'plan.json'), 'utf8');
    expect(plan).toContain(SECRETS[0]);
    expect(fs.readFileSync(path.join(root, dir, 'terraform.tfvars'), 'utf8')).toContain(SECRETS[1]);
    const r = run([`${dir}/plan.json`]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.outputs['palisade.json']) as Report;
    const s3008 = report.findings.filter((f) => f.ruleId === 'AWS-S3-008').map((f) => `${f.resource} ${f.file}:${f.startLine}`);
    expect(s3008.sort()).toEqual([
      `aws_s3_bucket.logs ${tf}:120`,
      `aws_s3_bucket.media ${tf}:44`,
      `aws_s3_bucket.site ${tf}:28`,
      `module.sites["blog"].aws_s3_bucket.this ${dir}/modules/site/main.tf:13`,
      `module.sites["docs"].aws_s3_bucket.this ${dir}/modules/site/main.tf:13`,
    ]);
    for (const [name, text] of Object.entries({ ...r.outputs, stdout: r.stdout, stderr: r.stderr })) {
      for (const s of SECRETS) expect(text, `${s} in ${name}`).not.toContain(s);
    }
  });

  it('(d) without the source: as before, the unknown policies are unknown and findings point into the plan', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-plan-alone-'));
    try {
      fs.copyFileSync(path.join(root, dir, 'plan.json'), path.join(tmp, 'plan.json'));
      const r = run(['plan.json'], tmp);
      const report = JSON.parse(r.outputs['palisade.json']) as Report;
      expect(report.findings.length).toBeGreaterThan(0);
      expect(report.findings.every((f) => f.file === 'plan.json')).toBe(true);
      expect(report.findings.filter((f) => /^AWS-(S3-008|S3-012|IAM-001)$/.test(f.ruleId))).toEqual([]);
      // the bucket findings the plan alone supports are still there
      expect(report.findings.filter((f) => f.ruleId === 'AWS-S3-002').map((f) => f.resource).sort()).toEqual(['aws_s3_bucket.logs', 'aws_s3_bucket.media', 'aws_s3_bucket.reports', 'aws_s3_bucket.site', 'module.sites["blog"].aws_s3_bucket.this', 'module.sites["docs"].aws_s3_bucket.this']);
      expect(r.outputs['palisade.txt']).not.toContain('plan-source');
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
