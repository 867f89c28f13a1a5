/**
 * Kubernetes manifests from YAML (multi-document) or JSON, with the source range of every
 * field. `List` kinds expand into their items. YAML that is not a Kubernetes object is
 * skipped quietly; Helm templates are recognised and reported as skipped; alias bombs are
 * refused. JSON manifests (`isJsonManifest`) are read by the strict positioned JSON parser,
 * which gives the ranges the YAML path gave for the same text (test/kubernetes/json-load.test.ts).
 */
import { LineCounter, parseAllDocuments, type Node as YamlNode } from 'yaml';
import type { Diagnostic } from '../../model/diagnostics.js';
import type { Range } from '../../model/source.js';
import { LineTable } from '../hcl/lexer.js';
import { JsonSyntaxError, parseJsonTree, plainValue, type JsonNode } from '../json/index.js';
import { collectRanges, rangeOf } from '../yaml-positions.js';

export interface Manifest {
  object: Record<string, unknown>;
  /** Range of the object (the document, or the list item). */
  range: Range;
  /** Model path (joined with '.') → range, relative to the object. */
  fields: Record<string, Range>;
  /** Index of the document in the file (0-based). */
  document: number;
}

export interface CommentLine {
  line: number;
  text: string;
}

export interface ManifestFile {
  manifests: Manifest[];
  comments: CommentLine[];
}

/** Most aliases a document may expand: beyond, it is treated as an alias bomb. */
const MAX_ALIAS_COUNT = 100;

const HELM = /\{\{-?\s*(?:\.|\$|include|template|if|range|with|define|toYaml|tpl|end)/;

export function isHelmTemplate(text: string): boolean {
  return HELM.test(text);
}

export function looksLikeKubernetes(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as Record<string, unknown>).apiVersion === 'string' && typeof (v as Record<string, unknown>).kind === 'string';
}

function commentLines(text: string): CommentLine[] {
  const out: CommentLine[] = [];
  let line = 1;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 10) {
      const l = text.slice(start, i);
      const hash = l.indexOf('#');
      if (hash >= 0 && l.includes('palisade:')) out.push({ line, text: l.slice(hash + 1) });
      line++;
      start = i + 1;
    }
  }
  return out;
}

/** Deepest field recorded in `fields` (as collectRanges does for YAML). */
const MAX_FIELD_DEPTH = 200;

const JSON_OBJECT_START = /^\uFEFF?[ \t\r\n]*\{/;
const API_VERSION_KEY = /"apiVersion"\s*:/;
const KIND_KEY = /"kind"\s*:/;

/**
 * Cheap test on the raw text and name: a `.json` file holding one object with `"apiVersion"`
 * and `"kind"` keys somewhere. Other `.json` files (JSON with comments such as tsconfig.json,
 * package.json, …) keep the lenient YAML path, which skips them quietly as before.
 */
export function isJsonManifest(text: string, file: string): boolean {
  return file.toLowerCase().endsWith('.json') && JSON_OBJECT_START.test(text) && API_VERSION_KEY.test(text) && KIND_KEY.test(text);
}

export function loadManifests(text: string, file: string, diagnostics: Diagnostic[]): ManifestFile {
  if (isHelmTemplate(text)) {
    diagnostics.push({ level: 'note', code: 'helm-template', message: 'Helm template skipped: render it with `helm template` and scan the output', file, line: 1, column: 1 });
    return { manifests: [], comments: [] };
  }
  return isJsonManifest(text, file) ? loadJsonManifests(text, file, diagnostics) : loadYamlManifests(text, file, diagnostics);
}

/** The manifests of one document's value: itself, or the items of a `List` kind. */
function pushManifests(manifests: Manifest[], value: unknown, fields: Record<string, Range>, docRange: Range, index: number): void {
  if (!looksLikeKubernetes(value)) return;
  const items = value.items;
  if (typeof value.kind === 'string' && value.kind.endsWith('List') && Array.isArray(items)) {
    // each item's fields, relative to it: one pass over the fields (not one per item)
    const byItem = new Map<string, Record<string, Range>>();
    for (const [k, r] of Object.entries(fields)) {
      if (!k.startsWith('items.')) continue;
      const dot = k.indexOf('.', 6);
      if (dot < 0) continue;
      const i = k.slice(6, dot);
      let sub = byItem.get(i);
      if (!sub) byItem.set(i, (sub = {}));
      setField(sub, k.slice(dot + 1), r);
    }
    items.forEach((item, i) => {
      if (!looksLikeKubernetes(item)) return;
      manifests.push({ object: item, range: fields[`items.${i}`] ?? docRange, fields: byItem.get(String(i)) ?? {}, document: index });
    });
    return;
  }
  manifests.push({ object: value, range: docRange, fields, document: index });
}

/** YAML manifests (any number of documents). */
export function loadYamlManifests(text: string, file: string, diagnostics: Diagnostic[]): ManifestFile {
  const manifests: Manifest[] = [];
  const lc = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lc, prettyErrors: true, uniqueKeys: true, strict: false });
  const list = Array.isArray(docs) ? docs : [];
  list.forEach((doc, index) => {
    if (doc.errors.length) {
      const e = doc.errors[0];
      const pos = e.linePos?.[0];
      diagnostics.push({ level: 'error', code: 'yaml-syntax', message: e.message.split('\n')[0], file, line: pos?.line ?? 1, column: pos?.col ?? 1 });
      return;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      const at = (doc.contents as YamlNode | null)?.range?.[0] ?? 0;
      const { line, col } = lc.linePos(at);
      diagnostics.push({ level: 'error', code: 'yaml-alias-limit', message: `document refused: ${(e as Error).message}`, file, line, column: col });
      return;
    }
    if (!looksLikeKubernetes(value)) return;
    const contents = doc.contents as YamlNode;
    const fields: Record<string, Range> = {};
    collectRanges(contents, lc, [], fields);
    const docRange = rangeOf(lc, contents.range?.[0] ?? 0, contents.range?.[1] ?? 0);
    pushManifests(manifests, value, fields, docRange, index);
  });
  return { manifests, comments: commentLines(text) };
}

