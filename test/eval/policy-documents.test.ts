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

  it('numbers and bools in sets of strings are strings, as Terraform converts them for the provider', () => {
    const docs = documents(`
variable "mfa_age" {
  default = 86400
}

data "aws_iam_policy_document" "d" {
  statement {
    actions   = ["sts:AssumeRole"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = [123456789012]
    }
    condition {
      test     = "NumericLessThan"
      variable = "aws:MultiFactorAuthAge"
      values   = [var.mfa_age]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = [true]
    }
  }
}

resource "aws_iam_policy" "p" {
  policy = data.aws_iam_policy_document.d.json
}
`);
    const st = (docs.p as { Statement: Record<string, unknown>[] }).Statement[0];
    expect(st.Principal).toEqual({ AWS: ['123456789012'] });
    expect(st.Condition).toEqual({ NumericLessThan: { 'aws:MultiFactorAuthAge': ['86400'] }, Bool: { 'aws:SecureTransport': ['true'] } });
  });
});

describe('policy variables and Sid', () => {
  it('&{ is written as ${ in resources, principal identifiers and condition values, as the provider writes it; not in actions', () => {
    const docs = documents(`
data "aws_iam_policy_document" "d" {
  statement {
    sid           = ""
    actions       = ["s3:&{x}"]
    resources     = ["arn:aws:s3:::home/&{aws:username}/*"]
    not_resources = ["arn:aws:s3:::home/&{aws:username}/secret"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:user/&{aws:username}"]
    }
    condition {
      test     = "StringLike"
      variable = "s3:prefix&{"
      values   = ["home/&{aws:username}/"]
    }
  }
}

resource "aws_iam_policy" "p" {
  policy = data.aws_iam_policy_document.d.json
}
`);
    expect(docs.p).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['s3:&{x}'],
          Resource: ['arn:aws:s3:::home/${aws:username}/*'],
          NotResource: ['arn:aws:s3:::home/${aws:username}/secret'],
          Principal: { AWS: ['arn:aws:iam::111122223333:user/${aws:username}'] },
          Condition: { StringLike: { 's3:prefix&{': ['home/${aws:username}/'] } },
        },
      ],
    });
  });

  it('an empty sid is no Sid, as the provider leaves it out', () => {
    const docs = documents(`
data "aws_iam_policy_document" "d" {
  statement {
    sid       = ""
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
  statement {
    sid       = ""
    actions   = ["s3:PutObject"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "p" {
  policy = data.aws_iam_policy_document.d.json
}
`);
    expect(docs.p).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['*'] },
        { Effect: 'Allow', Action: ['s3:PutObject'], Resource: ['*'] },
      ],
    });
  });
});

