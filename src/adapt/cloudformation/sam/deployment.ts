/**
 * `DeploymentPreference` of an `AWS::Serverless::Function` (Globals merged): the CodeDeploy
 * resources SAM generates for gradual deployments of the function's alias
 * (samtranslator/model/preferences/deployment_preference.py and deployment_preference_collection.py).
 *
 * - Enabled unless `Enabled` is false (`false`, `"false"`, `"False"`, or a parameter with that
 *   value); an enabled preference needs `AutoPublishAlias` and `Type`, or SAM rejects the template.
 * - Per enabled function: `<Function>DeploymentGroup` (`AWS::CodeDeploy::DeploymentGroup`) of the
 *   application, with the alarms (`AlarmConfiguration`), automatic rollback, the deployment
 *   configuration (a predefined `Type` becomes `CodeDeployDefault.Lambda<Type>`), blue/green with
 *   traffic control, `TriggerConfigurations`, and `Role` or the service role SAM generates; the
 *   alias gets the `CodeDeployLambdaAliasUpdate` update policy naming the hooks.
 * - Once per template: `ServerlessDeploymentApplication` (`AWS::CodeDeploy::Application`,
 *   `ComputePlatform: Lambda`) and, unless every enabled preference gives `Role`,
 *   `CodeDeployServiceRole`: trusting `codedeploy.amazonaws.com`, with `AWSCodeDeployRoleForLambda`.
 *
 * The model has no CodeDeploy objects yet: the application and groups are generated for adapters
 * to come; the service role is an IAM role like any other.
 */
import type { Range } from '../../../model/source.js';
import { entry, type CfnEntry, type CfnNode } from '../../../parse/cloudformation/load.js';
import type { Evaluator } from '../intrinsics.js';
import { ent, getAtt, lit, map, plainMap, ref, scalar, seq, type Built, type MapNode, type Warn } from './nodes.js';

export const DEPLOYMENT_APPLICATION = 'ServerlessDeploymentApplication';
export const DEPLOYMENT_ROLE = 'CodeDeployServiceRole';

const PREDEFINED = new Set([
  'Canary10Percent5Minutes', 'Canary10Percent10Minutes', 'Canary10Percent15Minutes', 'Canary10Percent30Minutes',
  'Linear10PercentEvery1Minute', 'Linear10PercentEvery2Minutes', 'Linear10PercentEvery3Minutes', 'Linear10PercentEvery10Minutes', 'AllAtOnce',
]);

/** A function's enabled deployment preference. */
export interface Preference {
  entry: CfnEntry;
  value: MapNode;
  hasRole: boolean;
}

/**
 * The enabled preference of a function, or undefined: absent, disabled, rejected by SAM (warned),
 * or with an `AutoPublishAlias` SAM rejects (warned about already).
 */
export function enabledPreference(fnId: string, props: MapNode, ev: Evaluator, hasAlias: boolean, warn: Warn): Preference | undefined {
  const e = entry(props, 'DeploymentPreference');
  if (!e || (e.value.kind === 'scalar' && e.value.value === null)) return undefined;
  const value = plainMap(e.value);
  if (!value) {
    warn(`DeploymentPreference of ${fnId} must be a mapping`, e.keyRange);
    return undefined;
  }
  const enabled = entry(value, 'Enabled');
  if (enabled) {
    const v = ev.value(enabled.value);
    if (v === false || v === 'false' || v === 'False') return undefined;
  }
  if (!hasAlias) {
    if (!entry(props, 'AutoPublishAlias')) warn(`DeploymentPreference of ${fnId} requires AutoPublishAlias`, e.keyRange);
    return undefined;
  }
  if (!entry(value, 'Type')) {
    warn(`DeploymentPreference of ${fnId} is missing its required Type`, e.keyRange);
    return undefined;
  }
  const hooks = entry(value, 'Hooks');
  if (hooks && !plainMap(hooks.value)) warn(`Hooks of the DeploymentPreference of ${fnId} must be a mapping`, hooks.keyRange);
  return { entry: e, value, hasRole: entry(value, 'Role') !== undefined };
}

