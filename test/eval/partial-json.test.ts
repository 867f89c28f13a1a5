/**
 * Unknown JSON strings with a partly known structure: `jsonencode` of a value holding unknowns
 * and `aws_iam_policy_document` naming an unknown ARN are unknown strings, but the attribute
 * view exposes the structure as `decoded`, and the policy normaliser keeps UNKNOWN in place.
 */
import { describe, expect, it } from 'vitest';
import { parseHcl } from '../../src/parse/hcl/index.js';
import { evaluateTerraformUnit } from '../../src/eval/terraform/index.js';
import { stableKey } from '../../src/eval/terraform/values.js';
import { normalizePolicyDocument } from '../../src/adapt/aws/policy-document.js';
import { policyDocument } from '../../src/adapt/terraform/aws/context.js';
import { adaptTerraformAws } from '../../src/adapt/terraform/aws/index.js';
import type { TerraformResource } from '../../src/adapt/terraform/resource.js';
import { decodedJson, emptyModel, isUnknown, UNKNOWN, unknownJson } from '../../src/model/model.js';
import type { Diagnostic } from '../../src/model/diagnostics.js';

function unit(tf: string): Map<string, TerraformResource> {
  const diagnostics: Diagnostic[] = [];
  const files = [parseHcl(tf, 'u/main.tf')];
  const resources = evaluateTerraformUnit({ root: '/nonexistent', unit: 'u', files, diagnostics, readText: () => undefined });
  expect(diagnostics.filter((d) => d.level === 'error')).toEqual([]);
  return new Map(resources.map((r) => [r.address, r]));
}

describe('unknownJson: an unknown string carrying its decoded structure', () => {
  it('is UNKNOWN to everything but decodedJson', () => {
    const doc = { Statement: [{ Effect: 'Allow', Resource: UNKNOWN }] };
    const v = unknownJson(doc);
    expect(isUnknown(v)).toBe(true);
    expect(v).toEqual(UNKNOWN);
    expect(JSON.stringify(v)).toBe(JSON.stringify(UNKNOWN));
    expect(Object.keys(v as object)).toEqual(['__unknown__']);
    expect(Object.isFrozen(v)).toBe(true);
    expect(decodedJson(v)).toBe(doc);
  });

  it('nothing to decode: plain UNKNOWN; plain values decode to nothing', () => {
    expect(unknownJson(UNKNOWN)).toBe(UNKNOWN);
    expect(decodedJson(UNKNOWN)).toBeUndefined();
    expect(decodedJson('{"a":1}')).toBeUndefined();
    expect(decodedJson({ a: 1 })).toBeUndefined();
  });

  it('memo keys tell different structures apart (module instances)', () => {
    expect(stableKey(unknownJson({ a: UNKNOWN }))).not.toBe(stableKey(unknownJson({ b: UNKNOWN })));
    expect(stableKey(unknownJson({ a: UNKNOWN }))).not.toBe(stableKey(UNKNOWN));
    expect(stableKey(unknownJson({ a: UNKNOWN }))).toBe(stableKey(unknownJson({ a: UNKNOWN })));
  });
});

