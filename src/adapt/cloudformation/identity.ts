/**
 * IAM policies, roles, users and groups (aws.iam.policies[], roles[], users[]) and KMS keys
 * (aws.kms.keys[]) from CloudFormation, in the model of src/adapt/terraform/aws/{iam,monitoring}.ts.
 * Managed and standalone policies are policies of their own; the inline `Policies` of roles,
 * users and groups become one aws.iam.policies[] each; `AWS::IAM::ManagedPolicy` (`Roles`,
 * `Users`), `AWS::IAM::Policy` (`Users`) and `AWS::IAM::AccessKey` also fold into the role or
 * user they name.
 */
import type { ObjectBuilder } from '../builder.js';
import { isUnknown, UNKNOWN } from '../../model/model.js';
import { normalizePolicyDocument } from '../aws/policy-document.js';
import { copyProp, copyProps, copyTags, toBool, toNumber, where, type CfnContext, type CfnResource, type ResourceAdapter } from './context.js';
import { toModel } from './intrinsics.js';
import type { Props } from './props.js';

/** A policy document at `path`, each statement ranged so a finding points at the statement. */
export function documentAt(b: ObjectBuilder, path: (string | number)[], p: Props, key: string, def?: unknown): void {
  if (p.unknown) {
    b.set(path, UNKNOWN, where(p));
    return;
  }
  const doc = p.get(key);
  if (doc === undefined) {
    if (def !== undefined) b.set(path, def);
    return;
  }
  b.set(path, isUnknown(doc) ? UNKNOWN : toModel(normalizePolicyDocument(doc)), where(p, key));
  const d = p.sub(key);
  const stmts = d && !d.unknown && typeof d.value === 'object' && d.get('Statement') !== undefined ? d.list('Statement') : undefined;
  if (Array.isArray(stmts)) stmts.forEach((s, i) => b.locate([...path, 'Statement', i], where(s)!));
}

type Attachment = 'managed' | 'user' | 'group' | 'role';

/** AWS::IAM::Policy is inline in every role, user and group it lists: the first kind it names. */
function standaloneAttachment(p: Props): Attachment {
  for (const [key, kind] of [['Roles', 'role'], ['Users', 'user'], ['Groups', 'group']] as const) {
    const v = p.get(key);
    if (v !== undefined && !(Array.isArray(v) && v.length === 0)) return kind;
  }
  return 'role';
}

const policy: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'iam', 'policies', { attachment: standaloneAttachment(r.props) });
  copyProp(b, ['name'], r.props, 'PolicyName', r.logicalId);
  documentAt(b, ['document'], r.props, 'PolicyDocument', UNKNOWN);
  // no tags: an inline policy is not a taggable resource
};

const managedPolicy: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'iam', 'policies', { attachment: 'managed' });
  copyProp(b, ['name'], r.props, 'ManagedPolicyName', r.logicalId);
  documentAt(b, ['document'], r.props, 'PolicyDocument', UNKNOWN);
  // no tags: AWS::IAM::ManagedPolicy takes none (unlike Terraform's aws_iam_policy)
};

const group: ResourceAdapter = (r, ctx) => {
  inlinePolicies(r, ctx, 'group');
};

/** `Policies: [{PolicyName, PolicyDocument}]` of a role, user or group: one model policy each. */
function inlinePolicies(r: CfnResource, ctx: CfnContext, attachment: 'role' | 'user' | 'group'): number | undefined {
  const list = r.props.list('Policies');
  if (list === undefined) return 0;
  if (!Array.isArray(list)) return undefined;
  list.forEach((item, i) => {
    const loc = item.range();
    const b = ctx.create(r, 'iam', 'policies', { attachment }, { suffix: `Policies/${i}`, location: loc ? { file: r.location.file, ...loc } : r.location });
    copyProp(b, ['name'], item, 'PolicyName', `${r.logicalId}-${i}`);
    documentAt(b, ['document'], item, 'PolicyDocument', UNKNOWN);
  });
  return list.length;
}

/** `ManagedPolicyArns`, each element ranged to its list item. */
function managedPolicyArns(b: ObjectBuilder, p: Props): void {
  if (p.unknown) {
    b.set(['managed_policy_arns'], UNKNOWN, where(p));
    return;
  }
  const list = p.list('ManagedPolicyArns');
  if (list === undefined) return;
  if (!Array.isArray(list)) {
    b.set(['managed_policy_arns'], UNKNOWN, where(p, 'ManagedPolicyArns'));
    return;
  }
  const arns = p.sub('ManagedPolicyArns')!;
  list.forEach((_, i) => addArn(b, arns.get(i), where(arns, i)));
}

function addArn(b: ObjectBuilder, arn: unknown, at: ReturnType<typeof where>): void {
  const list = b.get(['managed_policy_arns']);
  if (!Array.isArray(list)) return;
  b.set(['managed_policy_arns', list.length], arn === undefined || isUnknown(arn) ? UNKNOWN : toModel(arn), at);
}

const role: ResourceAdapter = (r, ctx) => {
  const p = r.props;
  const b = ctx.create(r, 'iam', 'roles', { managed_policy_arns: [] });
  copyProp(b, ['name'], p, 'RoleName', r.logicalId);
  documentAt(b, ['assume_role_policy'], p, 'AssumeRolePolicyDocument', UNKNOWN);
  managedPolicyArns(b, p);
  copyTags(b, p);
  inlinePolicies(r, ctx, 'role');
};

