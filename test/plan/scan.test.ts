/**
 * `palisade scan plan.json`: Terraform plans (terraform show -json) through the same adapters
 * and policies as HCL, located in the .tf sources the plan was made from.
 */
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/scan.js';
import { moduleOfAddress } from '../../src/adapt/terraform-plan/index.js';
import type { Finding, ScanResult } from '../../src/findings/types.js';

const root = path.resolve(__dirname, '../..');
const dir = 'fixtures/terraform-plan';

const brief = (f: Finding) => `${f.ruleId} ${f.resource} ${f.location?.file}:${f.location?.startLine}:${f.location?.startColumn}-${f.location?.endLine}:${f.location?.endColumn} ${f.path}${f.suppressed ? ' (suppressed)' : ''}`;
const lineOf = (file: string, f: Finding) => fs.readFileSync(path.join(root, file), 'utf8').split('\n')[f.location!.startLine - 1];

describe('a plan and its configuration give the same findings', () => {
  it('same rule ids, addresses, files, lines and messages for parity/main.tf and parity/plan.json', async () => {
    const hcl = await scan([`${dir}/parity/main.tf`], { cwd: root });
    const plan = await scan([`${dir}/parity/plan.json`], { cwd: root });
    expect(hcl.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
    expect(plan.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
    expect(plan.findings.map(brief)).toEqual(hcl.findings.map(brief));
    expect(plan.findings.map((f) => f.message)).toEqual(hcl.findings.map((f) => f.message));
    // every rule the fixture was planted for fires (later rules may find more, on both sides alike)
    expect([...new Set(plan.findings.map((f) => f.ruleId))]).toEqual(
      expect.arrayContaining(['AWS-S3-001', 'AWS-S3-002', 'AWS-S3-003', 'AWS-GOV-001', 'AWS-RDS-001', 'AWS-RDS-002', 'AWS-RDS-003', 'AWS-RDS-004', 'AWS-RDS-005', 'AWS-EC2-001', 'AWS-EC2-002', 'AWS-EC2-003', 'AWS-EBS-001', 'AWS-EBS-002']),
    );
    for (const f of plan.findings) {
      expect(f.location?.file).toBe(`${dir}/parity/main.tf`);
      expect(f.source).toBe('terraform-plan');
    }
    // the split versioning resource folded into its bucket: the finding is on its status
    const s3 = plan.findings.find((f) => f.ruleId === 'AWS-S3-001')!;
    expect(lineOf(`${dir}/parity/main.tf`, s3)).toContain('status = "Suspended"');
  });
});

/** The rules the modules and plan-only fixtures were written to exercise. */
const PLANTED = ['AWS-S3-001', 'AWS-S3-002', 'AWS-S3-003', 'AWS-GOV-001', 'AWS-RDS-002', 'AWS-RDS-005', 'AWS-EC2-001'];

describe('plan with modules, count and for_each (fixtures/terraform-plan/modules)', () => {
  let result: ScanResult;
  let got: string[];
  beforeAll(async () => {
    result = await scan([`${dir}/modules/plan.json`], { cwd: root, rules: PLANTED });
    got = result.findings.map((f) => `${f.ruleId} ${f.resource} ${f.location?.file}:${f.location?.startLine}${f.suppressed ? ' suppressed' : ''}`);
  });

  it('reads without errors', () => {
    expect(result.diagnostics.filter((d) => d.level !== 'note')).toEqual([]);
  });

  it('reports exactly the expected findings, at their .tf lines', () => {
    expect(got.sort()).toEqual(
      [
        `AWS-S3-003 aws_s3_bucket.logs ${dir}/modules/main.tf:43 suppressed`,
        `AWS-GOV-001 aws_s3_bucket.assets[0] ${dir}/modules/main.tf:78`,
        `AWS-GOV-001 aws_s3_bucket.assets[1] ${dir}/modules/main.tf:78`,
        `AWS-S3-002 aws_s3_bucket.assets[0] ${dir}/modules/main.tf:78`,
        `AWS-S3-002 aws_s3_bucket.assets[1] ${dir}/modules/main.tf:78`,
        `AWS-S3-001 aws_s3_bucket.assets[1] ${dir}/modules/main.tf:88`,
        `AWS-RDS-005 module.db.aws_db_instance.main[0] ${dir}/modules/modules/db/main.tf:32`,
        `AWS-EC2-001 module.db.module.network.aws_security_group.this ${dir}/modules/modules/network/main.tf:18`,
      ].sort(),
    );
  });

  it('gives nested module resources their plan address, module chain and module folder', () => {
    const rds = result.findings.find((f) => f.ruleId === 'AWS-RDS-005')!;
    expect(rds.module).toBe('module.db');
    expect(lineOf(rds.location!.file, rds)).toContain('auto_minor_version_upgrade = false');
    const sg = result.findings.find((f) => f.ruleId === 'AWS-EC2-001')!;
    expect(sg.module).toBe('module.db.module.network');
    // the open rule is the for_each instance ["ssh"]; the finding points at the rule resource
    expect(sg.message).toContain('0.0.0.0/0');
    expect(sg.message).toContain('22');
    expect(lineOf(sg.location!.file, sg)).toContain('resource "aws_security_group_rule" "ingress"');
  });

  it('folds split S3 resources into their bucket through the configuration references (bucket ids unknown)', () => {
    // logs: versioning, encryption and public access block come from split resources whose `bucket` is unknown
    for (const rule of ['AWS-S3-001', 'AWS-S3-002']) expect(got.filter((g) => g.startsWith(`${rule} aws_s3_bucket.logs `))).toEqual([]);
    // count: each versioning/logging instance folds into the bucket instance with the same index
    expect(got.filter((g) => g.startsWith('AWS-S3-001'))).toEqual([`AWS-S3-001 aws_s3_bucket.assets[1] ${dir}/modules/main.tf:88`]);
    expect(got.filter((g) => g.startsWith('AWS-S3-003 aws_s3_bucket.assets'))).toEqual([]);
  });

  it('does not flag values known only after apply', () => {
    // aws_db_instance.analytics: backup_retention_period = random_integer.retention.result
    expect(result.findings.filter((f) => f.resource === 'aws_db_instance.analytics')).toEqual([]);
  });

  it('does not report resources being deleted', () => {
    expect(result.findings.filter((f) => f.resource.includes('old_exports'))).toEqual([]);
  });

  it('applies inline suppressions written in the .tf files', () => {
    const s = result.findings.find((f) => f.suppressed)!;
    expect(s.suppressed).toEqual({ kind: 'inline', reason: "this bucket receives the other buckets' access logs; logging it into itself would loop" });
  });
});

describe('without the configuration', () => {
  it('points into the plan JSON itself', async () => {
    const file = `${dir}/plan-only/plan.json`;
    const result = await scan([file], { cwd: root, rules: PLANTED });
    expect(result.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
    expect(result.findings).toHaveLength(8);
    for (const f of result.findings) expect(f.location?.file).toBe(file);
    const at = (rule: string) => lineOf(file, result.findings.find((f) => f.ruleId === rule)!).trim();
    expect(at('AWS-S3-001')).toBe('"status": "Suspended"');
    expect(at('AWS-RDS-005')).toBe('"auto_minor_version_upgrade": false,');
    // a finding on a missing field points at the resource's object in planned_values
    const gov = result.findings.find((f) => f.ruleId === 'AWS-GOV-001' && f.resource === 'aws_s3_bucket.assets[0]')!;
    expect(lineOf(file, gov).trim()).toBe('{');
    expect(lineOf(file, { ...gov, location: { ...gov.location!, startLine: gov.location!.startLine + 1 } }).trim()).toBe('"address": "aws_s3_bucket.assets[0]",');
    // no .tf comments, no suppression
    expect(result.findings.filter((f) => f.suppressed)).toEqual([]);
  });

  it('finds it again with plan.sourceDir', async () => {
    const result = await scan([`${dir}/plan-only/plan.json`], { cwd: root, unit: { plan: { sourceDir: `${dir}/modules` } } });
    const files = new Set(result.findings.map((f) => f.location?.file));
    expect(files).toEqual(new Set([`${dir}/modules/main.tf`, `${dir}/modules/modules/db/main.tf`, `${dir}/modules/modules/network/main.tf`]));
    expect(result.findings.filter((f) => f.suppressed)).toHaveLength(1);
  });
});

describe('malformed plans', () => {
  it('give an error diagnostic with file and line, and the scan goes on', async () => {
    const result = await scan([`${dir}/malformed/plan.json`, `${dir}/parity/plan.json`], { cwd: root });
    const errors = result.diagnostics.filter((d) => d.level === 'error');
    expect(errors).toEqual([
      { level: 'error', code: 'plan-json-syntax', message: "unexpected '\"': expected ',' or '}' in an object", file: `${dir}/malformed/plan.json`, line: 16, column: 13 },
    ]);
    expect(result.findings.length).toBeGreaterThan(10);
  });

  it('reject a format major version they do not know', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-plan-'));
    try {
      fs.writeFileSync(path.join(tmp, 'plan.json'), fs.readFileSync(path.join(root, dir, 'parity/plan.json'), 'utf8').replace('"format_version": "1.2"', '"format_version": "2.0"'));
      const result = await scan(['plan.json'], { cwd: tmp });
      expect(result.diagnostics).toEqual([expect.objectContaining({ level: 'error', code: 'plan-unsupported-version', file: 'plan.json', line: 2 })]);
      expect(result.findings).toEqual([]);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('more plan shapes', () => {
  it('reads a plan without planned_values from resource_changes (same findings)', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-plan-'));
    try {
      fs.copyFileSync(path.join(root, dir, 'parity/main.tf'), path.join(tmp, 'main.tf'));
      const plan = JSON.parse(fs.readFileSync(path.join(root, dir, 'parity/plan.json'), 'utf8'));
      delete plan.planned_values;
      fs.writeFileSync(path.join(tmp, 'plan.json'), JSON.stringify(plan));
      const fromChanges = await scan(['plan.json'], { cwd: tmp });
      const fromHcl = await scan(['main.tf'], { cwd: tmp });
      expect(fromChanges.findings.map(brief)).toEqual(fromHcl.findings.map(brief));
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('finds registry modules through .terraform/modules/modules.json', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-plan-'));
    try {
      fs.cpSync(path.join(root, dir, 'modules'), tmp, { recursive: true });
      // module "db" from a registry, installed by terraform init under .terraform/modules/db
      fs.cpSync(path.join(tmp, 'modules/db'), path.join(tmp, '.terraform/modules/db'), { recursive: true });
      fs.cpSync(path.join(tmp, 'modules/network'), path.join(tmp, '.terraform/modules/network'), { recursive: true });
      fs.rmSync(path.join(tmp, 'modules'), { recursive: true });
      const planText = fs.readFileSync(path.join(tmp, 'plan.json'), 'utf8').replace('"source": "./modules/db"', '"source": "app.terraform.io/acme/db/aws"');
      fs.writeFileSync(path.join(tmp, 'plan.json'), planText);
      fs.writeFileSync(
        path.join(tmp, '.terraform/modules/modules.json'),
        JSON.stringify({ Modules: [{ Key: '', Source: '', Dir: '.' }, { Key: 'db', Source: 'app.terraform.io/acme/db/aws', Version: '1.4.0', Dir: '.terraform/modules/db' }, { Key: 'db.network', Source: '../network', Dir: '.terraform/modules/network' }] }),
      );
      const result = await scan(['plan.json'], { cwd: tmp });
      const rds = result.findings.find((f) => f.ruleId === 'AWS-RDS-005')!;
      expect(rds.location).toMatchObject({ file: '.terraform/modules/db/main.tf', startLine: 32 });
      const sg = result.findings.find((f) => f.ruleId === 'AWS-EC2-001')!;
      expect(sg.location).toMatchObject({ file: '.terraform/modules/network/main.tf', startLine: 18 });
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('takes the module chain from addresses with any instance keys', () => {
    expect(moduleOfAddress('aws_s3_bucket.b')).toEqual({ calls: [], module: '' });
    expect(moduleOfAddress('module.db.aws_db_instance.main[0]')).toEqual({ calls: ['db'], module: 'module.db' });
    expect(moduleOfAddress('module.a["x.y]\\"z"].module.b[3].data.aws_vpc.v')).toEqual({ calls: ['a', 'b'], module: 'module.a["x.y]\\"z"].module.b[3]' });
  });
});

describe('override files beside the plan (fixtures/terraform-plan/override)', () => {
  it('locates what an override file set in that file, like the HCL scan; its suppressions apply', async () => {
    const d = `${dir}/override`;
    const rules = ['AWS-RDS-001', 'AWS-RDS-004', 'AWS-EC2-001'];
    const hcl = await scan([`${d}/main.tf`, `${d}/override.tf`], { cwd: root, rules });
    const plan = await scan([`${d}/plan.json`], { cwd: root, rules });
    expect(plan.diagnostics.filter((x) => x.level !== 'note')).toEqual([]);
    expect(plan.findings.map(brief)).toEqual(hcl.findings.map(brief));
    expect(plan.findings.map((f) => `${f.ruleId} ${f.location?.file}:${f.location?.startLine}${f.suppressed ? ' (suppressed)' : ''}`).sort()).toEqual([
      `AWS-EC2-001 ${d}/override.tf:8`,
      `AWS-RDS-001 ${d}/override.tf:4 (suppressed)`,
      `AWS-RDS-004 ${d}/override.tf:3`,
    ]);
  });
});
