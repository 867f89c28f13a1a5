/**
 * JSON parser throughput, old against new (MB/s of CPU time, best of interleaved rounds):
 *  - a generated plan of about 30 MB on one line (as `terraform show -json` prints it),
 *  - a generated corpus of `.tf.json` files,
 *  - a generated 4 MB CloudFormation JSON template (YAML path against JSON path).
 * The old parsers are frozen copies in bench/legacy/.
 *
 *   npx tsc -p tsconfig.json && node dist/bench/json.js
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { parseJsonWithPositions as newPlan } from '../src/adapt/terraform-plan/json.js';
import { loadJsonTemplate, loadYamlTemplate, toPlain } from '../src/parse/cloudformation/load.js';
import { parseTfJson as newTfJson } from '../src/parse/hcl/json.js';
import { LineTable } from '../src/parse/hcl/lexer.js';
import { parseJsonTree, plainValue } from '../src/parse/json/index.js';
import { rng } from './corpus.js';
import { parseJsonWithPositions as oldPlan } from './legacy/plan-json.js';
import { JsonParser as OldTfJsonParser, parseTfJson as oldTfJson } from './legacy/tf-json.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MB = 1024 * 1024;

/** CPU milliseconds of one call (user + system: steadier than wall time on a busy machine). */
function cpuMs(fn: () => void): number {
  const c = process.cpuUsage();
  fn();
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1000;
}

/** Runs the variants in turn, `rounds` times, and keeps each one's best: noise from other load only adds time. */
function report(title: string, bytes: number, rows: [string, () => void][], rounds = 8): Map<string, number> {
  console.log(`${title} (${(bytes / MB).toFixed(1)} MB, best CPU time of ${rounds} interleaved rounds)`);
  const bestMs = rows.map(() => Infinity);
  rows.forEach(([, fn]) => fn()); // warm-up
  for (let r = 0; r < rounds; r++) rows.forEach(([, fn], i) => (bestMs[i] = Math.min(bestMs[i], cpuMs(fn))));
  const out = new Map<string, number>();
  rows.forEach(([name], i) => {
    const rate = bytes / MB / (bestMs[i] / 1000);
    out.set(name, rate);
    console.log(`  ${name.padEnd(48)} ${rate.toFixed(1).padStart(8)} MB/s  ${bestMs[i].toFixed(0).padStart(6)} ms`);
  });
  return out;
}

function verdict(what: string, rates: Map<string, number>, fresh: string, old: string[]): void {
  const fastest = Math.max(...old.map((o) => rates.get(o)!));
  const ratio = rates.get(fresh)! / fastest;
  console.log(`  → ${what}: new ${(ratio * 100).toFixed(0)} % of the fastest old parser (${ratio >= 0.9 ? 'within' : 'OUTSIDE'} the 10 % budget)\n`);
}

/** A plan of about `mb` megabytes, resources of the parity fixture repeated under new names. */
function bigPlan(mb: number): string {
  const base = JSON.parse(fs.readFileSync(path.join(root, 'fixtures/terraform-plan/parity/plan.json'), 'utf8'));
  const pv = base.planned_values.root_module.resources;
  const rc = base.resource_changes;
  const cfg = base.configuration.root_module.resources;
  const out = { pv: [] as unknown[], rc: [] as unknown[], cfg: [] as unknown[] };
  const one = JSON.stringify(pv).length + JSON.stringify(rc).length + JSON.stringify(cfg).length;
  for (let n = 0; n * one < mb * 1e6; n++) {
    for (let i = 0; i < pv.length; i++) {
      const name = `${pv[i].name}_${n}`;
      const address = `${pv[i].type}.${name}`;
      out.pv.push({ ...pv[i], name, address });
      out.rc.push({ ...rc[i], name, address });
      out.cfg.push({ ...cfg[i], name, address });
    }
  }
  base.planned_values.root_module.resources = out.pv;
  base.resource_changes = out.rc;
  base.configuration.root_module.resources = out.cfg;
  return JSON.stringify(base);
}

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

// 1. plans
const plan = bigPlan(30);
const planRates = report('Plan JSON', plan.length, [
  ['old plan parser (values + spans)', () => oldPlan(plan, 'p.json')],
  ['old tf.json parser (tree, no mapping)', () => new OldTfJsonParser(plan, 'p.json', new LineTable(plan)).parseDocument()],
  ['new parser, plain-value builder (plans use it)', () => newPlan(plan, 'p.json')],
  ['new parser, positioned tree', () => parseJsonTree(plan)],
  ['new parser, tree then plain values', () => plainValue(parseJsonTree(plan))],
  ['JSON.parse (no positions, for scale)', () => JSON.parse(plan)],
]);
verdict('plans', planRates, 'new parser, plain-value builder (plans use it)', ['old plan parser (values + spans)', 'old tf.json parser (tree, no mapping)']);

// 2. .tf.json
const tf = tfJsonCorpus(600);
const tfBytes = tf.reduce((n, t) => n + t.length, 0);
for (const t of tf.slice(0, 20)) if (!isDeepStrictEqual(newTfJson(t, 'm.tf.json'), oldTfJson(t, 'm.tf.json'))) throw new Error('tf.json ASTs differ');
const tfRates = report(`.tf.json corpus, ${tf.length} files`, tfBytes, [
  ['old tf.json: JSON only', () => tf.forEach((t) => new OldTfJsonParser(t, 'm.tf.json', new LineTable(t)).parseDocument())],
  ['old plan parser: JSON only', () => tf.forEach((t) => oldPlan(t, 'm.tf.json'))],
  ['new parser, positioned tree: JSON only', () => tf.forEach((t) => parseJsonTree(t))],
  ['old tf.json → HCL AST', () => tf.forEach((t) => oldTfJson(t, 'm.tf.json'))],
  ['new tf.json → HCL AST', () => tf.forEach((t) => newTfJson(t, 'm.tf.json'))],
]);
verdict('tf.json, JSON only', tfRates, 'new parser, positioned tree: JSON only', ['old tf.json: JSON only', 'old plan parser: JSON only']);
verdict('tf.json, to the HCL AST', tfRates, 'new tf.json → HCL AST', ['old tf.json → HCL AST']);

// 3. CloudFormation JSON (the YAML path takes minutes on 30 MB: 4 MB tells its rate)
const cfn = bigTemplate(4);
const viaJson = loadJsonTemplate(cfn, 't.json', []);
const viaYaml = loadYamlTemplate(cfn, 't.json', []);
if (!viaJson || !viaYaml || !isDeepStrictEqual(viaJson, viaYaml) || !isDeepStrictEqual(toPlain(viaJson.root), JSON.parse(cfn))) throw new Error('CloudFormation paths differ');
const cfnRates = report(
  'CloudFormation JSON template',
  cfn.length,
  [
    ['YAML path (before)', () => loadYamlTemplate(cfn, 't.json', [])],
    ['JSON path (shared parser)', () => loadJsonTemplate(cfn, 't.json', [])],
  ],
  3,
);
console.log(`  → CloudFormation: JSON path ${(cfnRates.get('JSON path (shared parser)')! / cfnRates.get('YAML path (before)')!).toFixed(1)}× the YAML path, same node tree`);
