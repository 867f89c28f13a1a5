/**
 * One module instance: its variables (inputs, defaults, types), locals, resources, module
 * calls and outputs, all evaluated lazily and at most once. Resources are listed with the
 * address Terraform prints; their bodies are EvalBodyViews bound to the instance's scope.
 * What the module declares is read once per module folder (ModuleShape) and shared by all
 * its instances; an instance only holds the values it has computed.
 */
import { COMPUTED_DATA_SOURCES, DERIVED_ATTRIBUTES } from './derived-attributes.js';
import path from 'node:path';
import type { Attribute, Block, Expression, HclFile } from '../../parse/hcl/ast.js';
import type { Diagnostic } from '../../model/diagnostics.js';
import type { Range } from '../../model/source.js';
import type { BodyView, RelatedRange } from '../../adapt/terraform/view.js';
import { formatKey, type TerraformResource } from '../../adapt/terraform/resource.js';
import { evaluate, iterate, withVars, type Ctx, type Resolver } from './expr.js';
import type { FunctionContext } from './call.js';
import { convert } from './types.js';
import { EvalError, hasInfinity, isObject, isUnknown, instanceValue, openObject, stableKey, toStr, UNKNOWN } from './values.js';
import { EvalBodyView, type ViewHost } from './view.js';
import { attrOf, attributesOf, fileOf, lineOf, moduleShape, walkRefs, type CallDef, type Def, type ExpandableDef, type ModuleShape, type ResourceDef, type VariableDef } from './shape.js';

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
  /** Parsed .tf/.tf.json files of a module folder (relative to the scan root), override files merged in; undefined when missing. */
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

type Expansion =
  | { kind: 'single' }
  | { kind: 'count'; n: number | undefined; list?: readonly Instance[] }
  | { kind: 'for_each'; entries: [string, unknown][] | undefined; list?: readonly Instance[] };

interface Instance {
  key: string | number | undefined;
  /** True when the key is not known (unknown count / for_each). */
  unknownKey: boolean;
  vars: Record<string, unknown>;
}

const SINGLE: Expansion = { kind: 'single' };
const NO_VARS: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;
const SINGLE_INSTANCES: readonly Instance[] = Object.freeze([Object.freeze({ key: undefined, unknownKey: false, vars: NO_VARS })]);

interface VariableEntry {
  value: unknown;
  related: RelatedRange[];
}

export class ModuleInstance implements Resolver, ViewHost {
  readonly shape: ModuleShape;
  readonly paths: { module: string; root: string; cwd: string };
  readonly functions: FunctionContext;

