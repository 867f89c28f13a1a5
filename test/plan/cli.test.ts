/**
 * Plans through the built CLI: sensitive values never reach a report, whatever the format,
 * and `--source-dir` says where the configuration is.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { palisade, repoRoot } from '../helpers/cli.js';

const SECRETS = ['orders-db-SECRET-ID-7f3a', 'hunter2-SECRET-PW-9c1e'];

function scanTo(args: string[]): { code: number; outputs: Record<string, string>; stderr: string; stdout: string } {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-plan-cli-'));
  try {
    const r = palisade(['scan', ...args, '--format', 'json,sarif,text', '--output-dir', out]);
    const outputs = Object.fromEntries(fs.readdirSync(out).map((f) => [f, fs.readFileSync(path.join(out, f), 'utf8')]));
    return { code: r.code, outputs, stderr: r.stderr, stdout: r.stdout };
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

describe('palisade scan plan.json', () => {
  it.each([
    ['with its configuration', ['fixtures/terraform-plan/modules/plan.json']],
    ['without it (locations in the plan)', ['fixtures/terraform-plan/plan-only/plan.json']],
    ['with the configuration folder scanned too', ['fixtures/terraform-plan/modules']],
  ])('never prints sensitive values, %s', (_, targets) => {
    // the plan holds them in clear (variables, values): the test means something
    const plan = fs.readFileSync(path.join(repoRoot, 'fixtures/terraform-plan/modules/plan.json'), 'utf8');
    for (const s of SECRETS) expect(plan).toContain(s);

    const r = scanTo(targets);
    expect(r.code).toBe(1);
    expect(Object.keys(r.outputs).sort()).toEqual(['palisade.json', 'palisade.sarif', 'palisade.txt']);
    for (const [name, text] of Object.entries(r.outputs)) {
      for (const s of SECRETS) expect(text, `${s} in ${name}`).not.toContain(s);
    }
    for (const s of SECRETS) {
      expect(r.stdout).not.toContain(s);
      expect(r.stderr).not.toContain(s);
    }
    // the finding on the database with the sensitive identifier is there, its name withheld
    const report = JSON.parse(r.outputs['palisade.json']) as { findings: { ruleId: string; resource: string; message: string }[] };
    const rds = report.findings.find((f) => f.resource === 'module.db.aws_db_instance.main[0]' && f.ruleId === 'AWS-RDS-005')!;
    expect(rds).toBeDefined();
    expect(rds.message).toContain('(unknown)');
  });

  it('--source-dir maps a plan kept elsewhere back to its .tf files', () => {
    const r = scanTo(['fixtures/terraform-plan/plan-only/plan.json', '--source-dir', 'fixtures/terraform-plan/modules']);
    const report = JSON.parse(r.outputs['palisade.json']) as { findings: { ruleId: string; file: string; startLine: number; suppressed?: unknown }[] };
    expect(report.findings.map((f) => f.file).every((f) => f.startsWith('fixtures/terraform-plan/modules/'))).toBe(true);
    expect(report.findings.find((f) => f.ruleId === 'AWS-RDS-005')).toMatchObject({ file: 'fixtures/terraform-plan/modules/modules/db/main.tf', startLine: 32 });
    expect(report.findings.filter((f) => f.suppressed)).toHaveLength(1);
  });
});
