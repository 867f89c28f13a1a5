/**
 * CloudFormation nested stacks scanned from the user's side: what a child template creates is
 * judged with the parameter values its parent passes, findings point at the child's lines with
 * the nested stack resource as a related location, and a child is not scanned again on its own;
 * the same child nested twice is two sets of objects with their own names; a resource of one
 * stack configures an object of another; every template is scanned or a note says why not.
 */
import { readFileSync } from 'node:fs';
import Ajv04Module from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { palisade } from '../helpers/cli.js';

interface Related {
  file: string | null;
  startLine: number;
  message: string;
}

interface JsonFinding {
  ruleId: string;
  file: string | null;
  startLine: number | null;
  resource: string;
  fingerprint: string;
  related: Related[];
}

interface JsonDiagnostic {
  level: string;
  code: string;
  message: string;
  file: string | null;
  line: number | null;
}

interface Report {
  findings: JsonFinding[];
  errors: JsonDiagnostic[];
}

const APP = 'fixtures/cloudformation/nested/app';
const PROBLEMS = 'fixtures/cloudformation/nested/problems';
const RULES = ['--rule', 'AWS-S3-001,AWS-S3-009,AWS-EC2-001'];

function scanJson(args: string[]): Report {
  const r = palisade(['scan', ...args, '--format', 'json', ...RULES]);
  return JSON.parse(r.stdout) as Report;
}

const brief = (f: JsonFinding) => `${f.ruleId} ${f.file}:${f.startLine} ${f.resource}`;
const rel = (r: Related) => `${r.file}:${r.startLine} ${r.message}`;

describe('palisade scan on an application of nested stacks', () => {
  const report = scanJson([APP]);

  it('judges each child with what its parent passes, on the child lines, once per nesting', () => {
    expect(report.errors).toEqual([]);
    expect(report.findings.map(brief).sort()).toEqual(
      [
        // public only because PublicAssets passes Acl: PublicRead; PrivateReports (same child) passes Private
        `AWS-S3-009 ${APP}/storage/bucket.yaml:18 AWS::S3::Bucket/PublicAssets/Bucket`,
        // the child's Default (Suspended) is overridden by both direct nestings; the grandchild gets Suspended from the root
        `AWS-S3-001 ${APP}/storage/bucket.yaml:20 AWS::S3::Bucket/Data/Archive/Bucket`,
        // the SSH ingress of the JSON child, opened by the AdminCidr its parent passes
        `AWS-EC2-001 ${APP}/network.json:15 AWS::EC2::SecurityGroup/Network/AdminSecurityGroup`,
        // the parent's own group, open to the CIDR the network stack outputs (!GetAtt Network.Outputs.AdminCidr)
        `AWS-EC2-001 ${APP}/template.yaml:69 AWS::EC2::SecurityGroup/DatabaseSecurityGroup`,
      ].sort(),
    );
  });

  it('names the parameter the value came through and the nested stack resources as related locations', () => {
    const find = (id: string) => report.findings.find((f) => f.resource === id)!;
    expect(find('AWS::S3::Bucket/PublicAssets/Bucket').related.map(rel)).toEqual([
      `${APP}/template.yaml:24 value of parameter Acl passed by nested stack PublicAssets`,
      `${APP}/template.yaml:19 created through nested stack PublicAssets (${APP}/storage/bucket.yaml)`,
    ]);
    expect(find('AWS::S3::Bucket/Data/Archive/Bucket').related.map(rel)).toEqual([
      `${APP}/data/archive.yaml:18 value of parameter Versioning passed by nested stack Archive`,
      `${APP}/template.yaml:51 value of parameter ArchiveVersioning passed by nested stack Data`,
      `${APP}/template.yaml:46 created through nested stack Data (${APP}/data/archive.yaml)`,
      `${APP}/data/archive.yaml:12 created through nested stack Archive (${APP}/storage/bucket.yaml)`,
    ]);
    expect(find('AWS::EC2::SecurityGroup/Network/AdminSecurityGroup').related.map(rel)).toEqual([
      `${APP}/template.yaml:60 value of parameter AdminCidr passed by nested stack Network`,
      `${APP}/template.yaml:54 created through nested stack Network (${APP}/network.json)`,
    ]);
    expect(find('AWS::EC2::SecurityGroup/DatabaseSecurityGroup').related).toEqual([]);
  });

  it('gives the nested stack resource as a SARIF related location', () => {
    const r = palisade(['scan', APP, '--format', 'sarif', '--rule', 'AWS-S3-009']);
    const sarif = JSON.parse(r.stdout) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[]; relatedLocations?: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } }; message: { text: string } }[] }[] }[] };
    const [result] = sarif.runs[0].results;
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toContain('storage/bucket.yaml');
    expect(result.locations[0].physicalLocation.region.startLine).toBe(18);
    const related = result.relatedLocations!.map((l) => `${l.physicalLocation.artifactLocation.uri.replace(/^.*fixtures/, 'fixtures')}:${l.physicalLocation.region.startLine} ${l.message.text}`);
    expect(related).toContain(`${APP}/template.yaml:19 created through nested stack PublicAssets (${APP}/storage/bucket.yaml)`);
  });

  it('scans a child named as the target on its own, with its defaults', () => {
    const alone = scanJson([`${APP}/storage/bucket.yaml`]);
    expect(alone.errors).toEqual([]);
    expect(alone.findings.map(brief)).toEqual([`AWS-S3-001 ${APP}/storage/bucket.yaml:20 AWS::S3::Bucket/Bucket`]);
  });

  it('scans the parent alone the same way as its folder', () => {
    const parent = scanJson([`${APP}/template.yaml`]);
    expect(parent.findings.map(brief).sort()).toEqual(report.findings.map(brief).sort());
    expect(parent.findings.map((f) => f.fingerprint).sort()).toEqual(report.findings.map((f) => f.fingerprint).sort());
  });
});

