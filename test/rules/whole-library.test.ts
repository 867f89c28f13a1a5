/**
 * Every fixture of every rule in one scan: the whole library evaluated together over a model
 * with copies, overlays and every kind at once. A rule that breaks at runtime on some
 * combination (e.g. a function with two values for one input) shows up here as a
 * policy-evaluation error.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/scan.js';

const repoRoot = path.resolve(__dirname, '../..');

describe('the whole library at once', () => {
  it('evaluates every fixture together without a runtime error', async () => {
    const result = await scan(['fixtures/rules', 'fixtures/reference', 'examples'], { cwd: repoRoot });
    expect(result.diagnostics.filter((d) => d.code === 'policy-evaluation')).toEqual([]);
    expect(result.summary.resourcesEvaluated).toBeGreaterThan(1000);
  }, 120_000);
});
