#!/usr/bin/env node
/**
 * Records what real Terraform says about every case of fixtures/terraform-oracle/cases.txt
 * into fixtures/terraform-oracle/recorded.json, the oracle of test/eval/oracle/.
 *
 * Re-record after changing the corpus (the test fails while the two disagree):
 *   scripts/install-terraform.sh            # builds the pinned Terraform into tools/bin
 *   node scripts/record-terraform-oracle.mjs
 * TERRAFORM=/path/to/terraform overrides the binary. Nothing here is written by hand: each
 * recorded result is the output of one `terraform console` run.
 *
 * How: each group of cases becomes a module folder (its files; `terraform init`, offline:
 * no providers, local modules only); each case is piped to `terraform console` as
 * `base64encode(jsonencode(<case>))`. The console prints only its last result and stops at
 * the first error, hence one run per case; base64 keeps the console's own string quoting
 * out of the way, jsonencode keeps numbers exact. A failing run records the error summary.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpusFile = path.join(root, 'fixtures/terraform-oracle/cases.txt');
const outFile = path.join(root, 'fixtures/terraform-oracle/recorded.json');
const terraform = process.env.TERRAFORM ?? path.join(root, 'tools/bin/terraform');
const CONCURRENCY = Math.max(1, Math.min(8, os.cpus().length));

if (!fs.existsSync(terraform)) {
  console.error(`record-terraform-oracle: no Terraform at ${terraform}: run scripts/install-terraform.sh (or set TERRAFORM)`);
  process.exit(1);
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-tf-oracle-'));
// an empty CLI configuration: no ~/.terraformrc, no plugin cache, no credentials are read
const cliConfig = path.join(scratch, 'terraformrc');
fs.writeFileSync(cliConfig, '');
const env = { PATH: process.env.PATH ?? '', HOME: scratch, TF_CLI_CONFIG_FILE: cliConfig, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' };

/**
 * The corpus: "### <group>" starts a group, "--- <path>" a file of its module, "--- cases"
 * its cases (one expression a line; "#" comments and blank lines skipped).
 */
function parseCases(text) {
  const groups = [];
  let group;
  let section;
  for (const [n, line] of text.split('\n').entries()) {
    if (line.startsWith('### ')) {
      group = { name: line.slice(4).trim(), files: {}, cases: [] };
      groups.push(group);
      section = undefined;
    } else if (line.startsWith('--- ')) {
      if (!group) throw new Error(`cases.txt:${n + 1}: section outside a group`);
      section = line.slice(4).trim();
      if (section !== 'cases') group.files[section] = '';
    } else if (section === 'cases') {
      if (line.trim() !== '' && !line.startsWith('#')) group.cases.push(line.trim());
    } else if (section) group.files[section] += `${line}\n`;
    else if (line.trim() !== '' && !line.startsWith('#')) throw new Error(`cases.txt:${n + 1}: text outside a section`);
  }
  return groups;
}

function version() {
  const r = spawnSync(terraform, ['version', '-json'], { env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`terraform version failed: ${r.stderr}`);
  return JSON.parse(r.stdout).terraform_version;
}

/** The first error of a console run: its summary and detail, without the source excerpt. */
function errorOf(stderr) {
  const lines = stderr.split('\n').map((l) => l.replace(/^[│╷╵]\s?/, '').trimEnd());
  const i = lines.findIndex((l) => l.startsWith('Error: '));
  if (i < 0) return stderr.trim() || 'terraform console failed';
  const summary = lines[i].slice('Error: '.length);
  // detail: the first paragraph after the "on <file> line N:" excerpt
  let j = i + 1;
  while (j < lines.length && lines[j] === '') j++;
  if (lines[j]?.startsWith('  on ')) {
    while (j < lines.length && lines[j] !== '') j++;
    while (j < lines.length && lines[j] === '') j++;
  }
  const detail = [];
  while (j < lines.length && lines[j] !== '' && !lines[j].startsWith('Error: ')) detail.push(lines[j++].trim());
  return detail.length ? `${summary}: ${detail.join(' ')}` : summary;
}

/** One console run; `state` is the worker's own (absent) state file: no lock contention. */
function consoleRun(dir, expr, state) {
  return new Promise((resolve, reject) => {
    const p = spawn(terraform, ['console', '-no-color', `-state=${state}`], { cwd: dir, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('error', reject);
    p.on('close', (code) => {
      const m = /^"([A-Za-z0-9+/=]*)"$/.exec(out.trim());
      if (code === 0 && m) resolve({ json: Buffer.from(m[1], 'base64').toString('utf8') });
      else if (/state lock/i.test(err)) reject(new Error(`state lock contention on ${expr}: ${err}`));
      else if (code !== 0) resolve({ error: errorOf(err) });
      else reject(new Error(`unexpected console output for ${expr}: ${out}`));
    });
    p.stdin.end(`base64encode(jsonencode(${expr}))\n`);
  });
}

async function recordGroup(group, index) {
  const dir = path.join(scratch, `g${index}`);
  for (const [rel, text] of Object.entries(group.files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  if (!group.files['main.tf']) fs.mkdirSync(dir, { recursive: true });
  // installs local modules; it fails on an invalid configuration, which the console then reports per case
  spawnSync(terraform, ['init', '-input=false', '-no-color', '-backend=false'], { cwd: dir, env, encoding: 'utf8' });
  const results = new Array(group.cases.length);
  let next = 0;
  const worker = async (w) => {
    const state = path.join(scratch, `g${index}-w${w}.tfstate`);
    while (next < group.cases.length) {
      const i = next++;
      const expr = group.cases[i];
      results[i] = { expr, ...(await consoleRun(dir, expr, state)) };
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, w) => worker(w)));
  return { name: group.name, files: group.files, cases: results };
}

try {
  const corpus = fs.readFileSync(corpusFile, 'utf8');
  const groups = parseCases(corpus);
  const tfVersion = version();
  const corpusSha256 = createHash('sha256').update(corpus).digest('hex');
  const recorded = { terraform: tfVersion, recordedBy: 'scripts/record-terraform-oracle.mjs', corpusSha256, groups: [] };
  for (const [i, g] of groups.entries()) {
    recorded.groups.push(await recordGroup(g, i));
    process.stderr.write(`record-terraform-oracle: ${g.name}: ${g.cases.length} cases\n`);
  }
  fs.writeFileSync(outFile, JSON.stringify(recorded, null, 1) + '\n');
  const n = recorded.groups.reduce((s, g) => s + g.cases.length, 0);
  const errors = recorded.groups.reduce((s, g) => s + g.cases.filter((c) => 'error' in c).length, 0);
  console.error(`record-terraform-oracle: Terraform ${tfVersion}: ${n} cases (${errors} errors) → ${path.relative(root, outFile)}`);
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
