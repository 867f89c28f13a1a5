/**
 * Attributes the provider computes but that follow from configured ones, as the AWS provider
 * documents them: an S3 bucket's `id` is its name and its ARN is `arn:aws:s3:::<name>`; an IAM
 * role's or user's `id` is its name; a log group's `id` is its name. Without them, the common
 * `target_bucket = aws_s3_bucket.logs.id` or `for_each = aws_s3_bucket.logs` + `each.value.id`
 * would be unknown and hide which bucket is configured.
 */
import { isUnknown, UNKNOWN, unknownJson } from '../../model/model.js';
import type { BodyView } from '../../adapt/terraform/view.js';

type Derive = (attrs: Record<string, unknown>) => unknown;

const nameOf =
  (attr: string): Derive =>
  (o) =>
    typeof o[attr] === 'string' ? o[attr] : UNKNOWN;

export const DERIVED_ATTRIBUTES: Record<string, Record<string, Derive>> = {
  aws_s3_bucket: {
    id: nameOf('bucket'),
    arn: (o) => (typeof o.bucket === 'string' ? `arn:aws:s3:::${o.bucket}` : UNKNOWN),
  },
  aws_iam_role: { id: nameOf('name') },
  aws_iam_user: { id: nameOf('name') },
  aws_cloudwatch_log_group: { id: nameOf('name') },
};

/** True when a value holds the UNKNOWN marker anywhere. */
function hasUnknown(v: unknown): boolean {
  if (isUnknown(v)) return true;
  if (Array.isArray(v)) return v.some(hasUnknown);
  if (v !== null && typeof v === 'object') return Object.values(v).some(hasUnknown);
  return false;
}

/**
 * `data.aws_iam_policy_document` computes its `json` from its configuration alone, locally, as
 * the provider does: statements with effect, actions, resources, principals and conditions.
 * Documents merged from other documents (`source_policy_documents`, `override_policy_documents`)
 * stay unknown. A document holding unknown values (an ARN of a resource, a generated statement)
 * is an unknown string whose structure adapters can still read (unknownJson), with UNKNOWN where
 * the configuration cannot be known: a value, a statement, a principal or condition block.
 */
function iamPolicyDocument(view: BodyView): Record<string, unknown> {
  for (const merged of ['source_policy_documents', 'override_policy_documents', 'source_json', 'override_json']) {
    if (view.attr(merged)) return { json: UNKNOWN, minified_json: UNKNOWN };
  }
  const statements: unknown[] = [];
  for (const st of view.blocks('statement')) {
    if (st.unknown) {
      statements.push(UNKNOWN);
      continue;
    }
    const out: Record<string, unknown> = {};
    const sid = st.attr('sid')?.value;
    if (sid !== undefined) out.Sid = sid;
    out.Effect = st.attr('effect')?.value ?? 'Allow';
    for (const [attr, key] of [['actions', 'Action'], ['not_actions', 'NotAction'], ['resources', 'Resource'], ['not_resources', 'NotResource']] as const) {
      const a = st.attr(attr);
      // the provider leaves out an empty (or null) set: `not_actions = []` is no NotAction
      if (a && a.value !== null && !(Array.isArray(a.value) && a.value.length === 0)) out[key] = a.value;
    }
    for (const [block, key] of [['principals', 'Principal'], ['not_principals', 'NotPrincipal']] as const) {
      const ps = st.blocks(block);
      if (ps.length) out[key] = principals(ps);
    }
    const conditions = conditionsOf(st.blocks('condition'));
    if (conditions !== undefined) out.Condition = conditions;
    statements.push(out);
  }
  const doc = { Version: view.attr('version')?.value ?? '2012-10-17', Statement: statements };
  if (hasUnknown(doc)) {
    const partial = unknownJson(doc);
    return { json: partial, minified_json: partial };
  }
  return { json: JSON.stringify(doc, null, 2), minified_json: JSON.stringify(doc) };
}

/** `principals { type, identifiers }` blocks as a Principal; UNKNOWN when a block's type or identifiers cannot be placed. */
function principals(ps: BodyView[]): unknown {
  const principal: Record<string, unknown[]> = {};
  for (const p of ps) {
    if (p.unknown) return UNKNOWN;
    const type = p.attr('type')?.value;
    const ids = p.attr('identifiers')?.value;
    if (typeof type !== 'string' || !Array.isArray(ids)) return UNKNOWN;
    (principal[type] ??= []).push(...ids);
  }
  return principal['*'] && Object.keys(principal).length === 1 ? '*' : principal;
}

/** `condition { test, variable, values }` blocks as a Condition; UNKNOWN when a block's test or variable is unknown. */
function conditionsOf(cs: BodyView[]): unknown {
  if (!cs.length) return undefined;
  const conditions: Record<string, Record<string, unknown>> = {};
  for (const c of cs) {
    if (c.unknown) return UNKNOWN;
    const test = c.attr('test')?.value;
    const variable = c.attr('variable')?.value;
    if (typeof test !== 'string' || typeof variable !== 'string') return UNKNOWN;
    (conditions[test] ??= {})[variable] = c.attr('values')?.value;
  }
  return conditions;
}

/** Data sources whose result is a pure function of their configuration (no API call). */
export const COMPUTED_DATA_SOURCES: Record<string, (view: BodyView) => Record<string, unknown>> = {
  aws_iam_policy_document: iamPolicyDocument,
};