describe('source_policy_documents and override_policy_documents', () => {
  const docs = documents(`
data "aws_iam_policy_document" "base" {
  version = "2008-10-17"
  statement {
    sid       = "A"
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
  statement {
    sid       = "B"
    actions   = ["s3:PutObject"]
    resources = ["*"]
  }
}

locals {
  extra = jsonencode({
    Version = "2012-10-17"
    Id      = "extra"
    Statement = [
      { Effect = "Allow", Action = "logs:*", Resource = "*" },
      { Sid = "C", Effect = "Deny", Action = "iam:*", Resource = "*" },
    ]
  })
}

# sources in order, own statements replacing by Sid or appended, overrides last
data "aws_iam_policy_document" "merged" {
  source_policy_documents   = [data.aws_iam_policy_document.base.json, local.extra]
  override_policy_documents = ["{\\"Statement\\":[{\\"Sid\\":\\"C\\",\\"Effect\\":\\"Allow\\",\\"Action\\":\\"iam:Get*\\",\\"Resource\\":\\"*\\"},{\\"Sid\\":\\"D\\",\\"Effect\\":\\"Allow\\",\\"Action\\":\\"sqs:*\\",\\"Resource\\":\\"*\\"}]}"]
  policy_id = "merged"
  statement {
    sid       = "B"
    actions   = ["s3:DeleteObject"]
    resources = ["*"]
  }
  statement {
    actions   = ["ec2:Describe*"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "merged" {
  policy = data.aws_iam_policy_document.merged.json
}

# only override documents, replacing one of the document's statements
data "aws_iam_policy_document" "overridden" {
  statement {
    sid       = "Admin"
    actions   = ["*"]
    resources = ["*"]
  }
  override_policy_documents = [jsonencode({ Statement = [{ Sid = "Admin", Effect = "Allow", Action = "s3:*", Resource = "*" }, { Sid = "Admin", Effect = "Allow", Action = "s3:GetObject", Resource = "*" }] })]
}

resource "aws_iam_policy" "overridden" {
  policy = data.aws_iam_policy_document.overridden.minified_json
}

# no statements of its own; empty lists and deprecated empty attributes change nothing
data "aws_iam_policy_document" "sources_only" {
  source_policy_documents   = [data.aws_iam_policy_document.base.json]
  override_policy_documents = []
  source_json               = ""
}

resource "aws_iam_policy" "sources_only" {
  policy = data.aws_iam_policy_document.sources_only.json
}
`);

  it('merges as the provider does: sources, then own statements, then overrides, replacing by Sid', () => {
    expect(docs.merged).toEqual({
      Version: '2012-10-17',
      Id: 'merged',
      Statement: [
        { Sid: 'A', Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['*'] },
        { Sid: 'B', Effect: 'Allow', Action: ['s3:DeleteObject'], Resource: ['*'] },
        { Effect: 'Allow', Action: 'logs:*', Resource: '*' },
        { Sid: 'C', Effect: 'Allow', Action: 'iam:Get*', Resource: '*' },
        { Effect: 'Allow', Action: ['ec2:Describe*'], Resource: ['*'] },
        { Sid: 'D', Effect: 'Allow', Action: 'sqs:*', Resource: '*' },
      ],
    });
  });

  it('an override statement replaces the statement with its Sid; a later one with the same Sid replaces it again', () => {
    expect(docs.overridden).toEqual({ Version: '2012-10-17', Statement: [{ Sid: 'Admin', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] });
  });

  it('source documents alone; the Version is the greatest of the documents', () => {
    expect(docs.sources_only).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'A', Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['*'] },
        { Sid: 'B', Effect: 'Allow', Action: ['s3:PutObject'], Resource: ['*'] },
      ],
    });
  });
});

