/** The committed policy bundle is built from the current policies and runs on this runtime. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { policySourcesHash } from '../../src/engine/bundle-hash.js';
import { PolicyEngine, readManifest } from '../../src/engine/policy.js';
import { requiredBuiltins, sdkBuiltins } from '../../src/engine/wasm-builtins.js';

const root = path.resolve(__dirname, '../..');

describe('policy bundle', () => {
  it('is not stale: built from the current policies/ (run npm run build:policies)', () => {
    const caps = fs.readFileSync(path.join(root, 'policies/capabilities.json'), 'utf8');
    expect(readManifest(path.join(root, 'bundle')).sourcesHash).toBe(policySourcesHash(path.join(root, 'policies'), caps));
  });

  it('capabilities list only builtins the wasm SDK can run', () => {
    const caps = JSON.parse(fs.readFileSync(path.join(root, 'policies/capabilities.json'), 'utf8')) as { builtins: { name: string }[]; features: string[] };
    const names = caps.builtins.map((b) => b.name);
    expect(caps.features).toContain('rego_v1');
    // listed by the SDK's capabilities but implemented nowhere
    expect(names).not.toContain('time.diff');
    expect(names).not.toContain('rand.intn');
    expect(names).toContain('regex.match');
  });

  it('needs no builtin the SDK lacks', async () => {
    const needs = await requiredBuiltins(fs.readFileSync(path.join(root, 'bundle/policy.wasm')));
    const sdk = sdkBuiltins();
    expect(needs.filter((n) => !sdk.has(n))).toEqual([]);
  });

  it('loads once and evaluates many chunks without leaking findings between them', async () => {
    const engine = await PolicyEngine.load(path.join(root, 'bundle'));
    const bad = { aws: { s3: { buckets: [{ id: 'b1', name: 'x', versioning: { enabled: false } }] } }, kubernetes: { objects: [] } };
    const good = { aws: { s3: { buckets: [{ id: 'b2', name: 'y', versioning: { enabled: true } }] } }, kubernetes: { objects: [] } };
    for (let i = 0; i < 200; i++) {
      expect(engine.evaluate(bad).some((f) => f.rule === 'AWS-S3-001' && f.object === 'b1')).toBe(true);
      expect(engine.evaluate(JSON.stringify(good)).some((f) => f.rule === 'AWS-S3-001')).toBe(false);
    }
  });

  it('never fires on unknown values', async () => {
    const engine = await PolicyEngine.load(path.join(root, 'bundle'));
    const input = { aws: { s3: { buckets: [{ id: 'b', name: 'x', versioning: { __unknown__: true } }] } }, kubernetes: { objects: [] } };
    expect(engine.evaluate(input).filter((f) => f.rule === 'AWS-S3-001')).toEqual([]);
  });
});
