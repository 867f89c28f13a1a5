/**
 * What a module folder declares, analysed once per set of parsed files and shared by every
 * instance of the module (a module called 3,000 times is read once): its variables (with
 * their parsed types), locals, module calls, resources (with their inline suppressions),
 * outputs and provider blocks, and which variables each expression reads.
 */
import type { Attribute, Block, Body, Expression, HclFile } from '../../parse/hcl/ast.js';
import { walkExpression } from '../../parse/hcl/walk.js';
import type { Diagnostic } from '../../model/diagnostics.js';
import type { Range } from '../../model/source.js';
import type { RelatedRange } from '../../adapt/terraform/view.js';
import { suppressionsFor } from '../../findings/inline.js';
import { overridesOf } from './override.js';
import { parseType, type TfType } from './types.js';

export interface Def<T> {
  node: T;
  file: string;
}

export interface VariableDef extends Def<Block> {
  type: TfType;
  /** Whether a `type` was given and understood. */
  typed: boolean;
  /** The diagnostic for a `type` that cannot be read. */
  typeError?: Diagnostic;
  default?: Attribute;
  nullable?: Attribute;
  /** Provenance: the declaration, and the declaration as the source of the default value. */
  declared: RelatedRange;
  defaulted: RelatedRange;
  /** The default's converted value when it has no diagnostics (computed on first use; false: none). */
  cleanDefault?: { value: unknown; related: RelatedRange[] } | false;
}

export interface ExpandableDef extends Def<Block> {
  count?: Attribute;
  forEach?: Attribute;
}

export interface ResourceDef extends ExpandableDef {
  mode: 'managed' | 'data';
  type: string;
  name: string;
  /** `data.type.name` / `type.name`. */
  base: string;
  /** Provider alias ('' for the default provider). */
  alias: string;
  /** Names a reference to an instance sees (attributes and nested block types). */
  valueNames: string[];
  /** The block's attributes by name (on first use). */
  attributes?: Map<string, Attribute>;
  suppressions?: Record<string, string>;
  /** Diagnostics about the suppression comments (reasons missing). */
  suppressionDiagnostics: Diagnostic[];
}

export interface CallDef extends ExpandableDef {
  source?: Attribute;
  providers?: Attribute;
  /** The arguments passed to the module's variables. */
  args: Attribute[];
  /** Provenance of each argument: where the call sets the variable. */
  argSet: Map<Attribute, RelatedRange>;
}

export interface OutputDef extends Def<Block> {
  value?: Attribute;
}

const RESOURCE_META = new Set(['count', 'for_each', 'provider', 'depends_on', 'lifecycle', 'connection', 'provisioner', 'dynamic']);
const MODULE_META = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);

export function attrOf(block: Block, name: string): Attribute | undefined {
  return attributesOf(block.body).get(name);
}

const bodyAttributes = new WeakMap<Body, Map<string, Attribute>>();

/** Attributes of a body by name (the first of a name wins), computed once per body. */
export function attributesOf(body: Body): Map<string, Attribute> {
  let m = bodyAttributes.get(body);
  if (!m) {
    m = new Map();
    for (const item of body.items) if (item.kind === 'attribute' && !m.has(item.name)) m.set(item.name, item);
    bodyAttributes.set(body, m);
  }
  return m;
}

export function lineOf(file: string, r: Range): { file: string; line: number; column: number } {
  return { file, line: r.start.line, column: r.start.column };
}

/** The file an attribute is written in: its own when an override file set it, else its block's. */
export function fileOf(a: { file?: string }, blockFile: string): string {
  return a.file ?? blockFile;
}

export class ModuleShape {
  readonly variables = new Map<string, VariableDef>();
  readonly locals = new Map<string, Def<Attribute>>();
  readonly calls = new Map<string, CallDef>();
  readonly resources = new Map<string, ResourceDef>();
  readonly outputs = new Map<string, OutputDef>();
  readonly providers: Def<Block>[] = [];
  private readonly varsRead = new WeakMap<Expression, readonly string[]>();

  constructor(files: readonly HclFile[]) {
    for (const file of files) {
      for (const item of file.body.items) {
        if (item.kind === 'attribute') continue;
        const b = item;
        switch (b.type) {
          case 'variable':
            if (b.labels.length === 1) this.variables.set(b.labels[0], variableDef(b, file.path));
            break;
          case 'locals':
            for (const a of b.body.items) if (a.kind === 'attribute') this.locals.set(a.name, { node: a, file: fileOf(a, file.path) });
            break;
          case 'module':
            if (b.labels.length === 1) this.calls.set(b.labels[0], callDef(b, file.path));
            break;
          case 'resource':
          case 'data':
            if (b.labels.length === 2) {
              const def = resourceDef(b, file);
              this.resources.set(def.base, def);
            }
            break;
          case 'output':
            if (b.labels.length === 1) this.outputs.set(b.labels[0], { node: b, file: file.path, value: attrOf(b, 'value') });
            break;
          case 'provider':
            this.providers.push({ node: b, file: file.path });
            break;
          default:
            break;
        }
      }
    }
  }

  /** Declared variables an expression reads, directly or through locals, in order of first reference. */
  variablesRead(expr: Expression): readonly string[] {
    let out = this.varsRead.get(expr);
    if (out) return out;
    const vars = new Set<string>();
    const seenLocals = new Set<string>();
    const visit = (e: Expression): void => {
      walkRefs(e, (root, name) => {
        if (root === 'var') vars.add(name);
        else if (root === 'local' && !seenLocals.has(name)) {
          seenLocals.add(name);
          const def = this.locals.get(name);
          if (def) visit(def.node.expr);
        }
      });
    };
    visit(expr);
    out = [...vars].filter((v) => this.variables.has(v));
    this.varsRead.set(expr, out);
    return out;
  }
}

