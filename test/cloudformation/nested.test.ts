/**
 * Nested stacks with local templates: the child is adapted into the parent's model with the
 * parameter values the parent passes (defaults otherwise, unknown without one), under ids and
 * identities that name the stack path; conditions, outputs, SAM applications, cycles, depth,
 * templates out of reach and suppressions.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { processUnit } from '../../src/engine/process-unit.js';
import { scan } from '../../src/engine/scan.js';
import { UNKNOWN, type ModelObject } from '../../src/model/model.js';
import { MAX_NESTING_DEPTH, nestedTemplatePath, parameterRefs } from '../../src/adapt/cloudformation/nested.js';
import { loadTemplate, entry } from '../../src/parse/cloudformation/load.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-nested-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

let n = 0;
/** Writes the files of one case under a fresh folder; returns that folder (relative to tmp). */
function tree(files: Record<string, string>): string {
  const dir = `case${++n}`;
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(tmp, dir, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
  }
  return dir;
}

function adapt(dir: string, file = 'parent.yaml') {
  const rel = `${dir}/${file}`;
  return processUnit({ kind: 'manifest', id: rel, files: [rel] }, tmp);
}

type Result = ReturnType<typeof adapt>;
const pick = (r: Result, service: string, collection: string): ModelObject[] => ((r.model.aws[service] ?? {}) as Record<string, ModelObject[]>)[collection] ?? [];
const buckets = (r: Result) => pick(r, 's3', 'buckets');
const entryOf = (r: Result, id: string) => r.sourceMap.find((e) => e.id === id)!;

const BUCKET = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Acl:
    Type: String
    Default: Private
  Versioning:
    Type: String
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: !Ref Acl
      VersioningConfiguration:
        Status: !Ref Versioning
Outputs:
  Name:
    Value: !Ref Bucket
  Acl:
    Value: !Sub "\${Acl}"
`;

describe('nested stack parameters', () => {
  it('evaluates the Parameters in the parent: parameters, intrinsics, resource attributes unknown', () => {
    const dir = tree({
      'bucket.yaml': BUCKET,
      'parent.yaml': `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Mode:
    Type: String
    Default: Suspended
Mappings:
  Acls:
    public: { Value: PublicRead }
Resources:
  Key:
    Type: AWS::KMS::Key
  Literal:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ./bucket.yaml
      Parameters:
        Acl: !FindInMap [Acls, public, Value]
        Versioning: !Ref Mode
  FromResource:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: bucket.yaml
      Parameters:
        Acl: !GetAtt Key.Arn
        Versioning: !Sub "\${Mode}"
