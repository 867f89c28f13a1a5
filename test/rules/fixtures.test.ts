/**
 * Every rule, end to end through the real parser, adapters, wasm bundle and source map: its
 * failing fixture yields exactly the findings its `# expect: ID` markers say, on those lines;
 * its passing fixture yields none.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/scan.js';
import { expectedLines } from '../helpers/expectations.js';

const root = path.resolve(__dirname, '../..');
const dir = path.join(root, 'fixtures/rules');
const ruleDirs = fs.existsSync(dir) ? fs.readdirSync(dir).filter((d) => fs.statSync(path.join(dir, d)).isDirectory()).sort() : [];

describe.each(ruleDirs)('rule %s', (ruleId) => {
  const files = fs.readdirSync(path.join(dir, ruleId));
  const fails = files.filter((f) => f.startsWith('fail'));
  const passes = files.filter((f) => f.startsWith('pass'));

  it('has a failing and a passing fixture', () => {
    expect(fails.length).toBeGreaterThan(0);
    expect(passes.length).toBeGreaterThan(0);
  });

  it.each(fails.filter((f) => !f.includes('.configured.')))('%s: findings on exactly the expected lines', async (f) => {
    const rel = path.join('fixtures/rules', ruleId, f);
    const want = expectedLines(path.join(root, rel), ruleId).get(ruleId) ?? [];
    expect(want.length, `${rel} has no '# expect: ${ruleId}' marker`).toBeGreaterThan(0);
    const result = await scan([rel], { cwd: root, rules: [ruleId] });
    expect(result.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
    const got = result.findings.map((x) => x.location?.startLine).sort((a, b) => a! - b!);
    expect(got).toEqual([...want].sort((a, b) => a - b));
    for (const x of result.findings) expect(x.location?.file).toBe(rel);
  });

  it.each(passes)('%s: no findings', async (f) => {
    const rel = path.join('fixtures/rules', ruleId, f);
    const result = await scan([rel], { cwd: root, rules: [ruleId] });
    expect(result.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
    expect(result.findings).toEqual([]);
  });
});

/**
 * Scanned together, the CloudFormation fixtures (each template a configuration of its own) give
 * each template exactly what it gives alone: a rule about a whole configuration never sees
 * another template's objects. (Terraform fixtures of one folder are one configuration, and
 * Kubernetes objects of a namespace belong together, so they are checked one by one above.)
 */
describe('every CloudFormation fixture, scanned all together', () => {
  const templates = ruleDirs.flatMap((ruleId) =>
    fs
      .readdirSync(path.join(dir, ruleId))
      .filter((f) => /\.(cfn|sam)\.yaml$/.test(f) && !f.includes('.configured.'))
      .map((f) => ({ ruleId, rel: path.join('fixtures/rules', ruleId, f), fail: f.startsWith('fail') })),
  );

  it('finds, in each template, what its markers say and nothing else of its rule', async () => {
    const all = await scan(['fixtures/rules'], { cwd: root });
    const byFileRule = new Map<string, number[]>();
    for (const x of all.findings) {
      const k = `${x.location?.file}|${x.ruleId}`;
      byFileRule.set(k, [...(byFileRule.get(k) ?? []), x.location!.startLine!]);
    }
    expect(templates.length).toBeGreaterThan(400);
    const wrong: string[] = [];
    for (const t of templates) {
      const want = t.fail ? [...(expectedLines(path.join(root, t.rel), t.ruleId).get(t.ruleId) ?? [])].sort((a, b) => a - b) : [];
      const got = (byFileRule.get(`${t.rel.split(path.sep).join('/')}|${t.ruleId}`) ?? []).sort((a, b) => a - b);
      if (JSON.stringify(got) !== JSON.stringify(want)) wrong.push(`${t.rel}: ${t.ruleId} on lines [${got}], expected [${want}]`);
    }
    expect(wrong).toEqual([]);
  });
});
