/** bundle/catalog.json: the validated catalog as one file, used only while built from the current rules/. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { catalogSourcesHash, CatalogError, compileCatalog, compiledCatalogPath, loadCatalog, type CompiledCatalog } from '../../src/catalog/catalog.js';

const root = path.resolve(__dirname, '../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-catalog-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A copy of rules/ to edit, and a compiled catalog written for it. */
function copyRules(name: string): { rules: string; compiled: string } {
  const rules = path.join(tmp, name, 'rules');
  fs.cpSync(path.join(root, 'rules'), rules, { recursive: true });
  const compiled = path.join(tmp, name, 'catalog.json');
  fs.writeFileSync(compiled, JSON.stringify(compileCatalog(rules)));
  return { rules, compiled };
}

describe('compiled rule catalog', () => {
  it('is not stale: built from the current rules/ (run npm run build:catalog)', () => {
    const compiled = JSON.parse(fs.readFileSync(compiledCatalogPath(), 'utf8')) as CompiledCatalog;
    expect(compiled.sourcesHash).toBe(catalogSourcesHash());
  });

  it('holds the same rules and frameworks as the YAML, validated', () => {
    const fromYaml = loadCatalog(path.join(root, 'rules'), path.join(tmp, 'no-such-file.json'));
    const fromBundle = loadCatalog();
    expect(fromBundle.rules.size).toBeGreaterThan(300);
    expect([...fromBundle.rules]).toEqual([...fromYaml.rules]);
    expect([...fromBundle.frameworks]).toEqual([...fromYaml.frameworks]);
  });

  it('is used while its sources are unchanged', () => {
    const { rules, compiled } = copyRules('used');
    const doc = JSON.parse(fs.readFileSync(compiled, 'utf8')) as CompiledCatalog;
    doc.rules.find((r) => r.id === 'AWS-S3-001')!.title = 'title only the compiled file has';
    fs.writeFileSync(compiled, JSON.stringify(doc));
    expect(loadCatalog(rules, compiled).rules.get('AWS-S3-001')!.title).toBe('title only the compiled file has');
  });

  it('is ignored once a rule is edited: the edit is what the scan sees', () => {
    const { rules, compiled } = copyRules('edited');
    const file = path.join(rules, 'aws/AWS-S3-001.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Edited after the build'));
    expect(loadCatalog(rules, compiled).rules.get('AWS-S3-001')!.title).toBe('Edited after the build');
  });

  it('never hides an invalid edit: the YAML is validated again', () => {
    const { rules, compiled } = copyRules('invalid');
    fs.writeFileSync(path.join(rules, 'aws/AWS-S3-001.yaml'), 'id: AWS-S3-001\ntitle: [unclosed\n');
    expect(() => loadCatalog(rules, compiled)).toThrow(CatalogError);
  });

  it('is ignored when it is of another format or unreadable', () => {
    const { rules, compiled } = copyRules('format');
    const doc = JSON.parse(fs.readFileSync(compiled, 'utf8')) as CompiledCatalog;
    doc.rules.find((r) => r.id === 'AWS-S3-001')!.title = 'from a file of another format';
    fs.writeFileSync(compiled, JSON.stringify({ ...doc, format: 999 }));
    expect(loadCatalog(rules, compiled).rules.get('AWS-S3-001')!.title).not.toBe('from a file of another format');
    fs.writeFileSync(compiled, '{ not json');
    expect(loadCatalog(rules, compiled).rules.has('AWS-S3-001')).toBe(true);
  });
});
