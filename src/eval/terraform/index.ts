/**
 * Terraform evaluation of one root module folder, statically and safely: variables (with
 * Terraform's precedence and type conversion), locals, expressions, functions, modules
 * (local and installed by `terraform init`; remote ones are never fetched), count and
 * for_each, dynamic blocks, provider regions, override files (merged into the blocks they
 * change, see override.ts). Produces the resource instances adapters read.
 *
 * Choices where Terraform itself would need apply-time values:
 * - an unknown `count` or `for_each` gives one instance without a key (address without
 *   `[…]`), where `count.index`, `each.key` and `each.value` are unknown;
 * - computed attributes (`id`, `arn`, anything the configuration does not set) and data
 *   sources are unknown;
 * - a remote module that is not installed is not evaluated: its outputs are unknown.
 */
import path from 'node:path';
import type { Attribute, HclFile } from '../../parse/hcl/ast.js';
import { parseHcl, parseTerraformFile } from '../../parse/hcl/index.js';
import { parseTemplateRegion } from '../../parse/hcl/parser.js';
import { LineTable } from '../../parse/hcl/lexer.js';
import { SourceError, type Diagnostic } from '../../model/diagnostics.js';
import type { TerraformResource } from '../../adapt/terraform/resource.js';
import type { UnitOptions } from '../../engine/process-unit.js';
import { TreeReader } from '../../engine/tree-reader.js';
import { evaluate, type Ctx, type Resolver } from './expr.js';
import { ModuleInstance, type InputValue, type UnitEnv } from './module.js';
import { mergeOverrides } from './override.js';
import { moduleShape, type ModuleShape } from './shape.js';
import { EvalError, UNKNOWN } from './values.js';

export { ModuleInstance } from './module.js';
export { evaluate } from './expr.js';

export interface EvaluateUnitInput {
  /** Absolute scan root. */
  root: string;
  /** Root module folder, relative to the scan root ('.' for the root itself). */
  unit: string;
  /** Parsed files of that folder (override files included: they are merged here). */
  files: HclFile[];
  options?: UnitOptions['terraform'];
  diagnostics: Diagnostic[];
  /** Reads a file of the scanned tree (relative to the root); undefined when missing or refused. */
  readText(rel: string): string | undefined;
  /**
   * File names of a folder of the scanned tree (relative to the root), sorted; undefined
   * when missing or outside it. The engine gives its scan-long listing; default: the disk.
   */
  listDir?(rel: string): string[] | undefined;
  /**
   * The root variables' values exactly as given from outside (a Terraform plan records the
   * values it was made with): tfvars files, `--var` and TF_VAR_ are then not read, and a
   * declared variable missing here is unknown. Values are converted by the declared type.
   */
  variableValues?: Record<string, unknown>;
}

/** Parsed module files by path and content: a module shared by many roots parses once per process. */
const parseCache = new Map<string, { text: string; file: HclFile }>();
const PARSE_CACHE_MAX = 5000;

/**
 * The last file list of each module folder: a folder whose parsed files are unchanged gets
 * the same list back, so that its static analysis (ModuleShape) is shared across units.
 */
const fileLists = new Map<string, HclFile[]>();

/** Empties the parsed-module cache (benchmarks). */
export function clearParseCache(): void {
  parseCache.clear();
  fileLists.clear();
}

function sharedFileList(dir: string, files: HclFile[]): HclFile[] {
  const last = fileLists.get(dir);
  if (last && last.length === files.length && last.every((f, i) => f === files[i])) return last;
  if (fileLists.size >= PARSE_CACHE_MAX) fileLists.delete(fileLists.keys().next().value as string);
  fileLists.set(dir, files);
  return files;
}

function parseCached(text: string, rel: string): HclFile {
  const hit = parseCache.get(rel);
  if (hit && hit.text === text) return hit.file;
  const file = parseTerraformFile(text, rel);
  if (parseCache.size >= PARSE_CACHE_MAX) parseCache.delete(parseCache.keys().next().value as string);
  parseCache.set(rel, { text, file });
  return file;
}

function norm(dir: string): string {
  const n = path.posix.normalize(dir);
  return n === '' ? '.' : n.replace(/\/$/, '');
}

function join(dir: string, rel: string): string {
  return norm(path.posix.join(dir === '.' ? '' : dir, rel));
}


/** Listings from the disk, for callers without a scan's reader (once per folder per unit). */
function readerListing(root: string): (rel: string) => string[] | undefined {
  const reader = new TreeReader(root);
  return (rel) => reader.listDir(rel);
}

