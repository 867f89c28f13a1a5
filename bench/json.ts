/**
 * Throughput of the positioned JSON parser (src/parse/json) on each JSON input Palisade
 * reads, in MB/s of CPU time (best of interleaved rounds), each with its ratio to
 * `JSON.parse` on the same text — the peer that gives the values without positions:
 *  - a generated plan of about 30 MB on one line (as `terraform show -json` prints it),
 *  - a generated corpus of `.tf.json` files,
 *  - a generated CloudFormation JSON template and a Kubernetes `List` manifest, also against
 *    the YAML path that read them before (on a smaller input: it is much slower).
 * Figures only: the equivalence of the paths is tested (test/parse/json, test/kubernetes).
 *
 *   npx tsc -p tsconfig.json && node dist/bench/json.js
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { parseJsonWithPositions } from '../src/adapt/terraform-plan/json.js';
import { loadJsonTemplate, loadYamlTemplate } from '../src/parse/cloudformation/load.js';
import { parseTfJson } from '../src/parse/hcl/json.js';
import { parseJsonTree } from '../src/parse/json/index.js';
import { loadJsonManifests, loadYamlManifests, looksLikeKubernetes } from '../src/parse/kubernetes/load.js';
import { repeatPlan, rng } from './corpus.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MB = 1024 * 1024;

/** CPU milliseconds of one call (user + system: steadier than wall time on a busy machine). */
function cpuMs(fn: () => void): number {
  const c = process.cpuUsage();
  fn();
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1000;
}

/**
 * Runs the variants in turn, `rounds` times, keeps each one's best (noise from other load
 * only adds time) and prints its rate and its ratio to the `peer` row's rate.
 */
function report(title: string, bytes: number, rows: [string, () => void][], peer: string, rounds: number): Map<string, number> {
  console.log(`${title} (${(bytes / MB).toFixed(1)} MB, best CPU time of ${rounds} interleaved rounds)`);
  const bestMs = rows.map(() => Infinity);
  rows.forEach(([, fn]) => fn()); // warm-up
  for (let r = 0; r < rounds; r++) rows.forEach(([, fn], i) => (bestMs[i] = Math.min(bestMs[i], cpuMs(fn))));
  const rates = new Map(rows.map(([name], i) => [name, bytes / MB / (bestMs[i] / 1000)]));
  const peerRate = rates.get(peer)!;
  rows.forEach(([name], i) => {
    const rate = rates.get(name)!;
    const ratio = name === peer ? '' : `  ${(rate / peerRate).toFixed(2)}× ${peer}`;
    console.log(`  ${name.padEnd(44)} ${rate.toFixed(1).padStart(8)} MB/s ${bestMs[i].toFixed(0).padStart(6)} ms${ratio}`);
  });
  console.log();
  return rates;
}

/** A plan of about `mb` megabytes, resources of the parity fixture repeated under new names. */
const bigPlan = (mb: number): string => repeatPlan(fs.readFileSync(path.join(root, 'fixtures/terraform-plan/parity/plan.json'), 'utf8'), mb);

/** `.tf.json` files: resources with templates, tags, nested lists, escapes; variables, locals, outputs. */
function tfJsonCorpus(files: number): string[] {
  const r = rng(5);
  const out: string[] = [];
  for (let f = 0; f < files; f++) {
    const resource: Record<string, Record<string, unknown>> = { aws_s3_bucket: {}, aws_security_group: {}, aws_instance: {} };
    for (let k = 0; k < 8; k++) {
      const n = `r${f}_${k}`;
      resource.aws_s3_bucket[n] = { bucket: `\${var.prefix}-${n}`, tags: { Name: n, Team: 'platform', Note: 'quote " and é' }, versioning: [{ enabled: r() < 0.5 }] };
      resource.aws_security_group[n] = {
        name: n,
        ingress: Array.from({ length: 3 }, (_, i) => ({ from_port: 1000 + i, to_port: 2000 + i, protocol: 'tcp', cidr_blocks: ['10.0.0.0/16', `\${local.cidrs[${i}]}`] })),
      };
      resource.aws_instance[n] = { ami: '${data.aws_ami.ubuntu.id}', instance_type: 't3.micro', count: 2, user_data: '#!/bin/bash\necho "hi"\n', root_block_device: [{ encrypted: true, volume_size: 20.5 }] };
    }
    const doc = {
      '//': 'generated',
      variable: { prefix: { type: 'string', default: 'acme' } },
      locals: { cidrs: ['10.1.0.0/16', '10.2.0.0/16', '10.3.0.0/16'] },
      resource,
      output: { first: { value: `\${aws_s3_bucket.r${f}_0.arn}` } },
    };
    out.push(JSON.stringify(doc, null, 2));
  }
  return out;
}

