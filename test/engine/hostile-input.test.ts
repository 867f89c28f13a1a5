/**
 * Hostile and malformed input against the code paths that read beyond one file or expand one
 * construct into many: CloudFormation nested stacks (paths out of the tree, links, special
 * files, fan-out, cycles, secrets passed as parameters), `data.aws_iam_policy_document` merges,
 * and SAM expansion. The promises checked: nothing is read outside the scanned tree, nothing
 * crashes or hangs, time stays bounded, bad input is a diagnostic naming the file (and line),
 * the rest of the scan's findings are still there, no secret value reaches an output.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/scan.js';
import type { ScanResult } from '../../src/findings/types.js';
import { cliPath } from '../helpers/cli.js';

const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-hostile-')));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A file outside every scanned tree: its bucket name must never appear in a result. */
const OUTSIDE_NAME = `outside-sentinel-${process.pid}-${Date.now()}`;
const OUTSIDE_DIR = path.join(tmp, 'outside');
fs.mkdirSync(OUTSIDE_DIR);
const OUTSIDE_TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Stolen:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: ${OUTSIDE_NAME}
`;
fs.writeFileSync(path.join(OUTSIDE_DIR, 'secret.yaml'), OUTSIDE_TEMPLATE);
fs.writeFileSync(path.join(OUTSIDE_DIR, 'secret.json'), JSON.stringify({ Resources: { Stolen: { Type: 'AWS::S3::Bucket', Properties: { BucketName: OUTSIDE_NAME } } } }));

let n = 0;
/** Writes one case's files under a fresh folder of tmp; returns its absolute path. */
function tree(files: Record<string, string | Buffer>): string {
  const dir = path.join(tmp, `case${++n}`);
  fs.mkdirSync(dir, { recursive: true });
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
  }
  return dir;
}

/** A public bucket beside the hostile input: its findings must survive. */
const WITNESS = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Witness:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: witness-bucket
      AccessControl: PublicRead
`;

const CRASH_CODES = /internal-error|failure|policy-evaluation/;

async function run(dir: string, targets = ['.']): Promise<{ r: ScanResult; ms: number; text: string }> {
  const t0 = Date.now();
  const r = await scan(targets, { cwd: dir, parallel: false });
  const ms = Date.now() - t0;
  return { r, ms, text: JSON.stringify(r) };
}

function noCrash(r: ScanResult): void {
  expect(r.diagnostics.filter((d) => CRASH_CODES.test(d.code))).toEqual([]);
}

function witnessFound(r: ScanResult, file = 'witness.yaml'): void {
  expect(r.findings.some((f) => f.location?.file === file || (f as unknown as { file?: string }).file === file)).toBe(true);
}

