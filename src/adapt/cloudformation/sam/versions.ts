/**
 * `AutoPublishAlias` of an `AWS::Serverless::Function`: the `AWS::Lambda::Version` and
 * `AWS::Lambda::Alias` SAM generates (samtranslator/model/sam_resources.py, `_construct_version`,
 * `_construct_alias`), and the name event sources, URLs and permissions then target.
 *
 * - The alias is `<Function>Alias<Name>`: `Name` (a literal or a `Ref` to a parameter, resolved
 *   as SAM resolves it), `FunctionName` the function, `FunctionVersion` the version's, and
 *   `ProvisionedConcurrencyConfig`.
 * - The version is `<Function>Version<hash>`, `DeletionPolicy: Retain`, with `VersionDescription`.
 *   The hash is the one SAM computes (`LogicalIdGenerator`): the first 10 hex digits of the SHA-1
 *   of the compact, key-sorted JSON of the function's code location (parameter references
 *   resolved), `Environment`'s keys and `MemorySize` (and `SnapStart` when it applies); or the
 *   first 10 characters of `AutoPublishCodeSha256`. When the code location is not known to the
 *   transform — a local `CodeUri` that `sam package` replaces by an S3 location, an intrinsic other
 *   than a parameter `Ref` — or `AutoPublishAliasAllProperties` is true (the hash then covers
 *   every generated property), the version is `<Function>Version` without a hash.
 */
import { createHash } from 'node:crypto';
import type { Range } from '../../../model/source.js';
import { entry, type CfnEntry, type CfnNode } from '../../../parse/cloudformation/load.js';
import { intrinsicOf, UnknownValue, type Evaluator } from '../intrinsics.js';
import { ent, getAtt, literal, map, plain, plainMap, ref, scalar, type Built, type MapNode, type Warn } from './nodes.js';

/** What `AutoPublishAlias` makes of a function: the alias SAM creates and the version it points to. */
export interface PublishedAlias {
  name: string;
  aliasId: string;
  versionId: string;
  /** The `AutoPublishAlias` entry: what the generated resources are ranged to. */
  at: Range;
}

const NOT_STATIC = Symbol('not static');

/** A value as SAM's `resolve_parameter_refs` leaves it: `Ref` to a parameter replaced by its value; other intrinsics not static. */
function resolvedParams(n: CfnNode, ev: Evaluator): unknown {
  const fn = intrinsicOf(n);
  if (fn) {
    const name = literal(fn.arg);
    if (fn.name !== 'Ref' || name === undefined || !ev.hasParameter(name)) return NOT_STATIC;
    const v = ev.value(n);
    return v instanceof UnknownValue || v === undefined ? NOT_STATIC : v;
  }
  if (n.kind === 'scalar') return n.value;
  const parts = n.kind === 'seq' ? n.items.map((x) => resolvedParams(x, ev)) : n.entries.map((e) => resolvedParams(e.value, ev));
  if (parts.includes(NOT_STATIC)) return NOT_STATIC;
  return n.kind === 'seq' ? parts : Object.fromEntries(n.entries.map((e, i) => [e.key, parts[i]]));
}

/** `Code` of the generated function as the transform sees it (`_construct_code_dict`), or NOT_STATIC. */
function codeDict(props: MapNode, ev: Evaluator): unknown {
  if (literal(entry(props, 'PackageType')?.value) === 'Image') {
    const image = entry(props, 'ImageUri');
    const v = image ? resolvedParams(image.value, ev) : NOT_STATIC;
    return v === NOT_STATIC ? v : { ImageUri: v };
  }
  const inline = entry(props, 'InlineCode');
  if (inline) return { ZipFile: plain(inline.value) };
  const uri = entry(props, 'CodeUri');
  const v = uri ? resolvedParams(uri.value, ev) : NOT_STATIC;
  if (typeof v === 'string') {
    const m = /^s3:\/\/([^/?]+)\/([^?]+)(?:\?versionId=(.+))?$/.exec(v);
    return m ? { S3Bucket: m[1], S3Key: m[2], ...(m[3] ? { S3ObjectVersion: m[3] } : {}) } : NOT_STATIC;
  }
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    return { S3Bucket: o.Bucket, S3Key: o.Key, ...(o.Version !== undefined ? { S3ObjectVersion: o.Version } : {}) };
  }
  return NOT_STATIC;
}

/** Python's `json.dumps(v, separators=(",", ":"), sort_keys=True)`: non-ASCII escaped, keys sorted. */
export function pythonJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(pythonJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${pythonJson(k)}:${pythonJson(o[k])}`)
      .join(',')}}`;
  }
  if (typeof v === 'string') return JSON.stringify(v).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return JSON.stringify(v ?? null);
}

