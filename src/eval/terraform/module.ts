/**
 * One module instance: its variables (inputs, defaults, types), locals, resources, module
 * calls and outputs, all evaluated lazily and at most once. Resources are listed with the
 * address Terraform prints; their bodies are EvalBodyViews bound to the instance's scope.
 */
import { walkExpression } from '../../parse/hcl/walk.js';
import path from 'node:path';
import type { Attribute, Block, Expression, HclFile } from '../../parse/hcl/ast.js';
import type { Diagnostic } from '../../model/diagnostics.js';
import type { Range } from '../../model/source.js';
import type { RelatedRange } from '../../adapt/terraform/view.js';
import { formatKey, type TerraformResource } from '../../adapt/terraform/resource.js';
import { suppressionsFor } from '../../findings/inline.js';
import { evaluate, iterate, withVars, type Ctx, type Resolver } from './expr.js';
import type { FunctionContext } from './call.js';
import { convert, parseType, type TfType } from './types.js';
import { EvalError, isObject, isUnknown, openObject, stableKey, toStr, UNKNOWN } from './values.js';
import { EvalBodyView, type ViewHost } from './view.js';

/** A value given to a variable, with where it was set. */
export interface InputValue {
  value: unknown;
  /** The tfvars line, module argument, … (and what they came from). */
  related: RelatedRange[];
  /** For root variables: whether it came from a literal string (`-var`, TF_VAR_) to parse by type. */
  raw?: { text: string; source: string };
}

/** Services of the unit the module instances share. */
export interface UnitEnv {
  unitDir: string;
  diag(d: Diagnostic): void;
  /** Parsed .tf/.tf.json files of a module folder (relative to the scan root); undefined when missing. */
  moduleFiles(dir: string): HclFile[] | undefined;
  /** Installed modules (`.terraform/modules/modules.json`): module key → folder relative to the scan root. */
  installed: Map<string, string>;
  readText(rel: string): string | undefined;
  renderTemplate(text: string, vars: Record<string, unknown>, file: string, moduleDir: string): unknown;
  /** Evaluated module instances by (folder, inputs, providers). */
  memo: Map<string, ModuleInstance>;
  parseVarText(text: string, name: string): unknown;
}

export const MAX_MODULE_DEPTH = 16;
const MAX_INSTANCES = 10000;

interface Def<T> {
  node: T;
  file: string;
}

type Expansion =
  | { kind: 'single' }
  | { kind: 'count'; n: number | undefined }
  | { kind: 'for_each'; entries: [string, unknown][] | undefined };

interface Instance {
  key: string | number | undefined;
  /** True when the key is not known (unknown count / for_each). */
  unknownKey: boolean;
  vars: Record<string, unknown>;
}

const RESOURCE_META = new Set(['count', 'for_each', 'provider', 'depends_on', 'lifecycle', 'connection', 'provisioner', 'dynamic']);
const MODULE_META = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);

function attrOf(block: Block, name: string): Attribute | undefined {
  for (const item of block.body.items) if (item.kind === 'attribute' && item.name === name) return item;
  return undefined;
}

function lineOf(file: string, r: Range): { file: string; line: number; column: number } {
  return { file, line: r.start.line, column: r.start.column };
}

export class ModuleInstance implements Resolver, ViewHost {
  readonly variables = new Map<string, Def<Block>>();
  readonly locals = new Map<string, Def<Attribute>>();
  readonly calls = new Map<string, Def<Block>>();
  readonly resources = new Map<string, Def<Block> & { mode: 'managed' | 'data' }>();
  readonly outputsDefs = new Map<string, Def<Block>>();
  readonly providerBlocks: Def<Block>[] = [];
  readonly paths: { module: string; root: string; cwd: string };
  readonly functions: FunctionContext;

  private readonly varValues = new Map<string, { value: unknown; related: RelatedRange[] }>();
  private readonly localValues = new Map<string, unknown>();
  private readonly localStack: string[] = [];
  private readonly reportedCycles = new Set<string>();
  private readonly resourceValues = new Map<string, unknown>();
  private readonly moduleValues = new Map<string, unknown>();
  private readonly children = new Map<string, ModuleInstance | null>();
  private readonly relatedCache = new WeakMap<Expression, RelatedRange[] | undefined>();
  private regions?: Map<string, unknown>;
  private outputsObj?: Record<string, unknown>;
  private inProgressModules = new Set<string>();

