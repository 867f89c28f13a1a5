/**
 * AWS SAM (`Transform: AWS::Serverless-2016-10-31`): the CloudFormation resources the transform
 * generates, for what the rules judge. Each `AWS::Serverless::*` resource is replaced by the
 * plain resources SAM deploys — built as CloudFormation nodes whose ranges are the SAM
 * template's own (the property under the Serverless resource, or the `Globals` entry it came
 * from) — and those go through the ordinary adapters, so the model is the one of the equivalent
 * plain template and every AWS rule applies unchanged.
 *
 * - `Globals` are merged as SAM merges them: the resource's value wins for scalars and
 *   intrinsics, mappings merge key by key, lists are the global items then the resource's.
 * - `AWS::Serverless::Function` → `AWS::Lambda::Function` (logical id kept), its generated
 *   role `<Id>Role` (unless `Role` is given), `<Id>Url` (+ the public permission SAM adds for
 *   `AuthType: NONE`), `<Id>EventInvokeConfig`, one `AWS::Lambda::Permission` per event
 *   source SAM grants invocation to, and one `AWS::Lambda::EventSourceMapping` `<Id><Event>` per
 *   polling event (SQS, Kinesis, DynamoDB, MSK, MQ, SelfManagedKafka, DocumentDB), whose
 *   execution policy SAM adds to the generated role (inline ones: sam/polling.ts); with
 *   `AutoPublishAlias`, the version and alias, which event sources target (sam/versions.ts); with
 *   `DeploymentPreference`, the CodeDeploy resources (sam/deployment.ts). `PropagateTags` is read
 *   as SAM reads it (sam/tags.ts).
 * - `AWS::Serverless::LayerVersion` → `AWS::Lambda::LayerVersion` (under the logical id written:
 *   SAM appends a hash, and rewrites references to it).
 * - `AWS::Serverless::StateMachine` → `AWS::StepFunctions::StateMachine` (logical id kept) and,
 *   unless `Role` is given, its generated role `<Id>Role` (trusting `states.amazonaws.com`).
 * - `AWS::Serverless::SimpleTable` → `AWS::DynamoDB::Table`; `AWS::Serverless::Api` →
 *   `AWS::ApiGateway::Stage`; `AWS::Serverless::HttpApi` → `AWS::ApiGatewayV2::Stage` (both
 *   under the API's logical id, so `${MyApi}` in a WAF association finds the stage); implicit
 *   APIs (`ServerlessRestApi`, `ServerlessHttpApi`) from `Api` / `HttpApi` events, with the tags
 *   of functions that propagate theirs.
 *
 * Generated objects are named after what the user wrote: identity
 * `AWS::Serverless::Function/MyFn` (the role `AWS::Serverless::Function/MyFn/Role`), resource
 * type the Serverless one. What is not expanded is listed in docs/cloudformation.md.
 */
import type { Diagnostic } from '../../model/diagnostics.js';
import type { FileRange, Range } from '../../model/source.js';
import { entry, type CfnEntry, type CfnNode, type CfnTemplate } from '../../parse/cloudformation/load.js';
import type { CfnResource } from './context.js';
import { intrinsicOf, type Evaluator } from './intrinsics.js';
import { Props } from './props.js';
import { globalSection, Merger, type SamRelation } from './sam/globals.js';
import { deploymentGroup, enabledPreference, sharedDeploymentResources, type Preference } from './sam/deployment.js';
import { deployTime, ent, getAtt, lit, literal, map, plain, ref, scalar, seq, type Built, type MapNode } from './sam/nodes.js';
import { pollingPolicies, type InlinePolicy } from './sam/polling.js';
import { propagatesTags, truthy } from './sam/tags.js';
import { publishedAlias, versionAndAlias, type PublishedAlias } from './sam/versions.js';

export const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';

export type { SamRelation } from './sam/globals.js';

/** The transforms a template names at its top level (`Transform: X` or a list). */
export function templateTransforms(template: CfnTemplate): { name: string; range: Range }[] {
  const t = entry(template.root, 'Transform');
  if (!t) return [];
  const items = t.value.kind === 'seq' ? t.value.items : [t.value];
  return items.map((n) => ({ name: n.kind === 'scalar' && typeof n.value === 'string' ? n.value : '(a macro with parameters)', range: n.range }));
}

export function isSamTemplate(template: CfnTemplate): boolean {
  return templateTransforms(template).some((t) => t.name === SAM_TRANSFORM);
}

// ---------------------------------------------------------------- expansion


/** Event types that grant invocation through a resource policy, and to whom. */
const EVENT_PRINCIPALS: Record<string, string> = {
  S3: 's3.amazonaws.com',
  SNS: 'sns.amazonaws.com',
  Schedule: 'events.amazonaws.com',
  CloudWatchEvent: 'events.amazonaws.com',
  EventBridgeRule: 'events.amazonaws.com',
  CloudWatchLogs: 'logs.amazonaws.com',
  IoTRule: 'iot.amazonaws.com',
  Api: 'apigateway.amazonaws.com',
  HttpApi: 'apigateway.amazonaws.com',
  Cognito: 'cognito-idp.amazonaws.com',
  AlexaSkill: 'alexa-appkit.amazon.com',
};

/**
 * Polling event types: SAM generates an `AWS::Lambda::EventSourceMapping` `<Function><Event>`
 * whose `EventSourceArn` is the property named here (self-managed Kafka has none: its
 * `KafkaBootstrapServers` become `SelfManagedEventSource`).
 */
