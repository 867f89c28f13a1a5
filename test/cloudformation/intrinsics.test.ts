import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/diagnostics.js';
import { isUnknown, UNKNOWN } from '../../src/model/model.js';
import { entry, loadTemplate } from '../../src/parse/cloudformation/load.js';
import { Evaluator, NO_VALUE, toModel, UnknownValue } from '../../src/adapt/cloudformation/intrinsics.js';

const HEADER = `
AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Env: { Type: String, Default: prod }
  Size: { Type: Number, Default: 3 }
  NoDefault: { Type: String }
  Subnets: { Type: CommaDelimitedList, Default: "subnet-a,subnet-b" }
  Ids: { Type: "List<AWS::EC2::Subnet::Id>", Default: "subnet-c" }
  FromSsm: { Type: "AWS::SSM::Parameter::Value<String>", Default: /a/b }
Mappings:
  Sizes:
    prod: { Type: m7i.large, Count: 3 }
    dev: { Type: t3.small }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: !Equals [dev, !Ref Env]
  NotProd: !Not [!Condition IsProd]
  ProdAndDev: !And [!Condition IsProd, !Condition IsDev]
  ProdOrDev: !Or [!Condition IsProd, !Condition IsDev]
  InUsEast1: !Equals [!Ref "AWS::Region", us-east-1]
  ProdOrEast: !Or [!Condition IsProd, !Condition InUsEast1]
  DevAndEast: !And [!Condition IsDev, !Condition InUsEast1]
  ProdAndEast: !And [!Condition IsProd, !Condition InUsEast1]
  SizeIs3: !Equals [!Ref Size, "3"]
  Loop: !Not [!Condition Loop]
Resources:
  Bucket: { Type: "AWS::S3::Bucket" }
  SG: { Type: "AWS::EC2::SecurityGroup" }
  V:
    Type: AWS::S3::Bucket
    Properties:
`;

function setup(values: Record<string, string>) {
  const text = HEADER + Object.entries(values).map(([k, v]) => `      ${k}: ${v}\n`).join('');
  const diagnostics: Diagnostic[] = [];
  const t = loadTemplate(text, 't.yaml', diagnostics)!;
  expect(diagnostics).toEqual([]);
  const ev = new Evaluator(t, diagnostics);
  const props = entry(entry(entry(t.root, 'Resources')!.value, 'V')!.value, 'Properties')!.value;
  const node = (k: string) => entry(props, k)!.value;
  return { ev, diagnostics, value: (k: string) => ev.value(node(k)), node };
}

/** Line of the first property of resource V. */
const FIRST = HEADER.split('\n').length;

const ONE = (v: string) => setup({ X: v }).value('X');

describe('Ref', () => {
  it('gives a parameter its default, lists split, no default or SSM unknown', () => {
    expect(ONE('!Ref Env')).toBe('prod');
    expect(ONE('!Ref Size')).toBe(3);
    expect(ONE('!Ref Subnets')).toEqual(['subnet-a', 'subnet-b']);
    expect(ONE('!Ref Ids')).toEqual(['subnet-c']);
    expect(isUnknown(ONE('!Ref NoDefault'))).toBe(true);
    expect(isUnknown(ONE('!Ref FromSsm'))).toBe(true);
  });

  it('makes pseudo parameters unknown and AWS::NoValue a removal', () => {
    for (const p of ['AWS::Region', 'AWS::AccountId', 'AWS::StackName', 'AWS::Partition', 'AWS::URLSuffix']) expect(isUnknown(ONE(`!Ref "${p}"`))).toBe(true);
    expect(ONE('!Ref AWS::NoValue')).toBe(NO_VALUE);
    expect(setup({ X: '[a, !Ref AWS::NoValue, b]' }).value('X')).toEqual(['a', 'b']);
    expect(setup({ X: '{k: !Ref AWS::NoValue, j: 1}' }).value('X')).toEqual({ j: 1 });
  });

  it('makes a resource unknown but remembers which resource it names', () => {
    const v = ONE('!Ref Bucket') as UnknownValue;
    expect(v).toBeInstanceOf(UnknownValue);
    expect(v.refs).toEqual(['Bucket']);
    expect(JSON.stringify(v)).toBe('{"__unknown__":true}');
  });

  it('warns about a name that is neither a parameter nor a resource', () => {
    const s = setup({ X: '!Ref Nowhere' });
    expect(isUnknown(s.value('X'))).toBe(true);
    expect(s.diagnostics).toMatchObject([{ level: 'warning', code: 'cloudformation-intrinsic', line: FIRST }]);
  });
});

describe('Fn::GetAtt, Fn::ImportValue, Fn::GetAZs, Fn::Cidr', () => {
  it('are unknown; GetAtt remembers the resource', () => {
    expect((ONE('!GetAtt SG.GroupId') as UnknownValue).refs).toEqual(['SG']);
    expect((ONE('!GetAtt [SG, GroupId]') as UnknownValue).refs).toEqual(['SG']);
    expect((ONE('{"Fn::GetAtt": [Bucket, Arn]}') as UnknownValue).refs).toEqual(['Bucket']);
    expect(isUnknown(ONE('!ImportValue shared'))).toBe(true);
    expect(isUnknown(ONE('!GetAZs ""'))).toBe(true);
    expect(isUnknown(ONE('!Cidr ["10.0.0.0/16", 4, 8]'))).toBe(true);
  });
});