/** The hash SAM appends to `<Function>Version`, or undefined when it cannot be known before deployment. */
export function versionHash(props: MapNode, ev: Evaluator): string | undefined {
  const sha = entry(props, 'AutoPublishCodeSha256');
  if (sha) {
    const v = resolvedParams(sha.value, ev);
    return typeof v === 'string' ? v.slice(0, 10) : undefined;
  }
  const all = entry(props, 'AutoPublishAliasAllProperties')?.value;
  if (all?.kind === 'scalar' && all.value === true) return undefined;
  const code = codeDict(props, ev);
  if (code === NOT_STATIC) return undefined;
  const data: Record<string, unknown> = { ...(code as Record<string, unknown>) };
  const env = entry(props, 'Environment')?.value;
  if (env?.kind === 'map') Object.assign(data, plain(env));
  const memory = entry(props, 'MemorySize')?.value;
  if (memory && !(memory.kind === 'scalar' && !memory.value)) data.MemorySize = plain(memory);
  const snap = plainMap(entry(props, 'SnapStart')?.value);
  const applyOn = snap && entry(snap, 'ApplyOn');
  if (snap && applyOn && !(applyOn.value.kind === 'scalar' && applyOn.value.value === 'None')) data.SnapStart = plain(snap);
  if (!Object.keys(data).length) return '';
  return createHash('sha1').update(pythonJson(data), 'utf8').digest('hex').slice(0, 10);
}

/**
 * The alias `AutoPublishAlias` asks for, or undefined: absent, or a value SAM rejects (not a
 * string nor a `Ref` to a parameter; a name that makes the alias's logical id not alphanumeric),
 * which is warned about.
 */
export function publishedAlias(fnId: string, props: MapNode, ev: Evaluator, warn: Warn): PublishedAlias | undefined {
  const e = entry(props, 'AutoPublishAlias');
  if (!e || (e.value.kind === 'scalar' && e.value.value === null)) {
    const pcc = entry(props, 'ProvisionedConcurrencyConfig');
    if (pcc) warn(`ProvisionedConcurrencyConfig of ${fnId} needs AutoPublishAlias`, pcc.keyRange);
    return undefined;
  }
  const v = resolvedParams(e.value, ev);
  if (typeof v !== 'string' || !v) {
    warn(`AutoPublishAlias of ${fnId} must be a string or a Ref to a template parameter`, e.keyRange);
    return undefined;
  }
  if (!/^[A-Za-z0-9]+$/.test(v)) {
    warn(`AutoPublishAlias of ${fnId} is ${JSON.stringify(v)}: the alias's logical id ${fnId}Alias${v} must be alphanumeric`, e.keyRange);
    return undefined;
  }
  const sha = entry(props, 'AutoPublishCodeSha256');
  if (sha && typeof resolvedParams(sha.value, ev) !== 'string') warn(`AutoPublishCodeSha256 of ${fnId} must be a string`, sha.keyRange);
  return { name: v, aliasId: `${fnId}Alias${v}`, versionId: `${fnId}Version${versionHash(props, ev) ?? ''}`, at: e.range };
}

/** The version and alias resources, the alias carrying `updatePolicy` (from `DeploymentPreference`) when given. */
export function versionAndAlias(fnId: string, props: MapNode, alias: PublishedAlias, file: string, updatePolicy?: CfnEntry): Built[] {
  const at = alias.at;
  const location = { file, ...at };
  const version: CfnEntry[] = [ent('FunctionName', ref(fnId, at), at)];
  const description = entry(props, 'VersionDescription');
  if (description) version.push(ent('Description', description.value, description.range));
  const aliasProps: CfnEntry[] = [ent('Name', scalar(alias.name, at), at), ent('FunctionName', ref(fnId, at), at), ent('FunctionVersion', getAtt(alias.versionId, 'Version', at), at)];
  const pcc = entry(props, 'ProvisionedConcurrencyConfig');
  if (pcc) aliasProps.push(pcc);
  return [
    { logicalId: alias.versionId, type: 'AWS::Lambda::Version', props: map(version, at), suffix: 'Version', location, attributes: [ent('DeletionPolicy', scalar('Retain', at), at)] },
    { logicalId: alias.aliasId, type: 'AWS::Lambda::Alias', props: map(aliasProps, at), suffix: `Alias${alias.name}`, location, attributes: updatePolicy ? [updatePolicy] : undefined },
  ];
}
