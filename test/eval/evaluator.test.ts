/** Unit tests of the Terraform evaluator: expression semantics, types, precedence, regions. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHcl, parseTerraformFile } from '../../src/parse/hcl/index.js';
import { evaluate, evaluateTerraformUnit } from '../../src/eval/terraform/index.js';
import { ModuleInstance, type UnitEnv } from '../../src/eval/terraform/module.js';
import { convert, parseType } from '../../src/eval/terraform/types.js';
import { isUnknown, UNKNOWN } from '../../src/model/model.js';
import type { Diagnostic } from '../../src/model/diagnostics.js';

const root = path.resolve(__dirname, '../..');

/** Evaluates `expr` in a module made of `tf`, returning the value and the diagnostics. */
function ev(expr: string, tf = '', vars: Record<string, unknown> = {}) {
  const diagnostics: Diagnostic[] = [];
  const file = parseHcl(`${tf}\nlocals {\n  __x = ${expr}\n}\n`, 'm/main.tf');
  const env: UnitEnv = {
    unitDir: 'm',
    diag: (d) => diagnostics.push(d),
    moduleFiles: () => undefined,
    installed: new Map(),
    readText: () => undefined,
    renderTemplate: () => UNKNOWN,
    memo: new Map(),
    parseVarText: () => UNKNOWN,
  };
  const m = new ModuleInstance(env, 'm', [file], '', new Map(), new Map(), 0, []);
  const def = m.locals.get('__x')!;
  const value = m.safeEval(def.node.expr, m.ctx('m/main.tf', vars));
  return { value, diagnostics };
}
const v = (expr: string, tf = '') => ev(expr, tf).value;

