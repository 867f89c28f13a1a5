/**
 * The positional JSON parser plans are read with: same values as JSON.parse, exact ranges,
 * errors with line and column, and fast enough for plans of tens of megabytes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SourceError } from '../../src/model/diagnostics.js';
import { parseJsonWithPositions } from '../../src/adapt/terraform-plan/json.js';
import { repeatPlan } from '../../bench/corpus.js';
import { adaptPlan, looksLikePlan } from '../../src/adapt/terraform-plan/index.js';
import { emptyModel, type SourceMapEntry } from '../../src/model/model.js';
import type { Diagnostic } from '../../src/model/diagnostics.js';

const root = path.resolve(__dirname, '../..');
const fixture = (f: string) => fs.readFileSync(path.join(root, 'fixtures/terraform-plan', f), 'utf8');

function errorOf(text: string): SourceError {
  try {
    parseJsonWithPositions(text, 'p.json');
  } catch (e) {
    return e as SourceError;
  }
  throw new Error('expected a syntax error');
}

describe('parseJsonWithPositions', () => {
  it('gives the values JSON.parse gives', () => {
    for (const f of ['parity/plan.json', 'modules/plan.json']) {
      const text = fixture(f);
      expect(parseJsonWithPositions(text, f).value).toEqual(JSON.parse(text));
    }
    const tricky = '\uFEFF {"a": "q\\"uo\\\\te\\u00e9\\n", "b": [1, -2.5e3, 0, true, false, null, {}, []], "c": {"__proto__": 1, "d": "\\u2028"}, "e": ""}';
    expect(JSON.stringify(parseJsonWithPositions(tricky, 't.json').value)).toBe(JSON.stringify(JSON.parse(tricky.slice(1))));
    // a `__proto__` key is data, not a prototype
    const v = parseJsonWithPositions('{"__proto__": {"polluted": true}}', 't.json').value as Record<string, unknown>;
    expect(Object.keys(v)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('knows where objects, members and items are', () => {
    const text = '{\n  "a": {\n    "b": [10, {"c": "x"}],\n    "b": [20]\n  }\n}';
    const doc = parseJsonWithPositions(text, 'p.json');
    const a = (doc.value as { a: { b: unknown[] } }).a;
    expect(doc.rangeOf(a)?.start).toMatchObject({ line: 2, column: 8 });
    expect(doc.rangeOf(a)?.end).toMatchObject({ line: 5, column: 4 });
    // duplicate keys: the last one, as JSON.parse keeps it
    const b = doc.memberRange(a, 'b')!;
    expect(text.slice(b.start.offset, b.end.offset)).toBe('"b": [20]');
    expect(b.start).toMatchObject({ line: 4, column: 5 });
    expect(doc.memberRange(a, 'nope')).toBeUndefined();
    const arr = (JSON.parse(text) as { a: { b: unknown[] } }).a.b;
    expect(doc.itemRange(arr, 0)).toBeUndefined(); // not an array of this document
    const first = parseJsonWithPositions('[10, {"c": "x"}]', 'q.json');
    const r = first.itemRange(first.value as unknown[], 1)!;
    expect(r.start.column).toBe(6);
    expect(r.end.column).toBe(16);
  });

  it.each([
    ['{"a": 1,}', 1, 9, "unexpected '}'"],
    ['{"a": 1\n  "b": 2}', 2, 3, "expected ',' or '}'"],
    ['[1, 2', 1, 6, 'end of file'],
    ['{"a": "line\nbreak"}', 1, 12, 'control character'],
    ['{"a": 01}', 1, 8, "expected ',' or '}'"],
    ['{"a": tru}', 1, 7, 'expected a JSON value'],
    ['{"a": "\\x"}', 1, 8, 'invalid escape'],
    ['{} {}', 1, 4, 'after the end'],
    ['', 1, 1, 'end of file'],
  ])('%j fails at %i:%i', (text, line, column, message) => {
    const e = errorOf(text);
    expect(e).toBeInstanceOf(SourceError);
    expect(e.code).toBe('plan-json-syntax');
    expect([e.line, e.column]).toEqual([line, column]);
    expect(e.detail).toContain(message);
  });

  it('refuses nesting deeper than it can handle, without a stack overflow', () => {
    expect(errorOf('['.repeat(100000)).detail).toContain('nesting deeper');
  });
});

describe('looksLikePlan', () => {
  it('accepts plans, not manifests or state files', () => {
    expect(looksLikePlan(fixture('parity/plan.json'))).toBe(true);
    expect(looksLikePlan(JSON.stringify(JSON.parse(fixture('parity/plan.json'))))).toBe(true);
    expect(looksLikePlan('{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "format_version"}}')).toBe(false);
    expect(looksLikePlan('{"format_version": "1.0", "terraform_version": "1.9.8", "values": {"root_module": {}}}')).toBe(false);
    expect(looksLikePlan('apiVersion: v1\nkind: ConfigMap\n# "format_version" "planned_values"')).toBe(false);
  });
});

/** A plan of about `mb` megabytes on one line, as `terraform show -json` prints it. */
const bigPlan = (mb: number): string => repeatPlan(fixture('parity/plan.json'), mb);

describe('a 20 MB plan', () => {
  it('parses and adapts in seconds', () => {
    const text = bigPlan(20);
    expect(text.length).toBeGreaterThan(20e6);
    let t = performance.now();
    parseJsonWithPositions(text, 'big.json');
    const parseMs = performance.now() - t;
    const model = emptyModel();
    const sourceMap: SourceMapEntry[] = [];
    const diagnostics: Diagnostic[] = [];
    t = performance.now();
    adaptPlan(text, 'big.json', { root, options: {}, model, sourceMap, diagnostics, readText: () => undefined });
    const adaptMs = performance.now() - t;
    console.log(`20 MB plan: parse ${parseMs.toFixed(0)} ms, parse + adapt ${adaptMs.toFixed(0)} ms, ${sourceMap.length} objects`);
    expect(diagnostics).toEqual([]);
    expect(model.aws.s3.buckets.length).toBeGreaterThan(1000);
    // generous bounds: CI machines are slow and shared
    expect(parseMs).toBeLessThan(10_000);
    expect(adaptMs).toBeLessThan(30_000);
  });
});
