// Frozen copy of src/adapt/terraform-plan/json.ts before the shared JSON parser (parse/json): bench/json.ts measures against it.
/**
 * A small JSON parser that remembers where things are: plain JavaScript values (as
 * `JSON.parse` gives them) plus the text span of every object and array, kept in a side
 * table. Member and item ranges are found on demand by re-scanning only the container that
 * is asked about, so the cost of positions is one WeakMap entry per container.
 *
 * Written for `terraform show -json` output, which can be tens of megabytes: one pass,
 * char codes, strings sliced without copying when they hold no escapes.
 */
import { SourceError } from '../../src/model/diagnostics.js';
import type { Pos, Range } from '../../src/model/source.js';
import { LineTable } from '../../src/parse/hcl/lexer.js';

const MAX_DEPTH = 512;

/** Start offsets of containers (their end is found on demand: one skip over the text). */
export type Spans = Map<object, number>;

export class JsonDocument {
  private lines?: LineTable;
  /** Member ranges of the objects asked about: key → [key start, value end]. */
  private readonly members = new WeakMap<object, Map<string, [number, number]>>();

  constructor(
    readonly text: string,
    readonly file: string,
    readonly value: unknown,
    readonly spans: Spans,
  ) {}

  pos(offset: number): Pos {
    return (this.lines ??= new LineTable(this.text)).pos(offset);
  }

  range(start: number, end: number): Range {
    return { start: this.pos(start), end: this.pos(end) };
  }

  /** The range of an object or array of this document, if it is one. */
  rangeOf(container: unknown): Range | undefined {
    if (typeof container !== 'object' || container === null) return undefined;
    const s = this.spans.get(container);
    return s === undefined ? undefined : this.range(s, skipValue(this.text, s));
  }

  /** From the key of `obj[key]` to the end of its value (the last occurrence, as `JSON.parse` keeps). */
  memberRange(obj: object, key: string): Range | undefined {
    if (Array.isArray(obj)) return undefined;
    let members = this.members.get(obj);
    if (!members) {
      const s = this.spans.get(obj);
      if (s === undefined) return undefined;
      members = new Map();
      this.members.set(obj, members);
      const t = this.text;
      let i = skipWs(t, s + 1);
      while (t.charCodeAt(i) === 34 /* " */) {
        const keyStart = i;
        const keyEnd = skipString(t, i);
        const k = stringAt(t, keyStart, keyEnd);
        i = skipWs(t, skipWs(t, keyEnd) + 1); // past ':'
        const valueEnd = skipValue(t, i);
        members.set(k, [keyStart, valueEnd]);
        i = skipWs(t, valueEnd);
        if (t.charCodeAt(i) !== 44 /* , */) break;
        i = skipWs(t, i + 1);
      }
    }
    const m = members.get(key);
    return m && this.range(m[0], m[1]);
  }

  /** The range of item `index` of an array. */
  itemRange(arr: unknown[], index: number): Range | undefined {
    const s = this.spans.get(arr);
    if (s === undefined || index < 0 || index >= arr.length) return undefined;
    const t = this.text;
    let i = skipWs(t, s + 1);
    for (let n = 0; ; n++) {
      const end = skipValue(t, i);
      if (n === index) return this.range(i, end);
      i = skipWs(t, skipWs(t, end) + 1);
    }
  }
}

function skipWs(t: string, i: number): number {
  for (;;) {
    const c = t.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff) i++;
    else return i;
  }
}

/** End of the string starting at i (just past the closing quote); the text is known valid. */
function skipString(t: string, i: number): number {
  i++;
  for (;;) {
    const q = t.indexOf('"', i);
    if (q === -1) return t.length;
    let bs = 0;
    for (let j = q - 1; t.charCodeAt(j) === 92; j--) bs++;
    if (bs % 2 === 0) return q + 1;
    i = q + 1;
  }
}

function stringAt(t: string, start: number, end: number): string {
  const raw = t.slice(start + 1, end - 1);
  return raw.includes('\\') ? (JSON.parse(t.slice(start, end)) as string) : raw;
}

/** End of the value starting at i; the text is known valid. */
function skipValue(t: string, i: number): number {
  const c = t.charCodeAt(i);
  if (c === 34) return skipString(t, i);
  if (c === 123 || c === 91) {
    let depth = 0;
    for (;;) {
      const d = t.charCodeAt(i);
      if (d === 34) {
        i = skipString(t, i);
        continue;
      }
      if (d === 123 || d === 91) depth++;
      else if (d === 125 || d === 93) {
        depth--;
        if (depth === 0) return i + 1;
      } else if (Number.isNaN(d)) return i;
      i++;
    }
  }
  while (i < t.length) {
    const d = t.charCodeAt(i);
    if (d === 44 || d === 125 || d === 93 || d === 32 || d === 10 || d === 13 || d === 9) break;
    i++;
  }
  return i;
}

class Parser {
  i = 0;
  readonly spans: Spans = new Map();

  constructor(
    private readonly t: string,
    private readonly file: string,
  ) {}

  fail(message: string, at = this.i): never {
    const before = this.t.slice(0, at);
    const line = (before.match(/\n/g)?.length ?? 0) + 1;
    const column = at - (before.lastIndexOf('\n') + 1) + 1;
    throw new SourceError(message, this.file, line, column, 'plan-json-syntax');
  }