  constructor(
    private readonly env: UnitEnv,
    readonly dir: string,
    readonly files: HclFile[],
    /** Key in modules.json: `net.subnets`; '' for the root module. */
    readonly moduleKey: string,
    private readonly inputs: Map<string, InputValue>,
    /** Provider configurations passed in: alias ('' = default) → region. */
    private readonly inheritedRegions: Map<string, unknown>,
    readonly depth: number,
    /** Module folders of the calling chain (recursion guard). */
    readonly chain: string[],
  ) {
    this.paths = { module: dir, root: env.unitDir, cwd: env.unitDir };
    this.functions = {
      moduleDir: dir,
      readText: (rel) => env.readText(rel),
      renderTemplate: (text, vars, file) => env.renderTemplate(text, vars, file, dir),
    };
    for (const file of files) {
      for (const item of file.body.items) {
        if (item.kind === 'attribute') continue;
        const b = item;
        switch (b.type) {
          case 'variable':
            if (b.labels.length === 1) this.variables.set(b.labels[0], { node: b, file: file.path });
            break;
          case 'locals':
            for (const a of b.body.items) if (a.kind === 'attribute') this.locals.set(a.name, { node: a, file: file.path });
            break;
          case 'module':
            if (b.labels.length === 1) this.calls.set(b.labels[0], { node: b, file: file.path });
            break;
          case 'resource':
          case 'data':
            if (b.labels.length === 2) this.resources.set(`${b.type === 'data' ? 'data.' : ''}${b.labels[0]}.${b.labels[1]}`, { node: b, file: file.path, mode: b.type === 'data' ? 'data' : 'managed' });
            break;
          case 'output':
            if (b.labels.length === 1) this.outputsDefs.set(b.labels[0], { node: b, file: file.path });
            break;
          case 'provider':
            this.providerBlocks.push({ node: b, file: file.path });
            break;
          default:
            break;
        }
      }
    }
  }

  ctx(file: string, vars: Record<string, unknown> = {}): Ctx {
    return { r: this, vars, file, diag: this.env.diag };
  }

  /** Evaluates; errors become warnings at the failing expression and the value is unknown. */
  safeEval(expr: Expression, ctx: Ctx): unknown {
    try {
      return evaluate(expr, ctx);
    } catch (e) {
      if (!(e instanceof EvalError)) throw e;
      const r = e.range ?? expr.range;
      this.env.diag({ level: 'warning', code: 'tf-eval', message: e.message, ...lineOf(e.file ?? ctx.file, r) });
      return UNKNOWN;
    }
  }

  // ---- variables -------------------------------------------------------------------------

  variable(name: string, range: Range): unknown {
    return this.variableEntry(name, range).value;
  }

  private variableEntry(name: string, range?: Range): { value: unknown; related: RelatedRange[] } {
    const memo = this.varValues.get(name);
    if (memo) return memo;
    const def = this.variables.get(name);
    if (!def) throw new EvalError(`reference to undeclared input variable "${name}"`, range);
    const b = def.node;
    const file = def.file;
    let type: TfType = { kind: 'any' };
    let typed = false;
    const typeAttr = attrOf(b, 'type');
    if (typeAttr) {
      try {
        type = parseType(typeAttr.expr);
        typed = true;
      } catch (e) {
        this.env.diag({ level: 'warning', code: 'tf-eval', message: `variable "${name}": ${(e as Error).message}`, ...lineOf(file, typeAttr.range) });
      }
    }
    const defAttr = attrOf(b, 'default');
    const nullableAttr = attrOf(b, 'nullable');
    const nullable = nullableAttr ? evaluate(nullableAttr.expr, { vars: {}, file, diag: this.env.diag }) !== false : true;
    const input = this.inputs.get(name);
    const declared: RelatedRange = { file, start: b.range.start, end: b.range.end, message: `variable "${name}" declared here` };
    let value: unknown;
    let related: RelatedRange[];
    if (input) {
      value = input.value;
      if (input.raw) {
        // -var and TF_VAR_ values: strings unless the type says otherwise
        const t = type.kind;
        if (!typed || t === 'string') value = input.raw.text;
        else {
          try {
            value = this.env.parseVarText(input.raw.text, name);
          } catch (e) {
            this.env.diag({ level: 'warning', code: 'tf-var', message: `invalid value for variable "${name}" from ${input.raw.source}: ${(e as Error).message}`, ...lineOf(file, b.range) });
            value = UNKNOWN;
          }
        }
      }
      related = [declared, ...input.related];
      if (value === null && !nullable) {
        value = defAttr ? this.safeEval(defAttr.expr, { vars: {}, file, diag: this.env.diag }) : UNKNOWN;
      }
    } else if (defAttr) {
      value = this.safeEval(defAttr.expr, { vars: {}, file, diag: this.env.diag });
      related = [{ ...declared, message: `value from the default of variable "${name}"` }];
    } else {
      if (this.depth === 0) this.env.diag({ level: 'note', code: 'tf-var-unset', message: `variable "${name}" has no value (no default, tfvars, -var or TF_VAR_${name}): treated as unknown`, ...lineOf(file, b.range) });
      else this.env.diag({ level: 'warning', code: 'tf-var-unset', message: `required variable "${name}" is not set by the module call: treated as unknown`, ...lineOf(file, b.range) });
      value = UNKNOWN;
      related = [declared];
    }
    try {
      value = convert(value, type, `variable "${name}"`);
    } catch (e) {
      const where = input?.related[0];
      this.env.diag({ level: 'warning', code: 'tf-type', message: (e as Error).message, ...(where ? lineOf(where.file, where) : lineOf(file, b.range)) });
      value = UNKNOWN;
    }
    const entry = { value, related };
    this.varValues.set(name, entry);
    return entry;
  }

