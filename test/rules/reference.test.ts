/**
 * The reference projects: a hardened, multi-file service (Terraform root module with local
 * modules, Kubernetes manifests, a CloudFormation stack) that must scan clean, and its broken
 * twin whose planted problems, each marked `# expect: RULE-ID` on the line its finding starts,
 * must be found exactly: every marker found with the rule's category, nothing unmarked reported.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/catalog.js';
import { scan } from '../../src/engine/scan.js';
import type { Finding, ScanResult } from '../../src/findings/types.js';
import { expectedLines } from '../helpers/expectations.js';

const root = path.resolve(__dirname, '../..');
const hardened = 'fixtures/reference/hardened';
const broken = 'fixtures/reference/broken';

const CATEGORIES = [
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

/** Every file of a folder, relative to the repository root, sorted. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const r = path.posix.join(rel, e.name);
      if (e.isDirectory()) walk(r);
      else out.push(r);
    }
  };
  walk(dir);
  return out.sort();
}

interface Planted {
  ruleId: string;
  file: string;
  line: number;
}

/** The planted problems: every `# expect:` marker of every file of the broken project. */
function plantedProblems(): Planted[] {
  const out: Planted[] = [];
  for (const file of filesUnder(broken)) {
    for (const [ruleId, lines] of expectedLines(path.join(root, file))) {
      for (const line of lines) out.push({ ruleId, file, line });
    }
  }
  return out;
}

const key = (ruleId: string, file: string | undefined, line: number | undefined) => `${ruleId} ${file}:${line}`;

function describeFinding(f: Finding): string {
  return `${key(f.ruleId, f.location?.file, f.location?.startLine)} [${f.category}] ${f.resource}: ${f.message}`;
}

function errors(result: ScanResult): string[] {
  return result.diagnostics.filter((d) => d.level === 'error').map((d) => `${d.file ?? ''}: ${d.code}: ${d.message}`);
}

describe('hardened reference project', () => {
  let result: ScanResult;
  beforeAll(async () => {
    result = await scan([hardened], { cwd: root });
  });

  it('parses every file without errors', () => {
    expect(errors(result)).toEqual([]);
  });

  it('covers Terraform modules, Kubernetes manifests and CloudFormation', () => {
    const sources = new Set(filesUnder(hardened).map((f) => f.split('/')[3]));
    expect([...sources].sort()).toEqual(['cloudformation', 'kubernetes', 'terraform']);
    expect(result.summary.resourcesEvaluated).toBeGreaterThan(80);
  });

  it('has no findings', () => {
    const unexpected = result.findings.map(describeFinding);
    expect(unexpected, `the hardened project has findings:\n${unexpected.join('\n')}`).toEqual([]);
  });
});

describe('broken reference project', () => {
  const planted = plantedProblems();
  const catalog = loadCatalog();
  const category = (ruleId: string) => catalog.rules.get(ruleId)?.category;
  let result: ScanResult;
  beforeAll(async () => {
    result = await scan([broken], { cwd: root });
  });

  it('parses every file without errors', () => {
    expect(errors(result)).toEqual([]);
  });

  it('plants at least 25 problems, each of a known rule', () => {
    expect(planted.length).toBeGreaterThanOrEqual(25);
    const unknown = planted.filter((p) => category(p.ruleId) === undefined).map((p) => key(p.ruleId, p.file, p.line));
    expect(unknown, 'markers naming rules that are not in the catalog').toEqual([]);
  });

  it('plants problems of all 11 categories', () => {
    const covered = new Set(planted.map((p) => category(p.ruleId)));
    expect([...covered].sort()).toEqual([...CATEGORIES].sort());
  });

  it('plants problems of every category for both AWS and Kubernetes', () => {
    const byProvider = (prefix: string) => new Set(planted.filter((p) => p.ruleId.startsWith(prefix)).map((p) => category(p.ruleId)));
    const aws = byProvider('AWS-');
    const k8s = byProvider('K8S-');
    expect([...aws].sort()).toEqual([...CATEGORIES].sort());
    expect([...k8s].sort()).toEqual([...CATEGORIES].sort());
  });

  it('finds every planted problem on its file and line, with the rule category', () => {
    const found = new Map<string, Finding[]>();
    for (const f of result.findings) {
      const k = key(f.ruleId, f.location?.file, f.location?.startLine);
      found.set(k, [...(found.get(k) ?? []), f]);
    }
    const missing: string[] = [];
    for (const p of planted) {
      const hits = found.get(key(p.ruleId, p.file, p.line)) ?? [];
      if (hits.length === 0) missing.push(key(p.ruleId, p.file, p.line));
      for (const h of hits) expect(h.category, `${key(p.ruleId, p.file, p.line)} category`).toBe(category(p.ruleId));
    }
    expect(missing, `planted problems not found:\n${missing.join('\n')}`).toEqual([]);
  });

  it('reports nothing that was not planted', () => {
    const markers = new Set(planted.map((p) => key(p.ruleId, p.file, p.line)));
    const unplanted = result.findings.filter((f) => !markers.has(key(f.ruleId, f.location?.file, f.location?.startLine))).map(describeFinding);
    expect(unplanted, `findings without a '# expect:' marker:\n${unplanted.join('\n')}`).toEqual([]);
  });
});
