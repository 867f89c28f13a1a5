import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import Ajv04Module from 'ajv-draft-04';
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { buildSarif, buildSarifLog, pascalCase, renderSarif, sarifReporter, SECURITY_SEVERITY } from '../../reporters/sarif.js';
import { manyFindings, sampleResult } from './sample-result.js';

const schema = JSON.parse(readFileSync(new URL('../data/sarif-schema-2.1.0.json', import.meta.url), 'utf8'));
// ajv-draft-04 is CommonJS: `module.exports = Ajv` with `Ajv.default = Ajv`, so `.default` works under both tsc and vitest.
const Ajv04 = Ajv04Module.default;
const ajv = new Ajv04({ strict: false, allErrors: true, validateFormats: false });
const validate = ajv.compile(schema);

const opts = { color: false };

function parse(text: string): Sarif.Log {
  return JSON.parse(text) as Sarif.Log;
}

function expectValid(log: unknown): void {
  const ok = validate(log);
  expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
  expect(ok).toBe(true);
}

describe('sarif reporter', () => {
  const result = sampleResult();
  const text = sarifReporter.render(result, opts);
  const log = parse(text);
  const run = log.runs[0];

  it('validates against the official SARIF 2.1.0 schema', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expectValid(log);
  });

  it('the schema check is effective (rejects a broken log)', () => {
    const broken = structuredClone(log);
    broken.runs[0].results![0].locations![0].physicalLocation!.region!.startLine = 0;
    expect(validate(broken)).toBe(false);
    expect(validate({ ...log, version: '2.0.0' })).toBe(false);
  });

  it('is deterministic and ends with a newline', () => {
    expect(renderSarif(result, opts)).toBe(text);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('describes the tool and every rule that ran', () => {
    const d = run.tool.driver;
    expect(d.name).toBe('palisade');
    expect(d.informationUri).toMatch(/^https:\/\//);
    expect(d.semanticVersion).toBe('0.1.0');
    expect(d.rules!.map((r) => r.id)).toEqual(result.rules.map((r) => r.id));
    const s3 = d.rules!.find((r) => r.id === 'AWS-S3-001')!;
    expect(s3.name).toBe('S3BucketAllowsPublicReadAccess');
    expect(s3.shortDescription!.text).toBe('S3 bucket allows public read access');
    expect(s3.fullDescription!.text).toBe(result.rules[0].rationale);
    expect(s3.help!.text).toContain('Remediation: Enable S3 Block Public Access');
    expect(s3.help!.text).toContain('nist-800-53: AC-3, AC-6');
    expect(s3.help!.markdown).toContain('| nist-800-53 | AC-3, AC-6 |');
    expect(s3.help!.markdown).toContain('https://docs.aws.amazon.com/');
    expect(s3.defaultConfiguration!.level).toBe('error');
    expect(s3.properties!.precision).toBe('high');
    expect(s3.properties!.tags).toEqual(['security', 'access-control', 'cis-aws-3.0/2.1.4', 'nist-800-53/AC-3', 'nist-800-53/AC-6']);
  });

  it('has every GitHub-required field present and non-empty', () => {
    for (const r of run.tool.driver.rules!) {
      expect(r.id).toBeTruthy();
      expect(r.shortDescription!.text.trim()).not.toBe('');
      expect(r.fullDescription!.text.trim()).not.toBe('');
      expect(r.fullDescription!.text.length).toBeLessThanOrEqual(1024);
      expect(r.help!.text.trim()).not.toBe('');
      expect(r.name!.length).toBeGreaterThan(0);
      expect(r.name!.length).toBeLessThanOrEqual(255);
      expect((r.properties!.tags as string[]).length).toBeLessThanOrEqual(20);
    }
    expect(run.results).toHaveLength(result.findings.length);
    for (const res of run.results!) {
      expect(res.ruleId).toBeTruthy();
      expect(run.tool.driver.rules![res.ruleIndex!].id).toBe(res.ruleId);
      expect(res.message.text!.trim()).not.toBe('');
      expect(res.locations!.length).toBeGreaterThan(0);
      expect(res.partialFingerprints!.primaryLocationLineHash).toBeTruthy();
      const phys = res.locations![0].physicalLocation;
      if (phys) {
        expect(phys.artifactLocation!.uri).toBeTruthy();
        expect(phys.artifactLocation!.uri).not.toMatch(/^\/|\\/);
        expect(phys.artifactLocation!.uriBaseId).toBe('%SRCROOT%');
        expect(phys.region!.startLine).toBeGreaterThanOrEqual(1);
      }
    }
    expect(run.originalUriBaseIds!['%SRCROOT%']).toBeDefined();
    expect(text).not.toContain(result.root);
  });

  it('maps severities to levels and GitHub security-severity bands', () => {
    const band = (score: number): string =>
      score > 9.0 ? 'critical' : score >= 7.0 ? 'high' : score >= 4.0 ? 'medium' : score >= 0.1 ? 'low' : 'none';
    for (const rule of result.rules) {
      const d = run.tool.driver.rules!.find((r) => r.id === rule.id)!;
      const score = d.properties!['security-severity'];
      expect(typeof score).toBe('string');
      expect(score).toBe(SECURITY_SEVERITY[rule.severity]);
      expect(band(Number(score))).toBe(rule.severity === 'info' ? 'none' : rule.severity);
    }
    const levelOf = (ruleId: string) => run.results!.find((r) => r.ruleId === ruleId)!.level;
    expect(levelOf('AWS-S3-001')).toBe('error');
    expect(levelOf('AWS-RDS-001')).toBe('error');
    expect(levelOf('AWS-S3-002')).toBe('warning');
    expect(levelOf('K8S-POD-003')).toBe('note');
    expect(levelOf('K8S-POD-009')).toBe('note');
  });

  it('carries locations, fingerprints, properties and related locations', () => {
    const rds = run.results!.find((r) => r.ruleId === 'AWS-RDS-001')!;
    expect(rds.partialFingerprints).toEqual({ primaryLocationLineHash: '1'.padStart(64, '0'), 'palisade/v1': '1'.padStart(64, '0') });
    expect(rds.locations![0].physicalLocation).toEqual({
      artifactLocation: { uri: 'infra/rds.tf', uriBaseId: '%SRCROOT%' },
      region: { startLine: 4, startColumn: 3, endLine: 4, endColumn: 19 },
    });
    expect(rds.locations![0].logicalLocations).toEqual([
      { name: 'aws_db_instance.main', fullyQualifiedName: 'aws_db_instance.main', kind: 'resource' },
    ]);
    expect(rds.relatedLocations).toHaveLength(1);
    expect(rds.relatedLocations![0].physicalLocation!.artifactLocation!.uri).toBe('infra/variables.tf');
    expect(rds.relatedLocations![0].message!.text).toContain('variable');
    expect(rds.properties).toMatchObject({ severity: 'high', category: 'availability', controls: { soc2: ['A1.2'] }, resource: 'aws_db_instance.main' });

    const k8s = run.results!.find((r) => r.ruleId === 'K8S-POD-003')!;
    expect(k8s.locations![0].physicalLocation!.artifactLocation!.uri).toBe('k8s/web%20deploy.yaml');
  });

  it('gives live findings a logical location only', () => {
    const live = run.results!.find((r) => r.properties!.resource === 'arn:aws:s3:::legacy-exports')!;
    expect(live.locations).toEqual([
      { logicalLocations: [{ name: 'arn:aws:s3:::legacy-exports', fullyQualifiedName: 'arn:aws:s3:::legacy-exports', kind: 'resource' }] },
    ]);
  });

  it('marks suppressed findings with a suppression and justification', () => {
    const sup = run.results!.filter((r) => r.suppressions);
    expect(sup).toHaveLength(1);
    expect(sup[0].suppressions).toEqual([
      { kind: 'inSource', status: 'accepted', justification: 'scratch bucket, emptied nightly', properties: { palisadeKind: 'inline' } },
    ]);
  });

  it('reports diagnostics as notifications and fails the invocation on an error', () => {
    const inv = run.invocations![0];
    expect(inv.executionSuccessful).toBe(false);
    expect(inv.startTimeUtc).toBe('2025-01-15T10:20:30.000Z');
    expect(inv.endTimeUtc).toBe('2025-01-15T10:20:30.410Z');
    const notes = inv.toolExecutionNotifications!;
    expect(notes).toHaveLength(2);
    expect(notes[0]).toEqual({
      level: 'error',
      message: { text: 'Missing closing brace for block "resource".' },
      descriptor: { id: 'hcl-syntax' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'infra/broken.tf', uriBaseId: '%SRCROOT%' }, region: { startLine: 7, startColumn: 12 } } }],
    });
    expect(notes[1].level).toBe('warning');
    expect(notes[1].descriptor!.id).toBe('module-not-fetched');
  });

  it('succeeds without error diagnostics; whole-scan diagnostics have no location', () => {
    const ok = buildSarifLog(sampleResult({ diagnostics: [{ level: 'warning', code: 'slow', message: 'Slow scan' }] }), opts);
    const inv = ok.runs[0].invocations![0];
    expect(inv.executionSuccessful).toBe(true);
    expect(inv.toolExecutionNotifications![0].locations).toBeUndefined();
    expectValid(ok);
  });

  it('sets automationDetails.id from the category', () => {
    expect(run.automationDetails!.id).toBe('palisade/');
    const custom = buildSarifLog(result, { color: false, sarifCategory: 'iac-prod' });
    expect(custom.runs[0].automationDetails!.id).toBe('iac-prod/');
  });

  it('adds a descriptor for a finding whose rule is not in the catalog', () => {
    const r = sampleResult({ rules: [] });
    const l = buildSarifLog(r, opts);
    const ids = l.runs[0].tool.driver.rules!.map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const res of l.runs[0].results!) expect(ids[res.ruleIndex!]).toBe(res.ruleId);
    expectValid(l);
  });

  it('valid with no findings and no diagnostics', () => {
    const l = buildSarifLog(sampleResult({ findings: [], diagnostics: [] }), opts);
    expect(l.runs[0].results).toEqual([]);
    expect(l.runs[0].invocations![0].executionSuccessful).toBe(true);
    expectValid(l);
  });

  it('caps results at 25,000, keeping the most severe, and says so', () => {
    const findings = manyFindings(25_010);
    const big = sampleResult({ findings, diagnostics: [] });
    const { log: l, gzipBytes } = buildSarif(big, opts);
    const r = l.runs[0];
    expect(r.results).toHaveLength(25_000);
    // 25,010 findings cycle through 5 severities: the 10 dropped are all `info`.
    const infoIn = findings.filter((f) => f.severity === 'info').length;
    expect(r.results!.filter((x) => x.ruleId === 'K8S-POD-009')).toHaveLength(infoIn - 10);
    const note = r.invocations![0].toolExecutionNotifications!.find((n) => n.descriptor!.id === 'palisade/results-truncated')!;
    expect(note.level).toBe('warning');
    expect(note.message.text).toContain('10 results were dropped');
    expect(r.invocations![0].executionSuccessful).toBe(true);
    expect(gzipBytes).toBeLessThan(10 * 1024 * 1024);
    expectValid(l);
  });

  it('shrinks a log over the gzip limit: trims help and related locations, then drops results', () => {
    const big = sampleResult({ findings: manyFindings(3000), diagnostics: [] });
    const full = buildSarif(big, opts);
    const limit = Math.floor(full.gzipBytes * 0.5);
    const small = buildSarif(big, opts, { maxResults: 25_000, maxGzipBytes: limit, maxLocationsPerResult: 1000 });
    expect(small.gzipBytes).toBeLessThanOrEqual(limit);
    expect(gzipSync(small.text).length).toBe(small.gzipBytes);
    expect(gunzipSync(gzipSync(small.text)).toString()).toBe(small.text);
    const r = small.log.runs[0];
    expect(r.tool.driver.rules!.every((x) => x.help!.markdown === undefined && x.help!.text)).toBe(true);
    expect(r.results!.length).toBeLessThan(3000);
    expect(r.results!.length).toBeGreaterThan(0);
    const note = r.invocations![0].toolExecutionNotifications!.find((n) => n.descriptor!.id === 'palisade/log-size-trimmed')!;
    expect(note.message.text).toMatch(/help markdown.*\d+ of the least severe results were dropped/);
    // Critical findings survive longest.
    const kept = r.results!.map((x) => x.ruleId);
    expect(kept.filter((id) => id === 'AWS-S3-001')).toHaveLength(600);
    expectValid(small.log);
  });

  it('PascalCases titles', () => {
    expect(pascalCase('S3 bucket versioning disabled')).toBe('S3BucketVersioningDisabled');
    expect(pascalCase('container: no limits (cpu/memory)')).toBe('ContainerNoLimitsCpuMemory');
  });
});
