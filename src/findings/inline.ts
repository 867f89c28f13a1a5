/**
 * Inline suppressions: a comment beside a resource that names the rule and says why.
 *
 *   # palisade:ignore AWS-S3-001 logs bucket is write-once, versioning adds nothing
 *
 * A comment counts for a resource when it sits inside the resource's block or document, or
 * on the lines directly above it. A suppression without a reason does not suppress: it is
 * reported as a warning, so that every accepted risk carries its justification.
 */
import type { Diagnostic } from '../model/diagnostics.js';

const PATTERN = /palisade:ignore\s+([A-Z0-9]+(?:-[A-Z0-9]+)+(?:\s*,\s*[A-Z0-9]+(?:-[A-Z0-9]+)+)*)\s*(.*)$/;

export interface CommentLine {
  line: number;
  text: string;
}

export function parseSuppression(text: string): { rules: string[]; reason: string } | undefined {
  const m = PATTERN.exec(text);
  if (!m) return undefined;
  const reason = m[2].replace(/^[-–—:\s]+/, '').replace(/\s*(\*\/)?\s*$/, '').trim();
  return { rules: m[1].split(',').map((s) => s.trim()), reason };
}

/**
 * Suppressions that apply to a resource spanning [startLine, endLine], given the file's
 * comments and the lines directly above (`leadingFrom` is the first line above the resource
 * that belongs to it: blank lines and other comments between count as part of the lead-in).
 */
export function suppressionsFor(comments: CommentLine[], startLine: number, endLine: number, leadingFrom: number, file: string, diagnostics: Diagnostic[]): Record<string, string> | undefined {
  let out: Record<string, string> | undefined;
  for (const c of comments) {
    if (c.line < leadingFrom || c.line > endLine) continue;
    const s = parseSuppression(c.text);
    if (!s) continue;
    if (!s.reason) {
      diagnostics.push({ level: 'warning', code: 'suppression-without-reason', message: `palisade:ignore ${s.rules.join(',')} has no reason and is not applied: add why the risk is accepted`, file, line: c.line });
      continue;
    }
    for (const r of s.rules) (out ??= {})[r] = s.reason;
  }
  void startLine;
  return out;
}