/** A CloudFormation JSON template of about `mb` megabytes (the audit fixture's resources, repeated). */
function bigTemplate(mb: number): string {
  const base = JSON.parse(fs.readFileSync(path.join(root, 'fixtures/cloudformation/audit-stack.json'), 'utf8'));
  const resources: Record<string, unknown> = {};
  const one = JSON.stringify(base.Resources, null, 2).length;
  for (let n = 0; n * one < mb * 1e6; n++) for (const [k, v] of Object.entries(base.Resources)) resources[`${k}${n}`] = v;
  base.Resources = resources;
  return JSON.stringify(base, null, 2);
}

/** Every Kubernetes object of the rule fixtures, once. */
function fixtureObjects(): Record<string, unknown>[] {
  const dir = path.join(root, 'fixtures/rules');
  const out: Record<string, unknown>[] = [];
  for (const rule of fs.readdirSync(dir).filter((d) => d.startsWith('K8S-')).sort()) {
    for (const f of fs.readdirSync(path.join(dir, rule)).filter((f) => /\.ya?ml$/.test(f)).sort()) {
      for (const doc of parseAllDocuments(fs.readFileSync(path.join(dir, rule, f), 'utf8'))) {
        if (Array.isArray(doc) || doc.errors.length) continue;
        const v = doc.toJS() as unknown;
        if (looksLikeKubernetes(v)) out.push(v);
      }
    }
  }
  return out;
}

/** A `kind: List` of about `mb` megabytes, as `kubectl get -o json` prints it (the fixtures' objects, renamed). */
function bigList(objects: Record<string, unknown>[], mb: number): string {
  const items: unknown[] = [];
  let size = 0;
  for (let n = 0; size < mb * 1e6; n++) {
    for (const o of objects) {
      const metadata = { ...(o.metadata as Record<string, unknown> | undefined), name: `obj-${n}-${items.length}` };
      const item = { ...o, metadata };
      items.push(item);
      size += JSON.stringify(item, null, 4).length;
    }
  }
  return JSON.stringify({ apiVersion: 'v1', kind: 'List', items, metadata: { resourceVersion: '' } }, null, 4) + '\n';
}

const PEER = 'JSON.parse (values, no positions)';

// 1. plans: plans use the plain-value builder; the positioned tree for comparison
const plan = bigPlan(30);
report(
  'Plan JSON, one line',
  plan.length,
  [
    [PEER, () => JSON.parse(plan)],
    ['positioned parser, plain-value builder (plans)', () => parseJsonWithPositions(plan, 'p.json')],
    ['positioned parser, tree', () => parseJsonTree(plan)],
  ],
  PEER,
  5,
);

// 2. .tf.json
const tf = tfJsonCorpus(600);
report(
  `.tf.json corpus, ${tf.length} files`,
  tf.reduce((n, t) => n + t.length, 0),
  [
    [PEER, () => tf.forEach((t) => JSON.parse(t))],
    ['positioned parser, tree', () => tf.forEach((t) => parseJsonTree(t))],
    ['tree → HCL AST (parseTfJson)', () => tf.forEach((t) => parseTfJson(t, 'm.tf.json'))],
  ],
  PEER,
  8,
);

// 3. CloudFormation and Kubernetes JSON: the loaders (tree, ranges, checks), then against the YAML path on 1 MB
const cfn = bigTemplate(16);
report(
  'CloudFormation JSON template',
  cfn.length,
  [
    [PEER, () => JSON.parse(cfn)],
    ['positioned parser, tree', () => parseJsonTree(cfn)],
    ['JSON path (loadJsonTemplate)', () => loadJsonTemplate(cfn, 't.json', [])],
  ],
  PEER,
  5,
);
const cfnSmall = bigTemplate(1);
report(
  'CloudFormation JSON template, smaller',
  cfnSmall.length,
  [
    ['YAML path (loadYamlTemplate)', () => loadYamlTemplate(cfnSmall, 't.json', [])],
    ['JSON path (loadJsonTemplate)', () => loadJsonTemplate(cfnSmall, 't.json', [])],
    [PEER, () => JSON.parse(cfnSmall)],
  ],
  'YAML path (loadYamlTemplate)',
  3,
);

const objects = fixtureObjects();
const list = bigList(objects, 16);
report(
  `Kubernetes JSON List (${objects.length} fixture objects, repeated)`,
  list.length,
  [
    [PEER, () => JSON.parse(list)],
    ['positioned parser, tree', () => parseJsonTree(list)],
    ['JSON path (loadJsonManifests)', () => loadJsonManifests(list, 'list.json', [])],
  ],
  PEER,
  5,
);
const listSmall = bigList(objects, 1);
report(
  'Kubernetes JSON List, smaller',
  listSmall.length,
  [
    ['YAML path (loadYamlManifests)', () => loadYamlManifests(listSmall, 'list.json', [])],
    ['JSON path (loadJsonManifests)', () => loadJsonManifests(listSmall, 'list.json', [])],
    [PEER, () => JSON.parse(listSmall)],
  ],
  'YAML path (loadYamlManifests)',
  3,
);