const shapes = new WeakMap<readonly HclFile[], ModuleShape>();

/** The shape of the module made of these files (computed once per file list). */
export function moduleShape(files: readonly HclFile[]): ModuleShape {
  let s = shapes.get(files);
  if (!s) {
    s = new ModuleShape(files);
    shapes.set(files, s);
  }
  return s;
}

function variableDef(b: Block, file: string): VariableDef {
  const name = b.labels[0];
  const declared: RelatedRange = { file, start: b.range.start, end: b.range.end, message: `variable "${name}" declared here` };
  const defaultAttr = attrOf(b, 'default');
  // a default set by an override file is shown where that file sets it
  const defaulted: RelatedRange =
    defaultAttr?.file !== undefined
      ? { file: defaultAttr.file, start: defaultAttr.range.start, end: defaultAttr.range.end, message: `value from the default of variable "${name}"` }
      : { ...declared, message: `value from the default of variable "${name}"` };
  const def: VariableDef = { node: b, file, type: { kind: 'any' }, typed: false, default: defaultAttr, nullable: attrOf(b, 'nullable'), declared, defaulted };
  const typeAttr = attrOf(b, 'type');
  if (typeAttr) {
    try {
      def.type = parseType(typeAttr.expr);
      def.typed = true;
    } catch (e) {
      def.typeError = { level: 'warning', code: 'tf-eval', message: `variable "${b.labels[0]}": ${(e as Error).message}`, ...lineOf(fileOf(typeAttr, file), typeAttr.range) };
    }
  }
  return def;
}

function callDef(b: Block, file: string): CallDef {
  const args: Attribute[] = [];
  const argSet = new Map<Attribute, RelatedRange>();
  for (const item of b.body.items) {
    if (item.kind !== 'attribute' || MODULE_META.has(item.name)) continue;
    args.push(item);
    argSet.set(item, { file: fileOf(item, file), start: item.range.start, end: item.range.end, message: `value from variable "${item.name}" set by argument of module "${b.labels[0]}"` });
  }
  return { node: b, file, count: attrOf(b, 'count'), forEach: attrOf(b, 'for_each'), source: attrOf(b, 'source'), providers: attrOf(b, 'providers'), args, argSet };
}

function resourceDef(b: Block, file: HclFile): ResourceDef {
  const mode = b.type === 'data' ? 'data' : 'managed';
  const [type, name] = b.labels;
  const suppressionDiagnostics: Diagnostic[] = [];
  let suppressions = suppressionsOf(file, b, suppressionDiagnostics);
  // comments beside an override block merged into this one count too
  for (const o of overridesOf(b) ?? []) {
    const more = suppressionsOf(o.file, o.block, suppressionDiagnostics);
    if (more) suppressions = { ...suppressions, ...more };
  }
  const providerAttr = attrOf(b, 'provider');
  const names = new Set<string>();
  for (const item of b.body.items) {
    if (item.kind === 'attribute') {
      if (!RESOURCE_META.has(item.name)) names.add(item.name);
    } else if (!RESOURCE_META.has(item.type)) names.add(item.type);
    else if (item.type === 'dynamic' && item.labels[0]) names.add(item.labels[0]);
  }
  const def: ResourceDef = {
    node: b,
    file: file.path,
    mode,
    type,
    name,
    base: `${mode === 'data' ? 'data.' : ''}${type}.${name}`,
    alias: providerAttr && providerAttr.expr.type === 'getattr' ? providerAttr.expr.name : '',
    valueNames: [...names],
    suppressionDiagnostics,
    count: attrOf(b, 'count'),
    forEach: attrOf(b, 'for_each'),
  };
  if (suppressions) def.suppressions = suppressions;
  return def;
}

function suppressionsOf(file: HclFile, b: Block, diagnostics: Diagnostic[]): Record<string, string> | undefined {
  const comments = file.comments.map((c) => ({ line: c.range.start.line, text: c.text }));
  return suppressionsFor(comments, b.range.start.line, b.range.end.line, leadIn(file, b), file.path, diagnostics);
}

const leadIns = new WeakMap<HclFile, Map<Block, number>>();

/** The first line above a block that still belongs to it (its comment lead-in). */
function leadIn(file: HclFile, block: Block): number {
  let m = leadIns.get(file);
  if (!m) {
    m = new Map();
    const commentLines = new Set(file.comments.map((c) => c.range.start.line));
    let previousEnd = 0;
    for (const item of file.body.items) {
      if (item.kind === 'block') {
        let line = item.range.start.line;
        while (line - 1 > previousEnd && commentLines.has(line - 1)) line--;
        m.set(item, line);
      }
      previousEnd = item.range.end.line;
    }
    leadIns.set(file, m);
  }
  return m.get(block) ?? block.range.start.line;
}

/** Calls `fn(root, name)` for every `root.name` traversal (var.x, local.y) inside an expression. */
export function walkRefs(e: Expression, fn: (root: string, name: string) => void): void {
  walkExpression(e, (x) => {
    if (x.type === 'getattr' && x.object.type === 'variable') {
      fn(x.object.name, x.name);
      return true;
    }
    return false;
  });
}
