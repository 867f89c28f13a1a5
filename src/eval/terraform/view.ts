/**
 * BodyViews over evaluated values: what the adapters read when the evaluator runs.
 * Attributes evaluate lazily (once), `dynamic` blocks expand, `.tf.json`-style
 * attributes-as-blocks are read as blocks, and every AttrView whose value came through a
 * variable carries the `related` locations of that variable. An unknown JSON string built from
 * a partly known value (`jsonencode`, see unknownJson) carries that value as `decoded`.
 */
import type { Attribute, Body, Expression, ObjectExpr } from '../../parse/hcl/ast.js';
import type { Range } from '../../model/source.js';
import { UnknownBodyView, type AttrView, type BodyView, type RelatedRange } from '../../adapt/terraform/view.js';
import { iterate, withVars, type Ctx } from './expr.js';
import { isObject, isUnknown, UNKNOWN } from './values.js';
import { decodedJson } from '../../model/model.js';
import { attributesOf } from './shape.js';

/** What a view needs from the module instance it belongs to. */
export interface ViewHost {
  /** Evaluates an expression, turning errors into diagnostics and UNKNOWN. */
  safeEval(expr: Expression, ctx: Ctx): unknown;
  /** safeEval for the value of an attribute (what adapters read): an infinity is reported and unknown. */
  attrEval(expr: Expression, ctx: Ctx): unknown;
  /** Where a value built by the expression came from (variables, their tfvars lines). */
  relatedFor(expr: Expression): RelatedRange[] | undefined;
}

export class EvalBodyView implements BodyView {
  private attrs?: Map<string, AttrView | undefined>;
  private attributes?: Map<string, Attribute>;
  private blockViews?: Map<string, BodyView[]>;

  constructor(
    readonly file: string,
    private readonly body: Body,
    readonly range: Range,
    private readonly ctx: Ctx,
    private readonly host: ViewHost,
    /** The body's attributes by name, when the caller has them already. */
    attributes?: Map<string, Attribute>,
  ) {
    this.attributes = attributes;
  }

  attr(name: string): AttrView | undefined {
    const attrs = (this.attrs ??= new Map());
    if (attrs.has(name)) return attrs.get(name);
    let out: AttrView | undefined;
    const item = (this.attributes ??= attributesOf(this.body)).get(name);
    if (item) {
      // an attribute from an override file is evaluated and located in its own file
      const file = item.file ?? this.file;
      out = attrView(this.host.attrEval(item.expr, this.ctxIn(file)), item.range, item.expr, this.host.relatedFor(item.expr));
      if (file !== this.file) out.file = file;
      // null is what Terraform treats as an argument left out
      if (out.value === null) out = undefined;
    }
    attrs.set(name, out);
    return out;
  }

  /** The body as a value (attributes and nested blocks as lists), for references to it. */
  toValue(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const item of this.body.items) {
      if (item.kind === 'attribute') out[item.name] = this.attr(item.name)?.value ?? null;
      else {
        const t = item.type === 'dynamic' ? item.labels[0] : item.type;
        if (t && !(t in out)) out[t] = this.blocks(t).map((v) => (v instanceof EvalBodyView ? v.toValue() : UNKNOWN));
      }
    }
    return out;
  }

  blocks(type: string): BodyView[] {
    // made once per type: a reference to the resource and the adapters read the same nested views
    const made = (this.blockViews ??= new Map());
    let out = made.get(type);
    if (!out) made.set(type, (out = this.makeBlocks(type)));
    return out;
  }

  private makeBlocks(type: string): BodyView[] {
    const out: BodyView[] = [];
    for (const item of this.body.items) {
      if (item.kind === 'block') {
        // a nested block from an override file is a view of that file
        const file = item.file ?? this.file;
        if (item.type === type) out.push(new EvalBodyView(file, item.body, item.range, this.ctxIn(file), this.host));
        else if (item.type === 'dynamic' && item.labels[0] === type) out.push(...this.dynamic(item.body, item.range, type, file));
      } else if (item.name === type) {
        const file = item.file ?? this.file;
        out.push(...attributeBlocks(file, item.expr, this.ctxIn(file), this.host));
      }
    }
    return out;
  }

  /** This view's scope, reporting problems in `file` (where an override file wrote an item). */
  private ctxIn(file: string): Ctx {
    return file === this.file ? this.ctx : { ...this.ctx, file };
  }

  /** A `dynamic "type" { for_each, iterator, content {} }` block, expanded. */
  private dynamic(body: Body, range: Range, type: string, file: string): BodyView[] {
    const ctx = this.ctxIn(file);
    let forEach: Expression | undefined;
    let iterator = type;
    let content: Body | undefined;
    let contentRange = range;
    for (const item of body.items) {
      if (item.kind === 'attribute' && item.name === 'for_each') forEach = item.expr;
      else if (item.kind === 'attribute' && item.name === 'iterator' && item.expr.type === 'variable') iterator = item.expr.name;
      else if (item.kind === 'block' && item.type === 'content') {
        content = item.body;
        contentRange = item.range;
      }
    }
    if (!forEach || !content) return [];
    const coll = this.host.safeEval(forEach, ctx);
    let items: [unknown, unknown][] | undefined;
    try {
      items = iterate(coll, forEach.range);
    } catch {
      items = undefined;
    }
    if (!items) return [new UnknownBodyView(file, range)];
    return items.map(([key, value]) => new EvalBodyView(file, content!, contentRange, withVars(ctx, { [iterator]: { key, value } }), this.host));
  }
}

