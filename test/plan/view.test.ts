/**
 * PlanBodyView: what the Terraform adapters read from a plan. Unknown and sensitive values,
 * computed attributes the configuration does not set, nested blocks, synthesized references.
 */
import { describe, expect, it } from 'vitest';
import { parseJsonWithPositions } from '../../src/adapt/terraform-plan/json.js';
import { PlanBodyView, referenceExpr } from '../../src/adapt/terraform-plan/view.js';
import { traversalRef } from '../../src/adapt/terraform/references.js';
import { parseHcl } from '../../src/parse/hcl/index.js';
import { isUnknown, UNKNOWN } from '../../src/model/model.js';

const text = `{
  "values": {
    "name": "web",
    "arn": null,
    "cidr_blocks": ["10.0.0.0/8", null],
    "tags": {"team": "a", "owner": "SECRET-OWNER"},
    "password": "SECRET-PW",
    "rule": [
      {"from_port": 443, "cidr_blocks": ["0.0.0.0/0"]},
      {"from_port": 22, "cidr_blocks": ["10.0.0.0/8"]},
      null
    ],
    "metadata_options": {"http_tokens": "required"}
  }
}`;
const doc = parseJsonWithPositions(text, 'plan.json');
const values = (doc.value as { values: Record<string, unknown> }).values;
const unknown = { arn: true, id: true, cidr_blocks: [false, true], bucket: true, versioning: true, rule: [{}, {}, true] };
const sensitive = { password: true, tags: { owner: true } };

function view(config?: Record<string, unknown>) {
  return new PlanBodyView({ file: 'plan.json', range: doc.rangeOf(values)!, values, unknown, sensitive, config, json: doc });
}

describe('PlanBodyView over plan JSON', () => {
  it('reads known values, with the member range in the plan', () => {
    const a = view().attr('name')!;
    expect(a.value).toBe('web');
    expect(text.slice(a.range.start.offset, a.range.end.offset)).toBe('"name": "web"');
    expect(a.range.start.line).toBe(3);
  });

  it('marks unknown values unknown, deep: partially unknown lists', () => {
    expect(view().attr('cidr_blocks')!.value).toEqual(['10.0.0.0/8', UNKNOWN]);
    expect(isUnknown(view().attr('arn')!.value)).toBe(true); // strict without configuration
  });

  it('never hands out sensitive values', () => {
    expect(isUnknown(view().attr('password')!.value)).toBe(true);
    expect(view().attr('tags')!.value).toEqual({ team: 'a', owner: UNKNOWN });
    expect(JSON.stringify(view().attr('tags')!.expr)).not.toContain('SECRET');
    expect(JSON.stringify(view().attr('password')!.expr)).not.toContain('SECRET');
  });

  it('treats a computed attribute the configuration does not set as not set', () => {
    const cfg = { name: { constant_value: 'web' }, bucket: { references: ['aws_s3_bucket.logs.id', 'aws_s3_bucket.logs'] } };
    expect(view(cfg).attr('arn')).toBeUndefined();
    expect(view(cfg).attr('versioning')).toBeUndefined();
    expect(view(cfg).blocks('versioning')).toEqual([]);
    // … but unknown when the configuration sets it
    expect(isUnknown(view(cfg).attr('bucket')!.value)).toBe(true);
    // null is not set
    expect(view(cfg).attr('missing')).toBeUndefined();
  });

  it('gives references as traversals so that split resources fold', () => {
    const cfg = { bucket: { references: ['aws_s3_bucket.logs.id', 'aws_s3_bucket.logs'] } };
    expect(traversalRef(view(cfg).attr('bucket')!.expr)).toEqual({ type: 'aws_s3_bucket', name: 'logs', attribute: 'id' });
    const r = doc.range(0, 1);
    expect(traversalRef(referenceExpr(['count.index', 'aws_s3_bucket.assets'], r)!)).toEqual({ type: 'aws_s3_bucket', name: 'assets', attribute: undefined });
    expect(traversalRef(referenceExpr(['aws_s3_bucket.b["k"].arn', 'aws_s3_bucket.b["k"]', 'aws_s3_bucket.b'], r)!)).toEqual({ type: 'aws_s3_bucket', name: 'b', attribute: 'arn' });
    expect(referenceExpr(['var.x', 'local.y', 'module.m.out', 'data.aws_vpc.v.id'], r)).toBeUndefined();
    // a known value without references is a literal
    expect(view().attr('name')!.expr).toMatchObject({ type: 'template', parts: [{ type: 'literal', value: 'web' }] });
  });

  it('reads nested blocks: lists of objects, single objects, unknown elements', () => {
    const rules = view().blocks('rule');
    expect(rules).toHaveLength(3);
    expect(rules[0].attr('from_port')!.value).toBe(443);
    expect(rules[1].attr('cidr_blocks')!.value).toEqual(['10.0.0.0/8']);
    expect(rules[2].unknown).toBe(true);
    expect(rules[0].range.start.line).toBe(9);
    expect(view().blocks('metadata_options')[0].attr('http_tokens')!.value).toBe('required');
  });
});

describe('PlanBodyView with the HCL source', () => {
  const hcl = parseHcl(
    `resource "aws_security_group" "sg" {
  name = "web"
  rule {
    from_port   = 22
    cidr_blocks = ["10.0.0.0/8"]
  }
  rule {
    from_port   = 443
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`,
    'main.tf',
  );
  const block = hcl.body.items[0] as Extract<(typeof hcl.body.items)[number], { kind: 'block' }>;
  const v = new PlanBodyView({ file: 'main.tf', range: block.range, values, unknown, sensitive, config: {}, hcl: block.body, json: doc });

  it('ranges attributes in the .tf block, and the block for attributes not written there', () => {
    expect(v.attr('name')!.range.start.line).toBe(2);
    expect(isUnknown(v.attr('password')!.value)).toBe(true);
    expect(v.attr('password')!.range).toEqual(block.range);
  });

  it('matches set elements (sorted in the plan) to their source blocks by value', () => {
    const rules = v.blocks('rule');
    expect(rules[0].attr('from_port')!.value).toBe(443);
    expect(rules[0].range.start.line).toBe(7);
    expect(rules[1].attr('from_port')!.value).toBe(22);
    expect(rules[1].range.start.line).toBe(3);
    expect(rules[0].attr('cidr_blocks')!.range.start.line).toBe(9);
  });
});
