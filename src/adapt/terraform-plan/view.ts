/**
 * A BodyView over the values of a Terraform plan (`terraform show -json`): what the
 * Terraform → model adapters read, so one set of adapters serves HCL and plans.
 *
 * - Values come from `planned_values` (unknown attributes are omitted there, unknown list
 *   elements are null); `after_unknown` marks what is unknown, deep; sensitive values
 *   (`sensitive_values`, `after_sensitive`) are unknown too, so no report can print them.
 * - An attribute unknown only because the provider computes it, and that the configuration
 *   does not set, is treated as not set: the adapter then writes the documented default,
 *   exactly as for HCL. An attribute the configuration sets whose value is unknown is UNKNOWN.
 * - Nested blocks are lists of objects under the attribute name (single-nested ones an object).
 * - Ranges point into the `.tf` block when the source was found (the attribute when written
 *   there, else the block), else into the plan JSON itself.
 * - `expr` is synthesized: a traversal (`aws_s3_bucket.logs.id`) from the configuration's
 *   references when there are some, so that folding split resources works unchanged; else a
 *   literal of the (sanitized) value.
 * - Where a value is wholly unknown in the plan but the evaluated `.tf` source of the same
 *   instance knows part of it (a `jsonencode` naming an ARN known after apply), that part is
 *   read from the source (see attr() and source-values.ts); known plan values always win.
 */
import type { Block, Body, Expression, ObjectItem } from '../../parse/hcl/ast.js';
import { isUnknown, UNKNOWN } from '../../model/model.js';
import type { Range } from '../../model/source.js';
import { literalValue, NOT_LITERAL } from '../../parse/hcl/literal.js';
import { UnknownBodyView, type AttrView, type BodyView } from '../terraform/view.js';
import type { JsonDocument } from './json.js';
import { hasUnknown, parsedJson } from './source-values.js';

type Json = unknown;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function child(mirror: Json, key: string | number): Json {
  if (mirror === true) return true;
  if (typeof mirror !== 'object' || mirror === null) return undefined;
  return (mirror as Record<string | number, unknown>)[key];
}

/** Deep OR of two mirrors (`true` where either marks a value). */
export function mergeMirrors(a: Json, b: Json): Json {
  if (a === true || b === true) return true;
  const ao = typeof a === 'object' && a !== null;
  const bo = typeof b === 'object' && b !== null;
  if (!ao) return bo ? b : undefined;
  if (!bo) return a;
  if (Array.isArray(a) && Array.isArray(b)) {
    const out: unknown[] = [];
    for (let i = 0; i < Math.max(a.length, b.length); i++) out.push(mergeMirrors(a[i], b[i]));
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const k of new Set([...Object.keys(a as object), ...Object.keys(b as object)])) out[k] = mergeMirrors(child(a, k), child(b, k));
  return out;
}

/** `true` anywhere in a mirror. */
export function anyMarked(m: Json): boolean {
  if (m === true) return true;
  if (typeof m !== 'object' || m === null) return false;
  return Object.values(m).some(anyMarked);
}

