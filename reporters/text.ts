/**
 * Text reporter: for people at a terminal. Findings grouped by file, suppressed findings
 * in their own dimmed section, then scan diagnostics, then one summary line.
 */
import type { Finding, ScanResult, Severity } from '../src/findings/types.js';
import { SEVERITIES } from '../src/findings/types.js';
import type { Diagnostic } from '../src/model/diagnostics.js';
import type { ReportOptions, Reporter } from './types.js';
import { normalizePath, plural, sortFindings } from './util.js';

const ESC = '\u001b[';
const RESET = `${ESC}0m`;

const SEVERITY_STYLE: Record<Severity, string> = {
  critical: `${ESC}1;97;41m`, // bold white on red
  high: `${ESC}1;31m`, // bold red
  medium: `${ESC}33m`, // yellow
  low: `${ESC}36m`, // cyan
  info: `${ESC}90m`, // grey
};

const STYLES = {
  bold: `${ESC}1m`,
  dim: `${ESC}2m`,
  red: `${ESC}31m`,
  yellow: `${ESC}33m`,
  green: `${ESC}32m`,
  cyan: `${ESC}36m`,
  grey: `${ESC}90m`,
} as const;

type Style = keyof typeof STYLES;

const LIVE_GROUP = '(live resources, no source file)';
const BADGE_WIDTH = 'CRITICAL'.length;

/**
 * Strings in findings come partly from scanned files; strip control characters so a crafted
 * resource name or message cannot move the cursor or recolour the terminal, and keep each
 * item on one line.
 */
function clean(s: string): string {
  return s.replace(/\r?\n|\r|\t/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '');
}

class Painter {
  constructor(private readonly color: boolean) {}

  paint(style: Style | string, s: string): string {
    if (!this.color || s === '') return s;
    const code = style in STYLES ? STYLES[style as Style] : style;
    return `${code}${s}${RESET}`;
  }

  badge(sev: Severity, dim = false): string {
    const label = sev.toUpperCase().padEnd(BADGE_WIDTH);
    if (!this.color) return label;
    if (dim) return this.paint('dim', label);
    // Pad outside the colour so a background colour covers the word only.
    const word = sev.toUpperCase();
    return `${SEVERITY_STYLE[sev]}${word}${RESET}${' '.repeat(BADGE_WIDTH - word.length)}`;
  }
}

function position(file: string | undefined, line?: number, column?: number): string {
  if (file === undefined) return '';
  let s = clean(normalizePath(file));
  if (line !== undefined) {
    s += `:${line}`;
    if (column !== undefined) s += `:${column}`;
  }
  return s;
}

function findingPosition(f: Finding): string {
  const loc = f.location;
  if (!loc?.file) return '(live)';
  return position(loc.file, loc.startLine, loc.startColumn);
}

function groupKey(f: Finding): string {
  return f.location?.file ? clean(normalizePath(f.location.file)) : LIVE_GROUP;
}

function severityBreakdown(findings: readonly Finding[]): string {
  const counts = new Map<Severity, number>();
  for (const f of findings) counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
  return SEVERITIES.filter((s) => (counts.get(s) ?? 0) > 0)
    .map((s) => `${counts.get(s)} ${s}`)
    .join(', ');
}

function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '0.00s';
  return ms < 60_000 ? `${(ms / 1000).toFixed(2)}s` : `${Math.floor(ms / 60_000)}m${((ms % 60_000) / 1000).toFixed(0)}s`;
}

function renderFindingLine(p: Painter, f: Finding, widths: { rule: number; pos: number }, dim: boolean): string {
  const rule = clean(f.ruleId).padEnd(widths.rule);
  const rawPos = findingPosition(f);
  const pos = rawPos.padEnd(widths.pos);
  const resource = clean(f.resource);
  const message = clean(f.message);
  if (dim) {
    return `  ${p.paint('dim', `${f.severity.toUpperCase().padEnd(BADGE_WIDTH)}  ${rule}  ${pos}  ${resource}  ${message}`)}`;
  }
  // The module chain is shown only when the resource address does not already carry it.
  const module =
    f.module && !f.resource.startsWith(`${f.module}.`) ? p.paint('grey', ` (via ${clean(f.module)})`) : '';
  const padding = ' '.repeat(widths.pos - rawPos.length);
  return `  ${p.badge(f.severity)}  ${p.paint('bold', rule)}  ${p.paint('cyan', rawPos)}${padding}  ${resource}${module}  ${message}`;
}

function widthsOf(findings: readonly Finding[]): { rule: number; pos: number } {
  let rule = 0;
  let pos = 0;
  for (const f of findings) {
    rule = Math.max(rule, clean(f.ruleId).length);
    pos = Math.max(pos, findingPosition(f).length);
  }
  return { rule, pos };
}