describe('merged documents read as the provider reads them', () => {
  /** The `policy` of a document merging one source document written as `json`. */
  const merged = (json: string) =>
    documents(`
data "aws_iam_policy_document" "d" {
  source_policy_documents = [${JSON.stringify(json)}]
}

resource "aws_iam_policy" "p" {
  policy = data.aws_iam_policy_document.d.json
}
`).p;
  const statement = (st: Record<string, unknown>) => (merged(JSON.stringify({ Statement: [st] })) as { Statement: unknown[] }).Statement[0];

  it('principals: any string is "*", identifier lists in the provider order, {"*": "*"} is "*", an empty map left out', () => {
    expect(statement({ Effect: 'Allow', Action: 's3:GetObject', Principal: 'arn:aws:iam::111122223333:root' })).toEqual({ Effect: 'Allow', Action: 's3:GetObject', Principal: '*' });
    expect(statement({ Principal: { AWS: ['arn:aws:iam::111122223333:root', 'arn:aws:iam::444455556666:root'], Service: 'ec2.amazonaws.com' } })).toEqual({
      Principal: { AWS: ['arn:aws:iam::444455556666:root', 'arn:aws:iam::111122223333:root'], Service: 'ec2.amazonaws.com' },
    });
    expect(statement({ Principal: { '*': ['*'] } })).toEqual({ Principal: '*' });
    expect(statement({ NotPrincipal: {} })).toEqual({});
  });

  it('conditions: one-element lists as the string, booleans as strings; values the provider drops make the Condition unknown', () => {
    expect(statement({ Condition: { Bool: { 'aws:SecureTransport': false }, StringEquals: { 'aws:PrincipalOrgID': ['o-1'], 's3:prefix': ['a', 'b'] } } })).toEqual({
      Condition: { Bool: { 'aws:SecureTransport': 'false' }, StringEquals: { 'aws:PrincipalOrgID': 'o-1', 's3:prefix': ['a', 'b'] } },
    });
    expect(statement({ Effect: 'Allow', Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': 3600 }, StringEquals: { 'aws:PrincipalOrgID': 'o-1' } } })).toEqual({
      Effect: 'Allow',
      Condition: { NumericLessThan: { __unknown__: true }, StringEquals: { 'aws:PrincipalOrgID': 'o-1' } },
    });
    expect(statement({ Condition: { StringEquals: null } })).toEqual({});
  });

  it('keys matched case-insensitively (Go), unknown keys and empty or null values left out', () => {
    expect(statement({ sid: 'S', effect: 'Allow', action: '*', resource: '*', Foo: 1, NotResource: null, Effect2: 'x' })).toEqual({ Sid: 'S', Effect: 'Allow', Action: '*', Resource: '*' });
    // Go folds "ſ" to "s" and the Kelvin sign to "k"; no other letter matches an ASCII one
    expect(statement({ '\u017fid': 'S', 'Écho': 1, NotAction: 'iam:*' })).toEqual({ Sid: 'S', NotAction: 'iam:*' });
    expect(statement({ Sid: '', Effect: '', Action: [] })).toEqual({ Action: [] });
  });

  it('documents the provider rejects, or that cannot be read exactly as it reads them, make the document UNKNOWN', () => {
    for (const bad of [
      '{',
      '[]',
      '{"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}',
      '{"Statement": [null]}',
      '{"Statement": ["x"]}',
      '{"Version": 1, "Statement": []}',
      '{"Statement": [{"Sid": 1}]}',
      '{"Statement": [{"Principal": null}]}',
      '{"Statement": [{"Principal": {"AWS": [1]}}]}',
      '{"Statement": [{"Condition": {"Bool": "true"}}]}',
      '{"Statement": [{"Action": "a", "action": "b"}]}',
      '{"Statement": [{"Sid": "A"}, {"Sid": "A"}]}',
    ]) {
      expect(merged(bad), bad).toBe('UNKNOWN');
    }
    expect(merged('null')).toEqual({ Version: '2012-10-17', Statement: [] });
  });
});

describe('merged documents with unknown parts', () => {
  const docs = documents(`
variable "sid" {
  type = string
}

resource "aws_s3_bucket" "b" {
  bucket_prefix = "b-"
}

data "aws_iam_policy_document" "admin" {
  statement {
    sid       = "Admin"
    actions   = ["*"]
    resources = ["*"]
  }
  statement {
    actions   = ["logs:*"]
    resources = ["*"]
  }
}

# an override statement whose Sid is unknown: every statement with a Sid may be the one it replaces
data "aws_iam_policy_document" "unknown_sid" {
  source_policy_documents   = [data.aws_iam_policy_document.admin.json]
  override_policy_documents = [jsonencode({ Statement = [{ Sid = var.sid, Effect = "Allow", Action = "s3:GetObject", Resource = aws_s3_bucket.b.arn }] })]
}

resource "aws_iam_policy" "unknown_sid" {
  policy = data.aws_iam_policy_document.unknown_sid.json
}

# a source statement whose Sid is unknown, then a statement with a known Sid not found: the unknown one may be replaced
data "aws_iam_policy_document" "known_after_unknown" {
  source_policy_documents = [jsonencode({ Statement = [{ Sid = var.sid, Effect = "Allow", Action = "*", Resource = "*" }, { Sid = "Keep", Effect = "Allow", Action = "sqs:*", Resource = "*" }] })]
  statement {
    sid       = "New"
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
  statement {
    sid       = "Keep"
    actions   = ["sqs:SendMessage"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "known_after_unknown" {
  policy = data.aws_iam_policy_document.known_after_unknown.json
}

# a source document whose structure is partly known keeps it
data "aws_iam_policy_document" "partly" {
  source_policy_documents = [jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:*", Resource = aws_s3_bucket.b.arn }] })]
  statement {
    actions   = ["*"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "partly" {
  policy = data.aws_iam_policy_document.partly.json
}

# documents of which nothing is known, or not how many statements
data "aws_iam_policy_document" "opaque" {
  source_policy_documents = [data.http.p.response_body]
}

resource "aws_iam_policy" "opaque" {
  policy = data.aws_iam_policy_document.opaque.json
}

data "aws_iam_policy_document" "unknown_list" {
  override_policy_documents = [jsonencode({ Statement = data.http.p.response_body })]
}

resource "aws_iam_policy" "unknown_list" {
  policy = data.aws_iam_policy_document.unknown_list.json
}

data "aws_iam_policy_document" "unknown_documents" {
  source_policy_documents = var.documents
}

variable "documents" {
  type = list(string)
}

resource "aws_iam_policy" "unknown_documents" {
  policy = data.aws_iam_policy_document.unknown_documents.json
}

# the deprecated source_json merged a document in older provider versions
data "aws_iam_policy_document" "source_json" {
  source_json = data.aws_iam_policy_document.admin.json
}

resource "aws_iam_policy" "source_json" {
  policy = data.aws_iam_policy_document.source_json.json
}
`);
  const U = { __unknown__: true };

  it('an unknown Sid may replace any statement with a Sid: those are unknown; the others stay', () => {
    expect(docs.unknown_sid).toEqual({
      Version: '2012-10-17',
      Statement: [U, { Effect: 'Allow', Action: ['logs:*'], Resource: ['*'] }, { Sid: U, Effect: 'Allow', Action: 's3:GetObject', Resource: U }],
    });
  });

  it('a known Sid replaces its statement; not found, it may replace one whose Sid is unknown', () => {
    expect(docs.known_after_unknown).toEqual({
      Version: '2012-10-17',
      Statement: [U, { Sid: 'Keep', Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: ['*'] }, { Sid: 'New', Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['*'] }],
    });
  });

  it('a partly known source document is merged with its unknown values in place', () => {
    expect(docs.partly).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 's3:*', Resource: U },
        { Effect: 'Allow', Action: ['*'], Resource: ['*'] },
      ],
    });
  });

  it('a document nothing is known of, an unknown statement list or document list, a non-empty source_json: UNKNOWN', () => {
    for (const name of ['opaque', 'unknown_list', 'unknown_documents', 'source_json']) expect(docs[name], name).toBe('UNKNOWN');
  });
});

