/**
 * What the `.tf` source knows of values a plan leaves unknown. Terraform marks a whole
 * attribute unknown (`after_unknown: true`) as soon as any part of it waits for apply:
 * `jsonencode({ Statement = [{ Principal = "*", Resource = aws_s3_bucket.b.arn }] })` is one
 * unknown string in the plan, while the evaluator (src/eval/terraform) keeps its structure
 * (an unknown JSON string carrying `decoded`, see model.ts unknownJson).
 *
 * So the configuration the plan was made from is evaluated once, lazily, with the plan's own
 * input variable values (`variables`: the values Terraform used; those declared sensitive stay
 * unknown), and a plan resource instance is paired with the evaluated instance of the same
 * address only when
 * - the resource (and the modules around it) expanded to the same instance addresses on both
 *   sides (an unknown count or for_each, a changed configuration: no pairing), and
 * - no attribute known on both sides differs (the source was edited after planning: no pairing).
 * PlanBodyView then consults the pair only where the plan's value is unknown and not sensitive,
 * and takes from it only more structure, never a value the plan lacks outright (view.ts).
 *
 * The evaluation's own diagnostics are not the plan's: at most one note says the source had
 * errors, one that some resources could not be paired (the `.tf` files, when scanned, report
 * their problems themselves; here they only mean that less is recovered).
 */
import type { Diagnostic } from '../../model/diagnostics.js';
import type { HclFile } from '../../parse/hcl/ast.js';
import { isUnknown } from '../../model/model.js';
import { evaluateTerraformUnit } from '../../eval/terraform/index.js';
import type { TerraformResource } from '../terraform/resource.js';
import type { AttrView, BodyView } from '../terraform/view.js';

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An address without its instance keys: `module.a["x"].aws_s3_bucket.b[0]` → `module.a.aws_s3_bucket.b`. */
export function configAddress(address: string): string {
  return address.replace(/\[(?:\d+|"(?:[^"\\]|\\.)*")\]/g, '');
}

/** Root variable values of a plan: `variables`, sensitive ones (per `configuration`) unknown. */
export function planVariableValues(plan: Obj): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const vars = isObject(plan.variables) ? plan.variables : {};
  const config = isObject(plan.configuration) && isObject(plan.configuration.root_module) ? plan.configuration.root_module : {};
  const decls = isObject(config.variables) ? config.variables : {};
  for (const [name, v] of Object.entries(vars)) {
    if (!isObject(v) || !('value' in v)) continue;
    const decl = decls[name];
    // no value given means unknown to the evaluator; a sensitive one must never reach the model
    if (!(isObject(decl) && decl.sensitive === true)) out[name] = v.value;
  }
  return out;
}

/** UNKNOWN anywhere inside a value. */
export function hasUnknown(v: unknown, depth = 0): boolean {
  if (isUnknown(v)) return true;
  if (depth > 64) return true;
  if (Array.isArray(v)) return v.some((x) => hasUnknown(x, depth + 1));
  if (isObject(v)) return Object.values(v).some((x) => hasUnknown(x, depth + 1));
  return false;
}

/** The JSON object or array a string holds; undefined for anything else. */
export function parsedJson(s: string): unknown {
  const t = s.trim();
  if (!(t.startsWith('{') || t.startsWith('['))) return undefined;
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Two known values that Terraform would call the same: strings, numbers and booleans convert
 * into each other by the schema's type, sets come out of a plan sorted, provider objects
 * write absent attributes as null, a provider may reformat a JSON document.
 */
export function agree(a: unknown, b: unknown, depth = 0): boolean {
  if (depth > 64) return true;
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return (a ?? null) === (b ?? null);
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    if (a.every((x, i) => agree(x, b[i], depth + 1))) return true;
    const left = [...b];
    return a.every((x) => {
      const i = left.findIndex((y) => agree(x, y, depth + 1));
      return i >= 0 && left.splice(i, 1).length === 1;
    });
  }
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) if (!agree(a[k] ?? null, b[k] ?? null, depth + 1)) return false;
    return true;
  }
  if (typeof a === 'object' || typeof b === 'object') return false;
  if (String(a) === String(b)) return true;
  if (typeof a === 'string' && typeof b === 'string') {
    const ja = parsedJson(a);
    const jb = parsedJson(b);
    return ja !== undefined && jb !== undefined && agree(ja, jb, depth + 1);
  }
  return false;
}

/** What the pairing needs of a plan instance: its attributes as the plan alone says them. */
export interface PlanInstance {
  planAttr(name: string): AttrView | undefined;
}