function diagnosticPosition(d: Diagnostic): string {
  return d.file === undefined ? '(scan)' : position(d.file, d.line, d.column);
}

function renderDiagnostic(p: Painter, d: Diagnostic, codeWidth: number, posWidth: number): string {
  const level =
    d.level === 'error'
      ? p.paint('red', 'error  ')
      : d.level === 'warning'
        ? p.paint('yellow', 'warning')
        : p.paint('grey', 'note   ');
  const where = diagnosticPosition(d);
  const padding = ' '.repeat(posWidth - where.length);
  return `  ${level}  ${clean(d.code).padEnd(codeWidth)}  ${p.paint('cyan', where)}${padding}  ${clean(d.message)}`;
}

export function renderText(result: ScanResult, opts: ReportOptions): string {
  const p = new Painter(opts.color);
  const out: string[] = [];
  const sorted = sortFindings(result.findings);
  const active = sorted.filter((f) => !f.suppressed);
  const suppressed = sorted.filter((f) => f.suppressed);

  // Findings, grouped by file (sorted by file then line; live resources last).
  if (active.length > 0) {
    const widths = widthsOf(active);
    let current: string | undefined;
    for (const f of active) {
      const key = groupKey(f);
      if (key !== current) {
        if (current !== undefined) out.push('');
        out.push(p.paint('bold', key));
        current = key;
      }
      out.push(renderFindingLine(p, f, widths, false));
    }
  } else {
    out.push(p.paint('green', '✔ No findings.'));
  }

  // Suppressed findings: counted and shown, never silent.
  if (suppressed.length > 0) {
    const widths = widthsOf(suppressed);
    out.push('');
    out.push(p.paint('dim', `Suppressed (${suppressed.length}):`));
    for (const f of suppressed) {
      out.push(renderFindingLine(p, f, widths, true));
      const s = f.suppressed!;
      out.push(`  ${p.paint('dim', `${' '.repeat(BADGE_WIDTH)}  ↳ ${s.kind}: ${clean(s.reason) || '(no reason given)'}`)}`);
    }
  }

  // Scan diagnostics.
  if (result.diagnostics.length > 0) {
    const order = { error: 0, warning: 1, note: 2 } as const;
    const diags = [...result.diagnostics].sort(
      (a, b) =>
        order[a.level] - order[b.level] ||
        (a.file ?? '\uffff').localeCompare(b.file ?? '\uffff') ||
        (a.line ?? 0) - (b.line ?? 0) ||
        (a.column ?? 0) - (b.column ?? 0),
    );
    const codeWidth = Math.max(...diags.map((d) => clean(d.code).length));
    const errors = diags.filter((d) => d.level === 'error').length;
    const warnings = diags.filter((d) => d.level === 'warning').length;
    const heading = [errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : '']
      .filter(Boolean)
      .join(', ');
    out.push('');
    out.push(p.paint('bold', `Scan problems (${heading || plural(diags.length, 'note')}):`));
    const posWidth = Math.max(...diags.map((d) => diagnosticPosition(d).length));
    for (const d of diags) out.push(renderDiagnostic(p, d, codeWidth, posWidth));
    if (errors > 0) out.push(p.paint('red', '  Some inputs could not be scanned; results may be incomplete.'));
  }

  // Summary line.
  out.push('');
  out.push(summaryLine(p, result, active, suppressed.length));
  return `${out.join('\n')}\n`;
}

function summaryLine(p: Painter, result: ScanResult, active: readonly Finding[], suppressedCount: number): string {
  const s = result.summary;
  const errors = result.diagnostics.filter((d) => d.level === 'error').length;
  const warnings = result.diagnostics.filter((d) => d.level === 'warning').length;
  let head = plural(active.length, 'finding');
  if (active.length > 0) head += ` (${severityBreakdown(active)})`;
  head = p.paint(active.length > 0 ? 'bold' : 'green', head);
  const parts = [`${head} in ${plural(s.filesScanned, 'file')}, ${plural(s.resourcesEvaluated, 'resource')}`];
  if (suppressedCount > 0) parts.push(`${suppressedCount} suppressed`);
  if (errors > 0) parts.push(p.paint('red', plural(errors, 'error')));
  if (warnings > 0) parts.push(p.paint('yellow', plural(warnings, 'warning')));
  parts.push(formatDuration(s.durationMs));
  return parts.join(' · ');
}

export const textReporter: Reporter = {
  format: 'text',
  extension: 'txt',
  render: renderText,
};
