/**
 * Values of the Terraform evaluator: plain JSON-like JS values (string, number, boolean,
 * null, arrays, plain objects) with the model's UNKNOWN marker for what cannot be known
 * statically. Partially known collections stay partially known.
 */
import { decodedJson, isUnknown, UNKNOWN, unknownAttribute, unknownOrigin } from '../../model/model.js';
import type { Range } from '../../model/source.js';

export { isUnknown, UNKNOWN };

/**
 * An evaluation error at a source range: becomes a diagnostic, or is caught by try()/can().
 * Such errors are values of the language (try(), can(), a conditional's other result), raised
 * often and never shown with a stack: none is captured, which would cost more than the
 * evaluation that failed.
 */
export class EvalError extends Error {
  constructor(
    message: string,
    readonly range?: Range,
    readonly file?: string,
  ) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
    this.name = 'EvalError';
  }
}

/**
 * Objects whose missing attributes read as unknown instead of an error: resource
 * instances (computed attributes such as `id` and `arn`), module outputs of modules that
 * were not evaluated.
 */
const OPEN_MARK = Symbol('open object');
/** Only for objects that cannot take the mark (frozen, sealed). */
const OPEN = new WeakSet<object>();

/**
 * Marks an object open. The mark is a non-enumerable symbol property: invisible to
 * Object.keys, for…in, spreads and JSON, and much cheaper for the garbage collector than a
 * WeakSet entry per object.
 */
export function openObject<T extends object>(o: T): T {
  if (Object.isExtensible(o)) Object.defineProperty(o, OPEN_MARK, { value: true });
  else OPEN.add(o);
  return o;
}

export function isOpen(o: unknown): boolean {
  return typeof o === 'object' && o !== null && ((o as { [OPEN_MARK]?: boolean })[OPEN_MARK] === true || OPEN.has(o));
}

const INSTANCE = Symbol('resource instance');

/**
 * Marks an open object as the value of one resource instance (`instance` identifies it): the
 * attributes it does not hold, computed at apply time (`id`, `arn`), read as unknowns that
 * remember the instance (unknownAttribute), one per attribute.
 */
export function instanceValue<T extends object>(o: T, instance: object): T {
  Object.defineProperty(o, INSTANCE, { value: instance });
  return openObject(o);
}

/** The unknown attributes of each resource instance read so far, made once each. */
const instanceAttrs = new WeakMap<object, Map<string, unknown>>();

/** What an open object gives for an attribute it does not hold: unknown, of its resource instance when it is one. */
export function missingAttribute(o: object, name: string): unknown {
  const instance = (o as { [INSTANCE]?: object })[INSTANCE];
  if (!instance) return UNKNOWN;
  let attrs = instanceAttrs.get(instance);
  if (!attrs) instanceAttrs.set(instance, (attrs = new Map()));
  let v = attrs.get(name);
  if (v === undefined) attrs.set(name, (v = unknownAttribute(instance, name)));
  return v;
}

const originIds = new WeakMap<object, number>();
let nextOriginId = 0;

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isUnknown(v);
}

/** True when the value holds UNKNOWN anywhere. */
export function containsUnknown(v: unknown): boolean {
  if (isUnknown(v)) return true;
  if (Array.isArray(v)) return v.some(containsUnknown);
  if (isObject(v)) return Object.values(v).some(containsUnknown);
  return false;
}

/** Whether a value holds ±infinity (a division by zero), which no JSON document can hold. */
export function hasInfinity(v: unknown): boolean {
  if (typeof v === 'number') return v === Infinity || v === -Infinity;
  if (typeof v !== 'object' || v === null) return false;
  // loops without allocation: every resource attribute value goes through here
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (hasInfinity(v[i])) return true;
    return false;
  }
  if (!isObject(v)) return false;
  for (const k in v) if (hasInfinity((v as Record<string, unknown>)[k])) return true;
  return false;
}

export function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (isUnknown(v)) return 'unknown';
  if (Array.isArray(v)) return 'tuple';
  if (typeof v === 'object') return 'object';
  return typeof v;
}

