/**
 * Kubernetes manifests written as JSON are read by the shared JSON parser; before that they
 * were read by the YAML parser. For valid JSON both paths must give the same manifests
 * (objects, every field range, document ranges, List expansion) — for every JSON manifest of
 * the fixtures, and for every YAML fixture manifest written out as JSON in several layouts.
 * Where the YAML path misread valid JSON, or accepted broken JSON, the JSON path is right.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/diagnostics.js';
import type { Pos } from '../../src/model/source.js';
import { isHelmTemplate, isJsonManifest, loadJsonManifests, loadManifests, loadYamlManifests, looksLikeKubernetes, type ManifestFile } from '../../src/parse/kubernetes/load.js';
import { jsonText, rng } from '../parse/json/corpus.js';

const root = path.resolve(__dirname, '../..');

function files(ext: RegExp): string[] {
  return fs
    .readdirSync(path.join(root, 'fixtures'), { recursive: true, encoding: 'utf8' })
    .filter((f) => ext.test(f))
    .map((f) => path.join('fixtures', f));
}

function both(text: string, file = 'k8s/app.json') {
  const dj: Diagnostic[] = [];
  const dy: Diagnostic[] = [];
  return { json: loadManifests(text, file, dj), yaml: loadYamlManifests(text, file, dy), dj, dy };
}

/** Every Kubernetes object of the YAML fixtures (one entry per file: its objects in order). */
function yamlManifests(): { file: string; objects: Record<string, unknown>[] }[] {
  const out: { file: string; objects: Record<string, unknown>[] }[] = [];
  for (const f of files(/\.ya?ml$/)) {
    const text = fs.readFileSync(path.join(root, f), 'utf8');
    const objects = parseAllDocuments(text)
      .flatMap((d) => (Array.isArray(d) || d.errors.length ? [] : [d.toJS() as unknown]))
      .filter(looksLikeKubernetes);
    if (objects.length) out.push({ file: f, objects });
  }
  return out;
}

/** The YAML parser counts a byte order mark as a column of line 1; the file's first character is column 1. */
function withoutBomColumn(r: ManifestFile): ManifestFile {
  const fix = (p: Pos): Pos => (p.line === 1 ? { ...p, column: p.column - 1 } : p);
  return {
    comments: r.comments,
    manifests: r.manifests.map((m) => ({
      ...m,
      range: { start: fix(m.range.start), end: fix(m.range.end) },
      fields: Object.fromEntries(Object.entries(m.fields).map(([k, v]) => [k, { start: fix(v.start), end: fix(v.end) }])),
    })),
  };
}