describe('documents the AWS provider refuses', () => {
  /** The warnings of a configuration, as `file:line code message`. */
  function warnings(tf: string): string[] {
    const diagnostics: Diagnostic[] = [];
    const resources = evaluateTerraformUnit({ root: '/nonexistent', unit: 'u', files: [parseHcl(tf, 'u/main.tf')], diagnostics, readText: () => undefined });
    for (const r of resources) r.view.attr('policy');
    return diagnostics.filter((d) => d.level !== 'note').map((d) => `${d.file}:${d.line} ${d.code} ${d.message}`);
  }

  it('are unknown, with a warning naming the attribute or statement that makes them so', () => {
    const w = warnings(`
data "aws_iam_policy_document" "not_json" {
  source_policy_documents = ["{ not json"]
}

data "aws_iam_policy_document" "statement_object" {
  override_policy_documents = [jsonencode({ Statement = { Effect = "Allow" } })]
}

data "aws_iam_policy_document" "duplicate" {
  statement {
    sid     = "Read"
    actions = ["s3:GetObject"]
  }
  statement {
    sid     = "Read"
    actions = ["s3:ListBucket"]
  }
}

resource "aws_iam_policy" "a" {
  policy = data.aws_iam_policy_document.not_json.json
}

resource "aws_iam_policy" "b" {
  policy = data.aws_iam_policy_document.statement_object.json
}

resource "aws_iam_policy" "c" {
  policy = data.aws_iam_policy_document.duplicate.json
}
`);
    expect(w).toEqual([
      expect.stringMatching(/^u\/main\.tf:3 tf-policy-document data\.aws_iam_policy_document\.not_json: document 1 of source_policy_documents cannot be used by the AWS provider: it is not JSON/),
      expect.stringMatching(/^u\/main\.tf:7 tf-policy-document .*statement_object: document 1 of override_policy_documents .*Statement must be a list/),
      expect.stringMatching(/^u\/main\.tf:15 tf-policy-document .*duplicate: duplicate Sid "Read"/),
    ]);
  });

  it('a &{ in a document of version 2008-10-17, which has no policy variables: unknown, with a warning', () => {
    const w = warnings(`
data "aws_iam_policy_document" "old" {
  version = "2008-10-17"
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::home/&{aws:username}/*"]
  }
}

resource "aws_iam_policy" "a" {
  policy = data.aws_iam_policy_document.old.json
}
`);
    expect(w).toEqual([expect.stringMatching(/^u\/main\.tf:4 tf-policy-document data\.aws_iam_policy_document\.old: .*&\{ sequence.*2008-10-17/)]);
  });

  it('that refer to each other in a cycle: unknown, with a warning', () => {
    const w = warnings(`
data "aws_iam_policy_document" "a" {
  source_policy_documents = [data.aws_iam_policy_document.b.json]
}

data "aws_iam_policy_document" "b" {
  source_policy_documents = [data.aws_iam_policy_document.a.json]
}

resource "aws_iam_policy" "p" {
  policy = data.aws_iam_policy_document.a.json
}
`);
    expect(w).toEqual([expect.stringMatching(/^u\/main\.tf:2 tf-cycle data\.aws_iam_policy_document\.a refers to itself/)]);
  });

  it('a partly unknown document is no error', () => {
    expect(
      warnings(`
variable "arn" { type = string }
data "aws_iam_policy_document" "d" {
  source_policy_documents = [jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:*", Resource = var.arn }] })]
}
resource "aws_iam_policy" "p" {
  policy = data.aws_iam_policy_document.d.json
}
`),
    ).toEqual([]);
  });
});

describe('principals of type "*"', () => {
  it('are written "*" only for one block whose identifiers are exactly ["*"], as the provider writes them', () => {
    const docs = documents(`
data "aws_iam_policy_document" "anyone" {
  statement {
    actions = ["s3:GetObject"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

data "aws_iam_policy_document" "listed" {
  statement {
    actions = ["s3:GetObject"]
    principals {
      type        = "*"
      identifiers = ["arn:aws:iam::111122223333:root"]
    }
  }
}

data "aws_iam_policy_document" "two_blocks" {
  statement {
    actions = ["s3:GetObject"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

resource "aws_iam_policy" "anyone" {
  policy = data.aws_iam_policy_document.anyone.json
}

resource "aws_iam_policy" "listed" {
  policy = data.aws_iam_policy_document.listed.json
}

resource "aws_iam_policy" "two_blocks" {
  policy = data.aws_iam_policy_document.two_blocks.json
}
`);
    const principal = (k: string) => ((docs[k] as { Statement: { Principal: unknown }[] }).Statement[0].Principal);
    expect(principal('anyone')).toBe('*');
    expect(principal('listed')).toEqual({ '*': ['arn:aws:iam::111122223333:root'] });
    expect(principal('two_blocks')).toEqual({ '*': ['*', '*'] });
  });
});
