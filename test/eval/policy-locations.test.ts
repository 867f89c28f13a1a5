/** Policies written as literal `jsonencode({ Statement = [...] })`: statements and their keys are located at their own lines. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { processUnit } from '../../src/engine/process-unit.js';
import { locate } from '../../src/findings/build.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-policy-loc-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function unit(tf: string) {
  fs.mkdirSync(path.join(tmp, 'u'), { recursive: true });
  fs.writeFileSync(path.join(tmp, 'u/main.tf'), tf);
  const r = processUnit({ kind: 'terraform', id: 'u', files: ['u/main.tf'] }, tmp);
  return (address: string, p: (string | number)[]) => locate(r.sourceMap.find((e) => e.id.endsWith(address) || e.identity === address)!, p)?.start.line;
}

describe('Terraform policy statement locations', () => {
  it('each statement of a literal list, and each key of it, at its own line', () => {
    const line = unit(`resource "aws_iam_policy" "p" {
  name = "p"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = "s3:GetObject", Resource = "*" },
      {
        Effect   = "Allow"
        "Action" = "*"
        Resource = "*"
      }
    ]
  })
}
`);
    expect(line('aws_iam_policy.p', ['document', 'Statement', 0])).toBe(6);
    expect(line('aws_iam_policy.p', ['document', 'Statement', 1])).toBe(7);
    expect(line('aws_iam_policy.p', ['document', 'Statement', 1, 'Action'])).toBe(9);
    expect(line('aws_iam_policy.p', ['document', 'Statement', 1, 'Action', 0])).toBe(9);
    expect(line('aws_iam_policy.p', ['document', 'Version'])).toBe(3);
  });

  it('a single statement object is statement 0; statements built otherwise keep the attribute line', () => {
    const line = unit(`resource "aws_iam_role" "r" {
  name = "r"
  assume_role_policy = jsonencode({
    Statement = {
      Effect    = "Allow"
      Principal = { Service = "ec2.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }
  })
}

resource "aws_iam_policy" "generated" {
  name = "g"
  policy = jsonencode({
    Statement = [for a in ["s3:GetObject", "s3:PutObject"] : { Effect = "Allow", Action = a, Resource = "*" }]
  })
}
`);
    expect(line('aws_iam_role.r', ['assume_role_policy', 'Statement', 0])).toBe(4);
    expect(line('aws_iam_role.r', ['assume_role_policy', 'Statement', 0, 'Principal'])).toBe(6);
    expect(line('aws_iam_policy.generated', ['document', 'Statement', 1])).toBe(14);
  });

  it('a policy read from data.aws_iam_policy_document: its statement blocks, dynamic ones expanded, in order', () => {
    const line = unit(`data "aws_iam_policy_document" "doc" {
  dynamic "statement" {
    for_each = ["s3:GetObject", "s3:PutObject"]
    content {
      actions   = [statement.value]
      resources = ["*"]
    }
  }
  statement {
    effect  = "Allow"
    actions = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}

resource "aws_iam_policy" "p" {
  name   = "p"
  policy = data.aws_iam_policy_document.doc.json
}
`);
    expect(line('aws_iam_policy.p', ['document', 'Statement', 0])).toBe(4);
    expect(line('aws_iam_policy.p', ['document', 'Statement', 1, 'Action'])).toBe(5);
    expect(line('aws_iam_policy.p', ['document', 'Statement', 2])).toBe(9);
    expect(line('aws_iam_policy.p', ['document', 'Statement', 2, 'Action'])).toBe(11);
    expect(line('aws_iam_policy.p', ['document', 'Statement', 2, 'Principal'])).toBe(12);
    expect(line('aws_iam_policy.p', ['document', 'Version'])).toBe(21);
  });
  it('a merged aws_iam_policy_document: each statement where the document it comes from writes it', () => {
    const line = unit(`data "aws_iam_policy_document" "base" {
  statement {
    sid       = "Read"
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
  statement {
    sid     = "Write"
    actions = ["s3:PutObject"]
  }
}

locals {
  extra = "{\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Action\\":\\"sqs:*\\",\\"Resource\\":\\"*\\"}]}"
}

data "aws_iam_policy_document" "doc" {
  source_policy_documents = [
    data.aws_iam_policy_document.base.json,
    local.extra,
  ]
  statement {
    sid       = "Write"
    actions   = ["s3:DeleteObject"]
    resources = ["*"]
  }
  override_policy_documents = [jsonencode({
    Statement = [
      { Sid = "Read", Effect = "Allow", Action = "s3:ListBucket", Resource = "*" },
    ]
  })]
}

resource "aws_iam_policy" "p" {
  name   = "p"
  policy = data.aws_iam_policy_document.doc.json
}

data "aws_iam_policy_document" "listed" {
  source_policy_documents = concat([data.aws_iam_policy_document.base.json], [])
}

resource "aws_iam_policy" "listed" {
  name   = "listed"
  policy = data.aws_iam_policy_document.listed.json
}
`);
    // Read, from base, replaced by the override: the override's statement
    expect(line('aws_iam_policy.p', ['document', 'Statement', 0])).toBe(29);
    expect(line('aws_iam_policy.p', ['document', 'Statement', 0, 'Action'])).toBe(29);
    // Write, from base, replaced by the document's own statement block
    expect(line('aws_iam_policy.p', ['document', 'Statement', 1])).toBe(22);
    expect(line('aws_iam_policy.p', ['document', 'Statement', 1, 'Action'])).toBe(24);
    // the statement of a JSON string: at that document in the list
    expect(line('aws_iam_policy.p', ['document', 'Statement', 2])).toBe(20);
    // a list that is not written literally: at the attribute; through another document, at its blocks
    expect(line('aws_iam_policy.listed', ['document', 'Statement', 0])).toBe(40);
    const base = unit(`data "aws_iam_policy_document" "base" {
  statement {
    sid       = "Read"
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
}

data "aws_iam_policy_document" "doc" {
  source_policy_documents = [data.aws_iam_policy_document.base.json]
}

data "aws_iam_policy_document" "outer" {
  source_policy_documents = [data.aws_iam_policy_document.doc.json]
}

resource "aws_iam_policy" "p" {
  name   = "p"
  policy = data.aws_iam_policy_document.outer.json
}
`);
    expect(base('aws_iam_policy.p', ['document', 'Statement', 0])).toBe(2);
    expect(base('aws_iam_policy.p', ['document', 'Statement', 0, 'Resource'])).toBe(5);
  });
});
