/**
 * A SAM application scanned from the user's side: the findings name the Serverless resources
 * and point at the SAM template's lines — the property under the resource, the Globals entry a
 * value came from, or the event that creates an implicit API.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { palisade } from '../helpers/cli.js';

interface JsonFinding {
  ruleId: string;
  file: string | null;
  startLine: number | null;
  resource: string;
  related?: { startLine: number; message: string }[];
}

describe('palisade scan on a SAM application', () => {
  it('reports exactly the expected rules on the expected lines', () => {
    const r = palisade(['scan', 'fixtures/cloudformation/sam-app/template.yaml', '--format', 'json']);
    const report = JSON.parse(r.stdout) as { findings: JsonFinding[]; errors: unknown[] };
    expect(report.errors).toEqual([]);
    const got = report.findings.map((f) => [f.ruleId, f.startLine, f.resource]).sort((a, b) => Number(a[1]) - Number(b[1]) || String(a[0]).localeCompare(String(b[0])));
    expect(got).toEqual([
      // Runtime from Globals: the Globals line
      ['AWS-LAMBDA-004', 7, 'AWS::Serverless::Function/OrdersFunction'],
      // S3 event: invoked asynchronously, no dead-letter queue (default: the logical id)
      ['AWS-LAMBDA-002', 17, 'AWS::Serverless::Function/OrdersFunction'],
      // Variables merged from Globals and the function: the function's
      ['AWS-LAMBDA-005', 24, 'AWS::Serverless::Function/OrdersFunction'],
      // the generated role's managed policy, on the Policies item
      ['AWS-IAM-008', 27, 'AWS::Serverless::Function/OrdersFunction/Role'],
      ['AWS-LAMBDA-006', 31, 'AWS::Serverless::Function/OrdersFunction'],
      ['AWS-LAMBDA-007', 31, 'AWS::Serverless::Function/OrdersFunction'],
      // the implicit API of the Api event (X-Ray on through Globals.Api)
      ['AWS-APIGW-001', 38, 'AWS::Serverless::Api/ServerlessRestApi'],
      ['AWS-APIGW-002', 38, 'AWS::Serverless::Api/ServerlessRestApi'],
      ['AWS-APIGW-003', 38, 'AWS::Serverless::Api/ServerlessRestApi'],
      ['AWS-APIGW-007', 38, 'AWS::Serverless::Api/ServerlessRestApi'],
      ['AWS-GOV-001', 44, 'AWS::S3::Bucket/Uploads'],
      ['AWS-S3-001', 44, 'AWS::S3::Bucket/Uploads'],
      ['AWS-S3-002', 44, 'AWS::S3::Bucket/Uploads'],
      ['AWS-S3-003', 44, 'AWS::S3::Bucket/Uploads'],
      ['AWS-S3-007', 44, 'AWS::S3::Bucket/Uploads'],
      ['AWS-S3-010', 44, 'AWS::S3::Bucket/Uploads'],
      ['AWS-DYNAMODB-001', 47, 'AWS::Serverless::SimpleTable/OrdersTable'],
      ['AWS-DYNAMODB-004', 47, 'AWS::Serverless::SimpleTable/OrdersTable'],
      ['AWS-GOV-001', 47, 'AWS::Serverless::SimpleTable/OrdersTable'],
    ]);
    for (const f of report.findings) expect(f.file).toBe('fixtures/cloudformation/sam-app/template.yaml');
    const env = report.findings.find((f) => f.ruleId === 'AWS-LAMBDA-005')!;
    expect(env.related).toEqual([expect.objectContaining({ startLine: 11, message: 'merged with Globals Function.Environment.Variables' })]);
  });

  it('follows AutoPublishAlias, DeploymentPreference, tags propagated to implicit APIs and the policies of polling events', () => {
    const file = 'fixtures/cloudformation/sam-deploy/template.yaml';
    // cost allocation tags make the tags of what SAM generates visible
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-sam-cli-'));
    const config = path.join(tmp, 'palisade.yaml');
    fs.writeFileSync(config, 'policy:\n  required_tags: [team]\n');
    type Report = { findings: JsonFinding[]; errors: { level: string; file: string; line: number; message: string }[] };
    const run = (target: string, cwd?: string) => JSON.parse(palisade(['scan', target, '--config', config, '--format', 'json'], { cwd }).stdout) as Report;
    const rows = (r: Report) => r.findings.map((f) => [f.ruleId, f.startLine, f.resource]).sort((a, b) => Number(a[1]) - Number(b[1]) || String(a[0]).localeCompare(String(b[0])) || String(a[2]).localeCompare(String(b[2])));
    try {
      const report = run(file);
      expect(report.errors).toEqual([]);
      expect(rows(report)).toEqual([
        // the CodeDeploy service role SAM generates for the Globals DeploymentPreference carries no tags
        ['AWS-COST-001', 16, 'AWS::IAM::Role/CodeDeployServiceRole'],
        // the URL and its public permission target the alias live: they still reach the function
        ['AWS-LAMBDA-006', 30, 'AWS::Serverless::Function/Checkout'],
        ['AWS-LAMBDA-007', 30, 'AWS::Serverless::Function/Checkout'],
        // the implicit REST API carries Checkout's tags (PropagateTags): no AWS-COST-001 on it
        ['AWS-APIGW-001', 32, 'AWS::Serverless::Api/ServerlessRestApi'],
        ['AWS-APIGW-002', 32, 'AWS::Serverless::Api/ServerlessRestApi'],
        ['AWS-APIGW-003', 32, 'AWS::Serverless::Api/ServerlessRestApi'],
        ['AWS-APIGW-004', 32, 'AWS::Serverless::Api/ServerlessRestApi'],
        ['AWS-APIGW-007', 32, 'AWS::Serverless::Api/ServerlessRestApi'],
        // the MQ event's mapping (the inline policy SAM adds to the role is not taggable: no finding)
        ['AWS-COST-001', 37, 'AWS::Serverless::Function/Checkout/Events/Orders'],
        // the implicit HTTP API carries Audit's tags
        ['AWS-APIGW-001', 56, 'AWS::Serverless::HttpApi/ServerlessHttpApi'],
        ['AWS-APIGW-003', 56, 'AWS::Serverless::HttpApi/ServerlessHttpApi'],
        // the DocumentDB event's mapping
        ['AWS-COST-001', 58, 'AWS::Serverless::Function/Audit/Events/Changes'],
        ['AWS-COST-001', 67, 'AWS::Serverless::Function/Untagged'],
        ['AWS-COST-001', 67, 'AWS::Serverless::Function/Untagged/Role'],
      ]);
      for (const f of report.findings) expect(f.file).toBe(file);

      // PropagateTags from a parameter (false): SAM treats any intrinsic as true — a warning on the
      // line, and the same findings; an alias name SAM rejects — a warning, and no alias
      const variant = fs.readFileSync(file, 'utf8').replace('      ReservedConcurrentExecutions: 2\n      PropagateTags: true', '      ReservedConcurrentExecutions: 2\n      PropagateTags: !Ref TagEverything').replace('AutoPublishAlias: nightly', 'AutoPublishAlias: nightly-run');
      fs.writeFileSync(path.join(tmp, 'template.yaml'), variant);
      const warned = run('template.yaml', tmp);
      expect(warned.errors.map((e) => [e.level, e.file, e.line, e.message])).toEqual([
        ['warning', 'template.yaml', 52, 'PropagateTags of Audit is given by Ref: SAM does not evaluate it and treats it as true, so the tags are propagated whatever it resolves to'],
        ['warning', 'template.yaml', 73, 'AutoPublishAlias of Untagged is "nightly-run": the alias\'s logical id UntaggedAliasnightly-run must be alphanumeric: SAM rejects the template'],
      ]);
      expect(rows(warned)).toEqual(rows(report));
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