describe('palisade scan on nested stacks it cannot follow', () => {
  const report = scanJson([PROBLEMS]);
  const P = `${PROBLEMS}/parent.yaml`;

  it('says why, with file and line, and scans the rest', () => {
    const diags = report.errors.map((d) => `${d.level} ${d.code} ${d.file}:${d.line}`).sort();
    expect(diags).toEqual(
      [
        `note cloudformation-nested-stack ${P}:13`, // https:// TemplateURL
        `note cloudformation-nested-stack ${P}:19`, // !Sub of a parameter without value
        `warning cloudformation-nested-stack ${P}:25`, // ./stacks/missing.yaml
        `warning cloudformation-nested-stack ${P}:31`, // ../../…/outside.yaml
        `warning cloudformation-template ${PROBLEMS}/broken.yaml:7`, // a repeated key: kept last, as CloudFormation does
        `warning cloudformation-nested-stack ${PROBLEMS}/loop-b.yaml:6`, // back to loop-a.yaml
        `note cloudformation-nested-stack ${P}:50`, // KmsKeyId of queue.yaml: not passed, no Default
        `warning cloudformation-nested-stack ${P}:52`, // Colour: queue.yaml has no such parameter
        `error yaml-syntax ${PROBLEMS}/conditional/broken-parent.yaml:8`,
        `note cloudformation-nested-stack ${PROBLEMS}/conditional/template.yaml:19`, // Scratch: Condition IsStaging false
      ].sort(),
    );
    const message = (line: number) => report.errors.find((d) => d.file === P && d.line === line)!.message;
    expect(message(13)).toBe('nested stack Shared not scanned: template not local (https://acme-templates.s3.eu-west-1.amazonaws.com/shared/v3.yaml); run the scan on the packaged source');
    expect(message(19)).toBe('nested stack Regional not scanned: template not local (TemplateURL is not known before deployment); run the scan on the packaged source');
    expect(message(25)).toBe(`nested stack Missing not scanned: template ./stacks/missing.yaml (${PROBLEMS}/stacks/missing.yaml) not found`);
    expect(message(31)).toBe('nested stack Outside not scanned: template ../../../../../../shared/outside.yaml is outside the scanned tree');
    expect(message(50)).toBe(`nested stack Partial does not pass parameter KmsKeyId of ${PROBLEMS}/queue.yaml, which has no Default: its value is unknown`);
    expect(message(52)).toBe(`nested stack Partial passes parameter Colour, which ${PROBLEMS}/queue.yaml does not declare`);
    expect(report.errors.find((d) => d.file === `${PROBLEMS}/loop-b.yaml`)!.message).toBe(
      `nested stack Back not scanned: ${PROBLEMS}/loop-a.yaml nests itself (${P} → ${PROBLEMS}/loop-a.yaml → ${PROBLEMS}/loop-b.yaml → ${PROBLEMS}/loop-a.yaml)`,
    );
    expect(report.findings.map(brief).sort()).toEqual(
      [
        `AWS-S3-001 ${P}:59 AWS::S3::Bucket/Logs`,
        // broken.yaml only repeats a key: read, the last value kept, its bucket judged through Broken
        `AWS-S3-001 ${PROBLEMS}/broken.yaml:3 AWS::S3::Bucket/Broken/Bucket`,
        // the cycle is followed once: loop-b's bucket is judged through Loop → Next
        `AWS-S3-001 ${PROBLEMS}/loop-b.yaml:11 AWS::S3::Bucket/Loop/Next/Scratch`,
        // nested stacks under conditions (see below)
        `AWS-S3-001 ${PROBLEMS}/conditional/edge.yaml:5 AWS::S3::Bucket/Edge/Assets`,
        `AWS-S3-009 ${PROBLEMS}/conditional/edge.yaml:8 AWS::S3::Bucket/Edge/Assets`,
        `AWS-S3-001 ${PROBLEMS}/conditional/orphan.yaml:5 AWS::S3::Bucket/Uploads`,
        `AWS-S3-009 ${PROBLEMS}/conditional/orphan.yaml:8 AWS::S3::Bucket/Uploads`,
      ].sort(),
    );
  });
});

