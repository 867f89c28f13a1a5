/**
 * Terraform type constraints (`string`, `list(object({a = optional(number, 1)}))`, …) and
 * the conversion Terraform applies to a variable's value.
 */
import type { Expression } from '../../parse/hcl/ast.js';
import { literalValue, NOT_LITERAL, objectKey } from '../../parse/hcl/literal.js';
import { EvalError, isObject, isOpen, isUnknown, numberToString, parseNumber, sortSet, typeName } from './values.js';

export type TfType =
  | { kind: 'any' }
  | { kind: 'string' | 'number' | 'bool' }
  | { kind: 'list' | 'set' | 'map'; elem: TfType }
  | { kind: 'object'; attrs: Record<string, { type: TfType; optional: boolean; default?: unknown }> }
  | { kind: 'tuple'; elems: TfType[] };

export const ANY: TfType = { kind: 'any' };

/** Reads a type constraint expression; throws EvalError on nonsense. */
export function parseType(expr: Expression): TfType {
  if (expr.type === 'variable') {
    switch (expr.name) {
      case 'any':
      case 'string':
      case 'number':
      case 'bool':
        return { kind: expr.name };
      case 'list':
      case 'set':
      case 'map':
        return { kind: expr.name, elem: ANY };
      default:
        throw new EvalError(`unknown type "${expr.name}"`, expr.range);
    }
  }
  // quoted legacy forms: "string", "list", "map"
  if (expr.type === 'template') {
    const v = literalValue(expr);
    if (v === 'string') return { kind: 'string' };
    if (v === 'list') return { kind: 'list', elem: { kind: 'string' } };
    if (v === 'map') return { kind: 'map', elem: { kind: 'string' } };
  }
  if (expr.type === 'paren') return parseType(expr.expr);
  if (expr.type === 'call') {
    const a = expr.args;
    switch (expr.name) {
      case 'list':
      case 'set':
      case 'map':
        if (a.length !== 1) throw new EvalError(`${expr.name}() takes one element type`, expr.range);
        return { kind: expr.name, elem: parseType(a[0]) };
      case 'tuple': {
        if (a.length !== 1 || a[0].type !== 'tuple') throw new EvalError('tuple() takes a list of element types', expr.range);
        return { kind: 'tuple', elems: a[0].items.map(parseType) };
      }
      case 'object': {
        if (a.length !== 1 || a[0].type !== 'object') throw new EvalError('object() takes an object of attribute types', expr.range);
        const attrs: Record<string, { type: TfType; optional: boolean; default?: unknown }> = {};
        for (const item of a[0].items) {
          const k = objectKey(item.key);
          if (k === NOT_LITERAL) throw new EvalError('object type attribute names must be literal', item.range);
          const v = item.value;
          if (v.type === 'call' && v.name === 'optional') {
            const t = parseType(v.args[0]);
            let def: unknown;
            if (v.args.length > 1) {
              const d = literalValue(v.args[1]);
              if (d === NOT_LITERAL) throw new EvalError('optional() default must be a literal value', v.args[1].range);
              def = d;
            }
            attrs[k] = { type: t, optional: true, default: def };
          } else attrs[k] = { type: parseType(v), optional: false };
        }
        return { kind: 'object', attrs };
      }
      default:
        break;
    }
  }
  throw new EvalError('invalid type constraint', expr.range);
}

export function typeString(t: TfType): string {
  switch (t.kind) {
    case 'list':
    case 'set':
    case 'map':
      return `${t.kind}(${typeString(t.elem)})`;
    case 'object':
      return `object({${Object.entries(t.attrs)
        .map(([k, a]) => `${k}=${typeString(a.type)}`)
        .join(', ')}})`;
    case 'tuple':
      return `tuple([${t.elems.map(typeString).join(', ')}])`;
    default:
      return t.kind;
  }
}

function hasAny(t: TfType): boolean {
  switch (t.kind) {
    case 'any':
      return true;
    case 'list':
    case 'set':
    case 'map':
      return hasAny(t.elem);
    case 'tuple':
      return t.elems.some(hasAny);
    case 'object':
      return Object.values(t.attrs).some((a) => hasAny(a.type));
    default:
      return false;
  }
}

