/**
 * Unknown propagation (Terraform semantics for partially known values), filesystem functions
 * through the FunctionContext, and limits on hostile input.
 */
import { describe, expect, it } from 'vitest';
import { callFunction, functionNames, hasFunction } from '../../../src/eval/terraform/functions/index.js';
import { decodedJson, isUnknown, unknownJson } from '../../../src/model/model.js';
import { call, checkErr, checkRow, label, makeCtx, U, type Row } from './helpers.js';

const unknownRows: Row[] = [
  // Wholly unknown arguments make most results unknown.
  ['upper', [U], U],
  ['join', ['-', ['a', U]], U],
  ['split', [',', U], U],
  ['format', ['%s', U], U],
  ['format', ['%v', { a: U }], U],
  ['jsonencode', [{ a: [1, U] }], U],
  ['yamlencode', [[U]], U],
  ['sort', [['b', U]], U],
  ['distinct', [['a', U]], U],
  ['compact', [['a', U]], U],
  ['sum', [[1, U]], U],
  ['max', [1, U], U],
  ['cidrsubnet', ['10.0.0.0/8', 8, U], U],
  ['regex', [U, 'x'], U],
  ['replace', ['abc', 'b', U], U],
  ['range', [U], U],
  ['setunion', [['a'], [U]], U],
  ['tostring', [U], U],
  ['tonumber', [U], U],
  ['md5', [U], U],
  ['timeadd', [U, '1h'], U],
  ['timestamp', [], U],
  ['uuid', [], U],
  ['abspath', ['.'], U],
  ['pathexpand', ['~/x'], U],
  ['pathexpand', ['a/b'], 'a/b'],
  ['issensitive', ['x'], U],
  // length of a known list is known even when its elements are not.
  ['length', [[U, U]], 2],
  ['length', [{ a: U }], 1],
  ['length', [U], U],
  // merge keeps unknown attribute values; an unknown argument makes the whole result unknown.
  ['merge', [{ a: U }, { b: 1 }], { a: U, b: 1 }],
  ['merge', [{ a: 1 }, U], U],
  // coalesce with a known non-null first argument is known.
  ['coalesce', ['a', U], 'a'],
  ['coalesce', [null, U, 'b'], U],
  ['coalesce', ['', U], U],
  ['coalescelist', [['a'], U], ['a']],
  ['coalescelist', [U, ['a']], U],
  // lookup with a known key present is known (the value itself may be unknown).
  ['lookup', [{ a: 1, b: U }, 'a', 'x'], 1],
  ['lookup', [{ a: U }, 'a'], U],
  ['lookup', [{ a: 1 }, U, 'x'], U],
  ['lookup', [U, 'a', 'x'], U],
  ['lookup', [{ a: 1 }, 'b', U], U],
  // concat / tolist / flatten / keys / values stay partly known.
  ['concat', [['a'], [U]], ['a', U]],
  ['concat', [['a'], U], U],
  ['tolist', [['a', U]], ['a', U]],
  ['toset', [['b', U, 'a', 'b']], ['a', 'b', U]],
  ['tomap', [{ a: U, b: 1 }], { a: U, b: 1 }],
  ['flatten', [[['a', U], [U]]], ['a', U, U]],
  ['keys', [{ b: U, a: 1 }], ['a', 'b']],
  ['values', [{ b: U, a: 1 }], [1, U]],
  ['element', [['a', U], 1], U],
  ['element', [['a', U], 0], 'a'],
  ['element', [['a'], U], U],
  ['slice', [['a', U, 'c'], 0, 2], ['a', U]],
  ['reverse', [[U, 'a']], ['a', U]],
  ['zipmap', [['a', 'b'], [U, 2]], { a: U, b: 2 }],
  ['zipmap', [['a', U], [1, 2]], U],
  ['chunklist', [['a', U, 'c'], 2], [['a', U], ['c']]],
  ['one', [[U]], U],
  ['one', [[]], null],
  // contains / index decide when a known element matches first.
  ['contains', [['a', U], 'a'], true],
  ['contains', [['a', U], 'b'], U],
  ['contains', [['a'], U], U],
  ['index', [['a', U], 'a'], 0],
  ['index', [[U, 'a'], 'a'], U],
  // alltrue stops at the first unknown; anytrue is true if any known element is true.
  ['alltrue', [[true, U]], U],
  ['alltrue', [[false, U]], false],
  ['anytrue', [[U, true]], true],
  ['anytrue', [[U, false]], U],
  // formatlist: an iteration with an unknown argument is unknown, the others known.
  ['formatlist', ['%s!', ['a', U]], ['a!', U]],
  ['formatlist', ['%s!', U], U],
  ['sensitive', [U], U],
  ['nonsensitive', [{ a: U }], { a: U }],
];

describe('unknown propagation', () => {
  it.each(unknownRows.map((r) => [label(r), r] as const))('%s', (_, r) => checkRow(r));
});

