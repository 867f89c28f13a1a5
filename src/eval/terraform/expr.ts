/**
 * Expression semantics of Terraform (HCL + Terraform's reference roots) over plain values.
 * Unknown operands give unknown results; a conditional on an unknown condition is unknown;
 * errors are EvalErrors with the range of the expression that failed.
 */
import type { Expression, TemplatePart } from '../../parse/hcl/ast.js';
import type { Diagnostic } from '../../model/diagnostics.js';
import type { Range } from '../../model/source.js';
import { unknownOrigin } from '../../model/model.js';
import { callLibrary, functionsAvailable, isFunctionError, UnknownFunctionError, type FunctionContext } from './call.js';
import { convert, typeEquals, typeOfValue, typeString, unifyTypes, type TfType } from './types.js';
import { containsUnknown, deepEqual, EvalError, isObject, isOpen, isUnknown, missingAttribute, OUT_OF_RANGE, toBoolean, toNum, toStr, typeName, UNKNOWN } from './values.js';

/** What references resolve against: one module instance. */
export interface Resolver {
  variable(name: string, range: Range): unknown;
  local(name: string, range: Range): unknown;
  module(name: string, range: Range): unknown;
  resource(type: string, name: string, range: Range): unknown;
  /** `data.TYPE.NAME`: unknown, except data sources computed from their configuration alone. */
  dataSource(type: string, name: string, range: Range): unknown;
  /** path.module, path.root, path.cwd (relative to the scan root). */
  paths: { module: string; root: string; cwd: string };
  functions: FunctionContext;
}

export interface Ctx {
  r?: Resolver;
  /** Names bound locally: for-expression variables, `each`, `count`, dynamic iterators, template variables. */
  vars: Record<string, unknown>;
  file: string;
  diag(d: Diagnostic): void;
}

export function withVars(ctx: Ctx, vars: Record<string, unknown>): Ctx {
  return { ...ctx, vars: { ...ctx.vars, ...vars } };
}

/** `data.TYPE`, waiting for its name. */
class DataTypeRef {
  constructor(readonly type: string) {}
}

export function evaluate(e: Expression, ctx: Ctx): unknown {
  switch (e.type) {
    case 'literal':
      if (typeof e.value === 'string') return nfc(e.value);
      // a literal beyond IEEE doubles (1e400): Terraform's big floats hold it, Palisade cannot
      if (e.value === Infinity) throw new EvalError(`the number literal ${OUT_OF_RANGE}`, e.range);
      return e.value;
    case 'paren':
      return evaluate(e.expr, ctx);
    case 'template':
      return evalTemplate(e.parts, ctx, e.range);
    case 'tuple':
      return e.items.map((i) => evaluate(i, ctx));
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const item of e.items) {
        let k: unknown;
        if (item.key.type === 'variable' && item.key.bareKey) k = item.key.name;
        else k = evaluate(item.key.type === 'paren' ? item.key.expr : item.key, ctx);
        if (isUnknown(k)) return UNKNOWN;
        out[toStr(k, item.key.range)] = evaluate(item.value, ctx);
      }
      return out;
    }
    case 'variable':
      return rootVariable(e.name, ctx, e.range);
    case 'getattr':
      return evalGetAttr(e.object, e.name, ctx, e.range);
    case 'index': {
      const obj = evaluate(e.object, ctx);
      const key = evaluate(e.key, ctx);
      return indexValue(obj, key, e.range);
    }
    case 'splat': {
      const src = evaluate(e.source, ctx);
      if (isUnknown(src)) return UNKNOWN;
      if (src === null) return [];
      const items = Array.isArray(src) ? src : [src];
      return items.map((item) => evaluate(e.each, withVars(ctx, { [ANON]: item })));
    }
    case 'anon':
      return ctx.vars[ANON];
    case 'call':
      return evalCall(e, ctx);
    case 'conditional':
      return evalConditional(e, ctx);
    case 'unary': {
      const v = evaluate(e.operand, ctx);
      if (isUnknown(v)) return UNKNOWN;
      return e.op === '!' ? !toBoolean(v, e.range) : -toNum(v, e.range);
    }
    case 'binary':
      return evalBinary(e.op, evaluate(e.left, ctx), evaluate(e.right, ctx), e.range);
    case 'for':
      return evalFor(e, ctx);
  }
}

