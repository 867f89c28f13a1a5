/** The rule catalog: valid, complete, consistent with the policies, fixtures and docs. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { loadCatalog } from '../../src/catalog/catalog.js';
import { renderRuleDocs } from '../../src/cli/rule-docs.js';
import { CATEGORIES } from '../../src/findings/types.js';

const root = path.resolve(__dirname, '../..');
const catalog = loadCatalog();
const rules = [...catalog.rules.values()];

function regoSources(dir: string): string {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .map((e) => (e.isDirectory() ? regoSources(path.join(dir, e.name)) : e.name.endsWith('.rego') && !e.name.endsWith('_test.rego') ? fs.readFileSync(path.join(dir, e.name), 'utf8') : ''))
    .join('\n');
}

describe('rule catalog', () => {
  const rego = regoSources(path.join(root, 'policies'));
  const reported = new Set([...rego.matchAll(/"((?:AWS|K8S)-[A-Z0-9]+-\d{3})"/g)].map((m) => m[1]));

  it('every rule in the catalog is implemented in Rego, and every rule the Rego reports is in the catalog', () => {
    expect(rules.filter((r) => !reported.has(r.id)).map((r) => r.id)).toEqual([]);
    expect([...reported].filter((id) => !catalog.rules.has(id))).toEqual([]);
  });

  it('every rule has failing and passing fixtures', () => {
    const missing = rules.filter((r) => {
      const dir = path.join(root, 'fixtures/rules', r.id);
      if (!fs.existsSync(dir)) return true;
      const files = fs.readdirSync(dir);
      return !files.some((f) => f.startsWith('fail')) || !files.some((f) => f.startsWith('pass'));
    });
    expect(missing.map((r) => r.id)).toEqual([]);
  });

  it('every category has rules, for AWS and for Kubernetes', () => {
    for (const c of CATEGORIES) {
      expect(rules.some((r) => r.category === c && r.provider === 'aws'), `${c}: no AWS rule`).toBe(true);
      expect(rules.some((r) => r.category === c && r.provider === 'kubernetes'), `${c}: no Kubernetes rule`).toBe(true);
    }
  });

  it('every control a rule names exists in its framework', () => {
    for (const r of rules) {
      for (const [fw, ids] of Object.entries(r.controls)) {
        const framework = catalog.frameworks.get(fw);
        expect(framework, `${r.id}: framework ${fw}`).toBeDefined();
        for (const id of ids) expect(framework!.controls.some((c) => c.id === id), `${r.id}: ${fw} ${id}`).toBe(true);
      }
    }
  });

  it('never reuses a retired rule id (rules/retired.yaml)', () => {
    const retired = (YAML.parse(fs.readFileSync(path.join(root, 'rules/retired.yaml'), 'utf8')) as { retired: { id: string }[] }).retired ?? [];
    expect(retired.map((r) => r.id).filter((id) => catalog.rules.has(id))).toEqual([]);
  });

  it('message placeholders are facts the rule can fill (no stray braces)', () => {
    for (const r of rules) expect(r.message, r.id).not.toMatch(/\{\s*\}/);
  });

  it('docs/rules is generated from the catalog (npm run docs:rules)', () => {
    const pages = renderRuleDocs(catalog);
    const stale = Object.entries(pages).filter(([name, text]) => {
      const file = path.join(root, 'docs/rules', name);
      return !fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text;
    });
    expect(stale.map(([n]) => n)).toEqual([]);
  });
});
