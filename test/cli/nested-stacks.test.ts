/**
 * CloudFormation nested stacks scanned from the user's side: what a child template creates is
 * judged with the parameter values its parent passes, findings point at the child's lines with
 * the nested stack resource as a related location, and a child is not scanned again on its own.
 */
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
        `error yaml-syntax ${PROBLEMS}/broken.yaml:7`,
        `warning cloudformation-nested-stack ${PROBLEMS}/loop-b.yaml:6`, // back to loop-a.yaml
        `note cloudformation-nested-stack ${P}:50`, // KmsKeyId of queue.yaml: not passed, no Default
        `warning cloudformation-nested-stack ${P}:52`, // Colour: queue.yaml has no such parameter
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
        // the cycle is followed once: loop-b's bucket is judged through Loop → Next
        `AWS-S3-001 ${PROBLEMS}/loop-b.yaml:11 AWS::S3::Bucket/Loop/Next/Scratch`,
      ].sort(),
    );
  });
});
