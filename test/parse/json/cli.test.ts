/**
 * JSON inputs from the user's side: a scan reads CloudFormation JSON with findings on the
 * right lines, and broken JSON (hostile nesting) becomes an error naming
 * file, line and column while the rest of the folder is still scanned.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { palisade, repoRoot } from '../../helpers/cli.js';

interface Report {
  findings: { ruleId: string; resource: string; file: string; startLine: number; startColumn: number }[];
  errors: { code: string; message: string; file: string; line: number; column: number }[];
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-json-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('scanning JSON', () => {
  const audit = fs.readFileSync(path.join(repoRoot, 'fixtures/cloudformation/audit-stack.json'), 'utf8');
  fs.writeFileSync(path.join(dir, 'audit-stack.json'), audit);
  fs.writeFileSync(path.join(dir, 'dup.json'), '{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Resources": {\n    "B": {"Type": "AWS::S3::Bucket"},\n    "B": {"Type": "AWS::SQS::Queue"}\n  }\n}\n');
  fs.writeFileSync(path.join(dir, 'deep.tf.json'), '{"locals": {"a": ' + '['.repeat(600) + ']'.repeat(600) + '}}');
  const r = palisade(['scan', '.', '--format', 'json'], { cwd: dir });
  const report = JSON.parse(r.stdout) as Report;

  it('reports broken JSON with file, line and column, and goes on', () => {
    expect(r.code).toBe(1);
    expect(report.errors.filter((e) => e.file !== 'dup.json').map(({ code, message, file, line, column }) => ({ code, message, file, line, column }))).toEqual([
      // two objects, then brackets: the 499th bracket is level 501
      { code: 'hcl-syntax', message: 'Invalid JSON: Nesting too deep: arrays and objects nesting deeper than 500 levels', file: 'deep.tf.json', line: 1, column: 17 + 499 },
    ]);
    // a repeated key is what CloudFormation accepts (the last one wins): a warning, the template scanned
    expect(report.errors.filter((e) => e.file === 'dup.json').map(({ code, message, line, column }) => ({ code, message, line, column }))).toEqual([
      { code: 'cloudformation-template', message: 'duplicate key "B": CloudFormation keeps the last one', line: 5, column: 5 },
    ]);
  });

  it('points CloudFormation JSON findings at the resource in the file', () => {
    const own = report.findings.filter((f) => f.file === 'audit-stack.json');
    expect(own.length).toBeGreaterThan(0);
    const lines = audit.split('\n');
    for (const f of own) {
      // at the resource, or at one of its properties (a key or a list item), below the resource
      const name = f.resource.split('/').pop()!;
      const resourceLine = lines.findIndex((l) => l.trim().startsWith(`"${name}":`)) + 1;
      expect(resourceLine).toBeGreaterThan(0);
      expect(f.startLine).toBeGreaterThanOrEqual(resourceLine);
      expect(lines[f.startLine - 1].slice(f.startColumn - 1)).toMatch(/^("\w+"\s*:|\{)/);
    }
  });
});