/** An attribute's view: its value, where it is, where the value came from, and its decoded JSON structure. */
function attrView(value: unknown, range: Range, expr: Expression, related?: RelatedRange[]): AttrView {
  const out: AttrView = { value, range, expr };
  if (related?.length) out.related = related;
  const decoded = decodedJson(value);
  if (decoded !== undefined) out.decoded = decoded;
  return out;
}

/** `ingress = [{ … }]` / `.tf.json` objects used as blocks. */
function attributeBlocks(file: string, expr: Expression, ctx: Ctx, host: ViewHost): BodyView[] {
  if (expr.type === 'object') return [new ObjectExprView(file, expr, ctx, host)];
  if (expr.type === 'tuple' && expr.items.every((e) => e.type === 'object')) return expr.items.map((o) => new ObjectExprView(file, o as ObjectExpr, ctx, host));
  const v = host.attrEval(expr, ctx);
  if (v === null) return []; // left out
  if (isUnknown(v)) return [new UnknownBodyView(file, expr.range)];
  const list = Array.isArray(v) ? v : [v];
  return list.map((x) => (isObject(x) ? new ValueBodyView(file, expr.range, x, expr) : new UnknownBodyView(file, expr.range)));
}

class ObjectExprView implements BodyView {
  constructor(
    readonly file: string,
    private readonly obj: ObjectExpr,
    private readonly ctx: Ctx,
    private readonly host: ViewHost,
  ) {}
  get range(): Range {
    return this.obj.range;
  }
  private item(name: string) {
    return this.obj.items.find((i) => (i.key.type === 'variable' ? i.key.name : this.host.safeEval(i.key, this.ctx)) === name);
  }
  attr(name: string): AttrView | undefined {
    const item = this.item(name);
    if (!item) return undefined;
    const v = this.host.attrEval(item.value, this.ctx);
    if (v === null) return undefined;
    return attrView(v, item.range, item.value, this.host.relatedFor(item.value));
  }
  blocks(type: string): BodyView[] {
    const item = this.item(type);
    return item ? attributeBlocks(this.file, item.value, this.ctx, this.host) : [];
  }
}

/** A computed object used as a block: values known, ranges are the expression's. */
class ValueBodyView implements BodyView {
  constructor(
    readonly file: string,
    readonly range: Range,
    private readonly value: Record<string, unknown>,
    private readonly expr: Expression,
  ) {}
  attr(name: string): AttrView | undefined {
    if (!Object.prototype.hasOwnProperty.call(this.value, name)) return undefined;
    const v = this.value[name];
    if (v === null) return undefined;
    return attrView(v, this.range, this.expr);
  }
  blocks(type: string): BodyView[] {
    const v = this.value[type];
    if (v === undefined || v === null) return [];
    if (isUnknown(v)) return [new UnknownBodyView(this.file, this.range)];
    const list = Array.isArray(v) ? v : [v];
    return list.map((x) => (isObject(x) ? new ValueBodyView(this.file, this.range, x, this.expr) : new UnknownBodyView(this.file, this.range)));
  }
}

export { UNKNOWN };
