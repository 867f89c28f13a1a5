/**
 * Terraform evaluation cost on a module-heavy corpus: parse time of every .tf file vs parse
 * + evaluate time of every root (modules evaluated through their calls), and the ratio.
 * Goal: evaluation adds no more than 2× the parse time.
 *
 *   node dist/bench/eval.js      # after npm run build
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseTerraformFile } from '../src/parse/hcl/index.js';
import type { HclFile } from '../src/parse/hcl/ast.js';
import { clearParseCache, evaluateTerraformUnit } from '../src/eval/terraform/index.js';
import type { Diagnostic } from '../src/model/diagnostics.js';
import type { TerraformResource } from '../src/adapt/terraform/resource.js';
import type { AttrView } from '../src/adapt/terraform/view.js';
import { writeModuleCorpus } from './corpus.js';
import { discover } from '../src/discover/files.js';

const dir = path.join(os.tmpdir(), 'palisade-bench-modules');
const stats = writeModuleCorpus(dir, { seed: 7, roots: 300, modules: 40 });

const tfFiles: string[] = [];
const walk = (d: string) => {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const abs = path.join(d, e.name);
    if (e.isDirectory()) walk(abs);
    else if (e.name.endsWith('.tf') || e.name.endsWith('.tfvars')) tfFiles.push(path.relative(dir, abs).split(path.sep).join('/'));
  }
};
walk(dir);
tfFiles.sort();
// texts are read before timing: parse and evaluation are measured, not the disk
const texts = new Map(tfFiles.map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
const roots = [...new Set(tfFiles.filter((f) => f.startsWith('live/')).map((f) => path.posix.dirname(f)))];
// as in a scan, discovery (not timed) has walked the tree: its reader knows every folder
const { reader } = discover([dir], { cwd: dir });
const rootFiles = new Map(roots.map((root) => [root, tfFiles.filter((f) => f.endsWith('.tf') && path.posix.dirname(f) === root)]));

function best(times: number, fn: () => void): number {
  let min = Infinity;
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    fn();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

// parse only: every .tf and .tfvars file of the corpus once
const parseAll = () => {
  for (const [f, t] of texts) parseTerraformFile(t, f);
};

let resources = 0;
let diagnostics: Diagnostic[] = [];
/** What the adapters received in the last run: each instance's record and the attribute values they read. */
let received: { r: TerraformResource; attrs: [string, AttrView | undefined][] }[] = [];
// parse + evaluate: each root parses its files, evaluation parses (once, cached) and evaluates the modules it calls
const parseAndEvaluate = (keep = false) => {
  clearParseCache();
  resources = 0;
  diagnostics = [];
  received = [];
  const readText = (rel: string) => texts.get(rel) ?? reader.readText(rel, diagnostics, true);
  for (const root of roots) {
    const files: HclFile[] = rootFiles.get(root)!.map((f) => parseTerraformFile(texts.get(f)!, f));
    const rs = evaluateTerraformUnit({ root: dir, unit: root, files, diagnostics, readText, listDir: (rel) => reader.listDir(rel) });
    for (const r of rs) {
      // what the adapters do: read every attribute and nested block
      resources++;
      const attrs: [string, AttrView | undefined][] = [];
      for (const item of r.block.body.items) if (item.kind === 'attribute') attrs.push([item.name, r.view.attr(item.name)]);
      r.view.blocks('ingress').forEach((b) => attrs.push(['cidr_blocks', b.attr('cidr_blocks')]));
      r.view.blocks('versioning_configuration').forEach((b) => attrs.push(['status', b.attr('status')]));
      if (keep) received.push({ r, attrs });
    }
  }
};