const ANON = '\u0000anon';

/** HCL normalises string literals to Unicode NFC. */
function nfc(s: string): string {
  return /[^\x00-\x7f]/.test(s) ? s.normalize('NFC') : s;
}

/**
 * A conditional: the chosen result, converted to the type both results unify to (HCL
 * evaluates both; the other one only for its type, its errors dropped, its type dynamic).
 */
function evalConditional(e: Extract<Expression, { type: 'conditional' }>, ctx: Ctx): unknown {
  const c = evaluate(e.cond, ctx);
  if (isUnknown(c)) return UNKNOWN;
  if (c === null) throw new EvalError('the condition value is null: conditions must either be true or false', e.cond.range);
  const cond = toBoolean(c, e.cond.range);
  const value = evaluate(cond ? e.then : e.else, ctx);
  const otherExpr = cond ? e.else : e.then;
  let otherType = literalType(otherExpr);
  if (!otherType) {
    let other: unknown;
    try {
      other = evaluate(otherExpr, { ...ctx, diag: () => undefined });
    } catch (err) {
      if (!(err instanceof EvalError)) throw err;
      other = UNKNOWN;
    }
    otherType = typeOfValue(other);
  }
  const valueType = typeOfValue(value);
  // the same primitive type on both sides (most conditionals): nothing to unify
  if (valueType.kind === otherType.kind && (valueType.kind === 'string' || valueType.kind === 'number' || valueType.kind === 'bool')) return value;
  const types = [valueType, otherType];
  if (!cond) types.reverse();
  const t = unifyTypes(types);
  if (!t) throw new EvalError(`inconsistent conditional result types: the true result is ${typeString(types[0])}, the false result ${typeString(types[1])}`, e.range);
  return t.kind === 'any' || typeEquals(t, types[cond ? 0 : 1]) ? value : convert(value, t);
}
/** The type of a literal (`1`, `true`, `"text"`, `"${a}-${b}"`) without evaluating it; undefined for other expressions. */
function literalType(e: Expression): TfType | undefined {
  if (e.type === 'literal') return typeof e.value === 'number' ? NUMBER : typeof e.value === 'boolean' ? BOOL : undefined;
  // a template is a string, unless it is exactly one interpolation (`"${x}"` is x's value)
  if (e.type === 'template' && !(e.parts.length === 1 && e.parts[0].type === 'interpolation')) return STRING;
  return undefined;
}
const NUMBER: TfType = { kind: 'number' };
const BOOL: TfType = { kind: 'bool' };
const STRING: TfType = { kind: 'string' };

const UNKNOWN_FN = new UnknownFunctionError('function library not available');

function rootVariable(name: string, ctx: Ctx, range: Range): unknown {
  if (Object.prototype.hasOwnProperty.call(ctx.vars, name)) return ctx.vars[name];
  if (name === 'self') return UNKNOWN;
  throw new EvalError(name === 'each' || name === 'count' ? `"${name}" is only valid in a block with ${name === 'each' ? 'for_each' : 'count'}` : `"${name}" cannot be used alone: reference an attribute of it`, range);
}