`,
    });
    const r = adapt(dir);
    expect(r.diagnostics).toEqual([]);
    const [literal, fromResource] = buckets(r);
    expect(literal).toMatchObject({ id: `${dir}/parent.yaml#Literal/Bucket`, acl: 'public-read', versioning: { enabled: false } });
    expect(fromResource).toMatchObject({ id: `${dir}/parent.yaml#FromResource/Bucket`, acl: UNKNOWN, versioning: { enabled: false } });
    expect(entryOf(r, `${dir}/parent.yaml#Literal/Bucket`)).toMatchObject({ identity: 'AWS::S3::Bucket/Literal/Bucket', resourceType: 'AWS::S3::Bucket', location: { file: `${dir}/bucket.yaml` }, scope: `${dir}/parent.yaml` });
  });

  it('gives a parameter not passed its Default, and none an unknown value with a note', () => {
    const dir = tree({
      'bucket.yaml': BUCKET,
      'parent.yaml': `Resources:
  Store:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ./bucket.yaml
`,
    });
    const r = adapt(dir);
    expect(buckets(r)[0]).toMatchObject({ acl: 'private', versioning: { enabled: UNKNOWN } });
    expect(r.diagnostics).toEqual([
      { level: 'note', code: 'cloudformation-nested-stack', message: `nested stack Store does not pass parameter Versioning of ${dir}/bucket.yaml, which has no Default: its value is unknown`, file: `${dir}/parent.yaml`, line: 5, column: 7 },
    ]);
  });

  it('makes every parameter unknown, defaults too, when the Parameters mapping is', () => {
    const dir = tree({
      'bucket.yaml': BUCKET,
      'parent.yaml': `Conditions:
  InUsEast1: !Equals [!Ref AWS::Region, us-east-1]
Resources:
  Store:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ./bucket.yaml
      Parameters: !If [InUsEast1, { Acl: PublicRead, Versioning: Enabled }, { Versioning: Enabled }]
`,
    });
    const r = adapt(dir);
    expect(r.diagnostics).toEqual([]);
    expect(buckets(r)[0]).toMatchObject({ acl: UNKNOWN, versioning: { enabled: UNKNOWN } });
  });

  it('drops a parameter whose value is AWS::NoValue (the Default applies) and warns of one the child does not declare', () => {
    const dir = tree({
      'bucket.yaml': BUCKET,
      'parent.yaml': `Resources:
  Store:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ./bucket.yaml
      Parameters:
        Acl: !Ref AWS::NoValue
        Versioning: Enabled
        Colour: blue
`,
    });
    const r = adapt(dir);
    expect(buckets(r)[0]).toMatchObject({ acl: 'private', versioning: { enabled: true } });
    expect(r.diagnostics).toEqual([expect.objectContaining({ level: 'warning', line: 9, message: `nested stack Store passes parameter Colour, which ${dir}/bucket.yaml does not declare` })]);
  });

  it('relates a field to the Parameters entry that set it, through every level', () => {
    const dir = tree({
      'bucket.yaml': BUCKET,
      'mid.yaml': `Parameters:
  MidAcl:
    Type: String
Resources:
  Inner:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ./bucket.yaml
      Parameters:
        Acl: !Sub "\${MidAcl}"
        Versioning: Enabled
`,
      'parent.yaml': `Resources:
  Outer:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ./mid.yaml
      Parameters:
        MidAcl: PublicRead
`,
    });
    const r = adapt(dir);
    expect(r.diagnostics).toEqual([]);
    const e = entryOf(r, `${dir}/parent.yaml#Outer/Inner/Bucket`);
    expect(e.identity).toBe('AWS::S3::Bucket/Outer/Inner/Bucket');
    expect(e.related!.acl.map((x) => `${x.file}:${x.start.line} ${x.message}`)).toEqual([
      `${dir}/mid.yaml:10 value of parameter Acl passed by nested stack Inner`,
      `${dir}/parent.yaml:7 value of parameter MidAcl passed by nested stack Outer`,
    ]);
    // versioning came from a literal in mid.yaml: related, but not to the outer stack
    expect(e.related!['versioning.enabled'].map((x) => `${x.file}:${x.start.line}`)).toEqual([`${dir}/mid.yaml:11`]);
    expect(e.via!.map((x) => `${x.file}:${x.start.line} ${x.message}`)).toEqual([
      `${dir}/parent.yaml:2 created through nested stack Outer (${dir}/mid.yaml)`,
      `${dir}/mid.yaml:5 created through nested stack Inner (${dir}/bucket.yaml)`,
    ]);
  });

  it('finds parameter references in Ref and Sub (not in Sub variables of the same name)', () => {
    const t = loadTemplate(`V:
  - !Ref A
  - !Sub "\${B}-\${!C}-\${D}"
  - !Sub ["\${E}", { E: !Ref F }]
`, 't.yaml', [])!;
    const names = parameterRefs(entry(t.root, 'V')!.value, (x) => 'ABCDEF'.includes(x)).map((r) => r.name);
    expect(names).toEqual(['A', 'B', 'D', 'F']);
  });
});

