/**
 * The CLI from the user's side: the shipped examples, output files, formats, exit codes and
 * bad input. Runs dist/src/cli.js as a child process.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../src/findings/types.js';
import { expectedLines } from '../helpers/expectations.js';
import { cliPath, palisade, repoRoot } from '../helpers/cli.js';

interface JsonFinding {
  ruleId: string;
  category: string;
  severity: string;
  file: string | null;
  startLine: number | null;
  fingerprint: string;
  resource: string;
  suppressed?: { kind: string; reason: string };
}
interface JsonReport {
  findings: JsonFinding[];
  errors: { level: string; code: string; file?: string; line?: number; message: string }[];
  summary: { findings: number };
}

/** Temporary folders of this file, removed when it ends (one of them holds 10,000 files). */
const temporary: string[] = [];
afterAll(() => {
  for (const d of temporary) fs.rmSync(d, { recursive: true, force: true });
});
function tmpDir(prefix: string): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  temporary.push(d);
  return d;
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function validateSarif(doc: unknown): string | undefined {
  const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test/data/sarif-schema-2.1.0.json'), 'utf8'));
  const ajv = new (AjvDraft04 as unknown as typeof Ajv)({ strict: false, validateFormats: false, allErrors: true });
  const validate = ajv.compile(schema);
  return validate(doc) ? undefined : ajv.errorsText(validate.errors);
}

describe('the built CLI', () => {
  // `npx palisade` and the package's bin run the file itself: every build leaves it executable
  it.skipIf(process.platform === 'win32')('is executable after a build', () => {
    expect(fs.statSync(cliPath).mode & 0o111).toBe(0o111);
  });
});

