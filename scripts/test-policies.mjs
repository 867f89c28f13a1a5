#!/usr/bin/env node
// opa check --strict and opa test (with coverage) against the capabilities the bundle is built
// with, so an unsupported builtin fails here. Fails below the coverage threshold.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const opa = process.env.OPA ?? path.join(root, 'tools/bin/opa');
const THRESHOLD = Number(process.env.PALISADE_REGO_COVERAGE ?? 90);
if (!fs.existsSync(opa)) {
  console.error(`test-policies: no OPA CLI at ${opa}; run 'npm run install:opa' first`);
  process.exit(2);
}
const policies = path.join(root, 'policies');
const caps = path.join(policies, 'capabilities.json');
const run = (args) => execFileSync(opa, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
try {
  run(['check', '--strict', '--capabilities', caps, policies]);
  const out = run(['test', policies, '--format=json', '-c']);
  const report = JSON.parse(out);
  const files = Object.entries(report.files ?? {});
  const low = files.filter(([f, c]) => !f.endsWith('_test.rego') && (c.coverage ?? 0) < THRESHOLD);
  console.log(`Rego coverage: ${report.coverage.toFixed(1)}% over ${files.filter(([f]) => !f.endsWith('_test.rego')).length} policy files`);
  for (const [f, c] of files.filter(([f]) => !f.endsWith('_test.rego'))) console.log(`  ${(c.coverage ?? 0).toFixed(1).padStart(5)}%  ${path.relative(root, f)}`);
  const verbose = run(['test', policies]);
  console.log(verbose.trim().split('\n').slice(-1)[0]);
  if (report.coverage < THRESHOLD) {
    console.error(`test-policies: coverage ${report.coverage.toFixed(1)}% is below ${THRESHOLD}%`);
    process.exit(1);
  }
  if (low.length) console.error(`test-policies: below ${THRESHOLD}%: ${low.map(([f]) => path.relative(root, f)).join(', ')}`);
} catch (e) {
  console.error(`test-policies: ${e.stdout ?? ''}${e.stderr ?? ''}${e.message}`);
  process.exit(1);
}
