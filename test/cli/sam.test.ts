/**
 * A SAM application scanned from the user's side: the findings name the Serverless resources
 * and point at the SAM template's lines — the property under the resource, the Globals entry a
 * value came from, or the event that creates an implicit API.
 */
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

});
