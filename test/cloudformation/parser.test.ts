import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { palisade } from '../helpers/cli.js';
import type { Diagnostic } from '../../src/model/diagnostics.js';
import { entry, loadTemplate, looksLikeCloudFormation, toPlain, type CfnNode } from '../../src/parse/cloudformation/load.js';

function load(text: string, file = 't.yaml') {
  const diagnostics: Diagnostic[] = [];
  const t = loadTemplate(text, file, diagnostics);
  return { t, diagnostics };
}

function props(text: string): Record<string, unknown> {
  const { t, diagnostics } = load(`Resources:\n  R:\n    Type: AWS::S3::Bucket\n    Properties:\n${text}`);
  expect(diagnostics).toEqual([]);
  const r = entry(entry(t!.root, 'Resources')!.value, 'R')!.value;
  return toPlain(entry(r, 'Properties')!.value) as Record<string, unknown>;
}

describe('CloudFormation short-form tags', () => {
  it('rewrites every tag to its long form (scalar, sequence and mapping forms)', () => {
    const p = props(
      [
        '      A: !Ref X',
        '      B: !Sub "x-${Y}"',
        '      C: !Sub ["x-${Z}", {Z: !Ref X}]',
        '      D: !GetAtt Res.Attr',
        '      E: !GetAtt [Res, Attr]',
        '      F: !GetAtt Res.Nested.Attr',
        '      G: !Join ["-", [a, b]]',
        '      H: !If [Cond, a, b]',
        '      I: !Equals [a, b]',
        '      J: !FindInMap [M, k1, k2]',
        '      K: !Select [0, [a, b]]',
        '      L: !Split [",", "a,b"]',
        '      M: !Base64 text',
        '      N: !ImportValue shared-vpc',
        '      O: !GetAZs ""',
        '      P: !Not [!Condition C1]',
        '      Q: !And [!Condition C1, !Condition C2]',
        '      R: !Or [!Condition C1, !Condition C2]',
        '      S: !Condition C1',
        '      T: !Cidr ["10.0.0.0/16", 4, 8]',
        '      U: !Transform {Name: AWS::Include, Parameters: {Location: s3://x}}',
        '      V: !Base64',
        '        Fn::Sub: "#!/bin/bash"',
      ].join('\n') + '\n',
    );
    expect(p).toEqual({
      A: { Ref: 'X' },
      B: { 'Fn::Sub': 'x-${Y}' },
      C: { 'Fn::Sub': ['x-${Z}', { Z: { Ref: 'X' } }] },
      D: { 'Fn::GetAtt': ['Res', 'Attr'] },
      E: { 'Fn::GetAtt': ['Res', 'Attr'] },
      F: { 'Fn::GetAtt': ['Res', 'Nested.Attr'] },
      G: { 'Fn::Join': ['-', ['a', 'b']] },
      H: { 'Fn::If': ['Cond', 'a', 'b'] },
      I: { 'Fn::Equals': ['a', 'b'] },
      J: { 'Fn::FindInMap': ['M', 'k1', 'k2'] },
      K: { 'Fn::Select': [0, ['a', 'b']] },
      L: { 'Fn::Split': [',', 'a,b'] },
      M: { 'Fn::Base64': 'text' },
      N: { 'Fn::ImportValue': 'shared-vpc' },
      O: { 'Fn::GetAZs': '' },
      P: { 'Fn::Not': [{ Condition: 'C1' }] },
      Q: { 'Fn::And': [{ Condition: 'C1' }, { Condition: 'C2' }] },
      R: { 'Fn::Or': [{ Condition: 'C1' }, { Condition: 'C2' }] },
      S: { Condition: 'C1' },
      T: { 'Fn::Cidr': ['10.0.0.0/16', 4, 8] },
      U: { 'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: 's3://x' } } },
      V: { 'Fn::Base64': { 'Fn::Sub': '#!/bin/bash' } },
    });
  });

  it('warns about an unknown tag and keeps its plain value', () => {
    const { t, diagnostics } = load('Resources:\n  R:\n    Type: AWS::S3::Bucket\n    Properties:\n      A: !Bogus x\n');
    expect(t).toBeDefined();
    expect(diagnostics).toMatchObject([{ level: 'warning', line: 5 }]);
  });
});

describe('positions', () => {
  it('records key-to-value ranges (1-based lines and columns)', () => {
    const { t } = load('AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Logs:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Ref Name\n');
    const logs = entry(entry(t!.root, 'Resources')!.value, 'Logs')!;
    expect(logs.range.start).toMatchObject({ line: 3, column: 3 });
    expect(logs.range.end.line).toBe(6);
    const bn = entry(entry(logs.value, 'Properties')!.value, 'BucketName')!;
    expect(bn.range.start).toMatchObject({ line: 6, column: 7 });
    expect(bn.range.end).toMatchObject({ line: 6, column: 28 });
  });

  it('gives JSON templates positions too', () => {
    const { t } = load('{\n  "Resources": {\n    "Logs": {\n      "Type": "AWS::S3::Bucket",\n      "Properties": { "BucketName": "x" }\n    }\n  }\n}\n', 't.json');
    const logs = entry(entry(t!.root, 'Resources')!.value, 'Logs')!;
    expect(logs.keyRange.start).toMatchObject({ line: 3, column: 5 });
    const bn = entry(entry(logs.value, 'Properties')!.value, 'BucketName')!;
    expect(bn.range.start).toMatchObject({ line: 5, column: 23 });
  });

  it('keeps an alias at the place it is used', () => {
    const { t } = load('Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties: &p\n      BucketName: x\n  B:\n    Type: AWS::S3::Bucket\n    Properties: *p\n');
    const b = entry(entry(t!.root, 'Resources')!.value, 'B')!;
    const p = entry(b.value, 'Properties')!.value as CfnNode;
    expect(p.range.start.line).toBe(8);
    expect(toPlain(p)).toEqual({ BucketName: 'x' });
  });
});

describe('malformed templates', () => {
  it('reports YAML syntax errors with line and column', () => {
    const { t, diagnostics } = load('Resources:\n  R:\n    Type: AWS::S3::Bucket\n    Properties: {BucketName: x\n');
    expect(t).toBeUndefined();
    expect(diagnostics[0]).toMatchObject({ level: 'error', code: 'yaml-syntax', file: 't.yaml' });
    expect(diagnostics[0].line).toBeGreaterThanOrEqual(4);
    expect(diagnostics[0].column).toBeGreaterThan(0);
  });

  it('keeps the last of a repeated key, at its own range, with a warning at each repeat', () => {
    const text = 'Resources:\n  R:\n    Type: AWS::S3::Bucket\n    Properties: {A: 1, A: 2}\n  R:\n    Type: AWS::SQS::Queue\n  R:\n    Type: AWS::SNS::Topic\n';
    const { t, diagnostics } = load(text);
    const warn = (key: string, line: number, column: number) =>
      ({ level: 'warning', code: 'cloudformation-template', message: `duplicate key "${key}": CloudFormation keeps the last one`, file: 't.yaml', line, column });
    // the first R (with its own repeat) is read, warned about, then replaced
    expect(diagnostics).toEqual([warn('A', 4, 24), warn('R', 5, 3), warn('R', 7, 3)]);
    const resources = entry(t!.root, 'Resources')!.value;
    expect(toPlain(resources)).toEqual({ R: { Type: 'AWS::SNS::Topic' } });
    expect(entry(resources, 'R')!.keyRange.start).toMatchObject({ line: 7, column: 3 });
  });

  it('warns once for a repeat inside an anchored mapping, however often it is aliased', () => {
    const { t, diagnostics } = load('Resources:\n  R: &r\n    Type: AWS::S3::Bucket\n    Type: AWS::SQS::Queue\n  S: *r\n  U: *r\n');
    expect(diagnostics.map((d) => [d.message, d.line])).toEqual([['duplicate key "Type": CloudFormation keeps the last one', 4]]);
    expect(toPlain(entry(t!.root, 'Resources')!.value)).toEqual({ R: { Type: 'AWS::SQS::Queue' }, S: { Type: 'AWS::SQS::Queue' }, U: { Type: 'AWS::SQS::Queue' } });
  });

  it('reports JSON syntax errors with line and column', () => {
    const { t, diagnostics } = load('{\n  "Resources": {\n    "R": { "Type": "AWS::S3::Bucket", }\n  }\n}\n', 't.json');
    expect(t).toBeUndefined();
    expect(diagnostics[0]).toMatchObject({ level: 'error', code: 'json-syntax', file: 't.json', line: 3 });
    expect(diagnostics[0].column).toBeGreaterThan(30);
  });

  it('refuses alias bombs', () => {
    const bomb = [
      'AWSTemplateFormatVersion: "2010-09-09"',
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'f: [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
      'Resources: {}',
    ].join('\n');
    const { t, diagnostics } = load(bomb);
    expect(t).toBeUndefined();
    expect(diagnostics[0]).toMatchObject({ level: 'error', code: 'yaml-alias-limit', line: 1, column: 1 });
  });

  it('reports a template that is not a mapping', () => {
    const { t, diagnostics } = load('- a\n- b\n');
    expect(t).toBeUndefined();
    expect(diagnostics[0]).toMatchObject({ code: 'cloudformation-template', line: 1, column: 1 });
  });
});

describe('detection', () => {
  it('recognises templates by version or by AWS resource types', () => {
    expect(looksLikeCloudFormation('AWSTemplateFormatVersion: "2010-09-09"\n')).toBe(true);
    expect(looksLikeCloudFormation('Resources:\n  B:\n    Type: AWS::S3::Bucket\n')).toBe(true);
    expect(looksLikeCloudFormation('{"Resources": {"B": {"Type": "AWS::S3::Bucket"}}}')).toBe(true);
    expect(looksLikeCloudFormation('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n')).toBe(false);
    expect(looksLikeCloudFormation('resources:\n  limits:\n    cpu: 1\n')).toBe(false);
  });
});

describe('a template with repeated keys, scanned from the CLI (aws-samples/serverless-patterns had such templates)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-cfndup-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  for (const f of ['duplicate-keys.yaml', 'duplicate-keys.json']) fs.writeFileSync(path.join(dir, f), TEMPLATES[f]);
  const r = palisade(['scan', '.', '--format', 'json'], { cwd: dir });
  const report = JSON.parse(r.stdout) as {
    findings: { ruleId: string; file: string; startLine: number }[];
    errors: { level: string; code: string; message: string; file: string; line: number; column: number }[];
  };

  it.each([
    // the open group is the second BastionSG: its ingress rule's line
    ['duplicate-keys.yaml', [3, 1], [14, 3], 19],
    ['duplicate-keys.json', [4, 3], [13, 5], 17],
  ] as const)('%s: warnings at each repeat, and the kept resource scanned', (file, desc, res, ingressLine) => {
    expect(report.errors.filter((e) => e.file === file).map(({ level, message, line, column }) => [level, message, line, column])).toEqual([
      ['warning', 'duplicate key "Description": CloudFormation keeps the last one', ...desc],
      ['warning', 'duplicate key "BastionSG": CloudFormation keeps the last one', ...res],
    ]);
    const ssh = report.findings.filter((f) => f.file === file && f.ruleId === 'AWS-EC2-001');
    expect(ssh.map((f) => f.startLine)).toEqual([ingressLine]);
  });

  it('exits 1 for the findings, the warnings being no scan errors', () => {
    expect(r.code).toBe(1);
    expect(report.errors.filter((e) => e.level === 'error')).toEqual([]);
  });
});

