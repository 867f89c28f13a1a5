/**
 * `data.aws_iam_policy_document` computed locally, as the AWS provider builds its `json`: the
 * document the policy attributes reading it hold (known JSON, or an unknown string whose
 * structure is partly known).
 */
import { describe, expect, it } from 'vitest';
import { parseHcl } from '../../src/parse/hcl/index.js';
import { evaluateTerraformUnit } from '../../src/eval/terraform/index.js';
import type { TerraformResource } from '../../src/adapt/terraform/resource.js';
import { decodedJson, isUnknown } from '../../src/model/model.js';
import type { Diagnostic } from '../../src/model/diagnostics.js';

/** The `policy` of each `aws_iam_policy` of a configuration, as its value or (unknown) decoded structure. */
function documents(tf: string): Record<string, unknown> {
  const diagnostics: Diagnostic[] = [];
  const files = [parseHcl(tf, 'u/main.tf')];
  const resources: TerraformResource[] = evaluateTerraformUnit({ root: '/nonexistent', unit: 'u', files, diagnostics, readText: () => undefined });
  expect(diagnostics.filter((d) => d.level === 'error')).toEqual([]);
  const out: Record<string, unknown> = {};
  for (const r of resources) {
    if (r.type !== 'aws_iam_policy') continue;
    const v = r.view.attr('policy')!.value;
    out[r.address.replace('aws_iam_policy.', '')] = typeof v === 'string' ? JSON.parse(v) : isUnknown(v) ? (decodedJson(v) ?? 'UNKNOWN') : v;
  }
  return out;
}

describe('statement attributes', () => {
  it('an empty or null set is left out, as the provider leaves it out', () => {
    const docs = documents(`
data "aws_iam_policy_document" "d" {
  statement {
    actions       = ["s3:GetObject"]
    not_actions   = []
    resources     = ["arn:aws:s3:::reports/*"]
    not_resources = null
  }
}

resource "aws_iam_policy" "p" {
  policy = data.aws_iam_policy_document.d.json
}
`);
    expect(docs.p).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['arn:aws:s3:::reports/*'] }] });
  });
});