  // ---- locals ----------------------------------------------------------------------------

  local(name: string, range: Range): unknown {
    if (this.localValues.has(name)) return this.localValues.get(name);
    const def = this.locals.get(name);
    if (!def) throw new EvalError(`reference to undeclared local value "${name}"`, range);
    const at = this.localStack.indexOf(name);
    if (at >= 0) {
      const cycle = [...this.localStack.slice(at), name];
      const key = [...cycle].sort().join(',');
      if (!this.reportedCycles.has(key)) {
        this.reportedCycles.add(key);
        this.env.diag({ level: 'error', code: 'tf-cycle', message: `local values refer to each other in a cycle: ${cycle.map((c) => `local.${c}`).join(' → ')}; treated as unknown`, ...lineOf(def.file, def.node.range) });
      }
      return UNKNOWN;
    }
    this.localStack.push(name);
    let v: unknown;
    try {
      v = this.safeEval(def.node.expr, this.ctx(def.file));
    } finally {
      this.localStack.pop();
    }
    this.localValues.set(name, v);
    return v;
  }

  // ---- provenance --------------------------------------------------------------------------

  /** Variables an expression reads (directly or through locals) and where their values were set. */
  relatedFor(expr: Expression): RelatedRange[] | undefined {
    if (this.relatedCache.has(expr)) return this.relatedCache.get(expr);
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
    let out: RelatedRange[] | undefined;
    for (const v of vars) {
      if (!this.variables.has(v)) continue;
      let entry: { related: RelatedRange[] };
      try {
        entry = this.variableEntry(v);
      } catch {
        continue;
      }
      (out ??= []).push(...entry.related);
    }
    this.relatedCache.set(expr, out);
    return out;
  }

  // ---- count / for_each ------------------------------------------------------------------------

