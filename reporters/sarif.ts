/**
 * SARIF 2.1.0 reporter, shaped for GitHub code scanning (valid against the OASIS schema).
 *
 * - One run; `tool.driver.rules[]` lists every rule that ran (`result.rules`), plus a minimal
 *   descriptor for any finding whose rule is missing from the catalog so `ruleIndex` is always valid.
 * - Locations are repository-relative URIs under `%SRCROOT%`. Findings on live resources have no
 *   file: their location carries only `logicalLocations` (the resource identity, kind `resource`).
 *   GitHub needs a physical location to show an alert in code, so such results are listed by
 *   GitHub only as far as it accepts location-less results; other SARIF consumers read them fully.
 * - Alerts are matched across runs by `partialFingerprints.primaryLocationLineHash`, which carries
 *   the line-independent Palisade fingerprint (also under `palisade/v1`).
 * - GitHub limits: at most 25,000 results per run (the most severe are kept, a notification says
 *   how many were dropped) and 10 MB gzipped (help markdown and related locations are trimmed
 *   first, then the least severe results; a notification says so).
 */
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { Finding, Location, RuleMeta, ScanResult, Severity } from '../src/findings/types.js';
import type { Diagnostic } from '../src/model/diagnostics.js';
import { DEFAULT_INFORMATION_URI, type ReportOptions, type Reporter } from './types.js';
import { compareByPriority, normalizePath, sortFindings, truncate } from './util.js';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const SRCROOT = '%SRCROOT%';

export interface SarifLimits {
  /** Results per run. */
  maxResults: number;
  /** Size of the serialized log after gzip. */
  maxGzipBytes: number;
  /** Locations per result (GitHub: 1,000 including the primary one). */
  maxLocationsPerResult: number;
}

export const GITHUB_LIMITS: SarifLimits = {
  maxResults: 25_000,
  maxGzipBytes: 10 * 1024 * 1024,
  maxLocationsPerResult: 1_000,
};

/** GitHub shows `fullDescription`/`shortDescription` up to 1024 characters, `name` up to 255. */
const MAX_DESCRIPTION = 1024;
const MAX_NAME = 255;
/** GitHub does not document a message limit; keep messages to a size every viewer handles. */
const MAX_MESSAGE = 4096;
const MAX_TAGS = 20;

/** GitHub bands: > 9.0 critical, 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low; 0.0 is below every band. */
export const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '0.0',
};

export function sarifLevel(s: Severity): Sarif.Result.level {
  switch (s) {
    case 'critical':
    case 'high':
      return 'error';
    case 'medium':
      return 'warning';
    default:
      return 'note';
  }
}

/** `S3 bucket versioning disabled` → `S3BucketVersioningDisabled`. */
export function pascalCase(s: string): string {
  return s
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}

function nonEmpty(s: string | undefined, fallback: string): string {
  return s !== undefined && s.trim() !== '' ? s : fallback;
}