/** A plan value with UNKNOWN wherever `after_unknown` or a sensitivity mirror says so. */
export function cleanValue(v: Json, unknown: Json, sensitive: Json, depth = 0): unknown {
  if (unknown === true || sensitive === true) return UNKNOWN;
  if (depth > 64) return UNKNOWN;
  if (Array.isArray(v)) return v.map((x, i) => cleanValue(x, child(unknown, i), child(sensitive, i), depth + 1));
  if (isObject(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = cleanValue(x, child(unknown, k), child(sensitive, k), depth + 1);
    // unknown attributes are omitted from planned values: they are unknown, not absent
    if (isObject(unknown)) for (const [k, u] of Object.entries(unknown)) if (u === true && !(k in out)) out[k] = UNKNOWN;
    return out;
  }
  return v;
}

/** What the configuration says of one attribute: `{constant_value}` / `{references}` / a block list. */
type ConfigNode = Record<string, unknown> | unknown[] | undefined;

/** The resource a configuration reference names (`aws_s3_bucket.logs[0].id`), as a traversal. */
const NOT_RESOURCES = new Set(['var', 'local', 'module', 'data', 'each', 'count', 'path', 'terraform', 'self']);
const REF = /^([A-Za-z_][\w-]*)\.([A-Za-z_][\w-]*)(\[(?:"(?:[^"\\]|\\.)*"|\d+)\])?(?:\.([A-Za-z_][\w-]*))?/;

export function referenceExpr(references: unknown, range: Range): Expression | undefined {
  if (!Array.isArray(references)) return undefined;
  let best: RegExpExecArray | undefined;
  for (const ref of references) {
    if (typeof ref !== 'string') continue;
    const m = REF.exec(ref);
    if (!m || NOT_RESOURCES.has(m[1])) continue;
    if (!best || (m[4] && !best[4])) best = m;
  }
  if (!best) return undefined;
  let e: Expression = { type: 'getattr', object: { type: 'variable', name: best[1], range }, name: best[2], range };
  if (best[3]) {
    const key = JSON.parse(best[3].slice(1, -1)) as string | number;
    e = { type: 'index', object: e, key: literalExpr(key, range), range };
  }
  if (best[4]) e = { type: 'getattr', object: e, name: best[4], range };
  return e;
}

/** An expression whose literal value is `v` (UNKNOWN becomes a call, which is not literal). */
export function literalExpr(v: unknown, range: Range): Expression {
  if (isUnknown(v) || v === undefined) return { type: 'call', name: 'unknown', nameRange: range, args: [], expandFinal: false, range };
  if (typeof v === 'string') return { type: 'template', parts: [{ type: 'literal', value: v, range }], range };
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return { type: 'literal', value: v, range };
  if (Array.isArray(v)) return { type: 'tuple', items: v.map((x) => literalExpr(x, range)), range };
  const items: ObjectItem[] = Object.entries(v as Record<string, unknown>).map(([k, x]) => ({ key: literalExpr(k, range), value: literalExpr(x, range), range }));
  return { type: 'object', items, range };
}

/** Everything a PlanBodyView reads from. */
export interface PlanBodySource {
  /** The `.tf` file when the source was found, else the plan file. */
  file: string;
  range: Range;
  values: Record<string, unknown>;
  /** `after_unknown` below this body. */
  unknown: Json;
  /** Sensitive marks below this body (`sensitive_values` merged with `after_sensitive`). */
  sensitive: Json;
  /** The configuration's `expressions` for this body; undefined when not known (then every unknown is UNKNOWN). */
  config?: Record<string, unknown>;
  /** The HCL body of the block when the source was found. */
  hcl?: Body;
  /** The plan document, for ranges when there is no HCL source. */
  json: JsonDocument;
  /**
   * The evaluated `.tf` source of the same body, when it is the same instance (source-values.ts):
   * consulted only where the plan's value is unknown and not sensitive.
   */
  source?: () => BodyView | undefined;
}

export class PlanBodyView implements BodyView {
  readonly file: string;
  readonly range: Range;

  constructor(private readonly s: PlanBodySource) {
    this.file = s.file;
    this.range = s.range;
  }

  /** Set in the configuration (or no configuration to tell). */
  private configured(name: string): boolean {
    return !this.s.config || Object.prototype.hasOwnProperty.call(this.s.config, name);
  }

  /** Where an attribute is written: the HCL item (in its own file when an override file wrote it), else the plan. */
  private attrSource(name: string): { range: Range; file?: string } {
    if (this.s.hcl) {
      for (const item of this.s.hcl.items) if (item.kind === 'attribute' && item.name === name) return item;
      // a nested block written as a block: its first occurrence
      for (const item of this.s.hcl.items) if (item.kind === 'block' && (item.type === name || (item.type === 'dynamic' && item.labels[0] === name))) return item;
      return this;
    }
    return { range: this.s.json.memberRange(this.s.values, name) ?? this.range };
  }

  /**
   * An attribute: the plan's, except where the plan's value is wholly unknown (and not
   * sensitive) and the evaluated source knows part of it: a JSON document's structure
   * (`decoded`, the value itself staying unknown), whether the source knows it in part (an
   * unknown ARN inside) or entirely (an ARN the evaluator derives from a bucket name the plan
   * does not resolve); an object or list with some parts known. Such a value keeps the plan's
   * location and takes the source's expression (statement locations). Any other value the
   * source knows entirely is not taken: the plan says it waits for apply.
   */
  attr(name: string): AttrView | undefined {
    const out = this.planAttr(name);
    if (!out || !isUnknown(out.value) || !this.s.source || !this.s.hcl) return out;
    if (child(this.s.unknown, name) !== true || anyMarked(child(this.s.sensitive, name))) return out;
    const from = this.s.source()?.attr(name);
    if (!from) return out;
    const decoded = isUnknown(from.value) ? from.decoded : typeof from.value === 'string' ? parsedJson(from.value) : undefined;
    const partial = !isUnknown(from.value) && hasUnknown(from.value);
    if (decoded === undefined && !partial) return out;
    const filled: AttrView = { value: partial ? from.value : out.value, range: out.range, expr: from.expr };
    if (decoded !== undefined) filled.decoded = decoded;
    if (out.file !== undefined) filled.file = out.file;
    return filled;
  }

  /** An attribute as the plan alone says it. */
  planAttr(name: string): AttrView | undefined {
    const { values } = this.s;
    const u = child(this.s.unknown, name);
    const sens = child(this.s.sensitive, name);
    const has = Object.prototype.hasOwnProperty.call(values, name);
    let value: unknown;
    if (u === true || sens === true) {
      // computed by the provider and not set in the configuration: not set, the default applies
      if (sens !== true && !this.configured(name)) return undefined;
      value = UNKNOWN;
    } else {
      if (!has || values[name] === null) return undefined;
      value = cleanValue(values[name], u, sens);
    }
    const { range, file } = this.attrSource(name);
    const config = this.s.config?.[name];
    let expr: Expression | undefined;
    const out: AttrView = {
      value,
      range,
      get expr(): Expression {
        return (expr ??= (isObject(config) ? referenceExpr(config.references, range) : undefined) ?? literalExpr(value, range));
      },
    };
    if (file !== undefined && file !== this.file) out.file = file;
    return out;
  }

  blocks(type: string): BodyView[] {
    const u = child(this.s.unknown, type);
    const sens = child(this.s.sensitive, type);
    // the whole list unknown: attr() says so; there is no block to read
    if (u === true || sens === true) return [];
    const raw = this.s.values[type];
    const list = Array.isArray(raw) ? raw : isObject(raw) ? [raw] : [];
    const single = !Array.isArray(raw);
    const cfg = this.s.config?.[type];
    const cfgBlocks = Array.isArray(cfg) ? cfg : isObject(cfg) && !('constant_value' in cfg) && !('references' in cfg) ? [cfg] : undefined;
    const hclBlocks = this.hclBlocks(type);
    const used = new Set<number>();
    const out: BodyView[] = [];
    list.forEach((item, i) => {
      const ui = single ? u : child(u, i);
      const si = single ? sens : child(sens, i);
      const hclIndex = hclBlocks ? matchBlock(hclBlocks, item, i, used) : undefined;
      const hcl = hclIndex !== undefined ? hclBlocks![hclIndex] : undefined;
      const range = hcl?.range ?? (this.s.hcl ? this.range : (this.s.json.rangeOf(item) ?? this.range));
      // a block an override file wrote is in that file
      const file = hcl?.file ?? this.file;
      if (ui === true || si === true || !isObject(item)) {
        if (ui === true || si === true) out.push(new UnknownBodyView(file, range));
        return;
      }
      const config = this.blockConfig(cfg, cfgBlocks, hcl ? hclIndex : undefined, i, list.length);
      // the source's block in the same place, when its blocks of this type are the HCL's one for one
      const parent = this.s.source;
      const source =
        parent && hclBlocks && hclIndex !== undefined
          ? () => {
              const bs = parent()?.blocks(type);
              return bs && bs.length === hclBlocks.length ? bs[hclIndex] : undefined;
            }
          : undefined;
      out.push(
        new PlanBodyView({
          file,
          range,
          values: item,
          unknown: ui,
          sensitive: si,
          config,
          hcl: hcl?.body,
          json: this.s.json,
          source,
        }),
      );
    });
    return out;
  }

  /**
   * The configuration of one nested block: the configuration lists blocks in source order,
   * like the HCL. A block the configuration does not write (computed) sets nothing; when the
   * correspondence is unclear, undefined (every unknown stays UNKNOWN).
   */
  private blockConfig(cfg: unknown, cfgBlocks: unknown[] | undefined, hclIndex: number | undefined, i: number, count: number): Record<string, unknown> | undefined {
    if (!this.s.config) return undefined;
    if (cfg === undefined) return {};
    if (!cfgBlocks) return undefined;
    if (hclIndex !== undefined) return isObject(cfgBlocks[hclIndex]) ? cfgBlocks[hclIndex] : undefined;
    if (this.s.hcl) return undefined;
    return cfgBlocks.length === count && isObject(cfgBlocks[i]) ? cfgBlocks[i] : undefined;
  }

  /** Native nested blocks of a type in the HCL; undefined when there is no HCL or a `dynamic` block makes the order unknowable. */
  private hclBlocks(type: string): Block[] | undefined {
    if (!this.s.hcl) return undefined;
    const out: Block[] = [];
    for (const item of this.s.hcl.items) {
      if (item.kind !== 'block') continue;
      if (item.type === 'dynamic' && item.labels[0] === type) return undefined;
      if (item.type === type) out.push(item);
    }
    return out;
  }
}

/**
 * Which HCL block a plan block came from. Sets (security group rules, …) come out of a plan
 * sorted by value, not in source order: match on the literal attributes, preferring the
 * same position.
 */
function matchBlock(blocks: Block[], item: unknown, index: number, used: Set<number>): number | undefined {
  if (!isObject(item)) return !used.has(index) && index < blocks.length ? take(used, index) : undefined;
  let best: number | undefined;
  let bestScore = -1;
  blocks.forEach((b, j) => {
    if (used.has(j)) return;
    let score = 0;
    for (const a of b.body.items) {
      if (a.kind !== 'attribute') continue;
      const lit = literalValue(a.expr);
      if (lit === NOT_LITERAL || !(a.name in item)) continue;
      if (sameValue(lit, item[a.name])) score += 2;
      else return;
    }
    if (j === index) score += 1;
    if (score > bestScore) {
      bestScore = score;
      best = j;
    }
  });
  return best === undefined ? undefined : take(used, best);
}

function take(used: Set<number>, i: number): number {
  used.add(i);
  return i;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (isObject(a) && isObject(b)) return Object.keys(a).every((k) => sameValue(a[k], b[k]));
  // HCL converts between strings, numbers and booleans by the schema's type
  return a === b || (a !== null && b !== null && typeof a !== 'object' && typeof b !== 'object' && String(a) === String(b));
}
