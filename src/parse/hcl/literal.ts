/**
 * Values of expressions that need no evaluation context.
 */
import type { Block, Body, Expression, TemplatePart } from './ast.js';

/** Returned by `literalValue` when an expression needs context (variables, functions, ...). */
export const NOT_LITERAL: unique symbol = Symbol('NOT_LITERAL');

/**
 * The value of an expression that needs no context: numbers, booleans, null, templates
 * whose parts are all literal (an interpolation of a literal counts: `"a${1}"` is `"a1"`,
 * and `"${true}"` is `true`), tuples and objects of those (bare-key identifiers are
 * strings), unary `-` on numbers and `!` on booleans, and parentheses.
 * Anything else gives `NOT_LITERAL`.
 */
export function literalValue(expr: Expression): unknown {
  switch (expr.type) {
    case 'literal':
      return expr.value;
    case 'paren':
      return literalValue(expr.expr);
    case 'template':
      return templateValue(expr.parts);
    case 'unary': {
      const v = literalValue(expr.operand);
      if (expr.op === '-' && typeof v === 'number') return -v;
      if (expr.op === '!' && typeof v === 'boolean') return !v;
      return NOT_LITERAL;
    }
    case 'tuple': {
      const out: unknown[] = [];
      for (const item of expr.items) {
        const v = literalValue(item);
        if (v === NOT_LITERAL) return NOT_LITERAL;
        out.push(v);
      }
      return out;
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const item of expr.items) {
        const k = objectKey(item.key);
        if (k === NOT_LITERAL) return NOT_LITERAL;
        const v = literalValue(item.value);
        if (v === NOT_LITERAL) return NOT_LITERAL;
        out[k] = v;
      }
      return out;
    }
    default:
      return NOT_LITERAL;
  }
}

/** The string key of an object item (bare identifier or a literal), or NOT_LITERAL. */
export function objectKey(key: Expression): string | typeof NOT_LITERAL {
  if (key.type === 'variable' && key.bareKey) return key.name;
  const v = literalValue(key);
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return NOT_LITERAL;
}

function templateValue(parts: TemplatePart[]): unknown {
  if (parts.length === 1) {
    const p = parts[0];
    if (p.type === 'literal') return p.value;
    // A template that is exactly one interpolation has the value of its expression.
    if (p.type === 'interpolation') return literalValue(p.expr);
    return NOT_LITERAL;
  }
  let s = '';
  for (const p of parts) {
    if (p.type === 'literal') s += p.value;
    else if (p.type === 'interpolation') {
      const v = literalValue(p.expr);
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') s += String(v);
      else return NOT_LITERAL;
    } else return NOT_LITERAL;
  }
  return s;
}

/** A plain-JSON view of a body, for tests and debugging. */
export interface LiteralBody {
  /** Attribute values; non-literal expressions become `{ $expr: type }`. */
  attrs: Record<string, unknown>;
  blocks: Array<{ type: string; labels: string[] } & LiteralBody>;
}

export function bodyToLiteralObject(body: Body): LiteralBody {
  const attrs: Record<string, unknown> = {};
  const blocks: LiteralBody['blocks'] = [];
  for (const item of body.items) {
    if (item.kind === 'attribute') {
      const v = literalValue(item.expr);
      attrs[item.name] = v === NOT_LITERAL ? { $expr: item.expr.type } : v;
    } else {
      blocks.push(blockToLiteralObject(item));
    }
  }
  return { attrs, blocks };
}

function blockToLiteralObject(block: Block) {
  return { type: block.type, labels: block.labels, ...bodyToLiteralObject(block.body) };
}
