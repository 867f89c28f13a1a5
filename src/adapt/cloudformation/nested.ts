/**
 * CloudFormation nested stacks whose template is a file of the scanned tree, as written before
 * `aws cloudformation package`: `AWS::CloudFormation::Stack` with a local `TemplateURL`
 * (`./network.yaml`, `nested/db.json`) and, in SAM templates, `AWS::Serverless::Application`
 * with a local `Location`. Paths are relative to the parent template's folder.
 *
 * The child template is read through the scan's reader (never outside the tree, never fetched),
 * parsed by the ordinary loader and evaluated with the values the parent passes in the stack's
 * `Parameters` — evaluated in the parent, so `!Ref ParentParam` carries the parent's value and a
 * resource attribute is unknown — except a resource's id itself (`!Ref ParentGroup`), which
 * still designates that resource in the child (see {@link NestedStacks.designated}), so that a
 * child's ingress rule folds into the parent's group. A child parameter the parent does not pass
 * takes its `Default` (none → unknown, with a note). A stack whose `Condition` is false creates
 * nothing ({@link NestedStacks.switchedOff}: the unit notes it when nothing else follows its template).
 * `!GetAtt Stack.Outputs.Name` in the parent is the child's output value when it is known, and
 * designates the child's resource when the output is its id.
 * Nested stacks nest, up to {@link MAX_NESTING_DEPTH} levels; a template that nests itself
 * (directly or not) is followed once, then reported.
 *
 * What the adapters do with the child's resources is in `index.ts` (`adaptCloudFormation`); how
 * their objects are named, and found across stacks, is in `context.ts` (`CfnContext`).
 */
import path from 'node:path';
import type { Diagnostic } from '../../model/diagnostics.js';
import { isUnknown } from '../../model/model.js';
import type { FileRange, Range } from '../../model/source.js';
import { entry, loadTemplate, type CfnEntry, type CfnNode, type CfnTemplate } from '../../parse/cloudformation/load.js';
import { fromStackRef, stackQualifiedId, stackRef, type StackPlacement } from './context.js';
import { Evaluator, hasUnknown, intrinsicOf, NO_VALUE, UnknownValue, unknownOf } from './intrinsics.js';
import { isSamTemplate, SamExpander } from './sam.js';

/** Resource types that create a nested stack, and the property naming its template. */
export const NESTED_STACK_TYPES: Readonly<Record<string, string>> = {
  'AWS::CloudFormation::Stack': 'TemplateURL',
  'AWS::Serverless::Application': 'Location',
};

/** Levels of nested stacks followed below the template scanned. */
export const MAX_NESTING_DEPTH = 10;
/** Nested templates adapted for one scanned template (the same child nested many times, many levels down). */
export const MAX_NESTED_TEMPLATES = 500;

export const NESTED_STACK_CODE = 'cloudformation-nested-stack';

type Related = FileRange & { message: string };

export interface NestingOptions {
  /** Reads a file of the scanned tree (path relative to its root); undefined when missing, unreadable or outside it. */
  readText?: (rel: string) => string | undefined;
  /** Absolute root of the scanned tree: an absolute template path inside it is followed. */
  root?: string;
}

/** Where a template sits among nested stacks, and what it may read. */
export interface Nesting extends StackPlacement {
  /** Template files from the scanned one down to this one (the cycle guard). */
  chain: string[];
  /**
   * Where the value of a parameter of this template was set: the parent's `Parameters` entry
   * (and, when that entry refers to the parent's own parameters, where those were set).
   */
  parameterOrigin(name: string): Related[];
  options: NestingOptions;
  /** Nested templates still allowed under the scanned template. */
  budget: { left: number };
}

/** A template with its evaluator, its nested stacks and its SAM expander, ready to adapt. */
export interface PreparedTemplate {
  template: CfnTemplate;
  ev: Evaluator;
  nested: NestedStacks;
  sam?: SamExpander;
  nesting: Nesting;
}

/** Nesting of the template scanned as a unit. */
export function rootNesting(file: string, options: NestingOptions): Nesting {
  return { rootFile: file, path: [], via: [], chain: [file], parameterOrigin: () => [], options, budget: { left: MAX_NESTED_TEMPLATES } };
}

