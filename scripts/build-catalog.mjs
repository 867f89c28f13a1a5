#!/usr/bin/env node
// Writes bundle/catalog.json: the rule catalog validated from rules/ (YAML + JSON Schemas) as
// one JSON file, with the hash of its sources. Scans use it while the hash matches; after an
// edit of rules/ they read the YAML again until this is run (npm run build:catalog; also part
// of build:policies and docs:rules). test/rules/compiled-catalog.test.ts fails CI when it is stale.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { compileCatalog, compiledCatalogPath } = await import(path.join(root, 'dist/src/catalog/catalog.js'));

const file = compiledCatalogPath();
const compiled = compileCatalog();
const text = JSON.stringify(compiled) + '\n';
if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}
console.error(`build-catalog: ${path.relative(root, file)}: ${compiled.rules.length} rules, ${compiled.frameworks.length} frameworks, sources ${compiled.sourcesHash.slice(0, 12)}`);