/** Runs the built CLI with a hard time limit (a hang fails instead of blocking the suite). */
function cli(dir: string, args: string[], timeout = 20_000) {
  const t0 = Date.now();
  const p = spawnSync(process.execPath, [cliPath, 'scan', '.', ...args], { cwd: dir, encoding: 'utf8', timeout, maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', CI: 'true' } });
  return { code: p.status, signal: p.signal, stdout: p.stdout, stderr: p.stderr, ms: Date.now() - t0 };
}

function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((l) => l.includes(needle)) + 1;
}

describe('nested stacks: templates out of the tree or not readable', () => {
  const cases: [string, string][] = [
    ['relative ..', '../outside/secret.yaml'],
    ['deep relative ..', '../../../../../../../../..' + OUTSIDE_DIR + '/secret.yaml'],
    ['absolute path outside', path.join(OUTSIDE_DIR, 'secret.yaml')],
    ['/etc/passwd', '/etc/passwd'],
    ['file:// URL', `file://${OUTSIDE_DIR}/secret.yaml`],
    ['URL-encoded ..', '..%2foutside%2fsecret.yaml'],
    ['Windows ..\\', '..\\outside\\secret.yaml'],
    ['Windows drive', 'C:\\outside\\secret.yaml'],
    ['link to a file outside', './link.yaml'],
    ['through a linked folder outside', './linkdir/secret.yaml'],
    ['link loop', './loop.yaml'],
    ['folder', './adir'],
    ['missing', './missing.yaml'],
    ['empty file', './empty.yaml'],
    ['binary file', './binary.yaml'],
    ['JSON through ..', '../outside/secret.json'],
    ['NUL in path', './a\u0000.yaml'],
  ];
  for (const [label, url] of cases) {
    it(`${label}: ${JSON.stringify(url)}`, async () => {
      const parent = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Child:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ${JSON.stringify(url)}
`;
      const dir = tree({ 'parent.yaml': parent, 'witness.yaml': WITNESS, 'empty.yaml': '', 'binary.yaml': Buffer.from([0x52, 0x65, 0, 1, 2, 3, 0xff, 0xfe]), 'adir/x.txt': 'x' });
      fs.symlinkSync(path.join(OUTSIDE_DIR, 'secret.yaml'), path.join(dir, 'link.yaml'));
      fs.symlinkSync(OUTSIDE_DIR, path.join(dir, 'linkdir'));
      fs.symlinkSync('loop.yaml', path.join(dir, 'loop.yaml'));
      const { r, ms, text } = await run(dir);
      expect(ms).toBeLessThan(20_000);
      noCrash(r);
      expect(text).not.toContain(OUTSIDE_NAME);
      expect(text).not.toContain('root:x:0');
      witnessFound(r);
      // the stack that cannot be followed is reported on its TemplateURL line (an empty template is simply empty)
      if (label !== 'empty file') {
        const d = r.diagnostics.filter((x) => x.file === 'parent.yaml' && x.code === 'cloudformation-nested-stack');
        expect(d.length, JSON.stringify(r.diagnostics)).toBeGreaterThan(0);
        expect(d[0].line).toBe(lineOf(parent, 'TemplateURL'));
      }
    });
  }

  it('a FIFO named as the template does not hang the scan', () => {
    const dir = tree({ 'parent.yaml': `Resources:\n  Child:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: ./fifo.yaml\n`, 'witness.yaml': WITNESS });
    const made = spawnSync('mkfifo', [path.join(dir, 'fifo.yaml')]);
    if (made.status !== 0) return; // no mkfifo here
    const p = cli(dir, ['--format', 'json']);
    expect(p.signal, 'scan hung on a FIFO').toBeNull();
    expect([0, 1, 3]).toContain(p.code);
    const out = JSON.parse(p.stdout);
    expect(out.findings.some((f: { file: string }) => f.file === 'witness.yaml')).toBe(true);
    expect(JSON.stringify(out.errors)).toContain('parent.yaml');
  });

  it('a child over the 16 MiB file limit is not read whole', async () => {
    const head = `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Big:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: huge-child-bucket\n`;
    const pad = ('# ' + 'x'.repeat(98) + '\n').repeat(Math.ceil((17 * 1024 * 1024) / 101));
    const dir = tree({
      'parent.yaml': `Resources:\n  Child:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: ./huge.template\n`,
      'huge.template': head + pad,
      'witness.yaml': WITNESS,
    });
    const { r, ms, text } = await run(dir);
    expect(ms).toBeLessThan(20_000);
    noCrash(r);
    witnessFound(r);
    // discovery skips a file this large; reaching it through a nested stack must not lift the limit
    expect(text).not.toContain('huge-child-bucket');
    const d = r.diagnostics.filter((x) => x.file === 'parent.yaml' && x.code === 'cloudformation-nested-stack');
    expect(d.map((x) => x.line)).toContain(5);
  });
});

describe('nested stacks: fan-out and depth stay bounded', () => {
  const stacks = (count: number, url: string) =>
    `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n` +
    Array.from({ length: count }, (_, i) => `  S${i}:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: ${url}\n`).join('') +
    `  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: PublicRead\n`;

  it('50 × 50 nested instances: cut at the limit with a warning, in bounded time', async () => {
    const dir = tree({ 'parent.yaml': stacks(50, './child.yaml'), 'child.yaml': stacks(50, './grandchild.yaml'), 'grandchild.yaml': stacks(0, ''), 'witness.yaml': WITNESS });
    const heap0 = process.memoryUsage().heapUsed;
    const { r, ms } = await run(dir);
    expect(ms).toBeLessThan(20_000);
    expect(process.memoryUsage().heapUsed - heap0).toBeLessThan(1024 * 1024 * 1024);
    noCrash(r);
    witnessFound(r);
    expect(r.diagnostics.some((d) => d.code === 'cloudformation-nested-stack' && /already has 500 nested templates/.test(d.message) && d.file && d.line)).toBe(true);
    // at most 1 + 500 templates' buckets
    const buckets = r.findings.filter((f) => f.ruleId === 'AWS-S3-001' && f.location?.file !== 'witness.yaml');
    expect(buckets.length).toBeGreaterThan(0);
    expect(buckets.length).toBeLessThanOrEqual(501);
  });

  it('depth-10 chain with fan-out 2 (1,024 leaves) and a chain 12 deep', async () => {
    const files: Record<string, string> = { 'witness.yaml': WITNESS };
    for (let i = 0; i < 10; i++) files[`l${i}.yaml`] = stacks(2, `./l${i + 1}.yaml`);
    files['l10.yaml'] = stacks(0, '');
    for (let i = 0; i < 12; i++) files[`d/c${i}.yaml`] = stacks(1, `./c${i + 1}.yaml`);
    files['d/c12.yaml'] = stacks(0, '');
    const dir = tree(files);
    const { r, ms } = await run(dir);
    expect(ms).toBeLessThan(20_000);
    noCrash(r);
    witnessFound(r);
    expect(r.diagnostics.some((d) => /500 nested templates/.test(d.message) && d.line)).toBe(true);
    expect(r.diagnostics.some((d) => /deeper than 10 levels/.test(d.message) && d.file === 'd/c10.yaml' && d.line === 6)).toBe(true);
  });
});

describe('nested stacks: cycles', () => {
  it('self-nesting, A → B → A, outputs feeding the same stack, stacks feeding each other', async () => {
    const dir = tree({
      'self.yaml': `Resources:\n  Me:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: ./self.yaml\n`,
      'a.yaml': `Resources:\n  B:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: ./b.yaml\n`,
      'b.yaml': `Resources:\n  A:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: ./a.yaml\n`,
      'loop.yaml': `Resources:
  Child:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ./out.yaml
      Parameters:
        In: !GetAtt Child.Outputs.Out
  Other:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ./out.yaml
      Parameters:
        In: !Sub "\${Third.Outputs.Out}"
  Third:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ./out.yaml
      Parameters:
        In: !GetAtt Other.Outputs.Out
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !GetAtt Child.Outputs.Out
`,
      'out.yaml': `Parameters:\n  In:\n    Type: String\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Ref In\nOutputs:\n  Out:\n    Value: !Ref In\n`,
      'witness.yaml': WITNESS,
    });
    const { r, ms } = await run(dir, ['self.yaml', 'a.yaml', 'loop.yaml', 'witness.yaml']);
    expect(ms).toBeLessThan(20_000);
    noCrash(r);
    witnessFound(r);
    const nested = r.diagnostics.filter((d) => d.code === 'cloudformation-nested-stack');
    expect(nested.some((d) => d.file === 'self.yaml' && d.line === 5 && /nests itself/.test(d.message))).toBe(true);
    expect(nested.some((d) => d.file === 'b.yaml' && d.line === 5 && /a\.yaml → b\.yaml → a\.yaml/.test(d.message))).toBe(true);
  });
});

describe('nested stacks: secrets passed as parameters never reach an output', () => {
  const SECRET = 'Hunter2-Sentinel-Password-9f1c';
  const SECRET2 = 'Literal-Sentinel-Secret-77ab';
  const SECRET3 = 'Broken-Sentinel-Secret-31de';
  const files = {
    'parent.yaml': `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  DbPassword:
    Type: String
    NoEcho: true
    Default: ${SECRET}
Resources:
  Db:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ./db.yaml
      Parameters:
        Password: !Ref DbPassword
        Literal: ${SECRET2}
        Undeclared: ${SECRET2}
  Broken:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ./broken.yaml
`,
    'db.yaml': `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Password:
    Type: String
    NoEcho: true
  Literal:
    Type: String
    NoEcho: true
Resources:
  Database:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t3.micro
      MasterUsername: admin
      MasterUserPassword: !Ref Password
      PubliclyAccessible: true
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      Role: arn:aws:iam::123456789012:role/x
      Code:
        ZipFile: "pass"
      Environment:
        Variables:
          DB_PASSWORD: !Ref Password
          API_SECRET: !Ref Literal
  Cache:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties:
      ReplicationGroupDescription: x
      AuthToken: !Ref Literal
`,
    'broken.yaml': `Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MasterUserPassword: "${SECRET3}\n      Other: [\n`,
    'witness.yaml': WITNESS,
  };

  it('in JSON, SARIF and text', () => {
    const dir = tree(files);
    for (const format of ['json', 'sarif', 'text']) {
      const p = cli(dir, ['--format', format]);
      expect(p.signal).toBeNull();
      expect([0, 1, 3]).toContain(p.code);
      const all = p.stdout + p.stderr;
      expect(all).toContain('witness');
      for (const s of [SECRET, SECRET2, SECRET3]) expect(all, `${format} output holds ${s}`).not.toContain(s);
    }
  });
});

describe('aws_iam_policy_document: hostile merges', () => {
  const witness = `resource "aws_s3_bucket" "witness" {\n  bucket = "tf-witness"\n}\n`;
  const tfWitness = (r: ScanResult) => expect(r.findings.some((f) => f.resource === 'aws_s3_bucket.witness')).toBe(true);

  it('1,000 source documents and 1,000 overrides merge in bounded time', async () => {
    const dir = tree({
      'main.tf': `${witness}
data "aws_iam_policy_document" "many" {
  source_policy_documents = [for i in range(1000) : jsonencode({ Statement = [{ Sid = "s\${i}", Effect = "Allow", Action = "s3:GetObject", Resource = "*" }] })]
  override_policy_documents = [for i in range(1000) : jsonencode({ Statement = [{ Sid = "s\${i * 7 % 1000}", Effect = "Allow", Action = "*", Resource = "*" }, { Effect = "Allow", Action = "s3:PutObject", Resource = "*" }] })]
  statement {
    sid       = "own"
    actions   = ["s3:ListBucket"]
    resources = ["*"]
  }
}
resource "aws_iam_policy" "many" {
  name   = "many"
  policy = data.aws_iam_policy_document.many.json
}
`,
    });
    const { r, ms } = await run(dir);
    expect(ms).toBeLessThan(20_000);
    noCrash(r);
    tfWitness(r);
    expect(r.findings.some((f) => f.resource === 'aws_iam_policy.many' && f.ruleId === 'AWS-IAM-001')).toBe(true);
  });

  it('documents that are not JSON, a Statement object, odd Sids, deep JSON, a data-source cycle', async () => {
    const deep = '['.repeat(20000) + ']'.repeat(20000);
    const deepObj = 'x = '.concat('{ a = '.repeat(150), '1', ' }'.repeat(150));
    const dir = tree({
      'main.tf': `${witness}
locals {
  deep = "${deep}"
  ${deepObj}
}
data "aws_iam_policy_document" "notjson" {
  source_policy_documents   = ["not json", "{", "42", "null", "[]", local.deep]
}
data "aws_iam_policy_document" "object_statement" {
  source_policy_documents = [jsonencode({ Statement = { Effect = "Allow", Action = "*", Resource = "*" } })]
}
data "aws_iam_policy_document" "sids" {
  source_policy_documents = [jsonencode({ Statement = [{ Sid = 1, Effect = "Allow", Action = "*", Resource = "*" }, { Sid = null, Effect = "Allow", Action = "*", Resource = "*" }] })]
  override_policy_documents = [jsonencode({ Statement = [{ Sid = timestamp(), Effect = "Allow", Action = "*", Resource = "*" }] })]
  statement {
    sid       = null
    actions   = ["*"]
    resources = ["*"]
  }
  statement {
    sid       = 5
    actions   = ["*"]
    resources = ["*"]
  }
}
data "aws_iam_policy_document" "deep" {
  source_policy_documents = [jsonencode({ Statement = [{ Effect = "Allow", Action = "*", Resource = "*", Condition = { StringEquals = { "aws:x" = local.x } } }] })]
}
data "aws_iam_policy_document" "a" {
  override_policy_documents = [data.aws_iam_policy_document.b.json]
}
data "aws_iam_policy_document" "b" {
  source_policy_documents = [data.aws_iam_policy_document.a.json]
}
data "aws_iam_policy_document" "self" {
  override_policy_documents = [data.aws_iam_policy_document.self.json]
}
resource "aws_iam_policy" "p" {
  for_each = {
    notjson = data.aws_iam_policy_document.notjson.json
    object  = data.aws_iam_policy_document.object_statement.json
    sids    = data.aws_iam_policy_document.sids.json
    deep    = data.aws_iam_policy_document.deep.json
    a       = data.aws_iam_policy_document.a.json
    self    = data.aws_iam_policy_document.self.json
  }
  name   = each.key
  policy = each.value
}
`,
    });
    const { r, ms } = await run(dir);
    expect(ms).toBeLessThan(20_000);
    noCrash(r);
    tfWitness(r);
  });

  it('a condition test or principal type named __proto__ does not reach Object.prototype', async () => {
    const dir = tree({
      'main.tf': `${witness}
data "aws_iam_policy_document" "proto" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["*"]
    condition {
      test     = "__proto__"
      variable = "pwnedByCondition"
      values   = ["x"]
    }
    principals {
      type        = "__proto__"
      identifiers = ["arn:aws:iam::123456789012:root"]
    }
  }
}
data "aws_iam_policy_document" "proto_json" {
  source_policy_documents = [<<-EOT
    {"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*",
      "Principal": {"__proto__": ["arn:aws:iam::123456789012:root"]},
      "Condition": {"__proto__": {"pwnedByJson": "x"}, "StringEquals": {"__proto__": ["y"]}}}]}
  EOT
  ]
}
resource "aws_iam_policy" "proto" {
  name   = "proto"
  policy = data.aws_iam_policy_document.proto.json
}
resource "aws_iam_policy" "proto_json" {
  name   = "proto_json"
  policy = data.aws_iam_policy_document.proto_json.json
}
`,
    });
    const { r } = await run(dir);
    expect(({} as Record<string, unknown>).pwnedByCondition).toBeUndefined();
    expect(({} as Record<string, unknown>).pwnedByJson).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'pwnedByCondition')).toBe(false);
    noCrash(r);
    tfWitness(r);
    // the JSON document's "*" action on "*" is still seen
    expect(r.findings.some((f) => f.resource === 'aws_iam_policy.proto_json' && f.ruleId === 'AWS-IAM-001')).toBe(true);
  });
});

describe('SAM: malformed sections and size', () => {
  const head = `AWSTemplateFormatVersion: "2010-09-09"\nTransform: AWS::Serverless-2016-10-31\n`;

  it('Events a list, event Properties a string, Policies a number, Globals a list', async () => {
    const bad = `${head}Globals:
  - Function:
      Timeout: 3
Resources:
  ListEvents:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      CodeUri: ./src
      Events:
        - Type: SQS
          Properties:
            Queue: arn:aws:sqs:eu-west-1:123456789012:q
  StringProps:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      CodeUri: ./src
      Policies: 42
      Events:
        Stream:
          Type: Kinesis
          Properties: "not a map"
        Null:
          Type: DynamoDB
          Properties:
        Weird: 7
  NullProps:
    Type: AWS::Serverless::Function
    Properties:
  Machine:
    Type: AWS::Serverless::StateMachine
    Properties:
      Definition: "nope"
      Policies: [1, null, { Statement: 3 }]
      Events: "nope"
  Layer:
    Type: AWS::Serverless::LayerVersion
    Properties: []
  Api:
    Type: AWS::Serverless::Api
    Properties: 5
`;
    const dir = tree({ 'sam.yaml': bad, 'witness.yaml': WITNESS });
    const { r, ms } = await run(dir);
    expect(ms).toBeLessThan(20_000);
    noCrash(r);
    witnessFound(r);
    const p = cli(dir, ['--format', 'json']);
    expect([0, 1, 3]).toContain(p.code);
    expect(p.stderr).not.toMatch(/TypeError|RangeError|at .*\.js:\d+/);
    // each malformed section is a diagnostic on its own line
    const at = (message: RegExp) => r.diagnostics.filter((d) => d.file === 'sam.yaml' && message.test(d.message)).map((d) => d.line);
    expect(at(/^Globals must be a mapping/)).toEqual([lineOf(bad, 'Globals:')]);
    expect(at(/^Events of ListEvents must be a mapping/)).toEqual([lineOf(bad, '      Events:')]);
    expect(at(/^Properties of event Stream of StringProps/)).toEqual([lineOf(bad, 'Properties: "not a map"')]);
    expect(at(/^event Weird of StringProps/)).toEqual([lineOf(bad, 'Weird: 7')]);
    expect(at(/^Policies of StringProps/)).toEqual([lineOf(bad, 'Policies: 42')]);
    expect(at(/^Events of Machine/)).toEqual([lineOf(bad, 'Events: "nope"')]);
  });

  it('5,000 functions in one template', async () => {
    const fns = Array.from(
      { length: 5000 },
      (_, i) => `  Fn${i}:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      CodeUri: ./src
      Events:
        Queue:
          Type: SQS
          Properties:
            Queue: arn:aws:sqs:eu-west-1:123456789012:q${i}
`,
    ).join('');
    const dir = tree({ 'sam.yaml': `${head}Globals:\n  Function:\n    Timeout: 30\nResources:\n${fns}`, 'witness.yaml': WITNESS });
    const { r, ms } = await run(dir);
    expect(ms).toBeLessThan(20_000);
    noCrash(r);
    witnessFound(r);
    expect(r.summary.resourcesEvaluated).toBeGreaterThanOrEqual(5000);
  }, 60_000);
});

describe('parameter names that Object.prototype also has', () => {
  const template = (extra = '') => `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  constructor:
    Type: String
    Default: from-default
  toString:
    Type: String
${extra}Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub "\${constructor}-\${toString}"
`;

  it('take their own values: the default, --cfn-param, or what a parent stack passes', async () => {
    const dir = tree({
      'alone.yaml': template(),
      'parent.yaml': `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Child:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ./child/t.yaml
      Parameters:
        toString: passed
`,
      'child/t.yaml': template(),
    });
    const names = (r: ScanResult) => [...new Set(r.findings.filter((f) => f.ruleId === 'AWS-S3-001').map((f) => f.message.split(' ')[2]))].sort();
    // toString has no default and nothing passes it in alone.yaml: unknown, so the name is unknown
    const alone = await scan(['alone.yaml'], { cwd: dir, parallel: false });
    noCrash(alone);
    expect(alone.findings.filter((f) => f.ruleId === 'AWS-S3-001').map((f) => f.message)).toEqual([expect.not.stringContaining('function')]);
    const given = await scan(['alone.yaml'], { cwd: dir, parallel: false, unit: { cloudformation: { parameters: { toString: 'cli' } } } });
    expect(names(given)).toEqual(['from-default-cli']);
    const nested = await scan(['parent.yaml'], { cwd: dir, parallel: false });
    noCrash(nested);
    expect(names(nested)).toEqual(['from-default-passed']);
    expect(JSON.stringify([alone, given, nested].map((r) => r.findings))).not.toMatch(/native code|function Object/);
  });
});
