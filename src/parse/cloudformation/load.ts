/**
 * CloudFormation templates from YAML (every short-form tag: `!Ref`, `!GetAtt A.B`,
 * `!Sub [str, {vars}]`, …) or JSON, as a tree of nodes that keep their source range.
 * Short forms are rewritten to the long form (`!Ref X` → `{Ref: X}`, `!GetAtt A.B` →
 * `{"Fn::GetAtt": [A, B]}`), so the intrinsic evaluator sees one shape. Alias bombs are
 * refused with the Kubernetes loader's limit; syntax errors become diagnostics with line and
 * column. A repeated mapping key is what CloudFormation accepts, keeping the last value: so
 * does this loader, with a warning at each repeat (YAML and JSON alike).
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { Diagnostic } from '../../model/diagnostics.js';
import type { Range } from '../../model/source.js';
import { LineTable } from '../hcl/lexer.js';
import { JsonSyntaxError, parseJsonTree, type JsonNode } from '../json/index.js';
import { rangeOf } from '../yaml-positions.js';

export type CfnScalar = string | number | boolean | null;

export type CfnNode =
  | { kind: 'scalar'; value: CfnScalar; range: Range }
  | { kind: 'seq'; items: CfnNode[]; range: Range }
  | { kind: 'map'; entries: CfnEntry[]; range: Range };

export interface CfnEntry {
  key: string;
  keyRange: Range;
  /** From the key to the end of the value: what a finding on this property points at. */
  range: Range;
  value: CfnNode;
}

export interface CommentLine {
  line: number;
  text: string;
}

export interface CfnTemplate {
  file: string;
  root: Extract<CfnNode, { kind: 'map' }>;
  /** Comment lines that mention `palisade:` (inline suppressions). */
  comments: CommentLine[];
}

/** Most aliases a document may expand: the Kubernetes loader's limit. */
const MAX_ALIAS_COUNT = 100;
/** Nodes a template may expand to through aliases, beyond its own: a second guard. */
const MAX_ALIAS_NODES = 100_000;
/** Deepest template nesting read (YAML and JSON alike). */
const MAX_TEMPLATE_DEPTH = 200;

/** Short-form tags and the long-form key they stand for. */
export const SHORT_FORMS: Record<string, string> = {
  Ref: 'Ref',
  Condition: 'Condition',
  Sub: 'Fn::Sub',
  GetAtt: 'Fn::GetAtt',
  Join: 'Fn::Join',
  If: 'Fn::If',
  Equals: 'Fn::Equals',
  FindInMap: 'Fn::FindInMap',
  Select: 'Fn::Select',
  Split: 'Fn::Split',
  Base64: 'Fn::Base64',
  ImportValue: 'Fn::ImportValue',
  GetAZs: 'Fn::GetAZs',
  Not: 'Fn::Not',
  And: 'Fn::And',
  Or: 'Fn::Or',
  Cidr: 'Fn::Cidr',
  Transform: 'Fn::Transform',
  Length: 'Fn::Length',
  ToJsonString: 'Fn::ToJsonString',
};

const customTags = Object.keys(SHORT_FORMS).flatMap((n) => [
  { tag: `!${n}`, resolve: (s: string) => s },
  { tag: `!${n}`, collection: 'seq' as const, resolve: (s: unknown) => s },
  { tag: `!${n}`, collection: 'map' as const, resolve: (s: unknown) => s },
]);