describe('AttrView.decoded', () => {
  const tf = `
resource "aws_s3_bucket" "b" {
  bucket_prefix = "data-"
}

locals {
  shared = jsonencode({ Statement = [{ Effect = "Allow", Action = "*", Resource = aws_s3_bucket.b.arn }] })
}

resource "aws_iam_policy" "direct" {
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }, { Effect = "Allow", Action = "s3:*", Resource = aws_s3_bucket.b.arn }]
  })
}

resource "aws_iam_policy" "paren" {
  policy = (jsonencode({ Statement = { Effect = "Allow", Action = "s3:GetObject", Resource = "\${aws_s3_bucket.b.arn}/*" } }))
}

resource "aws_iam_policy" "local" {
  policy = local.shared
}

resource "aws_iam_policy" "known" {
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }] })
}

resource "aws_iam_policy" "opaque" {
  policy = jsonencode(data.external.x.result)
}

resource "aws_iam_policy" "interpolated" {
  policy = "{\\"Resource\\": \\"\${aws_s3_bucket.b.arn}\\"}"
}

resource "aws_wafv2_web_acl" "acl" {
  rule = [{ doc = jsonencode({ arn = aws_s3_bucket.b.arn, n = 1 }) }]
}
`;
  const rs = unit(tf);
  const attr = (addr: string, name: string) => rs.get(addr)!.view.attr(name)!;

  it('a jsonencode call with unknowns: unknown value, the argument as decoded', () => {
    const a = attr('aws_iam_policy.direct', 'policy');
    expect(isUnknown(a.value)).toBe(true);
    expect(a.decoded).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: '*', Resource: '*' },
        { Effect: 'Allow', Action: 's3:*', Resource: UNKNOWN },
      ],
    });
  });

  it('in parentheses, through a local, and inside an object used as a block', () => {
    expect(attr('aws_iam_policy.paren', 'policy').decoded).toEqual({ Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: UNKNOWN } });
    expect(attr('aws_iam_policy.local', 'policy').decoded).toEqual({ Statement: [{ Effect: 'Allow', Action: '*', Resource: UNKNOWN }] });
    const [block] = rs.get('aws_wafv2_web_acl.acl')!.view.blocks('rule');
    const doc = block.attr('doc')!;
    expect(isUnknown(doc.value)).toBe(true);
    expect(doc.decoded).toEqual({ arn: UNKNOWN, n: 1 });
  });

  it('no decoded for known strings, wholly unknown arguments, or interpolated strings', () => {
    const known = attr('aws_iam_policy.known', 'policy');
    expect(known.value).toBe('{"Statement":[{"Action":"*","Effect":"Allow","Resource":"*"}]}');
    expect('decoded' in known).toBe(false);
    for (const addr of ['aws_iam_policy.opaque', 'aws_iam_policy.interpolated']) {
      const a = attr(addr, 'policy');
      expect(isUnknown(a.value)).toBe(true);
      expect(a.decoded).toBeUndefined();
    }
  });

  it('policyDocument reads the decoded structure, keeping UNKNOWN in place', () => {
    expect(policyDocument(attr('aws_iam_policy.direct', 'policy'))).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: ['*'], Resource: ['*'] },
        { Effect: 'Allow', Action: ['s3:*'], Resource: UNKNOWN },
      ],
    });
    expect(policyDocument(attr('aws_iam_policy.known', 'policy'))).toEqual({ Statement: [{ Effect: 'Allow', Action: ['*'], Resource: ['*'] }] });
    expect(policyDocument(attr('aws_iam_policy.opaque', 'policy'))).toBe(UNKNOWN);
  });
});

describe('jsondecode of an unknown JSON string with a known structure', () => {
  const tf = `
resource "aws_s3_bucket" "b" {
  bucket_prefix = "data-"
}

locals {
  decoded = jsondecode(jsonencode({ Statement = [{ Effect = "Allow", Action = "*", Resource = aws_s3_bucket.b.arn }] }))
}

resource "aws_iam_policy" "roundtrip" {
  policy = jsonencode(local.decoded)
}

resource "aws_iam_policy" "statements" {
  policy = jsonencode({ Statement = concat(local.decoded.Statement, [{ Effect = "Deny", Action = "s3:DeleteBucket", Resource = "*" }]) })
}

resource "aws_iam_policy" "opaque" {
  policy = jsonencode(jsondecode(data.external.x.result.policy))
}
`;
  const rs = unit(tf);
  const attr = (addr: string) => rs.get(addr)!.view.attr('policy')!;

  it('decodes to the structure, so its parts can be read and re-encoded', () => {
    expect(attr('aws_iam_policy.roundtrip').decoded).toEqual({ Statement: [{ Action: '*', Effect: 'Allow', Resource: UNKNOWN }] });
    expect(attr('aws_iam_policy.statements').decoded).toEqual({
      Statement: [
        { Action: '*', Effect: 'Allow', Resource: UNKNOWN },
        { Action: 's3:DeleteBucket', Effect: 'Deny', Resource: '*' },
      ],
    });
  });

  it('an unknown string with no known structure stays wholly unknown', () => {
    const a = attr('aws_iam_policy.opaque');
    expect(isUnknown(a.value)).toBe(true);
    expect(a.decoded).toBeUndefined();
  });
});

describe('aws_iam_policy_document with unknown values', () => {
  const tf = `
resource "aws_eks_cluster" "c" {
  name = "main"
}

resource "aws_iam_openid_connect_provider" "eks" {
  url = aws_eks_cluster.c.identity[0].oidc[0].issuer
}

data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.eks.arn]
    }
    condition {
      test     = "StringEquals"
      variable = "\${replace(aws_iam_openid_connect_provider.eks.url, "https://", "")}:sub"
      values   = ["system:serviceaccount:app:web"]
    }
  }
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
  dynamic "statement" {
    for_each = data.external.extra.result
    content {
      actions = statement.value
    }
  }
}

resource "aws_iam_role" "r" {
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

data "aws_iam_policy_document" "known" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::reports/*"]
  }
}

resource "aws_iam_policy" "known" {
  policy = data.aws_iam_policy_document.known.minified_json
}
`;
  const rs = unit(tf);

  it('is an unknown string whose structure has UNKNOWN where the configuration is unknown', () => {
    const a = rs.get('aws_iam_role.r')!.view.attr('assume_role_policy')!;
    expect(isUnknown(a.value)).toBe(true);
    expect(a.decoded).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['sts:AssumeRoleWithWebIdentity'],
          Principal: { Federated: [UNKNOWN] },
          // the condition variable is unknown: the condition cannot be placed
          Condition: UNKNOWN,
        },
        { Effect: 'Allow', Action: ['sts:AssumeRole'], Principal: { AWS: ['*'] } },
        // a dynamic statement over an unknown collection
        UNKNOWN,
      ],
    });
  });

  it('a wholly known document is still a JSON string', () => {
    const a = rs.get('aws_iam_policy.known')!.view.attr('policy')!;
    expect(a.value).toBe('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject"],"Resource":["arn:aws:s3:::reports/*"]}]}');
    expect(a.decoded).toBeUndefined();
  });
});

