/** The generated documentation of the rule catalog: one page per rule and an index. */
import type { Catalog } from '../catalog/catalog.js';
import { CATEGORIES } from '../findings/types.js';
import { ruleDoc } from './rules-command.js';

/** File name → Markdown, for docs/rules/. */
export function renderRuleDocs(catalog: Catalog): Record<string, string> {
  const pages: Record<string, string> = {};
  const rules = [...catalog.rules.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const r of rules) pages[`${r.id}.md`] = ruleDoc(r, catalog);
  const index: string[] = ['# Rules', '', `${rules.length} rules: ${rules.filter((r) => r.provider === 'aws').length} for AWS, ${rules.filter((r) => r.provider === 'kubernetes').length} for Kubernetes. Generated from \`rules/\` by \`npm run docs:rules\`; \`palisade rules show <ID>\` prints the same page.`, ''];
  for (const c of CATEGORIES) {
    const inCat = rules.filter((r) => r.category === c);
    if (!inCat.length) continue;
    index.push(`## ${c}`, '', '| id | severity | title |', '| --- | --- | --- |');
    for (const r of inCat) index.push(`| [${r.id}](${r.id}.md) | ${r.severity} | ${r.title.replace(/\|/g, '\\|')} |`);
    index.push('');
  }
  pages['README.md'] = index.join('\n');
  return pages;
}