export function evaluateTerraformUnit(input: EvaluateUnitInput): TerraformResource[] {
  const { root, diagnostics } = input;
  const unitDir = norm(input.unit);
  const seen = new Set<string>();
  const diag = (d: Diagnostic) => {
    const k = `${d.level}|${d.code}|${d.file}|${d.line}|${d.column}|${d.message}`;
    if (seen.has(k)) return;
    seen.add(k);
    diagnostics.push(d);
  };
  const readQuiet = (rel: string) => input.readText(rel);
  const listDir = input.listDir ?? readerListing(root);
  const files = mergeOverrides(input.files, diag);

  const moduleFilesCache = new Map<string, HclFile[] | undefined>();
  const moduleFiles = (dir: string): HclFile[] | undefined => {
    if (moduleFilesCache.has(dir)) return moduleFilesCache.get(dir);
    let out: HclFile[] | undefined;
    if (dir === unitDir) out = files;
    else {
      const names = listDir(dir);
      if (names) {
        out = [];
        for (const n of names) {
          const lower = n.toLowerCase();
          if (!(lower.endsWith('.tf') || lower.endsWith('.tf.json'))) continue;
          const rel = dir === '.' ? n : `${dir}/${n}`; // dir is normalised, n a plain name
          const text = readQuiet(rel);
          if (text === undefined) continue;
          try {
            out.push(parseCached(text, rel));
          } catch (e) {
            diag(e instanceof SourceError ? { ...e.toDiagnostic(), code: 'hcl-syntax' } : { level: 'error', code: 'hcl-syntax', message: (e as Error).message, file: rel });
          }
        }
        // the same list for unchanged files, so the same merged list and ModuleShape
        out = mergeOverrides(sharedFileList(`${root}\0${dir}`, out), diag);
      }
    }
    moduleFilesCache.set(dir, out);
    return out;
  };

  const env: UnitEnv = {
    unitDir,
    diag,
    moduleFiles,
    installed: installedModules(unitDir, readQuiet, diag),
    readText: readQuiet,
    renderTemplate: (text, vars, file, moduleDir) => renderTemplate(text, vars, file, moduleDir, env),
    memo: new Map(),
    parseVarText: (text, name) => parseVarText(text, name, diag),
  };

  const inputs = input.variableValues ? givenInputs(input.variableValues, moduleShape(files)) : rootInputs(unitDir, input.options, moduleShape(files), readQuiet, listDir, diag);
  const mod = new ModuleInstance(env, unitDir, files, '', inputs, new Map(), 0, []);
  const out: TerraformResource[] = [];
  mod.collect('', input.unit, out);
  return out;
}

/** `.terraform/modules/modules.json`: module key (`net.subnets`) → folder relative to the scan root. */
function installedModules(unitDir: string, read: (rel: string) => string | undefined, diag: (d: Diagnostic) => void): Map<string, string> {
  const m = new Map<string, string>();
  const rel = join(unitDir, '.terraform/modules/modules.json');
  const text = read(rel);
  if (text === undefined) return m;
  try {
    const doc = JSON.parse(text) as { Modules?: { Key?: string; Dir?: string }[] };
    for (const e of doc.Modules ?? []) {
      if (typeof e.Key !== 'string' || typeof e.Dir !== 'string' || e.Key === '') continue;
      const dir = join(unitDir, e.Dir.replace(/\\/g, '/'));
      if (dir.startsWith('..')) continue;
      m.set(e.Key, dir);
    }
  } catch (e) {
    diag({ level: 'warning', code: 'tf-modules-json', message: `cannot read modules.json: ${(e as Error).message}`, file: rel });
  }
  return m;
}

/** A `-var` / TF_VAR_ value parsed as an HCL expression (for non-string variables). */
function parseVarText(text: string, name: string, diag: (d: Diagnostic) => void): unknown {
  let file: HclFile;
  try {
    file = parseHcl(`v = ${text}\n`, `<value of ${name}>`);
  } catch (e) {
    throw new EvalError(e instanceof SourceError ? e.detail : (e as Error).message);
  }
  const a = file.body.items[0];
  if (!a || a.kind !== 'attribute' || file.body.items.length !== 1) throw new EvalError('not a single value');
  return evaluate(a.expr, { vars: {}, file: file.path, diag });
}

/** Root variable values given from outside (EvaluateUnitInput.variableValues). */
function givenInputs(values: Record<string, unknown>, mod: ModuleShape): Map<string, InputValue> {
  const inputs = new Map<string, InputValue>();
  for (const name of mod.variables.keys()) inputs.set(name, { value: Object.prototype.hasOwnProperty.call(values, name) ? values[name] : UNKNOWN, related: [] });
  return inputs;
}