const POLL_SOURCES: Record<string, string | undefined> = {
  SQS: 'Queue',
  Kinesis: 'Stream',
  DynamoDB: 'Stream',
  MSK: 'Stream',
  MQ: 'Broker',
  DocumentDB: 'Cluster',
  SelfManagedKafka: undefined,
};

/** Event properties SAM passes to the event source mapping as written. */
const POLL_KEYS = [
  'BatchSize', 'StartingPosition', 'Enabled', 'MaximumRetryAttempts', 'BisectBatchOnFunctionError', 'MaximumRecordAgeInSeconds',
  'FilterCriteria', 'Topics', 'Queues', 'ParallelizationFactor', 'FunctionResponseTypes', 'MaximumBatchingWindowInSeconds',
  'StartingPositionTimestamp', 'SourceAccessConfigurations', 'TumblingWindowInSeconds', 'ScalingConfig',
];

/**
 * The AWS managed policy SAM adds to the role it generates for a polling source (MQ, self-managed
 * Kafka and DocumentDB get inline statements instead, MSK both: sam/polling.ts).
 */
const POLL_POLICIES: Record<string, string> = {
  SQS: 'AWSLambdaSQSQueueExecutionRole',
  Kinesis: 'AWSLambdaKinesisExecutionRole',
  DynamoDB: 'AWSLambdaDynamoDBExecutionRole',
  MSK: 'AWSLambdaMSKExecutionRole',
};

/** AWS managed policies that live under `service-role/` (SAM resolves names through its policy map). */
const SERVICE_ROLE_POLICIES = new Set([
  'AWSLambdaBasicExecutionRole',
  'AWSLambdaVPCAccessExecutionRole',
  'AWSLambdaRole',
  'AWSLambdaDynamoDBExecutionRole',
  'AWSLambdaKinesisExecutionRole',
  'AWSLambdaSQSQueueExecutionRole',
  'AWSLambdaMSKExecutionRole',
  'AWSLambdaENIManagementAccess',
]);

/** The ARN SAM writes for a managed policy name (the `aws` partition: the stack's is unknown). */
function managedArn(name: string): string {
  return `arn:aws:iam::aws:policy/${SERVICE_ROLE_POLICIES.has(name) ? 'service-role/' : ''}${name}`;
}

/** The trust policy of a role SAM generates for `service`. */
function trustPolicy(service: string, at: Range): CfnEntry {
  return ent('AssumeRolePolicyDocument', lit({ Version: '2012-10-17', Statement: [{ Action: ['sts:AssumeRole'], Effect: 'Allow', Principal: { Service: [service] } }] }, at), at);
}

/**
 * `Tags` of what SAM generates: its own `<key>: SAM` tag, then the user's (a mapping in SAM);
 * ranged to the user's `Tags`, else to the resource. Tags given by an intrinsic stay as written.
 */
function createdByTags(key: string, tags: CfnEntry | undefined, at: Range): CfnEntry {
  if (tags && (tags.value.kind !== 'map' || intrinsicOf(tags.value))) return ent('Tags', tags.value, tags.range);
  const entries = [ent(key, scalar('SAM', at), at), ...(tags?.value.kind === 'map' ? tags.value.entries : [])];
  return ent('Tags', map(entries, tags?.range ?? at), tags?.range ?? at);
}

/**
 * `Tags` of what SAM generates with `PropagateTags` (a Function's or StateMachine's, Globals
 * merged; how SAM reads it: sam/tags.ts): when it holds and `Tags` is set, SAM overwrites the
 * `Tags` of every generated resource that has them (`Resource.assign_tags`): the function or state
 * machine and the role it generates get the user's tags alone, without SAM's own `<key>: SAM`
 * tag. Generated resources without `Tags` (event source mappings, URLs, permissions, event invoke
 * configs, versions, aliases) stay untagged.
 */
function generatedTags(key: string, props: MapNode, at: Range, propagate: boolean): CfnEntry {
  const tags = entry(props, 'Tags');
  if (propagate && tags?.value.kind === 'map' && !intrinsicOf(tags.value) && tags.value.entries.length) return ent('Tags', tags.value, tags.range);
  return createdByTags(key, tags, at);
}

