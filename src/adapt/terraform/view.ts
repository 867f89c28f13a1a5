/**
 * A read-only view of a Terraform block body with values: what adapters read. The static
 * view here knows literal values only (everything else is UNKNOWN); the evaluator view
 * computes variables, locals, references and functions. Adapters do not care which.
 */
import type { Block, Body, Expression, ObjectExpr } from '../../parse/hcl/ast.js';
import { literalValue, NOT_LITERAL } from '../../parse/hcl/literal.js';
import { UNKNOWN } from '../../model/model.js';
import type { FileRange, Range } from '../../model/source.js';

export interface AttrView {
  /** The value, UNKNOWN when not statically known. */
  value: unknown;
  range: Range;
  expr: Expression;
  /**
   * Where the value came from when not from the attribute itself: the variable's
   * definition, the tfvars line, the module call argument. Shown as SARIF relatedLocations.
   */
  related?: RelatedRange[];
}

export interface RelatedRange extends FileRange {
  message: string;
}

export interface BodyView {
  file: string;
  /** Range of the block this body belongs to (its header through the closing brace). */
  range: Range;
  /** True for a block whose content cannot be known (e.g. a `dynamic` block statically). */
  unknown?: boolean;
  attr(name: string): AttrView | undefined;
  /** Nested blocks of a type: native blocks, `.tf.json` objects, and expanded `dynamic` blocks. */
  blocks(type: string): BodyView[];
}

function valueOf(expr: Expression): unknown {
  const v = literalValue(expr);
  return v === NOT_LITERAL ? UNKNOWN : v;
}

/** Object-valued attributes used as blocks (`.tf.json`): keys name attributes. */
class ObjectBodyView implements BodyView {
  constructor(
    readonly file: string,
    private readonly obj: ObjectExpr,
  ) {}
  get range(): Range {
    return this.obj.range;
  }
  attr(name: string): AttrView | undefined {
    for (const item of this.obj.items) {
      const k = item.key.type === 'variable' ? item.key.name : literalValue(item.key);
      if (k === name) return { value: valueOf(item.value), range: item.range, expr: item.value };
    }
    return undefined;
  }
  blocks(type: string): BodyView[] {
    const a = this.attr(type);
    return a ? objectBlocks(this.file, a.expr) : [];
  }
}

function objectBlocks(file: string, expr: Expression): BodyView[] {
  if (expr.type === 'object') return [new ObjectBodyView(file, expr)];
  if (expr.type === 'tuple') return expr.items.filter((e): e is ObjectExpr => e.type === 'object').map((o) => new ObjectBodyView(file, o));
  return [];
}

/** A body whose attributes are all unknown: stands for blocks generated dynamically. */
export class UnknownBodyView implements BodyView {
  readonly unknown = true;
  constructor(
    readonly file: string,
    readonly range: Range,
  ) {}
  attr(): AttrView | undefined {
    return undefined;
  }
  blocks(): BodyView[] {
    return [];
  }
}

export class StaticBodyView implements BodyView {
  constructor(
    readonly file: string,
    private readonly body: Body,
    readonly range: Range,
  ) {}

  static ofBlock(file: string, block: Block): StaticBodyView {
    return new StaticBodyView(file, block.body, block.range);
  }

  attr(name: string): AttrView | undefined {
    for (const item of this.body.items) {
      if (item.kind === 'attribute' && item.name === name) return { value: valueOf(item.expr), range: item.range, expr: item.expr };
    }
    return undefined;
  }

  blocks(type: string): BodyView[] {
    const out: BodyView[] = [];
    for (const item of this.body.items) {
      if (item.kind === 'block') {
        if (item.type === type) out.push(StaticBodyView.ofBlock(this.file, item));
        else if (item.type === 'dynamic' && item.labels[0] === type) out.push(new UnknownBodyView(this.file, item.range));
      } else if (item.name === type) {
        out.push(...objectBlocks(this.file, item.expr));
      }
    }
    return out;
  }
}
