/**
 * Kubernetes manifests written as JSON, from the user's side: a scan finds what it finds in
 * the same manifests written as YAML, each finding at the same field of the JSON file, and a
 * broken JSON manifest beside them is an error naming file, line and column while the good
 * ones are still scanned.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { palisade, repoRoot } from '../helpers/cli.js';

interface Report {
  findings: { ruleId: string; resource: string; file: string; startLine: number; startColumn: number }[];
  errors: { code: string; message: string; file: string; line: number; column: number }[];
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-k8s-json-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The first key at or after a finding's start (past `{`, `-`, quotes and whitespace): the field it points at. */
function fieldAt(text: string, line: number, column: number): string {
  const rest = text.split('\n')[line - 1].slice(column - 1) + '\n' + text.split('\n').slice(line).join('\n');
  return /^[\s{\-"]*([A-Za-z0-9_]+)/.exec(rest)?.[1] ?? '';
}

describe('scanning Kubernetes JSON manifests', () => {
  const yamlText = fs.readFileSync(path.join(repoRoot, 'fixtures/rules/K8S-PSS-001/fail.yaml'), 'utf8');
  const objects = parseAllDocuments(yamlText).map((d) => d.toJS() as unknown);
  expect(objects.length).toBeGreaterThan(1);
  const jsonText = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects }, null, 2) + '\n';
  fs.mkdirSync(path.join(dir, 'yaml'));
  fs.mkdirSync(path.join(dir, 'json'));
  fs.writeFileSync(path.join(dir, 'yaml/app.yaml'), yamlText);
  fs.writeFileSync(path.join(dir, 'json/app.json'), jsonText);
  // broken: a trailing comma (the YAML parser took it), then a duplicate key
  fs.writeFileSync(path.join(dir, 'json/broken.json'), '{\n  "apiVersion": "v1",\n  "kind": "Pod",\n  "metadata": {"name": "b",}\n}\n');
  fs.writeFileSync(path.join(dir, 'json/dup.json'), '{\n  "apiVersion": "v1",\n  "kind": "Pod",\n  "metadata": {"name": "a"},\n  "kind": "Pod"\n}\n');
  // two scans: findings about a namespace (no NetworkPolicy, no quota) go to one file of a scan
  const r = palisade(['scan', 'json', '--format', 'json'], { cwd: dir });
  const report = JSON.parse(r.stdout) as Report;
  const yamlReport = JSON.parse(palisade(['scan', 'yaml', '--format', 'json'], { cwd: dir }).stdout) as Report;
  const of = (file: string) => [...report.findings, ...yamlReport.findings].filter((f) => f.file === file);

  it('reports broken JSON manifests with file, line and column, and goes on', () => {
    expect(r.code).toBe(1);
    expect(report.errors.map(({ code, message, file, line, column }) => ({ code, message, file, line, column }))).toEqual([
      { code: 'json-syntax', message: "unexpected '}': expected a property name in double quotes", file: 'json/broken.json', line: 4, column: 28 },
      { code: 'json-syntax', message: 'duplicate key "kind": keys of an object must be unique', file: 'json/dup.json', line: 5, column: 3 },
    ]);
    expect(of('json/app.json').length).toBeGreaterThan(10);
  });

  it('finds in the JSON manifest what it finds in the YAML one, at the same fields', () => {
    const key = (f: Report['findings'][number]) => `${f.ruleId} ${f.resource}`;
    const fromYaml = of('yaml/app.yaml').map((f) => `${key(f)} ${fieldAt(yamlText, f.startLine, f.startColumn)}`).sort();
    const fromJson = of('json/app.json').map((f) => `${key(f)} ${fieldAt(jsonText, f.startLine, f.startColumn)}`).sort();
    expect(fromJson).toEqual(fromYaml);
  });

  it('points the fixture’s expected K8S-PSS-001 finding at its line of the JSON file', () => {
    const lines = jsonText.split('\n');
    const runAsRoot = lines.findIndex((l) => l.trim() === '"runAsNonRoot": false') + 1;
    expect(runAsRoot).toBeGreaterThan(0);
    const f = of('json/app.json').find((x) => x.ruleId === 'K8S-PSS-001' && x.resource.includes('checkout'));
    expect(f).toMatchObject({ startLine: runAsRoot, startColumn: lines[runAsRoot - 1].indexOf('"') + 1 });
  });
});
