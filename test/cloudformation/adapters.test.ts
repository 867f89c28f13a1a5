import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/scan.js';
import { processUnit } from '../../src/engine/process-unit.js';
import { UNKNOWN, type ModelObject } from '../../src/model/model.js';
import { supportedCloudFormationTypes } from '../../src/adapt/cloudformation/index.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-cfn-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function write(rel: string, text: string): string {
  const abs = path.join(tmp, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, text);
  return rel;
}

function adapt(text: string, name = 'template.yaml') {
  const rel = write(name, text);
  return processUnit({ kind: 'manifest', id: rel, files: [rel] }, tmp);
}

const strip = ({ id: _id, ...rest }: ModelObject) => rest;

describe('the same bucket in HCL and in CloudFormation', () => {
  const hcl = write(
    'parity/main.tf',
    `resource "aws_s3_bucket" "reports" {
  bucket = "acme-reports"
}

resource "aws_s3_bucket_versioning" "reports" {
  bucket = aws_s3_bucket.reports.id
  versioning_configuration {
    status = "Suspended"
  }
}

resource "aws_s3_bucket_public_access_block" "reports" {
  bucket                  = aws_s3_bucket.reports.id
  block_public_acls       = true
  block_public_policy     = false
  ignore_public_acls      = true
  restrict_public_buckets = true
}
`,
  );
  const cfn = write(
    'parity/template.yaml',
    `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Reports:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: acme-reports
      VersioningConfiguration:
        Status: Suspended
      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
        BlockPublicPolicy: false
        IgnorePublicAcls: true
        RestrictPublicBuckets: true
`,
  );

  it('yields the same model', () => {
    const tf = processUnit({ kind: 'terraform', id: 'parity', files: [hcl] }, tmp);
    const cf = processUnit({ kind: 'manifest', id: cfn, files: [cfn] }, tmp);
    expect(cf.diagnostics).toEqual([]);
    expect(strip(cf.model.aws.s3.buckets[0])).toEqual(strip(tf.model.aws.s3.buckets[0]));
  });

  it('yields the same rule ids, each pointing at the right line', async () => {
    const result = await scan(['parity'], { cwd: tmp });
    const byFile = (f: string) =>
      result.findings
        .filter((x) => x.location?.file === f)
        .map((x) => `${x.ruleId}@${x.location?.startLine}`)
        .sort();
    const ids = (f: string) => byFile(f).map((s) => s.split('@')[0]);
    expect(ids(cfn)).toEqual(ids(hcl));
    expect(ids(cfn)).toEqual(['AWS-GOV-001', 'AWS-S3-001', 'AWS-S3-002', 'AWS-S3-003', 'AWS-S3-007', 'AWS-S3-010']);
    expect(byFile(hcl)).toEqual(['AWS-GOV-001@1', 'AWS-S3-001@8', 'AWS-S3-002@15', 'AWS-S3-003@1', 'AWS-S3-007@1', 'AWS-S3-010@1']);
    expect(byFile(cfn)).toEqual(['AWS-GOV-001@3', 'AWS-S3-001@8', 'AWS-S3-002@11', 'AWS-S3-003@3', 'AWS-S3-007@3', 'AWS-S3-010@3']);
    const cf = result.findings.find((x) => x.location?.file === cfn)!;
    expect(cf).toMatchObject({ source: 'cloudformation', resourceType: 'AWS::S3::Bucket', resource: 'AWS::S3::Bucket/Reports' });
  });
});