/**
 * A JSON manifest (one document; the text may start with a byte order mark), read strictly:
 * syntax errors and duplicate keys are errors at their line and column, and the document
 * is then skipped, as the YAML path skips a document with errors.
 */
export function loadJsonManifests(text: string, file: string, diagnostics: Diagnostic[]): ManifestFile {
  const manifests: Manifest[] = [];
  const comments = commentLines(text);
  const lines = new LineTable(text);
  let tree: JsonNode;
  try {
    tree = parseJsonTree(text);
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    const p = lines.pos(e.offset);
    diagnostics.push({ level: 'error', code: 'json-syntax', message: e.reason, file, line: p.line, column: p.column });
    return { manifests, comments };
  }
  const rng = (start: number, end: number): Range => ({ start: lines.pos(start), end: lines.pos(end) });
  const fields: Record<string, Range> = {};
  let duplicates = false;
  // prefix: the path of `node` joined with '.', undefined for the document itself
  const walk = (node: JsonNode, prefix: string | undefined, depth: number): void => {
    const record = depth <= MAX_FIELD_DEPTH;
    if (node.kind === 'object') {
      const seen = new Set<string>();
      for (const m of node.members) {
        if (seen.has(m.key)) {
          const p = lines.pos(m.keyStart);
          duplicates = true;
          diagnostics.push({ level: 'error', code: 'json-syntax', message: `duplicate key ${JSON.stringify(m.key)}: keys of an object must be unique`, file, line: p.line, column: p.column });
        }
        seen.add(m.key);
        const path = prefix === undefined ? m.key : `${prefix}.${m.key}`;
        if (record) setField(fields, path, rng(m.keyStart, m.value.end));
        walk(m.value, path, depth + 1);
      }
    } else if (node.kind === 'array') {
      node.items.forEach((item, i) => {
        const path = prefix === undefined ? String(i) : `${prefix}.${i}`;
        if (record) setField(fields, path, rng(item.start, item.end));
        walk(item, path, depth + 1);
      });
    }
  };
  walk(tree, undefined, 0);
  if (duplicates) return { manifests, comments };
  pushManifests(manifests, plainValue(tree), fields, rng(tree.start, tree.end), 0);
  return { manifests, comments };
}

/** `fields[path] = range`, where a `__proto__` path is an own entry, not the object's prototype. */
function setField(fields: Record<string, Range>, path: string, range: Range): void {
  if (path === '__proto__') Object.defineProperty(fields, path, { value: range, enumerable: true, writable: true, configurable: true });
  else fields[path] = range;
}
