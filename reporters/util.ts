import type { Finding } from '../src/findings/types.js';
import { severityRank } from '../src/findings/types.js';

/** Normalises a root-relative path for output: `/` separators, no leading `./`. */
export function normalizePath(p: string): string {
  let out = p.replace(/\\/g, '/');
  while (out.startsWith('./')) out = out.slice(2);
  return out;
}

/** Stable, deterministic order: by file (live resources last), line, column, then rule and resource. */
export function compareFindings(a: Finding, b: Finding): number {
  const fa = a.location?.file;
  const fb = b.location?.file;
  if (fa !== fb) {
    if (fa === undefined) return 1;
    if (fb === undefined) return -1;
    return fa < fb ? -1 : 1;
  }
  const la = a.location;
  const lb = b.location;
  if (la && lb) {
    if (la.startLine !== lb.startLine) return la.startLine - lb.startLine;
    if (la.startColumn !== lb.startColumn) return la.startColumn - lb.startColumn;
  }
  if (a.ruleId !== b.ruleId) return a.ruleId < b.ruleId ? -1 : 1;
  if (a.resource !== b.resource) return a.resource < b.resource ? -1 : 1;
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  return a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0;
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

/** Most severe first; unsuppressed before suppressed; then the stable order. */
export function compareByPriority(a: Finding, b: Finding): number {
  const r = severityRank(b.severity) - severityRank(a.severity);
  if (r !== 0) return r;
  const sa = a.suppressed ? 1 : 0;
  const sb = b.suppressed ? 1 : 0;
  if (sa !== sb) return sa - sb;
  return compareFindings(a, b);
}

export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${n} ${n === 1 ? word : pluralWord}`;
}

/** Truncates to at most `max` characters (code points kept whole), marking the cut with `…`. */
export function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  let cut = s.slice(0, Math.max(0, max - 1));
  // Do not split a surrogate pair.
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return `${cut}…`;
}
