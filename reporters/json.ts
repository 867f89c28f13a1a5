/**
 * JSON reporter: a stable, documented shape for machines (see README.md and
 * json-report.schema.json). Every finding key is always present (`null` when unknown) except
 * `module` and `suppressed`, which appear only when set. No absolute paths are written.
 */
import path from 'node:path';
import type { Finding, ScanResult, ScanSummary, Severity, Category } from '../src/findings/types.js';
import type { Diagnostic } from '../src/model/diagnostics.js';
import type { SourceKind } from '../src/model/model.js';
import type { ReportOptions, Reporter } from './types.js';
import { normalizePath, sortFindings } from './util.js';

export const JSON_SCHEMA_VERSION = '1.0';

export interface JsonRelatedLocation {
  file: string | null;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  message: string;
}

export interface JsonFinding {
  ruleId: string;
  title: string;
  severity: Severity;
  category: Category;
  message: string;
  resource: string;
  resourceType: string;
  source: SourceKind;
  file: string | null;
  startLine: number | null;
  startColumn: number | null;
  endLine: number | null;
  endColumn: number | null;
  fingerprint: string;
  controls: Record<string, string[]>;
  module?: string;
  path: string;
  related: JsonRelatedLocation[];
  suppressed?: { kind: 'inline' | 'baseline' | 'config'; reason: string };
}

export interface JsonDiagnostic {
  level: Diagnostic['level'];
  code: string;
  message: string;
  file: string | null;
  line: number | null;
  column: number | null;
  endLine: number | null;
  endColumn: number | null;
}

export interface JsonReport {
  schemaVersion: typeof JSON_SCHEMA_VERSION;
  tool: { name: 'palisade'; version: string; policyBundleHash: string };
  /** Targets as given, relative to the scan root when they were absolute paths inside it. */
  targets: string[];
  startedAt: string;
  summary: ScanSummary;
  findings: JsonFinding[];
  errors: JsonDiagnostic[];
}

/** Absolute targets become root-relative so the report carries no machine-specific path. */
function relativeTarget(root: string, target: string): string {
  const isAbs = path.isAbsolute(target) || path.win32.isAbsolute(target);
  if (!isAbs) return normalizePath(target);
  const rel = path.relative(root, target);
  return rel === '' ? '.' : normalizePath(rel);
}

function sortKeys(controls: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const k of Object.keys(controls).sort()) out[k] = [...controls[k]];
  return out;
}

export function toJsonFinding(f: Finding): JsonFinding {
  const loc = f.location;
  const hasFile = loc?.file !== undefined;
  const out: JsonFinding = {
    ruleId: f.ruleId,
    title: f.title,
    severity: f.severity,
    category: f.category,
    message: f.message,
    resource: f.resource,
    resourceType: f.resourceType,
    source: f.source,
    file: hasFile ? normalizePath(loc!.file!) : null,
    startLine: hasFile ? loc!.startLine : null,
    startColumn: hasFile ? loc!.startColumn : null,
    endLine: hasFile ? loc!.endLine : null,
    endColumn: hasFile ? loc!.endColumn : null,
    fingerprint: f.fingerprint,
    controls: sortKeys(f.controls),
    ...(f.module !== undefined ? { module: f.module } : {}),
    path: f.path,
    related: (f.related ?? []).map((r) => ({
      file: r.file !== undefined ? normalizePath(r.file) : null,
      startLine: r.startLine,
      startColumn: r.startColumn,
      endLine: r.endLine,
      endColumn: r.endColumn,
      message: r.message,
    })),
  };
  if (f.suppressed) out.suppressed = { kind: f.suppressed.kind, reason: f.suppressed.reason };
  return out;
}

function toJsonDiagnostic(d: Diagnostic): JsonDiagnostic {
  return {
    level: d.level,
    code: d.code,
    message: d.message,
    file: d.file !== undefined ? normalizePath(d.file) : null,
    line: d.line ?? null,
    column: d.column ?? null,
    endLine: d.endLine ?? null,
    endColumn: d.endColumn ?? null,
  };
}

export function buildJsonReport(result: ScanResult): JsonReport {
  const s = result.summary;
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    tool: { name: result.tool.name, version: result.tool.version, policyBundleHash: result.tool.policyBundleHash },
    targets: result.targets.map((t) => relativeTarget(result.root, t)),
    startedAt: result.startedAt,
    summary: {
      filesScanned: s.filesScanned,
      resourcesEvaluated: s.resourcesEvaluated,
      findings: s.findings,
      suppressed: s.suppressed,
      bySeverity: {
        critical: s.bySeverity.critical ?? 0,
        high: s.bySeverity.high ?? 0,
        medium: s.bySeverity.medium ?? 0,
        low: s.bySeverity.low ?? 0,
        info: s.bySeverity.info ?? 0,
      },
      errors: s.errors,
      durationMs: s.durationMs,
    },
    findings: sortFindings(result.findings).map(toJsonFinding),
    errors: result.diagnostics.map(toJsonDiagnostic),
  };
}

export function renderJson(result: ScanResult, _opts: ReportOptions): string {
  return `${JSON.stringify(buildJsonReport(result), null, 2)}\n`;
}

export const jsonReporter: Reporter = {
  format: 'json',
  extension: 'json',
  render: renderJson,
};
