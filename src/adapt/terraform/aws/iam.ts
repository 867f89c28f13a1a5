/**
 * IAM: policies (managed and inline), roles with their trust policy, users, the account
 * password policy. Attachments, inline user policies and access keys fold into the role or
 * user they name (by reference or literal name).
 */
import type { ObjectBuilder } from '../../builder.js';
import { isUnknown, UNKNOWN } from '../../../model/model.js';
import type { TerraformResource } from '../resource.js';
import { traversalRef } from '../references.js';
import { attrWhere } from '../view.js';
import { copyAttr, copyAttrs, copyTags, toStringList, type ResourceAdapter, type TfAwsContext } from './context.js';

function iamPolicy(attachment: 'managed' | 'user' | 'group' | 'role'): ResourceAdapter {
  return (r, ctx) => {
    const b = ctx.create(r, 'iam', 'policies', { attachment });
    copyAttr(b, ['name'], r.view, 'name', r.name);
    ctx.copyPolicy(b, ['document'], r, 'policy', UNKNOWN);
    // only aws_iam_policy is a taggable resource; inline role, user and group policies are not
    if (attachment === 'managed') copyTags(b, r.view);
  };
}

const ROLE = ['aws_iam_role'];
const USER = ['aws_iam_user'];

const role: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'iam', 'roles', { managed_policy_arns: [] });
  copyAttr(b, ['name'], r.view, 'name', r.name);
  ctx.copyPolicy(b, ['assume_role_policy'], r, 'assume_role_policy', UNKNOWN);
  // the (deprecated) exclusive `managed_policy_arns` argument
  const arns = r.view.attr('managed_policy_arns');
  if (arns) {
    const list = toStringList(arns.value);
    if (Array.isArray(list)) list.forEach((arn) => addArn(b, arn, attrWhere(r.view, arns)));
    else b.set(['managed_policy_arns'], UNKNOWN, attrWhere(r.view, arns));
  }
  copyTags(b, r.view);
};

const user: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'iam', 'users', { managed_policy_arns: [], inline_policy_count: 0, access_keys: [] });
  copyAttr(b, ['name'], r.view, 'name', r.name);
  copyAttr(b, ['path'], r.view, 'path', '/');
  copyTags(b, r.view);
};

const passwordPolicy: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'iam', 'password_policies');
  // IAM API defaults (UpdateAccountPasswordPolicy): length 6, no reuse prevention, no expiry.
  copyAttrs(b, [], r.view, {
    minimum_password_length: 6,
    password_reuse_prevention: 0,
    max_password_age: 0,
    require_lowercase_characters: false,
    require_uppercase_characters: false,
    require_numbers: false,
    require_symbols: false,
    allow_users_to_change_password: true,
    hard_expiry: false,
  });
};

function addArn(b: ObjectBuilder, arn: unknown, where: { file: string; range: import('../../../model/source.js').Range }): void {
  const list = b.get(['managed_policy_arns']);
  if (!Array.isArray(list)) return;
  b.set(['managed_policy_arns', list.length], isUnknown(arn) ? UNKNOWN : arn, where);
}

/** The resources of `types` named by each element of a list attribute (references or literal names). */
function listTargets(ctx: TfAwsContext, r: TerraformResource, attrName: string, types: string[], matchAttr: string): TerraformResource[] {
  const a = r.view.attr(attrName);
  if (!a) return [];
  const out: TerraformResource[] = [];
  if (a.expr.type === 'tuple') {
    for (const item of a.expr.items) {
      const ref = traversalRef(item);
      if (ref && types.includes(ref.type)) {
        const t = ctx.resources.find((c) => c.module === r.module && c.type === ref.type && c.name === ref.name);
        if (t) out.push(t);
      }
    }
  }
  if (Array.isArray(a.value)) {
    for (const v of a.value) {
      const designated = ctx.designated(r, v, types);
      if (designated && !out.includes(designated)) out.push(designated);
      if (typeof v !== 'string') continue;
      const t = ctx.resources.find((c) => c.module === r.module && types.includes(c.type) && c.view.attr(matchAttr)?.value === v);
      if (t && !out.includes(t)) out.push(t);
    }
  }
  return out;
}

/** Adds the attachment's `policy_arn` to the managed policies of the role or user it names. */
function attach(attr: string, types: string[]): ResourceAdapter {
  return (r, ctx) => {
    const target = ctx.target(r, attr, types, 'name');
    const b = target && ctx.builder(target);
    const a = r.view.attr('policy_arn');
    if (b && a) addArn(b, a.value, attrWhere(r.view, a));
  };
}

const policyAttachment: ResourceAdapter = (r, ctx) => {
  const a = r.view.attr('policy_arn');
  if (!a) return;
  for (const [attr, types] of [
    ['users', USER],
    ['roles', ROLE],
  ] as const) {
    for (const t of listTargets(ctx, r, attr, [...types], 'name')) {
      const b = ctx.builder(t);
      if (b) addArn(b, a.value, attrWhere(r.view, a));
    }
  }
};

const userInlinePolicy: ResourceAdapter = (r, ctx) => {
  const target = ctx.target(r, 'user', USER, 'name');
  const b = target && ctx.builder(target);
  if (b) b.set(['inline_policy_count'], ((b.get(['inline_policy_count']) as number) ?? 0) + 1);
};

const accessKey: ResourceAdapter = (r, ctx) => {
  const target = ctx.target(r, 'user', USER, 'name');
  const b = target && ctx.builder(target);
  if (!b) return;
  const keys = b.get(['access_keys']) as unknown[];
  const i = keys.length;
  b.set(['access_keys', i], { id: `${r.unit}:${r.address}` }, { file: r.view.file, range: r.view.range });
  copyAttr(b, ['access_keys', i, 'status'], r.view, 'status', 'Active');
};

export const primary: Record<string, ResourceAdapter> = {
  aws_iam_policy: iamPolicy('managed'),
  aws_iam_user_policy: iamPolicy('user'),
  aws_iam_group_policy: iamPolicy('group'),
  aws_iam_role_policy: iamPolicy('role'),
  aws_iam_role: role,
  aws_iam_user: user,
  aws_iam_account_password_policy: passwordPolicy,
};

export const folds: Record<string, ResourceAdapter> = {
  aws_iam_role_policy_attachment: attach('role', ROLE),
  aws_iam_user_policy_attachment: attach('user', USER),
  aws_iam_policy_attachment: policyAttachment,
  aws_iam_user_policy: userInlinePolicy,
  aws_iam_access_key: accessKey,
};