describe('nested stack resources and identities', () => {
  it('gives the same child nested twice two objects, and nothing for a stack whose Condition is false', () => {
    const dir = tree({
      'bucket.yaml': BUCKET,
      'parent.yaml': `Parameters:
  Env:
    Type: String
    Default: prod
Conditions:
  IsDev: !Equals [!Ref Env, dev]
  InUsEast1: !Equals [!Ref AWS::Region, us-east-1]
Resources:
  A:
    Type: AWS::CloudFormation::Stack
    Properties: { TemplateURL: ./bucket.yaml, Parameters: { Versioning: Enabled } }
  B:
    Type: AWS::CloudFormation::Stack
    Properties: { TemplateURL: ./bucket.yaml, Parameters: { Versioning: Suspended } }
  Dev:
    Type: AWS::CloudFormation::Stack
    Condition: IsDev
    Properties: { TemplateURL: ./bucket.yaml, Parameters: { Versioning: Suspended } }
  Maybe:
    Type: AWS::CloudFormation::Stack
    Condition: InUsEast1
    Properties: { TemplateURL: ./bucket.yaml, Parameters: { Versioning: Suspended } }
`,
    });
    const r = adapt(dir);
    expect(r.diagnostics).toEqual([]);
    // an unknown condition keeps the stack, as it keeps any resource
    expect(buckets(r).map((b) => [b.id, (b.versioning as { enabled: unknown }).enabled])).toEqual([
      [`${dir}/parent.yaml#A/Bucket`, true],
      [`${dir}/parent.yaml#B/Bucket`, false],
      [`${dir}/parent.yaml#Maybe/Bucket`, false],
    ]);
    expect(new Set(r.sourceMap.map((e) => e.identity)).size).toBe(3);
  });

  it('reads JSON children, YAML children of JSON parents, and folds within the child', () => {
    const dir = tree({
      'net/sg.json': JSON.stringify(
        {
          Parameters: { Cidr: { Type: 'String' } },
          Resources: {
            Group: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'web' } },
            Ssh: { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: { Ref: 'Group' }, IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: { Ref: 'Cidr' } } },
          },
        },
        null,
        2,
      ),
      'parent.json': JSON.stringify({ Resources: { Net: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: 'net/sg.json', Parameters: { Cidr: '0.0.0.0/0' } } } } }, null, 2),
    });
    const r = adapt(dir, 'parent.json');
    expect(r.diagnostics).toEqual([]);
    const [sg] = pick(r, 'ec2', 'security_groups');
    expect(sg.id).toBe(`${dir}/parent.json#Net/Group`);
    expect(sg.ingress).toEqual([expect.objectContaining({ from_port: 22, cidr_blocks: ['0.0.0.0/0'] })]);
  });

  it('applies inline suppressions of the nested stack resource to what it creates', () => {
    const dir = tree({
      'bucket.yaml': BUCKET.replace('  Bucket:\n', '  # palisade:ignore AWS-S3-003 access logs go to the central account\n  Bucket:\n'),
      'parent.yaml': `Resources:
  # palisade:ignore AWS-S3-001 scratch data
  Scratch:
    Type: AWS::CloudFormation::Stack
    Properties: { TemplateURL: ./bucket.yaml, Parameters: { Versioning: Suspended } }
`,
    });
    const r = adapt(dir);
    expect(r.diagnostics).toEqual([]);
    expect(r.sourceMap[0].suppressions).toEqual({ 'AWS-S3-001': 'scratch data', 'AWS-S3-003': 'access logs go to the central account' });
  });

  it('expands a SAM child, under the stack path', () => {
    const dir = tree({
      'fn/template.yaml': `Transform: AWS::Serverless-2016-10-31
Parameters:
  Runtime:
    Type: String
Resources:
  Handler:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: !Ref Runtime
      Handler: app.handler
      CodeUri: ./src
Outputs:
  RoleArn:
    Value: !GetAtt HandlerRole.Arn
`,
      'parent.yaml': `Resources:
  Api:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ./fn/template.yaml
      Parameters: { Runtime: python3.8 }
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      KmsMasterKeyId: !GetAtt Api.Outputs.RoleArn
`,
    });
    const r = adapt(dir);
    expect(r.diagnostics).toEqual([]);
    const [fn] = pick(r, 'lambda', 'functions');
    expect(fn).toMatchObject({ id: `${dir}/parent.yaml#Api/Handler`, runtime: 'python3.8' });
    expect(r.sourceMap.map((e) => e.identity).sort()).toEqual(['AWS::SNS::Topic/Topic', 'AWS::Serverless::Function/Api/Handler', 'AWS::Serverless::Function/Api/Handler/Role']);
    // the role's ARN is unknown in the parent (the generated name is a resource of the child, not a warning)
    expect(pick(r, 'sns', 'topics')[0].kms_master_key_id).toEqual(UNKNOWN);
  });
});