  // values computed so far (created on first use: most instances use few of them)
  private varValues?: Map<string, VariableEntry>;
  private localValues?: Map<string, unknown>;
  private localStack?: string[];
  private reportedCycles?: Set<string>;
  private resourceValues?: Map<string, unknown>;
  private moduleValues?: Map<string, unknown>;
  private inProgressModules?: Set<string>;
  private computingData?: Set<string>;
  private children?: Map<string, ModuleInstance | null>;
  private expansions?: Map<Block, Expansion>;
  private relatedCache?: Map<Expression, RelatedRange[] | undefined>;
  private fileCtx?: Map<string, Ctx>;
  /** One view per resource instance: what references read and what adapters read is evaluated once. */
  private views?: Map<ResourceDef, Map<string | number | undefined, EvalBodyView>>;
  private regions?: Map<string, unknown>;
  private outputsObj?: Record<string, unknown>;

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
    this.shape = moduleShape(files);
    this.paths = { module: dir, root: env.unitDir, cwd: env.unitDir };
    this.functions = {
      moduleDir: dir,
      readText: env.readText,
      renderTemplate: (text, vars, file) => env.renderTemplate(text, vars, file, dir),
    };
  }

  get variables(): ReadonlyMap<string, VariableDef> {
    return this.shape.variables;
  }

  get locals(): ReadonlyMap<string, Def<Attribute>> {
    return this.shape.locals;
  }

  get calls(): ReadonlyMap<string, CallDef> {
    return this.shape.calls;
  }

  get resources(): ReadonlyMap<string, ResourceDef> {
    return this.shape.resources;
  }

  /** The evaluation context of a file of this instance, with names bound by count/for_each/iterators. */
  ctx(file: string, vars?: Record<string, unknown>): Ctx {
    if (vars && vars !== NO_VARS) return { r: this, vars, file, diag: this.env.diag };
    const m = (this.fileCtx ??= new Map());
    let c = m.get(file);
    if (!c) {
      c = { r: this, vars: NO_VARS, file, diag: this.env.diag };
      m.set(file, c);
    }
    return c;
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

  /**
   * Evaluates a value the adapters read (a resource attribute): an infinity, which Terraform
   * computes from a division by zero but no JSON document can hold, is reported and unknown.
   */
  attrEval(expr: Expression, ctx: Ctx): unknown {
    const v = this.safeEval(expr, ctx);
    if (typeof v === 'string' || !hasInfinity(v)) return v;
    this.env.diag({ level: 'warning', code: 'tf-eval', message: 'an infinite number (a division by zero) cannot be an attribute value: treated as unknown', ...lineOf(ctx.file, expr.range) });
    return UNKNOWN;
  }

  // ---- variables -------------------------------------------------------------------------

  variable(name: string, range: Range): unknown {
    return this.variableEntry(name, range).value;
  }

  private variableEntry(name: string, range?: Range): VariableEntry {
    const memo = this.varValues?.get(name);
    if (memo) return memo;
    const def = this.shape.variables.get(name);
    if (!def) throw new EvalError(`reference to undeclared input variable "${name}"`, range);
    const b = def.node;
    const file = def.file;
    const { type, typed } = def;
    if (def.typeError) this.env.diag(def.typeError);
    const defAttr = def.default;
    // default and nullable are evaluated where they are written (an override file may set them)
    const constCtx = (a: Attribute): Ctx => ({ vars: NO_VARS, file: fileOf(a, file), diag: this.env.diag });
    const nullable = def.nullable ? evaluate(def.nullable.expr, constCtx(def.nullable)) !== false : true;
    const refusedDefault = !nullable && defAttr !== undefined && cleanDefault(def)?.value === null;
    const input = this.inputs.get(name);
    const declared = def.declared;
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
        value = defAttr ? this.safeEval(defAttr.expr, constCtx(defAttr)) : UNKNOWN;
      }
    } else if (defAttr) {
      const clean = cleanDefault(def);
      if (clean && !refusedDefault) {
        const entry = { value: clean.value, related: clean.related };
        (this.varValues ??= new Map()).set(name, entry);
        return entry;
      }
      value = this.safeEval(defAttr.expr, constCtx(defAttr));
      related = [def.defaulted];
    } else {
      if (this.depth === 0) this.env.diag({ level: 'note', code: 'tf-var-unset', message: `variable "${name}" has no value (no default, tfvars, -var or TF_VAR_${name}): treated as unknown`, ...lineOf(file, b.range) });
      else this.env.diag({ level: 'warning', code: 'tf-var-unset', message: `required variable "${name}" is not set by the module call: treated as unknown`, ...lineOf(file, b.range) });
      value = UNKNOWN;
      related = [declared];
    }
    if (refusedDefault) {
      // Terraform refuses the configuration ("Invalid default value for variable"), whatever the input
      this.env.diag({ level: 'warning', code: 'tf-var', message: `variable "${name}": a null default value is not valid when nullable = false; treated as unknown`, ...lineOf(fileOf(defAttr, file), defAttr.range) });
      value = UNKNOWN;
    }
    try {
      value = convert(value, type, `variable "${name}"`);
    } catch (e) {
      // the value's origin: the argument or tfvars line, else the default (an override file's when it set one)
      const where = input ? input.related[0] : related[0];
      this.env.diag({ level: 'warning', code: 'tf-type', message: (e as Error).message, ...(where ? lineOf(where.file, where) : lineOf(file, b.range)) });
      value = UNKNOWN;
    }
    const entry = { value, related };
    (this.varValues ??= new Map()).set(name, entry);
    return entry;
  }

  // ---- locals ----------------------------------------------------------------------------

  local(name: string, range: Range): unknown {
    const values = (this.localValues ??= new Map());
    if (values.has(name)) return values.get(name);
    const def = this.shape.locals.get(name);
    if (!def) throw new EvalError(`reference to undeclared local value "${name}"`, range);
    const stack = (this.localStack ??= []);
    const at = stack.indexOf(name);
    if (at >= 0) {
      const cycle = [...stack.slice(at), name];
      const key = [...cycle].sort().join(',');
      const reported = (this.reportedCycles ??= new Set());
      if (!reported.has(key)) {
        reported.add(key);
        this.env.diag({ level: 'error', code: 'tf-cycle', message: `local values refer to each other in a cycle: ${cycle.map((c) => `local.${c}`).join(' → ')}; treated as unknown`, ...lineOf(def.file, def.node.range) });
      }
      return UNKNOWN;
    }
    stack.push(name);
    let v: unknown;
    try {
      v = this.safeEval(def.node.expr, this.ctx(def.file));
    } finally {
      stack.pop();
    }
    values.set(name, v);
    return v;
  }

  // ---- provenance --------------------------------------------------------------------------

  /** Variables an expression reads (directly or through locals) and where their values were set. */
  relatedFor(expr: Expression): RelatedRange[] | undefined {
    const vars = this.shape.variablesRead(expr);
    if (vars.length === 0) return undefined;
    const cache = (this.relatedCache ??= new Map());
    if (cache.has(expr)) return cache.get(expr);
    let out: RelatedRange[] | undefined;
    for (const v of vars) {
      let entry: VariableEntry;
      try {
        entry = this.variableEntry(v);
      } catch {
        continue;
      }
      (out ??= []).push(...entry.related);
    }
    cache.set(expr, out);
    return out;
  }

  // ---- count / for_each ------------------------------------------------------------------------

  /** How a resource or module call expands (evaluated once per instance). */
  expansion(def: ExpandableDef): Expansion {
    const memo = (this.expansions ??= new Map());
    let x = memo.get(def.node);
    if (!x) {
      x = this.computeExpansion(def);
      memo.set(def.node, x);
    }
    return x;
  }

  private computeExpansion({ count, forEach, file: blockFile }: ExpandableDef): Expansion {
    if (count) {
      const file = fileOf(count, blockFile);
      const v = this.safeEval(count.expr, this.ctx(file));
      if (isUnknown(v)) return { kind: 'count', n: undefined };
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
        this.env.diag({ level: 'warning', code: 'tf-eval', message: `count must be a whole number ≥ 0, got ${JSON.stringify(v)}`, ...lineOf(file, count.range) });
        return { kind: 'count', n: undefined };
      }
      return { kind: 'count', n: Math.min(v, MAX_INSTANCES) };
    }
    if (forEach) {
      const file = fileOf(forEach, blockFile);
      const v = this.safeEval(forEach.expr, this.ctx(file));
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
    return SINGLE;
  }

  /** The instances of an expansion (made once per expansion). */
  static instances(x: Expansion): readonly Instance[] {
    if (x.kind === 'single') return SINGLE_INSTANCES;
    return (x.list ??= ModuleInstance.makeInstances(x));
  }

  private static makeInstances(x: Exclude<Expansion, { kind: 'single' }>): readonly Instance[] {
    if (x.kind === 'count') {
      if (x.n === undefined) return [{ key: undefined, unknownKey: true, vars: { count: { index: UNKNOWN } } }];
      return Array.from({ length: x.n }, (_, i) => ({ key: i, unknownKey: false, vars: { count: { index: i } } }));
    }
    if (!x.entries) return [{ key: undefined, unknownKey: true, vars: { each: { key: UNKNOWN, value: UNKNOWN } } }];
    return x.entries.map(([k, v]) => ({ key: k, unknownKey: false, vars: { each: { key: k, value: v } } }));
  }

  // ---- resources ---------------------------------------------------------------------------------

  resource(type: string, name: string, range: Range): unknown {
    const k = `${type}.${name}`;
    const values = (this.resourceValues ??= new Map());
    if (values.has(k)) return values.get(k);
    const def = this.shape.resources.get(k);
    if (!def) throw new EvalError(`reference to undeclared resource "${k}"`, range);
    values.set(k, UNKNOWN); // a self-reference while expanding is unknown
    const x = this.expansion(def);
    let v: unknown;
    if (x.kind === 'single') v = this.instanceObject(def, SINGLE_INSTANCES[0]);
    else if (x.kind === 'count') v = x.n === undefined ? UNKNOWN : ModuleInstance.instances(x).map((i) => this.instanceObject(def, i));
    else v = x.entries === undefined ? UNKNOWN : Object.fromEntries(ModuleInstance.instances(x).map((i) => [i.key as string, this.instanceObject(def, i)]));
    values.set(k, v);
    return v;
  }

  dataSource(type: string, name: string, range: Range): unknown {
    const compute = COMPUTED_DATA_SOURCES[type];
    if (!compute) return UNKNOWN;
    const k = `data.${type}.${name}`;
    const values = (this.resourceValues ??= new Map());
    if (values.has(k)) return values.get(k);
    const def = this.shape.resources.get(k);
    if (!def) throw new EvalError(`reference to undeclared data source "${k}"`, range);
    const computing = (this.computingData ??= new Set());
    if (computing.has(k)) {
      // a reference back to a data source while it is computed: Terraform refuses the cycle
      this.env.diag({ level: 'warning', code: 'tf-cycle', message: `${k} refers to itself (directly or through other data sources): treated as unknown`, ...lineOf(def.file, def.node.range) });
      return UNKNOWN;
    }
    let v: unknown;
    computing.add(k);
    try {
      const reject = (message: string, at: { file: string; range: Range }) => this.env.diag({ level: 'warning', code: 'tf-policy-document', message: `${k}: ${message}`, ...lineOf(at.file, at.range) });
      const one = (i: Instance) => openObject({ ...this.instanceObject(def, i), ...compute(this.view(def, i), reject) });
      // with count/for_each, instance by instance, as Terraform reads them
      const x = this.expansion(def);
      if (x.kind === 'single') v = one(SINGLE_INSTANCES[0]);
      else if (x.kind === 'count') v = x.n === undefined ? UNKNOWN : ModuleInstance.instances(x).map(one);
      else v = x.entries === undefined ? UNKNOWN : Object.fromEntries(ModuleInstance.instances(x).map((i) => [i.key as string, one(i)]));
    } finally {
      computing.delete(k);
    }
    values.set(k, v);
    return v;
  }

  /**
   * A resource instance as an object: configured attributes, computed ones unknown (or derived
   * from configured ones). Evaluated when first referenced, through the instance's one view:
   * the adapters read the same values later without evaluating them again. A reference back
   * to the resource while it is built reads unknown (Terraform rejects such cycles).
   */
  private instanceObject(def: ResourceDef, inst: Instance): Record<string, unknown> {
    const obj: Record<string, unknown> = {};
    const view = this.view(def, inst);
    const attributes = (def.attributes ??= attributesOf(def.node.body));
    for (const n of def.valueNames) {
      const a = view.attr(n);
      // an argument set to null reads as null (the view leaves it out, as Terraform does)
      obj[n] = a ? a.value : attributes.has(n) ? null : blocksValue(view.blocks(n));
    }
    const derived = DERIVED_ATTRIBUTES[def.type];
    if (derived) {
      for (const attr of Object.keys(derived)) {
        if (Object.prototype.hasOwnProperty.call(obj, attr)) continue;
        // an attribute that cannot be derived is computed, as one that is not derived at all
        const v = derived[attr](obj);
        if (v !== UNKNOWN) obj[attr] = v;
      }
    }
    // the view identifies the instance: what adapters read of it is the same view
    return instanceValue(obj, view);
  }

  /** The view of one instance of a resource (made once). */
  private view(def: ResourceDef, inst: Instance): EvalBodyView {
    const all = (this.views ??= new Map());
    let views = all.get(def);
    if (!views) all.set(def, (views = new Map()));
    let v = views.get(inst.key);
    if (!v) views.set(inst.key, (v = new EvalBodyView(def.file, def.node.body, def.node.range, this.ctx(def.file, inst.vars), this, (def.attributes ??= attributesOf(def.node.body)))));
    return v;
  }

  // ---- modules -----------------------------------------------------------------------------------

  module(name: string, range: Range): unknown {
    const values = (this.moduleValues ??= new Map());
    if (values.has(name)) return values.get(name);
    const def = this.shape.calls.get(name);
    if (!def) throw new EvalError(`reference to undeclared module "${name}"`, range);
    const inProgress = (this.inProgressModules ??= new Set());
    if (inProgress.has(name)) return UNKNOWN;
    inProgress.add(name);
    let v: unknown;
    try {
      const x = this.expansion(def);
      const insts = ModuleInstance.instances(x);
      const outs = (i: Instance) => this.child(name, i)?.outputs() ?? openObject({});
      if (x.kind === 'single') v = outs(insts[0]);
      else if (x.kind === 'count') v = x.n === undefined ? UNKNOWN : insts.map(outs);
      else v = x.entries === undefined ? UNKNOWN : Object.fromEntries(insts.map((i) => [i.key as string, outs(i)]));
    } finally {
      inProgress.delete(name);
    }
    values.set(name, v);
    return v;
  }

  /** The folder a module call's source designates, or undefined (with a diagnostic). */
  private sourceDir(name: string, def: CallDef): string | undefined {
    const srcAttr = def.source;
    if (!srcAttr) {
      this.env.diag({ level: 'warning', code: 'tf-module', message: `module "${name}" has no source`, ...lineOf(def.file, def.node.range) });
      return undefined;
    }
    const srcFile = fileOf(srcAttr, def.file);
    const src = this.safeEval(srcAttr.expr, this.ctx(srcFile));
    if (typeof src !== 'string') return undefined;
    const key = this.moduleKey ? `${this.moduleKey}.${name}` : name;
    if (src.startsWith('./') || src.startsWith('../')) {
      const dir = localSourceDir(this.dir, src);
      if (dir.startsWith('../') || dir === '..') {
        this.env.diag({ level: 'warning', code: 'tf-module', message: `module "${name}" not evaluated: source "${src}" is outside the scanned tree`, ...lineOf(srcFile, srcAttr.range) });
        return undefined;
      }
      return dir;
    }
    const installed = this.env.installed.get(key);
    if (installed !== undefined) return installed;
    this.env.diag({ level: 'note', code: 'tf-module-not-downloaded', message: `module "${name}" not evaluated: source not downloaded; run terraform init (source "${src}")`, ...lineOf(srcFile, srcAttr.range) });
    return undefined;
  }

  /** The child module instance of one instance of a module call (memoised). */
  child(name: string, inst: Instance): ModuleInstance | undefined {
    const ck = inst.key === undefined ? name : `${name}${formatKey(inst.key)}`;
    const children = (this.children ??= new Map());
    if (children.has(ck)) return children.get(ck) ?? undefined;
    children.set(ck, null);
    const def = this.shape.calls.get(name)!;
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
    const inputs = new Map<string, InputValue>();
    const ctx = this.ctx(def.file, inst.vars);
    for (const item of def.args) {
      // an argument set by an override file is evaluated in that file
      const value = this.safeEval(item.expr, item.file === undefined ? ctx : this.ctx(item.file, inst.vars));
      const set = def.argSet.get(item)!;
      const from = this.relatedFor(item.expr);
      inputs.set(item.name, { value, related: from ? [set, ...from] : [set] });
    }
    const regions = this.childRegions(def);
    const moduleKey = this.moduleKey ? `${this.moduleKey}.${name}` : name;
    const memoKey = instanceKey(dir, moduleKey, inputs, regions);
    let child = this.env.memo.get(memoKey);
    if (!child) {
      child = new ModuleInstance(this.env, dir, files, moduleKey, inputs, regions, this.depth + 1, [...this.chain, this.dir]);
      for (const k of inputs.keys()) {
        if (!child.variables.has(k)) this.env.diag({ level: 'warning', code: 'tf-module-arg', message: `module "${name}" has no variable "${k}"`, ...lineOf(def.file, def.node.range) });
      }
      this.env.memo.set(memoKey, child);
    }
    children.set(ck, child);
    return child;
  }

  /** Outputs as an object; each output evaluates when read. */
  outputs(): Record<string, unknown> {
    if (this.outputsObj) return this.outputsObj;
    const obj: Record<string, unknown> = {};
    for (const [name, def] of this.shape.outputs) {
      let state: 0 | 1 | 2 = 0;
      let val: unknown;
      Object.defineProperty(obj, name, {
        enumerable: true,
        get: () => {
          if (state === 2) return val;
          if (state === 1) return UNKNOWN;
          state = 1;
          val = def.value ? this.safeEval(def.value.expr, this.ctx(fileOf(def.value, def.file))) : null;
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
    for (const { node, file } of this.shape.providers) {
      if (node.labels[0] !== 'aws') continue;
      const aliasAttr = attrOf(node, 'alias');
      const alias = aliasAttr ? this.safeEval(aliasAttr.expr, this.ctx(fileOf(aliasAttr, file))) : '';
      const regionAttr = attrOf(node, 'region');
      m.set(typeof alias === 'string' ? alias : '', regionAttr ? this.safeEval(regionAttr.expr, this.ctx(fileOf(regionAttr, file))) : undefined);
    }
    this.regions = m;
    return m;
  }

  private childRegions(def: CallDef): Map<string, unknown> {
    const mine = this.providerRegions();
    const out = new Map<string, unknown>();
    if (mine.has('')) out.set('', mine.get(''));
    const providers = def.providers;
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
    const module = prefix.endsWith('.') ? prefix.slice(0, -1) : prefix;
    for (const def of this.shape.resources.values()) {
      const block = def.node;
      diagnostics.push(...def.suppressionDiagnostics);
      const suppressions = def.suppressions && { ...def.suppressions };
      const region = regions.has(def.alias) ? regions.get(def.alias) : undefined;
      const location = { file: def.file, start: block.range.start, end: block.range.end };
      const insts = ModuleInstance.instances(this.expansion(def));
      for (const inst of insts) {
        const address = prefix + def.base + formatKey(inst.key);
        const view = this.view(def, inst);
        // same fields in the same order as ever; `suppressions` only when there are some
        out.push(
          suppressions
            ? { mode: def.mode, type: def.type, name: def.name, key: inst.key, address, module, unit, file: def.file, block, view, location, suppressions, region }
            : { mode: def.mode, type: def.type, name: def.name, key: inst.key, address, module, unit, file: def.file, block, view, location, region },
        );
      }
    }
    for (const [name, def] of this.shape.calls) {
      for (const inst of ModuleInstance.instances(this.expansion(def))) {
        const child = this.child(name, inst);
        if (child) child.collect(`${prefix}module.${name}${formatKey(inst.key)}.`, unit, out);
      }
    }
    for (const d of diagnostics) this.env.diag(d);
  }
}

/**
 * The converted default of a variable when it evaluates and converts without any
 * diagnostic: the same for every instance, so computed once per declaration. Otherwise
 * undefined, and each instance evaluates it (and reports what goes wrong).
 */
function cleanDefault(def: VariableDef): { value: unknown; related: RelatedRange[] } | undefined {
  if (def.cleanDefault !== undefined) return def.cleanDefault || undefined;
  def.cleanDefault = false;
  if (!def.default) return undefined;
  let noisy = false;
  try {
    const v = evaluate(def.default.expr, { vars: NO_VARS, file: fileOf(def.default, def.file), diag: () => (noisy = true) });
    const value = convert(v, def.type, `variable "${def.node.labels[0]}"`);
    if (!noisy) def.cleanDefault = { value, related: [def.defaulted] };
  } catch {
    // reported by the instance that evaluates it
  }
  return def.cleanDefault || undefined;
}

const localSources = new Map<string, string>();

/** The folder of a local module source (`../modules/x`) seen from a module folder (memoised). */
function localSourceDir(from: string, src: string): string {
  const k = `${from}\u0000${src}`;
  let dir = localSources.get(k);
  if (dir === undefined) {
    dir = path.posix.normalize(path.posix.join(from, src));
    if (localSources.size >= 10_000) localSources.clear();
    localSources.set(k, dir);
  }
  return dir;
}

/** Memo key of a module instance: folder, address, inputs (values and provenance), providers. */
function instanceKey(dir: string, moduleKey: string, inputs: Map<string, InputValue>, regions: Map<string, unknown>): string {
  let k = `${dir}\u0000${moduleKey}\u0000`;
  for (const [name, v] of inputs) {
    k += `${JSON.stringify(name)}=${stableKey(v.value)}@`;
    for (const r of v.related) k += `${r.file}:${r.start.offset},`;
    k += ';';
  }
  k += '\u0000';
  for (const [alias, region] of regions) k += `${JSON.stringify(alias)}=${stableKey(region)};`;
  return k;
}

/** Nested blocks as a reference sees them: a list of objects. */
function blocksValue(views: BodyView[]): unknown {
  return views.map((v) => (v instanceof EvalBodyView ? v.toValue() : UNKNOWN));
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

export type { Def };
export { walkRefs, iterate, withVars, toStr };
