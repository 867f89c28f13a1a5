/**
 * Benchmarks: parser throughput against hcl2-parser (as a ratio), and end-to-end scan time
 * and peak memory on a seeded corpus of ≥5,000 Terraform resources and ≥1,000 manifests.
 *
 *   npm run bench            # after npm run build (npm test builds too)
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHcl } from '../src/parse/hcl/parser.js';
import { terraformText, writeCorpus } from './corpus.js';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));

function best(times: number, fn: () => void): number {
  let min = Infinity;
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    fn();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

const mb = (bytes: number) => bytes / 1024 / 1024;

// 1. parser throughput
const big = terraformText(8 * 1024 * 1024);
const sample = terraformText(512 * 1024, 11);
best(2, () => parseHcl(big, 'bench.tf')); // warm-up
const oursMs = best(5, () => parseHcl(big, 'bench.tf'));
const oursMBs = mb(big.length) / (oursMs / 1000);
const hcl2 = require('hcl2-parser') as { parseToObject(s: string): unknown };
const refMs = best(1, () => hcl2.parseToObject(sample));
const refMBs = mb(sample.length) / (refMs / 1000);
console.log('HCL parse throughput');
console.log(`  palisade     ${oursMBs.toFixed(1).padStart(8)} MB/s  (${mb(big.length).toFixed(1)} MB in ${oursMs.toFixed(0)} ms, best of 5)`);
console.log(`  hcl2-parser  ${refMBs.toFixed(2).padStart(8)} MB/s  (${mb(sample.length).toFixed(2)} MB in ${refMs.toFixed(0)} ms)`);
console.log(`  ratio        ${(oursMBs / refMBs).toFixed(0).padStart(8)}×  (goal: ≥ 50×)`);

// 2. end to end
const dir = path.join(os.tmpdir(), 'palisade-bench-corpus');
const stats = writeCorpus(dir, { seed: 42, resources: 5000, manifests: 1000 });
console.log(`\nCorpus: ${stats.tfResources} Terraform resources in ${stats.tfFiles} files (${mb(stats.tfBytes).toFixed(1)} MB), ${stats.manifests} Kubernetes objects in ${stats.manifestFiles} files`);
for (const mode of ['false', 'true']) {
  const out = execFileSync(process.execPath, [path.join(here, 'scan-child.js'), dir, mode], { encoding: 'utf8' });
  const r = JSON.parse(out) as { ms: number; maxRssMiB: number; findings: number; resources: number; files: number; errors: number };
  console.log(`  scan (${mode === 'true' ? 'worker pool' : 'one thread '})  ${(r.ms / 1000).toFixed(2)} s  peak RSS ${r.maxRssMiB.toFixed(0)} MiB  ${r.files} files, ${r.resources} model objects, ${r.findings} findings, ${r.errors} errors`);
}
