/**
 * The shared positioned JSON parser against JSON.parse: the same values and the same
 * verdict (valid or not) over a generated corpus of tricky texts, a range for every value
 * and key that really holds it, and errors at the exact line and column.
 */
import { describe, expect, it } from 'vitest';
import { JsonSyntaxError, MAX_JSON_DEPTH, duplicateMembers, parseJsonTree, plainValue, type JsonNode } from '../../../src/parse/json/index.js';
import { parseJsonWithPositions } from '../../../src/adapt/terraform-plan/json.js';
import { LineTable } from '../../../src/parse/hcl/lexer.js';
import { jsonText, mutate, rng } from './corpus.js';

/** Checks every node's offsets: the text there parses (with JSON.parse) to the node's value. */
function checkRanges(text: string, n: JsonNode): number {
  expect(JSON.parse(text.slice(n.start, n.end))).toEqual(plainValue(n));
  let count = 1;
  if (n.kind === 'object') {
    for (const m of n.members) {
      expect(JSON.parse(text.slice(m.keyStart, m.keyEnd))).toBe(m.key);
      count += checkRanges(text, m.value);
    }
  } else if (n.kind === 'array') {
    for (const it of n.items) count += checkRanges(text, it);
  }
  return count;
}

function errorOf(text: string): JsonSyntaxError {
  try {
    parseJsonTree(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) return e;
    throw e;
  }
  throw new Error(`expected a syntax error for ${JSON.stringify(text)}`);
}

