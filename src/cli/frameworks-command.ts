/**
 * `palisade frameworks list|show`: each framework's controls, the rules that evidence them,
 * and the controls no rule covers — reported as "not evaluated", never as passing.
 */
import type { Catalog, Framework } from '../catalog/catalog.js';
import type { RuleMeta } from '../findings/types.js';
import { UsageError } from './rules-command.js';

export type Coverage = 'evaluated' | 'not-evaluated' | 'manual';

export interface ControlCoverage {
  id: string;
  title: string;
  /** evaluated: rules evidence it; not-evaluated: automatable but no rule yet; manual: a process or physical control no scanner can evidence. */
  coverage: Coverage;
  rules: string[];
}

export function frameworkCoverage(framework: Framework, rules: Iterable<RuleMeta>): ControlCoverage[] {
  const byControl = new Map<string, string[]>();
  for (const r of rules) for (const id of r.controls[framework.id] ?? []) byControl.set(id, [...(byControl.get(id) ?? []), r.id]);
  return framework.controls.map((c) => {
    const ids = (byControl.get(c.id) ?? []).sort();
    const coverage: Coverage = ids.length ? 'evaluated' : c.automatable === false ? 'manual' : 'not-evaluated';
    return { id: c.id, title: c.title, coverage, rules: ids };
  });
}

function counts(cov: ControlCoverage[]): Record<Coverage, number> {
  return {
    evaluated: cov.filter((c) => c.coverage === 'evaluated').length,
    'not-evaluated': cov.filter((c) => c.coverage === 'not-evaluated').length,
    manual: cov.filter((c) => c.coverage === 'manual').length,
  };
}

export function listFrameworks(catalog: Catalog, format = 'text'): string {
  const rows = [...catalog.frameworks.values()].map((f) => ({ id: f.id, title: f.title, version: f.version, controls: f.controls.length, ...counts(frameworkCoverage(f, catalog.rules.values())) }));
  if (format === 'json') return JSON.stringify(rows, null, 2) + '\n';
  if (format !== 'text') throw new UsageError(`unknown format ${format}; use text or json`);
  const w = Math.max(...rows.map((r) => r.id.length), 2);
  return rows.map((r) => `${r.id.padEnd(w)}  ${String(r.evaluated).padStart(3)} evaluated  ${String(r['not-evaluated']).padStart(3)} not evaluated  ${String(r.manual).padStart(3)} manual  ${r.title}`).join('\n') + '\n';
}

export function showFramework(catalog: Catalog, id: string, format = 'text'): string {
  const f = catalog.frameworks.get(id.toLowerCase());
  if (!f) throw new UsageError(`no framework ${id}; one of: ${[...catalog.frameworks.keys()].join(', ')}`);
  const cov = frameworkCoverage(f, catalog.rules.values());
  if (format === 'json') return JSON.stringify({ id: f.id, title: f.title, version: f.version, url: f.url, summary: counts(cov), controls: cov }, null, 2) + '\n';
  if (format !== 'text') throw new UsageError(`unknown format ${format}; use text or json`);
  const label: Record<Coverage, string> = { evaluated: 'evaluated', 'not-evaluated': 'NOT EVALUATED', manual: 'manual' };
  const c = counts(cov);
  const lines = [`${f.title} (${f.version})`, `${c.evaluated} controls evaluated by rules, ${c['not-evaluated']} not evaluated, ${c.manual} manual (process or physical controls)`, ''];
  const w = Math.max(...cov.map((x) => x.id.length));
  for (const x of cov) lines.push(`${x.id.padEnd(w)}  ${label[x.coverage].padEnd(13)}  ${x.title}${x.rules.length ? `  [${x.rules.join(', ')}]` : ''}`);
  return lines.join('\n') + '\n';
}
