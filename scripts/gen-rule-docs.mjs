#!/usr/bin/env node
// Writes docs/rules/<ID>.md (what `palisade rules show ID` prints) and docs/rules/README.md,
// the index by category. `--check` fails when the committed pages differ from the catalog.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { loadCatalog } = await import(path.join(root, 'dist/src/catalog/catalog.js'));
const { renderRuleDocs } = await import(path.join(root, 'dist/src/cli/rule-docs.js'));

const check = process.argv.includes('--check');
const dir = path.join(root, 'docs/rules');
const pages = renderRuleDocs(loadCatalog());
const stale = [];
if (!check) {
  fs.mkdirSync(dir, { recursive: true });
  for (const f of fs.readdirSync(dir)) if (f.endsWith('.md') && !(f in pages)) fs.rmSync(path.join(dir, f));
}
for (const [name, text] of Object.entries(pages)) {
  const file = path.join(dir, name);
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  if (current === text) continue;
  if (check) stale.push(name);
  else fs.writeFileSync(file, text);
}
if (check && stale.length) {
  console.error(`docs/rules is out of date (${stale.length} pages): run npm run docs:rules`);
  process.exit(1);
}
console.error(`docs/rules: ${Object.keys(pages).length} pages${check ? ' up to date' : ' written'}`);
