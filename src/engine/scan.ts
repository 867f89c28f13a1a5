/**
 * One scan, end to end: discover → parse and adapt (per unit) → evaluate policies (per
 * chunk) → findings → filters. Runs inline for small inputs and on a worker pool when there
 * is enough work to pay for the threads.
 */
import path from 'node:path';
import { loadCatalog } from '../catalog/catalog.js';
import { discover } from '../discover/files.js';
import { buildFindings } from '../findings/build.js';
import type { Finding, RuleMeta, ScanResult, Severity } from '../findings/types.js';
import { SEVERITIES, severityRank } from '../findings/types.js';
import type { Diagnostic } from '../model/diagnostics.js';
import type { SourceMapEntry } from '../model/model.js';
import { packageVersion } from '../util/package-root.js';
import { buildChunks, splitChunk, type Chunk } from './chunks.js';
import { bundleDir, PolicyEngine, readManifest, type RawFinding } from './policy.js';
import { defaultPoolSize, WorkerPool } from './pool.js';
import { processUnit, type UnitOptions, type UnitResult } from './process-unit.js';
import { silentProgress, type Progress } from './progress.js';

export interface ScanOptions {
  /** Findings below this severity are not reported. */
  minSeverity?: Severity;
  /** Only these rule ids (when non-empty). */
  rules?: string[];
  skipRules?: string[];
  /** Values policies read from input.config. */
  config?: Record<string, unknown>;
  /** Force the worker pool on (true) or off (false); default: by amount of work. */
  parallel?: boolean;
  workers?: number;
  progress?: Progress;
  cwd?: string;
  /** Passed to every unit's parsing and evaluation (Terraform variables, …). */
  unit?: UnitOptions;
}

/** Units or files beyond which a worker pool pays for its start-up. */
const PARALLEL_UNITS = 48;
/**
 * Cores below which the pool is not used unless asked for (--parallel): on 2 cores, shipping
 * models and chunks between threads costs more than the second core gives back (bench/: 2.6 s
 * with the pool against 2.2 s on one thread for 7,000 objects).
 */
const MIN_POOL_CORES = 4;

