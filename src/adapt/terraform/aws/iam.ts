/** IAM policies: managed and inline (user, group, role). */
import { normalizePolicyDocument } from '../../aws/policy-document.js';
import { isUnknown, UNKNOWN } from '../../../model/model.js';
import { copyAttr, copyAttrs, copyTags, toStringList, type ResourceAdapter } from './context.js';

function iamPolicy(attachment: 'managed' | 'user' | 'group' | 'role'): ResourceAdapter {
  return (r, ctx) => {
    const b = ctx.create(r, 'iam', 'policies', { attachment });
    copyAttr(b, ['name'], r.view, 'name', r.name);
    copyAttr(b, ['document'], r.view, 'policy', UNKNOWN, (v) => (isUnknown(v) ? UNKNOWN : normalizePolicyDocument(v)));
    copyTags(b, r.view);
  };
}

export const primary: Record<string, ResourceAdapter> = {
  aws_iam_policy: iamPolicy('managed'),
  aws_iam_user_policy: iamPolicy('user'),
  aws_iam_group_policy: iamPolicy('group'),
  aws_iam_role_policy: iamPolicy('role'),
};

export const folds: Record<string, ResourceAdapter> = {};