interface SarifResult {
  ruleId: string;
  message: { text: string };
  partialFingerprints: Record<string, string>;
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
  relatedLocations?: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } }; message: { text: string } }[];
}
interface SarifLog {
  runs: { results: SarifResult[]; invocations: { toolExecutionNotifications?: { level: string; message: { text: string }; locations?: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] }[];
}

// ajv-draft-04 is CommonJS (see test/reporters/sarif.test.ts)
const Ajv04 = ((Ajv04Module as unknown as { default?: typeof Ajv04Module }).default ?? Ajv04Module) as typeof Ajv04Module;
const validateSarif = new Ajv04({ strict: false, allErrors: true, validateFormats: false }).compile(JSON.parse(readFileSync(new URL('../data/sarif-schema-2.1.0.json', import.meta.url), 'utf8')));

const sarifOf = (args: string[]): SarifLog => JSON.parse(palisade(['scan', ...args, '--format', 'sarif']).stdout) as SarifLog;
const uri = (u: string) => u.replace(/^.*fixtures\//, 'fixtures/');

describe('palisade scan on the same child nested twice', () => {
  const TWICE = 'fixtures/cloudformation/nested/twice';
  const report = JSON.parse(palisade(['scan', TWICE, '--format', 'json', '--rule', 'AWS-RDS-002,AWS-S3-003']).stdout) as Report & { findings: (JsonFinding & { message: string })[] };

  it('gives one finding per nesting, each with its own identity, name and parameter line', () => {
    expect(report.errors).toEqual([]);
    const rds = report.findings.filter((f) => f.ruleId === 'AWS-RDS-002');
    expect(rds.map((f) => [brief(f), f.message, f.related.map(rel)])).toEqual([
      [
        `AWS-RDS-002 ${TWICE}/db.yaml:29 AWS::RDS::DBInstance/Primary/Database`,
        'RDS instance Primary/Database keeps automated backups for 1 days; at least 7 are required.',
        [`${TWICE}/template.yaml:12 value of parameter Retention passed by nested stack Primary`, `${TWICE}/template.yaml:7 created through nested stack Primary (${TWICE}/db.yaml)`],
      ],
      [
        `AWS-RDS-002 ${TWICE}/db.yaml:29 AWS::RDS::DBInstance/Replica/Database`,
        'RDS instance Replica/Database keeps automated backups for 3 days; at least 7 are required.',
        [`${TWICE}/template.yaml:20 value of parameter Retention passed by nested stack Replica`, `${TWICE}/template.yaml:15 created through nested stack Replica (${TWICE}/db.yaml)`],
      ],
    ]);
    expect(new Set(rds.map((f) => f.fingerprint)).size).toBe(2);
  });

  it('does not take one nesting’s bucket for the other’s log target (the names differ)', () => {
    // Primary's Exports logs into itself; Replica's Exports, same logical id, logs nowhere
    expect(report.findings.filter((f) => f.ruleId === 'AWS-S3-003').map(brief)).toEqual([`AWS-S3-003 ${TWICE}/db.yaml:32 AWS::S3::Bucket/Replica/Exports`]);
  });

  it('writes valid SARIF with one result and one fingerprint per nesting', () => {
    const log = sarifOf([TWICE, '--rule', 'AWS-RDS-002']);
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
    const results = log.runs[0].results;
    expect(results.map((r) => `${uri(r.locations[0].physicalLocation.artifactLocation.uri)}:${r.locations[0].physicalLocation.region.startLine}`)).toEqual([`${TWICE}/db.yaml:29`, `${TWICE}/db.yaml:29`]);
    expect(new Set(results.map((r) => r.partialFingerprints['palisade/v1'])).size).toBe(2);
    expect(results.map((r) => r.partialFingerprints['palisade/v1']).sort()).toEqual(report.findings.filter((f) => f.ruleId === 'AWS-RDS-002').map((f) => f.fingerprint).sort());
    expect(results.map((r) => r.relatedLocations!.map((l) => `${uri(l.physicalLocation.artifactLocation.uri)}:${l.physicalLocation.region.startLine}`)[0])).toEqual([`${TWICE}/template.yaml:12`, `${TWICE}/template.yaml:20`]);
  });
});

describe('palisade scan on resources that configure another stack’s', () => {
  const CROSS = 'fixtures/cloudformation/nested/cross';
  const report = JSON.parse(palisade(['scan', CROSS, '--format', 'json', '--rule', 'AWS-EC2-001,AWS-S3-008']).stdout) as Report;

  it('folds a child’s ingress rule into the parent’s group it is passed, and a parent’s bucket policy into the child’s bucket an output names', () => {
    expect(report.errors).toEqual([]);
    expect(report.findings.map((f) => [brief(f), f.related.map(rel)])).toEqual([
      [
        `AWS-EC2-001 ${CROSS}/access.yaml:13 AWS::EC2::SecurityGroup/AppSecurityGroup`,
        [
          `${CROSS}/template.yaml:22 value of parameter GroupId passed by nested stack Access`,
          `${CROSS}/template.yaml:23 value of parameter AdminCidr passed by nested stack Access`,
          `${CROSS}/template.yaml:17 created through nested stack Access (${CROSS}/access.yaml)`,
        ],
      ],
      [`AWS-S3-008 ${CROSS}/template.yaml:37 AWS::S3::Bucket/Storage/Reports`, [`${CROSS}/template.yaml:25 created through nested stack Storage (${CROSS}/storage.yaml)`]],
    ]);
  });
});

describe('palisade scan on nested stacks under conditions', () => {
  const COND = `${PROBLEMS}/conditional`;
  const publicAcl = (r: Report) => r.findings.filter((f) => f.ruleId === 'AWS-S3-009').map(brief);
  const NOTE = `nested stack Scratch is not created (Condition IsStaging is false): ${COND}/scratch.yaml is not scanned through it; name the file to scan it on its own`;

  it('follows a stack whose condition is unknown, explains one whose condition is false, and scans the child of a parent that does not parse on its own', () => {
    const report = scanJson([COND]);
    expect(publicAcl(report)).toEqual([`AWS-S3-009 ${COND}/edge.yaml:8 AWS::S3::Bucket/Edge/Assets`, `AWS-S3-009 ${COND}/orphan.yaml:8 AWS::S3::Bucket/Uploads`]);
    expect(report.errors.map((d) => `${d.level} ${d.code} ${d.file}:${d.line} ${d.message}`)).toEqual([
      `error yaml-syntax ${COND}/broken-parent.yaml:8 Tabs are not allowed as indentation at line 8, column 1:`,
      `note cloudformation-nested-stack ${COND}/template.yaml:19 ${NOTE}`,
    ]);
  });

  it('follows the stack when the deployment’s parameters create it, without the note', () => {
    const report = scanJson([COND, '--cfn-param', 'Environment=staging']);
    expect(publicAcl(report)).toContain(`AWS-S3-009 ${COND}/scratch.yaml:8 AWS::S3::Bucket/Scratch/Scratch`);
    expect(report.errors.map((d) => d.code)).toEqual(['yaml-syntax']);
  });

  it('scans the child named as a target', () => {
    expect(publicAcl(scanJson([`${COND}/scratch.yaml`]))).toEqual([`AWS-S3-009 ${COND}/scratch.yaml:8 AWS::S3::Bucket/Scratch`]);
  });

  it('says it in text and in SARIF too', () => {
    const text = palisade(['scan', COND, ...RULES]).stdout;
    expect(text).toContain(`${COND}/template.yaml:19:5`);
    expect(text).toContain(NOTE);
    const log = sarifOf([COND, ...RULES]);
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
    const notes = log.runs[0].invocations[0].toolExecutionNotifications ?? [];
    const note = notes.find((n) => n.message.text.includes('is not created'))!;
    expect(note.level).toBe('note');
    expect(note.message.text).toContain(NOTE);
    expect(`${uri(note.locations![0].physicalLocation.artifactLocation.uri)}:${note.locations![0].physicalLocation.region.startLine}`).toBe(`${COND}/template.yaml:19`);
    expect(notes.some((n) => n.message.text.includes('Tabs are not allowed'))).toBe(true);
  });
});
