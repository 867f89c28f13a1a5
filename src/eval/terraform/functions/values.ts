/**
 * Value helpers shared by the Terraform built-in functions: type tests, cty-style conversions,
 * number formatting, equality, set ordering and output caps.
 *
 * Values are plain JSON-like JS values; the UNKNOWN marker (src/model/model.ts) stands for a
 * value that cannot be known statically and may sit anywhere inside lists and objects.
 */
import { decodedJson, isUnknown, UNKNOWN, unknownJson } from '../../../model/model.js';
import { unifyValues } from '../types.js';
import { numberToString, OUT_OF_RANGE, parseNumber } from '../values.js';

export { decodedJson, isUnknown, UNKNOWN, unknownJson };

/** Bad arguments or type errors; the evaluator turns it into a diagnostic. */
export class FunctionError extends Error {
  override name = 'FunctionError';
  constructor(message?: string) {
    // raised often (try(), can()) and never shown with a stack: none is captured
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
  }
}

/** Largest string a function may produce (10 MiB of UTF-16 code units). */
export const MAX_STRING = 10 * 1024 * 1024;
/** Largest list a function may produce (range is capped lower, at 1,024, as in Terraform). */
export const MAX_LIST = 1_000_000;

export type Obj = Record<string, unknown>;
export type Kind = 'null' | 'unknown' | 'bool' | 'number' | 'string' | 'list' | 'object';

export function kindOf(v: unknown): Kind {
  if (v === null || v === undefined) return 'null';
  if (isUnknown(v)) return 'unknown';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string') return 'string';
  if (Array.isArray(v)) return 'list';
  return 'object';
}

const KIND_NAME: Record<Kind, string> = {
  null: 'null',
  unknown: 'unknown value',
  bool: 'bool',
  number: 'number',
  string: 'string',
  list: 'list',
  object: 'object',
};

export function describe(v: unknown): string {
  return KIND_NAME[kindOf(v)];
}

export function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isUnknown(v);
}