/**
 * The elements of a list, set or map, converted to its element type: where that type leaves
 * `any` open, all elements must still share one type (`map(list(any))` of [1] and ["x"] is
 * a map of lists of strings). Undefined when they cannot.
 */
function sameElementType(elems: unknown[], elem: TfType): unknown[] | undefined {
  return hasAny(elem) ? unifyValues(elems) : elems;
}

/** Converts a value to a type the way Terraform does for variables; unknown parts stay unknown. */
export function convert(v: unknown, t: TfType, where = 'value'): unknown {
  if (isUnknown(v)) return v;
  if (v === null) return null;
  const fail = (): never => {
    throw new EvalError(`${where}: ${typeName(v)} cannot be converted to ${typeString(t)}`);
  };
  switch (t.kind) {
    case 'any':
      return v;
    case 'string':
      if (typeof v === 'string') return v;
      if (typeof v === 'number') return numberToString(v);
      if (typeof v === 'boolean') return String(v);
      return fail();
    case 'number':
      if (typeof v === 'number') return v;
      if (typeof v === 'string') {
        const n = parseNumber(v);
        if (n !== undefined && !Number.isNaN(n)) return n;
      }
      return fail();
    case 'bool':
      if (typeof v === 'boolean') return v;
      if (v === 'true') return true;
      if (v === 'false') return false;
      return fail();
    case 'list':
    case 'set': {
      if (!Array.isArray(v)) return fail();
      const out = sameElementType(v.map((x, i) => convert(x, t.elem, `${where}[${i}]`)), t.elem) ?? fail();
      return t.kind === 'set' && !out.some(isUnknown) ? sortSet(out) : out;
    }
    case 'tuple': {
      if (!Array.isArray(v) || v.length !== t.elems.length) return fail();
      return v.map((x, i) => convert(x, t.elems[i], `${where}[${i}]`));
    }
    case 'map': {
      if (!isObject(v)) return fail();
      const keys = Object.keys(v);
      const elems = sameElementType(keys.map((k) => convert(v[k], t.elem, `${where}["${k}"]`)), t.elem) ?? fail();
      const out: Record<string, unknown> = {};
      keys.forEach((k, i) => (out[k] = elems[i]));
      return out;
    }
    case 'object': {
      if (!isObject(v)) return fail();
      const out: Record<string, unknown> = {};
      for (const [k, a] of Object.entries(t.attrs)) {
        if (Object.prototype.hasOwnProperty.call(v, k) && v[k] !== null) out[k] = convert(v[k], a.type, `${where}.${k}`);
        else if (Object.prototype.hasOwnProperty.call(v, k)) out[k] = a.optional && a.default !== undefined ? convert(a.default, a.type, `${where}.${k}`) : null;
        else if (a.optional) out[k] = a.default !== undefined ? convert(a.default, a.type, `${where}.${k}`) : null;
        else throw new EvalError(`${where}: attribute "${k}" is required`);
      }
      return out;
    }
  }
}

// ---- type unification (cty's convert.Unify) -------------------------------------------------

/**
 * The type cty gives a value: primitives, tuples for sequences, objects for mappings. Null
 * and unknown values are dynamic (`any`), and so are open objects (resource instances, module
 * outputs), whose attributes Palisade only partly knows. (Palisade's values do not remember
 * whether they came from a list or a tuple, a map or an object: the structural type is the
 * default.)
 */
export function typeOfValue(v: unknown): TfType {
  if (v === null || isUnknown(v) || isOpen(v)) return ANY;
  if (typeof v === 'string') return { kind: 'string' };
  if (typeof v === 'number') return { kind: 'number' };
  if (typeof v === 'boolean') return { kind: 'bool' };
  if (Array.isArray(v)) return { kind: 'tuple', elems: v.map(typeOfValue) };
  if (isObject(v)) {
    const attrs: Record<string, { type: TfType; optional: boolean }> = {};
    for (const [k, x] of Object.entries(v)) attrs[k] = { type: typeOfValue(x), optional: false };
    return { kind: 'object', attrs };
  }
  return ANY;
}