describe('jsondecode of an unknown JSON string with a known structure', () => {
  it('jsondecode(jsonencode(v)) with unknowns in v gives v, UNKNOWN where unknown', () => {
    const encoded = call('jsonencode', { Statement: [{ Effect: 'Allow', Action: '*', Resource: U }], Version: '2012-10-17' });
    expect(isUnknown(encoded)).toBe(true);
    expect(call('jsondecode', encoded)).toStrictEqual({ Statement: [{ Action: '*', Effect: 'Allow', Resource: U }], Version: '2012-10-17' });
    // lists, numbers, booleans and null come back as they went in
    expect(call('jsondecode', call('jsonencode', [1, true, null, U, { b: 2, a: [U] }]))).toStrictEqual([1, true, null, U, { a: [U], b: 2 }]);
  });

  it('objects come back with sorted keys, as jsondecode builds them', () => {
    const decoded = call('jsondecode', unknownJson({ z: 1, a: U })) as Record<string, unknown>;
    expect(Object.keys(decoded)).toEqual(['a', 'z']);
  });

  it('an unknown string inside keeps its own structure', () => {
    const inner = call('jsonencode', { arn: U });
    const decoded = call('jsondecode', call('jsonencode', { policy: inner, n: 1 })) as Record<string, unknown>;
    expect(decoded.n).toBe(1);
    expect(decodedJson(decoded.policy)).toStrictEqual({ arn: U });
    expect(call('jsondecode', decoded.policy)).toStrictEqual({ arn: U });
  });

  it('an unknown string with no known structure decodes to UNKNOWN', () => {
    expect(call('jsondecode', U)).toBe(U);
    expect(call('jsondecode', call('upper', U))).toBe(U);
  });

  it('known strings decode as before', () => {
    expect(call('jsondecode', '{"b": [1], "a": "x"}')).toStrictEqual({ a: 'x', b: [1] });
    checkErr(['jsondecode', ['{'], 'invalid JSON']);
  });
});

describe('filesystem functions', () => {
  const files = {
    'main.tf': 'root',
    'modules/vpc/user_data.sh': '#!/bin/sh\necho hi\n',
    'modules/vpc/tpl/app.tftpl': 'port=${port}',
    'templates/backends.tftpl': 'ip=${ip}',
    'hello.txt': 'hello world',
  };

  it('file reads relative to the scan root after normalising ./ and ..', () => {
    const c = makeCtx(files, 'modules/vpc');
    expect(callFunction('file', ['modules/vpc/user_data.sh'], c)).toBe('#!/bin/sh\necho hi\n');
    expect(callFunction('file', ['./modules/vpc/../vpc/./user_data.sh'], c)).toBe('#!/bin/sh\necho hi\n');
    expect(callFunction('file', ['hello.txt'], c)).toBe('hello world');
  });

  it('file falls back to the module folder for plain relative paths', () => {
    const c = makeCtx(files, 'modules/vpc');
    expect(callFunction('file', ['user_data.sh'], c)).toBe('#!/bin/sh\necho hi\n');
    expect(c.reads).toEqual(['user_data.sh', 'modules/vpc/user_data.sh']);
  });

  it('refuses paths that leave the scanned tree, without reading them', () => {
    const c = makeCtx(files, 'modules/vpc');
    for (const p of ['../secret', '../../etc/passwd', '/etc/passwd', '~/.ssh/id_rsa', 'C:/x', 'a/../../b', '\\\\server\\share']) {
      expect(() => callFunction('file', [p], c), p).toThrow(/no file exists/);
      expect(callFunction('fileexists', [p], c), p).toBe(false);
    }
    // "modules/vpc" + "../../../x" climbs out too.
    expect(c.reads.every((r) => !r.startsWith('..') && !r.startsWith('/'))).toBe(true);
  });

  it('fileexists, filebase64 and file hashes', () => {
    const c = makeCtx(files);
    expect(callFunction('fileexists', ['hello.txt'], c)).toBe(true);
    expect(callFunction('fileexists', ['nope.txt'], c)).toBe(false);
    expect(callFunction('filebase64', ['hello.txt'], c)).toBe('aGVsbG8gd29ybGQ=');
    expect(callFunction('filemd5', ['hello.txt'], c)).toBe('5eb63bbbe01eeed093cb22bb8f5acdc3');
    expect(callFunction('filesha256', ['hello.txt'], c)).toBe('b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9');
    expect(callFunction('filebase64sha256', ['hello.txt'], c)).toBe('uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=');
    expect(() => callFunction('file', ['missing.txt'], c)).toThrow(/no file exists at "missing.txt"/);
    expect(callFunction('file', [U], c)).toBe(U);
    expect(callFunction('fileset', ['.', '*.tf'], c)).toBe(U);
  });

  it('templatefile reads the file and renders it through the context', () => {
    const c = makeCtx(files, 'modules/vpc');
    // doc: templatefile("${path.module}/backends.tftpl", { port = 8080, ip_addrs = [...] })
    expect(callFunction('templatefile', ['modules/vpc/tpl/app.tftpl', { port: 8080 }], c)).toEqual({
      file: 'modules/vpc/tpl/app.tftpl',
      out: 'port=8080',
    });
    expect(callFunction('templatefile', ['templates/backends.tftpl', { ip: '10.0.0.1' }], c)).toEqual({
      file: 'templates/backends.tftpl',
      out: 'ip=10.0.0.1',
    });
    // Unknown variable values are passed through; an unknown path or vars object is unknown.
    expect(callFunction('templatefile', ['templates/backends.tftpl', { ip: U }], c)).toEqual({
      file: 'templates/backends.tftpl',
      out: 'ip=[object Object]',
    });
    expect(callFunction('templatefile', [U, {}], c)).toBe(U);
    expect(callFunction('templatefile', ['templates/backends.tftpl', U], c)).toBe(U);
    expect(() => callFunction('templatefile', ['missing.tftpl', {}], c)).toThrow(/no file exists/);
    expect(() => callFunction('templatefile', ['templates/backends.tftpl', { 'bad name': 1 }], c)).toThrow(
      /invalid template variable name/,
    );
    expect(() => callFunction('templatefile', ['templates/backends.tftpl', ['x']], c)).toThrow(/map or object required/);
  });

  it('templatefile cannot be called recursively from a template', () => {
    const c = makeCtx(files);
    c.renderTemplate = () => callFunction('templatefile', ['hello.txt', {}], c);
    expect(() => callFunction('templatefile', ['hello.txt', {}], c)).toThrow(/recursively/);
  });

  const pathRows: Row[] = [
    // doc: basename("foo/bar/baz.txt") = "baz.txt"; dirname("foo/bar/baz.txt") = "foo/bar"
    ['basename', ['foo/bar/baz.txt'], 'baz.txt'],
    ['basename', ['foo/bar/'], 'bar'],
    ['basename', [''], '.'],
    ['basename', ['/'], '/'],
    ['dirname', ['foo/bar/baz.txt'], 'foo/bar'],
    ['dirname', ['baz.txt'], '.'],
    ['dirname', ['/foo'], '/'],
    ['dirname', ['foo//bar/./baz'], 'foo/bar'],
  ];
  it.each(pathRows.map((r) => [label(r), r] as const))('%s', (_, r) => checkRow(r));
});