/**
 * Root variable values in Terraform's precedence, lowest first: TF_VAR_ environment,
 * terraform.tfvars, terraform.tfvars.json, *.auto.tfvars(.json) in lexical order,
 * then --var-file and --var.
 */
function rootInputs(unitDir: string, options: UnitOptions['terraform'], mod: ModuleShape, read: (rel: string) => string | undefined, listDir: (rel: string) => string[] | undefined, diag: (d: Diagnostic) => void): Map<string, InputValue> {
  const inputs = new Map<string, InputValue>();
  for (const [k, v] of Object.entries(options?.env ?? {})) {
    if (mod.variables.has(k)) inputs.set(k, { value: v, related: [], raw: { text: v, source: `TF_VAR_${k}` } });
  }
  const names = listDir(unitDir) ?? [];
  const files = ['terraform.tfvars', 'terraform.tfvars.json'].filter((n) => names.includes(n)).map((n) => join(unitDir, n));
  files.push(...names.filter((n) => n.endsWith('.auto.tfvars') || n.endsWith('.auto.tfvars.json')).map((n) => join(unitDir, n)));
  const explicit = (options?.varFiles ?? []).map((f) => norm(f.replace(/\\/g, '/')));
  for (const rel of [...files, ...explicit]) {
    const isExplicit = explicit.includes(rel) && !files.includes(rel);
    const text = read(rel);
    if (text === undefined) {
      if (isExplicit) diag({ level: 'error', code: 'tf-var-file', message: `variable file "${rel}" cannot be read`, file: rel });
      continue;
    }
    let file: HclFile;
    try {
      file = parseTerraformFile(text, rel);
    } catch (e) {
      diag(e instanceof SourceError ? { ...e.toDiagnostic(), code: 'tfvars-syntax' } : { level: 'error', code: 'tfvars-syntax', message: (e as Error).message, file: rel });
      continue;
    }
    const ctx: Ctx = { vars: {}, file: rel, diag };
    for (const item of file.body.items) {
      if (item.kind !== 'attribute') {
        diag({ level: 'warning', code: 'tfvars-syntax', message: `blocks are not allowed in a variables file ("${item.type}")`, file: rel, line: item.range.start.line, column: item.range.start.column });
        continue;
      }
      if (!mod.variables.has(item.name)) {
        diag({ level: 'note', code: 'tf-var-undeclared', message: `value for undeclared variable "${item.name}"`, file: rel, line: item.range.start.line, column: item.range.start.column });
        continue;
      }
      inputs.set(item.name, { value: tfvarsValue(item, ctx), related: [{ file: rel, start: item.range.start, end: item.range.end, message: `value from variable "${item.name}" set in ${path.posix.basename(rel)}` }] });
    }
  }
  for (const [k, v] of Object.entries(options?.vars ?? {})) {
    if (!mod.variables.has(k)) {
      diag({ level: 'warning', code: 'tf-var-undeclared', message: `--var ${k}: no variable "${k}" is declared in ${unitDir}` });
      continue;
    }
    inputs.set(k, { value: v, related: [], raw: { text: v, source: `--var ${k}` } });
  }
  return inputs;
}

function tfvarsValue(item: Attribute, ctx: Ctx): unknown {
  try {
    return evaluate(item.expr, ctx);
  } catch (e) {
    ctx.diag({ level: 'warning', code: 'tfvars-value', message: `variable "${item.name}": ${(e as Error).message}`, file: ctx.file, line: item.range.start.line, column: item.range.start.column });
    return UNKNOWN;
  }
}

/** templatefile(): the template text rendered with `vars` (functions available, no references). */
function renderTemplate(text: string, vars: Record<string, unknown>, file: string, moduleDir: string, env: UnitEnv): unknown {
  const lines = new LineTable(text);
  const range = { start: lines.pos(0), end: lines.pos(text.length) };
  let tpl;
  try {
    tpl = parseTemplateRegion(text, 0, text.length, file, lines, range);
  } catch (e) {
    throw new EvalError(`template ${file}: ${e instanceof SourceError ? e.detail : (e as Error).message}`);
  }
  const refuse = (): never => {
    throw new EvalError('templates can only use the variables given to templatefile()');
  };
  const r: Resolver = {
    variable: refuse,
    local: refuse,
    module: refuse,
    resource: refuse,
    dataSource: refuse,
    paths: { module: moduleDir, root: env.unitDir, cwd: env.unitDir },
    functions: {
      moduleDir,
      readText: env.readText,
      renderTemplate: (t, v, f) => renderTemplate(t, v, f, moduleDir, env),
    },
  };
  return evaluate(tpl, { r, vars: { ...vars }, file, diag: env.diag });
}
