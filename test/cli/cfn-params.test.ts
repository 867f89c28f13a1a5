/** CloudFormation parameter values from the command line, as a deployment would pass them. */
import { describe, expect, it } from 'vitest';
import { palisade } from '../helpers/cli.js';

interface Report {
  findings: { ruleId: string; resource: string; startLine: number }[];
}

const scanWith = (args: string[]) => JSON.parse(palisade(['scan', 'fixtures/cloudformation/web-stack.yaml', '--format', 'json', '--rule', 'AWS-S3-001', ...args]).stdout) as Report;

describe('--cfn-param', () => {
  it('overrides a parameter default: the staging branch of a condition is judged', () => {
    const byDefault = scanWith([]);
    expect(byDefault.findings.filter((f) => f.resource === 'AWS::S3::Bucket/AssetsBucket')).toEqual([]);
    const staging = scanWith(['--cfn-param', 'Environment=staging']);
    expect(staging.findings.filter((f) => f.resource === 'AWS::S3::Bucket/AssetsBucket').map((f) => f.startLine)).toEqual([34]); // Status: !If [IsProduction, Enabled, Suspended]
  });

  it('takes name=value', () => {
    expect(palisade(['scan', 'fixtures/cloudformation/web-stack.yaml', '--cfn-param', 'Environment']).code).toBe(2);
  });

  it('gives pseudo parameters too: AWS::Partition=aws makes an ARN built with it known', () => {
    const run = (args: string[]) => (JSON.parse(palisade(['scan', 'fixtures/cloudformation/admin-role.yaml', '--format', 'json', '--rule', 'AWS-IAM-008', ...args]).stdout) as Report).findings.map((f) => `${f.ruleId} ${f.resource} ${f.startLine}`);
    expect(run([])).toEqual([]); // the partition is unknown: no claim about the ARN
    expect(run(['--cfn-param', 'AWS::Partition=aws'])).toEqual(['AWS-IAM-008 AWS::IAM::Role/AdminRole 8']);
  });
});