describe('expressions', () => {
  it('operators follow Terraform', () => {
    expect(v('1 + 2 * 3')).toBe(7);
    expect(v('"3" + 1')).toBe(4);
    expect(v('7 % 3')).toBe(1);
    expect(v('1 == "1"')).toBe(false);
    expect(v('[1, {a = "x"}] == [1, {a = "x"}]')).toBe(true);
    expect(v('!true || false')).toBe(false);
    expect(v('-(2)')).toBe(-2);
    expect(v('data.x.y.z + 1')).toEqual(UNKNOWN);
    expect(v('data.x.y.z || true')).toBe(true);
    expect(v('data.x.y.z && false')).toBe(false);
  });

  it('a division by zero is an infinity, carried on as Terraform does (recorded in fixtures/terraform-oracle)', () => {
    expect(ev('1 / 0')).toEqual({ value: Infinity, diagnostics: [] });
    expect(v('-1 / 0')).toBe(-Infinity);
    expect(v('1 / 0 > 1')).toBe(true);
    expect(v('tostring(1 / 0)')).toBe('+Inf');
    expect(v('"n-${-1 / 0}"')).toBe('n--Inf');
    expect(v('can(1 / 0)')).toBe(true);
    expect(v('1 / (1 / 0)')).toBe(0);
    // what has no result is an error, as in Terraform
    expect(ev('0 / 0').diagnostics[0].message).toContain("can't divide zero by zero");
    expect(ev('1 / 0 - 1 / 0').diagnostics[0].message).toContain("can't subtract infinity from itself");
    expect(ev('0 * (1 / 0)').diagnostics[0].message).toContain("can't multiply zero by infinity");
    expect(ev('7 % (1 / 0)').diagnostics[0].message).toContain('modulo');
    expect(ev('jsonencode(1 / 0)').diagnostics[0].message).toContain('cannot serialize infinity as JSON');
    // finite operands overflowing a double: Terraform's big floats hold the value, Palisade cannot
    expect(ev('1e300 * 1e300').diagnostics[0].message).toContain('beyond the range');
    expect(ev('1e400').diagnostics[0].message).toContain('beyond the range');
  });

  it('strings become numbers in Go big.Float syntax, as Terraform reads them', () => {
    expect(v('"-inf" + 0')).toBe(-Infinity);
    expect(v('"1.5e2" + 0')).toBe(150);
    for (const s of ['"Infinity"', '"0x10"', '" 1"', '"INF"']) expect(ev(`${s} + 0`).diagnostics[0].message).toContain('a number is required');
    expect(isUnknown(v('var.n', 'variable "n" {\n  type    = number\n  default = "0x10"\n}\n'))).toBe(true);
  });

  it('a resource attribute holding an infinity is reported at its line and unknown', () => {
    const diagnostics: Diagnostic[] = [];
    const file = parseTerraformFile('resource "aws_s3_bucket" "b" {\n  bucket = "b-${1 / 0}"\n  x      = [1 / 0]\n}\n', 'm/main.tf');
    const [r] = evaluateTerraformUnit({ root: '/nonexistent', unit: 'm', files: [file], diagnostics, readText: () => undefined });
    expect(r.view.attr('bucket')!.value).toBe('b-+Inf');
    expect(isUnknown(r.view.attr('x')!.value)).toBe(true);
    expect(diagnostics.map((d) => `${d.code} ${d.file}:${d.line}`)).toEqual(['tf-eval m/main.tf:3']);
  });

  it('conditionals: unknown condition gives unknown', () => {
    expect(v('true ? "a" : "b"')).toBe('a');
    expect(isUnknown(v('data.a.b.c ? 1 : 2'))).toBe(true);
  });

  it('templates with %{if}, %{for} and strip markers', () => {
    expect(v('"a-${1 + 1}-%{ if true }yes%{ else }no%{ endif }"')).toBe('a-2-yes');
    expect(v('"%{ for k, x in ["p", "q"] }${k}${x},%{ endfor }"')).toBe('0p,1q,');
    expect(v('"${true}"')).toBe(true);
    expect(v('"x ${data.a.b.c}"')).toEqual(UNKNOWN);
    expect(v('<<EOT\n%{ for f in ["a", "b"] ~}\n${f}\n%{~ endfor }\nEOT\n')).toBe('ab\n');
    expect(v('"%{ for f in ["a","b"] ~} ${f} %{~ endfor }"')).toBe('ab');
  });

  it('for expressions, filters and grouping', () => {
    expect(v('[for x in [1, 2, 3] : x * 2 if x > 1]')).toEqual([4, 6]);
    expect(v('{for k, x in {b = 2, a = 1} : x => k}')).toEqual({ '1': 'a', '2': 'b' });
    expect(v('{for x in ["a", "b", "a"] : x => x...}')).toEqual({ a: ['a', 'a'], b: ['b'] });
    expect(isUnknown(v('[for x in data.a.b.c : x]'))).toBe(true);
    expect(ev('{for x in ["a", "a"] : x => 1}').diagnostics[0].message).toContain('duplicate object key');
  });

  it('splats, also on unknowns and on single values', () => {
    expect(v('[{a = 1}, {a = 2}][*].a')).toEqual([1, 2]);
    expect(v('[{a = {b = 1}}].*.a')).toEqual([{ b: 1 }]);
    expect(v('{a = 1}[*].a')).toEqual([1]);
    expect(v('null[*]')).toEqual([]);
    expect(isUnknown(v('data.x.y[*].id'))).toBe(true);
  });

  it('index, getattr, partially unknown values stay partially known', () => {
    expect(v('{a = [10, 20]}.a[1]')).toBe(20);
    expect(v('{a = data.x.y.z, b = 1}')).toEqual({ a: UNKNOWN, b: 1 });
    expect(ev('{a = 1}.b').diagnostics[0].message).toContain('does not have an attribute named "b"');
  });

  it('try and can catch evaluation errors lazily', () => {
    expect(v('try({a = 1}.b, "fallback")')).toBe('fallback');
    expect(v('can({a = 1}.b)')).toBe(false);
    expect(v('can({a = 1}.a)')).toBe(true);
    expect(isUnknown(v('try(data.a.b.c, 1)'))).toBe(true);
  });

  it('references: resources, self-known attributes, computed ones unknown; path and terraform', () => {
    const tf = 'resource "aws_s3_bucket" "b" {\n  count = 2\n  bucket = "n-${count.index}"\n}\n';
    expect(v('aws_s3_bucket.b[1].bucket', tf)).toBe('n-1');
    expect(v('aws_s3_bucket.b[*].bucket', tf)).toEqual(['n-0', 'n-1']);
    // computed, but documented as derived from the name (src/eval/terraform/derived-attributes.ts)
    expect(v('aws_s3_bucket.b[0].arn', tf)).toBe('arn:aws:s3:::n-0');
    expect(v('aws_s3_bucket.b[0].id', tf)).toBe('n-0');
    // computed and not derivable
    expect(isUnknown(v('aws_s3_bucket.b[0].bucket_domain_name', tf))).toBe(true);
    expect(isUnknown(v('aws_s3_bucket.b[0].hosted_zone_id', tf))).toBe(true);
    expect(v('path.module')).toBe('m');
    expect(v('terraform.workspace')).toBe('default');
  });

  it('an unknown function is a note with file and line, result unknown', () => {
    const { value, diagnostics } = ev('nosuchfunction(1)');
    expect(isUnknown(value)).toBe(true);
    expect(diagnostics).toContainEqual(expect.objectContaining({ level: 'note', code: 'tf-unknown-function', file: 'm/main.tf' }));
  });
});

