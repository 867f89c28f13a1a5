/**
 * The rule catalog (rules/<provider>/<ID>.yaml) and frameworks (rules/frameworks/*.yaml),
 * validated with ajv against the JSON Schemas in rules/schema/. Invalid catalog files are a
 * configuration error: the scan refuses to run with rules it cannot describe.
 */
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

let cached: Catalog | undefined;

export function loadCatalog(rulesDir = path.join(packageRoot(), 'rules')): Catalog {
  if (cached && rulesDir === path.join(packageRoot(), 'rules')) return cached;
  const ajv = new Ajv({ allErrors: true, strict: true });
  const readSchema = (n: string) => JSON.parse(fs.readFileSync(path.join(rulesDir, 'schema', n), 'utf8')) as object;
  const validateRule = ajv.compile(readSchema('rule.schema.json'));
  const validateFramework = ajv.compile(readSchema('framework.schema.json'));
  const problems: string[] = [];
  const load = (file: string): unknown => {
    try {
      return YAML.parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      problems.push(`${path.relative(rulesDir, file)}: ${(e as Error).message}`);
      return undefined;
    }
  };

  const frameworks = new Map<string, Framework>();
  for (const f of yamlFiles(path.join(rulesDir, 'frameworks'))) {
    const doc = load(f);
    if (doc === undefined) continue;
    if (!validateFramework(doc)) {
      problems.push(`${path.relative(rulesDir, f)}: ${ajv.errorsText(validateFramework.errors)}`);
      continue;
    }
    const fw = doc as Framework;
    frameworks.set(fw.id, fw);
  }

  const rules = new Map<string, RuleMeta>();
  for (const f of yamlFiles(rulesDir)) {
    const rel = path.relative(rulesDir, f);
    if (rel.startsWith('frameworks') || rel.startsWith('schema') || rel === 'retired.yaml') continue;
    const doc = load(f);
    if (doc === undefined) continue;
    if (!validateRule(doc)) {
      problems.push(`${rel}: ${ajv.errorsText(validateRule.errors)}`);
      continue;
    }
    const rule = doc as RuleMeta;
    if (path.basename(f).replace(/\.ya?ml$/, '') !== rule.id) problems.push(`${rel}: file name must be the rule id ${rule.id}`);
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
  const catalog = { rules, frameworks };
  if (rulesDir === path.join(packageRoot(), 'rules')) cached = catalog;
  return catalog;
}
