/**
 * What the engine hands to filters, remediation and reporters. Everything a reporter
 * needs is computed here once; reporters only format.
 */
import type { Diagnostic } from '../model/diagnostics.js';
import type { SourceKind } from '../model/model.js';

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

export const SEVERITIES: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** Higher is worse. */
export function severityRank(s: Severity): number {
  return 4 - SEVERITIES.indexOf(s);
}

export type Category =
  | 'availability'
  | 'backup-recovery'
  | 'network'
  | 'access-control'
  | 'encryption'
  | 'logging-monitoring'
  | 'resources-scaling'
  | 'traffic'
  | 'cost'
  | 'data-governance'
  | 'maintenance';

export const CATEGORIES: Category[] = [
  'availability',
  'backup-recovery',
  'network',
  'access-control',
  'encryption',
  'logging-monitoring',
  'resources-scaling',
  'traffic',
  'cost',
  'data-governance',
  'maintenance',
];

/** A rule's catalog entry (rules/<provider>/<ID>.yaml), as validated by rules/schema/rule.schema.json. */
export interface RuleMeta {
  id: string;
  title: string;
  severity: Severity;
  category: Category;
  provider: 'aws' | 'kubernetes';
  resource_types: string[];
  message: string;
  rationale: string;
  remediation: string;
  controls: Record<string, string[]>;
  fix?: Partial<Record<'terraform' | 'cloudformation' | 'kubernetes' | 'cli', string>>;
  references?: string[];
  tags?: string[];
}

export interface Location {
  /** Relative to the scan root, `/` separators. Absent for live resources. */
  file?: string;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export interface Finding {
  ruleId: string;
  title: string;
  severity: Severity;
  category: Category;
  message: string;
  /** Stable identity: Terraform address, `Kind/namespace/name`, or ARN. */
  resource: string;
  resourceType: string;
  source: SourceKind;
  /** Model path the policy reported, e.g. `versioning.enabled`. */
  path: string;
  location?: Location;
  /** Related locations, e.g. the variable a value came from. */
  related?: (Location & { message: string })[];
  /** sha256 over rule id, resource identity and model path; never line numbers. */
  fingerprint: string;
  /** framework id → control ids. */
  controls: Record<string, string[]>;
  /** Terraform module call chain the resource came through, if any. */
  module?: string;
  /** Set when an inline comment, baseline or config suppressed it; suppressed findings are reported as such, never dropped. */
  suppressed?: { kind: 'inline' | 'baseline' | 'config'; reason: string };
}

export interface ScanSummary {
  filesScanned: number;
  resourcesEvaluated: number;
  findings: number;
  suppressed: number;
  bySeverity: Record<Severity, number>;
  errors: number;
  durationMs: number;
}

export interface ScanResult {
  tool: { name: 'palisade'; version: string; policyBundleHash: string };
  /** Absolute path of the scan root; finding files are relative to it. */
  root: string;
  /** Command-line targets as given. */
  targets: string[];
  startedAt: string;
  findings: Finding[];
  diagnostics: Diagnostic[];
  /** Catalog entries of every rule that ran (reporters list them, e.g. SARIF `rules[]`). */
  rules: RuleMeta[];
  summary: ScanSummary;
}