export function prepareTemplate(template: CfnTemplate, diagnostics: Diagnostic[], parameters: Record<string, unknown> | undefined, nesting: Nesting): PreparedTemplate {
  // the evaluator asks the template's nested stacks for their outputs; they evaluate their parameters with it
  let nested: NestedStacks | undefined;
  const ev = new Evaluator(template, diagnostics, { parameters, stackOutput: (stack, name, at) => nested?.output(stack, name, at) });
  nested = new NestedStacks(template, ev, diagnostics, nesting);
  const sam = isSamTemplate(template) ? new SamExpander(template, ev, diagnostics) : undefined;
  // before any property is read (a nested stack's output may be read early)
  sam?.registerGeneratedNames();
  return { template, ev, nested, sam, nesting };
}

/** A parameter reference in a template: `Ref: P`, or `${P}` in `Fn::Sub`. */
export interface ParameterRef {
  name: string;
  range: Range;
}

/** The references to parameters (as `isParam` tells them apart) in a node. */
export function parameterRefs(node: CfnNode, isParam: (name: string) => boolean, out: ParameterRef[] = [], depth = 0): ParameterRef[] {
  if (depth > 200) return out;
  const fn = intrinsicOf(node);
  if (fn?.name === 'Ref') {
    if (fn.arg.kind === 'scalar' && typeof fn.arg.value === 'string' && isParam(fn.arg.value)) out.push({ name: fn.arg.value, range: node.range });
    return out;
  }
  if (fn?.name === 'Fn::Sub') {
    const [str, vars] = fn.arg.kind === 'seq' ? fn.arg.items : [fn.arg];
    const own = new Set(vars?.kind === 'map' ? vars.entries.map((e) => e.key) : []);
    if (str?.kind === 'scalar' && typeof str.value === 'string') {
      for (const m of str.value.matchAll(/\$\{([^!}][^}]*)\}/g)) {
        const name = m[1].trim();
        if (!own.has(name) && isParam(name)) out.push({ name, range: str.range });
      }
    }
    if (vars) parameterRefs(vars, isParam, out, depth + 1);
    return out;
  }
  if (node.kind === 'seq') for (const it of node.items) parameterRefs(it, isParam, out, depth + 1);
  else if (node.kind === 'map') for (const e of node.entries) parameterRefs(e.value, isParam, out, depth + 1);
  return out;
}

/** A value passed into another template: unknowns forget the resources they came from (those are the parent's). */
function detach(v: unknown, depth = 0): unknown {
  if (isUnknown(v) || depth > 100) return unknownOf();
  if (Array.isArray(v)) return v.map((x) => detach(x, depth + 1));
  if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, detach(x, depth + 1)]));
  return v;
}

/** `!GetAtt Stack.Outputs.Name`, `[Stack, Outputs.Name]` or `!Sub "${Stack.Outputs.Name}"`, resolved. */
function stackOutputName(node: CfnNode | typeof NO_VALUE | UnknownValue): { stack: string; name: string } | undefined {
  if (node === NO_VALUE || node instanceof UnknownValue) return undefined;
  const fn = intrinsicOf(node);
  let s: string | undefined;
  if (fn?.name === 'Fn::GetAtt') {
    const items = fn.arg.kind === 'seq' ? fn.arg.items.map(literal) : [literal(fn.arg)];
    s = items.length === 2 && items[0] && items[1] ? `${items[0]}.${items[1]}` : items.length === 1 ? items[0] : undefined;
  } else if (fn?.name === 'Fn::Sub') s = /^\$\{([A-Za-z0-9]+\.Outputs\.[^}]+)\}$/.exec(literal(fn.arg) ?? '')?.[1];
  const m = s ? /^([A-Za-z0-9]+)\.Outputs\.(.+)$/.exec(s) : null;
  return m ? { stack: m[1], name: m[2] } : undefined;
}

function literal(n: CfnNode | undefined): string | undefined {
  return n?.kind === 'scalar' && typeof n.value === 'string' ? n.value : undefined;
}

const REMOTE = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;

