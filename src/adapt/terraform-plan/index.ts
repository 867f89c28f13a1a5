/**
 * Terraform plans (`terraform show -json plan.out > plan.json`) → the canonical model,
 * through the same Terraform → AWS adapters as HCL: each planned resource instance becomes a
 * TerraformResource whose view reads the plan's values (see view.ts), located in the `.tf`
 * block it was declared in when the configuration's source folder is at hand (source.ts),
 * else in the plan JSON itself. Values the plan leaves wholly unknown but the source knows in
 * part (a `jsonencode` naming an ARN known after apply) are read from the evaluated source
 * (source-values.ts).
 *
 * Resources being deleted are not in `planned_values` and are not reported. Sensitive values
 * never reach the model: they are unknown there, like values known only after apply.
 */
import path from 'node:path';
import type { Block } from '../../parse/hcl/ast.js';
import { SourceError } from '../../model/diagnostics.js';
import type { SourceMapEntry } from '../../model/model.js';
import type { Range } from '../../model/source.js';
import type { DocumentAdapter, DocumentContext } from '../../engine/document-adapters.js';
import { adaptTerraformAws } from '../terraform/aws/index.js';
import type { TerraformResource } from '../terraform/resource.js';
import { parseJsonWithPositions, type JsonDocument } from './json.js';
import { SourceIndex } from './source.js';
import { SourceValues } from './source-values.js';
import { mergeMirrors, PlanBodyView } from './view.js';

export { parseJsonWithPositions } from './json.js';
export { PlanBodyView } from './view.js';

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function list(v: unknown): Obj[] {
  return Array.isArray(v) ? v.filter(isObject) : [];
}

/** Module calls of an address: `module.a["x"].module.b[0].aws_s3_bucket.c` → names [a, b] and `module.a["x"].module.b[0]`. */
export function moduleOfAddress(address: string): { calls: string[]; module: string } {
  const calls: string[] = [];
  let i = 0;
  let end = 0;
  while (address.startsWith('module.', i)) {
    i += 7;
    const m = /^[A-Za-z_][\w-]*/.exec(address.slice(i));
    if (!m) break;
    calls.push(m[0]);
    i += m[0].length;
    if (address[i] === '[') {
      // a number or a quoted string with escapes
      let j = i + 1;
      if (address[j] === '"') {
        j++;
        while (j < address.length && address[j] !== '"') j += address[j] === '\\' ? 2 : 1;
        j++;
      } else while (j < address.length && address[j] !== ']') j++;
      i = j + 1;
    }
    end = i;
    if (address[i] !== '.') break;
    i++;
  }
  return { calls, module: address.slice(0, end) };
}

/** Accepts JSON whose top level has `format_version` and `planned_values` or `resource_changes`. */
export function looksLikePlan(text: string): boolean {
  let i = 0;
  while (i < text.length && i < 1024 && /[\s\uFEFF]/.test(text[i])) i++;
  if (text[i] !== '{') return false;
  return text.includes('"format_version"') && (text.includes('"planned_values"') || text.includes('"resource_changes"'));
}

const configIndex = new WeakMap<Obj, Map<string, Obj>>();

/** A configuration module's resources by `mode|type|name`. */
function configResources(mod: Obj): Map<string, Obj> {
  let m = configIndex.get(mod);
  if (!m) {
    m = new Map();
    for (const c of list(mod.resources)) m.set(`${c.mode === 'data' ? 'data' : 'managed'}|${c.type}|${c.name}`, c);
    configIndex.set(mod, m);
  }
  return m;
}

function syntheticBlock(type: string, name: string, mode: 'managed' | 'data', range: Range): Block {
  return {
    kind: 'block',
    type: mode === 'data' ? 'data' : 'resource',
    typeRange: range,
    labels: [type, name],
    labelRanges: [range, range],
    body: { items: [], range },
    range,
    openBraceRange: range,
    closeBraceRange: range,
  };
}

interface PlannedResource {
  res: Obj;
  /** The plan's module address of the resource (`module.a["x"]`), '' at the root. */
  module: string;
}

function plannedResources(plan: Obj): PlannedResource[] {
  const out: PlannedResource[] = [];
  const pv = plan.planned_values;
  if (isObject(pv) && isObject(pv.root_module)) {
    const walk = (mod: Obj, depth: number) => {
      if (depth > 100) return;
      for (const res of list(mod.resources)) out.push({ res, module: typeof res.address === 'string' ? moduleOfAddress(res.address).module : '' });
      for (const c of list(mod.child_modules)) walk(c, depth + 1);
    };
    walk(pv.root_module, 0);
    return out;
  }
  // a plan without planned values (an errored plan): the changes' `after` has the same shape
  for (const rc of list(plan.resource_changes)) {
    const change = isObject(rc.change) ? rc.change : {};
    if (rc.deposed || !isObject(change.after)) continue;
    out.push({ res: { ...rc, values: change.after }, module: typeof rc.module_address === 'string' ? rc.module_address : '' });
  }
  return out;
}

/** The AWS region of the provider configuration a resource uses, when the plan tells it. */
function providerRegion(plan: Obj, key: unknown): unknown {
  const config = isObject(plan.configuration) ? plan.configuration : {};
  const providers = isObject(config.provider_config) ? config.provider_config : {};
  const k = typeof key === 'string' ? key : 'aws';
  // a module's own provider block (`module.x:aws`), else the root's that it inherits
  const own = k.includes(':') && isObject(providers[k]);
  const p = own ? providers[k] : providers[k.slice(k.lastIndexOf(':') + 1)];
  if (!isObject(p) || !isObject(p.expressions) || !isObject(p.expressions.region)) return undefined;
  const region = p.expressions.region;
  if (typeof region.constant_value === 'string') return region.constant_value;
  // `region = var.x` at the root: the plan records the root module's variables
  const refs = Array.isArray(region.references) ? region.references : [];
  const varName = refs.length === 1 && typeof refs[0] === 'string' && refs[0].startsWith('var.') ? refs[0].slice(4) : undefined;
  if (own || !varName) return undefined;
  const root = isObject(config.root_module) ? config.root_module : {};
  const decl = isObject(root.variables) ? root.variables[varName] : undefined;
  if (isObject(decl) && decl.sensitive === true) return undefined;
  const v = isObject(plan.variables) ? plan.variables[varName] : undefined;
  return isObject(v) && typeof v.value === 'string' ? v.value : undefined;
}