export function typeEquals(a: TfType, b: TfType): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'list':
    case 'set':
    case 'map':
      return typeEquals(a.elem, (b as typeof a).elem);
    case 'tuple': {
      const be = (b as typeof a).elems;
      return a.elems.length === be.length && a.elems.every((t, i) => typeEquals(t, be[i]));
    }
    case 'object': {
      const ba = (b as typeof a).attrs;
      const ka = Object.keys(a.attrs);
      return ka.length === Object.keys(ba).length && ka.every((k) => k in ba && typeEquals(a.attrs[k].type, ba[k].type));
    }
    default:
      return true;
  }
}

const PRIMITIVE = new Set(['string', 'number', 'bool']);

/**
 * The common type values of these types convert to, as cty unifies them (conditional
 * results, tuple → list, object → map, `list(any)`); undefined when there is none.
 * Structural types with a dynamic one among them stay dynamic, as in cty.
 */
export function unifyTypes(types: TfType[]): TfType | undefined {
  const known = types.filter((t) => t.kind !== 'any');
  if (known.length === 0) return ANY;
  const dynamic = known.length < types.length;
  const count = (k: TfType['kind']) => known.filter((t) => t.kind === k).length;
  const [objects, maps, tuples, lists] = [count('object'), count('map'), count('tuple'), count('list')];
  const elemsOf = (t: TfType): TfType[] => {
    switch (t.kind) {
      case 'list':
      case 'set':
      case 'map':
        return [t.elem];
      case 'tuple':
        return t.elems;
      case 'object':
        return Object.values(t.attrs).map((a) => a.type);
      default:
        return [];
    }
  };
  const collection = (kind: 'list' | 'map'): TfType | undefined => {
    const elem = unifyTypes(known.flatMap(elemsOf));
    return elem && { kind, elem };
  };
  if (objects + maps === known.length && maps > 0) return dynamic ? ANY : collection('map');
  if (tuples + lists === known.length && lists > 0) return dynamic ? ANY : collection('list');
  if (objects === known.length) {
    if (dynamic) return ANY;
    const names = Object.keys((known[0] as Extract<TfType, { kind: 'object' }>).attrs).sort().join('\0');
    const same = known.every((t) => Object.keys((t as Extract<TfType, { kind: 'object' }>).attrs).sort().join('\0') === names);
    if (!same) return collection('map');
    const attrs: Record<string, { type: TfType; optional: boolean }> = {};
    for (const k of Object.keys((known[0] as Extract<TfType, { kind: 'object' }>).attrs)) {
      const u = unifyTypes(known.map((t) => (t as Extract<TfType, { kind: 'object' }>).attrs[k].type));
      if (!u) return undefined;
      attrs[k] = { type: u, optional: false };
    }
    return { kind: 'object', attrs };
  }
  if (tuples === known.length) {
    if (dynamic) return ANY;
    const n = (known[0] as Extract<TfType, { kind: 'tuple' }>).elems.length;
    if (!known.every((t) => (t as Extract<TfType, { kind: 'tuple' }>).elems.length === n)) return collection('list');
    const elems: TfType[] = [];
    for (let i = 0; i < n; i++) {
      const u = unifyTypes(known.map((t) => (t as Extract<TfType, { kind: 'tuple' }>).elems[i]));
      if (!u) return undefined;
      elems.push(u);
    }
    return { kind: 'tuple', elems };
  }
  if (known.every((t) => typeEquals(t, known[0]))) return known[0];
  if (known.every((t) => PRIMITIVE.has(t.kind)) && known.some((t) => t.kind === 'string')) return { kind: 'string' };
  return undefined;
}

/** The values converted to their unified type; undefined when they have none. */
export function unifyValues(values: unknown[]): unknown[] | undefined {
  const types = values.map(typeOfValue);
  const t = unifyTypes(types);
  if (!t) return undefined;
  if (t.kind === 'any' || types.every((x) => typeEquals(x, t))) return values;
  try {
    return values.map((v) => convert(v, t));
  } catch (e) {
    if (e instanceof EvalError) return undefined;
    throw e;
  }
}
