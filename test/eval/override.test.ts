/** Terraform override files: mergeOverrides() rule by rule, and what evaluation sees of it. */
import { describe, expect, it } from 'vitest';
import { parseTerraformFile } from '../../src/parse/hcl/index.js';
import type { Block, BodyItem, HclFile } from '../../src/parse/hcl/ast.js';
import { evaluateTerraformUnit } from '../../src/eval/terraform/index.js';
import { isOverrideFile, mergeOverrides, overridesOf } from '../../src/eval/terraform/override.js';
import { moduleShape } from '../../src/eval/terraform/shape.js';
import type { Diagnostic } from '../../src/model/diagnostics.js';

/** Parses `{name: text}` as the files of folder `m`. */
function folder(texts: Record<string, string>): HclFile[] {
  return Object.entries(texts).map(([name, text]) => parseTerraformFile(text, `m/${name}`));
}

function merged(texts: Record<string, string>) {
  const diagnostics: Diagnostic[] = [];
  const files = mergeOverrides(folder(texts), (d) => diagnostics.push(d));
  return { files, diagnostics };
}

/** The top-level block of a merged list with this header (`resource aws_s3_bucket b`). */
function block(files: HclFile[], header: string): Block {
  for (const f of files) for (const i of f.body.items) if (i.kind === 'block' && [i.type, ...i.labels].join(' ') === header) return i;
  throw new Error(`no block ${header}`);
}

/** Items as `name@file:line` (file only when an override file set the item). */
function items(b: { body: { items: BodyItem[] } }): string[] {
  return b.body.items.map((i) => {
    const name = i.kind === 'attribute' ? i.name : i.type === 'dynamic' ? `dynamic ${i.labels[0]}` : i.type;
    return `${name}${i.file ? `@${i.file}` : ''}:${i.range.start.line}`;
  });
}

/** The literal text of an attribute's value, for short assertions. */
function lit(b: Block, name: string): unknown {
  const a = b.body.items.find((i) => i.kind === 'attribute' && i.name === name);
  if (!a || a.kind !== 'attribute') return undefined;
  const e = a.expr;
  if (e.type === 'literal') return e.value;
  if (e.type === 'template' && e.parts.length === 1 && e.parts[0].type === 'literal') return e.parts[0].value;
  return e.type;
}

const BUCKET = `resource "aws_s3_bucket" "b" {
  bucket = "base"
  acl    = "private"
  versioning {
    enabled = true
  }
  logging {
    target_bucket = "logs"
  }
  logging {
    target_bucket = "more-logs"
  }
}
`;

describe('override file names', () => {
  it('override.tf, *_override.tf and the .tf.json forms; nothing else', () => {
    for (const p of ['m/override.tf', 'm/override.tf.json', 'm/dev_override.tf', 'm/a_b_override.tf.json', 'm/OVERRIDE.TF']) expect(isOverrideFile(p)).toBe(true);
    for (const p of ['m/main.tf', 'm/myoverride.tf', 'm/override.tfvars', 'm/override_main.tf', 'override/main.tf']) expect(isOverrideFile(p)).toBe(false);
  });
});