function sourceDirOf(file: string, ctx: DocumentContext): string | undefined {
  const given = ctx.options.plan?.sourceDir;
  let dir = given === undefined ? path.posix.dirname(file) : given;
  if (path.isAbsolute(dir)) dir = path.relative(ctx.root, dir);
  dir = dir.split(path.sep).join('/') || '.';
  const n = path.posix.normalize(dir);
  if (n === '..' || n.startsWith('../') || path.posix.isAbsolute(n)) {
    ctx.diagnostics.push({ level: 'warning', code: 'plan-source-dir', message: `source folder ${dir} is outside the scanned tree: findings point into the plan`, file });
    return undefined;
  }
  return n;
}

export function adaptPlan(text: string, file: string, ctx: DocumentContext): void {
  const doc: JsonDocument = parseJsonWithPositions(text, file);
  const plan = doc.value;
  if (!isObject(plan)) throw new SourceError('a Terraform plan is a JSON object', file, 1, 1, 'plan-invalid');
  const version = plan.format_version;
  if (typeof version !== 'string' || !/^[01]\./.test(version)) {
    const at = doc.memberRange(plan, 'format_version')?.start ?? { line: 1, column: 1 };
    ctx.diagnostics.push({ level: 'error', code: 'plan-unsupported-version', message: `unsupported plan format_version ${JSON.stringify(version)}: this version of palisade reads 1.x`, file, line: at.line, column: at.column });
    return;
  }

  const changes = new Map<string, Obj>();
  for (const rc of list(plan.resource_changes)) if (typeof rc.address === 'string' && !rc.deposed) changes.set(rc.address, rc);
  const configuration = isObject(plan.configuration) ? plan.configuration : undefined;
  const rootConfig = configuration && isObject(configuration.root_module) ? configuration.root_module : undefined;
  const sources = new SourceIndex(ctx.root, sourceDirOf(file, ctx), rootConfig, ctx.readText, ctx.diagnostics);
  const whole = doc.range(0, text.length);
  const planned = plannedResources(plan);
  const rootDir = sources.rootDir;
  const sourceValues =
    rootDir === undefined
      ? undefined
      : new SourceValues({
          root: ctx.root,
          rootDir,
          files: () => sources.parsedFiles(rootDir),
          plan,
          planAddresses: planned.map(({ res }) => res.address).filter((a): a is string => typeof a === 'string'),
          readText: ctx.readText,
        });

  const resources: TerraformResource[] = [];
  for (const { res, module } of planned) {
    const { type, name, address } = res;
    if (typeof type !== 'string' || typeof name !== 'string' || typeof address !== 'string') continue;
    const mode = res.mode === 'data' ? 'data' : 'managed';
    const rc = changes.get(address);
    const change = rc && isObject(rc.change) ? rc.change : undefined;
    const actions = change && Array.isArray(change.actions) ? change.actions : [];
    if (actions.length === 1 && actions[0] === 'delete') continue;
    const key = typeof res.index === 'number' || typeof res.index === 'string' ? res.index : undefined;
    const { calls } = moduleOfAddress(address);

    const moduleConfig = rootConfig ? sources.moduleConfig(calls) : undefined;
    const configRes = moduleConfig ? configResources(moduleConfig).get(`${mode}|${type}|${name}`) : undefined;
    const config = configRes ? (isObject(configRes.expressions) ? configRes.expressions : {}) : undefined;
    const folder = sources.moduleFolder(calls);
    const src = folder !== undefined ? sources.block(folder, mode, type, name) : undefined;

    const viewFile = src ? src.file.path : file;
    const range = src ? src.block.range : (doc.rangeOf(res) ?? whole);
    const view: PlanBodyView = new PlanBodyView({
      file: viewFile,
      range,
      values: isObject(res.values) ? res.values : {},
      unknown: change?.after_unknown,
      sensitive: mergeMirrors(res.sensitive_values, change?.after_sensitive),
      config,
      hcl: src?.block.body,
      json: doc,
      source: sourceValues && src ? () => sourceValues.pair(address, view) : undefined,
    });
    const ownRegion = view.attr('region')?.value;
    resources.push({
      mode,
      type,
      name,
      key,
      address,
      module,
      unit: file,
      file: viewFile,
      block: src?.block ?? syntheticBlock(type, name, mode, range),
      view,
      location: { file: viewFile, start: range.start, end: range.end },
      region: typeof ownRegion === 'string' ? ownRegion : providerRegion(plan, configRes?.provider_config_key),
      suppressions: src?.suppressions,
    });
  }

  const sourceMap: SourceMapEntry[] = [];
  adaptTerraformAws(resources, { model: ctx.model, sourceMap });
  for (const e of sourceMap) {
    e.source = 'terraform-plan';
    ctx.sourceMap.push(e);
  }
  if (sourceValues) ctx.diagnostics.push(...sourceValues.notes(file));
}

export const terraformPlanDocuments: DocumentAdapter = {
  name: 'terraform-plan',
  detect: (text) => looksLikePlan(text),
  adapt: adaptPlan,
};