describe('safety limits', () => {
  it('range is capped at 1024 elements (as in Terraform)', () => {
    expect((call('range', 1024) as unknown[]).length).toBe(1024);
    checkErr(['range', [1025], 'more than 1024']);
  });

  it('refuses outputs larger than 10 MB', () => {
    const big = 'x'.repeat(6 * 1024 * 1024);
    checkErr(['join', ['', [big, big]], 'too long']);
    checkErr(['replace', [big, 'x', 'yy'], 'too long']);
    checkErr(['indent', [100_000_000, 'a\nb'], 'too long']);
    checkErr(['format', ['%99999999999s', 'a'], 'too large']);
  });

  it('setproduct output is bounded', () => {
    const l = Array.from({ length: 1000 }, (_, i) => i);
    checkErr(['setproduct', [l, l, l], 'more than']);
  });

  it('nested-quantifier regexes (catastrophic backtracking in JS) give unknown instead of hanging', () => {
    const hostile = 'a'.repeat(40) + '!';
    expect(call('regex', '(a+)+$', hostile)).toBe(U);
    expect(call('regexall', '(a*)*b', hostile)).toBe(U);
    expect(call('replace', hostile, '/(?:a|aa+)+$/', 'x')).toBe(U);
    // Single-level quantifiers run normally.
    expect(call('regex', 'a+$', 'aaa')).toBe('aaa');
  });

  it('deeply nested input is a FunctionError, not a crash', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    let v: unknown = [];
    for (let i = 0; i < 5000; i++) v = [v];
    checkErr(['jsonencode', [v], 'too deeply nested']);
    checkErr(['flatten', [v], 'too deeply nested']);
    expect(() => call('jsondecode', deep)).not.toThrow(RangeError);
  });

  it('YAML alias expansion is bounded', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    checkErr(['yamldecode', [lines.join('\n')], 'too many values']);
  });

  it('decoded objects cannot pollute prototypes', () => {
    const o = call('jsondecode', '{"__proto__": {"polluted": 1}, "a": 1}') as Record<string, unknown>;
    expect(Object.keys(o)).toEqual(['__proto__', 'a']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const m = call('merge', o, { b: 2 }) as Record<string, unknown>;
    expect(Object.getPrototypeOf(m)).toBe(Object.prototype);
    expect(Object.keys(m)).toEqual(['__proto__', 'a', 'b']);
  });
});

describe('registry', () => {
  it('knows the built-ins and not try/can/provider functions', () => {
    for (const n of ['merge', 'cidrsubnets', 'templatefile', 'formatdate', 'yamldecode', 'one', 'strcontains'])
      expect(hasFunction(n), n).toBe(true);
    for (const n of ['try', 'can', 'provider::aws::arn_parse', 'list', 'map'])
      expect(hasFunction(n), n).toBe(false);
    expect(functionNames().length).toBeGreaterThanOrEqual(100);
  });
});