/**
 * Number formatting as Terraform prints numbers in strings: shortest exact digits, never an
 * exponent; a negative zero keeps its sign; infinities (from a division by zero) are
 * "+Inf" and "-Inf".
 */
export function numberToString(n: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? 'NaN' : n > 0 ? '+Inf' : '-Inf';
  if (Object.is(n, -0)) return '-0';
  if (Number.isInteger(n)) return Number.isSafeInteger(n) ? String(n) : BigInt(n).toString();
  const s = String(n);
  return /e/i.test(s) ? expandExponent(s) : s;
}

/** "1.5e-7" → "0.00000015"; "1.5e+22" → "15000000000000000000000". */
export function expandExponent(s: string): string {
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/i.exec(s);
  if (!m) return s;
  const [, sign, lead, frac = '', expS] = m;
  const digits = lead + frac;
  const point = 1 + Number(expS); // position of the decimal point within digits
  let out: string;
  if (point <= 0) out = '0.' + '0'.repeat(-point) + digits;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = digits.slice(0, point) + '.' + digits.slice(point);
  out = out.replace(/^0+(?=\d)/, '');
  if (out.includes('.')) out = out.replace(/0+$/, '').replace(/\.$/, '');
  return sign + out;
}

/** A primitive as a string (Terraform's automatic conversion), or throws. */
export function toStr(v: unknown, range?: Range): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberToString(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v === null) throw new EvalError('a null value cannot be used as a string', range);
  throw new EvalError(`a ${typeName(v)} value cannot be converted to a string`, range);
}

const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const INFINITY_TEXT = /^[+-]?(?:Inf|inf)$/;

/**
 * cty's string → number (Go's big.Float syntax): decimal digits with an optional exponent, or
 * "Inf"/"inf" with an optional sign; undefined when the text is no number, NaN when it is a
 * finite number beyond the range of IEEE doubles (Terraform's big floats hold it, Palisade cannot).
 */
export function parseNumber(s: string): number | undefined {
  if (INFINITY_TEXT.test(s)) return s[0] === '-' ? -Infinity : Infinity;
  if (!NUMBER_TEXT.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : NaN;
}

export const OUT_OF_RANGE = "is beyond the range of Palisade's numbers (IEEE doubles)";

export function toNum(v: unknown, range?: Range): number {
  if (typeof v === 'number') return v;
  const n = typeof v === 'string' ? parseNumber(v) : undefined;
  if (n !== undefined && !Number.isNaN(n)) return n;
  if (n !== undefined) throw new EvalError(`the number ${v as string} ${OUT_OF_RANGE}`, range);
  throw new EvalError(`a number is required, got ${typeName(v)}${typeof v === 'string' ? ` "${v}"` : ''}`, range);
}

export function toBoolean(v: unknown, range?: Range): boolean {
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new EvalError(`a bool is required, got ${typeName(v)}${typeof v === 'string' ? ` "${v}"` : ''}`, range);
}

/** Terraform equality: same type and value, deep; numbers and strings are never equal. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

/** Deterministic JSON with sorted keys (memo keys). */
export function stableKey(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableKey).join(',')}]`;
  // unknown JSON strings with different structures must not share a memo entry
  const decoded = decodedJson(v);
  if (decoded !== undefined) return `{"__unknown__":true,"\u0000decoded":${stableKey(decoded)}}`;
  // nor unknown attributes of different resource instances
  const origin = unknownOrigin(v);
  if (origin) {
    let id = originIds.get(origin.instance);
    if (id === undefined) originIds.set(origin.instance, (id = nextOriginId++));
    return `{"__unknown__":true,"\u0000of":${id},"\u0000attribute":${JSON.stringify(origin.attribute)}}`;
  }
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableKey((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return v === undefined ? 'null' : JSON.stringify(v);
}

/** Sets become sorted lists (strings lexically, numbers numerically, others by JSON). */
export function sortSet(xs: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const x of xs) if (!out.some((y) => deepEqual(x, y))) out.push(x);
  return out.sort((a, b) => {
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
    const sa = stableKey(a);
    const sb = stableKey(b);
    return sa < sb ? -1 : sa > sb ? 1 : 0;
  });
}