const CFN_VERSION = /^\s*["']?AWSTemplateFormatVersion["']?\s*:/m;
const RESOURCES = /(?:^|[{,\s])["']?Resources["']?\s*:/m;
const AWS_TYPE = /["']?Type["']?\s*:\s*["']?AWS::[A-Za-z0-9]+::/;

/** Cheap test on the raw text: a template version, or Resources whose entries have `Type: AWS::…`. */
export function looksLikeCloudFormation(text: string): boolean {
  if (CFN_VERSION.test(text)) return true;
  return RESOURCES.test(text) && AWS_TYPE.test(text);
}

function commentLines(text: string): CommentLine[] {
  const out: CommentLine[] = [];
  const lines = text.split('\n');
  lines.forEach((l, i) => {
    const hash = l.indexOf('#');
    if (hash >= 0 && l.includes('palisade:', hash)) out.push({ line: i + 1, text: l.slice(hash + 1) });
  });
  return out;
}

function diag(diagnostics: Diagnostic[], code: string, message: string, file: string, line: number, column: number, level: Diagnostic['level'] = 'error'): void {
  diagnostics.push({ level, code, message, file, line, column });
}

/**
 * The entries of one mapping with each key once: the last occurrence, at its own place and
 * range, as CloudFormation keeps it. A warning names each repeated key where it repeats.
 */
function keepLast(entries: CfnEntry[], file: string, diagnostics: Diagnostic[]): CfnEntry[] {
  if (entries.length < 2) return entries;
  const last = new Map<string, CfnEntry>();
  for (const e of entries) {
    if (last.has(e.key)) {
      const at = e.keyRange.start;
      diag(diagnostics, 'cloudformation-template', `duplicate key ${JSON.stringify(e.key)}: CloudFormation keeps the last one`, file, at.line, at.column, 'warning');
    }
    last.set(e.key, e);
  }
  return last.size === entries.length ? entries : entries.filter((e) => last.get(e.key) === e);
}

class Converter {
  private aliasNodes = 0;

  constructor(
    private readonly doc: Document,
    private readonly text: string,
    private readonly lc: LineCounter,
    private readonly file: string,
    private readonly diagnostics: Diagnostic[],
  ) {}

  private range(n: YamlNode | null | undefined, fallback: Range): Range {
    const r = n?.range;
    if (!r) return fallback;
    // block collections end after their last line break: end at the last character instead
    let end = r[1];
    while (end > r[0] && /\s/.test(this.text[end - 1])) end--;
    return rangeOf(this.lc, r[0], end);
  }

  convert(node: unknown, fallback: Range, depth: number, viaAlias: boolean): CfnNode {
    if (depth > MAX_TEMPLATE_DEPTH) throw new Error('template nested too deeply');
    if (viaAlias && ++this.aliasNodes > MAX_ALIAS_NODES) throw new Error(`aliases expand to more than ${MAX_ALIAS_NODES} nodes`);
    if (isAlias(node)) {
      const target = node.resolve(this.doc);
      if (!target) return { kind: 'scalar', value: null, range: this.range(node, fallback) };
      // the alias keeps its own position: a finding points where the value is used
      const converted = this.convert(target, fallback, depth + 1, true);
      return { ...converted, range: this.range(node, fallback) };
    }
    const n = node as YamlNode | null | undefined;
    const range = this.range(n, fallback);
    let out: CfnNode;
    if (isMap(n)) {
      const entries: CfnEntry[] = [];
      for (const pair of n.items) {
        if (!isPair(pair)) continue;
        const k = pair.key as YamlNode | null;
        let key: string;
        if (isScalar(k)) key = String(k.value);
        else if (isAlias(k)) {
          const t = k.resolve(this.doc);
          key = isScalar(t) ? String(t.value) : '';
        } else {
          const at = this.range(k, range).start;
          diag(this.diagnostics, 'cloudformation-template', 'mapping key is not a scalar: entry ignored', this.file, at.line, at.column, 'warning');
          continue;
        }
        const keyRange = this.range(k, range);
        const value = this.convert(pair.value, keyRange, depth + 1, viaAlias);
        // a key without a value (`Key:`) ends at the key
        const end = pair.value ? value.range.end : keyRange.end;
        entries.push({ key, keyRange, range: { start: keyRange.start, end }, value });
      }
      out = { kind: 'map', entries: keepLast(entries, this.file, viaAlias ? [] : this.diagnostics), range };
    } else if (isSeq(n)) {
      out = { kind: 'seq', items: n.items.map((it) => this.convert(it, range, depth + 1, viaAlias)), range };
    } else if (isScalar(n)) {
      const v = n.value;
      let value: CfnScalar;
      if (v === null || typeof v === 'string' || typeof v === 'boolean') value = v;
      else if (typeof v === 'number') value = v;
      else if (typeof v === 'bigint') value = Number(v);
      else value = String(v);
      out = { kind: 'scalar', value, range };
    } else {
      out = { kind: 'scalar', value: null, range };
    }
    const tag = n && typeof n === 'object' && 'tag' in n ? (n as { tag?: string }).tag : undefined;
    if (tag && tag.startsWith('!') && !tag.startsWith('!!')) return this.shortForm(tag.slice(1), out, range);
    return out;
  }

  /** `!Fn value` → `{"Fn::Fn": value}` with the adjustments some functions need. */
  private shortForm(name: string, value: CfnNode, range: Range): CfnNode {
    const long = SHORT_FORMS[name];
    if (!long) {
      diag(this.diagnostics, 'cloudformation-template', `unknown tag !${name}: read as its plain value`, this.file, range.start.line, range.start.column, 'warning');
      return value;
    }
    let v = value;
    // `!GetAtt Res.Attr` → [Res, Attr] (the attribute may itself contain dots)
    if (name === 'GetAtt' && v.kind === 'scalar' && typeof v.value === 'string') {
      const dot = v.value.indexOf('.');
      const parts = dot < 0 ? [v.value] : [v.value.slice(0, dot), v.value.slice(dot + 1)];
      v = { kind: 'seq', items: parts.map((p) => ({ kind: 'scalar', value: p, range: v.range })), range: v.range };
    }
    return { kind: 'map', entries: [{ key: long, keyRange: range, range, value: v }], range };
  }
}

/**
 * Parses a template. Returns undefined (with diagnostics) when the text does not parse or
 * is not a mapping.
 */
export function loadTemplate(text: string, file: string, diagnostics: Diagnostic[]): CfnTemplate | undefined {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const isJson = /^\s*\{/.test(src);
  return isJson ? loadJsonTemplate(src, file, diagnostics) : loadYamlTemplate(src, file, diagnostics);
}

/** A YAML template (without byte order mark). JSON read this way gives the same nodes, slower. */
export function loadYamlTemplate(src: string, file: string, diagnostics: Diagnostic[]): CfnTemplate | undefined {
  const lc = new LineCounter();
  const doc = parseDocument(src, { lineCounter: lc, customTags, uniqueKeys: false, strict: false, prettyErrors: true });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const pos = e.linePos?.[0];
    diag(diagnostics, 'yaml-syntax', e.message.split('\n')[0], file, pos?.line ?? 1, pos?.col ?? 1);
    return undefined;
  }
  try {
    doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const at = (doc.contents as YamlNode | null)?.range?.[0] ?? 0;
    const { line, col } = lc.linePos(at);
    diag(diagnostics, 'yaml-alias-limit', `template refused: ${(e as Error).message}`, file, line, col);
    return undefined;
  }
  const zero = rangeOf(lc, 0, 0);
  return templateOf(file, src, diagnostics, () => new Converter(doc, src, lc, file, diagnostics).convert(doc.contents, zero, 0, false));
}

/** The template whose root node `convert` builds: refused (with a diagnostic) when too deep or not a mapping. */
function templateOf(file: string, src: string, diagnostics: Diagnostic[], convert: () => CfnNode): CfnTemplate | undefined {
  let root: CfnNode;
  try {
    root = convert();
  } catch (e) {
    diag(diagnostics, 'yaml-alias-limit', `template refused: ${(e as Error).message}`, file, 1, 1);
    return undefined;
  }
  if (root.kind !== 'map') {
    diag(diagnostics, 'cloudformation-template', 'a template must be a mapping', file, root.range.start.line, root.range.start.column);
    return undefined;
  }
  return { file, root, comments: commentLines(src) };
}

/**
 * A JSON template (without byte order mark), read by the positioned JSON parser: strict JSON (what CloudFormation
 * accepts), a repeated key kept last with a warning as on the YAML path, and nodes with the same
 * ranges the YAML path gives (test/cloudformation/json-load.test.ts compares the two).
 */
export function loadJsonTemplate(src: string, file: string, diagnostics: Diagnostic[]): CfnTemplate | undefined {
  const lines = new LineTable(src);
  let tree: JsonNode;
  try {
    tree = parseJsonTree(src);
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    const p = lines.pos(e.offset);
    diag(diagnostics, 'json-syntax', e.reason, file, p.line, p.column);
    return undefined;
  }
  const rng = (start: number, end: number): Range => ({ start: lines.pos(start), end: lines.pos(end) });
  const convert = (n: JsonNode, depth: number): CfnNode => {
    if (depth > MAX_TEMPLATE_DEPTH) throw new Error('template nested too deeply');
    const range = rng(n.start, n.end);
    if (n.kind === 'array') return { kind: 'seq', items: n.items.map((it) => convert(it, depth + 1)), range };
    if (n.kind !== 'object') return { kind: 'scalar', value: n.value, range };
    const entries: CfnEntry[] = n.members.map((m) => {
      const keyRange = rng(m.keyStart, m.keyEnd);
      const value = convert(m.value, depth + 1);
      return { key: m.key, keyRange, range: { start: keyRange.start, end: value.range.end }, value };
    });
    return { kind: 'map', entries: keepLast(entries, file, diagnostics), range };
  };
  return templateOf(file, src, diagnostics, () => convert(tree, 0));
}

/** The entry `key` of a map node. */
export function entry(node: CfnNode | undefined, key: string): CfnEntry | undefined {
  if (node?.kind !== 'map') return undefined;
  return node.entries.find((e) => e.key === key);
}

/** A node as plain data, intrinsics left in long form (for tests and diagnostics). */
export function toPlain(node: CfnNode): unknown {
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map(toPlain);
  const out: Record<string, unknown> = {};
  for (const e of node.entries) out[e.key] = toPlain(e.value);
  return out;
}
