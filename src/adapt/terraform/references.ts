/**
 * Which resources an expression refers to, read from the AST: `aws_s3_bucket.logs.id`,
 * `aws_s3_bucket.logs[0].bucket`, `module.x.y` is not a resource. Folding split resources
 * into the object they configure needs the reference, not the (unknown) value.
 */
import type { Expression, TemplatePart } from '../../parse/hcl/ast.js';

export interface ResourceRef {
  type: string;
  name: string;
  /** The attribute read from it, if any (`id`, `bucket`, `arn`). */
  attribute?: string;
}

const NOT_RESOURCES = new Set(['var', 'local', 'module', 'data', 'each', 'count', 'path', 'terraform', 'self']);

/** The resource a traversal starts with, when the expression is exactly such a traversal. */
export function traversalRef(expr: Expression): ResourceRef | undefined {
  const steps: string[] = [];
  let e: Expression = expr;
  for (;;) {
    if (e.type === 'getattr') {
      steps.unshift(e.name);
      e = e.object;
    } else if (e.type === 'index') {
      e = e.object;
    } else if (e.type === 'splat') {
      e = e.source;
    } else if (e.type === 'paren') {
      e = e.expr;
    } else if (e.type === 'template' && e.parts.length === 1 && e.parts[0].type === 'interpolation') {
      e = e.parts[0].expr;
    } else break;
  }
  if (e.type !== 'variable' || NOT_RESOURCES.has(e.name) || steps.length === 0) return undefined;
  return { type: e.name, name: steps[0], attribute: steps[1] };
}

/** Every resource referenced anywhere inside an expression. */
export function allRefs(expr: Expression): ResourceRef[] {
  const out: ResourceRef[] = [];
  const visit = (e: Expression): void => {
    const r = traversalRef(e);
    if (r) {
      out.push(r);
      return;
    }
    switch (e.type) {
      case 'template':
        e.parts.forEach(visitPart);
        break;
      case 'tuple':
        e.items.forEach(visit);
        break;
      case 'object':
        e.items.forEach((i) => {
          visit(i.key);
          visit(i.value);
        });
        break;
      case 'getattr':
      case 'index':
        visit(e.object);
        if (e.type === 'index') visit(e.key);
        break;
      case 'splat':
        visit(e.source);
        break;
      case 'call':
        e.args.forEach(visit);
        break;
      case 'conditional':
        visit(e.cond);
        visit(e.then);
        visit(e.else);
        break;
      case 'binary':
        visit(e.left);
        visit(e.right);
        break;
      case 'unary':
        visit(e.operand);
        break;
      case 'for':
        visit(e.collection);
        if (e.keyExpr) visit(e.keyExpr);
        visit(e.valueExpr);
        if (e.condition) visit(e.condition);
        break;
      case 'paren':
        visit(e.expr);
        break;
      default:
        break;
    }
  };
  const visitPart = (p: TemplatePart): void => {
    if (p.type === 'interpolation') visit(p.expr);
    else if (p.type === 'if') {
      visit(p.cond);
      p.then.forEach(visitPart);
      p.else?.forEach(visitPart);
    } else if (p.type === 'for') {
      visit(p.collection);
      p.body.forEach(visitPart);
    }
  };
  visit(expr);
  return out;
}