describe('normalizePolicyDocument keeps UNKNOWN where it is', () => {
  it('unknown values are neither widened into lists nor read', () => {
    expect(
      normalizePolicyDocument({
        Statement: { Effect: 'Allow', Action: '*', Resource: UNKNOWN, NotResource: [UNKNOWN, 'arn:aws:s3:::x'], Principal: UNKNOWN, Condition: { StringEquals: UNKNOWN } },
      }),
    ).toEqual({
      Statement: [{ Effect: 'Allow', Action: ['*'], Resource: UNKNOWN, NotResource: [UNKNOWN, 'arn:aws:s3:::x'], Principal: UNKNOWN, Condition: { StringEquals: UNKNOWN } }],
    });
  });

  it('an unknown statement stays one unknown statement; an unknown statement list stays unknown', () => {
    expect(normalizePolicyDocument({ Statement: [UNKNOWN, { Effect: 'Deny', Action: 's3:*' }] })).toEqual({ Statement: [UNKNOWN, { Effect: 'Deny', Action: ['s3:*'] }] });
    expect(normalizePolicyDocument({ Version: '2012-10-17', Statement: UNKNOWN })).toEqual({ Version: '2012-10-17', Statement: UNKNOWN });
    expect(normalizePolicyDocument(UNKNOWN)).toBe(UNKNOWN);
    expect(normalizePolicyDocument(unknownJson({ Statement: [] }))).toBe(UNKNOWN);
  });
});

describe('adapters read the decoded structure of JSON attributes', () => {
  const tf = `
resource "aws_ecr_repository" "web" {
  name = "web"
}

resource "aws_sqs_queue" "dlq" {
  name_prefix = "orders-dlq-"
}

resource "aws_sqs_queue" "orders" {
  name           = "orders"
  redrive_policy = jsonencode({ deadLetterTargetArn = aws_sqs_queue.dlq.arn, maxReceiveCount = 5 })
}

resource "aws_ecs_task_definition" "web" {
  family = "web"
  container_definitions = jsonencode([
    { name = "web", image = "\${aws_ecr_repository.web.repository_url}:1", privileged = true,
      environment = [{ name = "DB_PASSWORD", value = aws_sqs_queue.dlq.url }] },
    local.sidecar,
  ])
}

locals {
  sidecar = { name = "sidecar", image = data.external.img.result }
}

resource "aws_s3_bucket" "b" {
  bucket_prefix = "b-"
}

resource "aws_s3_bucket_policy" "b" {
  bucket = aws_s3_bucket.b.id
  policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "\${aws_s3_bucket.b.arn}/*" }] })
}
`;
  const sink = { model: emptyModel(), sourceMap: [] };
  adaptTerraformAws([...unit(tf).values()], sink);
  const aws = sink.model.aws;

  it('policies: the normalised document with UNKNOWN in place', () => {
    expect(aws.s3.buckets[0].policy).toEqual({ Statement: [{ Effect: 'Allow', Principal: '*', Action: ['s3:GetObject'], Resource: UNKNOWN }] });
  });

  it('ECS container definitions and SQS redrive policies', () => {
    expect(aws.ecs.task_definitions[0].container_definitions).toEqual([
      { name: 'web', image: UNKNOWN, privileged: true, environment: [{ name: 'DB_PASSWORD' }] },
      { name: 'sidecar', image: UNKNOWN },
    ]);
    const orders = aws.sqs.queues.find((q) => q.name === 'orders')!;
    expect(orders.redrive_policy).toEqual({ deadLetterTargetArn: UNKNOWN, maxReceiveCount: 5 });
    // the dead-letter queue is still found by reference
    expect(aws.sqs.queues.find((q) => q.name !== 'orders')!.is_dead_letter_queue).toBe(true);
  });
});
