/**
 * Which resources an expression refers to, read from the AST: `aws_s3_bucket.logs.id`,
 * `aws_s3_bucket.logs[0].bucket`, `module.x.y` is not a resource. Folding split resources
 * into the object they configure needs the reference, not the (unknown) value.
 */
import type { Expression } from '../../parse/hcl/ast.js';
import { walkExpression } from '../../parse/hcl/walk.js';

export interface ResourceRef {
  type: string;
  name: string;
  /** The attribute read from it, if any (`id`, `bucket`, `arn`). */
  attribute?: string;
}

const NOT_RESOURCES = new Set(['var', 'local', 'module', 'data', 'each', 'count', 'path', 'terraform', 'self']);

/** The root name and attribute names of an expression that is exactly a traversal (indices, splats, parentheses and `"${…}"` looked through). */
function traversalSteps(expr: Expression): { root: string; steps: string[] } | undefined {
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
  return e.type === 'variable' ? { root: e.name, steps } : undefined;
}

/** The resource a traversal starts with, when the expression is exactly such a traversal. */
export function traversalRef(expr: Expression): ResourceRef | undefined {
  const t = traversalSteps(expr);
  if (!t || NOT_RESOURCES.has(t.root) || t.steps.length === 0) return undefined;
  return { type: t.root, name: t.steps[0], attribute: t.steps[1] };
}

/** The data source a traversal reads, when the expression is exactly `data.TYPE.NAME[…].ATTRIBUTE…`. */
export function dataSourceRef(expr: Expression): ResourceRef | undefined {
  const t = traversalSteps(expr);
  if (!t || t.root !== 'data' || t.steps.length < 2) return undefined;
  return { type: t.steps[0], name: t.steps[1], attribute: t.steps[2] };
}

/** Every resource referenced anywhere inside an expression. */
export function allRefs(expr: Expression): ResourceRef[] {
  const out: ResourceRef[] = [];
  walkExpression(expr, (e) => {
    const r = traversalRef(e);
    if (r) out.push(r);
    return r !== undefined;
  });
  return out;
}
