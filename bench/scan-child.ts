/** Runs one scan in a fresh process and prints its wall time and peak memory as JSON. */
import { scan } from '../src/engine/scan.js';

const [dir, parallel] = process.argv.slice(2);
const t0 = performance.now();
const result = await scan([dir], { cwd: dir, parallel: parallel === 'auto' ? undefined : parallel === 'true' });
const ms = performance.now() - t0;
process.stdout.write(
  JSON.stringify({
    ms,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
    findings: result.findings.length,
    resources: result.summary.resourcesEvaluated,
    files: result.summary.filesScanned,
    errors: result.summary.errors,
  }) + '\n',
);