describe('type conversion', () => {
  const t = (s: string) => parseType(parseHcl(`t = ${s}\n`, 't.tf').body.items[0].kind === 'attribute' ? (parseHcl(`t = ${s}\n`, 't.tf').body.items[0] as { expr: never }).expr : (undefined as never));
  it('primitives convert like Terraform', () => {
    expect(convert(5, t('string'))).toBe('5');
    expect(convert('5', t('number'))).toBe(5);
    expect(convert('true', t('bool'))).toBe(true);
    expect(() => convert('x', t('number'))).toThrow();
  });
  it('collections, sets sorted, objects with optional defaults', () => {
    expect(convert(['b', 'a', 'b'], t('set(string)'))).toEqual(['a', 'b']);
    expect(convert({ a: 1 }, t('map(string)'))).toEqual({ a: '1' });
    expect(convert([1, 'x'], t('tuple([string, string])'))).toEqual(['1', 'x']);
    expect(convert({ a: 1 }, t('object({a = number, b = optional(string, "d"), c = optional(bool)})'))).toEqual({ a: 1, b: 'd', c: null });
    expect(() => convert({}, t('object({a = number})'))).toThrow(/required/);
    expect(convert({ a: UNKNOWN }, t('map(number)'))).toEqual({ a: UNKNOWN });
  });
});