describe('JSON manifests: the JSON path gives the manifests the YAML path gave', () => {
  it('for every JSON Kubernetes manifest of fixtures/', () => {
    for (const f of files(/\.json$/)) {
      const text = fs.readFileSync(path.join(root, f), 'utf8');
      if (!isJsonManifest(text, f)) continue;
      const { json: j, yaml: y, dj, dy } = both(text, f);
      expect({ f, dj }).toEqual({ f, dj: dy });
      expect({ f, j }).toEqual({ f, j: y });
    }
  });

  const sources = yamlManifests();
  const layouts: [string, (d: unknown) => string, boolean][] = [
    ['two spaces', (d) => JSON.stringify(d, null, 2) + '\n', false],
    ['one line', (d) => JSON.stringify(d), false],
    ['tabs and CRLF', (d) => JSON.stringify(d, null, '\t').replace(/\n/g, '\r\n') + '\r\n', false],
    ['spaces around separators', (d) => ' \n' + JSON.stringify(d, null, 1).replace(/":/g, '" : ').replace(/,\n/g, ' ,\n') + '\n\n', false],
    ['byte order mark', (d) => '\uFEFF' + JSON.stringify(d, null, 2), true],
  ];
  it.each(layouts)('for every YAML fixture manifest written as JSON: %s', (_name, write, bom) => {
    expect(sources.length).toBeGreaterThan(100);
    let manifests = 0;
    for (const { file, objects } of sources) {
      // each object alone, and all of the file's objects as one `kind: List`
      const docs = [...objects, { apiVersion: 'v1', kind: 'List', items: objects }];
      for (const d of docs) {
        const text = write(d);
        expect(isJsonManifest(text, 'k8s/app.json')).toBe(true);
        const { json: j, yaml: y, dj, dy } = both(text);
        expect({ file, dj }).toEqual({ file, dj: dy });
        expect({ file, j }).toEqual({ file, j: bom ? withoutBomColumn(y) : y });
        manifests += j.manifests.length;
      }
    }
    expect(manifests).toBeGreaterThan(2 * sources.length);
  });

  it('for generated tricky values (escapes, numbers, nesting, whitespace) the YAML path read', () => {
    const r = rng(23);
    let same = 0;
    let misread = 0;
    for (let i = 0; i < 1500; i++) {
      const text = `{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c"}, "data": {"k": ${jsonText(r, 1 + (i % 5), true)}}}`;
      // a generated string may hold `{{ if`, which both paths skip as a Helm template
      if (isHelmTemplate(text)) continue;
      const { json: j, yaml: y, dj, dy } = both(text);
      expect({ text, dj }).toEqual({ text, dj: [] });
      expect(j.manifests.map((m) => m.object)).toEqual([JSON.parse(text)]);
      if (dy.length || !isDeepStrictEqual(y.manifests.map((m) => m.object), [JSON.parse(text)])) {
        misread++;
        continue;
      }
      expect({ text, j }).toEqual({ text, j: y });
      same++;
    }
    console.log(`Kubernetes JSON: valid JSON the YAML path read as such: ${same} of 1500; refused or misread: ${misread}`);
    expect(same).toBeGreaterThan(500);
  });
});

describe('JSON manifests: what the YAML path got wrong', () => {
  const load = (text: string, file = 'k8s/app.json') => {
    const diagnostics: Diagnostic[] = [];
    return { ...loadManifests(text, file, diagnostics), diagnostics };
  };
  const pod = (containers: string) => `{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": ${containers}}}`;

  it('a lone carriage return between tokens is whitespace, not part of the next value', () => {
    const text = pod('[{"name": "a", "image": "x", "args": [1,\r2]}]');
    expect(loadYamlManifests(text, 'k8s/app.json', []).manifests[0].object).toMatchObject({ spec: { containers: [{ args: [1, '\r2'] }] } });
    const r = load(text);
    expect(r.diagnostics).toEqual([]);
    expect(r.manifests[0].object).toEqual(JSON.parse(text));
    // a lone carriage return does not end a line (for either path): the item is on line 1
    const at = text.indexOf('\r2') + 1;
    expect(r.manifests[0].fields['spec.containers.0.args.1']).toEqual({ start: { line: 1, column: at + 1, offset: at }, end: { line: 1, column: at + 2, offset: at + 1 } });
  });

  it('a trailing comma is a syntax error at its line and column (YAML flow syntax accepted it)', () => {
    const text = '{\n  "apiVersion": "v1",\n  "kind": "ConfigMap",\n  "metadata": {"name": "c",}\n}\n';
    expect(loadYamlManifests(text, 'k8s/app.json', []).manifests).toHaveLength(1);
    const r = load(text);
    expect(r.manifests).toEqual([]);
    expect(r.diagnostics).toEqual([{ level: 'error', code: 'json-syntax', message: "unexpected '}': expected a property name in double quotes", file: 'k8s/app.json', line: 4, column: 28 }]);
  });

  it('duplicate keys are errors at each repeated key, and the document is skipped', () => {
    const r = load('{\n  "apiVersion": "v1",\n  "kind": "List",\n  "items": [\n    {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a", "name": "b"}}\n  ],\n  "kind": "List"\n}');
    expect(r.manifests).toEqual([]);
    expect(r.diagnostics).toEqual([
      { level: 'error', code: 'json-syntax', message: 'duplicate key "name": keys of an object must be unique', file: 'k8s/app.json', line: 5, column: 73 },
      { level: 'error', code: 'json-syntax', message: 'duplicate key "kind": keys of an object must be unique', file: 'k8s/app.json', line: 7, column: 3 },
    ]);
  });

  it.each([5000, 100_000])('deep nesting (%i levels) is refused at the bracket, not by a stack overflow', (levels) => {
    // the YAML path threw a TypeError at 5,000 levels and ran out of memory at 20,000
    const text = pod('[{"name": "a", "image": "x", "args": ' + '['.repeat(levels) + ']'.repeat(levels) + '}]');
    const r = load(text);
    expect(r.manifests).toEqual([]);
    // the pod, its spec, the containers and the container are four levels: the 497th bracket of args is level 501
    const column = text.indexOf('[', text.indexOf('"args"')) + 496 + 1;
    expect(r.diagnostics).toEqual([{ level: 'error', code: 'json-syntax', message: 'Nesting too deep: arrays and objects nesting deeper than 500 levels', file: 'k8s/app.json', line: 1, column }]);
  });

  it('JSON that is not a manifest keeps the lenient path: JSON with comments is skipped quietly', () => {
    const tsconfig = '{\n  // compiler options\n  "compilerOptions": {"strict": true,},\n}\n';
    expect(isJsonManifest(tsconfig, 'tsconfig.json')).toBe(false);
    expect(load(tsconfig, 'tsconfig.json')).toEqual({ manifests: [], comments: [], diagnostics: [] });
    // a manifest is JSON by its name: the same text in a .yaml file is YAML
    const text = pod('[{"name": "a", "image": "x", "args": [1,\r2]}]');
    expect(isJsonManifest(text, 'k8s/app.yaml')).toBe(false);
    expect(isJsonManifest(text, 'k8s/APP.JSON')).toBe(true);
  });
});
