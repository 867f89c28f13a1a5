/**
 * Kubernetes manifests from YAML (multi-document) or JSON, with the source range of every
 * field. `List` kinds expand into their items. YAML that is not a Kubernetes object is
 * skipped quietly; Helm templates are recognised and reported as skipped; alias bombs are
 * refused.
 */
import { LineCounter, parseAllDocuments, type Node as YamlNode } from 'yaml';
import type { Diagnostic } from '../../model/diagnostics.js';
import type { Range } from '../../model/source.js';
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

export function loadManifests(text: string, file: string, diagnostics: Diagnostic[]): ManifestFile {
  const manifests: Manifest[] = [];
  if (isHelmTemplate(text)) {
    diagnostics.push({ level: 'note', code: 'helm-template', message: 'Helm template skipped: render it with `helm template` and scan the output', file, line: 1, column: 1 });
    return { manifests, comments: [] };
  }
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
    const items = value.items;
    if (typeof value.kind === 'string' && value.kind.endsWith('List') && Array.isArray(items)) {
      items.forEach((item, i) => {
        if (!looksLikeKubernetes(item)) return;
        const prefix = `items.${i}`;
        const sub: Record<string, Range> = {};
        for (const [k, r] of Object.entries(fields)) if (k.startsWith(prefix + '.')) sub[k.slice(prefix.length + 1)] = r;
        manifests.push({ object: item, range: fields[prefix] ?? docRange, fields: sub, document: index });
      });
      return;
    }
    manifests.push({ object: value, range: docRange, fields, document: index });
  });
  return { manifests, comments: commentLines(text) };
}
