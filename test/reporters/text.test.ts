import { describe, expect, it } from 'vitest';
import { textReporter } from '../../reporters/text.js';
import type { Finding } from '../../src/findings/types.js';
import { FINDINGS, sampleResult } from './sample-result.js';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/;
// eslint-disable-next-line no-control-regex
const strip = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

const plain = textReporter.render(sampleResult(), { color: false });
const lines = plain.split('\n');

describe('text reporter', () => {
  it('writes no ANSI codes when color is false', () => {
    expect(plain).not.toMatch(ANSI);
    expect(plain).not.toContain('\u001b');
  });

  it('colours when color is true, with the same text underneath', () => {
    const colored = textReporter.render(sampleResult(), { color: true });
    expect(colored).toMatch(ANSI);
    expect(strip(colored)).toBe(plain);
  });

  it('groups findings by file, sorted by file then line, live resources last', () => {
    const headers = lines.slice(0, lines.indexOf('Suppressed (1):')).filter((l) => l !== '' && !l.startsWith(' ') && !/^(Suppressed|Scan problems|\d+ finding)/.test(l));
    expect(headers).toEqual(['infra/rds.tf', 'infra/s3.tf', 'k8s/web deploy.yaml', '(live resources, no source file)']);
    const s3 = lines.indexOf('infra/s3.tf');
    expect(lines[s3 + 1]).toMatch(/^ {2}CRITICAL +AWS-S3-001 +infra\/s3\.tf:3:3 +module\.web\.aws_s3_bucket\.assets +Bucket aws_s3_bucket\.assets grants public read access\.$/);
    expect(lines[s3 + 2]).toMatch(/^ {2}MEDIUM +AWS-S3-002 +infra\/s3\.tf:20:1 +aws_s3_bucket\.logs +Versioning/);
    const k8s = lines.indexOf('k8s/web deploy.yaml');
    expect(lines[k8s + 1]).toContain('k8s/web deploy.yaml:15:16');
    expect(lines[k8s + 2]).toContain('k8s/web deploy.yaml:17:9');
    const live = lines.indexOf('(live resources, no source file)');
    expect(lines[live + 1]).toMatch(/CRITICAL +AWS-S3-001 +\(live\) +arn:aws:s3:::legacy-exports/);
  });

  it('lists suppressed findings in their own section with the reason, not among findings', () => {
    const start = lines.indexOf('Suppressed (1):');
    expect(start).toBeGreaterThan(lines.indexOf('(live resources, no source file)'));
    expect(lines[start + 1]).toMatch(/MEDIUM +AWS-S3-002 +infra\/s3\.tf:40:1 +aws_s3_bucket\.tmp/);
    expect(lines[start + 2]).toContain('inline: scratch bucket, emptied nightly');
    expect(lines.filter((l) => l.includes('aws_s3_bucket.tmp'))).toHaveLength(1);
    const colored = textReporter.render(sampleResult(), { color: true });
    const supLine = colored.split('\n').find((l) => l.includes('aws_s3_bucket.tmp'))!;
    expect(supLine).toContain('\u001b[2m'); // dimmed
  });

  it('lists diagnostics with file:line:col', () => {
    const start = lines.indexOf('Scan problems (1 error, 1 warning):');
    expect(start).toBeGreaterThan(-1);
    expect(lines[start + 1]).toMatch(/^ {2}error +hcl-syntax +infra\/broken\.tf:7:12 +Missing closing brace/);
    expect(lines[start + 2]).toMatch(/^ {2}warning +module-not-fetched +infra\/main\.tf:1:1 +Module source/);
  });

  it('ends with a summary line with counts', () => {
    expect(plain.endsWith('\n')).toBe(true);
    expect(lines.at(-2)).toBe(
      '6 findings (2 critical, 1 high, 1 medium, 1 low, 1 info) in 9 files, 40 resources · 1 suppressed · 1 error · 1 warning · 0.41s',
    );
    expect(lines[lines.indexOf('Scan problems (1 error, 1 warning):') + 3]).toContain('results may be incomplete');
  });

  it('uses singulars and leaves out empty parts', () => {
    const one = FINDINGS.filter((f) => f.ruleId === 'AWS-RDS-001');
    const r = sampleResult({ findings: one, diagnostics: [] });
    r.summary.filesScanned = 1;
    r.summary.resourcesEvaluated = 1;
    r.summary.durationMs = 1234;
    const out = textReporter.render(r, { color: false });
    expect(out.trimEnd().split('\n').at(-1)).toBe('1 finding (1 high) in 1 file, 1 resource · 1.23s');
    expect(out).not.toContain('Suppressed');
    expect(out).not.toContain('Scan problems');
  });

  it('says clearly when there are no findings', () => {
    const out = textReporter.render(sampleResult({ findings: [], diagnostics: [] }), { color: false });
    expect(out).toContain('No findings.');
    expect(out.trimEnd().split('\n').at(-1)).toBe('0 findings in 9 files, 40 resources · 0.41s');
  });

  it('counts suppressed findings even when nothing else is reported', () => {
    const onlySuppressed = FINDINGS.filter((f) => f.suppressed);
    const out = textReporter.render(sampleResult({ findings: onlySuppressed, diagnostics: [] }), { color: false });
    expect(out).toContain('No findings.');
    expect(out).toContain('Suppressed (1):');
    expect(out).toContain('0 findings in 9 files, 40 resources · 1 suppressed · 0.41s');
  });

  it('neutralises control characters coming from scanned input', () => {
    const evil: Finding = { ...FINDINGS[0], resource: 'aws_s3_bucket.\u001b[31mx', message: 'line1\nline2\u0007' };
    const out = textReporter.render(sampleResult({ findings: [evil], diagnostics: [] }), { color: false });
    expect(out).not.toContain('\u001b');
    expect(out).not.toContain('\u0007');
    expect(out).toContain('line1 line2');
  });
});
