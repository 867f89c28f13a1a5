/**
 * A plan's JSON with positions: plain JavaScript values (as `JSON.parse` gives them) plus
 * the start of every object and array, kept in a side table. Built by the shared positioned
 * JSON parser (parse/json) with a builder that makes plain values directly: a 20–50 MB
 * plan would otherwise be built twice (tree, then values). Member and item ranges are found
 * on demand by re-scanning only the container that is asked about, so the cost of positions
 * is one map entry per container.
 */
import type { Pos, Range } from '../../model/source.js';
import { asSourceError, jsonParser, skipWs, stringEnd, valueEnd, type JsonBuilder } from '../../parse/json/index.js';
import { LineTable } from '../../parse/hcl/lexer.js';

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
    return s === undefined ? undefined : this.range(s, valueEnd(this.text, s));
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
        const keyEnd = stringEnd(t, i);
        const k = stringAt(t, keyStart, keyEnd);
        i = skipWs(t, skipWs(t, keyEnd) + 1); // past ':'
        const end = valueEnd(t, i);
        members.set(k, [keyStart, end]);
        i = skipWs(t, end);
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
      const end = valueEnd(t, i);
      if (n === index) return this.range(i, end);
      i = skipWs(t, skipWs(t, end) + 1);
    }
  }
}

function stringAt(t: string, start: number, end: number): string {
  const raw = t.slice(start + 1, end - 1);
  return raw.includes('\\') ? (JSON.parse(t.slice(start, end)) as string) : raw;
}

/** Builds plain values, recording where each object and array starts. */
class PlainBuilder implements JsonBuilder<unknown, Record<string, unknown>, unknown[]> {
  readonly spans: Spans = new Map();
  string(value: string): unknown {
    return value;
  }
  number(value: number): unknown {
    return value;
  }
  literal(value: boolean | null): unknown {
    return value;
  }
  object(): Record<string, unknown> {
    return {};
  }
  member(obj: Record<string, unknown>, key: string, _ks: number, _ke: number, value: unknown): void {
    // setMember, written out: this is the hottest line of a plan's parse
    if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
    else obj[key] = value;
  }
  // recorded once filled, and member() written out: together they took plans from about
  // 87 % to 96 % of the speed of the dedicated plan parser this one replaced
  endObject(obj: Record<string, unknown>, start: number): unknown {
    this.spans.set(obj, start);
    return obj;
  }
  array(): unknown[] {
    return [];
  }
  item(arr: unknown[], value: unknown): void {
    arr.push(value);
  }
  endArray(arr: unknown[], start: number): unknown {
    this.spans.set(arr, start);
    return arr;
  }
}

const parsePlain = jsonParser<unknown, Record<string, unknown>, unknown[]>();

/** Parses JSON text with positions; throws a SourceError (code `plan-json-syntax`) at the first error. */
export function parseJsonWithPositions(text: string, file: string): JsonDocument {
  const b = new PlainBuilder();
  let value: unknown;
  try {
    value = parsePlain(text, b);
  } catch (e) {
    throw asSourceError(e, new LineTable(text), file, 'plan-json-syntax');
  }
  return new JsonDocument(text, file, value, b.spans);
}