function evalGetAttr(objExpr: Expression, name: string, ctx: Ctx, range: Range): unknown {
  if (objExpr.type === 'variable' && !Object.prototype.hasOwnProperty.call(ctx.vars, objExpr.name)) {
    const root = objExpr.name;
    const r = ctx.r;
    switch (root) {
      case 'var':
        if (!r) throw new EvalError('variables cannot be used here', range);
        return r.variable(name, range);
      case 'local':
        if (!r) throw new EvalError('local values cannot be used here', range);
        return r.local(name, range);
      case 'module':
        if (!r) throw new EvalError('module outputs cannot be used here', range);
        return r.module(name, range);
      case 'data':
        if (!r) throw new EvalError('data sources cannot be used here', range);
        return new DataTypeRef(name);
      case 'path': {
        if (!r) throw new EvalError('path cannot be used here', range);
        const p = (r.paths as Record<string, string>)[name];
        if (p === undefined) throw new EvalError(`path.${name} does not exist`, range);
        return p;
      }
      case 'terraform':
        if (name === 'workspace') return 'default';
        throw new EvalError(`terraform.${name} does not exist`, range);
      case 'self':
        return UNKNOWN;
      case 'each':
      case 'count':
        return rootVariable(root, ctx, range);
      default:
        if (!r) throw new EvalError(`references to resources cannot be used here`, range);
        return r.resource(root, name, range);
    }
  }
  const obj = evaluate(objExpr, ctx);
  if (obj instanceof DataTypeRef) return ctx.r ? ctx.r.dataSource(obj.type, name, range) : UNKNOWN;
  return getAttr(obj, name, range);
}

export function getAttr(obj: unknown, name: string, range?: Range): unknown {
  if (isUnknown(obj)) return UNKNOWN;
  if (obj === null) throw new EvalError(`attempt to get attribute "${name}" from a null value`, range);
  if (isObject(obj)) {
    if (Object.prototype.hasOwnProperty.call(obj, name)) return obj[name];
    if (isOpen(obj)) return missingAttribute(obj, name);
    throw new EvalError(`this object does not have an attribute named "${name}"`, range);
  }
  throw new EvalError(`cannot access attribute "${name}" of a ${typeName(obj)} value`, range);
}

export function indexValue(obj: unknown, key: unknown, range?: Range): unknown {
  if (isUnknown(obj) || isUnknown(key)) return UNKNOWN;
  if (key === null) throw new EvalError('an index cannot be null', range);
  if (Array.isArray(obj)) {
    const n = toNum(key, range);
    if (!Number.isInteger(n)) throw new EvalError(`index ${n} is not a whole number`, range);
    if (n < 0 || n >= obj.length) throw new EvalError(`index ${n} is out of range for a collection of ${obj.length} elements`, range);
    return obj[n];
  }
  if (isObject(obj)) {
    const k = toStr(key, range);
    if (Object.prototype.hasOwnProperty.call(obj, k)) return obj[k];
    if (isOpen(obj)) return missingAttribute(obj, k);
    throw new EvalError(`the given key "${k}" does not exist`, range);
  }
  if (obj === null) throw new EvalError('cannot index a null value', range);
  throw new EvalError(`cannot index a ${typeName(obj)} value`, range);
}

function evalBinary(op: string, a: unknown, b: unknown, range: Range): unknown {
  switch (op) {
    case '==':
    case '!=': {
      if (containsUnknown(a) || containsUnknown(b)) return UNKNOWN;
      const eq = deepEqual(a, b);
      return op === '==' ? eq : !eq;
    }
    case '&&':
    case '||': {
      // null short-circuits as false (HCL's short-circuit tests); otherwise it is an error
      const ka = isUnknown(a) ? undefined : a === null ? null : toBoolean(a, range);
      const kb = isUnknown(b) ? undefined : b === null ? null : toBoolean(b, range);
      if (op === '&&') {
        if (ka === false || kb === false || ka === null || kb === null) return false;
        return ka === undefined || kb === undefined ? UNKNOWN : true;
      }
      if (ka === true || kb === true) return true;
      if (ka === undefined || kb === undefined) return UNKNOWN;
      if (ka === null || kb === null) throw new EvalError('a null value cannot be used as a bool', range);
      return false;
    }
    default:
      break;
  }
  if (isUnknown(a) || isUnknown(b)) return UNKNOWN;
  const x = toNum(a, range);
  const y = toNum(b, range);
  switch (op) {
    case '<':
      return x < y;
    case '<=':
      return x <= y;
    case '>':
      return x > y;
    case '>=':
      return x >= y;
    // Terraform's numbers reach ±infinity by a division by zero and carry it on (1 / 0 > 1 is
    // true); the operations that have no result are errors, as in cty
    case '+':
      return arithmetic(x + y, x, y, 'can\'t add opposite infinities', range);
    case '-':
      return arithmetic(x - y, x, y, 'can\'t subtract infinity from itself', range);
    case '*':
      return arithmetic(x * y, x, y, 'can\'t multiply zero by infinity', range);
    case '/':
      return arithmetic(x / y, x, y === 0 ? Infinity : y, 'can\'t divide zero by zero or infinity by infinity', range);
    case '%':
      if (!Number.isFinite(x) || !Number.isFinite(y)) throw new EvalError('can\'t use modulo with zero and infinity', range);
      // cty: a modulo by zero is the dividend
      return y === 0 ? x : x % y;
    default:
      throw new EvalError(`unsupported operator ${op}`, range);
  }
}

