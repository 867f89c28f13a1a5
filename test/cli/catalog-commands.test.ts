/** `palisade rules …` and `palisade frameworks …` from the user's side. */
import { describe, expect, it } from 'vitest';
import { palisade } from '../helpers/cli.js';

describe('palisade rules', () => {
  it('list --format json counts rules by provider and category', () => {
    const r = palisade(['rules', 'list', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { count: number; byProvider: Record<string, number>; byCategory: Record<string, number>; rules: { id: string }[] };
    expect(doc.count).toBe(doc.rules.length);
    expect(doc.byProvider.aws + doc.byProvider.kubernetes).toBe(doc.count);
    expect(Object.keys(doc.byCategory).length).toBe(11);
  });

  it('list --category filters, and an unknown category is a usage error', () => {
    const r = palisade(['rules', 'list', '--category', 'network']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/AWS-EC2-001/);
    expect(r.stdout).not.toMatch(/AWS-S3-001 /);
    expect(palisade(['rules', 'list', '--category', 'nope']).code).toBe(2);
  });

  it('show prints the documentation page', () => {
    const r = palisade(['rules', 'show', 'aws-s3-001']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# AWS-S3-001: /);
    expect(r.stdout).toMatch(/## Why it matters/);
    expect(r.stdout).toMatch(/## How to fix/);
    expect(r.stdout).toMatch(/## Compliance controls/);
  });
});

describe('palisade frameworks', () => {
  it('list shows every framework with evaluated / not evaluated / manual counts', () => {
    const r = palisade(['frameworks', 'list', '--format', 'json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { id: string; controls: number; evaluated: number; 'not-evaluated': number; manual: number }[];
    expect(rows.map((x) => x.id).sort()).toEqual(['cis-aws', 'cis-k8s', 'gdpr', 'hipaa', 'nsa-k8s', 'soc2']);
    for (const x of rows) expect(x.evaluated + x['not-evaluated'] + x.manual).toBe(x.controls);
  });

  it('show lists uncovered controls as not evaluated, never as passing', () => {
    const r = palisade(['frameworks', 'show', 'hipaa', '--format', 'json']);
    const doc = JSON.parse(r.stdout) as { controls: { id: string; coverage: string; rules: string[] }[] };
    for (const c of doc.controls) {
      if (c.rules.length) expect(c.coverage).toBe('evaluated');
      else expect(['not-evaluated', 'manual']).toContain(c.coverage);
    }
    expect(doc.controls.find((c) => c.id === '164.312(a)(2)(iv)')?.coverage).toBe('evaluated');
    expect(palisade(['frameworks', 'show', 'iso27001']).code).toBe(2);
  });
});