describe('SAM applications', () => {
  it('adapts an AWS::Serverless::Application with a local Location, and notes one from the Serverless Application Repository', () => {
    const dir = tree({
      'apps/storage.yaml': BUCKET,
      'parent.yaml': `Transform: AWS::Serverless-2016-10-31
Resources:
  Storage:
    Type: AWS::Serverless::Application
    Properties:
      Location: apps/storage.yaml
      Parameters:
        Acl: PublicRead
        Versioning: Enabled
  Repo:
    Type: AWS::Serverless::Application
    Properties:
      Location:
        ApplicationId: arn:aws:serverlessrepo:us-east-1:123456789012:applications/thing
        SemanticVersion: 1.0.0
`,
    });
    const r = adapt(dir);
    expect(buckets(r)).toEqual([expect.objectContaining({ id: `${dir}/parent.yaml#Storage/Bucket`, acl: 'public-read' })]);
    expect(entryOf(r, `${dir}/parent.yaml#Storage/Bucket`).via![0].message).toBe(`created through nested stack Storage (${dir}/apps/storage.yaml)`);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ level: 'note', line: 13, message: 'nested stack Repo not scanned: template not local (Location names an application of the Serverless Application Repository); run the scan on the packaged source' }),
    ]);
  });

  it('does not read AWS::Serverless::Application without the SAM transform', () => {
    const dir = tree({
      'apps/storage.yaml': BUCKET,
      'parent.yaml': `Resources:
  Storage:
    Type: AWS::Serverless::Application
    Properties: { Location: apps/storage.yaml }
  Other:
    Type: AWS::SNS::Topic
`,
    });
    expect(buckets(adapt(dir))).toEqual([]);
  });
});

describe('nested stack outputs', () => {
  it('resolves !GetAtt Stack.Outputs.X and ${Stack.Outputs.X} to the child value when known', () => {
    const dir = tree({
      'bucket.yaml': BUCKET,
      'parent.yaml': `Resources:
  Store:
    Type: AWS::CloudFormation::Stack
    Properties: { TemplateURL: ./bucket.yaml, Parameters: { Acl: PublicRead, Versioning: Enabled } }
  Copy:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ./bucket.yaml
      Parameters:
        Acl: !GetAtt Store.Outputs.Acl
        Versioning: !Sub "\${Store.Outputs.Name}"
  Missing:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: !GetAtt Store.Outputs.Nope
`,
    });
    const r = adapt(dir);
    const copy = buckets(r).find((b) => b.id === `${dir}/parent.yaml#Copy/Bucket`)!;
    // Acl passes through; Name is the bucket's physical name, unknown
    expect(copy).toMatchObject({ acl: 'public-read', versioning: { enabled: UNKNOWN } });
    expect(buckets(r).find((b) => b.id === `${dir}/parent.yaml#Missing`)!.acl).toEqual(UNKNOWN);
    expect(r.diagnostics).toEqual([expect.objectContaining({ level: 'warning', code: 'cloudformation-nested-stack', line: 15, message: `Fn::GetAtt names output Nope of nested stack Store, which ${dir}/bucket.yaml does not declare` })]);
  });

  it('leaves stacks whose parameters need each other’s outputs unknown, without looping', () => {
    const dir = tree({
      'bucket.yaml': BUCKET,
      'parent.yaml': `Resources:
  A:
    Type: AWS::CloudFormation::Stack
    Properties: { TemplateURL: ./bucket.yaml, Parameters: { Acl: !GetAtt B.Outputs.Acl, Versioning: Enabled } }
  B:
    Type: AWS::CloudFormation::Stack
    Properties: { TemplateURL: ./bucket.yaml, Parameters: { Acl: !GetAtt A.Outputs.Acl, Versioning: Enabled } }
`,
    });
    const r = adapt(dir);
    expect(buckets(r).map((b) => b.acl)).toEqual([UNKNOWN, UNKNOWN]);
  });
});