/** A function's events in the order SAM processes them (`SamFunction.order_events`: by `Path`, else by name). */
function orderedEvents(events: CfnNode | undefined): CfnEntry[] {
  if (events?.kind !== 'map' || intrinsicOf(events)) return [];
  const key = (e: CfnEntry) => literal(entry(entry(e.value, 'Properties')?.value, 'Path')?.value) ?? e.key;
  return [...events.entries].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Properties copied unchanged from `AWS::Serverless::Function` to `AWS::Lambda::Function`. */
const FUNCTION_KEYS = [
  'FunctionName', 'Description', 'Runtime', 'Handler', 'MemorySize', 'Timeout', 'Environment', 'VpcConfig',
  'ReservedConcurrentExecutions', 'KmsKeyArn', 'Architectures', 'Layers', 'CodeSigningConfigArn', 'PackageType',
  'EphemeralStorage', 'LoggingConfig', 'SnapStart', 'ImageConfig', 'FileSystemConfigs', 'RuntimeManagementConfig',
  'RecursiveLoop',
];

/** An implicit API: where it comes from (the first event that creates it) and the function tags propagated to it. */
interface ImplicitApi {
  location: FileRange;
  tags: CfnEntry[];
}

export class SamExpander {
  private readonly merger: Merger;
  private implicitRest?: ImplicitApi;
  private implicitHttp?: ImplicitApi;
  /** Enabled deployment preferences, in template order: they share one CodeDeploy application and role. */
  private readonly preferences: Preference[] = [];

  constructor(
    private readonly template: CfnTemplate,
    private readonly ev: Evaluator,
    private readonly diagnostics: Diagnostic[],
  ) {
    this.merger = new Merger(template.file);
  }

  /** Ranges of values merged from Globals with the resource's own, and the Globals entries involved. */
  get relations(): SamRelation[] {
    return this.merger.relations;
  }

  /** A warning on a line of the template. */
  private readonly warn = (message: string, at: Range): void => {
    this.diagnostics.push({ level: 'warning', code: 'cloudformation-template', message, file: this.template.file, line: at.start.line, column: at.start.column });
  };

  /** A warning for what the SAM translator rejects. */
  private readonly reject = (message: string, at: Range): void => this.warn(`${message}: SAM rejects the template`, at);

  /**
   * Globals keys SAM does not accept, and sections of the wrong shape it rejects (`Globals`,
   * `Events` or an event not a mapping, event `Properties` not a mapping, `Policies` neither a
   * name, a list nor a document): a warning each, on its line; what cannot be read is not expanded.
   */
  checkGlobals(): void {
    const warn = this.reject;
    const globals = entry(this.template.root, 'Globals');
    if (globals && globals.value.kind !== 'map') warn('Globals must be a mapping', globals.keyRange);
    const fn = globalSection(this.template, 'Function');
    for (const e of fn?.entries ?? []) {
      if (['Role', 'Policies', 'FunctionName', 'Events'].includes(e.key)) warn(`Globals.Function.${e.key} is not a Globals property`, e.keyRange);
    }
    const isNull = (n: CfnNode) => n.kind === 'scalar' && n.value === null;
    const section = entry(this.template.root, 'Resources')?.value;
    for (const r of section?.kind === 'map' ? section.entries : []) {
      if (!literal(entry(r.value, 'Type')?.value)?.startsWith('AWS::Serverless::')) continue;
      const props = entry(r.value, 'Properties')?.value;
      if (props?.kind !== 'map') continue;
      const events = entry(props, 'Events');
      if (events && events.value.kind !== 'map' && !isNull(events.value)) warn(`Events of ${r.key} must be a mapping of event names to events`, events.keyRange);
      for (const ev of events?.value.kind === 'map' && !intrinsicOf(events.value) ? events.value.entries : []) {
        if (ev.value.kind !== 'map') warn(`event ${ev.key} of ${r.key} must be a mapping`, ev.keyRange);
        else {
          const p = entry(ev.value, 'Properties');
          if (p && p.value.kind !== 'map' && !isNull(p.value)) warn(`Properties of event ${ev.key} of ${r.key} must be a mapping`, p.keyRange);
        }
      }
      const policies = entry(props, 'Policies');
      if (policies && policies.value.kind === 'scalar' && typeof policies.value.value !== 'string' && !isNull(policies.value)) warn(`Policies of ${r.key} must be a policy name, a list or a document`, policies.keyRange);
    }
  }

  /**
   * Registers the logical ids SAM generates (`MyFnRole`, `MyApiProdStage`, …) so references to
   * them evaluate as references to resources. Call before the resources' properties are read.
   */
  registerGeneratedNames(): void {
    const section = entry(this.template.root, 'Resources')?.value;
    if (section?.kind !== 'map') return;
    const add = (id: string, type: string) => {
      if (!this.ev.resourceTypes.has(id)) this.ev.resourceTypes.set(id, type);
    };
    for (const e of section.entries) {
      const type = literal(entry(e.value, 'Type')?.value);
      const props = entry(e.value, 'Properties')?.value;
      if (type === 'AWS::Serverless::Function') {
        add(`${e.key}Role`, 'AWS::IAM::Role');
        add(`${e.key}Url`, 'AWS::Lambda::Url');
        add(`${e.key}EventInvokeConfig`, 'AWS::Lambda::EventInvokeConfig');
        // AutoPublishAlias and DeploymentPreference may come from Globals: read them merged (silently: expand warns)
        const g = globalSection(this.template, 'Function');
        const local = props?.kind === 'map' ? props : map([], e.range);
        const merged = g ? new Merger(this.template.file).maps(g, local, 'Function') : local;
        const silent = () => undefined;
        const alias = publishedAlias(e.key, merged, this.ev, silent);
        if (alias) {
          add(alias.aliasId, 'AWS::Lambda::Alias');
          add(alias.versionId, 'AWS::Lambda::Version');
        }
        if (enabledPreference(e.key, merged, this.ev, alias !== undefined, silent)) {
          add(`${e.key}DeploymentGroup`, 'AWS::CodeDeploy::DeploymentGroup');
          add('ServerlessDeploymentApplication', 'AWS::CodeDeploy::Application');
          add('CodeDeployServiceRole', 'AWS::IAM::Role');
        }
        const events = entry(props, 'Events')?.value;
        if (events?.kind === 'map') {
          for (const ev of events.entries) {
            const t = literal(entry(ev.value, 'Type')?.value);
            if (t === 'Schedule' || t === 'CloudWatchEvent' || t === 'EventBridgeRule') add(`${e.key}${ev.key}`, 'AWS::Events::Rule');
            if (t && t in POLL_SOURCES) add(`${e.key}${ev.key}`, 'AWS::Lambda::EventSourceMapping');
            if (t === 'Api' && !entry(entry(ev.value, 'Properties')?.value, 'RestApiId')) add('ServerlessRestApi', 'AWS::ApiGateway::RestApi');
            if (t === 'HttpApi' && !entry(entry(ev.value, 'Properties')?.value, 'ApiId')) add('ServerlessHttpApi', 'AWS::ApiGatewayV2::Api');
          }
        }
      } else if (type === 'AWS::Serverless::StateMachine') {
        add(`${e.key}Role`, 'AWS::IAM::Role');
      } else if (type === 'AWS::Serverless::Api') {
        add(`${e.key}Deployment`, 'AWS::ApiGateway::Deployment');
        const stage = literal(entry(props, 'StageName')?.value);
        if (stage) add(`${e.key}${stage.replace(/[^A-Za-z0-9]/g, '')}Stage`, 'AWS::ApiGateway::Stage');
      } else if (type === 'AWS::Serverless::HttpApi') {
        add(`${e.key}ApiGatewayDefaultStage`, 'AWS::ApiGatewayV2::Stage');
      }
    }
  }

  /** The template's resources with every `AWS::Serverless::*` one replaced by what SAM generates. */
  expand(resources: Map<string, CfnResource>): Map<string, CfnResource> {
    const out = new Map<string, CfnResource>();
    for (const r of resources.values()) {
      let built: Built[] | undefined;
      switch (r.type) {
        case 'AWS::Serverless::Function':
          built = this.fn(r);
          break;
        case 'AWS::Serverless::StateMachine':
          built = this.stateMachine(r);
          break;
        case 'AWS::Serverless::SimpleTable':
          built = this.simpleTable(r);
          break;
        case 'AWS::Serverless::LayerVersion':
          built = this.layerVersion(r);
          break;
        case 'AWS::Serverless::Api':
          built = this.restApi(r, this.localProps(r), r.logicalId);
          break;
        case 'AWS::Serverless::HttpApi':
          built = this.httpApi(r, this.localProps(r), r.logicalId);
          break;
      }
      if (!built) {
        out.set(r.logicalId, r);
        continue;
      }
      for (const b of built) out.set(b.logicalId, this.resource(r, b));
    }
    // implicit APIs: what `Api` / `HttpApi` events without an API of their own create
    if (this.implicitRest && !out.has('ServerlessRestApi')) {
      const base = this.implicit('ServerlessRestApi', 'AWS::Serverless::Api', this.implicitRest.location);
      const props = this.implicitProps(this.implicitRest, [ent('StageName', scalar('Prod', base.location), base.location)]);
      for (const b of this.restApi(base, props, base.logicalId)) out.set(b.logicalId, this.resource(base, b));
    }
    if (this.implicitHttp && !out.has('ServerlessHttpApi')) {
      const base = this.implicit('ServerlessHttpApi', 'AWS::Serverless::HttpApi', this.implicitHttp.location);
      for (const b of this.httpApi(base, this.implicitProps(this.implicitHttp, []), base.logicalId)) out.set(b.logicalId, this.resource(base, b));
    }
    // CodeDeploy: one application and service role for every function deployed gradually
    if (this.preferences.length) {
      const first = this.preferences[0].entry.range;
      for (const b of sharedDeploymentResources(this.preferences, first)) {
        if (out.has(b.logicalId)) continue;
        const base = this.implicit(b.logicalId, b.type, { file: this.template.file, ...first });
        out.set(b.logicalId, this.resource(base, b));
      }
    }
    return out;
  }

  /**
   * Properties of an implicit API: SAM's own (`StageName: Prod` for REST), and the tags of the
   * functions whose events create it with `PropagateTags` (ImplicitApiPlugin
   * `_add_tags_to_implicit_api_if_necessary`: later functions' keys win), which the API then
   * propagates to what it generates.
   */
  private implicitProps(api: ImplicitApi, own: CfnEntry[]): MapNode {
    const at = api.location;
    if (!api.tags.length) return map(own, at);
    const byKey = new Map<string, CfnEntry>();
    for (const t of api.tags) byKey.set(t.key, t);
    const where = api.tags[0].range;
    return map([...own, ent('Tags', map([...byKey.values()], where), where), ent('PropagateTags', scalar(true, at), at)], at);
  }

  private implicit(logicalId: string, type: string, location: FileRange): CfnResource {
    const node = map([], location);
    const e: CfnEntry = { key: logicalId, keyRange: location, range: location, value: node };
    return { logicalId, type, entry: e, props: Props.of(this.ev, undefined, this.template.file), attribute: () => undefined, location };
  }

  private localProps(r: CfnResource): MapNode {
    const p = entry(r.entry.value, 'Properties')?.value;
    return p?.kind === 'map' ? p : map([], r.entry.range);
  }

  /** The resource's properties with `Globals.<section>` merged in. */
  private merged(r: CfnResource, section: string): MapNode {
    const local = this.localProps(r);
    const g = globalSection(this.template, section);
    return g ? this.merger.maps(g, local, `${section}`) : local;
  }

  /** A generated resource as the adapters see it, named after the Serverless resource. */
  private resource(base: CfnResource, b: Built): CfnResource {
    const file = this.template.file;
    const value = map([ent('Type', scalar(b.type, base.entry.range), base.entry.range), ent('Properties', b.props, b.props.range)], base.entry.value.range);
    const r: CfnResource = {
      logicalId: b.logicalId,
      type: b.type,
      entry: { ...base.entry, value },
      props: Props.of(this.ev, b.props, file),
      // DeletionPolicy, Condition, … of the Serverless resource carry over to what it generates;
      // SAM's own attributes (a version's DeletionPolicy: Retain) apply where the user gives none
      attribute: (name) => (name === 'Type' || name === 'Properties' ? entry(value, name) : (base.attribute(name) ?? b.attributes?.find((a) => a.key === name))),
      location: b.location ?? base.location,
      identity: `${base.type}/${base.logicalId}${b.suffix ? `/${b.suffix}` : ''}`,
      resourceType: base.type,
    };
    if (base.suppressions) r.suppressions = { ...base.suppressions };
    return r;
  }

  // -------------------------------------------------------------- Function

  /**
   * `AWS::Serverless::Function` → the function and what SAM generates with it. With
   * `AutoPublishAlias`, event sources, the URL and its public permission target the alias
   * (`_generate_event_resources`: "connect all event sources to the alias and *not* the
   * function"), and the event invoke config qualifies it by the alias name.
   */
  private fn(r: CfnResource): Built[] {
    const id = r.logicalId;
    const at = r.entry.range;
    const file = this.template.file;
    const props = this.merged(r, 'Function');
    const get = (k: string) => entry(props, k);
    const out: Built[] = [];
    const fnEntries: CfnEntry[] = [];
    for (const k of FUNCTION_KEYS) {
      const e = get(k);
      if (e) fnEntries.push(e);
    }
    const tracing = get('Tracing');
    if (tracing) {
      // `Disabled`: SAM writes no TracingConfig, and Lambda's mode is then PassThrough
      const mode = literal(tracing.value) === 'Disabled' ? scalar('PassThrough', tracing.range) : tracing.value;
      fnEntries.push(ent('TracingConfig', map([ent('Mode', mode, tracing.range)], tracing.range), tracing.range));
    }
    const dlq = get('DeadLetterQueue');
    if (dlq) {
      const target = entry(dlq.value, 'TargetArn');
      fnEntries.push(ent('DeadLetterConfig', dlq.value.kind === 'map' && !intrinsicOf(dlq.value) ? map(target ? [target] : [], dlq.range) : dlq.value, dlq.range));
    }
    const propagate = propagatesTags(id, props, this.warn, this.reject);
    const tags = generatedTags('lambda:createdBy', props, at, propagate);
    fnEntries.push(tags);

    const role = get('Role');
    if (role) fnEntries.push(role);
    else {
      fnEntries.push(ent('Role', getAtt(`${id}Role`, 'Arn', at), at));
      out.push(this.role(r, props, tags));
    }

    // AutoPublishAlias: the version, the alias (with its CodeDeploy update policy) and what targets it
    const alias = publishedAlias(id, props, this.ev, this.reject);
    const pref = enabledPreference(id, props, this.ev, alias !== undefined, this.reject);
    if (alias) {
      let updatePolicy: CfnEntry | undefined;
      if (pref) {
        const d = deploymentGroup(id, pref, this.ev, file);
        this.preferences.push(pref);
        out.push(d.group);
        updatePolicy = d.updatePolicy;
      }
      out.push(...versionAndAlias(id, props, alias, file, updatePolicy));
    }
    /** What event sources, the URL and permissions name: the alias, else the function. */
    const target = (range: Range): CfnNode => ref(alias?.aliasId ?? id, range);

    const url = get('FunctionUrlConfig');
    if (url?.value.kind === 'map' && !intrinsicOf(url.value)) {
      const loc = { file, ...url.range };
      const urlEntries = [ent('TargetFunctionArn', target(url.range), url.range), ...url.value.entries.filter((e) => ['AuthType', 'Cors', 'InvokeMode'].includes(e.key))];
      out.push({ logicalId: `${id}Url`, type: 'AWS::Lambda::Url', props: map(urlEntries, url.range), suffix: 'FunctionUrlConfig', location: loc });
      const auth = entry(url.value, 'AuthType');
      if (auth && literal(auth.value) === 'NONE') {
        const a = auth.range;
        const perm = map([ent('Action', scalar('lambda:InvokeFunctionUrl', a), a), ent('FunctionName', target(a), a), ent('Principal', scalar('*', a), a), ent('FunctionUrlAuthType', scalar('NONE', a), a)], a);
        out.push({ logicalId: `${id}UrlPublicPermissions`, type: 'AWS::Lambda::Permission', props: perm, suffix: 'FunctionUrlConfig/Permission', location: { file, ...a } });
      }
    }

    const eic = get('EventInvokeConfig');
    if (eic?.value.kind === 'map' && !intrinsicOf(eic.value)) out.push(this.eventInvokeConfig(id, eic, alias));

    const events = get('Events');
    // the implicit API plugin reads PropagateTags as written, the resource's or else the Globals' (`or`)
    const tagsImplicit = truthy(entry(this.localProps(r), 'PropagateTags')?.value) || truthy(entry(globalSection(this.template, 'Function'), 'PropagateTags')?.value);
    const fnTags = get('Tags');
    const implicitTags = tagsImplicit && fnTags?.value.kind === 'map' && !intrinsicOf(fnTags.value) ? fnTags.value.entries : [];
    if (events?.value.kind === 'map') {
      for (const ev of events.value.entries) {
        const type = literal(entry(ev.value, 'Type')?.value);
        if (type && type in POLL_SOURCES) {
          out.push(this.eventSourceMapping(id, ev, type, target(ev.range)));
          continue;
        }
        const principal = type && EVENT_PRINCIPALS[type];
        if (!principal) continue;
        const ep = entry(ev.value, 'Properties')?.value;
        const a = ev.range;
        const source: CfnEntry[] = [];
        if (type === 'S3') source.push(ent('SourceAccount', ref('AWS::AccountId', a), a));
        else if (type === 'SNS') source.push(ent('SourceArn', entry(ep, 'Topic')?.value ?? deployTime(a), a));
        else if (type === 'Schedule' || type === 'CloudWatchEvent' || type === 'EventBridgeRule') source.push(ent('SourceArn', getAtt(`${id}${ev.key}`, 'Arn', a), a));
        else source.push(ent('SourceArn', deployTime(a), a));
        const perm = map([ent('Action', scalar('lambda:InvokeFunction', a), a), ent('FunctionName', target(a), a), ent('Principal', scalar(principal, a), a), ...source], a);
        out.push({ logicalId: `${id}${ev.key}Permission`, type: 'AWS::Lambda::Permission', props: perm, suffix: `Events/${ev.key}`, location: { file, ...a } });
        if (type === 'Api' && !entry(ep, 'RestApiId')) {
          this.implicitRest ??= { location: { file, ...a }, tags: [] };
          this.implicitRest.tags.push(...implicitTags);
        }
        if (type === 'HttpApi' && !entry(ep, 'ApiId')) {
          this.implicitHttp ??= { location: { file, ...a }, tags: [] };
          this.implicitHttp.tags.push(...implicitTags);
        }
      }
    }
    // the function itself first: folds (URL, permissions) find it
    out.unshift({ logicalId: id, type: 'AWS::Lambda::Function', props: map(fnEntries, props.range) });
    return out;
  }

  /** The execution role SAM creates for a function when `Role` is absent. */
  private role(r: CfnResource, props: MapNode, tags: CfnEntry): Built {
    const at = r.entry.range;
    const get = (k: string) => entry(props, k);
    const trust = get('AssumeRolePolicyDocument') ?? trustPolicy('lambda.amazonaws.com', at);
    const arns: CfnNode[] = [scalar(managedArn('AWSLambdaBasicExecutionRole'), at)];
    const tracing = get('Tracing');
    if (tracing && literal(tracing.value) === 'Active') arns.push(scalar('arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess', tracing.range));
    const vpc = get('VpcConfig');
    if (vpc) arns.push(scalar(managedArn('AWSLambdaVPCAccessExecutionRole'), vpc.range));
    // the execution policy of each polling source, ranged to the first event that adds it, in
    // the order SAM links the events; the inline policies of those that read secrets or a VPC
    const after: CfnNode[] = [];
    const inline: InlinePolicy[] = [];
    for (const ev of orderedEvents(get('Events')?.value)) {
      const type = literal(entry(ev.value, 'Type')?.value) ?? '';
      const name = POLL_POLICIES[type];
      if (name && !after.some((a) => literal(a) === managedArn(name))) after.push(scalar(managedArn(name), ev.range));
      if (type in POLL_SOURCES) inline.push(...pollingPolicies(r.logicalId, ev, type, this.reject));
    }
    return this.executionRole(r, props, trust, arns, after, tags, inline);
  }

  /**
   * An execution role SAM generates (for a function or a state machine): the trust policy, the
   * managed policies SAM adds before (`before`) and after (`after`) those of `Policies`, each
   * `Policies` item (a managed policy name or ARN, an inline document, a policy template),
   * `PermissionsBoundary`, `RolePath`, the resource's tags, and the inline policies its events add
   * (`extra`: each once — SAM skips a policy whose document the role already has).
   */
  private executionRole(r: CfnResource, props: MapNode, trust: CfnEntry, before: CfnNode[], after: CfnNode[], tags: CfnEntry, extra: InlinePolicy[] = []): Built {
    const at = r.entry.range;
    const get = (k: string) => entry(props, k);
    const entries: CfnEntry[] = [trust];
    const arns: CfnNode[] = [...before];
    const inline: CfnNode[] = [];
    const policies = get('Policies');
    if (policies) {
      const v = policies.value;
      // a single name, a single policy document, or a list of names, documents and policy templates
      const items = v.kind === 'seq' ? v.items : [v];
      items.forEach((item) => {
        if (item.kind === 'scalar') {
          const s = String(item.value ?? '');
          arns.push(s.startsWith('arn:') ? item : scalar(managedArn(s), item.range));
        } else if (intrinsicOf(item)) arns.push(item);
        else if (item.kind === 'map' && entry(item, 'Statement')) {
          inline.push(map([ent('PolicyName', scalar(`${r.logicalId}RolePolicy${inline.length}`, item.range), item.range), ent('PolicyDocument', item, item.range)], item.range));
        } else {
          // a SAM policy template: its statements are SAM's, left unknown
          inline.push(map([ent('PolicyName', scalar(`${r.logicalId}RolePolicy${inline.length}`, item.range), item.range)], item.range));
        }
      });
    }
    // SAM's own policies after the user's, each once
    for (const p of after) if (!arns.some((x) => literal(x) !== undefined && literal(x) === literal(p))) arns.push(p);
    entries.push(ent('ManagedPolicyArns', { kind: 'seq', items: arns, range: at }, at));
    const documents = new Set(inline.map((p) => JSON.stringify(plain(entry(p, 'PolicyDocument')?.value ?? p))));
    for (const p of extra) {
      const doc = JSON.stringify(plain(entry(p, 'PolicyDocument')!.value));
      if (documents.has(doc)) continue;
      documents.add(doc);
      inline.push(p);
    }
    const where = policies?.range ?? at;
    if (inline.length) entries.push(ent('Policies', seq(inline, where), where));
    const boundary = get('PermissionsBoundary');
    if (boundary) entries.push(boundary);
    const path = get('RolePath');
    if (path) entries.push(ent('Path', path.value, path.range));
    entries.push(tags);
    return { logicalId: `${r.logicalId}Role`, type: 'AWS::IAM::Role', props: map(entries, at), suffix: 'Role' };
  }

  private eventInvokeConfig(id: string, eic: CfnEntry, alias: PublishedAlias | undefined): Built {
    const at = eic.range;
    const v = eic.value as MapNode;
    const entries: CfnEntry[] = [ent('FunctionName', ref(id, at), at), ent('Qualifier', scalar(alias?.name ?? '$LATEST', at), at)];
    for (const k of ['MaximumEventAgeInSeconds', 'MaximumRetryAttempts']) {
      const e = entry(v, k);
      if (e) entries.push(e);
    }
    const dc = entry(v, 'DestinationConfig');
    if (dc?.value.kind === 'map' && !intrinsicOf(dc.value)) {
      const dests: CfnEntry[] = [];
      for (const side of ['OnSuccess', 'OnFailure']) {
        const s = entry(dc.value, side);
        if (!s) continue;
        const dest = entry(s.value, 'Destination');
        const type = literal(entry(s.value, 'Type')?.value);
        // without a Destination, SAM creates the queue or topic of `Type` itself
        const target = dest?.value ?? (type === 'SQS' ? getAtt(`${id}EventInvokeConfig${side}Queue`, 'Arn', s.range) : type === 'SNS' ? ref(`${id}EventInvokeConfig${side}Topic`, s.range) : undefined);
        dests.push(ent(side, map(target ? [ent('Destination', target, dest?.range ?? s.range)] : [], s.range), s.range));
      }
      entries.push(ent('DestinationConfig', map(dests, dc.range), dc.range));
    }
    return { logicalId: `${id}EventInvokeConfig`, type: 'AWS::Lambda::EventInvokeConfig', props: map(entries, at), suffix: 'EventInvokeConfig', location: { file: this.template.file, ...at } };
  }

  // -------------------------------------------------------------- StateMachine

  /**
   * `AWS::Serverless::StateMachine` → `AWS::StepFunctions::StateMachine`: `Name`, `Type`, `Logging`,
   * `Tracing` and `Role` under their CloudFormation names, SAM's `stateMachine:createdBy` tag and
   * the user's; without `Role`, the role SAM generates: trusting `states.amazonaws.com`, with the
   * `Policies` and, when `Tracing.Enabled` is true, X-Ray's write policy after them.
   */
  private stateMachine(r: CfnResource): Built[] {
    const id = r.logicalId;
    const at = r.entry.range;
    const props = this.merged(r, 'StateMachine');
    const get = (k: string) => entry(props, k);
    const entries: CfnEntry[] = [];
    for (const [k, cfn] of [['Name', 'StateMachineName'], ['Type', 'StateMachineType'], ['Logging', 'LoggingConfiguration'], ['Tracing', 'TracingConfiguration']]) {
      const e = get(k);
      if (e) entries.push(ent(cfn, e.value, e.range));
    }
    const tags = generatedTags('stateMachine:createdBy', props, at, propagatesTags(id, props, this.warn, this.reject));
    entries.push(tags);
    const out: Built[] = [];
    const role = get('Role');
    if (role) entries.push(ent('RoleArn', role.value, role.range));
    else {
      entries.push(ent('RoleArn', getAtt(`${id}Role`, 'Arn', at), at));
      // SAM adds the X-Ray policy only for a literal `Enabled: true`
      const enabled = entry(get('Tracing')?.value, 'Enabled');
      const xray = enabled?.value.kind === 'scalar' && enabled.value.value === true ? [scalar(managedArn('AWSXrayWriteOnlyAccess'), enabled.range)] : [];
      out.push(this.executionRole(r, props, trustPolicy('states.amazonaws.com', at), [], xray, tags));
    }
    return [{ logicalId: id, type: 'AWS::StepFunctions::StateMachine', props: map(entries, props.range) }, ...out];
  }

  /** The event source mapping of a polling event, ranged to the event; `fn`: the function or its alias. */
  private eventSourceMapping(id: string, ev: CfnEntry, type: string, fn: CfnNode): Built {
    const a = ev.range;
    const ep = entry(ev.value, 'Properties')?.value;
    const entries: CfnEntry[] = [ent('FunctionName', fn, a)];
    const sourceKey = POLL_SOURCES[type];
    const source = sourceKey ? entry(ep, sourceKey) : undefined;
    if (source) entries.push(ent('EventSourceArn', source.value, source.range));
    for (const k of POLL_KEYS) {
      const e = entry(ep, k);
      if (e) entries.push(e);
    }
    // `OnFailure.Type` only tells SAM which send policy to add to the role: it is removed
    const dc = entry(ep, 'DestinationConfig');
    if (dc) {
      const strip = (e: CfnEntry): CfnEntry => (e.key === 'OnFailure' && e.value.kind === 'map' && !intrinsicOf(e.value) ? { ...e, value: map(e.value.entries.filter((x) => x.key !== 'Type'), e.value.range) } : e);
      entries.push(dc.value.kind === 'map' && !intrinsicOf(dc.value) ? { ...dc, value: map(dc.value.entries.map(strip), dc.value.range) } : dc);
    }
    const servers = entry(ep, 'KafkaBootstrapServers');
    if (servers) {
      const r = servers.range;
      entries.push(ent('SelfManagedEventSource', map([ent('Endpoints', map([ent('KafkaBootstrapServers', servers.value, r)], r), r)], r), r));
    }
    const group = entry(ep, 'ConsumerGroupId');
    if (group && (type === 'MSK' || type === 'SelfManagedKafka')) {
      const key = type === 'MSK' ? 'AmazonManagedKafkaEventSourceConfig' : 'SelfManagedKafkaEventSourceConfig';
      entries.push(ent(key, map([group], group.range), group.range));
    }
    if (type === 'DocumentDB') {
      const config = ['DatabaseName', 'CollectionName', 'FullDocument'].map((k) => entry(ep, k)).filter((e): e is CfnEntry => e !== undefined);
      if (config.length) entries.push(ent('DocumentDBEventSourceConfig', map(config, config[0].range), config[0].range));
    }
    return { logicalId: `${id}${ev.key}`, type: 'AWS::Lambda::EventSourceMapping', props: map(entries, a), suffix: `Events/${ev.key}`, location: { file: this.template.file, ...a } };
  }

  // -------------------------------------------------------------- LayerVersion

  /**
   * `AWS::Serverless::LayerVersion` → `AWS::Lambda::LayerVersion`. SAM writes the logical id as
   * `LayerName` when none is given, which is the adapter's default too.
   */
  private layerVersion(r: CfnResource): Built[] {
    const props = this.localProps(r);
    const entries: CfnEntry[] = [];
    for (const k of ['LayerName', 'Description', 'CompatibleRuntimes', 'CompatibleArchitectures', 'LicenseInfo']) {
      const e = entry(props, k);
      if (e) entries.push(e);
    }
    return [{ logicalId: r.logicalId, type: 'AWS::Lambda::LayerVersion', props: map(entries, props.range) }];
  }

  // -------------------------------------------------------------- SimpleTable, APIs

  private simpleTable(r: CfnResource): Built[] {
    const at = r.entry.range;
    const props = this.merged(r, 'SimpleTable');
    const entries: CfnEntry[] = [];
    for (const k of ['TableName', 'SSESpecification', 'ProvisionedThroughput', 'PointInTimeRecoverySpecification', 'Tags']) {
      const e = entry(props, k);
      if (e) entries.push(e);
    }
    // without ProvisionedThroughput SAM creates an on-demand table
    if (!entry(props, 'ProvisionedThroughput')) entries.push(ent('BillingMode', scalar('PAY_PER_REQUEST', at), at));
    return [{ logicalId: r.logicalId, type: 'AWS::DynamoDB::Table', props: map(entries, props.range) }];
  }

  /**
   * `AWS::Serverless::Api` → its stage. The stage gets the user's `Tags` with or without
   * `PropagateTags` (which also tags the REST API, deployment and domain, not modelled).
   */
  private restApi(r: CfnResource, local: MapNode, id: string): Built[] {
    const g = globalSection(this.template, 'Api');
    const props = g ? this.merger.maps(g, local, 'Api') : local;
    propagatesTags(id, props, this.warn, this.reject);
    const entries: CfnEntry[] = [];
    for (const k of ['StageName', 'TracingEnabled', 'CacheClusterEnabled', 'CacheClusterSize', 'AccessLogSetting', 'MethodSettings', 'Variables', 'CanarySetting', 'Tags']) {
      const e = entry(props, k);
      if (e) entries.push(e);
    }
    return [{ logicalId: id, type: 'AWS::ApiGateway::Stage', props: map(entries, props.range) }];
  }

  /**
   * `AWS::Serverless::HttpApi` → its stage, tagged `httpapi:createdBy: SAM` and the user's tags;
   * with `PropagateTags` and tags, the user's tags alone (`ApiGatewayV2Stage.assign_tags`).
   */
  private httpApi(r: CfnResource, local: MapNode, id: string): Built[] {
    const at = r.entry.range;
    const g = globalSection(this.template, 'HttpApi');
    const props = g ? this.merger.maps(g, local, 'HttpApi') : local;
    const propagate = propagatesTags(id, props, this.warn, this.reject);
    const entries: CfnEntry[] = [entry(props, 'StageName') ?? ent('StageName', scalar('$default', at), at)];
    for (const k of ['AccessLogSettings', 'DefaultRouteSettings', 'StageVariables']) {
      const e = entry(props, k);
      if (e) entries.push(e);
    }
    const tags = entry(props, 'Tags');
    if (propagate && tags?.value.kind === 'map' && tags.value.entries.length) entries.push(tags);
    else entries.push(ent('Tags', tags?.value.kind === 'map' && !intrinsicOf(tags.value) ? map([ent('httpapi:createdBy', scalar('SAM', at), at), ...tags.value.entries], tags.range) : (tags?.value ?? lit({ 'httpapi:createdBy': 'SAM' }, at)), tags?.range ?? at));
    return [{ logicalId: id, type: 'AWS::ApiGatewayV2::Stage', props: map(entries, props.range) }];
  }
}
