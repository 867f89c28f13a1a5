/**
 * Turns what policies return ({rule, object, path, facts}) into findings: rule metadata from
 * the catalog, the message from its template, the tightest source range the source map
 * knows, and a fingerprint that survives unrelated edits.
 */
import crypto from 'node:crypto';
import type { RawFinding } from '../engine/policy.js';
import type { Diagnostic } from '../model/diagnostics.js';
import { isUnknown, type SourceMapEntry } from '../model/model.js';
import type { FileRange } from '../model/source.js';
import type { Finding, Location, RuleMeta } from './types.js';

/**
 * sha256 over rule id, where the resource lives (Terraform root module folder or manifest
 * file — for a CloudFormation nested stack's resource, the template scanned; nothing for live
 * resources), its identity and the model path. No line numbers.
 */
export function fingerprint(ruleId: string, scope: string, identity: string, path: string): string {
  return crypto.createHash('sha256').update([ruleId, scope, identity, path].join('\0')).digest('hex');
}

function show(v: unknown): string {
  if (isUnknown(v)) return '(unknown)';
  if (Array.isArray(v)) return v.map(show).join(', ');
  if (v !== null && typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Fills `{fact}` placeholders; a placeholder without a fact stays visible as `{fact}`. */
export function formatMessage(template: string, facts: Record<string, unknown>, resource: string): string {
  return template.replace(/\{([a-zA-Z_][a-zA-Z0-9_]*)\}/g, (whole, key: string) => {
    if (key in facts) return show(facts[key]);
    if (key === 'resource') return resource;
    return whole;
  });
}

/**
 * Object ids are opaque and never shown: a fact that is the object's id (policies pass it to
 * name a resource that has no name of its own) is shown as the resource's identity.
 */
function nameObjects(facts: Record<string, unknown>, id: string, identity: string): Record<string, unknown> {
  let out = facts;
  for (const [k, v] of Object.entries(facts)) if (v === id) out = { ...out, [k]: identity };
  return out;
}

/** The longest prefix of `path` the source map records, else the object's own range. */
export function locate(entry: SourceMapEntry, path: (string | number)[]): FileRange | undefined {
  for (let n = path.length; n > 0; n--) {
    const r = entry.fields[path.slice(0, n).join('.')];
    if (r) return r;
  }
  return entry.location;
}

/** Related locations recorded for the longest prefix of `path`, then those of the whole object. */
function relatedFor(entry: SourceMapEntry, path: (string | number)[]): (Location & { message: string })[] | undefined {
  let rel: (FileRange & { message: string })[] | undefined;
  for (let n = path.length; n > 0 && entry.related && !rel; n--) rel = entry.related[path.slice(0, n).join('.')];
  const all = [...(rel ?? []), ...(entry.via ?? [])];
  return all.length ? all.map((r) => ({ ...toLocation(r)!, message: r.message })) : undefined;
}

function toLocation(r: FileRange | undefined): Location | undefined {
  if (!r) return undefined;
  return { file: r.file, startLine: r.start.line, startColumn: r.start.column, endLine: r.end.line, endColumn: r.end.column };
}

function scopeOf(entry: SourceMapEntry): string {
  if (entry.scope !== undefined) return entry.scope;
  if (entry.source === 'terraform') return entry.id.slice(0, entry.id.indexOf(':'));
  return entry.location?.file ?? '';
}

export function buildFindings(raw: RawFinding[], entries: Map<string, SourceMapEntry>, rules: Map<string, RuleMeta>, diagnostics: Diagnostic[]): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  const unknownRules = new Set<string>();
  for (const r of raw) {
    const meta = rules.get(r.rule);
    if (!meta) {
      if (!unknownRules.has(r.rule)) diagnostics.push({ level: 'error', code: 'rule-not-in-catalog', message: `policy reported rule ${r.rule}, which has no catalog entry in rules/` });
      unknownRules.add(r.rule);
      continue;
    }
    const entry = entries.get(r.object);
    if (!entry) {
      diagnostics.push({ level: 'error', code: 'unknown-object', message: `rule ${r.rule} reported an object the scan does not know: ${r.object}` });
      continue;
    }
    const path = r.path.join('.');
    const fp = fingerprint(meta.id, scopeOf(entry), entry.identity, path);
    if (seen.has(fp)) continue;
    seen.add(fp);
    const f: Finding = {
      ruleId: meta.id,
      title: meta.title,
      severity: meta.severity,
      category: meta.category,
      message: formatMessage(meta.message, nameObjects(r.facts ?? {}, r.object, entry.identity), entry.identity),
      resource: entry.identity,
      resourceType: entry.resourceType,
      source: entry.source,
      path,
      location: toLocation(locate(entry, r.path)),
      fingerprint: fp,
      controls: meta.controls,
    };
    if (entry.module) f.module = entry.module;
    const related = relatedFor(entry, r.path);
    if (related) f.related = related;
    const reason = entry.suppressions?.[meta.id];
    if (reason) f.suppressed = { kind: 'inline', reason };
    out.push(f);
  }
  return out.sort(compareFindings);
}

export function compareFindings(a: Finding, b: Finding): number {
  const fa = a.location?.file ?? '\uffff';
  const fb = b.location?.file ?? '\uffff';
  if (fa !== fb) return fa < fb ? -1 : 1;
  const la = a.location?.startLine ?? 0;
  const lb = b.location?.startLine ?? 0;
  if (la !== lb) return la - lb;
  if (a.ruleId !== b.ruleId) return a.ruleId < b.ruleId ? -1 : 1;
  return a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0;
}