/** The repro: a repeated Description, and a repeated resource whose last copy opens SSH to the world. */
const TEMPLATES: Record<string, string> = {
  'duplicate-keys.yaml': "AWSTemplateFormatVersion: \"2010-09-09\"\nDescription: First description\nDescription: Second description, the one CloudFormation keeps\nResources:\n  BastionSG:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: Bastion, internal only\n      SecurityGroupIngress:\n        - IpProtocol: tcp\n          FromPort: 22\n          ToPort: 22\n          CidrIp: 10.0.0.0/8\n  BastionSG:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: Bastion\n      SecurityGroupIngress:\n        - IpProtocol: tcp\n          FromPort: 22\n          ToPort: 22\n          CidrIp: 0.0.0.0/0\n",
  'duplicate-keys.json': "{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\",\n  \"Description\": \"First description\",\n  \"Description\": \"Second description, the one CloudFormation keeps\",\n  \"Resources\": {\n    \"BastionSG\": {\n      \"Type\": \"AWS::EC2::SecurityGroup\",\n      \"Properties\": {\n        \"GroupDescription\": \"Bastion, internal only\",\n        \"SecurityGroupIngress\": [{ \"IpProtocol\": \"tcp\", \"FromPort\": 22, \"ToPort\": 22, \"CidrIp\": \"10.0.0.0/8\" }]\n      }\n    },\n    \"BastionSG\": {\n      \"Type\": \"AWS::EC2::SecurityGroup\",\n      \"Properties\": {\n        \"GroupDescription\": \"Bastion\",\n        \"SecurityGroupIngress\": [{ \"IpProtocol\": \"tcp\", \"FromPort\": 22, \"ToPort\": 22, \"CidrIp\": \"0.0.0.0/0\" }]\n      }\n    }\n  }\n}\n",
};