/** True when v is UNKNOWN or holds UNKNOWN anywhere inside it. */
export function hasUnknown(v: unknown): boolean {
  // Iterative, so hostile nesting depth cannot overflow the stack here.
  const stack: unknown[] = [v];
  while (stack.length > 0) {
    const x = stack.pop();
    if (isUnknown(x)) return true;
    if (Array.isArray(x)) for (const e of x) stack.push(e);
    else if (isObject(x)) for (const k in x) stack.push(x[k]);
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Strings

/** Compares by Unicode code point, which is the byte order of UTF-8 (Go's string order). */
export function compareStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (astral code points) sort after every BMP code point in code point order.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

export function sortedKeys(o: Obj): string[] {
  return Object.keys(o).sort(compareStrings);
}

/** Builds an object with the given entries (keys sorted, as Terraform maps and objects are). */
export function makeObject(entries: Iterable<[string, unknown]>): Obj {
  const tmp = new Map<string, unknown>();
  for (const [k, v] of entries) tmp.set(k, v);
  const out: Obj = {};
  for (const k of [...tmp.keys()].sort(compareStrings)) {
    // plain assignment would set the prototype for "__proto__": that key alone is defined
    if (k === '__proto__') Object.defineProperty(out, k, { value: tmp.get(k), enumerable: true, writable: true, configurable: true });
    else out[k] = tmp.get(k);
  }
  return out;
}

export function checkString(s: string): string {
  if (s.length > MAX_STRING) throw new FunctionError(`result string is too long (more than ${MAX_STRING} characters)`);
  return s;
}

export function checkList<T>(l: T[]): T[] {
  if (l.length > MAX_LIST) throw new FunctionError(`result list is too long (more than ${MAX_LIST} elements)`);
  return l;
}

let segmenter: Intl.Segmenter | undefined;
/** Splits a string into grapheme clusters (Terraform counts "characters" this way). */
export function graphemes(s: string): string[] {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const out: string[] = [];
  for (const seg of segmenter.segment(s)) out.push(seg.segment);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Numbers

/** Formats a number as cty does for number→string: shortest exact digits, never an exponent, ±infinity as "+Inf"/"-Inf". */
export function formatNumber(n: number): string {
  return numberToString(n);
}


/**
 * A numeric result: NaN (no Terraform counterpart) is an error; ±infinity passes when an
 * operand was infinite (Terraform carries infinities on), and is an overflow of Palisade's
 * IEEE doubles otherwise (Terraform's big floats hold the exact value) — unless `float64`:
 * Terraform computes pow and log in float64 too, and reaches infinity the same way.
 */
export function finite(n: number, operands: number[], float64 = false): number {
  if (Number.isNaN(n)) throw new FunctionError('result is not a number');
  if (!Number.isFinite(n) && !float64 && operands.every(Number.isFinite))
    throw new FunctionError('result is beyond the range of Palisade\'s numbers (IEEE doubles)');
  return n;
}

// ---------------------------------------------------------------------------------------------
// Conversions (cty's primitive conversions)

export function argName(name?: string): string {
  return name ? `${name}: ` : '';
}

/** Converts to string like cty: numbers and bools convert, null/collections are errors. */
export function toStr(v: unknown, name?: string): string {
  switch (kindOf(v)) {
    case 'string':
      return v as string;
    case 'number':
      return numberToString(v as number);
    case 'bool':
      return v ? 'true' : 'false';
    case 'null':
      throw new FunctionError(`${argName(name)}argument must not be null`);
    default:
      throw new FunctionError(`${argName(name)}string required, got ${describe(v)}`);
  }
}

/** A string's number (cty's conversion), undefined when it is none; beyond IEEE doubles, an error. */
export function strToNumber(s: string): number | undefined {
  const n = parseNumber(s);
  if (n !== undefined && Number.isNaN(n)) throw new FunctionError(`the number ${s} ${OUT_OF_RANGE}`);
  return n;
}

export function toNum(v: unknown, name?: string): number {
  switch (kindOf(v)) {
    case 'number':
      return v as number;
    case 'string': {
      const n = strToNumber(v as string);
      if (n === undefined) throw new FunctionError(`${argName(name)}a number is required, got string ${JSON.stringify(v)}`);
      return n;
    }
    case 'null':
      throw new FunctionError(`${argName(name)}argument must not be null`);
    default:
      throw new FunctionError(`${argName(name)}number required, got ${describe(v)}`);
  }
}

export function toInt(v: unknown, name?: string): number {
  const n = toNum(v, name);
  if (!Number.isInteger(n)) throw new FunctionError(`${argName(name)}value must be a whole number, got ${formatNumber(n)}`);
  return n;
}

export function toBool(v: unknown, name?: string): boolean {
  switch (kindOf(v)) {
    case 'bool':
      return v as boolean;
    case 'string':
      if (v === 'true' || v === '1') return true;
      if (v === 'false' || v === '0') return false;
      if ((v as string).toLowerCase() === 'true' || (v as string).toLowerCase() === 'false')
        throw new FunctionError(`${argName(name)}a bool is required; to convert from string, use lowercase "true" or "false"`);
      throw new FunctionError(`${argName(name)}a bool is required, got string ${JSON.stringify(v)}`);
    case 'null':
      throw new FunctionError(`${argName(name)}argument must not be null`);
    default:
      throw new FunctionError(`${argName(name)}bool required, got ${describe(v)}`);
  }
}

export function asList(v: unknown, name?: string): unknown[] {
  if (Array.isArray(v)) return v;
  if (v === null || v === undefined) throw new FunctionError(`${argName(name)}argument must not be null`);
  throw new FunctionError(`${argName(name)}list, set or tuple required, got ${describe(v)}`);
}

export function asObject(v: unknown, name?: string): Obj {
  if (isObject(v)) return v;
  if (v === null || v === undefined) throw new FunctionError(`${argName(name)}argument must not be null`);
  throw new FunctionError(`${argName(name)}map or object required, got ${describe(v)}`);
}

// ---------------------------------------------------------------------------------------------
// Type unification, as cty does when a tuple/object becomes a list/set/map

/**
 * Converts the elements of a collection to their common type, as cty unifies them when a
 * tuple or object becomes a list, set or map: strings win over numbers and bools, tuples of
 * different lengths become lists, objects of different attributes maps (all recursively).
 * Throws when there is no common type.
 */
export function unifyElements(values: unknown[], what: string): unknown[] {
  const out = unifyValues(values);
  if (!out) throw new FunctionError(`${what}: all elements must have the same type`);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Equality and set ordering

/** Deep equality of known values; undefined when it depends on an unknown value. */
export function equals(a: unknown, b: unknown): boolean | undefined {
  if (isUnknown(a) || isUnknown(b)) return undefined;
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka !== kb) return false;
  if (ka === 'list') {
    const x = a as unknown[];
    const y = b as unknown[];
    if (x.length !== y.length) return false;
    let unknownSeen = false;
    for (let i = 0; i < x.length; i++) {
      const e = equals(x[i], y[i]);
      if (e === false) return false;
      if (e === undefined) unknownSeen = true;
    }
    return unknownSeen ? undefined : true;
  }
  if (ka === 'object') {
    const x = a as Obj;
    const y = b as Obj;
    const xk = Object.keys(x);
    if (xk.length !== Object.keys(y).length) return false;
    let unknownSeen = false;
    for (const k of xk) {
      if (!Object.prototype.hasOwnProperty.call(y, k)) return false;
      const e = equals(x[k], y[k]);
      if (e === false) return false;
      if (e === undefined) unknownSeen = true;
    }
    return unknownSeen ? undefined : true;
  }
  if (ka === 'null') return true;
  return a === b;
}

/** A stable key for a wholly known value, used to dedupe sets. */
export function valueKey(v: unknown): string {
  return JSON.stringify(canonical(v));
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (isObject(v)) return sortedKeys(v).map((k) => [k, canonical(v[k])]);
  if (typeof v === 'number') return { n: formatNumber(v === 0 ? 0 : v) }; // -0 equals 0
  return v;
}

/**
 * Orders set elements like cty does for the types whose order is defined: strings by code
 * point, numbers ascending, false before true. Other elements keep their given order.
 */
export function sortSet(values: unknown[]): unknown[] {
  if (values.length === 0) return values;
  const kinds = new Set(values.map(kindOf));
  if (kinds.size !== 1) return values;
  const k = [...kinds][0];
  if (k === 'string') return [...(values as string[])].sort(compareStrings);
  if (k === 'number') return [...(values as number[])].sort((a, b) => a - b);
  if (k === 'bool') return [...(values as boolean[])].sort((a, b) => Number(a) - Number(b));
  return values;
}

/** Removes duplicates (keeping the first occurrence) of wholly known values. */
export function dedupe(values: unknown[]): unknown[] {
  const seen = new Set<string>();
  const out: unknown[] = [];
  for (const v of values) {
    const key = valueKey(v);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(v);
  }
  return out;
}

/** Converts to a set: unify, dedupe, order. */
export function toSetValue(values: unknown[], what: string): unknown[] {
  return sortSet(dedupe(unifyElements(values, what)));
}