describe('nested stacks that are not followed', () => {
  it('refuses a template that nests itself, with the chain', () => {
    const dir = tree({
      'parent.yaml': `Resources:
  Self:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ./parent.yaml
  Bucket:
    Type: AWS::S3::Bucket
`,
    });
    const r = adapt(dir);
    expect(buckets(r).map((b) => b.id)).toEqual([`${dir}/parent.yaml#Bucket`]);
    expect(r.diagnostics).toEqual([expect.objectContaining({ level: 'warning', line: 5, message: `nested stack Self not scanned: ${dir}/parent.yaml nests itself (${dir}/parent.yaml → ${dir}/parent.yaml)` })]);
  });

  it(`stops ${MAX_NESTING_DEPTH} levels down`, () => {
    const files: Record<string, string> = {};
    for (let i = 0; i <= MAX_NESTING_DEPTH + 2; i++) {
      files[i === 0 ? 'parent.yaml' : `l${i}.yaml`] = `Resources:
  Down:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ./l${i + 1}.yaml
  Bucket:
    Type: AWS::S3::Bucket
`;
    }
    const dir = tree(files);
    const r = adapt(dir);
    expect(buckets(r)).toHaveLength(MAX_NESTING_DEPTH + 1);
    expect(buckets(r).at(-1)!.id).toBe(`${dir}/parent.yaml#${Array(MAX_NESTING_DEPTH).fill('Down').join('/')}/Bucket`);
    expect(r.diagnostics).toEqual([expect.objectContaining({ level: 'warning', file: `${dir}/l${MAX_NESTING_DEPTH}.yaml`, line: 5, message: `nested stack Down not scanned: nested stacks deeper than ${MAX_NESTING_DEPTH} levels are not followed` })]);
  });

  it('resolves local paths against the parent folder and refuses those out of the tree', () => {
    expect(nestedTemplatePath('./network.yaml', 'app/template.yaml')).toBe('app/network.yaml');
    expect(nestedTemplatePath('nested\\db.json', 'app/template.yaml')).toBe('app/nested/db.json');
    expect(nestedTemplatePath('../shared/x.yaml', 'app/template.yaml')).toBe('shared/x.yaml');
    expect(nestedTemplatePath('../../x.yaml', 'app/template.yaml')).toEqual({ outside: true });
    expect(nestedTemplatePath('./x.yaml', 'template.yaml')).toBe('x.yaml');
    expect(nestedTemplatePath('/srv/repo/app/x.yaml', 'app/template.yaml', '/srv/repo')).toBe('app/x.yaml');
    expect(nestedTemplatePath('/etc/x.yaml', 'app/template.yaml', '/srv/repo')).toEqual({ outside: true });
    expect(nestedTemplatePath('C:\\templates\\x.yaml', 'app/template.yaml', '/srv/repo')).toEqual({ outside: true });
  });

  it('never reads a file through a link out of the tree', () => {
    const dir = tree({
      'parent.yaml': `Resources:
  Linked:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ./linked.yaml
`,
    });
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-outside-'));
    try {
      fs.writeFileSync(path.join(outside, 'linked.yaml'), BUCKET);
      fs.symlinkSync(path.join(outside, 'linked.yaml'), path.join(tmp, dir, 'linked.yaml'));
      const r = adapt(dir);
      expect(buckets(r)).toEqual([]);
      expect(r.diagnostics).toEqual([
        expect.objectContaining({ level: 'warning', code: 'outside-tree', file: `${dir}/linked.yaml` }),
        expect.objectContaining({ level: 'warning', code: 'cloudformation-nested-stack', line: 5, message: `nested stack Linked not scanned: template ./linked.yaml (${dir}/linked.yaml) cannot be read` }),
      ]);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('warns once of a bad intrinsic in a stack’s Parameters (evaluated for the child and for the resource)', () => {
    const dir = tree({
      'bucket.yaml': BUCKET,
      'parent.yaml': `Resources:
  Store:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ./bucket.yaml
      Parameters:
        Acl: !Ref Nowhere
        Versioning: Enabled
`,
    });
    const r = adapt(dir);
    expect(r.diagnostics).toEqual([expect.objectContaining({ level: 'warning', code: 'cloudformation-intrinsic', line: 7 })]);
    expect(buckets(r)[0].acl).toEqual(UNKNOWN);
  });
});

describe('nested stacks in a scan', () => {
  it('gives the same child nested under the same stack name by two parents two fingerprints', async () => {
    const dir = tree({
      'bucket.yaml': BUCKET,
      'one.yaml': `Resources:\n  Store:\n    Type: AWS::CloudFormation::Stack\n    Properties: { TemplateURL: ./bucket.yaml, Parameters: { Versioning: Suspended } }\n`,
      'two.yaml': `Resources:\n  Store:\n    Type: AWS::CloudFormation::Stack\n    Properties: { TemplateURL: ./bucket.yaml, Parameters: { Versioning: Suspended } }\n`,
    });
    const r = await scan([`${dir}/one.yaml`, `${dir}/two.yaml`], { cwd: tmp, rules: ['AWS-S3-001'] });
    expect(r.findings.map((f) => `${f.resource} ${f.location?.file}:${f.location?.startLine}`)).toEqual([
      `AWS::S3::Bucket/Store/Bucket ${dir}/bucket.yaml:14`,
      `AWS::S3::Bucket/Store/Bucket ${dir}/bucket.yaml:14`,
    ]);
    expect(new Set(r.findings.map((f) => f.fingerprint)).size).toBe(2);
    expect(r.findings.map((f) => f.related!.at(-1)!.file).sort()).toEqual([`${dir}/one.yaml`, `${dir}/two.yaml`]);
  });

  it('never flags a value a parent leaves unknown', async () => {
    const dir = tree({
      'bucket.yaml': BUCKET,
      'parent.yaml': `Parameters:\n  Mode:\n    Type: String\nResources:\n  Store:\n    Type: AWS::CloudFormation::Stack\n    Properties: { TemplateURL: ./bucket.yaml, Parameters: { Versioning: !Ref Mode } }\n`,
    });
    const r = await scan([`${dir}/parent.yaml`], { cwd: tmp, rules: ['AWS-S3-001'] });
    expect(r.findings).toEqual([]);
    expect(r.summary.resourcesEvaluated).toBe(1);
  });
});

describe('names of what a nested stack creates', () => {
  it('names a resource without a name of its own after its stack path, and what refers to it by that name', () => {
    const dir = tree({
      'logs.yaml': `Resources:
  Logs:
    Type: AWS::S3::Bucket
  Data:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub "data-\${AWS::AccountId}"
      LoggingConfiguration:
        DestinationBucketName: !Ref Logs
  Named:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: fixed-name
`,
      'parent.yaml': `Resources:
  Logs:
    Type: AWS::S3::Bucket
  One:
    Type: AWS::CloudFormation::Stack
    Properties: { TemplateURL: ./logs.yaml }
  Two:
    Type: AWS::CloudFormation::Stack
    Properties: { TemplateURL: ./logs.yaml }
`,
    });
    const r = adapt(dir);
    expect(r.diagnostics).toEqual([]);
    expect(buckets(r).map((b) => [b.id, b.name, (b.logging as { target_bucket?: unknown } | undefined)?.target_bucket])).toEqual([
      [`${dir}/parent.yaml#Logs`, 'Logs', undefined],
      [`${dir}/parent.yaml#One/Logs`, 'One/Logs', undefined],
      [`${dir}/parent.yaml#One/Data`, UNKNOWN, 'One/Logs'],
      // a literal name is the same in every nesting (CloudFormation would refuse the second)
      [`${dir}/parent.yaml#One/Named`, 'fixed-name', undefined],
      [`${dir}/parent.yaml#Two/Logs`, 'Two/Logs', undefined],
      [`${dir}/parent.yaml#Two/Data`, UNKNOWN, 'Two/Logs'],
      [`${dir}/parent.yaml#Two/Named`, 'fixed-name', undefined],
    ]);
    expect(r.sourceMap.map((e) => e.identity)).toContain('AWS::S3::Bucket/Two/Logs');
  });

  it('still links what a nested template refers to by reference (an alarm on its database)', () => {
    const dir = tree({
      'db.yaml': `Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties: { Engine: postgres, DBInstanceClass: db.t3.micro }
  CpuAlarm:
    Type: AWS::CloudWatch::Alarm
    Properties:
      MetricName: CPUUtilization
      Namespace: AWS/RDS
      Dimensions:
        - Name: DBInstanceIdentifier
          Value: !Ref Db
`,
      'parent.yaml': `Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties: { Engine: postgres, DBInstanceClass: db.t3.micro }
  Inner:
    Type: AWS::CloudFormation::Stack
    Properties: { TemplateURL: ./db.yaml }
`,
    });
    const r = adapt(dir);
    expect(pick(r, 'rds', 'instances').map((d) => [d.identifier, d.metric_alarms])).toEqual([
      ['Db', undefined],
      ['Inner/Db', ['Inner/CpuAlarm']],
    ]);
  });
});

const GROUP_RULE = `Parameters:
  GroupId:
    Type: AWS::EC2::SecurityGroup::Id
  Cidr:
    Type: String
    Default: 0.0.0.0/0
Resources:
  AppSecurityGroup:
    Type: AWS::EC2::SecurityGroup
    Properties: { GroupDescription: the child's own, of the same logical id as the parent's }
  Rule:
    Type: AWS::EC2::SecurityGroupIngress
    Properties: { GroupId: !Ref GroupId, IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !Ref Cidr }
`;

describe('folds across nested stacks', () => {
  const groups = (r: Result) => pick(r, 'ec2', 'security_groups').map((g) => [g.id, (g.ingress as { cidr_blocks: unknown }[]).map((i) => i.cidr_blocks)]);

  it('folds a child’s rule into the parent’s group it is passed, through any number of levels, into no group of the same name', () => {
    const dir = tree({
      'rule.yaml': GROUP_RULE,
      'mid.yaml': `Parameters:
  Group:
    Type: String
Resources:
  Deeper:
    Type: AWS::CloudFormation::Stack
    Properties: { TemplateURL: ./rule.yaml, Parameters: { GroupId: !Ref Group, Cidr: 10.0.0.0/8 } }
`,
      'parent.yaml': `Resources:
  AppSecurityGroup:
    Type: AWS::EC2::SecurityGroup
    Properties: { GroupDescription: app }
  Direct:
    Type: AWS::CloudFormation::Stack
    Properties: { TemplateURL: ./rule.yaml, Parameters: { GroupId: !GetAtt AppSecurityGroup.GroupId } }
  Mid:
    Type: AWS::CloudFormation::Stack
    Properties: { TemplateURL: ./mid.yaml, Parameters: { Group: !Ref AppSecurityGroup } }
`,
    });
    const r = adapt(dir);
    expect(r.diagnostics).toEqual([]);
    expect(groups(r)).toEqual([
      [`${dir}/parent.yaml#AppSecurityGroup`, [['0.0.0.0/0'], ['10.0.0.0/8']]],
      [`${dir}/parent.yaml#Direct/AppSecurityGroup`, []],
      [`${dir}/parent.yaml#Mid/Deeper/AppSecurityGroup`, []],
    ]);
    // each rule points at the nesting it came through
    const e = entryOf(r, `${dir}/parent.yaml#AppSecurityGroup`);
    expect(e.fields['ingress.0'].file).toBe(`${dir}/rule.yaml`);
    expect(e.related!['ingress.0'].map((x) => `${x.file}:${x.start.line} ${x.message}`)).toEqual([
      `${dir}/parent.yaml:7 value of parameter GroupId passed by nested stack Direct`,
      `${dir}/parent.yaml:5 created through nested stack Direct (${dir}/rule.yaml)`,
    ]);
    expect(e.related!['ingress.1'].map((x) => `${x.file}:${x.start.line} ${x.message}`)).toEqual([
      `${dir}/mid.yaml:7 value of parameter GroupId passed by nested stack Deeper`,
      `${dir}/parent.yaml:10 value of parameter Group passed by nested stack Mid`,
      `${dir}/mid.yaml:7 value of parameter Cidr passed by nested stack Deeper`,
      `${dir}/parent.yaml:8 created through nested stack Mid (${dir}/mid.yaml)`,
      `${dir}/mid.yaml:5 created through nested stack Deeper (${dir}/rule.yaml)`,
    ]);
    expect(e.via).toBeUndefined();
  });

  it('folds into a sibling stack’s group that an output names, and a parent’s resource into a child’s', () => {
    const dir = tree({
      'rule.yaml': GROUP_RULE,
      'net.yaml': `Resources:
  Group:
    Type: AWS::EC2::SecurityGroup
    Properties: { GroupDescription: net }
  Fn:
    Type: AWS::Lambda::Function
    Properties: { Runtime: python3.12, Handler: app.handler, Role: arn:aws:iam::123456789012:role/x, Code: { ZipFile: "x" } }
Outputs:
  GroupId:
    Value: !GetAtt Group.GroupId
  FunctionArn:
    Value: !GetAtt Fn.Arn
  Described:
    Value: !Sub "\${Group}-x"
`,
      'parent.yaml': `Resources:
  Net:
    Type: AWS::CloudFormation::Stack
    Properties: { TemplateURL: ./net.yaml }
  Rules:
    Type: AWS::CloudFormation::Stack
    Properties: { TemplateURL: ./rule.yaml, Parameters: { GroupId: !GetAtt Net.Outputs.GroupId } }
  Invoke:
    Type: AWS::Lambda::Permission
    Properties:
      FunctionName: !GetAtt Net.Outputs.FunctionArn
      Action: lambda:InvokeFunction
      Principal: "*"
  NotAGroup:
    Type: AWS::EC2::SecurityGroupIngress
    Properties: { GroupId: !GetAtt Net.Outputs.Described, IpProtocol: tcp, FromPort: 80, ToPort: 80, CidrIp: 0.0.0.0/0 }
`,
    });
    const r = adapt(dir);
    expect(r.diagnostics).toEqual([]);
    // a value built from the group's id is not its id: nothing folds
    expect(groups(r)).toEqual([
      [`${dir}/parent.yaml#Net/Group`, [['0.0.0.0/0']]],
      [`${dir}/parent.yaml#Rules/AppSecurityGroup`, []],
    ]);
    const [fn] = pick(r, 'lambda', 'functions');
    expect(fn).toMatchObject({ id: `${dir}/parent.yaml#Net/Fn`, function_name: 'Net/Fn', permissions: [expect.objectContaining({ principal: '*', action: 'lambda:InvokeFunction' })] });
    expect(entryOf(r, fn.id).fields['permissions.0'].file).toBe(`${dir}/parent.yaml`);
  });

  it('does not fold through an output whose Condition is false', () => {
    const dir = tree({
      'net.yaml': `Conditions:
  Never: !Equals [a, b]
Resources:
  Group:
    Type: AWS::EC2::SecurityGroup
    Properties: { GroupDescription: net }
Outputs:
  GroupId:
    Condition: Never
    Value: !Ref Group
`,
      'parent.yaml': `Resources:
  Net:
    Type: AWS::CloudFormation::Stack
    Properties: { TemplateURL: ./net.yaml }
  Rule:
    Type: AWS::EC2::SecurityGroupIngress
    Properties: { GroupId: !GetAtt Net.Outputs.GroupId, IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0 }
`,
    });
    expect(groups(adapt(dir))).toEqual([[`${dir}/parent.yaml#Net/Group`, []]]);
  });
});

describe('nested stacks that are not created', () => {
  it('says that a template nested only under a false Condition is not scanned through it, once', () => {
    const dir = tree({
      'scratch.yaml': BUCKET,
      'mid.yaml': `Parameters:
  Env:
    Type: String
    Default: prod
Conditions:
  IsDev: !Equals [!Ref Env, dev]
Resources:
  Scratch:
    Type: AWS::CloudFormation::Stack
    Condition: IsDev
    Properties: { TemplateURL: ./scratch.yaml, Parameters: { Versioning: Enabled } }
  Topic:
    Type: AWS::SNS::Topic
`,
      'parent.yaml': `Resources:
  A:
    Type: AWS::CloudFormation::Stack
    Properties: { TemplateURL: ./mid.yaml }
  B:
    Type: AWS::CloudFormation::Stack
    Properties: { TemplateURL: ./mid.yaml }
  C:
    Type: AWS::CloudFormation::Stack
    Properties: { TemplateURL: ./mid.yaml, Parameters: { Env: dev } }
`,
    });
    expect(adapt(dir).diagnostics).toEqual([]); // C creates it: scanned through C
    fs.writeFileSync(path.join(tmp, dir, 'parent.yaml'), fs.readFileSync(path.join(tmp, dir, 'parent.yaml'), 'utf8').replace('Env: dev', 'Env: prod'));
    const r = adapt(dir);
    expect(buckets(r)).toEqual([]);
    expect(r.diagnostics).toEqual([
      {
        level: 'note',
        code: 'cloudformation-nested-stack',
        message: `nested stack Scratch is not created (Condition IsDev is false): ${dir}/scratch.yaml is not scanned through it; name the file to scan it on its own`,
        file: `${dir}/mid.yaml`,
        line: 10,
        column: 5,
      },
    ]);
  });
});
