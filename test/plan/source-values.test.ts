/**
 * The pairing of plan instances with the evaluated `.tf` source (source-values.ts) and what
 * PlanBodyView takes from it: only structure the plan lacks, never a value the plan knows or
 * marks sensitive, never from an instance expanded differently or contradicting the plan.
 */
import { describe, expect, it } from 'vitest';
import { parseHcl } from '../../src/parse/hcl/index.js';
import { parseJsonWithPositions } from '../../src/adapt/terraform-plan/json.js';
import { PlanBodyView } from '../../src/adapt/terraform-plan/view.js';
import { agree, configAddress, planVariableValues, SourceValues } from '../../src/adapt/terraform-plan/source-values.js';
import { evaluateTerraformUnit } from '../../src/eval/terraform/index.js';
import { isUnknown, UNKNOWN } from '../../src/model/model.js';
import type { Diagnostic } from '../../src/model/diagnostics.js';
import type { BodyView } from '../../src/adapt/terraform/view.js';

describe('configAddress', () => {
  it('drops instance keys of resources and modules, quoted keys with brackets and escapes included', () => {
    expect(configAddress('module.a["x"].module.b[0].aws_s3_bucket.c[2]')).toBe('module.a.module.b.aws_s3_bucket.c');
    expect(configAddress('aws_s3_bucket.c["a]\\"[1]"]')).toBe('aws_s3_bucket.c');
    expect(configAddress('data.aws_iam_policy_document.d')).toBe('data.aws_iam_policy_document.d');
  });
});

describe('agree: known values Terraform would call the same', () => {
  it('converts between strings, numbers and booleans', () => {
    expect(agree(22, '22')).toBe(true);
    expect(agree(true, 'true')).toBe(true);
    expect(agree('22', 23)).toBe(false);
  });
  it('compares sets in any order, objects with null for absent attributes', () => {
    expect(agree(['b', 'a'], ['a', 'b'])).toBe(true);
    expect(agree(['a', 'a'], ['a', 'b'])).toBe(false);
    expect(agree({ a: 1, b: null }, { a: 1 })).toBe(true);
    expect(agree({ a: 1 }, { a: 1, b: 2 })).toBe(false);
  });
  it('compares JSON documents by content, not formatting', () => {
    expect(agree('{"a":[1,2],"b":"x"}', '{\n  "b": "x",\n  "a": [1, 2]\n}')).toBe(true);
    expect(agree('{"a":1}', '{"a":2}')).toBe(false);
    expect(agree('deploy', 'deploy-v2')).toBe(false);
  });
});

describe('planVariableValues', () => {
  it('gives the plan\'s values, leaving out those the configuration declares sensitive', () => {
    const plan = {
      variables: { a: { value: 'x' }, n: { value: 3 }, secret: { value: 'SECRET-1' }, m: { value: { k: ['v'] } } },
      configuration: { root_module: { variables: { a: {}, secret: { sensitive: true } } } },
    };
    expect(planVariableValues(plan)).toEqual({ a: 'x', n: 3, m: { k: ['v'] } });
    expect(planVariableValues({})).toEqual({});
  });
});

describe('evaluateTerraformUnit with variableValues', () => {
  it('uses exactly the given values: no tfvars, missing ones unknown, converted by type', () => {
    const files = [parseHcl('variable "a" { type = string }\nvariable "b" { default = "d" }\nvariable "n" { type = number }\nresource "aws_s3_bucket" "x" {\n  bucket = "${var.a}-${var.b}"\n  tags = { n = var.n }\n}\n', 'u/main.tf')];
    const readText = (rel: string) => (rel === 'u/terraform.tfvars' ? 'a = "from-tfvars"\n' : undefined);
    const listDir = (rel: string) => (rel === 'u' ? ['main.tf', 'terraform.tfvars'] : undefined);
    const diagnostics: Diagnostic[] = [];
    const tfvars = evaluateTerraformUnit({ root: '/nonexistent', unit: 'u', files, diagnostics, readText, listDir });
    expect(tfvars[0].view.attr('bucket')!.value).toBe('from-tfvars-d');
    const given = evaluateTerraformUnit({ root: '/nonexistent', unit: 'u', files, diagnostics, readText, listDir, variableValues: { a: 'from-plan', n: '7' } });
    expect(isUnknown(given[0].view.attr('bucket')!.value)).toBe(true); // b is not in the plan: unknown, not its default
    expect(given[0].view.attr('tags')!.value).toEqual({ n: 7 });
    const all = evaluateTerraformUnit({ root: '/nonexistent', unit: 'u', files, diagnostics, readText, listDir, variableValues: { a: 'from-plan', b: 'p', n: 1 } });
    expect(all[0].view.attr('bucket')!.value).toBe('from-plan-p');
  });
});