describe('CloudFormation adapters', () => {
  it('folds SecurityGroupIngress/Egress resources into their group, by Ref and by GetAtt', () => {
    const r = adapt(`Resources:
  Web:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0 }
  Ssh:
    Type: AWS::EC2::SecurityGroupIngress
    Properties: { GroupId: !Ref Web, IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 10.0.0.0/8 }
  All:
    Type: AWS::EC2::SecurityGroupIngress
    Properties: { GroupId: !GetAtt Web.GroupId, IpProtocol: "-1", SourceSecurityGroupId: sg-1 }
  Out:
    Type: AWS::EC2::SecurityGroupEgress
    Properties: { GroupId: !GetAtt Web.GroupId, IpProtocol: tcp, FromPort: 443, ToPort: 443, DestinationSecurityGroupId: sg-2 }
`);
    const sg = r.model.aws.ec2.security_groups[0];
    expect(sg.name).toBe('Web');
    expect(sg.ingress).toEqual([
      { protocol: 'tcp', from_port: 443, to_port: 443, cidr_blocks: ['0.0.0.0/0'], ipv6_cidr_blocks: [], security_groups: [], self: false },
      { protocol: 'tcp', from_port: 22, to_port: 22, cidr_blocks: ['10.0.0.0/8'], ipv6_cidr_blocks: [], security_groups: [], self: false },
      { protocol: '-1', from_port: 0, to_port: 65535, cidr_blocks: [], ipv6_cidr_blocks: [], security_groups: ['sg-1'], self: false },
    ]);
    // the default allow-all egress rule, then the standalone one
    expect((sg.egress as unknown[]).length).toBe(2);
    const entry = r.sourceMap.find((e) => e.id === sg.id)!;
    expect(entry.fields['ingress.1'].start.line).toBe(8);
    expect(entry.fields['ingress.1.cidr_blocks'].start.line).toBe(10);
  });

  it('folds a bucket policy into its bucket and inline role policies into iam.policies', () => {
    const r = adapt(`Resources:
  B:
    Type: AWS::S3::Bucket
  P:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref B
      PolicyDocument:
        Statement: { Effect: Deny, Principal: "*", Action: "s3:*", Resource: !Sub "\${B.Arn}/*" }
  Role:
    Type: AWS::IAM::Role
    Properties:
      Policies:
        - PolicyName: a
          PolicyDocument: { Statement: [{ Effect: Allow, Action: "s3:GetObject", Resource: "*" }] }
`);
    expect(r.model.aws.s3.buckets[0].policy).toEqual({ Statement: [{ Effect: 'Deny', Principal: '*', Action: ['s3:*'], Resource: UNKNOWN }] });
    const p = r.model.aws.iam.policies[0];
    expect(p).toMatchObject({ name: 'a', attachment: 'role', document: { Statement: [{ Action: ['s3:GetObject'], Resource: ['*'] }] } });
    expect(r.sourceMap.find((e) => e.id === p.id)!.identity).toBe('AWS::IAM::Role/Role/Policies/0');
  });

  it('drops resources whose condition is false and keeps those whose condition is unknown', () => {
    const r = adapt(`Parameters:
  Env: { Type: String, Default: prod }
Conditions:
  IsDev: !Equals [!Ref Env, dev]
  East: !Equals [!Ref "AWS::Region", us-east-1]
Resources:
  DevOnly: { Type: "AWS::S3::Bucket", Condition: IsDev }
  EastOnly: { Type: "AWS::S3::Bucket", Condition: East, Properties: { VersioningConfiguration: !If [East, { Status: Enabled }, !Ref AWS::NoValue] } }
`);
    const buckets = r.model.aws.s3.buckets;
    expect(buckets.map((b) => b.name)).toEqual(['EastOnly']);
    expect((buckets[0].versioning as Record<string, unknown>).enabled).toEqual(UNKNOWN);
  });

  it('maps CloudFormation defaults (RDS, load balancer attributes, Lambda, ASG tags)', () => {
    const r = adapt(`Resources:
  Db:
    Type: AWS::RDS::DBInstance
    DeletionPolicy: Delete
    Properties: { Engine: postgres, DBInstanceClass: db.m6g.large }
  Lb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Scheme: internal
      LoadBalancerAttributes:
        - { Key: deletion_protection.enabled, Value: "true" }
        - { Key: access_logs.s3.enabled, Value: "true" }
        - { Key: access_logs.s3.bucket, Value: logs }
  Fn:
    Type: AWS::Lambda::Function
    Properties: { Runtime: nodejs20.x, TracingConfig: {}, ReservedConcurrentExecutions: "5" }
  Asg:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: "2"
      MaxSize: "3"
      AvailabilityZones: !GetAZs ""
      Tags: [{ Key: team, Value: web, PropagateAtLaunch: true }]
`);
    expect(strip(r.model.aws.rds.instances[0])).toEqual({
      identifier: 'Db', engine: 'postgres', instance_class: 'db.m6g.large', multi_az: false, backup_retention_period: 1, storage_encrypted: false,
      publicly_accessible: UNKNOWN, auto_minor_version_upgrade: true, deletion_protection: false, monitoring_interval: 0,
      performance_insights_enabled: false, iam_database_authentication_enabled: false, enabled_cloudwatch_logs_exports: [], skip_final_snapshot: true, tags: {},
      copy_tags_to_snapshot: false, storage_type: 'gp3', parameter_group: { name: null, default: true, parameters: {} },
    });
    expect(r.model.aws.elb.load_balancers[0]).toMatchObject({ name: 'Lb', load_balancer_type: 'application', internal: true, drop_invalid_header_fields: false, enable_deletion_protection: true, access_logs: { enabled: true, bucket: 'logs' } });
    expect(r.model.aws.lambda.functions[0]).toMatchObject({ function_name: 'Fn', reserved_concurrent_executions: 5, tracing_config: { mode: 'PassThrough' } });
    expect(r.model.aws.autoscaling.groups[0]).toMatchObject({ min_size: 2, availability_zones: UNKNOWN, vpc_zone_identifier: [], health_check_type: 'EC2', tags: { team: 'web' } });
  });

  it('applies inline suppressions written in or just above a resource, and warns when one has no reason', async () => {
    write(
      'sup/template.yaml',
      `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  # palisade:ignore AWS-S3-001 scratch data, recreated nightly
  Scratch:
    Type: AWS::S3::Bucket
  Other:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: other # palisade:ignore AWS-S3-003
`,
    );
    const result = await scan(['sup'], { cwd: tmp, rules: ['AWS-S3-001', 'AWS-S3-003'] });
    const s = (id: string, res: string) => result.findings.find((f) => f.ruleId === id && f.resource === res)!;
    expect(s('AWS-S3-001', 'AWS::S3::Bucket/Scratch').suppressed).toEqual({ kind: 'inline', reason: 'scratch data, recreated nightly' });
    expect(s('AWS-S3-001', 'AWS::S3::Bucket/Other').suppressed).toBeUndefined();
    expect(s('AWS-S3-003', 'AWS::S3::Bucket/Other').suppressed).toBeUndefined();
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: 'suppression-without-reason', line: 9 }));
  });

  it('reports malformed resources with their position', () => {
    const r = adapt(`Resources:
  NoType:
    Properties: {}
  BadProps:
    Type: AWS::S3::Bucket
    Properties: [a]
`);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ level: 'error', code: 'cloudformation-template', line: 2, column: 3 }),
      expect.objectContaining({ level: 'error', code: 'cloudformation-template', line: 6, column: 17 }),
    ]);
  });

  it('reads the JSON and YAML fixtures without diagnostics', () => {
    // templates, and the templates of application directories (sam-app/template.yaml), each on
    // its own; nested/problems/ holds nested stacks that cannot be followed, on purpose
    for (const f of fs.readdirSync(path.resolve(__dirname, '../../fixtures/cloudformation'), { recursive: true }) as string[]) {
      const rel = `fixtures/cloudformation/${f.split(path.sep).join('/')}`;
      if (!fs.statSync(path.resolve(__dirname, '../..', rel)).isFile() || rel.startsWith('fixtures/cloudformation/nested/problems/')) continue;
      const r = processUnit({ kind: 'manifest', id: rel, files: [rel] }, path.resolve(__dirname, '../..'));
      expect(r.diagnostics, rel).toEqual([]);
      expect(r.sourceMap.length, rel).toBeGreaterThan(0);
      for (const e of r.sourceMap) expect(e.source).toBe('cloudformation');
    }
  });

  it('lists the supported resource types', () => {
    expect(supportedCloudFormationTypes()).toContain('AWS::EC2::SecurityGroupIngress');
    expect(supportedCloudFormationTypes()).toContain('AWS::DynamoDB::GlobalTable');
    expect(supportedCloudFormationTypes()).toContain('AWS::EKS::Cluster');
    expect(supportedCloudFormationTypes()).toContain('AWS::RDS::DBCluster');
    // sorted, no duplicates (a type may have both a primary and a fold adapter)
    const types = supportedCloudFormationTypes();
    expect(new Set(types).size).toBe(types.length);
    expect([...types].sort()).toEqual(types);
  });
});