/**
 * An arithmetic result. NaN (∞ − ∞, 0 × ∞, 0 / 0, ∞ / ∞) is a Terraform error too; an infinity
 * from finite operands (a division by zero counts as infinite) overflowed Palisade's IEEE
 * doubles where Terraform's big floats hold the exact value.
 */
function arithmetic(r: number, x: number, y: number, nan: string, range: Range): number {
  if (Number.isNaN(r)) throw new EvalError(nan, range);
  if (!Number.isFinite(r) && Number.isFinite(x) && Number.isFinite(y))
    throw new EvalError('the result is beyond the range of Palisade\'s numbers (IEEE doubles)', range);
  return r;
}

/** Elements of a collection to iterate, in Terraform's order (maps by key); undefined when unknown. */
export function iterate(coll: unknown, range: Range): [unknown, unknown][] | undefined {
  if (isUnknown(coll)) return undefined;
  if (Array.isArray(coll)) return coll.map((v, i) => [i, v]);
  if (isObject(coll)) {
    return Object.keys(coll)
      .sort()
      .map((k) => [k, coll[k]]);
  }
  if (coll === null) throw new EvalError('cannot iterate over a null value', range);
  throw new EvalError(`cannot iterate over a ${typeName(coll)} value`, range);
}

function evalFor(e: Extract<Expression, { type: 'for' }>, ctx: Ctx): unknown {
  const coll = evaluate(e.collection, ctx);
  const items = iterate(coll, e.collection.range);
  if (!items) return UNKNOWN;
  const tuple: unknown[] = [];
  const obj: Record<string, unknown> = {};
  let unknownResult = false;
  for (const [k, v] of items) {
    const vars: Record<string, unknown> = { [e.valueVar]: v };
    if (e.keyVar) vars[e.keyVar] = k;
    const c = withVars(ctx, vars);
    if (e.condition) {
      const cond = evaluate(e.condition, c);
      if (isUnknown(cond)) {
        unknownResult = true;
        continue;
      }
      if (!toBoolean(cond, e.condition.range)) continue;
    }
    if (!e.isObject) {
      tuple.push(evaluate(e.valueExpr, c));
      continue;
    }
    const key = evaluate(e.keyExpr!, c);
    if (isUnknown(key)) {
      unknownResult = true;
      continue;
    }
    const ks = toStr(key, e.keyExpr!.range);
    const val = evaluate(e.valueExpr, c);
    if (e.grouping) ((obj[ks] ??= []) as unknown[]).push(val);
    else if (Object.prototype.hasOwnProperty.call(obj, ks)) throw new EvalError(`duplicate object key "${ks}" (use "..." after the value to group them)`, e.keyExpr!.range);
    else obj[ks] = val;
  }
  if (unknownResult) return UNKNOWN;
  return e.isObject ? obj : tuple;
}