describe('Fn::Sub', () => {
  it('substitutes parameters, variables and escapes', () => {
    expect(ONE('!Sub "acme-${Env}-${Size}"')).toBe('acme-prod-3');
    expect(ONE('!Sub ["${A}-${Env}", {A: x}]')).toBe('x-prod');
    expect(ONE('!Sub "${!Literal}-${Env}"')).toBe('${Literal}-prod');
    expect(ONE('{"Fn::Sub": "a-${Env}"}')).toBe('a-prod');
  });

  it('is unknown with a pseudo parameter, a resource or an attribute', () => {
    expect(isUnknown(ONE('!Sub "arn:${AWS::Partition}:s3:::x"'))).toBe(true);
    expect((ONE('!Sub "${Bucket.Arn}/*"') as UnknownValue).refs).toEqual(['Bucket']);
    expect((ONE('!Sub "${Bucket}"') as UnknownValue).refs).toEqual(['Bucket']);
  });
});

describe('Fn::Join, Fn::Select, Fn::Split, Fn::Base64, Fn::FindInMap', () => {
  it('evaluates known inputs', () => {
    expect(ONE('!Join ["-", [a, !Ref Env, 3]]')).toBe('a-prod-3');
    expect(ONE('!Join [",", !Ref Subnets]')).toBe('subnet-a,subnet-b');
    expect(ONE('!Select [1, [a, b, c]]')).toBe('b');
    expect(ONE('!Select ["0", !Ref Subnets]')).toBe('subnet-a');
    expect(ONE('!Split [",", "a,b,c"]')).toEqual(['a', 'b', 'c']);
    expect(ONE('!Select [2, !Split ["/", "a/b/c"]]')).toBe('c');
    expect(ONE('!Base64 hello')).toBe('aGVsbG8=');
    expect(ONE('!FindInMap [Sizes, !Ref Env, Type]')).toBe('m7i.large');
    expect(ONE('!FindInMap [Sizes, dev, Count, {DefaultValue: 1}]')).toBe(1);
  });

  it('propagates unknown inputs', () => {
    expect((ONE('!Join ["", [a, !Ref Bucket]]') as UnknownValue).refs).toEqual(['Bucket']);
    expect(isUnknown(ONE('!Select [0, !GetAZs ""]'))).toBe(true);
    expect(isUnknown(ONE('!Split [",", !ImportValue list]'))).toBe(true);
    expect(isUnknown(ONE('!Base64 {"Fn::Sub": "${AWS::Region}"}'))).toBe(true);
    expect(isUnknown(ONE('!FindInMap [Sizes, !Ref NoDefault, Type]'))).toBe(true);
  });

  it('keeps partially known values partially known', () => {
    const v = ONE('[a, !Ref Bucket, {k: !GetAtt SG.GroupId, j: 1}]');
    expect(toModel(v)).toEqual(['a', UNKNOWN, { k: UNKNOWN, j: 1 }]);
  });

  it('warns on a missing mapping entry and a bad index', () => {
    const s = setup({ X: '!FindInMap [Sizes, qa, Type]', Y: '!Select [5, [a]]' });
    expect(isUnknown(s.value('X'))).toBe(true);
    expect(isUnknown(s.value('Y'))).toBe(true);
    expect(s.diagnostics.map((d) => d.line)).toEqual([FIRST, FIRST + 1]);
  });
});

describe('Conditions and Fn::If', () => {
  it('evaluates Equals, Not, And, Or and Condition on known inputs', () => {
    const { ev } = setup({});
    expect(ev.condition('IsProd')).toBe(true);
    expect(ev.condition('IsDev')).toBe(false);
    expect(ev.condition('NotProd')).toBe(false);
    expect(ev.condition('ProdAndDev')).toBe(false);
    expect(ev.condition('ProdOrDev')).toBe(true);
    expect(ev.condition('SizeIs3')).toBe(true);
  });

  it('is unknown when an input is, unless another operand decides', () => {
    const { ev, diagnostics } = setup({});
    expect(ev.condition('InUsEast1')).toBeInstanceOf(UnknownValue);
    expect(ev.condition('ProdOrEast')).toBe(true);
    expect(ev.condition('DevAndEast')).toBe(false);
    expect(ev.condition('ProdAndEast')).toBeInstanceOf(UnknownValue);
    expect(ev.condition('Loop')).toBeInstanceOf(UnknownValue);
    expect(diagnostics.some((d) => d.message.includes('refers to itself'))).toBe(true);
  });

  it('Fn::If takes the branch of a known condition, and is unknown otherwise', () => {
    expect(ONE('!If [IsProd, big, small]')).toBe('big');
    expect(ONE('!If [NotProd, big, small]')).toBe('small');
    expect(ONE('!If [IsDev, x, !Ref AWS::NoValue]')).toBe(NO_VALUE);
    expect(isUnknown(ONE('!If [InUsEast1, x, y]'))).toBe(true);
    expect(setup({ X: '[a, !If [IsDev, b, !Ref AWS::NoValue]]' }).value('X')).toEqual(['a']);
  });
});

describe('references for folding', () => {
  it('finds the resource a property designates', () => {
    const s = setup({ A: '!Ref SG', B: '!GetAtt SG.GroupId', C: '!Sub "${Bucket}"', D: '!If [IsProd, !Ref Bucket, !Ref SG]', E: '!Ref Env', F: 'SG' });
    expect(s.ev.target(s.node('A'))).toBe('SG');
    expect(s.ev.target(s.node('B'))).toBe('SG');
    expect(s.ev.target(s.node('C'))).toBe('Bucket');
    expect(s.ev.target(s.node('D'))).toBe('Bucket');
    expect(s.ev.target(s.node('E'))).toBeUndefined();
    expect(s.ev.target(s.node('F'))).toBeUndefined();
  });
});
