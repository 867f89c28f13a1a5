#!/usr/bin/env node
// Compiles policies/ into one WebAssembly module (bundle/policy.wasm) with one entrypoint
// that returns every finding, and writes bundle/manifest.json with the hash of the sources.
//
// 1. Derives policies/capabilities.json from the opa-wasm SDK's own capabilities, minus the
//    builtins it lists but implements neither natively in wasm nor in JavaScript (found by
//    compiling a probe that calls every builtin and reading the module's builtins()).
// 2. opa check --strict against those capabilities: an unsupported builtin fails here.
// 3. opa build -t wasm; then checks the module's builtins() against the SDK once more.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { requiredBuiltins, sdkBuiltins } = await import(path.join(root, 'dist/src/engine/wasm-builtins.js'));
const { policySourcesHash } = await import(path.join(root, 'dist/src/engine/bundle-hash.js'));

const ENTRYPOINT = 'palisade/main/findings';
// --out DIR writes the bundle elsewhere (e.g. a private bundle while policies are in progress;
// point PALISADE_BUNDLE_DIR at it). Default: bundle/.
const outArg = process.argv.indexOf('--out');
const outDir = outArg > 0 ? path.resolve(process.argv[outArg + 1]) : path.join(root, 'bundle');
const writeAtomic = (file, data) => {
  const tmpFile = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmpFile, data);
  fs.renameSync(tmpFile, file);
};
const opa = process.env.OPA ?? path.join(root, 'tools/bin/opa');
if (!fs.existsSync(opa)) {
  console.error(`build-policies: no OPA CLI at ${opa}; run 'npm run install:opa' first`);
  process.exit(2);
}
const run = (args, opts = {}) => execFileSync(opa, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...opts });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-build-'));
const untar = (tarball, dest) => {
  fs.mkdirSync(dest, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', dest, '/policy.wasm'], { stdio: 'ignore' });
  return fs.readFileSync(path.join(dest, 'policy.wasm'));
};

try {
  // 1. capabilities
  const sdkCapsPath = path.join(path.dirname(require.resolve('@open-policy-agent/opa-wasm')), '..', 'capabilities.json');
  const sdkCaps = JSON.parse(fs.readFileSync(sdkCapsPath, 'utf8'));
  const callable = sdkCaps.builtins.filter((b) => !b.infix && !b.name.startsWith('internal.') && b.name !== 'print' && b.decl?.type === 'function');
  const probeDir = path.join(tmp, 'probe');
  fs.mkdirSync(probeDir);
  const lines = ['package probe', ''];
  callable.forEach((b, i) => {
    const args = (b.decl.args ?? []).map((_, j) => `input.a${j}`).join(', ');
    lines.push(`p${i} := ${b.name}(${args})`);
  });
  lines.push('', 'probe_all_results := [' + callable.map((_, i) => `p${i}`).join(', ') + ']', '');
  fs.writeFileSync(path.join(probeDir, 'probe.rego'), lines.join('\n'));
  fs.writeFileSync(path.join(tmp, 'sdk-caps.json'), JSON.stringify({ ...sdkCaps, features: ['rego_v1'] }));
  run(['build', '-t', 'wasm', '-e', 'probe/probe_all_results', '--capabilities', path.join(tmp, 'sdk-caps.json'), '-o', path.join(tmp, 'probe.tar.gz'), probeDir]);
  const probeNeeds = await requiredBuiltins(untar(path.join(tmp, 'probe.tar.gz'), path.join(tmp, 'probe-out')));
  const provided = sdkBuiltins();
  const missing = new Set(probeNeeds.filter((n) => !provided.has(n)));
  const caps = { ...sdkCaps, builtins: sdkCaps.builtins.filter((b) => !missing.has(b.name)), features: ['rego_v1'] };
  const capsText = JSON.stringify(caps, null, 1) + '\n';
  const capsPath = path.join(root, 'policies/capabilities.json');
  if (fs.existsSync(capsPath) ? fs.readFileSync(capsPath, 'utf8') !== capsText : true) writeAtomic(capsPath, capsText);
  console.error(`build-policies: capabilities: ${caps.builtins.length} builtins (removed, listed but not implemented: ${[...missing].sort().join(', ') || 'none'})`);

  // 2. check
  run(['check', '--strict', '--capabilities', capsPath, path.join(root, 'policies')]);

  // 3. build
  const out = path.join(tmp, 'bundle.tar.gz');
  run(['build', '-t', 'wasm', '-e', ENTRYPOINT, '--capabilities', capsPath, '--ignore', '*_test.rego', '-o', out, path.join(root, 'policies')]);
  const wasm = untar(out, path.join(tmp, 'bundle'));
  const needs = await requiredBuiltins(wasm);
  const unsupported = needs.filter((n) => !provided.has(n));
  if (unsupported.length) throw new Error(`policy needs builtins the wasm SDK does not implement: ${unsupported.join(', ')}`);

  const version = run(['version']).match(/^Version: (.+)$/m)?.[1] ?? 'unknown';
  fs.mkdirSync(outDir, { recursive: true });
  writeAtomic(path.join(outDir, 'policy.wasm'), wasm);
  const manifest = {
    entrypoint: ENTRYPOINT,
    opaVersion: version,
    sdk: `@open-policy-agent/opa-wasm@${JSON.parse(fs.readFileSync(path.join(path.dirname(sdkCapsPath), 'package.json'), 'utf8')).version}`,
    sourcesHash: policySourcesHash(path.join(root, 'policies'), capsText),
    builtins: needs.sort(),
    wasmBytes: wasm.length,
  };
  writeAtomic(path.join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  console.error(`build-policies: ${path.relative(root, outDir) || '.'}/policy.wasm ${(wasm.length / 1024).toFixed(0)} KiB, sources ${manifest.sourcesHash.slice(0, 12)}`);
} catch (e) {
  console.error(`build-policies: ${e.message}${e.stderr ? '\n' + e.stderr : ''}${e.stdout ? '\n' + e.stdout : ''}`);
  process.exitCode = 1;
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