/** The deployment configuration: a predefined type named as CodeDeploy names it. */
function configName(type: CfnEntry, ev: Evaluator): CfnNode {
  const at = type.range;
  const v = ev.value(type.value);
  if (typeof v === 'string' && PREDEFINED.has(v)) return map([ent('Fn::Sub', lit(['CodeDeployDefault.Lambda${ConfigName}', { ConfigName: v }], at), at)], at);
  return type.value;
}

/** `AlarmConfiguration` of the group: the alarms, or disabled without any. */
function alarmConfiguration(alarms: CfnEntry | undefined, at: Range): CfnEntry {
  if (!alarms || (alarms.value.kind === 'seq' && !alarms.value.items.length) || (alarms.value.kind === 'scalar' && alarms.value.value === null)) {
    return ent('AlarmConfiguration', lit({ Enabled: false, Alarms: [] }, at), at);
  }
  if (alarms.value.kind !== 'seq') return ent('AlarmConfiguration', alarms.value, alarms.range);
  const r = alarms.range;
  const items = alarms.value.items.map((a) => map([ent('Name', a, a.range)], a.range));
  return ent('AlarmConfiguration', map([ent('Enabled', scalar(true, r), r), ent('Alarms', seq(items, r), r)], r), r);
}

/** The deployment group of a function and the update policy of its alias. */
export function deploymentGroup(fnId: string, pref: Preference, ev: Evaluator, file: string): { group: Built; updatePolicy: CfnEntry } {
  const at = pref.entry.range;
  const v = pref.value;
  const groupId = `${fnId}DeploymentGroup`;
  const role = entry(v, 'Role');
  const entries: CfnEntry[] = [
    alarmConfiguration(entry(v, 'Alarms'), at),
    ent('ApplicationName', ref(DEPLOYMENT_APPLICATION, at), at),
    ent('AutoRollbackConfiguration', lit({ Enabled: true, Events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM', 'DEPLOYMENT_STOP_ON_REQUEST'] }, at), at),
    ent('DeploymentConfigName', configName(entry(v, 'Type')!, ev), entry(v, 'Type')!.range),
    ent('DeploymentStyle', lit({ DeploymentType: 'BLUE_GREEN', DeploymentOption: 'WITH_TRAFFIC_CONTROL' }, at), at),
    role ? ent('ServiceRoleArn', role.value, role.range) : ent('ServiceRoleArn', getAtt(DEPLOYMENT_ROLE, 'Arn', at), at),
  ];
  const triggers = entry(v, 'TriggerConfigurations');
  if (triggers) entries.push(triggers);
  const hooks = plainMap(entry(v, 'Hooks')?.value);
  const update: CfnEntry[] = [ent('ApplicationName', ref(DEPLOYMENT_APPLICATION, at), at), ent('DeploymentGroupName', ref(groupId, at), at)];
  for (const [hook, key] of [['PreTraffic', 'BeforeAllowTrafficHook'], ['PostTraffic', 'AfterAllowTrafficHook']]) {
    const h = hooks && entry(hooks, hook);
    if (h) update.push(ent(key, h.value, h.range));
  }
  return {
    group: { logicalId: groupId, type: 'AWS::CodeDeploy::DeploymentGroup', props: map(entries, at), suffix: 'DeploymentGroup', location: { file, ...at } },
    updatePolicy: ent('UpdatePolicy', map([ent('CodeDeployLambdaAliasUpdate', map(update, at), at)], at), at),
  };
}

/** The application and service role shared by every function's deployments (`at`: the first preference). */
export function sharedDeploymentResources(prefs: Preference[], at: Range): Built[] {
  const out: Built[] = [{ logicalId: DEPLOYMENT_APPLICATION, type: 'AWS::CodeDeploy::Application', props: map([ent('ComputePlatform', scalar('Lambda', at), at)], at) }];
  if (prefs.some((p) => !p.hasRole)) {
    const trust = { Version: '2012-10-17', Statement: [{ Action: ['sts:AssumeRole'], Effect: 'Allow', Principal: { Service: ['codedeploy.amazonaws.com'] } }] };
    out.push({
      logicalId: DEPLOYMENT_ROLE,
      type: 'AWS::IAM::Role',
      props: map([ent('AssumeRolePolicyDocument', lit(trust, at), at), ent('ManagedPolicyArns', lit(['arn:aws:iam::aws:policy/service-role/AWSCodeDeployRoleForLambda'], at), at)], at),
    });
  }
  return out;
}