  expansion(block: Block, file: string, outer: Record<string, unknown> = {}): Expansion {
    const count = attrOf(block, 'count');
    const forEach = attrOf(block, 'for_each');
    const ctx = this.ctx(file, outer);
    if (count) {
      const v = this.safeEval(count.expr, ctx);
      if (isUnknown(v)) return { kind: 'count', n: undefined };
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
        this.env.diag({ level: 'warning', code: 'tf-eval', message: `count must be a whole number ≥ 0, got ${JSON.stringify(v)}`, ...lineOf(file, count.range) });
        return { kind: 'count', n: undefined };
      }
      return { kind: 'count', n: Math.min(v, MAX_INSTANCES) };
    }
    if (forEach) {
      const v = this.safeEval(forEach.expr, ctx);
      if (isUnknown(v)) return { kind: 'for_each', entries: undefined };
      if (Array.isArray(v)) {
        if (v.some((x) => isUnknown(x))) return { kind: 'for_each', entries: undefined };
        if (!v.every((x) => typeof x === 'string')) {
          this.env.diag({ level: 'warning', code: 'tf-eval', message: 'for_each over a list needs a set of strings (toset(...)) or a map', ...lineOf(file, forEach.range) });
          return { kind: 'for_each', entries: undefined };
        }
        return { kind: 'for_each', entries: [...new Set(v as string[])].sort().map((s) => [s, s]) };
      }
      if (isObject(v)) return { kind: 'for_each', entries: Object.keys(v).sort().map((k) => [k, v[k]]) };
      this.env.diag({ level: 'warning', code: 'tf-eval', message: `for_each needs a map or a set of strings, got ${v === null ? 'null' : typeof v}`, ...lineOf(file, forEach.range) });
      return { kind: 'for_each', entries: undefined };
    }
    return { kind: 'single' };
  }

  static instances(x: Expansion): Instance[] {
    switch (x.kind) {
      case 'single':
        return [{ key: undefined, unknownKey: false, vars: {} }];
      case 'count':
        if (x.n === undefined) return [{ key: undefined, unknownKey: true, vars: { count: { index: UNKNOWN } } }];
        return Array.from({ length: x.n }, (_, i) => ({ key: i, unknownKey: false, vars: { count: { index: i } } }));
      case 'for_each':
        if (!x.entries) return [{ key: undefined, unknownKey: true, vars: { each: { key: UNKNOWN, value: UNKNOWN } } }];
        return x.entries.map(([k, v]) => ({ key: k, unknownKey: false, vars: { each: { key: k, value: v } } }));
    }
  }

  // ---- resources ---------------------------------------------------------------------------------

  resource(type: string, name: string, range: Range): unknown {
    const k = `${type}.${name}`;
    if (this.resourceValues.has(k)) return this.resourceValues.get(k);
    const def = this.resources.get(k);
    if (!def) throw new EvalError(`reference to undeclared resource "${k}"`, range);
    this.resourceValues.set(k, UNKNOWN); // a self-reference while expanding is unknown
    const x = this.expansion(def.node, def.file);
    let v: unknown;
    if (x.kind === 'single') v = this.instanceObject(def, {});
    else if (x.kind === 'count') v = x.n === undefined ? UNKNOWN : ModuleInstance.instances(x).map((i) => this.instanceObject(def, i.vars));
    else v = x.entries === undefined ? UNKNOWN : Object.fromEntries(ModuleInstance.instances(x).map((i) => [i.key as string, this.instanceObject(def, i.vars)]));
    this.resourceValues.set(k, v);
    return v;
  }

  /** A resource instance as an object: configured attributes (lazily), computed ones unknown. */
  private instanceObject(def: Def<Block>, vars: Record<string, unknown>): Record<string, unknown> {
    const obj: Record<string, unknown> = {};
    const ctx = this.ctx(def.file, vars);
    const view = new EvalBodyView(def.file, def.node.body, def.node.range, ctx, this);
    const names = new Set<string>();
    for (const item of def.node.body.items) {
      if (item.kind === 'attribute') {
        if (!RESOURCE_META.has(item.name)) names.add(item.name);
      } else if (!RESOURCE_META.has(item.type)) names.add(item.type);
      else if (item.type === 'dynamic' && item.labels[0]) names.add(item.labels[0]);
    }
    for (const n of names) {
      let state: 0 | 1 | 2 = 0;
      let val: unknown;
      Object.defineProperty(obj, n, {
        enumerable: true,
        configurable: true,
        get: () => {
          if (state === 2) return val;
          if (state === 1) return UNKNOWN;
          state = 1;
          const a = view.attr(n);
          val = a ? a.value : blocksValue(view.blocks(n));
          state = 2;
          return val;
        },
      });
    }
    return openObject(obj);
  }

  // ---- modules -----------------------------------------------------------------------------------

  module(name: string, range: Range): unknown {
    if (this.moduleValues.has(name)) return this.moduleValues.get(name);
    const def = this.calls.get(name);
    if (!def) throw new EvalError(`reference to undeclared module "${name}"`, range);
    if (this.inProgressModules.has(name)) return UNKNOWN;
    this.inProgressModules.add(name);
    let v: unknown;
    try {
      const x = this.expansion(def.node, def.file);
      const insts = ModuleInstance.instances(x);
      const outs = (i: Instance) => this.child(name, i)?.outputs() ?? openObject({});
      if (x.kind === 'single') v = outs(insts[0]);
      else if (x.kind === 'count') v = x.n === undefined ? UNKNOWN : insts.map(outs);
      else v = x.entries === undefined ? UNKNOWN : Object.fromEntries(insts.map((i) => [i.key as string, outs(i)]));
    } finally {
      this.inProgressModules.delete(name);
    }
    this.moduleValues.set(name, v);
    return v;
  }

  /** The folder a module call's source designates, or undefined (with a diagnostic). */
  private sourceDir(name: string, def: Def<Block>): string | undefined {
    const srcAttr = attrOf(def.node, 'source');
    if (!srcAttr) {
      this.env.diag({ level: 'warning', code: 'tf-module', message: `module "${name}" has no source`, ...lineOf(def.file, def.node.range) });
      return undefined;
    }
    const src = this.safeEval(srcAttr.expr, this.ctx(def.file));
    if (typeof src !== 'string') return undefined;
    const key = this.moduleKey ? `${this.moduleKey}.${name}` : name;
    if (src.startsWith('./') || src.startsWith('../')) {
      const dir = path.posix.normalize(path.posix.join(this.dir, src));
      if (dir.startsWith('../') || dir === '..') {
        this.env.diag({ level: 'warning', code: 'tf-module', message: `module "${name}" not evaluated: source "${src}" is outside the scanned tree`, ...lineOf(def.file, srcAttr.range) });
        return undefined;
      }
      return dir;
    }
    const installed = this.env.installed.get(key);
    if (installed !== undefined) return installed;
    this.env.diag({ level: 'note', code: 'tf-module-not-downloaded', message: `module "${name}" not evaluated: source not downloaded; run terraform init (source "${src}")`, ...lineOf(def.file, srcAttr.range) });
    return undefined;
  }

  /** The child module instance of one instance of a module call (memoised). */
  child(name: string, inst: Instance): ModuleInstance | undefined {
    const ck = `${name}${formatKey(inst.key)}`;
    if (this.children.has(ck)) return this.children.get(ck) ?? undefined;
    this.children.set(ck, null);
    const def = this.calls.get(name)!;
    const dir = this.sourceDir(name, def);
    if (dir === undefined) return undefined;
    if (this.depth + 1 > MAX_MODULE_DEPTH || this.chain.includes(dir)) {
      this.env.diag({ level: 'warning', code: 'tf-module-recursion', message: `module "${name}" not evaluated: it calls itself (directly or through other modules) or nests deeper than ${MAX_MODULE_DEPTH}`, ...lineOf(def.file, def.node.range) });
      return undefined;
    }
    const files = this.env.moduleFiles(dir);
    if (!files) {
      this.env.diag({ level: 'warning', code: 'tf-module-missing', message: `module "${name}" not evaluated: folder "${dir}" not found`, ...lineOf(def.file, def.node.range) });
      return undefined;
    }
    const ctx = this.ctx(def.file, inst.vars);
    const inputs = new Map<string, InputValue>();
    for (const item of def.node.body.items) {
      if (item.kind !== 'attribute' || MODULE_META.has(item.name)) continue;
      const value = this.safeEval(item.expr, ctx);
      const set: RelatedRange = { file: def.file, start: item.range.start, end: item.range.end, message: `value from variable "${item.name}" set by argument of module "${name}"` };
      inputs.set(item.name, { value, related: [set, ...(this.relatedFor(item.expr) ?? [])] });
    }
    const regions = this.childRegions(def);
    const moduleKey = this.moduleKey ? `${this.moduleKey}.${name}` : name;
    const memoKey = `${dir}\u0000${moduleKey}\u0000${stableKey([...inputs].map(([k, v]) => [k, v.value, v.related.map((r) => `${r.file}:${r.start.offset}`)]))}\u0000${stableKey([...regions])}`;
    let child = this.env.memo.get(memoKey);
    if (!child) {
      child = new ModuleInstance(this.env, dir, files, moduleKey, inputs, regions, this.depth + 1, [...this.chain, this.dir]);
      for (const k of inputs.keys()) {
        if (!child.variables.has(k)) this.env.diag({ level: 'warning', code: 'tf-module-arg', message: `module "${name}" has no variable "${k}"`, ...lineOf(def.file, def.node.range) });
      }
      this.env.memo.set(memoKey, child);
    }
    this.children.set(ck, child);
    return child;
  }

  /** Outputs as an object; each output evaluates when read. */
  outputs(): Record<string, unknown> {
    if (this.outputsObj) return this.outputsObj;
    const obj: Record<string, unknown> = {};
    for (const [name, def] of this.outputsDefs) {
      let state: 0 | 1 | 2 = 0;
      let val: unknown;
      Object.defineProperty(obj, name, {
        enumerable: true,
        get: () => {
          if (state === 2) return val;
          if (state === 1) return UNKNOWN;
          state = 1;
          const a = attrOf(def.node, 'value');
          val = a ? this.safeEval(a.expr, this.ctx(def.file)) : null;
          state = 2;
          return val;
        },
      });
    }
    this.outputsObj = obj;
    return obj;
  }

  // ---- providers ---------------------------------------------------------------------------------

  /** AWS provider configurations this module sees: alias ('' = default) → region. */
  providerRegions(): Map<string, unknown> {
    if (this.regions) return this.regions;
    const m = new Map(this.inheritedRegions);
    for (const { node, file } of this.providerBlocks) {
      if (node.labels[0] !== 'aws') continue;
      const ctx = this.ctx(file);
      const aliasAttr = attrOf(node, 'alias');
      const alias = aliasAttr ? this.safeEval(aliasAttr.expr, ctx) : '';
      const regionAttr = attrOf(node, 'region');
      m.set(typeof alias === 'string' ? alias : '', regionAttr ? this.safeEval(regionAttr.expr, ctx) : undefined);
    }
    this.regions = m;
    return m;
  }

  private childRegions(def: Def<Block>): Map<string, unknown> {
    const mine = this.providerRegions();
    const out = new Map<string, unknown>();
    if (mine.has('')) out.set('', mine.get(''));
    const providers = attrOf(def.node, 'providers');
    if (providers && providers.expr.type === 'object') {
      for (const item of providers.expr.items) {
        const k = traversalText(item.key);
        const v = traversalText(item.value);
        if (!k || !v) continue;
        const [kp, ka = ''] = k.split('.');
        const [vp, va = ''] = v.split('.');
        if (kp !== 'aws' || vp !== 'aws') continue;
        out.set(ka, mine.get(va));
      }
    }
    return out;
  }

  // ---- listing -------------------------------------------------------------------------------------

  /** Every resource instance of this module and its children, addressed under `prefix`. */
  collect(prefix: string, unit: string, out: TerraformResource[]): void {
    const diagnostics: Diagnostic[] = [];
    const regions = this.providerRegions();
    for (const [, def] of this.resources) {
      const block = def.node;
      const [type, name] = block.labels;
      const file = this.files.find((f) => f.path === def.file)!;
      const suppressions = suppressionsFor(
        file.comments.map((c) => ({ line: c.range.start.line, text: c.text })),
        block.range.start.line,
        block.range.end.line,
        leadIn(file, block),
        def.file,
        diagnostics,
      );
      const providerAttr = attrOf(block, 'provider');
      const alias = providerAttr && providerAttr.expr.type === 'getattr' ? providerAttr.expr.name : '';
      const region = regions.has(alias) ? regions.get(alias) : undefined;
      const insts = def.mode === 'data' ? [{ key: undefined, unknownKey: false, vars: {} } as Instance] : ModuleInstance.instances(this.expansion(block, def.file));
      for (const inst of insts) {
        const base = `${def.mode === 'data' ? 'data.' : ''}${type}.${name}`;
        const r: TerraformResource = {
          mode: def.mode,
          type,
          name,
          key: inst.key,
          address: prefix + base + formatKey(inst.key),
          module: prefix.replace(/\.$/, ''),
          unit,
          file: def.file,
          block,
          view: new EvalBodyView(def.file, block.body, block.range, this.ctx(def.file, inst.vars), this),
          location: { file: def.file, start: block.range.start, end: block.range.end },
          suppressions,
          region,
        };
        if (!suppressions) delete r.suppressions;
        out.push(r);
      }
    }
    for (const [name, def] of this.calls) {
      for (const inst of ModuleInstance.instances(this.expansion(def.node, def.file))) {
        const child = this.child(name, inst);
        if (child) child.collect(`${prefix}module.${name}${formatKey(inst.key)}.`, unit, out);
      }
    }
    for (const d of diagnostics) this.env.diag(d);
  }
}

/** Nested blocks as a reference sees them: a list of objects. */
function blocksValue(views: import('../../adapt/terraform/view.js').BodyView[]): unknown {
  return views.map((v) => (v instanceof EvalBodyView ? v.toValue() : UNKNOWN));
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

/** `aws.west` / `aws` written as a traversal or a string. */
function traversalText(e: Expression): string | undefined {
  if (e.type === 'variable') return e.name;
  if (e.type === 'getattr') {
    const o = traversalText(e.object);
    return o ? `${o}.${e.name}` : undefined;
  }
  if (e.type === 'template' && e.parts.length === 1 && e.parts[0].type === 'literal') return e.parts[0].value;
  return undefined;
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

export { iterate, withVars, toStr };