parseAll();
parseAndEvaluate(); // warm-up
if (process.env.BENCH_PROFILE_LOOP) {
  // for --cpu-prof: only the measured work
  for (let i = 0; i < Number(process.env.BENCH_PROFILE_LOOP); i++) parseAndEvaluate();
  process.exit(0);
}
/**
 * A lower bound for any evaluator behind the adapters' interface: make the same records
 * (address, location, view) and answer the same attribute reads, with every attribute view
 * prepared in advance (outside the timing) — no parsing, no evaluation, no value built.
 * Whatever an evaluator does, it does at least this.
 */
class KnownView {
  constructor(private readonly views: Map<string, AttrView | undefined>) {}
  attr(name: string): AttrView | undefined {
    return this.views.get(name);
  }
}
/**
 * The same, but each read gets its own attribute view object (value, range, expression and
 * provenance copied from the prepared one): what an evaluator pays when, as this one does, it
 * gives every resource instance its own views — provenance (`related`) differs per module call.
 */
class FreshView extends KnownView {
  override attr(name: string): AttrView | undefined {
    const a = super.attr(name);
    return a && (a.related ? { value: a.value, range: a.range, expr: a.expr, related: a.related } : { value: a.value, range: a.range, expr: a.expr });
  }
}
let prepared: { r: TerraformResource; views: Map<string, AttrView | undefined>; names: string[] }[] = [];
const lowerBound = (View: typeof KnownView) => {
  const out: unknown[] = [];
  for (const { r, views, names } of prepared) {
    const view = new View(views);
    out.push({ mode: r.mode, type: r.type, name: r.name, key: r.key, address: `${r.module ? `${r.module}.` : ''}${r.type}.${r.name}${r.key === undefined ? '' : `[${JSON.stringify(r.key)}]`}`, module: r.module, unit: r.unit, file: r.file, block: r.block, view, location: { file: r.file, start: r.location.start, end: r.location.end }, region: r.region });
    for (const n of names) view.attr(n);
  }
  return out.length;
};

const runs = Number(process.env.BENCH_RUNS ?? 5);
const parseMs = best(runs, parseAll);
const totalMs = best(runs, () => parseAndEvaluate());
parseAndEvaluate(true); // untimed: what the adapters received, for the lower bound
prepared = received.map(({ r, attrs }) => ({ r, views: new Map(attrs), names: attrs.map(([n]) => n) }));
const floorMs = best(runs, () => lowerBound(KnownView));
const freshFloorMs = best(runs, () => lowerBound(FreshView));
console.log(`Module-heavy corpus: ${stats.roots} roots calling ${stats.modules} shared modules, ${stats.files} files (${(stats.bytes / 1024 / 1024).toFixed(2)} MB), ${resources} resource instances, ${diagnostics.filter((d) => d.level !== 'note').length} warnings/errors`);
console.log(`  parse              ${parseMs.toFixed(1).padStart(8)} ms  (best of ${runs})`);
console.log(`  parse + evaluate   ${totalMs.toFixed(1).padStart(8)} ms  (best of ${runs})`);
console.log(`  evaluation adds    ${((totalMs - parseMs) / parseMs).toFixed(2).padStart(8)}× the parse time  (goal: ≤ 2×); total/parse ratio ${(totalMs / parseMs).toFixed(2)}`);
console.log(`  evaluation alone   ${(totalMs - parseMs).toFixed(1).padStart(8)} ms  (${Math.round(resources / ((totalMs - parseMs) / 1000)).toLocaleString('en-US')} resource instances/s, every attribute read)`);
console.log(`  lower bound        ${floorMs.toFixed(1).padStart(8)} ms  = ${(floorMs / parseMs).toFixed(2)}× the parse time: the same records and attribute reads, every attribute view prepared in advance`);
console.log(`                                 (no evaluator behind the adapters' interface adds less; evaluation is ${((totalMs - parseMs) / floorMs).toFixed(1)}× this bound)`);
console.log(`  … with own views   ${freshFloorMs.toFixed(1).padStart(8)} ms  = ${(freshFloorMs / parseMs).toFixed(2)}× the parse time: the same, one attribute view object per read (as when each instance has its own views)`);