/** The template a local path names, relative to the tree's root; `outside` when it is not in the tree. */
export function nestedTemplatePath(url: string, parentFile: string, root?: string): string | { outside: true } {
  const u = url.trim().replace(/\\/g, '/');
  if (/^[A-Za-z]:\//.test(u)) return { outside: true };
  if (path.posix.isAbsolute(u)) {
    if (!root) return { outside: true };
    const rel = path.relative(root, u).split(path.sep).join('/');
    return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? { outside: true } : rel;
  }
  const rel = path.posix.normalize(path.posix.join(path.posix.dirname(parentFile), u));
  return rel === '..' || rel.startsWith('../') ? { outside: true } : rel;
}

/** One nested stack of a template, ready to adapt. */
export interface ChildStack extends PreparedTemplate {
  /** The stack resource's logical id in the parent. */
  logicalId: string;
}

/** The nested stacks of one template: each child template loaded once, on first use. */
export class NestedStacks {
  private readonly children = new Map<string, ChildStack | null>();
  private readonly loading = new Set<string>();
  private readonly outputs = new Map<string, unknown>();

  constructor(
    private readonly template: CfnTemplate,
    private readonly ev: Evaluator,
    private readonly diagnostics: Diagnostic[],
    private readonly nesting: Nesting,
  ) {}

  private report(level: Diagnostic['level'], message: string, at: Range): void {
    this.diagnostics.push({ level, code: NESTED_STACK_CODE, message, file: this.template.file, line: at.start.line, column: at.start.column });
  }

  /** The child template of the nested stack resource `logicalId`; undefined when it is not scanned (with a diagnostic saying why). */
  child(logicalId: string): ChildStack | undefined {
    const cached = this.children.get(logicalId);
    if (cached !== undefined) return cached ?? undefined;
    // its parameters are being evaluated and need its own outputs: CloudFormation rejects that too
    if (this.loading.has(logicalId)) return undefined;
    this.loading.add(logicalId);
    const c = this.load(logicalId);
    this.loading.delete(logicalId);
    this.children.set(logicalId, c ?? null);
    return c;
  }

  /** Output `name` of the nested stack `stack` when its value is known (`!GetAtt Stack.Outputs.Name`). */
  output(stack: string, name: string, at: Range): unknown {
    if (!NESTED_STACK_TYPES[this.ev.resourceTypes.get(stack) ?? '']) return undefined;
    const key = `${stack}.${name}`;
    if (this.outputs.has(key)) return this.outputs.get(key);
    this.outputs.set(key, undefined);
    const c = this.child(stack);
    let v: unknown;
    if (c) {
      const o = entry(entry(c.template.root, 'Outputs')?.value, name);
      if (!o) this.report('warning', `Fn::GetAtt names output ${name} of nested stack ${stack}, which ${c.template.file} does not declare`, at);
      else {
        const cond = literal(entry(o.value, 'Condition')?.value);
        const value = entry(o.value, 'Value')?.value;
        if (value && (cond === undefined || c.ev.condition(cond) !== false)) {
          const x = c.ev.value(value);
          v = x === NO_VALUE || hasUnknown(x) ? undefined : x;
        }
      }
    }
    this.outputs.set(key, v);
    return v;
  }

  /**
   * The nested stacks of the template that CloudFormation does not create (their `Condition`
   * is false), with the local template each names (relative to the tree's root).
   */
  switchedOff(): { logicalId: string; condition: string; template: string; at: Range }[] {
    const out: { logicalId: string; condition: string; template: string; at: Range }[] = [];
    const resources = entry(this.template.root, 'Resources')?.value;
    if (resources?.kind !== 'map') return out;
    for (const e of resources.entries) {
      const type = literal(entry(e.value, 'Type')?.value) ?? '';
      const key = NESTED_STACK_TYPES[type];
      if (!key || (type === 'AWS::Serverless::Application' && !isSamTemplate(this.template))) continue;
      const cond = literal(entry(e.value, 'Condition')?.value);
      if (cond === undefined || this.ev.condition(cond) !== false) continue;
      const url = literal(entry(entry(e.value, 'Properties')?.value, key)?.value);
      const rel = url === undefined || REMOTE.test(url.trim()) ? undefined : nestedTemplatePath(url, this.template.file, this.nesting.options.root);
      if (typeof rel === 'string') out.push({ logicalId: e.key, condition: cond, template: rel, at: entry(e.value, 'Condition')!.keyRange });
    }
    return out;
  }

  /**
   * The resource, of this template or of another stack of the unit, a node designates, as a
   * cross-stack ref (see `stackRef` in context.ts): `!Ref X` / `!GetAtt X.Attr` / `!Sub "${X}"`
   * to a resource of the template; `!GetAtt Stack.Outputs.Name` (or `${Stack.Outputs.Name}`) of
   * a nested stack whose output designates one; a parameter whose value, passed by the parent,
   * designates one. Undefined otherwise (a value merely computed from a resource designates none).
   */
  designated(node: CfnNode | undefined, depth = 0): string | undefined {
    if (!node || depth > MAX_NESTING_DEPTH + 2) return undefined;
    const id = this.ev.target(node);
    if (id !== undefined) {
      if (!NESTED_STACK_TYPES[this.ev.resourceTypes.get(id) ?? '']) return stackRef(stackQualifiedId(this.nesting.path, id));
      const out = stackOutputName(this.ev.resolve(node));
      return out && out.stack === id ? this.outputDesignated(id, out.name, depth) : undefined;
    }
    // only the parameter itself (`!Ref P`): a value built from it (`!Sub "${P}-x"`) is another
    const r = this.ev.resolve(node);
    const fn = r === NO_VALUE || r instanceof UnknownValue ? undefined : intrinsicOf(r);
    const name = fn?.name === 'Ref' ? literal(fn.arg) : undefined;
    if (name === undefined || !this.ev.hasParameter(name)) return undefined;
    const v = this.ev.value(fn!.node);
    return v instanceof UnknownValue && v.refs.length === 1 && fromStackRef(v.refs[0]) !== undefined ? v.refs[0] : undefined;
  }

  /** What output `name` of the nested stack `stack` designates (see {@link designated}). */
  private outputDesignated(stack: string, name: string, depth: number): string | undefined {
    const c = this.child(stack);
    const o = c && entry(entry(c.template.root, 'Outputs')?.value, name);
    if (!c || !o) return undefined;
    const cond = literal(entry(o.value, 'Condition')?.value);
    if (cond !== undefined && c.ev.condition(cond) === false) return undefined;
    return c.nested.designated(entry(o.value, 'Value')?.value, depth + 1);
  }

  private load(logicalId: string): ChildStack | undefined {
    const parentFile = this.template.file;
    const e = entry(entry(this.template.root, 'Resources')?.value, logicalId);
    if (!e || e.value.kind !== 'map') return undefined;
    const type = literal(entry(e.value, 'Type')?.value) ?? '';
    const key = NESTED_STACK_TYPES[type];
    // without the SAM transform, AWS::Serverless::* resources are not read (CloudFormation rejects them)
    if (!key || (type === 'AWS::Serverless::Application' && !isSamTemplate(this.template))) return undefined;
    const cond = literal(entry(e.value, 'Condition')?.value);
    if (cond !== undefined && this.ev.condition(cond) === false) return undefined;
    const props = entry(e.value, 'Properties')?.value;
    const urlEntry = entry(props, key);
    if (!urlEntry) {
      this.report('warning', `nested stack ${logicalId} has no ${key}: not scanned`, e.keyRange);
      return undefined;
    }
    const at = urlEntry.keyRange;
    const url = this.ev.value(urlEntry.value);
    const notLocal = (why: string) => this.report('note', `nested stack ${logicalId} not scanned: template not local (${why}); run the scan on the packaged source`, at);
    if (typeof url !== 'string') {
      const sar = typeof url === 'object' && url !== null && !Array.isArray(url) && !isUnknown(url);
      notLocal(sar ? `${key} names an application of the Serverless Application Repository` : `${key} is not known before deployment`);
      return undefined;
    }
    if (REMOTE.test(url.trim())) {
      notLocal(url.trim());
      return undefined;
    }
    const rel = nestedTemplatePath(url, parentFile, this.nesting.options.root);
    if (typeof rel !== 'string') {
      this.report('warning', `nested stack ${logicalId} not scanned: template ${url} is outside the scanned tree`, at);
      return undefined;
    }
    if (this.nesting.chain.includes(rel)) {
      this.report('warning', `nested stack ${logicalId} not scanned: ${rel} nests itself (${[...this.nesting.chain, rel].join(' → ')})`, at);
      return undefined;
    }
    if (this.nesting.path.length >= MAX_NESTING_DEPTH) {
      this.report('warning', `nested stack ${logicalId} not scanned: nested stacks deeper than ${MAX_NESTING_DEPTH} levels are not followed`, at);
      return undefined;
    }
    if (this.nesting.budget.left <= 0) {
      this.report('warning', `nested stack ${logicalId} not scanned: ${this.nesting.rootFile} already has ${MAX_NESTED_TEMPLATES} nested templates`, at);
      return undefined;
    }
    const read = this.nesting.options.readText;
    const before = this.diagnostics.length;
    const text = read?.(rel);
    if (text === undefined) {
      const why = !read ? 'the scanned tree cannot be read here' : this.diagnostics.length > before ? 'cannot be read' : 'not found';
      this.report('warning', `nested stack ${logicalId} not scanned: template ${url} (${rel}) ${why}`, at);
      return undefined;
    }
    this.nesting.budget.left--;
    // a child that does not parse reports its own error, on its own line
    const template = loadTemplate(text, rel, this.diagnostics);
    if (!template) return undefined;
    const { given, passed } = this.parameters(logicalId, entry(props, 'Parameters'), template, urlEntry);
    const parent = this.nesting;
    const isParentParam = (n: string) => this.ev.hasParameter(n);
    const nesting: Nesting = {
      rootFile: parent.rootFile,
      path: [...parent.path, logicalId],
      via: [...parent.via, { file: parentFile, start: e.range.start, end: e.range.end, message: `created through nested stack ${logicalId} (${rel})` }],
      chain: [...parent.chain, rel],
      parameterOrigin: (name) => {
        const pe = passed.get(name);
        if (!pe) return [];
        const here: Related = { file: parentFile, start: pe.range.start, end: pe.range.end, message: `value of parameter ${name} passed by nested stack ${logicalId}` };
        const above = [...new Set(parameterRefs(pe.value, isParentParam).map((r) => r.name))].flatMap((n) => parent.parameterOrigin(n));
        return [here, ...above];
      },
      options: parent.options,
      budget: parent.budget,
    };
    return { ...prepareTemplate(template, this.diagnostics, given, nesting), logicalId };
  }

  /**
   * The values the stack's `Parameters` pass, evaluated in the parent, for the parameters the
   * child declares; a declared parameter not passed is left out (its Default applies).
   */
  private parameters(logicalId: string, paramsEntry: CfnEntry | undefined, child: CfnTemplate, urlEntry: CfnEntry): { given: Record<string, unknown>; passed: Map<string, CfnEntry> } {
    const declaredNode = entry(child.root, 'Parameters')?.value;
    const declared = declaredNode?.kind === 'map' ? declaredNode.entries : [];
    // no prototype: a child parameter named `__proto__` is a value like any other
    const given = Object.create(null) as Record<string, unknown>;
    const passed = new Map<string, CfnEntry>();
    let allUnknown = false;
    const values = new Map<string, unknown>();
    if (paramsEntry) {
      const r = this.ev.resolve(paramsEntry.value);
      if (r instanceof UnknownValue || (r !== NO_VALUE && (r.kind !== 'map' || intrinsicOf(r)))) allUnknown = true;
      else if (r !== NO_VALUE) {
        for (const pe of r.entries) {
          const v = this.ev.value(pe.value);
          if (v === NO_VALUE) continue;
          // a resource's id passed in (`!Ref ParentGroup`) still designates it in the child
          const ref = this.designated(pe.value);
          values.set(pe.key, ref !== undefined ? unknownOf(ref) : detach(v));
          passed.set(pe.key, pe);
        }
      }
    }
    const names = new Set(declared.map((d) => d.key));
    for (const [name, pe] of passed) {
      if (!names.has(name)) this.report('warning', `nested stack ${logicalId} passes parameter ${name}, which ${child.file} does not declare`, pe.keyRange);
    }
    for (const d of declared) {
      if (allUnknown) given[d.key] = unknownOf();
      else if (values.has(d.key)) given[d.key] = values.get(d.key);
      else if (!entry(d.value, 'Default')) {
        this.report('note', `nested stack ${logicalId} does not pass parameter ${d.key} of ${child.file}, which has no Default: its value is unknown`, (paramsEntry ?? urlEntry).keyRange);
      }
    }
    return { given, passed };
  }
}
