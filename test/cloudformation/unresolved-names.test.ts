/**
 * Resources linked by a name both sides write as the same unresolved expression (a bucket and
 * its policy, a cluster and its instances): linked exactly when the expressions agree.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/diagnostics.js';
import { entry, loadTemplate } from '../../src/parse/cloudformation/load.js';
import { Evaluator } from '../../src/adapt/cloudformation/intrinsics.js';
import { palisade } from '../helpers/cli.js';

interface Report {
  findings: { ruleId: string; resource: string; message: string }[];
}

const DIR = 'fixtures/cloudformation/unresolved-names';
const scan = (file: string, rule: string) => JSON.parse(palisade(['scan', `${DIR}/${file}`, '--format', 'json', '--rule', rule]).stdout) as Report;

describe('linking by the same unresolved name (CLI)', () => {
  it('a bucket policy naming the bucket with the same !Sub is the bucket\'s: no AWS-S3-010', () => {
    expect(scan('s3-sub-name.yaml', 'AWS-S3-010').findings).toEqual([]);
  });

  it('!Ref of a parameter without a value on both sides, and !Join of the same parts as a !Sub', () => {
    expect(scan('s3-ref-param.yaml', 'AWS-S3-010').findings).toEqual([]);
  });

  it('a policy naming a different !Sub is not attached: AWS-S3-010 stays', () => {
    expect(scan('s3-other-sub.yaml', 'AWS-S3-010').findings.map((f) => f.resource)).toEqual(['AWS::S3::Bucket/Bucket']);
  });

  it('DB instances join the cluster whose identifier is the same !Sub (or the same !Join): no AWS-AURORA-001', () => {
    expect(scan('aurora-sub-id.yaml', 'AWS-AURORA-001').findings).toEqual([]);
  });
});

const HEADER = `
Parameters:
  App: { Type: String }
  Other: { Type: String }
  Known: { Type: String, Default: shop }
  Names: { Type: CommaDelimitedList }
Conditions:
  IsEast: !Equals [!Ref "AWS::Region", us-east-1]
  IsShop: !Equals [!Ref Known, shop]
Resources:
  Res: { Type: "AWS::S3::Bucket" }
  V:
    Type: AWS::S3::Bucket
    Properties:
`;

function forms(values: Record<string, string>) {
  const text = HEADER + Object.entries(values).map(([k, v]) => `      ${k}: ${v}\n`).join('');
  const diagnostics: Diagnostic[] = [];
  const t = loadTemplate(text, 't.yaml', diagnostics)!;
  const ev = new Evaluator(t, diagnostics);
  const props = entry(entry(entry(t.root, 'Resources')!.value, 'V')!.value, 'Properties')!.value;
  expect(diagnostics).toEqual([]);
  return (k: string) => ev.canonical(entry(props, k)!.value);
}

describe('Evaluator.canonical', () => {
  const same = (a: string, b: string) => {
    const f = forms({ A: a, B: b });
    expect(f('A')).toBeDefined();
    return f('A') === f('B');
  };

  it('the same string built with !Sub, !Join or a known parameter agrees', () => {
    expect(same('!Sub ${App}-${AWS::Region}', '!Join ["-", [!Ref App, !Ref "AWS::Region"]]')).toBe(true);
    expect(same('!Sub ${App}-x', '!Sub [ "${A}-${B}", { A: !Ref App, B: x } ]')).toBe(true);
    expect(same('!Sub ${App}-${Known}', '!Sub ${App}-shop')).toBe(true);
    expect(same('!Sub ${App}-${Res.Arn}', '!Join ["-", [!Ref App, !GetAtt [Res, Arn]]]')).toBe(true);
    expect(same('!Sub ${App}-${Names}', '!Sub ${App}-${Names}')).toBe(true);
    expect(same('!If [IsShop, !Ref App, !Ref Other]', '!Ref App')).toBe(true); // the condition is known
    expect(same('!If [IsEast, !Ref App, !Ref Other]', '!If [IsEast, !Ref App, !Ref Other]')).toBe(true);
  });

  it('different expressions differ: never a guess', () => {
    expect(same('!Sub ${App}-${AWS::Region}', '!Sub ${AWS::Region}-${App}')).toBe(false);
    expect(same('!Ref App', '!Ref Other')).toBe(false);
    expect(same('!Sub ${App}-${AWS::Region}', '!Sub ${App}${AWS::Region}')).toBe(false);
    expect(same('!Sub ${App}', '!Sub ${!App}')).toBe(false);
    expect(same('!Ref App', '!GetAtt Res.Arn')).toBe(false);
    expect(same('!Sub ${Res.Arn}', '!Sub ${Res.DomainName}')).toBe(false);
    expect(same('!If [IsEast, !Ref App, !Ref Other]', '!If [IsEast, !Ref Other, !Ref App]')).toBe(false);
    expect(same('!Join ["-", !Ref Names]', '!Join [",", !Ref Names]')).toBe(false);
  });
});
