/**
 * Terraform type constraints (`string`, `list(object({a = optional(number, 1)}))`, …) and
 * the conversion Terraform applies to a variable's value.
 */
import type { Expression } from '../../parse/hcl/ast.js';
import { literalValue, NOT_LITERAL, objectKey } from '../../parse/hcl/literal.js';
import { EvalError, isObject, isUnknown, numberToString, sortSet, typeName } from './values.js';

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
      if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
      return fail();
    case 'bool':
      if (typeof v === 'boolean') return v;
      if (v === 'true') return true;
      if (v === 'false') return false;
      return fail();
    case 'list':
    case 'set': {
      if (!Array.isArray(v)) return fail();
      const out = v.map((x, i) => convert(x, t.elem, `${where}[${i}]`));
      return t.kind === 'set' && !out.some(isUnknown) ? sortSet(out) : out;
    }
    case 'tuple': {
      if (!Array.isArray(v) || v.length !== t.elems.length) return fail();
      return v.map((x, i) => convert(x, t.elems[i], `${where}[${i}]`));
    }
    case 'map': {
      if (!isObject(v)) return fail();
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = convert(x, t.elem, `${where}["${k}"]`);
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
