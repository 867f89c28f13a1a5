/**
 * Generic traversal of expression trees: the one place that knows which children each
 * expression kind has. Reference finders and evaluators build on it.
 */
import type { Expression, TemplatePart } from './ast.js';

/** Calls `fn` on each direct child expression of `e` (template parts are looked through). */
export function forEachChild(e: Expression, fn: (child: Expression) => void): void {
  switch (e.type) {
    case 'template':
      for (const p of e.parts) forEachPartChild(p, fn);
      break;
    case 'tuple':
      e.items.forEach(fn);
      break;
    case 'object':
      for (const i of e.items) {
        fn(i.key);
        fn(i.value);
      }
      break;
    case 'getattr':
      fn(e.object);
      break;
    case 'index':
      fn(e.object);
      fn(e.key);
      break;
    case 'splat':
      fn(e.source);
      fn(e.each);
      break;
    case 'call':
      e.args.forEach(fn);
      break;
    case 'conditional':
      fn(e.cond);
      fn(e.then);
      fn(e.else);
      break;
    case 'binary':
      fn(e.left);
      fn(e.right);
      break;
    case 'unary':
      fn(e.operand);
      break;
    case 'for':
      fn(e.collection);
      if (e.keyExpr) fn(e.keyExpr);
      fn(e.valueExpr);
      if (e.condition) fn(e.condition);
      break;
    case 'paren':
      fn(e.expr);
      break;
    default:
      break;
  }
}

function forEachPartChild(p: TemplatePart, fn: (child: Expression) => void): void {
  if (p.type === 'interpolation') fn(p.expr);
  else if (p.type === 'if') {
    fn(p.cond);
    for (const q of p.then) forEachPartChild(q, fn);
    for (const q of p.else ?? []) forEachPartChild(q, fn);
  } else if (p.type === 'for') {
    fn(p.collection);
    for (const q of p.body) forEachPartChild(q, fn);
  }
}

/**
 * Visits `e` and its descendants depth first; when `visit` returns true the node's children
 * are skipped (it handled them).
 */
export function walkExpression(e: Expression, visit: (node: Expression) => boolean | void): void {
  if (visit(e) === true) return;
  forEachChild(e, (c) => walkExpression(c, visit));
}
