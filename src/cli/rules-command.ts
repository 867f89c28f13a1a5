/** `palisade rules list|show`: the catalog, for people and for machines. */
import type { Catalog } from '../catalog/catalog.js';
import type { Category, RuleMeta } from '../findings/types.js';
import { CATEGORIES } from '../findings/types.js';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function listRules(catalog: Catalog, opts: { category?: string; provider?: string; format?: string }): string {
  if (opts.category && !CATEGORIES.includes(opts.category as Category)) {
    throw new UsageError(`unknown category ${opts.category}; one of: ${CATEGORIES.join(', ')}`);
  }
  const rules = [...catalog.rules.values()]
    .filter((r) => !opts.category || r.category === opts.category)
    .filter((r) => !opts.provider || r.provider === opts.provider)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  if (opts.format === 'json') {
    const byProvider: Record<string, number> = {};
    const byCategory: Record<string, number> = {};
    for (const r of rules) {
      byProvider[r.provider] = (byProvider[r.provider] ?? 0) + 1;
      byCategory[r.category] = (byCategory[r.category] ?? 0) + 1;
    }
    return JSON.stringify({ count: rules.length, byProvider, byCategory, rules }, null, 2) + '\n';
  }
  if (opts.format && opts.format !== 'text') throw new UsageError(`unknown format ${opts.format} for rules list; use text or json`);
  const w = Math.max(8, ...rules.map((r) => r.id.length));
  const lines = rules.map((r) => `${r.id.padEnd(w)}  ${r.severity.padEnd(8)}  ${r.category.padEnd(18)}  ${r.title}`);
  return `${'ID'.padEnd(w)}  SEVERITY  CATEGORY            TITLE\n${lines.join('\n')}\n${rules.length} rules\n`;
}

/** The rule's documentation page (Markdown), as `docs/rules/<ID>.md` holds it. */
export function ruleDoc(rule: RuleMeta, catalog: Catalog): string {
  const out: string[] = [];
  out.push(`# ${rule.id}: ${rule.title}`, '');
  out.push(`- Severity: **${rule.severity}**`, `- Category: ${rule.category}`, `- Provider: ${rule.provider}`, `- Resource types: ${rule.resource_types.map((t) => `\`${t}\``).join(', ')}`, '');
  out.push('## Why it matters', '', rule.rationale.trim(), '');
  out.push('## How to fix', '', rule.remediation.trim(), '');
  for (const [kind, tpl] of Object.entries(rule.fix ?? {})) {
    const lang = kind === 'terraform' ? 'hcl' : kind === 'cli' ? 'sh' : 'yaml';
    out.push(`### ${kind}`, '', '```' + lang, tpl.trimEnd(), '```', '');
  }
  const controls = Object.entries(rule.controls);
  if (controls.length) {
    out.push('## Compliance controls', '');
    for (const [fw, ids] of controls) {
      const framework = catalog.frameworks.get(fw);
      for (const id of ids) {
        const c = framework?.controls.find((x) => x.id === id);
        out.push(`- ${framework?.title ?? fw} ${id}${c ? ` — ${c.title}` : ''}`);
      }
    }
    out.push('');
  }
  if (rule.references?.length) out.push('## References', '', ...rule.references.map((r) => `- ${r}`), '');
  out.push('## Suppressing', '', `Add a comment beside the resource: \`# palisade:ignore ${rule.id} <why the risk is accepted>\`.`, '');
  return out.join('\n');
}