/** Arguments that are not the resource type's attributes. */
const META = new Set(['count', 'for_each', 'provider', 'depends_on', 'lifecycle', 'provisioner', 'connection']);

export interface SourceValuesInput {
  /** Absolute scan root. */
  root: string;
  /** The configuration's root folder, relative to the scan root. */
  rootDir: string;
  /** Its parsed files (override files not merged). */
  files: () => HclFile[];
  /** The plan (for `variables` and `configuration`). */
  plan: Obj;
  /** Addresses of every resource instance the plan describes. */
  planAddresses: string[];
  readText(rel: string): string | undefined;
}

export class SourceValues {
  private evaluated?: { byAddress: Map<string, TerraformResource>; sameExpansion: (address: string) => boolean };
  private readonly pairs = new Map<string, TerraformResource | null>();
  private readonly evalDiagnostics: Diagnostic[] = [];
  private failed = false;
  private readonly differing: { address: string; attribute: string }[] = [];

  constructor(private readonly input: SourceValuesInput) {}

  /** The evaluated instance of a plan instance, when the two are the same instance (see above). */
  pair(address: string, plan: PlanInstance): BodyView | undefined {
    let r = this.pairs.get(address);
    if (r === undefined) {
      r = this.find(address, plan) ?? null;
      this.pairs.set(address, r);
    }
    return r?.view;
  }

  private find(address: string, plan: PlanInstance): TerraformResource | undefined {
    const ev = this.evaluate();
    const r = ev.byAddress.get(address);
    if (!r || !ev.sameExpansion(address)) return undefined;
    for (const item of r.block.body.items) {
      if (item.kind !== 'attribute' || META.has(item.name)) continue;
      const p = plan.planAttr(item.name);
      if (!p || hasUnknown(p.value)) continue;
      const e = r.view.attr(item.name);
      if (!e || hasUnknown(e.value)) continue;
      if (!agree(p.value, e.value)) {
        this.differing.push({ address, attribute: item.name });
        return undefined;
      }
    }
    return r;
  }

  private evaluate(): NonNullable<SourceValues['evaluated']> {
    if (this.evaluated) return this.evaluated;
    const { input } = this;
    let resources: TerraformResource[] = [];
    try {
      resources = evaluateTerraformUnit({
        root: input.root,
        unit: input.rootDir,
        files: input.files(),
        diagnostics: this.evalDiagnostics,
        readText: input.readText,
        variableValues: planVariableValues(input.plan),
      });
    } catch {
      this.failed = true;
    }
    const byAddress = new Map(resources.map((r) => [r.address, r]));
    const groups = (addresses: Iterable<string>) => {
      const m = new Map<string, Set<string>>();
      for (const a of addresses) {
        const g = configAddress(a);
        let s = m.get(g);
        if (!s) m.set(g, (s = new Set()));
        s.add(a);
      }
      return m;
    };
    const planGroups = groups(input.planAddresses);
    const evalGroups = groups(byAddress.keys());
    const sameExpansion = (address: string) => {
      const g = configAddress(address);
      const p = planGroups.get(g);
      const e = evalGroups.get(g);
      return !!p && !!e && p.size === e.size && [...p].every((a) => e.has(a));
    };
    this.evaluated = { byAddress, sameExpansion };
    return this.evaluated;
  }

  /** At most two notes for the plan's diagnostics (see the module comment); nothing when the source was never needed. */
  notes(planFile: string): Diagnostic[] {
    if (!this.evaluated) return [];
    const out: Diagnostic[] = [];
    // the evaluator reports what it could not evaluate as warnings; their text may quote values
    const problems = this.evalDiagnostics.filter((d) => d.level !== 'note');
    if (this.failed || problems.length) {
      const first = problems[0];
      const where = first?.file ? ` (first: ${first.file}${first.line ? `:${first.line}` : ''})` : '';
      out.push({ level: 'note', code: 'plan-source-eval', message: `the configuration in ${this.input.rootDir} could not be fully evaluated${where}: values unknown in the plan may stay unknown`, file: planFile });
    }
    if (this.differing.length) {
      const { address, attribute } = this.differing[0];
      const more = this.differing.length > 1 ? ` and ${this.differing.length - 1} more` : '';
      out.push({ level: 'note', code: 'plan-source-differs', message: `the configuration in ${this.input.rootDir} is not the one this plan was made from (${address}: "${attribute}" differs${more}): values unknown in the plan stay unknown there`, file: planFile });
    }
    return out;
  }
}
