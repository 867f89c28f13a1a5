/**
 * The rule catalog (rules/<provider>/<ID>.yaml) and frameworks (rules/frameworks/*.yaml),
 * validated with ajv against the JSON Schemas in rules/schema/. Invalid catalog files are a
 * configuration error: the scan refuses to run with rules it cannot describe.
 *
 * Parsing and validating some 300 YAML files took about 400 ms, most of a small scan (a
 * pre-commit hook). So the build also writes the validated catalog as one JSON file
 * (bundle/catalog.json) with the hash of the sources it came from; a scan reads the sources'
 * bytes, and when their hash matches it takes the compiled catalog (about 20 ms). A catalog
 * edited since the build is loaded from its YAML as before: slower, never stale.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import YAML from 'yaml';
import type { RuleMeta } from '../findings/types.js';
import { packageRoot } from '../util/package-root.js';

export interface FrameworkControl {
  id: string;
  title: string;
  automatable?: boolean;
}

export interface Framework {
  id: string;
  title: string;
  version: string;
  url?: string;
  controls: FrameworkControl[];
}

export interface Catalog {
  rules: Map<string, RuleMeta>;
  frameworks: Map<string, Framework>;
}

export class CatalogError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CatalogError';
  }
}

function yamlFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...yamlFiles(p));
    else if (/\.ya?ml$/.test(e.name)) out.push(p);
  }
  return out.sort();
}

/** The shape of bundle/catalog.json; a new format number makes older files stale. */
export interface CompiledCatalog {
  format: number;
  sourcesHash: string;
  frameworks: Framework[];
  rules: RuleMeta[];
}

const COMPILED_FORMAT = 1;

/** A catalog source file: rules, frameworks and the schemas that validate them. */
interface Source {
  /** Relative to the rules folder, `/` separators. */
  rel: string;
  text: string;
}

/** Every file the catalog is made of, read once, and the hash of their paths and bytes. */
function readSources(rulesDir: string): { sources: Source[]; hash: string } {
  const rels = [
    ...['rule.schema.json', 'framework.schema.json'].map((n) => `schema/${n}`),
    ...yamlFiles(rulesDir)
      .map((f) => path.relative(rulesDir, f).split(path.sep).join('/'))
      .filter((rel) => !rel.startsWith('schema/') && rel !== 'retired.yaml'),
  ];
  const h = crypto.createHash('sha256').update(`palisade catalog ${COMPILED_FORMAT}\0`);
  const sources: Source[] = [];
  for (const rel of rels) {
    const text = fs.readFileSync(path.join(rulesDir, rel), 'utf8');
    h.update(rel).update('\0').update(text).update('\0');
    sources.push({ rel, text });
  }
  return { sources, hash: h.digest('hex') };
}

/** The hash of a rules folder's sources: what bundle/catalog.json must record to be used. */
export function catalogSourcesHash(rulesDir = defaultRulesDir()): string {
  return readSources(rulesDir).hash;
}

function defaultRulesDir(): string {
  return path.join(packageRoot(), 'rules');
}

/** Where the build writes the package's compiled catalog. */
export function compiledCatalogPath(): string {
  return path.join(packageRoot(), 'bundle', 'catalog.json');
}

let cached: Catalog | undefined;

/**
 * The catalog of a rules folder. For the package's own folder, the compiled catalog is used
 * when it was built from exactly these sources; `compiled` names another compiled file (tests).
 */
export function loadCatalog(rulesDir = defaultRulesDir(), compiled?: string): Catalog {
  const isDefault = rulesDir === defaultRulesDir() && compiled === undefined;
  if (cached && isDefault) return cached;
  const { sources, hash } = readSources(rulesDir);
  const made = readCompiled(compiled ?? (isDefault ? compiledCatalogPath() : undefined), hash);
  const catalog = made ? fromCompiled(made) : validateSources(sources);
  if (isDefault) cached = catalog;
  return catalog;
}

/** The compiled catalog of a rules folder (validated from its YAML), ready to write as JSON. */
export function compileCatalog(rulesDir = defaultRulesDir()): CompiledCatalog {
  const { sources, hash } = readSources(rulesDir);
  const catalog = validateSources(sources);
  return { format: COMPILED_FORMAT, sourcesHash: hash, frameworks: [...catalog.frameworks.values()], rules: [...catalog.rules.values()] };
}

/** A compiled catalog file when it exists, has this format and was made from sources with this hash. */
function readCompiled(file: string | undefined, hash: string): CompiledCatalog | undefined {
  if (!file) return undefined;
  let doc: CompiledCatalog;
  try {
    doc = JSON.parse(fs.readFileSync(file, 'utf8')) as CompiledCatalog;
  } catch {
    return undefined;
  }
  return doc && doc.format === COMPILED_FORMAT && doc.sourcesHash === hash && Array.isArray(doc.rules) && Array.isArray(doc.frameworks) ? doc : undefined;
}

function fromCompiled(c: CompiledCatalog): Catalog {
  return { rules: new Map(c.rules.map((r) => [r.id, r])), frameworks: new Map(c.frameworks.map((f) => [f.id, f])) };
}

/** Parses and validates the YAML sources: every problem is collected, then thrown as one CatalogError. */
function validateSources(sources: Source[]): Catalog {
  const text = new Map(sources.map((s) => [s.rel, s.text]));
  const ajv = new Ajv({ allErrors: true, strict: true });
  const readSchema = (n: string) => JSON.parse(text.get(`schema/${n}`)!) as object;
  const validateRule = ajv.compile(readSchema('rule.schema.json'));
  const validateFramework = ajv.compile(readSchema('framework.schema.json'));
  const problems: string[] = [];
  const load = (rel: string): unknown => {
    try {
      return YAML.parse(text.get(rel)!);
    } catch (e) {
      problems.push(`${rel}: ${(e as Error).message}`);
      return undefined;
    }
  };

  const frameworks = new Map<string, Framework>();
  for (const { rel } of sources) {
    if (!rel.startsWith('frameworks/')) continue;
    const doc = load(rel);
    if (doc === undefined) continue;
    if (!validateFramework(doc)) {
      problems.push(`${rel}: ${ajv.errorsText(validateFramework.errors)}`);
      continue;
    }
    const fw = doc as Framework;
    frameworks.set(fw.id, fw);
  }

  const rules = new Map<string, RuleMeta>();
  for (const { rel } of sources) {
    if (rel.startsWith('frameworks/') || rel.startsWith('schema/')) continue;
    const doc = load(rel);
    if (doc === undefined) continue;
    if (!validateRule(doc)) {
      problems.push(`${rel}: ${ajv.errorsText(validateRule.errors)}`);
      continue;
    }
    const rule = doc as RuleMeta;
    if (path.posix.basename(rel).replace(/\.ya?ml$/, '') !== rule.id) problems.push(`${rel}: file name must be the rule id ${rule.id}`);
    if (rules.has(rule.id)) problems.push(`${rel}: duplicate rule id ${rule.id}`);
    for (const [fw, ids] of Object.entries(rule.controls)) {
      const framework = frameworks.get(fw);
      if (!framework) {
        problems.push(`${rel}: unknown framework ${fw}`);
        continue;
      }
      for (const id of ids) if (!framework.controls.some((c) => c.id === id)) problems.push(`${rel}: ${fw} has no control ${id}`);
    }
    rules.set(rule.id, rule);
  }
  if (problems.length) throw new CatalogError(`invalid rule catalog:\n  ${problems.join('\n  ')}`);
  return { rules, frameworks };
}
