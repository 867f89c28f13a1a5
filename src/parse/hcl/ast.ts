/**
 * The HCL native-syntax AST (also produced from `.tf.json` files).
 *
 * Every node carries a `range`. Expressions stay as an AST so that the Terraform evaluator
 * can compute them with variables, locals and references; `literalValue()` in
 * `literal.ts` gives the value of an expression that needs no context.
 */
import type { Range } from '../../model/source.js';

export interface Body {
  /** Attributes and blocks in source order. */
  items: BodyItem[];
  range: Range;
}

export type BodyItem = Attribute | Block;

export interface Attribute {
  kind: 'attribute';
  name: string;
  nameRange: Range;
  expr: Expression;
  /** From the name to the end of the expression. */
  range: Range;
  /** Set when written in another file than its top-level block: see `Block.file`. */
  file?: string;
}

export interface Block {
  kind: 'block';
  type: string;
  typeRange: Range;
  labels: string[];
  labelRanges: Range[];
  body: Body;
  /** From the type keyword to the closing brace. */
  range: Range;
  /** Range of the `{` and of the `}`: where remediation inserts attributes. */
  openBraceRange: Range;
  closeBraceRange: Range;
  /**
   * The file this node (and everything inside it) was written in, when it is not the file of
   * the top-level block holding it: set on what a Terraform override file merges into a block
   * of a normal file (src/eval/terraform/override.ts), so that ranges keep pointing at the
   * right file. Parsers never set it.
   */
  file?: string;
}

export interface HclFile {
  path: string;
  body: Body;
  /** Comments of all three kinds, in order: inline suppressions read them. */
  comments: Comment[];
}

export interface Comment {
  text: string;
  range: Range;
}

export type Expression =
  | LiteralExpr
  | TemplateExpr
  | TupleExpr
  | ObjectExpr
  | VariableExpr
  | GetAttrExpr
  | IndexExpr
  | SplatExpr
  | AnonSplatItemExpr
  | CallExpr
  | ConditionalExpr
  | BinaryExpr
  | UnaryExpr
  | ForExpr
  | ParenExpr;

interface ExprBase {
  range: Range;
}

/** Numbers, `true`, `false`, `null`. Quoted strings are `TemplateExpr`s. */
export interface LiteralExpr extends ExprBase {
  type: 'literal';
  value: number | boolean | null;
}

/**
 * A quoted string or heredoc. A template with a single literal part is a plain string.
 * A template that is exactly one interpolation (`"${x}"`) evaluates to x's value, not a string.
 */
export interface TemplateExpr extends ExprBase {
  type: 'template';
  parts: TemplatePart[];
  heredoc?: { marker: string; indented: boolean };
}

export type TemplatePart = TemplateLiteral | TemplateInterpolation | TemplateIf | TemplateFor;

export interface TemplateLiteral {
  type: 'literal';
  /** With escapes (`\n`, `$${`, `%%{`) already resolved and, for `<<-`, indentation removed. */
  value: string;
  range: Range;
}

export interface TemplateInterpolation {
  type: 'interpolation';
  expr: Expression;
  stripLeft: boolean;
  stripRight: boolean;
  range: Range;
}

export interface TemplateIf {
  type: 'if';
  cond: Expression;
  then: TemplatePart[];
  else?: TemplatePart[];
  range: Range;
}

export interface TemplateFor {
  type: 'for';
  keyVar?: string;
  valueVar: string;
  collection: Expression;
  body: TemplatePart[];
  range: Range;
}

export interface TupleExpr extends ExprBase {
  type: 'tuple';
  items: Expression[];
}

export interface ObjectItem {
  /** A bare identifier key is a `VariableExpr` with `bareKey: true`: it means the string. */
  key: Expression;
  value: Expression;
  range: Range;
}

export interface ObjectExpr extends ExprBase {
  type: 'object';
  items: ObjectItem[];
}

/** A root name: `var`, `local`, `aws_s3_bucket`, `each`, `count`, `path`, a for-variable. */
export interface VariableExpr extends ExprBase {
  type: 'variable';
  name: string;
  /** True when this is an object key written as a bare identifier. */
  bareKey?: boolean;
}

export interface GetAttrExpr extends ExprBase {
  type: 'getattr';
  object: Expression;
  name: string;
}

/** `a[k]`, and the legacy `a.0` form (key is a number literal). */
export interface IndexExpr extends ExprBase {
  type: 'index';
  object: Expression;
  key: Expression;
}

/**
 * `a[*].b.c` (full splat) and `a.*.b` (attribute-only splat). `each` is evaluated once per
 * element with `AnonSplatItemExpr` standing for the element: for `a[*].b`, `each` is
 * getattr(anon, "b"); for `a[*]`, `each` is anon itself.
 */
export interface SplatExpr extends ExprBase {
  type: 'splat';
  source: Expression;
  each: Expression;
  style: 'full' | 'attr';
}

export interface AnonSplatItemExpr extends ExprBase {
  type: 'anon';
}

export interface CallExpr extends ExprBase {
  type: 'call';
  /** May contain `::` for provider functions. */
  name: string;
  nameRange: Range;
  args: Expression[];
  /** The last argument was followed by `...`. */
  expandFinal: boolean;
}

export interface ConditionalExpr extends ExprBase {
  type: 'conditional';
  cond: Expression;
  then: Expression;
  else: Expression;
}

export type BinaryOp = '||' | '&&' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%';

export interface BinaryExpr extends ExprBase {
  type: 'binary';
  op: BinaryOp;
  left: Expression;
  right: Expression;
}

export interface UnaryExpr extends ExprBase {
  type: 'unary';
  op: '!' | '-';
  operand: Expression;
}

export interface ForExpr extends ExprBase {
  type: 'for';
  /** `[for ...]` is a tuple, `{for ...}` an object. */
  isObject: boolean;
  keyVar?: string;
  valueVar: string;
  collection: Expression;
  /** Object form only: the key expression. */
  keyExpr?: Expression;
  valueExpr: Expression;
  condition?: Expression;
  /** Object form with `...` after the value: values grouped into lists. */
  grouping: boolean;
}

export interface ParenExpr extends ExprBase {
  type: 'paren';
  expr: Expression;
}
