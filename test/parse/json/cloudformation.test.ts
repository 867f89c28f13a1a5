/**
 * CloudFormation JSON templates are read by the shared JSON parser; before that they were
 * read by the YAML parser. Both paths must give the same node tree (values and every
 * range) for every JSON template the fixtures hold, and for every YAML fixture template
 * written out as JSON in several layouts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/model/diagnostics.js';
import { loadJsonTemplate, loadTemplate, loadYamlTemplate, looksLikeCloudFormation, toPlain } from '../../../src/parse/cloudformation/load.js';
import { jsonText, rng } from './corpus.js';

const root = path.resolve(__dirname, '../../..');

function files(dir: string, ext: RegExp): string[] {
  return fs.readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' }).filter((f) => ext.test(f)).map((f) => path.join(dir, f));
}

function both(text: string) {
  const dj: Diagnostic[] = [];
  const dy: Diagnostic[] = [];
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return { json: loadTemplate(text, 'f.json', dj), yaml: loadYamlTemplate(src, 'f.json', dy), dj, dy };
}

/** Every YAML template of the fixtures, as plain data. */
function yamlTemplates(): { file: string; data: unknown }[] {
  const out: { file: string; data: unknown }[] = [];
  for (const f of [...files('fixtures/cloudformation', /\.ya?ml$/), ...files('fixtures/rules', /\.ya?ml$/)]) {
    const text = fs.readFileSync(path.join(root, f), 'utf8');
    if (!looksLikeCloudFormation(text)) continue;
    const d: Diagnostic[] = [];
    const t = loadTemplate(text, f, d);
    if (t) out.push({ file: f, data: toPlain(t.root) });
  }
  return out;
}

describe('JSON templates: the JSON path gives the tree the YAML path gave', () => {
  it('for every JSON template of fixtures/cloudformation and fixtures/rules', () => {
    const json = [...files('fixtures/cloudformation', /\.json$/), ...files('fixtures/rules', /\.json$/)];
    expect(json.length).toBeGreaterThanOrEqual(2);
    for (const f of json) {
      const { json: j, yaml: y, dj, dy } = both(fs.readFileSync(path.join(root, f), 'utf8'));
      // the same diagnostics on both paths (a repeated key would be warned about alike)
      expect(dj).toEqual(dy);
      expect(dj.filter((d) => d.level === 'error')).toEqual([]);
      expect(j).toBeDefined();
      expect({ f, t: j }).toEqual({ f, t: y });
    }
  });

  const templates = yamlTemplates();
  const layouts: [string, (d: unknown) => string][] = [
    ['two spaces', (d) => JSON.stringify(d, null, 2)],
    ['one line', (d) => JSON.stringify(d)],
    ['tabs and CRLF', (d) => JSON.stringify(d, null, '\t').replace(/\n/g, '\r\n')],
    ['byte order mark, spaces around', (d) => '\uFEFF \n' + JSON.stringify(d, null, 1).replace(/:/g, ' : ').replace(/,/g, ' ,') + '\n\n'],
  ];
  it.each(layouts)('for every YAML fixture template written as JSON: %s', (_name, write) => {
    expect(templates.length).toBeGreaterThan(300);
    for (const { file, data } of templates) {
      const { json: j, yaml: y, dj, dy } = both(write(data));
      expect({ file, dj }).toEqual({ file, dj: dy });
      expect({ file, t: j }).toEqual({ file, t: y });
    }
  });

  it('for generated tricky values (escapes, numbers, nesting, whitespace) the YAML path read', () => {
    const r = rng(11);
    const yamlFailures = new Map<string, number>();
    let same = 0;
    for (let i = 0; i < 1500; i++) {
      const text = `{"Resources": {"R": {"Type": "AWS::S3::Bucket", "Properties": {"P": ${jsonText(r, 1 + (i % 5), true)}}}}}`;
      const { json: j, yaml: y, dj, dy } = both(text);
      expect({ text, dj }).toEqual({ text, dj: [] });
      expect(toPlain(j!.root)).toEqual(JSON.parse(text));
      if (dy.length) {
        // valid JSON the YAML parser refuses: a YAML-ism the JSON path no longer has
        const what = dy[0].message.replace(/ at line.*/, '');
        yamlFailures.set(what, (yamlFailures.get(what) ?? 0) + 1);
        continue;
      }
      if (!isDeepStrictEqual(toPlain(y!.root), JSON.parse(text))) {
        // read, but to other values (a number as a string, …): the same kind of leak
        yamlFailures.set('other values', (yamlFailures.get('other values') ?? 0) + 1);
        continue;
      }
      expect({ text, t: j }).toEqual({ text, t: y });
      same++;
    }
    console.log(`valid JSON the YAML path read as such: ${same} of 1500; refused or misread:`, Object.fromEntries(yamlFailures));
    expect(same).toBeGreaterThan(500);
  });
});

describe('JSON templates: what the YAML path got wrong', () => {
  const load = (text: string) => {
    const diagnostics: Diagnostic[] = [];
    return { t: loadJsonTemplate(text, 't.json', diagnostics), diagnostics };
  };

  it('a repeated key is kept last (what CloudFormation does), with a warning at each repeat', () => {
    const text = '{\n  "Resources": {\n    "R": {"Type": "AWS::S3::Bucket"},\n    "R": {"Type": "AWS::SQS::Queue"}\n  },\n  "Resources": {"S": {"Type": "AWS::SNS::Topic"}}\n}';
    const { t, diagnostics } = load(text);
    const warn = (key: string, line: number, column: number) =>
      ({ level: 'warning', code: 'cloudformation-template', message: `duplicate key "${key}": CloudFormation keeps the last one`, file: 't.json', line, column });
    expect(diagnostics).toEqual([warn('R', 4, 5), warn('Resources', 6, 3)]);
    expect(toPlain(t!.root)).toEqual(JSON.parse(text));
    expect(t!.root.entries.map((e) => [e.key, e.keyRange.start.line])).toEqual([['Resources', 6]]);
    // the YAML path reads the same text to the same tree and warnings
    const dy: Diagnostic[] = [];
    expect(loadYamlTemplate(text, 't.json', dy)).toEqual(t);
    expect(dy).toEqual(diagnostics);
  });

  it('deep nesting is refused at the bracket, not by a stack overflow', () => {
    const { t, diagnostics } = load('{"Resources": ' + '['.repeat(200_000));
    expect(t).toBeUndefined();
    expect(diagnostics).toEqual([{ level: 'error', code: 'json-syntax', message: 'Nesting too deep: arrays and objects nesting deeper than 500 levels', file: 't.json', line: 1, column: 514 }]);
  });

  it('syntax errors: the offending character, not V8 wording', () => {
    const { diagnostics } = load('{\n  "Resources": {\n    "R": { "Type": "AWS::S3::Bucket", }\n  }\n}\n');
    expect(diagnostics).toEqual([{ level: 'error', code: 'json-syntax', message: "unexpected '}': expected a property name in double quotes", file: 't.json', line: 3, column: 39 }]);
  });
});
