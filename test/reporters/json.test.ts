import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { jsonReporter } from '../../reporters/json.js';
import { sampleResult } from './sample-result.js';

const schema = JSON.parse(readFileSync(new URL('../../reporters/json-report.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv({ strict: true, allErrors: true, validateFormats: false });
const validate = ajv.compile(schema);

const opts = { color: false };

function render(r = sampleResult()) {
  return JSON.parse(jsonReporter.render(r, opts));
}

function expectValid(doc: unknown): void {
  const ok = validate(doc);
  expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
  expect(ok).toBe(true);
}

describe('json reporter', () => {
  it('validates against reporters/json-report.schema.json', () => {
    expectValid(render());
    expectValid(render(sampleResult({ findings: [], diagnostics: [] })));
  });

  it('the schema check is effective', () => {
    const doc = render();
    doc.findings[0].severity = 'severe';
    expect(validate(doc)).toBe(false);
    const abs = render();
    abs.findings[0].file = '/etc/passwd';
    expect(validate(abs)).toBe(false);
  });

  it('has a stable shape', () => {
    const doc = render();
    expect(Object.keys(doc)).toEqual(['schemaVersion', 'tool', 'targets', 'startedAt', 'summary', 'findings', 'errors']);
    expect(doc.schemaVersion).toBe('1.0');
    expect(Object.keys(doc.tool)).toEqual(['name', 'version', 'policyBundleHash']);
    expect(Object.keys(doc.summary)).toEqual([
      'filesScanned',
      'resourcesEvaluated',
      'findings',
      'suppressed',
      'bySeverity',
      'errors',
      'durationMs',
    ]);
    const base = [
      'ruleId',
      'title',
      'severity',
      'category',
      'message',
      'resource',
      'resourceType',
      'source',
      'file',
      'startLine',
      'startColumn',
      'endLine',
      'endColumn',
      'fingerprint',
      'controls',
      'path',
      'related',
    ];
    for (const f of doc.findings) {
      const expected = [...base];
      if (f.module !== undefined) expected.splice(expected.indexOf('path'), 0, 'module');
      if (f.suppressed !== undefined) expected.push('suppressed');
      expect(Object.keys(f)).toEqual(expected);
    }
    expect(Object.keys(doc.errors[0])).toEqual(['level', 'code', 'message', 'file', 'line', 'column', 'endLine', 'endColumn']);
  });

  it('sorts findings by file then line, live resources last', () => {
    const doc = render();
    expect(doc.findings.map((f: { file: string | null; startLine: number | null }) => `${f.file}:${f.startLine}`)).toEqual([
      'infra/rds.tf:4',
      'infra/s3.tf:3',
      'infra/s3.tf:20',
      'infra/s3.tf:40',
      'k8s/web deploy.yaml:15',
      'k8s/web deploy.yaml:17',
      'null:null',
    ]);
  });

  it('carries every finding field, suppression, module, related and diagnostics', () => {
    const doc = render();
    const crit = doc.findings.find((f: { resource: string }) => f.resource === 'module.web.aws_s3_bucket.assets');
    expect(crit).toMatchObject({
      ruleId: 'AWS-S3-001',
      severity: 'critical',
      file: 'infra/s3.tf',
      startLine: 3,
      startColumn: 3,
      endLine: 3,
      endColumn: 24,
      module: 'module.web',
      controls: { 'cis-aws-3.0': ['2.1.4'], 'nist-800-53': ['AC-3', 'AC-6'] },
    });
    const sup = doc.findings.filter((f: { suppressed?: unknown }) => f.suppressed);
    expect(sup).toHaveLength(1);
    expect(sup[0].suppressed).toEqual({ kind: 'inline', reason: 'scratch bucket, emptied nightly' });
    const rds = doc.findings.find((f: { ruleId: string }) => f.ruleId === 'AWS-RDS-001');
    expect(rds.related).toEqual([
      { file: 'infra/variables.tf', startLine: 12, startColumn: 1, endLine: 15, endColumn: 2, message: 'Value comes from variable "multi_az"' },
    ]);
    const live = doc.findings.at(-1);
    expect(live).toMatchObject({ file: null, startLine: null, source: 'aws-config', resource: 'arn:aws:s3:::legacy-exports' });
    expect(doc.errors).toEqual([
      { level: 'error', code: 'hcl-syntax', message: 'Missing closing brace for block "resource".', file: 'infra/broken.tf', line: 7, column: 12, endLine: null, endColumn: null },
      {
        level: 'warning',
        code: 'module-not-fetched',
        message: 'Module source "git::https://example.com/net.git" was not fetched; its resources were skipped.',
        file: 'infra/main.tf',
        line: 1,
        column: 1,
        endLine: null,
        endColumn: null,
      },
    ]);
    expect(doc.summary).toMatchObject({ findings: 6, suppressed: 1, errors: 1, bySeverity: { critical: 2, high: 1, medium: 1, low: 1, info: 1 } });
  });

  it('writes no absolute paths: no root, targets made relative', () => {
    const r = sampleResult();
    const text = jsonReporter.render(r, opts);
    expect(text).not.toContain(r.root);
    const doc = JSON.parse(text);
    expect(doc.root).toBeUndefined();
    expect(doc.targets).toEqual(['infra', 'k8s', 'extra']);
    const paths: string[] = [
      ...doc.targets,
      ...doc.findings.flatMap((f: { file: string | null; related: { file: string | null }[] }) => [f.file, ...f.related.map((x) => x.file)]),
      ...doc.errors.map((e: { file: string | null }) => e.file),
    ].filter((p): p is string => typeof p === 'string');
    for (const p of paths) expect(p).not.toMatch(/^(\/|[A-Za-z]:[\\/]|\\\\)/);
  });

  it('is deterministic and ends with a newline', () => {
    const a = jsonReporter.render(sampleResult(), opts);
    expect(jsonReporter.render(sampleResult(), opts)).toBe(a);
    expect(a.endsWith('\n')).toBe(true);
  });
});