  ws(): void {
    this.i = skipWs(this.t, this.i);
  }

  describe(at: number): string {
    if (at >= this.t.length) return 'end of file';
    return `'${this.t[at]}'`;
  }

  value(depth: number): unknown {
    this.ws();
    const t = this.t;
    const c = t.charCodeAt(this.i);
    switch (c) {
      case 123:
        return this.object(depth);
      case 91:
        return this.array(depth);
      case 34:
        return this.string();
      case 116:
        return this.word('true', true);
      case 102:
        return this.word('false', false);
      case 110:
        return this.word('null', null);
      default:
        if (c === 45 || (c >= 48 && c <= 57)) return this.number();
        return this.fail(`unexpected ${this.describe(this.i)}: expected a JSON value`);
    }
  }

  word<T>(w: string, v: T): T {
    if (!this.t.startsWith(w, this.i)) this.fail(`unexpected ${this.describe(this.i)}: expected a JSON value`);
    this.i += w.length;
    return v;
  }

  number(): number {
    const t = this.t;
    const start = this.i;
    let i = start;
    if (t.charCodeAt(i) === 45) i++;
    const digits = () => {
      const from = i;
      while (t.charCodeAt(i) >= 48 && t.charCodeAt(i) <= 57) i++;
      return i - from;
    };
    if (t.charCodeAt(i) === 48) i++;
    else if (digits() === 0) this.fail('invalid number', i);
    if (t.charCodeAt(i) === 46) {
      i++;
      if (digits() === 0) this.fail('invalid number: digits expected after the decimal point', i);
    }
    if (t.charCodeAt(i) === 101 || t.charCodeAt(i) === 69) {
      i++;
      if (t.charCodeAt(i) === 43 || t.charCodeAt(i) === 45) i++;
      if (digits() === 0) this.fail('invalid number: digits expected in the exponent', i);
    }
    this.i = i;
    return Number(t.slice(start, i));
  }

  string(): string {
    const t = this.t;
    const start = this.i;
    let i = start + 1;
    let escaped = false;
    for (;;) {
      const c = t.charCodeAt(i);
      if (c === 34) break;
      if (c === 92) {
        escaped = true;
        const e = t.charCodeAt(i + 1);
        if (e === 117) {
          if (!/^[0-9a-fA-F]{4}$/.test(t.slice(i + 2, i + 6))) this.fail('invalid \\u escape in string', i);
          i += 6;
          continue;
        }
        if (!(e === 34 || e === 92 || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116)) this.fail('invalid escape in string', i);
        i += 2;
        continue;
      }
      if (Number.isNaN(c)) this.fail('unterminated string', start);
      if (c < 32) this.fail('control character in string (unterminated string?)', i);
      i++;
    }
    this.i = i + 1;
    return escaped ? (JSON.parse(t.slice(start, i + 1)) as string) : t.slice(start + 1, i);
  }

  object(depth: number): Record<string, unknown> {
    if (depth > MAX_DEPTH) this.fail(`nesting deeper than ${MAX_DEPTH} levels`);
    const start = this.i;
    this.i++;
    const out: Record<string, unknown> = {};
    this.ws();
    if (this.t.charCodeAt(this.i) === 125) {
      this.i++;
      this.spans.set(out, start);
      return out;
    }
    for (;;) {
      this.ws();
      if (this.t.charCodeAt(this.i) !== 34) this.fail(`unexpected ${this.describe(this.i)}: expected a property name in double quotes`);
      const key = this.string();
      this.ws();
      if (this.t.charCodeAt(this.i) !== 58) this.fail(`unexpected ${this.describe(this.i)}: expected ':' after a property name`);
      this.i++;
      const v = this.value(depth + 1);
      if (key === '__proto__') Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
      else out[key] = v;
      this.ws();
      const c = this.t.charCodeAt(this.i);
      if (c === 44) {
        this.i++;
        continue;
      }
      if (c === 125) {
        this.i++;
        break;
      }
      this.fail(`unexpected ${this.describe(this.i)}: expected ',' or '}' in an object`);
    }
    this.spans.set(out, start);
    return out;
  }

  array(depth: number): unknown[] {
    if (depth > MAX_DEPTH) this.fail(`nesting deeper than ${MAX_DEPTH} levels`);
    const start = this.i;
    this.i++;
    const out: unknown[] = [];
    this.ws();
    if (this.t.charCodeAt(this.i) === 93) {
      this.i++;
      this.spans.set(out, start);
      return out;
    }
    for (;;) {
      out.push(this.value(depth + 1));
      this.ws();
      const c = this.t.charCodeAt(this.i);
      if (c === 44) {
        this.i++;
        continue;
      }
      if (c === 93) {
        this.i++;
        break;
      }
      this.fail(`unexpected ${this.describe(this.i)}: expected ',' or ']' in an array`);
    }
    this.spans.set(out, start);
    return out;
  }
}

/** Parses JSON text with positions; throws a SourceError (code `plan-json-syntax`) at the first error. */
export function parseJsonWithPositions(text: string, file: string): JsonDocument {
  const p = new Parser(text, file);
  const value = p.value(0);
  p.ws();
  if (p.i < text.length) p.fail(`unexpected ${p.describe(p.i)} after the end of the JSON document`);
  return new JsonDocument(text, file, value, p.spans);
}