describe('palisade scan examples/', () => {
  let report: JsonReport;
  let code: number;
  beforeAll(() => {
    const r = palisade(['scan', 'examples', '--format', 'json']);
    code = r.code;
    report = JSON.parse(r.stdout) as JsonReport;
  });

  it('exits 1 with findings and no scan errors', () => {
    expect(report.errors.filter((e) => e.level === 'error')).toEqual([]);
    expect(code).toBe(1);
  });

  it('finds problems of every category', () => {
    const cats = new Set(report.findings.map((f) => f.category));
    for (const c of CATEGORIES) expect(cats, `no ${c} finding in examples/`).toContain(c);
  });

  it('reports exactly the planted problems, each at its file and line', () => {
    const want: string[] = [];
    for (const abs of listFiles(path.join(repoRoot, 'examples'))) {
      const rel = path.relative(repoRoot, abs).split(path.sep).join('/');
      for (const [id, lines] of expectedLines(abs)) for (const l of lines) want.push(`${rel}:${l} ${id}`);
    }
    const got = report.findings.filter((f) => !f.suppressed).map((f) => `${f.file}:${f.startLine} ${f.ruleId}`);
    expect(got.sort()).toEqual(want.sort());
    // the one inline suppression in the examples is reported as such, with its reason
    const suppressed = report.findings.filter((f) => f.suppressed);
    expect(suppressed.map((f) => `${f.file}:${f.startLine} ${f.ruleId} ${f.suppressed?.kind}`)).toEqual(['examples/terraform/storage.tf:39 AWS-S3-007 inline']);
  });

  it('writes several formats from one scan, and the SARIF validates against the official schema', () => {
    const out = tmpDir('palisade-out-');
    const r = palisade(['scan', 'examples', '--format', 'json,text,sarif', '--output-dir', out]);
    expect(r.code).toBe(1);
    expect(fs.readdirSync(out).sort()).toEqual(['palisade.json', 'palisade.sarif', 'palisade.txt']);
    const sarif = JSON.parse(fs.readFileSync(path.join(out, 'palisade.sarif'), 'utf8'));
    expect(validateSarif(sarif)).toBeUndefined();
    const results = sarif.runs[0].results as { ruleId: string; partialFingerprints: Record<string, string>; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[];
    expect(results.length).toBe(report.findings.length);
    for (const res of results) {
      expect(res.partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]{64}$/);
      expect(res.locations[0].physicalLocation.artifactLocation.uri).toMatch(/^examples\//);
    }
    expect(fs.readFileSync(path.join(out, 'palisade.txt'), 'utf8')).toMatch(/findings/);
  });

  it('--output writes one file', () => {
    const out = path.join(tmpDir('palisade-out-'), 'results.sarif');
    const r = palisade(['scan', 'examples', '--format', 'sarif', '--output', out]);
    expect(r.code).toBe(1);
    expect(validateSarif(JSON.parse(fs.readFileSync(out, 'utf8')))).toBeUndefined();
  });

  it('--severity filters what is reported and what fails', () => {
    const r = palisade(['scan', 'examples', '--format', 'json', '--severity', 'high']);
    const high = JSON.parse(r.stdout) as JsonReport;
    expect(high.findings.length).toBeGreaterThan(0);
    expect(high.findings.every((f) => f.severity === 'high' || f.severity === 'critical')).toBe(true);
    expect(high.findings.length).toBe(report.findings.filter((f) => f.severity === 'high' || f.severity === 'critical').length);
    expect(r.code).toBe(1);
  });

  it('fingerprints do not depend on line numbers', () => {
    const dir = tmpDir('palisade-fp-');
    const src = fs.readFileSync(path.join(repoRoot, 'fixtures/rules/AWS-S3-001/fail.tf'), 'utf8');
    fs.writeFileSync(path.join(dir, 'main.tf'), src);
    const a = JSON.parse(palisade(['scan', '.', '--format', 'json'], { cwd: dir }).stdout) as JsonReport;
    fs.writeFileSync(path.join(dir, 'main.tf'), '# a comment\n\n\n' + src);
    const b = JSON.parse(palisade(['scan', '.', '--format', 'json'], { cwd: dir }).stdout) as JsonReport;
    expect(b.findings.map((f) => f.fingerprint).sort()).toEqual(a.findings.map((f) => f.fingerprint).sort());
    expect(b.findings[0].startLine).toBe(a.findings[0].startLine! + 3);
  });

  it('--rule and --skip-rule select rules', () => {
    const only = JSON.parse(palisade(['scan', 'examples', '--format', 'json', '--rule', 'AWS-S3-001']).stdout) as JsonReport;
    expect(only.findings.length).toBeGreaterThan(0);
    expect(new Set(only.findings.map((f) => f.ruleId))).toEqual(new Set(['AWS-S3-001']));
    const skip = JSON.parse(palisade(['scan', 'examples', '--format', 'json', '--skip-rule', 'AWS-S3-001']).stdout) as JsonReport;
    expect(skip.findings.some((f) => f.ruleId === 'AWS-S3-001')).toBe(false);
    expect(skip.findings.length).toBe(report.findings.length - only.findings.length);
    expect(palisade(['scan', 'examples', '--rule', 'AWS-S3-001', '--rule', 'K8S-WL-001', '--format', 'json']).code).toBe(1);
  });
});

describe('usage errors exit 2', () => {
  it.each([
    [['scan', 'examples', '--format', 'xml']],
    [['scan', 'examples', '--format', 'json,sarif', '--output', '/tmp/x']],
    [['scan', 'examples', '--severity', 'urgent']],
    [['scan', '--bogus']],
    [['rules', 'show', 'NOPE-001']],
  ])('%j', (args) => {
    const r = palisade(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/palisade|error/i);
  });

  it('--help documents the exit codes', () => {
    const r = palisade(['scan', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Exit codes:[\s\S]*0[\s\S]*1[\s\S]*2[\s\S]*3/);
  });
});

describe('bad input never crashes the scan', () => {
  let dir: string;
  beforeAll(() => {
    dir = tmpDir('palisade-bad-');
    fs.mkdirSync(path.join(dir, 'tf'));
    fs.writeFileSync(path.join(dir, 'tf/broken.tf'), 'resource "aws_s3_bucket" "a" {\n  bucket = "x"\n  acl = \n}\n');
    fs.writeFileSync(path.join(dir, 'tf/good.tf'), fs.readFileSync(path.join(repoRoot, 'fixtures/rules/AWS-S3-001/fail.tf')));
    fs.writeFileSync(path.join(dir, 'tf/empty.tf'), '');
    fs.writeFileSync(path.join(dir, 'tf/binary.tf'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3, 0, 0]));
    fs.writeFileSync(path.join(dir, 'bad.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: [oops\n');
    fs.writeFileSync(path.join(dir, 'empty.yaml'), '');
    fs.writeFileSync(path.join(dir, 'good.yaml'), fs.readFileSync(path.join(repoRoot, 'fixtures/rules/K8S-WL-003/fail.yaml')));
    fs.symlinkSync('/etc/passwd', path.join(dir, 'outside.yaml'));
  });

  it('reports each problem with file and line in text, JSON and SARIF, scans the rest, and exits 1', () => {
    const out = tmpDir('palisade-bad-out-');
    const r = palisade(['scan', '.', '--format', 'json,text,sarif', '--output-dir', out], { cwd: dir });
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(1);
    const json = JSON.parse(fs.readFileSync(path.join(out, 'palisade.json'), 'utf8')) as JsonReport;
    const errs = json.errors.map((e) => `${e.level} ${e.code} ${e.file}:${e.line ?? ''}`);
    expect(errs).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^error hcl-syntax tf\/broken\.tf:3$/),
        expect.stringMatching(/^error binary-file tf\/binary\.tf:1$/),
        expect.stringMatching(/^error yaml-syntax bad\.yaml:\d+$/),
        expect.stringMatching(/^warning link-outside-tree outside\.yaml:$/),
      ]),
    );
    expect(json.findings.some((f) => f.ruleId === 'AWS-S3-001' && f.file === 'tf/good.tf')).toBe(true);
    expect(json.findings.some((f) => f.ruleId === 'K8S-WL-003' && f.file === 'good.yaml')).toBe(true);
    const text = fs.readFileSync(path.join(out, 'palisade.txt'), 'utf8');
    expect(text).toMatch(/tf\/broken\.tf:3/);
    expect(text).toMatch(/bad\.yaml:\d+/);
    const sarif = JSON.parse(fs.readFileSync(path.join(out, 'palisade.sarif'), 'utf8'));
    expect(validateSarif(sarif)).toBeUndefined();
    const notes = sarif.runs[0].invocations[0].toolExecutionNotifications as { message: { text: string }; locations?: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[] }[];
    expect(notes.some((n) => n.locations?.[0].physicalLocation.artifactLocation.uri === 'tf/broken.tf' && n.locations[0].physicalLocation.region?.startLine === 3)).toBe(true);
    expect(sarif.runs[0].invocations[0].executionSuccessful).toBe(false);
    // nothing from the file behind the link leaks into any output
    expect(fs.readFileSync(path.join(out, 'palisade.json'), 'utf8')).not.toMatch(/root:x:0/);
  });

  it('exits 3 when the only problems are scan errors', () => {
    const r = palisade(['scan', 'tf/broken.tf', 'bad.yaml', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(3);
    expect((JSON.parse(r.stdout) as JsonReport).errors.length).toBe(2);
  });

  it('exits 0 on a clean scan', () => {
    const r = palisade(['scan', 'tf/empty.tf', 'empty.yaml', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
  });

  it('scans a folder of 10,000 files on the worker pool', () => {
    const big = tmpDir('palisade-many-');
    for (let i = 0; i < 10_000; i++) {
      fs.writeFileSync(
        path.join(big, `cm-${i}.yaml`),
        i % 1000 === 7
          ? `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p${i}\nspec:\n  hostNetwork: true\n  containers:\n    - name: c\n      image: nginx:1.27\n`
          : `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\ndata:\n  k: "${i}"\n`,
      );
    }
    const r = palisade(['scan', '.', '--format', 'json', '--rule', 'K8S-NET-001', '--parallel'], { cwd: big });
    expect(r.stderr).not.toMatch(/internal error/);
    const json = JSON.parse(r.stdout) as JsonReport & { summary: { filesScanned: number } };
    expect(json.summary.filesScanned).toBe(10_000);
    expect(json.findings.length).toBe(10);
    expect(json.errors).toEqual([]);
    expect(r.code).toBe(1);
    // one thread finds the same, with the same fingerprints
    const inline = JSON.parse(palisade(['scan', '.', '--format', 'json', '--rule', 'K8S-NET-001'], { cwd: big }).stdout) as JsonReport;
    expect(inline.findings.map((f) => f.fingerprint).sort()).toEqual(json.findings.map((f) => f.fingerprint).sort());
  }, 120_000);
});

describe('configuration file', () => {
  it('feeds policy settings and default filters, and flags win over it', () => {
    const dir = tmpDir('palisade-config-');
    fs.writeFileSync(path.join(dir, 'main.tf'), 'resource "aws_db_instance" "db" {\n  identifier              = "db"\n  backup_retention_period = 10\n  multi_az                = true\n  storage_encrypted       = true\n}\n');
    const retention = () => (JSON.parse(palisade(['scan', '.', '--format', 'json', '--rule', 'AWS-RDS-002'], { cwd: dir }).stdout) as JsonReport).findings.length;
    expect(retention()).toBe(0);
    fs.writeFileSync(path.join(dir, '.palisade.yaml'), 'severity: low\npolicy:\n  min_backup_retention_days: 14\n');
    expect(retention()).toBe(1);
    const r = palisade(['scan', '.', '--format', 'json', '--rule', 'AWS-RDS-002', '--severity', 'critical'], { cwd: dir });
    expect((JSON.parse(r.stdout) as JsonReport).findings).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('an invalid configuration is a configuration error (exit 2) naming the problem', () => {
    const dir = tmpDir('palisade-config-');
    fs.writeFileSync(path.join(dir, 'bad.yaml'), 'severity: urgent\n');
    const r = palisade(['scan', '.', '--config', 'bad.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml.*severity/);
    expect(palisade(['scan', '.', '--config', 'missing.yaml'], { cwd: dir }).code).toBe(2);
  });
});