const TF = `
variable "names" { type = list(string) }
variable "zones" { type = number }

resource "aws_s3_bucket" "b" {
  for_each      = toset(var.names)
  bucket_prefix = each.key
}

resource "aws_iam_policy" "p" {
  count  = var.zones
  name   = "p-\${count.index}"
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "*", Resource = aws_s3_bucket.b["a"].arn }] })
}

resource "aws_iam_policy" "q" {
  count  = length(data.aws_availability_zones.all.names)
  name   = "q"
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "*", Resource = aws_s3_bucket.b["a"].arn }] })
}
`;

function sourceValues(planAddresses: string[], variables: Record<string, unknown>): SourceValues {
  const files = [parseHcl(TF, 'u/main.tf')];
  const plan = { variables: Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, { value: v }])) };
  return new SourceValues({ root: '/nonexistent', rootDir: 'u', files: () => files, plan, planAddresses, readText: () => undefined });
}

/** A plan instance knowing only `name`. */
const named = (name: string) => ({ planAttr: (n: string) => (n === 'name' ? { value: name, range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } }, expr: { type: 'literal' as const, value: name, range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } } } } : undefined) });

describe('SourceValues.pair', () => {
  const planned = ['aws_s3_bucket.b["a"]', 'aws_iam_policy.p[0]', 'aws_iam_policy.p[1]', 'aws_iam_policy.q[0]', 'aws_iam_policy.q[1]'];

  it('pairs an instance expanded alike on both sides, with the plan\'s variable values', () => {
    const sv = sourceValues(planned, { names: ['a'], zones: 2 });
    const v = sv.pair('aws_iam_policy.p[1]', named('p-1'))!;
    expect(v).toBeDefined();
    expect(v.attr('policy')!.decoded).toEqual({ Statement: [{ Effect: 'Allow', Action: '*', Resource: UNKNOWN }] });
    expect(sv.pair('aws_s3_bucket.b["a"]', named('x'))).toBeDefined();
    expect(sv.notes('plan.json')).toEqual([]);
  });

  it('not when count or for_each expanded otherwise: unknown in the source, other values in the plan', () => {
    // q's count reads a data source: one instance without a key in the source, two in the plan
    const sv = sourceValues(planned, { names: ['a'], zones: 2 });
    expect(sv.pair('aws_iam_policy.q[0]', named('q'))).toBeUndefined();
    // the plan was made with three zones, the variables say two: p[2] is missing on one side
    const other = sourceValues([...planned, 'aws_iam_policy.p[2]'], { names: ['a'], zones: 2 });
    expect(other.pair('aws_iam_policy.p[0]', named('p-0'))).toBeUndefined();
    // a for_each key the source does not have
    const keys = sourceValues(['aws_s3_bucket.b["a"]', 'aws_s3_bucket.b["c"]'], { names: ['a', 'b'], zones: 0 });
    expect(keys.pair('aws_s3_bucket.b["a"]', named('a'))).toBeUndefined();
  });

  it('not when a value known on both sides differs; one note says so, without values', () => {
    const sv = sourceValues(planned, { names: ['a'], zones: 2 });
    expect(sv.pair('aws_iam_policy.p[0]', named('renamed'))).toBeUndefined();
    expect(sv.pair('aws_iam_policy.p[1]', named('renamed-too'))).toBeUndefined();
    const notes = sv.notes('plan.json');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ level: 'note', code: 'plan-source-differs', file: 'plan.json' });
    expect(notes[0].message).toContain('aws_iam_policy.p[0]: "name" differs and 1 more');
    expect(notes[0].message).not.toContain('renamed');
  });

  it('never evaluates when nothing asks; a note when the source does not evaluate cleanly', () => {
    expect(sourceValues(planned, {}).notes('plan.json')).toEqual([]);
    const files = [parseHcl('resource "aws_iam_policy" "b" {\n  name = 1 + "SECRET-ISH"\n}\n', 'u/main.tf')];
    const sv = new SourceValues({ root: '/nonexistent', rootDir: 'u', files: () => files, plan: {}, planAddresses: ['aws_iam_policy.b'], readText: () => undefined });
    expect(sv.pair('aws_iam_policy.b', named('x'))).toBeDefined(); // name is unknown in the source: nothing contradicts
    const notes = sv.notes('plan.json');
    expect(notes.map((d) => [d.level, d.code, d.file])).toEqual([['note', 'plan-source-eval', 'plan.json']]);
    expect(notes[0].message).toContain('(first: u/main.tf:2)');
    expect(notes[0].message).not.toContain('SECRET-ISH');
  });
});

