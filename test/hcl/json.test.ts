import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SourceError } from '../../src/model/diagnostics.js';
import type { Attribute, Block, TemplateExpr } from '../../src/parse/hcl/ast.js';
import { parseTfJson, parseTfVarsJson } from '../../src/parse/hcl/json.js';
import { bodyToLiteralObject, literalValue } from '../../src/parse/hcl/literal.js';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../fixtures/hcl/json/${name}`, import.meta.url)), 'utf8');
const blocks = (text: string) => parseTfJson(text, 'm.tf.json').body.items as Block[];

describe('.tf.json mapping', () => {
  const file = parseTfJson(fixture('main.tf.json'), 'main.tf.json');
  const items = file.body.items as Block[];
  const find = (type: string, ...labels: string[]) => items.filter((b) => b.type === type && labels.every((l, i) => b.labels[i] === l));

  it('maps block types with the right number of labels', () => {
    expect(items.map((b) => [b.type, b.labels])).toEqual([
      ['terraform', []],
      ['provider', ['aws']],
      ['provider', ['aws']],
      ['variable', ['env']],
      ['locals', []],
      ['resource', ['aws_s3_bucket', 'logs']],
      ['resource', ['aws_s3_bucket', 'data']],
      ['resource', ['aws_security_group', 'web']],
      ['data', ['aws_caller_identity', 'current']],
      ['module', ['vpc']],
      ['output', ['bucket']],
      ['moved', []],
    ]);
  });

  it('maps terraform nested blocks: backend with 1 label, required_providers with 0', () => {
    const tf = find('terraform')[0];
    const nested = tf.body.items.filter((i): i is Block => i.kind === 'block');
    expect(nested.map((b) => [b.type, b.labels])).toEqual([
      ['required_providers', []],
      ['backend', ['s3']],
    ]);
    expect(bodyToLiteralObject(nested[0].body).attrs).toEqual({ aws: { source: 'hashicorp/aws', version: '~> 5.0' } });
  });

  it('provider arrays yield several blocks', () => {
    const ps = find('provider', 'aws');
    expect(ps.map((p) => bodyToLiteralObject(p.body).attrs)).toEqual([{ region: 'eu-west-1' }, { alias: 'us', region: 'us-east-1' }]);
  });

  it('values: literals, tuples, objects, and "//" comments skipped', () => {
    const locals = find('locals')[0];
    expect(bodyToLiteralObject(locals.body).attrs).toEqual({ prefix: { $expr: 'template' }, ports: [22, 443], enabled: true, nothing: null });
    const sg = find('resource', 'aws_security_group')[0];
    // Nested blocks are unknown without a schema: they stay attributes.
    expect(bodyToLiteralObject(sg.body).attrs).toEqual({ ingress: [{ from_port: 443, to_port: 443, cidr_blocks: ['0.0.0.0/0'] }] });
    expect(items.some((b) => b.type === '//')).toBe(false);
  });

  it('strings are templates with interpolation ranges in the file', () => {
    const text = fixture('main.tf.json');
    const logs = find('resource', 'aws_s3_bucket', 'logs')[0];
    const bucket = logs.body.items[0] as Attribute;
    const t = bucket.expr as TemplateExpr;
    expect(t.parts.map((p) => p.type)).toEqual(['interpolation', 'literal']);
    const interp = t.parts[0];
    if (interp.type !== 'interpolation') throw new Error();
    expect(interp.expr).toMatchObject({ type: 'getattr', name: 'prefix' });
    expect(text.slice(interp.expr.range.start.offset, interp.expr.range.end.offset)).toBe('local.prefix');
    expect(interp.expr.range.start.line).toBe(text.slice(0, interp.expr.range.start.offset).split('\n').length);
  });

  it('strings with JSON escapes map template ranges back into the file', () => {
    const text = fixture('main.tf.json');
    const out = find('output', 'bucket')[0];
    const desc = out.body.items[1] as Attribute;
    const t = desc.expr as TemplateExpr;
    expect(t.parts[0]).toMatchObject({ type: 'literal', value: 'Quote " and é and ' });
    const interp = t.parts[1];
    if (interp.type !== 'interpolation') throw new Error();
    expect(text.slice(interp.expr.range.start.offset, interp.expr.range.end.offset)).toBe('var.env');
  });

  it('ranges of blocks, labels and attributes', () => {
    const text = '{\n  "resource": {\n    "aws_s3_bucket": {\n      "b": {\n        "bucket": "x"\n      }\n    }\n  }\n}\n';
    const [b] = blocks(text);
    expect(b.typeRange.start).toMatchObject({ line: 2, column: 3 });
    expect(b.labelRanges[0].start).toMatchObject({ line: 3, column: 5 });
    expect(b.labelRanges[1].start).toMatchObject({ line: 4, column: 7 });
    expect(b.openBraceRange.start).toMatchObject({ line: 4, column: 12 });
    expect(b.closeBraceRange.start).toMatchObject({ line: 6, column: 7 });
    const a = b.body.items[0] as Attribute;
    expect(a.nameRange.start).toMatchObject({ line: 5, column: 9 });
    expect(a.expr.range.start).toMatchObject({ line: 5, column: 19 });
    expect(a.expr.range.end).toMatchObject({ line: 5, column: 22 });
    expect(literalValue(a.expr)).toBe('x');
  });

  it('resource as an array of objects and body arrays', () => {
    const bs = blocks('{"resource": [{"a": {"x": [{"v": 1}, {"v": 2}]}}], "locals": [{"a": 1}, {"b": 2}]}');
    expect(bs.map((b) => [b.type, b.labels, bodyToLiteralObject(b.body).attrs])).toEqual([
      ['resource', ['a', 'x'], { v: 1 }],
      ['resource', ['a', 'x'], { v: 2 }],
      ['locals', [], { a: 1 }],
      ['locals', [], { b: 2 }],
    ]);
  });

  it('$${ escapes and directives in JSON strings', () => {
    const [b] = blocks('{"locals": {"a": "$${x}", "b": "%{ if c }y%{ endif }"}}');
    const [a, c] = b.body.items as Attribute[];
    expect(literalValue(a.expr)).toBe('${x}');
    expect((c.expr as TemplateExpr).parts[0].type).toBe('if');
  });

  it('.tfvars.json is a body of attributes', () => {
    const f = parseTfVarsJson(fixture('vars.tfvars.json'), 'vars.tfvars.json');
    expect(bodyToLiteralObject(f.body)).toEqual({ attrs: { region: 'eu-west-1', instance_count: 3, tags: { Team: 'platform' } }, blocks: [] });
  });
});

describe('.tf.json errors', () => {
  const err = (text: string) => {
    try {
      parseTfJson(text, 'bad.tf.json');
    } catch (e) {
      if (e instanceof SourceError) return e;
      throw e;
    }
    throw new Error('expected an error');
  };
  it.each([
    ['{\n  "a": 1,\n}', 3, 1],
    ['{\n  "a" 1\n}', 2, 7],
    ['{"a": "unterminated', 1, 7],
    ['{"a": tru}', 1, 7],
    ['[1, 2]', 1, 1],
    ['{"resource": {"x": 5}}', 1, 20],
    ['{"locals": {"a": "${x"}}', 1, 19],
    ['{"a": 1} extra', 1, 10],
    ['{"a": 01}', 1, 8],
  ])('%j', (text, line, column) => {
    const e = err(text);
    expect(e.code).toBe('hcl-syntax');
    expect([e.line, e.column]).toEqual([line, column]);
  });

  it('nesting too deep', () => {
    expect(err('{"a": ' + '['.repeat(5000)).detail).toMatch(/Nesting too deep/);
  });
});
