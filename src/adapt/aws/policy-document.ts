/**
 * IAM policy documents in one shape for every source: `Statement` always a list, `Action`,
 * `NotAction`, `Resource`, `NotResource` always lists of strings, principals normalised.
 * Accepts a JSON string (Terraform heredoc, CloudFormation string) or an object, which may be
 * partly known (a Terraform `jsonencode` argument naming a resource's ARN, a CloudFormation
 * `Fn::GetAtt`): UNKNOWN stays UNKNOWN wherever it is, never widened into a list or read as a
 * value, so `Resource: UNKNOWN` is not `["*"]` and an unknown statement stays one statement
 * nobody can read.
 */
import { UNKNOWN, isUnknown } from '../../model/model.js';

const LISTS = ['Action', 'NotAction', 'Resource', 'NotResource'];

export function normalizePolicyDocument(doc: unknown): unknown {
  if (isUnknown(doc)) return UNKNOWN;
  let d = doc;
  if (typeof d === 'string') {
    try {
      d = JSON.parse(d);
    } catch {
      // Interpolated strings that are not JSON are not statically known.
      return UNKNOWN;
    }
  }
  if (typeof d !== 'object' || d === null || Array.isArray(d)) return UNKNOWN;
  const src = d as Record<string, unknown>;
  // an unknown statement list is not a list of one unknown statement
  if (isUnknown(src.Statement)) return { ...src, Statement: UNKNOWN };
  const stmts = src.Statement === undefined ? [] : Array.isArray(src.Statement) ? src.Statement : [src.Statement];
  return {
    ...src,
    Statement: stmts.map((s) => {
      if (typeof s !== 'object' || s === null || isUnknown(s)) return s;
      const st = { ...(s as Record<string, unknown>) };
      for (const k of LISTS) {
        if (st[k] !== undefined && !isUnknown(st[k])) st[k] = Array.isArray(st[k]) ? st[k] : [st[k]];
      }
      return st;
    }),
  };
}