describe('root variables', () => {
  function unit(dir: string, options?: Parameters<typeof evaluateTerraformUnit>[0]['options']) {
    const diagnostics: Diagnostic[] = [];
    const files = fs
      .readdirSync(path.join(root, dir))
      .filter((f) => f.endsWith('.tf'))
      .map((f) => parseTerraformFile(fs.readFileSync(path.join(root, dir, f), 'utf8'), `${dir}/${f}`));
    const resources = evaluateTerraformUnit({ root, unit: dir, files, options, diagnostics, readText: (rel) => (fs.existsSync(path.join(root, rel)) ? fs.readFileSync(path.join(root, rel), 'utf8') : undefined) });
    return { resources, diagnostics };
  }
  const dir = 'fixtures/terraform/variables-precedence';

  it('precedence: env < terraform.tfvars < .tfvars.json < *.auto.tfvars(.json) < var-file < -var', () => {
    const val = (o?: Parameters<typeof unit>[1]) => unit(dir, o).resources[0].view.attr('backup_retention_period')!.value;
    expect(val()).toBe(3);
    expect(val({ env: { retention: '40' } })).toBe(3);
    expect(val({ varFiles: [`${dir}/terraform.tfvars`] })).toBe(14);
    expect(val({ varFiles: [`${dir}/terraform.tfvars`], vars: { retention: '21' } })).toBe(21);
    expect(unit(dir).resources[0].view.attr('engine')!.value).toBe('mysql');
    expect(unit(dir, { vars: { engine: '[1]' } }).resources[0].view.attr('engine')!.value).toBe('[1]');
  });

  it('a missing --var-file is an error diagnostic', () => {
    const { diagnostics } = unit(dir, { varFiles: ['nope.tfvars'] });
    expect(diagnostics).toContainEqual(expect.objectContaining({ level: 'error', code: 'tf-var-file' }));
  });

  it('provider regions: default, alias, inherited into modules, providers mapping', () => {
    const { resources } = unit('fixtures/terraform/provider-regions');
    const byAddr = Object.fromEntries(resources.map((r) => [r.address, r.region]));
    expect(byAddr).toEqual({
      'aws_s3_bucket.home': 'eu-west-1',
      'aws_s3_bucket.west': 'us-west-2',
      'module.inherits.aws_s3_bucket.replica': 'eu-west-1',
      'module.mapped.aws_s3_bucket.replica': 'us-west-2',
    });
    expect(resources.find((r) => r.address === 'module.mapped.aws_s3_bucket.replica')!.module).toBe('module.mapped');
  });

  it('unknown for_each: one instance, each.* unknown', () => {
    const files = [parseHcl('resource "aws_s3_bucket" "b" {\n  for_each = data.x.y.z\n  bucket = each.key\n  acl = "private"\n}\n', 'u/main.tf')];
    const diagnostics: Diagnostic[] = [];
    const [r, ...rest] = evaluateTerraformUnit({ root, unit: 'u', files, diagnostics, readText: () => undefined });
    expect(rest).toEqual([]);
    expect(r.address).toBe('aws_s3_bucket.b');
    expect(isUnknown(r.view.attr('bucket')!.value)).toBe(true);
    expect(r.view.attr('acl')!.value).toBe('private');
  });

  it('resources that refer to each other: unknown where the cycle closes, no hang, one warning per bad attribute', () => {
    const tf = `resource "aws_s3_bucket" "a" {
  bucket = "a-\${aws_s3_bucket.b.tags.peer}"
  tags   = { peer = "x" }
}
resource "aws_s3_bucket" "b" {
  bucket = "b"
  tags   = { peer = aws_s3_bucket.a.bucket }
  acl    = 1 + "x"
}
resource "aws_s3_bucket_versioning" "v" {
  bucket = aws_s3_bucket.b.id
}
`;
    const diagnostics: Diagnostic[] = [];
    const rs = evaluateTerraformUnit({ root, unit: 'u', files: [parseHcl(tf, 'u/main.tf')], diagnostics, readText: () => undefined });
    const byAddress = new Map(rs.map((r) => [r.address, r]));
    // a → b.tags.peer → a.bucket: the reference back into a while a is built reads unknown
    expect(isUnknown(byAddress.get('aws_s3_bucket.a')!.view.attr('bucket')!.value)).toBe(true);
    expect(isUnknown(byAddress.get('aws_s3_bucket.b')!.view.attr('tags')!.value)).toBe(false);
    // the versioning resource reads b's id (its name); the adapters read b's attributes through the same view
    expect(byAddress.get('aws_s3_bucket_versioning.v')!.view.attr('bucket')!.value).toBe('b');
    expect(isUnknown(byAddress.get('aws_s3_bucket.b')!.view.attr('acl')!.value)).toBe(true);
    expect(diagnostics.filter((d) => d.code === 'tf-eval')).toHaveLength(1);
  });
});

describe('variables: nullable = false', () => {
  // Terraform 1.13.3 refuses a null default with nullable = false ("Invalid default value for
  // variable"; recorded in fixtures/terraform-oracle), whatever value the variable is given
  const tf = 'variable "v" {\n  type     = string\n  default  = null\n  nullable = false\n}\n';
  it('a null default is reported at its line and the variable is unknown', () => {
    const { value, diagnostics } = ev('var.v', tf);
    expect(isUnknown(value)).toBe(true);
    expect(diagnostics.map((d) => `${d.code} ${d.file}:${d.line}`)).toEqual(['tf-var m/main.tf:3']);
    expect(diagnostics[0].message).toContain('null default value is not valid when nullable = false');
  });
  it('a usable default stays the value', () => {
    expect(ev('var.v', tf.replace('null', '"d"'))).toEqual({ value: 'd', diagnostics: [] });
  });
});