describe('values: the same as JSON.parse', () => {
  const r = rng(2026);
  const texts = Array.from({ length: 3000 }, (_, i) => jsonText(r, 1 + (i % 6)));

  it('on a generated corpus of escapes, numbers, nesting and whitespace', () => {
    let nodes = 0;
    for (const text of texts) {
      const expected = JSON.parse(text);
      const tree = parseJsonTree(text);
      // toEqual tells -0 from 0 and Infinity from a string
      expect(plainValue(tree)).toEqual(expected);
      expect(parseJsonWithPositions(text, 'c.json').value).toEqual(expected);
      nodes += checkRanges(text, tree);
    }
    expect(nodes).toBeGreaterThan(8_000);
  });

  it('edge values', () => {
    const cases = ['-0', '1e400', '-1e400', '9007199254740993', '"\\ud83d\\ude00"', '"\\ud800"', '"\\/"', '"\u2028"', '[]', '{}', '""', '{"__proto__": {"x": 1}}', ' \t\r\n1 \t\r\n'];
    for (const c of cases) expect(plainValue(parseJsonTree(c))).toEqual(JSON.parse(c));
    expect(Object.is(plainValue(parseJsonTree('-0')), -0)).toBe(true);
    const proto = plainValue(parseJsonTree('{"__proto__": {"x": 1}}')) as Record<string, unknown>;
    expect(Object.keys(proto)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('a byte order mark is skipped at the start and refused anywhere else', () => {
    const t = parseJsonTree('\uFEFF{"a": 1}');
    expect(t).toMatchObject({ kind: 'object', start: 1, end: 9 });
    expect(errorOf('{"a":\uFEFF 1}').offset).toBe(5);
    expect(errorOf(' \uFEFF{}').offset).toBe(1);
  });
});

describe('validity: an error exactly when JSON.parse fails', () => {
  it('on the corpus with one character removed, replaced or inserted, or cut short', () => {
    const r = rng(7);
    let bad = 0;
    let samePlace = 0;
    for (let i = 0; i < 6000; i++) {
      const text = mutate(r, jsonText(r, 1 + (i % 5)));
      let v8: Error | undefined;
      // a leading byte order mark is accepted on purpose (editors write one); JSON.parse refuses it
      const asV8 = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
      try {
        JSON.parse(asV8);
      } catch (e) {
        v8 = e as Error;
      }
      if (!v8) {
        expect(plainValue(parseJsonTree(text))).toEqual(JSON.parse(asV8));
        continue;
      }
      bad++;
      const e = errorOf(text);
      expect(e.offset).toBeGreaterThanOrEqual(0);
      expect(e.offset).toBeLessThanOrEqual(text.length);
      // V8 points at the same character, except in strings (it reports the end of an
      // unterminated one and the start of one with a bad escape or control character; we
      // report the start, and the bad escape or character itself), numbers, and a
      // misspelt true/false/null (it points inside the word; we point at its start).
      const at = /at position (\d+)/.exec(v8.message);
      const word = 'tfn'.includes(text[e.offset] ?? '') && /expected a JSON value/.test(e.reason);
      if (at && !word && !/string|escape|control/i.test(v8.message) && !/string|escape|control|number/.test(e.reason)) {
        expect({ text, offset: e.offset }).toEqual({ text, offset: Number(at[1]) + text.length - asV8.length });
        samePlace++;
      }
    }
    expect(bad).toBeGreaterThan(3000);
    expect(samePlace).toBeGreaterThan(1000);
  });
});

describe('errors name the line and column', () => {
  it.each([
    ['{\n  "a": 1,\n}', 3, 1, "unexpected '}': expected a property name in double quotes"],
    ['{\n  "a" 1\n}', 2, 7, "unexpected '1': expected ':' after a property name"],
    ['{"a": "unterminated', 1, 7, 'unterminated string'],
    ['{"a": tru}', 1, 7, "unexpected 't': expected a JSON value"],
    ['{"a": 01}', 1, 8, "unexpected '1': expected ',' or '}' in an object"],
    ['{"a": -}', 1, 8, 'invalid number'],
    ['{"a": 1.}', 1, 9, 'invalid number: digits expected after the decimal point'],
    ['{"a": 1e+}', 1, 10, 'invalid number: digits expected in the exponent'],
    ['[1,\r\n  2 3]', 2, 5, "unexpected '3': expected ',' or ']' in an array"],
    ['[\n\t"a\\x"]', 2, 4, 'invalid escape in string'],
    ['["\\u12G4"]', 1, 3, 'invalid \\u escape in string: four hexadecimal digits expected'],
    ['["a\tb"]', 1, 4, 'control character in string (unterminated string?)'],
    ['[1] [2]', 1, 5, "unexpected '[' after the end of the JSON document"],
    ['', 1, 1, 'unexpected end of file: expected a JSON value'],
    ['[1, 2', 1, 6, "unexpected end of file: expected ',' or ']' in an array"],
    ['{"a": 1 /* c */}', 1, 9, "unexpected '/': expected ',' or '}' in an object"],
    ["{'a': 1}", 1, 2, "unexpected ''': expected a property name in double quotes"],
    ['[NaN]', 1, 2, "unexpected 'N': expected a JSON value"],
    ['[\u0001]', 1, 2, "unexpected '\\u0001': expected a JSON value"],
    ['[😀]', 1, 2, "unexpected '😀': expected a JSON value"],
    ['\uFEFF\n  [1,]', 2, 6, "unexpected ']': expected a JSON value"],
  ])('%j fails at %i:%i', (text, line, column, reason) => {
    const e = errorOf(text);
    const p = new LineTable(text).pos(e.offset);
    expect([p.line, p.column, e.reason]).toEqual([line, column, reason]);
  });
});

describe('depth', () => {
  it(`accepts ${MAX_JSON_DEPTH} levels, refuses more without overflowing the stack`, () => {
    const ok = '['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH);
    expect(parseJsonTree(ok).kind).toBe('array');
    for (const n of [MAX_JSON_DEPTH + 1, 100_000, 1_000_000]) {
      const e = errorOf('{"a":'.repeat(n));
      expect(e.reason).toMatch(/^Nesting too deep/);
      expect(e.offset).toBe(5 * MAX_JSON_DEPTH);
    }
  });
});

describe('duplicate keys', () => {
  it('are all kept, in order, with their own ranges', () => {
    const text = '{"a": 1, "b": 2, "a": 3, "a": 4}';
    const t = parseJsonTree(text);
    if (t.kind !== 'object') throw new Error();
    expect(t.members.map((m) => [m.key, text.slice(m.keyStart, m.value.end)])).toEqual([
      ['a', '"a": 1'],
      ['b', '"b": 2'],
      ['a', '"a": 3'],
      ['a', '"a": 4'],
    ]);
    expect(duplicateMembers(t).map((m) => m.keyStart)).toEqual([17, 25]);
    expect(plainValue(t)).toEqual({ a: 4, b: 2 });
    // an escaped key is the same key
    const u = parseJsonTree('{"a": 1, "\\u0061": 2}');
    if (u.kind !== 'object') throw new Error();
    expect(duplicateMembers(u).map((m) => m.key)).toEqual(['a']);
  });
});