function evalTemplate(parts: TemplatePart[], ctx: Ctx, range: Range): unknown {
  if (parts.length === 1 && parts[0].type === 'interpolation') return evaluate(parts[0].expr, ctx);
  const s = renderParts(parts, ctx);
  return s === undefined ? UNKNOWN : s;
  void range;
}

/** The string of template parts, undefined when any part is unknown. */
export function renderParts(parts: TemplatePart[], ctx: Ctx): string | undefined {
  let s = '';
  for (const p of parts) {
    switch (p.type) {
      case 'literal':
        s += nfc(p.value);
        break;
      case 'interpolation': {
        const v = evaluate(p.expr, ctx);
        if (isUnknown(v)) return undefined;
        s += toStr(v, p.range);
        break;
      }
      case 'if': {
        const c = evaluate(p.cond, ctx);
        if (isUnknown(c)) return undefined;
        const branch = toBoolean(c, p.range) ? p.then : p.else ?? [];
        const r = renderParts(branch, ctx);
        if (r === undefined) return undefined;
        s += r;
        break;
      }
      case 'for': {
        const items = iterate(evaluate(p.collection, ctx), p.range);
        if (!items) return undefined;
        for (const [k, v] of items) {
          const vars: Record<string, unknown> = { [p.valueVar]: v };
          if (p.keyVar) vars[p.keyVar] = k;
          const r = renderParts(p.body, withVars(ctx, vars));
          if (r === undefined) return undefined;
          s += r;
        }
        break;
      }
    }
  }
  return s;
}

function evalCall(e: Extract<Expression, { type: 'call' }>, ctx: Ctx): unknown {
  if (e.name === 'try') {
    let last: unknown;
    for (const a of e.args) {
      try {
        const v = evaluate(a, ctx);
        // an unknown result stays unknown (it could still fail when known); an attribute of a
        // resource instance that exists cannot, so which instance it is stays known (unknownOrigin)
        return containsUnknown(v) ? (unknownOrigin(v) ? v : UNKNOWN) : v;
      } catch (err) {
        if (!(err instanceof EvalError)) throw err;
        last = err;
      }
    }
    throw new EvalError(`no expression given to try() succeeded${last ? `: ${(last as Error).message}` : ''}`, e.range);
  }
  if (e.name === 'can') {
    if (e.args.length !== 1) throw new EvalError('can() takes exactly one argument', e.range);
    try {
      const v = evaluate(e.args[0], ctx);
      return containsUnknown(v) ? UNKNOWN : true;
    } catch (err) {
      if (!(err instanceof EvalError)) throw err;
      return false;
    }
  }
  let args = e.args.map((a) => evaluate(a, ctx));
  if (e.expandFinal && args.length) {
    const last = args[args.length - 1];
    if (isUnknown(last)) return UNKNOWN;
    if (!Array.isArray(last)) throw new EvalError('the final argument before "..." must be a list', e.args[e.args.length - 1].range);
    args = [...args.slice(0, -1), ...last];
  }
  if (!ctx.r) throw new EvalError(`functions cannot be called here`, e.range);
  try {
    if (!functionsAvailable()) throw UNKNOWN_FN;
    return callLibrary(e.name, args, ctx.r.functions);
  } catch (err) {
    if (err instanceof UnknownFunctionError) {
      ctx.diag({ level: 'note', code: 'tf-unknown-function', message: `unknown function "${e.name}": its result is treated as unknown`, file: ctx.file, line: e.range.start.line, column: e.range.start.column });
      return UNKNOWN;
    }
    if (err instanceof EvalError) throw err;
    if (isFunctionError(err)) throw new EvalError(`${e.name}(): ${(err as Error).message}`, e.range);
    // a library failure on partially unknown arguments: unknown, not an error
    if (args.some(containsUnknown)) return UNKNOWN;
    throw new EvalError(`${e.name}(): ${(err as Error).message}`, e.range);
  }
}
