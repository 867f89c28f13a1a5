/**
 * What the oracle cannot show (real Terraform needs providers for resources): conditional
 * type unification leaves resource instances and module outputs alone — Palisade knows only
 * their configured attributes, so their types are taken as dynamic, never as objects whose
 * differing attributes would make a false "inconsistent conditional result types".
 */
import { describe, expect, it } from 'vitest';
import { isUnknown } from '../../../src/model/model.js';
import { isOpen } from '../../../src/eval/terraform/values.js';
import { typeOfValue, unifyTypes, typeString } from '../../../src/eval/terraform/types.js';
import { evaluateCase, type RecordedGroup } from './harness.js';

const group: RecordedGroup = {
  name: 'resources',
  files: {
    'main.tf': [
      'resource "aws_s3_bucket" "a" {',
      '  bucket = "a"',
      '  tags   = { team = "x" }',
      '}',
      'resource "aws_s3_bucket" "b" {',
      '  bucket = "b"',
      '}',
      'variable "flag" {',
      '  type    = bool',
      '  default = false',
      '}',
    ].join('\n'),
  },
  cases: [],
};

describe('conditional result types with resource instances', () => {
  it('chooses between two instances with different configured attributes without a type error', () => {
    const r = evaluateCase(group, 'var.flag ? aws_s3_bucket.a : aws_s3_bucket.b');
    expect(r.problems).toEqual([]);
    expect(isOpen(r.value)).toBe(true);
    expect((r.value as Record<string, unknown>).bucket).toBe('b');
  });

  it('reads attributes of the chosen instance: derived ones known, computed ones unknown, no diagnostic', () => {
    const arn = evaluateCase(group, '(var.flag ? aws_s3_bucket.a : aws_s3_bucket.b).arn');
    expect(arn).toEqual({ value: 'arn:aws:s3:::b', problems: [] });
    const zone = evaluateCase(group, '(var.flag ? aws_s3_bucket.a : aws_s3_bucket.b).hosted_zone_id');
    expect(zone.problems).toEqual([]);
    expect(isUnknown(zone.value)).toBe(true);
  });

  it('still converts plain values: a number chosen against a string becomes a string', () => {
    expect(evaluateCase(group, 'var.flag ? "x" : 1').value).toBe('1');
    expect(evaluateCase(group, 'var.flag ? {a = "x"} : {a = 1, b = 2}').value).toEqual({ a: '1', b: '2' });
  });

  it('types: open objects are dynamic, so they unify with anything', () => {
    const r = evaluateCase(group, 'aws_s3_bucket.a');
    expect(typeString(typeOfValue(r.value))).toBe('any');
    expect(unifyTypes([typeOfValue(r.value), typeOfValue([1])])).toEqual({ kind: 'any' });
    expect(unifyTypes([typeOfValue({ a: 1 }), typeOfValue([1])])).toBeUndefined();
  });
});
