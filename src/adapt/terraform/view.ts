/**
 * A read-only view of a Terraform block body with values: what adapters read. The
 * evaluator's view (src/eval/terraform/view.ts) computes variables, locals, references and
 * functions; the plan's view (src/adapt/terraform-plan/view.ts) reads planned values.
 * Adapters do not care which.
 */
import type { Expression } from '../../parse/hcl/ast.js';
import type { FileRange, Range } from '../../model/source.js';

export interface AttrView {
  /** The value, UNKNOWN when not statically known. */
  value: unknown;
  range: Range;
  /**
   * The file `range` is in when it is not the view's own file: an attribute a Terraform
   * override file set in a block of another file. Locate attributes with `attrWhere`.
   */
  file?: string;
  expr: Expression;
  /**
   * Where the value came from when not from the attribute itself: the variable's
   * definition, the tfvars line, the module call argument. Shown as SARIF relatedLocations.
   */
  related?: RelatedRange[];
  /**
   * When the value is an unknown JSON string whose structure is partly known (`jsonencode` of a
   * value holding unknowns, an `aws_iam_policy_document` naming an unknown ARN): that structure,
   * with UNKNOWN where values are unknown. Absent otherwise (and always for plans, which carry
   * no structure for unknown strings).
   */
  decoded?: unknown;
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

/** Where an attribute of a view is written: what adapters record as a field's location. */
export function attrWhere(view: { file: string }, a: { range: Range; file?: string }): { file: string; range: Range } {
  return { file: a.file ?? view.file, range: a.range };
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