const user: ResourceAdapter = (r, ctx) => {
  const p = r.props;
  const b = ctx.create(r, 'iam', 'users', { managed_policy_arns: [], inline_policy_count: 0, access_keys: [] });
  copyProp(b, ['name'], p, 'UserName', r.logicalId);
  copyProp(b, ['path'], p, 'Path', '/');
  managedPolicyArns(b, p);
  copyTags(b, p);
  const n = p.unknown ? undefined : inlinePolicies(r, ctx, 'user');
  b.set(['inline_policy_count'], n === undefined ? UNKNOWN : n, n ? where(p, 'Policies') : undefined);
};

/** The roles or users a list property names (`!Ref X` items, or literal names). */
function listTargets(ctx: CfnContext, r: CfnResource, key: string, type: string, nameProp: string): CfnResource[] {
  const v = r.props.get(key);
  if (!Array.isArray(v)) return [];
  const items = r.props.sub(key)!;
  const out: CfnResource[] = [];
  v.forEach((item, i) => {
    const id = ctx.ev.target(items.node(i));
    let t = id ? ctx.resources.get(id) : undefined;
    if (!id && typeof item === 'string') t = [...ctx.resources.values()].find((c) => c.type === type && (c.props.get(nameProp) ?? c.logicalId) === item);
    if (t && t.type === type && !out.includes(t)) out.push(t);
  });
  return out;
}

/** AWS::IAM::ManagedPolicy with `Roles` / `Users`: its (unknown, account-scoped) ARN is attached to each. */
const managedPolicyAttachments: ResourceAdapter = (r, ctx) => {
  for (const [key, type, nameProp] of [
    ['Roles', 'AWS::IAM::Role', 'RoleName'],
    ['Users', 'AWS::IAM::User', 'UserName'],
  ] as const) {
    for (const t of listTargets(ctx, r, key, type, nameProp)) {
      const b = ctx.builder(t.logicalId);
      if (!b) continue;
      addArn(b, UNKNOWN, where(r.props, key));
      ctx.foldInto(b, r);
    }
  }
};

/** AWS::IAM::Policy listing users: an inline policy of each. */
const userInlinePolicy: ResourceAdapter = (r, ctx) => {
  for (const t of listTargets(ctx, r, 'Users', 'AWS::IAM::User', 'UserName')) {
    const b = ctx.builder(t.logicalId);
    const n = b?.get(['inline_policy_count']);
    if (b && typeof n === 'number') b.set(['inline_policy_count'], n + 1);
  }
};

/** AWS::IAM::AccessKey: a key of the user `UserName` names (`!Ref User` or the literal name). */
const accessKey: ResourceAdapter = (r, ctx) => {
  const target = ctx.target(r, 'UserName', ['AWS::IAM::User'], 'UserName') ?? literalUser(ctx, r);
  const b = target && ctx.builder(target.logicalId);
  if (!b) return;
  const keys = b.get(['access_keys']);
  if (!Array.isArray(keys)) return;
  const i = keys.length;
  b.set(['access_keys', i], { id: `${r.location.file}#${r.logicalId}` }, { file: r.location.file, range: r.entry.range });
  copyProp(b, ['access_keys', i, 'status'], r.props, 'Status', 'Active');
  ctx.foldInto(b, r);
};

/** A user without `UserName` is named after its logical id in the model. */
function literalUser(ctx: CfnContext, r: CfnResource): CfnResource | undefined {
  const v = r.props.get('UserName');
  if (typeof v !== 'string') return undefined;
  return [...ctx.resources.values()].find((c) => c.type === 'AWS::IAM::User' && !c.props.has('UserName') && c.logicalId === v);
}

// ---------------------------------------------------------------- KMS

const kmsKey: ResourceAdapter = (r, ctx) => {
  const p = r.props;
  const b = ctx.create(r, 'kms', 'keys');
  copyProp(b, ['description'], p, 'Description');
  // defaults when unset: src/adapt/aws/defaults.ts
  copyProps(b, [], p, {
    key_usage: ['KeyUsage'],
    customer_master_key_spec: ['KeySpec'],
    enable_key_rotation: ['EnableKeyRotation', undefined, toBool],
    rotation_period_in_days: ['RotationPeriodInDays', undefined, toNumber],
    deletion_window_in_days: ['PendingWindowInDays', undefined, toNumber],
    multi_region: ['MultiRegion', undefined, toBool],
    is_enabled: ['Enabled', undefined, toBool],
    bypass_policy_lockout_safety_check: ['BypassPolicyLockoutSafetyCheck', undefined, toBool],
  });
  // absent: the default key policy (the account root principal only)
  documentAt(b, ['policy'], p, 'KeyPolicy');
  copyTags(b, p);
};

export const primary: Record<string, ResourceAdapter> = {
  'AWS::IAM::Policy': policy,
  'AWS::IAM::ManagedPolicy': managedPolicy,
  'AWS::IAM::Group': group,
  'AWS::IAM::Role': role,
  'AWS::IAM::User': user,
  'AWS::KMS::Key': kmsKey,
};

export const folds: Record<string, ResourceAdapter> = {
  'AWS::IAM::ManagedPolicy': managedPolicyAttachments,
  'AWS::IAM::Policy': userInlinePolicy,
  'AWS::IAM::AccessKey': accessKey,
};