describe('PlanBodyView with a source', () => {
  const text = `{"values": {"name": "p", "policy": null, "tags": {"a": "1"}, "rule": [{"doc": null}]}}`;
  const doc = parseJsonWithPositions(text, 'plan.json');
  const values = (doc.value as { values: Record<string, unknown> }).values;
  const hclText = `resource "aws_iam_policy" "p" {
  name   = "p"
  policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = "*", Resource = aws_s3_bucket.b.arn }] })
  tags   = { a = "1" }
  known  = "x"
  parts  = { arn = aws_s3_bucket.b.arn, n = 1 }
  rule {
    doc = jsonencode({ arn = aws_s3_bucket.b.arn })
  }
}
resource "aws_s3_bucket" "b" {}
`;
  const file = parseHcl(hclText, 'u/main.tf');
  const evaluated = evaluateTerraformUnit({ root: '/nonexistent', unit: 'u', files: [file], diagnostics: [], readText: () => undefined });
  const source = evaluated.find((r) => r.address === 'aws_iam_policy.p')!.view;
  const block = file.body.items[0] as Extract<(typeof file.body.items)[number], { kind: 'block' }>;
  const config = { name: {}, policy: {}, tags: {}, known: {}, parts: {}, rule: [{ doc: {} }] };

  function view(unknown: unknown, sensitive: unknown, from: BodyView | null = source) {
    return new PlanBodyView({ file: 'u/main.tf', range: block.range, values, unknown, sensitive, config, hcl: block.body, json: doc, source: () => from ?? undefined });
  }
  const allUnknown = { policy: true, known: true, parts: true, rule: [{ doc: true }] };

  it('an unknown JSON string: the source\'s structure, located at the .tf attribute, with its expression', () => {
    const a = view(allUnknown, {}).attr('policy')!;
    expect(isUnknown(a.value)).toBe(true);
    expect(a.decoded).toEqual({ Statement: [{ Effect: 'Allow', Principal: '*', Resource: UNKNOWN }] });
    expect(a.range.start.line).toBe(3);
    expect(a.expr.type).toBe('call');
  });

  it('an unknown object the source knows in part; in nested blocks too', () => {
    expect(view(allUnknown, {}).attr('parts')!.value).toEqual({ arn: UNKNOWN, n: 1 });
    const [rule] = view(allUnknown, {}).blocks('rule');
    expect(rule.attr('doc')!.decoded).toEqual({ arn: UNKNOWN });
  });

  it('a JSON document the source knows entirely: its structure, the value staying unknown', () => {
    const named = evaluateTerraformUnit({ root: '/nonexistent', unit: 'u', files: [parseHcl(hclText.replace('resource "aws_s3_bucket" "b" {}', 'resource "aws_s3_bucket" "b" {\n  bucket = "named"\n}'), 'u/main.tf')], diagnostics: [], readText: () => undefined });
    const a = view(allUnknown, {}, named.find((r) => r.address === 'aws_iam_policy.p')!.view).attr('policy')!;
    expect(isUnknown(a.value)).toBe(true);
    expect(a.decoded).toEqual({ Statement: [{ Effect: 'Allow', Principal: '*', Resource: 'arn:aws:s3:::named' }] });
  });

  it('not a value the source knows entirely, not a value the plan knows, not a sensitive one', () => {
    expect(isUnknown(view(allUnknown, {}).attr('known')!.value)).toBe(true);
    expect(view(allUnknown, {}).attr('tags')!.value).toEqual({ a: '1' });
    const sensitive = view(allUnknown, { policy: true, parts: true });
    expect(sensitive.attr('policy')!.decoded).toBeUndefined();
    expect(isUnknown(sensitive.attr('parts')!.value)).toBe(true);
  });

  it('nothing without a paired source', () => {
    expect(view(allUnknown, {}, null).attr('policy')!.decoded).toBeUndefined();
  });
});