/** Root-relative path → URI reference under %SRCROOT% (percent-encoded, `/` separators). */
function artifactLocation(file: string): Sarif.ArtifactLocation {
  if (path.isAbsolute(file) || path.win32.isAbsolute(file)) {
    return { uri: pathToFileURL(file).href };
  }
  const uri = normalizePath(file)
    .split('/')
    .map((seg) => encodeURI(seg).replace(/[?#]/g, (c) => encodeURIComponent(c)))
    .join('/');
  return { uri, uriBaseId: SRCROOT };
}

function region(loc: Pick<Location, 'startLine' | 'startColumn' | 'endLine' | 'endColumn'>): Sarif.Region {
  const startLine = Math.max(1, Math.trunc(loc.startLine) || 1);
  const startColumn = Math.max(1, Math.trunc(loc.startColumn) || 1);
  let endLine = Math.max(startLine, Math.trunc(loc.endLine) || startLine);
  let endColumn = Math.max(1, Math.trunc(loc.endColumn) || startColumn);
  if (endLine === startLine && endColumn < startColumn) endColumn = startColumn;
  return { startLine, startColumn, endLine, endColumn };
}

// ---------------------------------------------------------------------------------------------
// Rules

function controlTags(controls: Record<string, string[]>): string[] {
  const out: string[] = [];
  for (const fw of Object.keys(controls).sort()) for (const c of controls[fw]) out.push(`${fw}/${c}`);
  return out;
}

function controlsText(controls: Record<string, string[]>): string[] {
  return Object.keys(controls)
    .sort()
    .filter((fw) => controls[fw].length > 0)
    .map((fw) => `${fw}: ${controls[fw].join(', ')}`);
}

function helpText(rule: RuleMeta): string {
  const parts: string[] = [];
  if (rule.rationale.trim()) parts.push(rule.rationale.trim());
  if (rule.remediation.trim()) parts.push(`Remediation: ${rule.remediation.trim()}`);
  const controls = controlsText(rule.controls);
  if (controls.length) parts.push(`Controls:\n${controls.map((c) => `- ${c}`).join('\n')}`);
  if (rule.references?.length) parts.push(`References:\n${rule.references.map((r) => `- ${r}`).join('\n')}`);
  return nonEmpty(parts.join('\n\n'), rule.title || rule.id);
}

function escapeMarkdownCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function helpMarkdown(rule: RuleMeta): string {
  const parts: string[] = [`## ${rule.title || rule.id}`];
  if (rule.rationale.trim()) parts.push(rule.rationale.trim());
  if (rule.remediation.trim()) parts.push(`### Remediation\n\n${rule.remediation.trim()}`);
  const fixes = Object.entries(rule.fix ?? {}).filter(([, v]) => v && v.trim());
  for (const [kind, snippet] of fixes) {
    const lang = kind === 'terraform' ? 'hcl' : kind === 'cli' ? 'sh' : 'yaml';
    parts.push(`**${kind}**\n\n\`\`\`${lang}\n${snippet!.trimEnd()}\n\`\`\``);
  }
  const fws = Object.keys(rule.controls).sort().filter((fw) => rule.controls[fw].length > 0);
  if (fws.length) {
    const rows = fws.map((fw) => `| ${escapeMarkdownCell(fw)} | ${escapeMarkdownCell(rule.controls[fw].join(', '))} |`);
    parts.push(`### Compliance controls\n\n| Framework | Controls |\n| --- | --- |\n${rows.join('\n')}`);
  }
  if (rule.references?.length) parts.push(`### References\n\n${rule.references.map((r) => `- <${r}>`).join('\n')}`);
  return parts.join('\n\n');
}

function ruleDescriptor(rule: RuleMeta): Sarif.ReportingDescriptor {
  const title = nonEmpty(rule.title, rule.id);
  const tags = [...new Set(['security', rule.category, ...controlTags(rule.controls), ...(rule.tags ?? [])])]
    .filter((t) => t && t.trim())
    .slice(0, MAX_TAGS);
  return {
    id: rule.id,
    name: truncate(nonEmpty(pascalCase(title), pascalCase(rule.id) || rule.id), MAX_NAME),
    shortDescription: { text: truncate(title, MAX_DESCRIPTION) },
    fullDescription: { text: truncate(nonEmpty(rule.rationale.trim(), title), MAX_DESCRIPTION) },
    help: { text: helpText(rule), markdown: helpMarkdown(rule) },
    helpUri: rule.references?.[0],
    defaultConfiguration: { level: sarifLevel(rule.severity) },
    properties: {
      tags,
      precision: 'high',
      'security-severity': SECURITY_SEVERITY[rule.severity],
      severity: rule.severity,
      category: rule.category,
      provider: rule.provider,
      resourceTypes: rule.resource_types,
      controls: rule.controls,
    },
  };
}

/** A catalog entry for a rule that produced findings but is missing from `result.rules`. */
function ruleFromFinding(f: Finding): RuleMeta {
  return {
    id: f.ruleId,
    title: f.title,
    severity: f.severity,
    category: f.category,
    provider: f.source.startsWith('kubernetes') ? 'kubernetes' : 'aws',
    resource_types: [f.resourceType],
    message: f.message,
    rationale: f.title,
    remediation: '',
    controls: f.controls,
  };
}

// ---------------------------------------------------------------------------------------------
// Results

function logicalLocation(f: Finding): Sarif.LogicalLocation {
  return { name: f.resource, fullyQualifiedName: f.resource, kind: 'resource' };
}

function sarifResult(f: Finding, ruleIndex: number, maxRelated: number): Sarif.Result {
  const location: Sarif.Location = f.location?.file
    ? {
        physicalLocation: { artifactLocation: artifactLocation(f.location.file), region: region(f.location) },
        logicalLocations: [logicalLocation(f)],
      }
    : { logicalLocations: [logicalLocation(f)] };

  const result: Sarif.Result = {
    ruleId: f.ruleId,
    ruleIndex,
    level: sarifLevel(f.severity),
    message: { text: truncate(nonEmpty(f.message, f.title || f.ruleId), MAX_MESSAGE) },
    locations: [location],
    partialFingerprints: { primaryLocationLineHash: f.fingerprint, 'palisade/v1': f.fingerprint },
    properties: {
      severity: f.severity,
      category: f.category,
      controls: f.controls,
      resource: f.resource,
      resourceType: f.resourceType,
      source: f.source,
      path: f.path,
      ...(f.module !== undefined ? { module: f.module } : {}),
    },
  };

  const related = (f.related ?? []).filter((r) => r.file).slice(0, maxRelated);
  if (related.length) {
    result.relatedLocations = related.map((r, i) => ({
      id: i,
      physicalLocation: { artifactLocation: artifactLocation(r.file!), region: region(r) },
      message: { text: truncate(nonEmpty(r.message, 'Related location'), MAX_MESSAGE) },
    }));
  }

  if (f.suppressed) {
    result.suppressions = [
      {
        kind: f.suppressed.kind === 'inline' ? 'inSource' : 'external',
        status: 'accepted',
        justification: nonEmpty(f.suppressed.reason, `Suppressed by ${f.suppressed.kind}`),
        properties: { palisadeKind: f.suppressed.kind },
      },
    ];
  }
  return result;
}

function notification(d: Diagnostic): Sarif.Notification {
  const n: Sarif.Notification = {
    level: d.level,
    message: { text: truncate(nonEmpty(d.message, d.code || 'Scan problem'), MAX_MESSAGE) },
    descriptor: { id: nonEmpty(d.code, 'diagnostic') },
  };
  if (d.file !== undefined && d.file !== '') {
    const physicalLocation: Sarif.PhysicalLocation = { artifactLocation: artifactLocation(d.file) };
    if (d.line !== undefined && d.line >= 1) {
      const r: Sarif.Region = { startLine: Math.trunc(d.line) };
      if (d.column !== undefined && d.column >= 1) r.startColumn = Math.trunc(d.column);
      if (d.endLine !== undefined && d.endLine >= r.startLine!) r.endLine = Math.trunc(d.endLine);
      const sameLine = r.endLine === undefined || r.endLine === r.startLine;
      if (d.endColumn !== undefined && d.endColumn >= 1 && (!sameLine || d.endColumn >= (r.startColumn ?? 1))) {
        r.endColumn = Math.trunc(d.endColumn);
      }
      physicalLocation.region = r;
    }
    n.locations = [{ physicalLocation }];
  }
  return n;
}

function endTime(startedAt: string, durationMs: number): string | undefined {
  const t = Date.parse(startedAt);
  if (Number.isNaN(t) || !Number.isFinite(durationMs)) return undefined;
  return new Date(t + Math.max(0, durationMs)).toISOString();
}

// ---------------------------------------------------------------------------------------------
// Log

interface BuildState {
  /** Findings kept, in output order. */
  findings: Finding[];
  droppedForCount: number;
  droppedForSize: number;
  trimmedHelp: boolean;
}

function assemble(result: ScanResult, opts: ReportOptions, limits: SarifLimits, state: BuildState): Sarif.Log {
  // Rules: every rule that ran, in catalog order, then any rule only known from a finding.
  const rules: RuleMeta[] = [];
  const index = new Map<string, number>();
  for (const r of result.rules) {
    if (index.has(r.id)) continue;
    index.set(r.id, rules.length);
    rules.push(r);
  }
  for (const f of result.findings) {
    if (index.has(f.ruleId)) continue;
    index.set(f.ruleId, rules.length);
    rules.push(ruleFromFinding(f));
  }
  const descriptors = rules.map(ruleDescriptor);
  if (state.trimmedHelp) for (const d of descriptors) delete d.help!.markdown;

  const maxRelated = state.trimmedHelp ? 0 : Math.max(0, limits.maxLocationsPerResult - 1);
  const results = state.findings.map((f) => sarifResult(f, index.get(f.ruleId)!, maxRelated));

  const notifications = result.diagnostics.map(notification);
  if (state.droppedForCount > 0) {
    notifications.push({
      level: 'warning',
      descriptor: { id: 'palisade/results-truncated' },
      message: {
        text:
          `${state.droppedForCount} results were dropped: GitHub code scanning accepts at most ` +
          `${limits.maxResults} results per run. The most severe results were kept; ` +
          `use the JSON report for the full list.`,
      },
    });
  }
  if (state.trimmedHelp || state.droppedForSize > 0) {
    const what = [
      state.trimmedHelp ? 'rule help markdown and related locations were removed' : '',
      state.droppedForSize > 0 ? `${state.droppedForSize} of the least severe results were dropped` : '',
    ]
      .filter(Boolean)
      .join(' and ');
    notifications.push({
      level: 'warning',
      descriptor: { id: 'palisade/log-size-trimmed' },
      message: {
        text: `The log exceeded ${limits.maxGzipBytes} bytes gzipped (GitHub's upload limit): ${what}. Use the JSON report for the full list.`,
      },
    });
  }

  const invocation: Sarif.Invocation = {
    executionSuccessful: !result.diagnostics.some((d) => d.level === 'error'),
    startTimeUtc: result.startedAt,
  };
  const end = endTime(result.startedAt, result.summary.durationMs);
  if (end) invocation.endTimeUtc = end;
  if (notifications.length) invocation.toolExecutionNotifications = notifications;

  const category = (opts.sarifCategory ?? '').trim() || 'palisade';
  const srcRoot: Sarif.ArtifactLocation = opts.srcRootUri
    ? { uri: opts.srcRootUri.endsWith('/') ? opts.srcRootUri : `${opts.srcRootUri}/` }
    : { description: { text: 'The scan root: the repository root when run from it.' } };

  const run: Sarif.Run = {
    tool: {
      driver: {
        name: 'palisade',
        fullName: 'Palisade policy and compliance scanner',
        informationUri: opts.informationUri ?? DEFAULT_INFORMATION_URI,
        semanticVersion: nonEmpty(result.tool.version, '0.0.0'),
        version: nonEmpty(result.tool.version, '0.0.0'),
        rules: descriptors,
        properties: { policyBundleHash: result.tool.policyBundleHash },
      },
    },
    automationDetails: { id: `${category}/` },
    originalUriBaseIds: { [SRCROOT]: srcRoot },
    invocations: [invocation],
    results,
    properties: {
      summary: {
        filesScanned: result.summary.filesScanned,
        resourcesEvaluated: result.summary.resourcesEvaluated,
        findings: result.summary.findings,
        suppressed: result.summary.suppressed,
        errors: result.summary.errors,
        durationMs: result.summary.durationMs,
      },
      ...(state.droppedForCount + state.droppedForSize > 0
        ? { droppedResults: state.droppedForCount + state.droppedForSize }
        : {}),
    },
  };

  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
}

function serialize(log: Sarif.Log): string {
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** Builds the log and its serialized text, applying GitHub's count and size limits. */
export function buildSarif(
  result: ScanResult,
  opts: ReportOptions,
  limits: SarifLimits = GITHUB_LIMITS,
): { log: Sarif.Log; text: string; gzipBytes: number } {
  const sorted = sortFindings(result.findings);
  const byPriority = [...sorted].sort(compareByPriority);

  const keep = (n: number): Finding[] => {
    if (n >= sorted.length) return sorted;
    const kept = new Set(byPriority.slice(0, n));
    return sorted.filter((f) => kept.has(f));
  };

  const countLimit = Math.min(sorted.length, limits.maxResults);
  const state: BuildState = {
    findings: keep(countLimit),
    droppedForCount: sorted.length - countLimit,
    droppedForSize: 0,
    trimmedHelp: false,
  };

  let log = assemble(result, opts, limits, state);
  let text = serialize(log);
  let gz = gzipSync(text).length;
  if (gz <= limits.maxGzipBytes) return { log, text, gzipBytes: gz };

  // 1. Drop help markdown and related locations.
  state.trimmedHelp = true;
  log = assemble(result, opts, limits, state);
  text = serialize(log);
  gz = gzipSync(text).length;

  // 2. Drop the least severe results until the log fits.
  let n = state.findings.length;
  while (gz > limits.maxGzipBytes && n > 0) {
    const ratio = limits.maxGzipBytes / gz;
    n = Math.min(n - 1, Math.floor(n * ratio * 0.95));
    n = Math.max(0, n);
    state.findings = keep(n);
    state.droppedForSize = countLimit - n;
    log = assemble(result, opts, limits, state);
    text = serialize(log);
    gz = gzipSync(text).length;
  }
  return { log, text, gzipBytes: gz };
}

export function buildSarifLog(result: ScanResult, opts: ReportOptions, limits?: SarifLimits): Sarif.Log {
  return buildSarif(result, opts, limits).log;
}

export function renderSarif(result: ScanResult, opts: ReportOptions): string {
  return buildSarif(result, opts).text;
}

export const sarifReporter: Reporter = {
  format: 'sarif',
  extension: 'sarif',
  render: renderSarif,
};
