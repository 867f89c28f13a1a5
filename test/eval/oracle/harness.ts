/**
 * Runs one case of the Terraform oracle (fixtures/terraform-oracle/) through Palisade's
 * evaluator, in a module made of the case group's files, and compares with what real
 * Terraform recorded.
 */
import { parseHcl } from '../../../src/parse/hcl/index.js';
import { ModuleInstance, type UnitEnv } from '../../../src/eval/terraform/module.js';
import { containsUnknown, hasInfinity, isObject } from '../../../src/eval/terraform/values.js';
import { UNKNOWN } from '../../../src/model/model.js';
import type { Diagnostic } from '../../../src/model/diagnostics.js';
import type { HclFile } from '../../../src/parse/hcl/ast.js';

export interface RecordedCase {
  expr: string;
  /** Terraform's jsonencode of the value. */
  json?: string;
  /** Terraform's error: summary and detail. */
  error?: string;
}

export interface RecordedGroup {
  name: string;
  /** Module files by path: main.tf is the root module, m/main.tf the module "./m". */
  files: Record<string, string>;
  cases: RecordedCase[];
}

export interface Recorded {
  terraform: string;
  corpusSha256: string;
  groups: RecordedGroup[];
}

export interface PalisadeResult {
  value: unknown;
  /** Warnings and errors (notes left out). */
  problems: Diagnostic[];
}

const UNIT = 'oracle';
const CASE_LOCAL = '__oracle_case';

/** Evaluates `expr` as a local of the group's root module. */
export function evaluateCase(group: RecordedGroup, expr: string): PalisadeResult {
  const diagnostics: Diagnostic[] = [];
  const files = new Map<string, HclFile[]>();
  try {
    for (const [rel, text] of Object.entries(group.files)) {
      const dir = rel.includes('/') ? `${UNIT}/${rel.slice(0, rel.lastIndexOf('/'))}` : UNIT;
      const src = rel === 'main.tf' ? `${text}\nlocals {\n  ${CASE_LOCAL} = ${expr}\n}\n` : text;
      const list = files.get(dir) ?? [];
      list.push(parseHcl(src, `${UNIT}/${rel}`));
      files.set(dir, list);
    }
    if (!files.has(UNIT)) files.set(UNIT, [parseHcl(`locals {\n  ${CASE_LOCAL} = ${expr}\n}\n`, `${UNIT}/main.tf`)]);
  } catch (e) {
    // a syntax error is a diagnostic for the scan
    return { value: UNKNOWN, problems: [{ level: 'error', code: 'hcl-syntax', message: (e as Error).message }] };
  }
  const env: UnitEnv = {
    unitDir: UNIT,
    diag: (d) => diagnostics.push(d),
    moduleFiles: (dir) => files.get(dir),
    installed: new Map(),
    readText: () => undefined,
    renderTemplate: () => UNKNOWN,
    memo: new Map(),
    parseVarText: () => UNKNOWN,
  };
  const m = new ModuleInstance(env, UNIT, files.get(UNIT)!, '', new Map(), new Map(), 0, []);
  const def = m.locals.get(CASE_LOCAL)!;
  const value = m.safeEval(def.node.expr, m.ctx(`${UNIT}/main.tf`));
  return { value, problems: diagnostics.filter((d) => d.level !== 'note') };
}

/** JSON with sorted keys: the form both sides are compared in. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isObject(v)) {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'undefined';
}

export type Verdict = { ok: true } | { ok: false; why: string };

/**
 * Palisade agrees with Terraform when it gives the same value (JSON-normalised, no warning),
 * or, where Terraform fails, a diagnostic or an unknown value: never another known value.
 */
export function judge(c: RecordedCase, got: PalisadeResult): Verdict {
  const unknown = containsUnknown(got.value);
  if (c.error !== undefined) {
    // the recorder read each value through jsonencode, which fails on an infinity
    if (got.problems.length > 0 || unknown || hasInfinity(got.value)) return { ok: true };
    return { ok: false, why: `Terraform fails (${c.error}) but Palisade gives ${canonical(got.value)}` };
  }
  const want = canonical(JSON.parse(c.json!));
  if (unknown || got.problems.length > 0) {
    const problems = got.problems.map((d) => d.message).join('; ');
    return { ok: false, why: `Terraform gives ${want} but Palisade gives ${unknown ? 'unknown' : canonical(got.value)}${problems ? ` (${problems})` : ''}` };
  }
  const have = canonical(got.value);
  return have === want ? { ok: true } : { ok: false, why: `Terraform gives ${want} but Palisade gives ${have}` };
}