export async function scan(targets: string[], opts: ScanOptions = {}): Promise<ScanResult> {
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  const progress = opts.progress ?? silentProgress;
  const catalog = loadCatalog();
  const manifest = readManifest();
  const found = discover(targets, { cwd: opts.cwd });
  const diagnostics: Diagnostic[] = [...found.diagnostics];

  const unitOptions = rootRelative(opts.unit ?? {}, opts.cwd ?? process.cwd(), found.root);
  const parallel = (opts.parallel ?? (found.units.length >= PARALLEL_UNITS && defaultPoolSize() >= MIN_POOL_CORES)) && WorkerPool.available();
  const pool = parallel ? new WorkerPool(opts.workers) : undefined;
  const dir = bundleDir();
  let engine: PolicyEngine | undefined;
  try {
    // parse and adapt
    let done = 0;
    const results: UnitResult[] = await Promise.all(
      found.units.map(async (u) => {
        let r: UnitResult;
        try {
          r = pool ? await pool.unit(u, found.root, unitOptions) : processUnit(u, found.root, unitOptions, found.reader);
        } catch (e) {
          r = { unit: u.id, model: { aws: {}, kubernetes: { objects: [] } }, sourceMap: [], diagnostics: [{ level: 'error', code: 'internal-error', message: `failed to process: ${(e as Error).message}`, file: u.id }] };
        }
        progress.update('parsing', ++done, found.units.length);
        return r;
      }),
    );
    const entries = new Map<string, SourceMapEntry>();
    for (const r of results) {
      diagnostics.push(...r.diagnostics);
      for (const e of r.sourceMap) entries.set(e.id, e);
    }

    // evaluate
    // Rego compiled to wasm has no clock: support-window rules compare against this date.
    const policyConfig = { as_of_date: new Date(started).toISOString().slice(0, 10), ...(opts.config ?? {}) };
    const chunks = buildChunks(results.map((r) => r.model), policyConfig);
    const raw: RawFinding[] = [];
    if (!pool && chunks.length) engine = await PolicyEngine.load(dir);
    let evaluated = 0;
    // in this thread, each input is serialised when its turn comes: one chunk's JSON at a time
    const evaluate = (c: Chunk): Promise<RawFinding[]> => (pool ? pool.evaluate(JSON.stringify(c), dir) : Promise.resolve().then(() => engine!.evaluate(JSON.stringify(c))));
    await Promise.all(
      chunks.map(async (c) => {
        raw.push(...(await evaluateIsolating(c, evaluate, (failed, e) => diagnostics.push(evaluationError(failed, e, entries)))));
        progress.update('evaluating', ++evaluated, chunks.length);
      }),
    );
    progress.done();

    // findings
    const only = new Set(opts.rules ?? []);
    const skip = new Set(opts.skipRules ?? []);
    for (const id of [...only, ...skip]) {
      if (!catalog.rules.has(id)) diagnostics.push({ level: 'warning', code: 'unknown-rule', message: `no rule ${id} in the catalog (see 'palisade rules list')` });
    }
    const selected = (id: string) => (only.size === 0 || only.has(id)) && !skip.has(id);
    const min = opts.minSeverity ?? 'info';
    const findings: Finding[] = buildFindings(
      raw.filter((f) => selected(f.rule)),
      entries,
      catalog.rules,
      diagnostics,
    ).filter((f) => severityRank(f.severity) >= severityRank(min));

    const rules: RuleMeta[] = [...catalog.rules.values()].filter((r) => selected(r.id)).sort((a, b) => (a.id < b.id ? -1 : 1));
    const active = findings.filter((f) => !f.suppressed);
    const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, active.filter((f) => f.severity === s).length])) as Record<Severity, number>;
    let resources = 0;
    for (const r of results) {
      resources += r.model.kubernetes.objects.length;
      for (const s of Object.values(r.model.aws)) for (const l of Object.values(s)) resources += l.length;
    }
    const problems = dedupe(diagnostics).sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0));
    return {
      tool: { name: 'palisade', version: packageVersion(), policyBundleHash: manifest.sourcesHash },
      root: found.root,
      targets,
      startedAt,
      findings,
      diagnostics: problems,
      rules,
      summary: {
        filesScanned: found.files,
        resourcesEvaluated: resources,
        findings: active.length,
        suppressed: findings.length - active.length,
        bySeverity,
        errors: problems.filter((d) => d.level === 'error').length,
        durationMs: Date.now() - started,
      },
    };
  } finally {
    await pool?.close();
  }
}

/** The same problem met twice (a module read through two root modules) is reported once. */
function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = [d.level, d.code, d.file, d.line, d.column, d.message].join('\0');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `--var-file` paths are given relative to the working directory; units read them relative to the scan root. */
function rootRelative(options: UnitOptions, cwd: string, root: string): UnitOptions {
  const varFiles = options.terraform?.varFiles;
  if (!varFiles?.length) return options;
  return { ...options, terraform: { ...options.terraform, varFiles: varFiles.map((f) => path.relative(root, path.resolve(cwd, f)).split(path.sep).join('/')) } };
}

/**
 * Evaluates a chunk; when the policy fails on it (a rule's runtime error on some input), halves
 * it until the failing objects are isolated, so that one bad object costs its own findings and
 * not those of the hundreds beside it. Each isolated failure is reported once.
 */
export async function evaluateIsolating(c: Chunk, evaluate: (c: Chunk) => Promise<RawFinding[]>, failed: (c: Chunk, e: unknown) => void): Promise<RawFinding[]> {
  try {
    return await evaluate(c);
  } catch (e) {
    const halves = splitChunk(c);
    if (!halves) {
      failed(c, e);
      return [];
    }
    const out: RawFinding[] = [];
    for (const h of halves) out.push(...(await evaluateIsolating(h, evaluate, failed)));
    return out;
  }
}

function evaluationError(c: Chunk, e: unknown, entries: Map<string, SourceMapEntry>): Diagnostic {
  const objects = [...c.kubernetes.objects, ...Object.values(c.aws).flatMap((s) => Object.values(s).flat())];
  const first = entries.get(objects[0]?.id ?? '');
  const names = objects.map((o) => entries.get(o.id)?.identity ?? o.id);
  return {
    level: 'error',
    code: 'policy-evaluation',
    message: `${(e as Error).message ?? String(e)}; findings of ${names.slice(0, 3).join(', ')}${names.length > 3 ? ` and ${names.length - 3} more` : ''} are missing`,
    file: first?.location?.file,
    line: first?.location?.start.line,
    column: first?.location?.start.column,
  };
}