describe('mergeOverrides', () => {
  it('a folder without override files is returned as is', () => {
    const files = folder({ 'main.tf': BUCKET });
    expect(mergeOverrides(files, () => {})).toBe(files);
  });

  it('an argument replaces the argument of the same name, in place; new arguments come last', () => {
    const { files, diagnostics } = merged({ 'main.tf': BUCKET, 'override.tf': 'resource "aws_s3_bucket" "b" {\n  acl = "public-read"\n  force_destroy = true\n}\n' });
    expect(diagnostics).toEqual([]);
    // the override file itself is gone: its blocks are merged into main.tf's
    expect(files.map((f) => f.path)).toEqual(['m/main.tf']);
    const b = block(files, 'resource aws_s3_bucket b');
    expect(items(b)).toEqual(['bucket:2', 'acl@m/override.tf:2', 'versioning:4', 'logging:7', 'logging:10', 'force_destroy@m/override.tf:3']);
    expect(lit(b, 'acl')).toBe('public-read');
    // the block stays where it is declared
    expect(b.range.start.line).toBe(1);
  });

  it('nested blocks of a type replace all of that type, contents not merged; other types stay', () => {
    const { files } = merged({ 'main.tf': BUCKET, 'override.tf': 'resource "aws_s3_bucket" "b" {\n  logging {\n    target_prefix = "x/"\n  }\n}\n' });
    const b = block(files, 'resource aws_s3_bucket b');
    expect(items(b)).toEqual(['bucket:2', 'acl:3', 'versioning:4', 'logging@m/override.tf:2']);
    const logging = b.body.items[3] as Block;
    expect(items(logging)).toEqual(['target_prefix:3']); // no target_bucket from the originals
  });

  it('dynamic blocks count as blocks of their type, both ways', () => {
    const base = 'resource "aws_security_group" "g" {\n  ingress {\n    from_port = 22\n  }\n  dynamic "egress" {\n    for_each = var.e\n    content {}\n  }\n}\n';
    const over = 'resource "aws_security_group" "g" {\n  dynamic "ingress" {\n    for_each = var.i\n    content {}\n  }\n  egress {\n    from_port = 0\n  }\n}\n';
    const { files } = merged({ 'main.tf': base, 'override.tf': over });
    expect(items(block(files, 'resource aws_security_group g'))).toEqual(['dynamic ingress@m/override.tf:2', 'egress@m/override.tf:6']);
  });

  it('.tf.json: an object argument replaces native blocks of that name', () => {
    const json = JSON.stringify({ resource: { aws_s3_bucket: { b: { versioning: { enabled: false }, acl: 'log-delivery-write' } } } }, null, 2);
    const { files, diagnostics } = merged({ 'main.tf': BUCKET, 'z_override.tf.json': json });
    expect(diagnostics).toEqual([]);
    const b = block(files, 'resource aws_s3_bucket b');
    expect(items(b).map((s) => s.replace(/:\d+$/, ''))).toEqual(['bucket', 'acl@m/z_override.tf.json', 'versioning@m/z_override.tf.json', 'logging', 'logging']);
  });

  it('resource lifecycle merges argument by argument; provisioner and connection blocks replace all', () => {
    const base = `resource "aws_instance" "i" {
  ami = "a"
  lifecycle {
    ignore_changes  = [tags]
    prevent_destroy = true
  }
  provisioner "local-exec" {
    command = "one"
  }
  provisioner "local-exec" {
    command = "two"
  }
  connection {
    host = "h"
  }
}
`;
    const over = `resource "aws_instance" "i" {
  lifecycle {
    create_before_destroy = true
    prevent_destroy       = false
  }
  provisioner "remote-exec" {
    inline = ["x"]
  }
}
`;
    const { files } = merged({ 'main.tf': base, 'override.tf': over });
    const i = block(files, 'resource aws_instance i');
    expect(items(i)).toEqual(['ami:2', 'lifecycle:3', 'provisioner@m/override.tf:6', 'connection:13']);
    const lc = i.body.items[1] as Block;
    expect(items(lc)).toEqual(['ignore_changes:4', 'prevent_destroy@m/override.tf:4', 'create_before_destroy@m/override.tf:3']);
    expect(lit(lc, 'prevent_destroy')).toBe(false);
  });

  it('depends_on cannot be overridden: an error, and the original stays', () => {
    const { files, diagnostics } = merged({
      'main.tf': 'resource "aws_s3_bucket" "b" {\n  depends_on = [aws_s3_bucket.a]\n}\noutput "o" {\n  value = 1\n}\n',
      'override.tf': 'resource "aws_s3_bucket" "b" {\n  depends_on = []\n  bucket = "x"\n}\noutput "o" {\n  depends_on = []\n  value = 2\n}\n',
    });
    expect(items(block(files, 'resource aws_s3_bucket b'))).toEqual(['depends_on:2', 'bucket@m/override.tf:3']);
    expect(lit(block(files, 'output o'), 'value')).toBe(2);
    expect(diagnostics.map((d) => `${d.level} ${d.code} ${d.file}:${d.line} ${d.message}`)).toEqual([
      'error tf-override m/override.tf:2 depends_on cannot be overridden: ignored',
      'error tf-override m/override.tf:6 depends_on cannot be overridden: ignored',
    ]);
  });

  it('locals merge entry by entry, whichever locals block holds them', () => {
    const { files, diagnostics } = merged({
      'a.tf': 'locals {\n  x = 1\n  y = 2\n}\n',
      'b.tf': 'locals {\n  z = 3\n}\n',
      'override.tf': 'locals {\n  z = 30\n  x = 10\n  nope = 0\n}\n',
    });
    expect(items(block(files, 'locals')).join()).toBe('x@m/override.tf:3,y:3');
    expect(lit(block(files, 'locals'), 'x')).toBe(10);
    expect(items(files[1].body.items[0] as Block)).toEqual(['z@m/override.tf:2']);
    expect(diagnostics).toEqual([expect.objectContaining({ level: 'error', code: 'tf-override', file: 'm/override.tf', line: 4 })]);
    expect(diagnostics[0].message).toContain('no local value "nope" to override');
  });

  it('an override block without an original: an error with file and line; the block is ignored', () => {
    const { files, diagnostics } = merged({
      'main.tf': BUCKET,
      'x_override.tf': 'variable "v" {\n  default = 1\n}\n\nmodule "m" {\n  source = "./m"\n}\ndata "aws_ami" "a" {}\nresource "aws_s3_bucket" "c" {}\n',
    });
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.message.slice(0, d.message.indexOf(':'))}`)).toEqual([
      'm/x_override.tf:1:1 no variable "v" to override',
      'm/x_override.tf:5:1 no module "m" to override',
      'm/x_override.tf:8:1 no data "aws_ami" "a" to override',
      'm/x_override.tf:9:1 no resource "aws_s3_bucket" "c" to override',
    ]);
    expect(diagnostics.every((d) => d.level === 'error' && d.code === 'tf-override')).toBe(true);
    expect(files.map((f) => f.path)).toEqual(['m/main.tf']);
    expect(moduleShape(files).resources.has('aws_s3_bucket.c')).toBe(false);
  });

  it('providers by name and alias; a default provider may be added, an aliased one must exist', () => {
    const { files, diagnostics } = merged({
      'main.tf': 'provider "aws" {\n  region = "eu-west-1"\n}\nprovider "aws" {\n  alias  = "west"\n  region = "us-west-2"\n}\n',
      'override.tf':
        'provider "aws" {\n  alias  = "west"\n  region = "us-west-1"\n}\nprovider "aws" {\n  alias  = "east"\n  region = "us-east-1"\n}\nprovider "google" {\n  project = "p"\n}\n',
    });
    expect(diagnostics.map((d) => `${d.line} ${d.message.slice(0, d.message.indexOf(':'))}`)).toEqual(['5 no provider "aws" with alias "east" to override']);
    const providers = files.flatMap((f) => f.body.items.filter((i): i is Block => i.kind === 'block' && i.type === 'provider').map((p) => `${f.path} ${p.labels[0]} ${lit(p, 'alias') ?? ''} ${lit(p, 'region') ?? ''}`.trim()));
    // the default google provider is added, in a file of its own (the override file, with only what it adds)
    expect(providers).toEqual(['m/main.tf aws  eu-west-1', 'm/main.tf aws west us-west-1', 'm/override.tf google']);
  });

  it('variables: type and default each replace; the default converts to the merged type when evaluated', () => {
    const files = folder({
      'main.tf': 'variable "n" {\n  default = "5"\n}\nvariable "t" {\n  type    = number\n  default = 1\n}\nresource "aws_db_instance" "d" {\n  backup_retention_period = var.n\n  allocated_storage       = var.t\n}\n',
      'override.tf': 'variable "n" {\n  type = number\n}\nvariable "t" {\n  default = "many"\n}\n',
    });
    const diagnostics: Diagnostic[] = [];
    const [r] = evaluateTerraformUnit({ root: '/nonexistent', unit: 'm', files, diagnostics, readText: () => undefined });
    expect(r.view.attr('backup_retention_period')!.value).toBe(5);
    expect(r.view.attr('allocated_storage')!.related!.map((x) => `${x.file}:${x.start.line} ${x.message}`)).toEqual(['m/override.tf:5 value from the default of variable "t"']);
    // the overridden default does not fit the original type: reported where the override sets it
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'tf-type', file: 'm/override.tf', line: 5 }));
  });

  it('module calls: source, arguments and count replace, each located in its own file', () => {
    const { files } = merged({
      'main.tf': 'module "db" {\n  source = "./db"\n  name   = "a"\n  size   = 1\n}\n',
      'override.tf': 'module "db" {\n  source = "./db2"\n  size   = 2\n  count  = 0\n}\n',
    });
    const call = moduleShape(files).calls.get('db')!;
    expect(lit(call.node, 'source')).toBe('./db2');
    expect(call.source!.file).toBe('m/override.tf');
    expect(call.count!.file).toBe('m/override.tf');
    expect(call.args.map((a) => `${a.name}=${call.argSet.get(a)!.file}:${call.argSet.get(a)!.start.line}`)).toEqual(['name=m/main.tf:3', 'size=m/override.tf:3']);
  });

  it('terraform blocks: settings one by one, required_providers entry by entry, backend replaces cloud', () => {
    const { files, diagnostics } = merged({
      'main.tf': 'terraform {\n  required_version = ">= 1.0"\n  required_providers {\n    aws = { source = "hashicorp/aws" }\n    random = { source = "hashicorp/random" }\n  }\n  cloud {\n    organization = "o"\n  }\n}\n',
      'override.tf': 'terraform {\n  required_providers {\n    aws = { source = "hashicorp/aws", version = "~> 5.0" }\n  }\n  backend "s3" {\n    bucket = "state"\n  }\n}\n',
    });
    expect(diagnostics).toEqual([]);
    const t = block(files, 'terraform');
    expect(items(t)).toEqual(['required_version:2', 'required_providers:3', 'backend@m/override.tf:5']);
    expect(items(t.body.items[1] as Block)).toEqual(['aws@m/override.tf:3', 'random:5']);
    // without an original terraform block, the override's is added
    const added = merged({ 'main.tf': BUCKET, 'override.tf': 'terraform {\n  required_version = ">= 1.5"\n}\n' });
    expect(added.diagnostics).toEqual([]);
    expect(lit(block(added.files, 'terraform'), 'required_version')).toBe('>= 1.5');
  });

  it('several override files: lexical order of names, then position; effects compound', () => {
    // given out of order on purpose
    const { files } = merged({
      'b_override.tf': 'resource "aws_s3_bucket" "b" {\n  acl = "from-b"\n}\n',
      'main.tf': BUCKET,
      'a_override.tf': 'resource "aws_s3_bucket" "b" {\n  acl = "from-a"\n  bucket = "from-a"\n}\nresource "aws_s3_bucket" "b" {\n  bucket = "from-a-again"\n}\n',
      'override.tf': 'resource "aws_s3_bucket" "b" {\n  force_destroy = true\n}\n',
    });
    const b = block(files, 'resource aws_s3_bucket b');
    expect(lit(b, 'acl')).toBe('from-b');
    expect(lit(b, 'bucket')).toBe('from-a-again');
    expect(items(b)).toEqual(['bucket@m/a_override.tf:6', 'acl@m/b_override.tf:2', 'versioning:4', 'logging:7', 'logging:10', 'force_destroy@m/override.tf:2']);
    expect(overridesOf(b)!.map((o) => `${o.file.path}:${o.block.range.start.line}`)).toEqual(['m/a_override.tf:1', 'm/a_override.tf:5', 'm/b_override.tf:1', 'm/override.tf:1']);
  });

  it('moved blocks cannot be overridden; other kinds are ignored with a note', () => {
    const { diagnostics } = merged({ 'main.tf': BUCKET, 'override.tf': 'moved {\n  from = a.b\n  to = a.c\n}\nimport {\n  to = a.b\n  id = "x"\n}\n' });
    expect(diagnostics.map((d) => `${d.level} ${d.line}`)).toEqual(['error 1', 'note 5']);
  });

  it('pure: the parsed files are not changed; the same list merges to the same list, diagnostics each time', () => {
    const files = folder({ 'main.tf': BUCKET, 'override.tf': 'resource "aws_s3_bucket" "b" {\n  acl = "x"\n}\nresource "aws_s3_bucket" "none" {}\n' });
    const before = JSON.stringify(files);
    const d1: Diagnostic[] = [];
    const d2: Diagnostic[] = [];
    const once = mergeOverrides(files, (d) => d1.push(d));
    expect(JSON.stringify(files)).toBe(before);
    expect(mergeOverrides(files, (d) => d2.push(d))).toBe(once);
    expect(d2).toEqual(d1);
    expect(d1).toHaveLength(1);
    // so module folders keep sharing their static analysis
    expect(moduleShape(mergeOverrides(files, () => {}))).toBe(moduleShape(once));
  });

  it('inline suppressions beside an override block apply to the resource', () => {
    const { files } = merged({
      'main.tf': BUCKET,
      'override.tf': '# palisade:ignore AWS-S3-001 a scratch bucket, rebuilt every night\nresource "aws_s3_bucket" "b" {\n  versioning {\n    enabled = false\n  }\n}\n',
    });
    const def = moduleShape(files).resources.get('aws_s3_bucket.b')!;
    expect(items(def.node)).toEqual(['bucket:2', 'acl:3', 'versioning@m/override.tf:3', 'logging:7', 'logging:10']);
    expect(def.suppressions).toEqual({ 'AWS-S3-001': 'a scratch bucket, rebuilt every night' });
  });
});

describe('evaluation of merged files', () => {
  function unit(texts: Record<string, string>) {
    const diagnostics: Diagnostic[] = [];
    const resources = evaluateTerraformUnit({ root: '/nonexistent', unit: 'm', files: folder(texts), diagnostics, readText: () => undefined });
    return { resources, diagnostics };
  }

  it('an attribute from an override file is read and located there, nested blocks too; the resource stays in its file', () => {
    const { resources } = unit({ 'main.tf': BUCKET, 'override.tf': 'resource "aws_s3_bucket" "b" {\n  acl = "public-read"\n  versioning {\n    enabled = false\n  }\n}\n' });
    const [r] = resources;
    expect(r.file).toBe('m/main.tf');
    expect(r.location.start.line).toBe(1);
    expect(r.view.attr('acl')).toMatchObject({ value: 'public-read', file: 'm/override.tf' });
    expect(r.view.attr('bucket')!.file).toBeUndefined();
    const [v] = r.view.blocks('versioning');
    expect(v.file).toBe('m/override.tf');
    expect(v.attr('enabled')).toMatchObject({ value: false });
    expect(r.view.blocks('logging').map((l) => l.file)).toEqual(['m/main.tf', 'm/main.tf']);
  });

  it('an evaluation problem in an override file is reported in that file', () => {
    const { resources, diagnostics } = unit({ 'main.tf': BUCKET, 'override.tf': 'resource "aws_s3_bucket" "b" {\n  acl = 1 / 0\n}\n' });
    expect(resources[0].view.attr('acl')).toMatchObject({ file: 'm/override.tf' });
    expect(resources[0].view.attr('bucket')!.value).toBe('base');
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'tf-eval', file: 'm/override.tf', line: 2 }));
  });

  it('overridden locals, count and provider regions take effect', () => {
    const { resources } = unit({
      'main.tf': 'provider "aws" {\n  region = "eu-west-1"\n}\nlocals {\n  n = 1\n}\nresource "aws_s3_bucket" "b" {\n  bucket = "b-${count.index}"\n}\n',
      'override.tf': 'provider "aws" {\n  region = "us-east-1"\n}\nlocals {\n  n = 3\n}\nresource "aws_s3_bucket" "b" {\n  count = local.n\n}\n',
    });
    expect(resources.map((r) => `${r.address} ${r.region} ${r.view.attr('bucket')!.value}`)).toEqual(['aws_s3_bucket.b[0] us-east-1 b-0', 'aws_s3_bucket.b[1] us-east-1 b-1', 'aws_s3_bucket.b[2] us-east-1 b-2']);
  });
});
