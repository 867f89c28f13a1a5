/**
 * The canonical model: what policies see. One shape per kind of thing, whatever the source
 * (Terraform, a plan, CloudFormation, AWS Config, a live cluster). See docs/model.md.
 *
 * A value that cannot be known statically is the UNKNOWN marker object; policies test it
 * with `lib.unknown(x)` and never fire on it.
 */
import type { FileRange } from './source.js';

/** How an unknown value is written into the model (JSON-safe, so it survives the wasm boundary). */
export const UNKNOWN_KEY = '__unknown__';
export const UNKNOWN: Readonly<{ __unknown__: true }> = Object.freeze({ [UNKNOWN_KEY]: true as const });

export function isUnknown(v: unknown): boolean {
  if (v === UNKNOWN) return true; // the common case, without a property read on any object
  return typeof v === 'object' && v !== null && (v as Record<string, unknown>)[UNKNOWN_KEY] === true;
}

const DECODED = Symbol('decoded JSON');

/**
 * An unknown string that is known to be the JSON encoding of a partially known structure:
 * Terraform's `jsonencode` of a value holding unknowns (a policy naming a resource's ARN), an
 * `aws_iam_policy_document` with an unknown identifier. It is UNKNOWN in every respect
 * (`isUnknown`, JSON, equality, `Object.keys`): the structure is a non-enumerable symbol
 * property that only `decodedJson` reads, so it never reaches the policies. Adapters that parse
 * JSON attributes read the structure instead of giving up on the whole document.
 */
export function unknownJson(decoded: unknown): unknown {
  if (isUnknown(decoded)) return UNKNOWN;
  return markedUnknown(DECODED, decoded);
}

/** An UNKNOWN marker carrying `value` under a non-enumerable symbol: invisible to JSON, keys and policies. */
function markedUnknown(key: symbol, value: unknown): unknown {
  const marker = { [UNKNOWN_KEY]: true as const };
  Object.defineProperty(marker, key, { value });
  return Object.freeze(marker);
}

/** The partially known structure an unknown JSON string encodes (see unknownJson); undefined when none. */
export function decodedJson(v: unknown): unknown {
  return isUnknown(v) ? (v as { [DECODED]?: unknown })[DECODED] : undefined;
}

const ORIGIN = Symbol('unknown attribute of');

/** What an unknown value is known to be: an attribute of one resource instance (see unknownAttribute). */
export interface UnknownOrigin {
  /** The resource instance, as the evaluator identifies it (its attribute view). */
  readonly instance: object;
  readonly attribute: string;
}

/**
 * An unknown value known to be an attribute of one resource instance: `aws_vpc.main.id`, known
 * only after apply, read directly or through a local, a variable, a module output or `try()`.
 * Like unknownJson it is UNKNOWN in every respect; `unknownOrigin` alone reads where it came
 * from, so adapters can tell which resource a `vpc_id = local.vpc_id` designates without the
 * reference being written literally.
 */
export function unknownAttribute(instance: object, attribute: string): unknown {
  return markedUnknown(ORIGIN, { instance, attribute } satisfies UnknownOrigin);
}

/** The resource instance attribute an unknown value is (see unknownAttribute); undefined when none. */
export function unknownOrigin(v: unknown): UnknownOrigin | undefined {
  return isUnknown(v) ? (v as { [ORIGIN]?: UnknownOrigin })[ORIGIN] : undefined;
}

export type ModelPath = (string | number)[];

export interface ModelObject {
  /** Unique within one scan; findings name it. */
  id: string;
  [field: string]: unknown;
}

export interface AwsModel {
  /** service → collection → objects, e.g. aws.s3.buckets[] */
  [service: string]: { [collection: string]: ModelObject[] };
}

export interface KubernetesModel {
  /** Manifests and live objects in the Kubernetes API shape, plus `id`. */
  objects: ModelObject[];
}

export interface CanonicalModel {
  aws: AwsModel;
  kubernetes: KubernetesModel;
}

export type SourceKind = 'terraform' | 'terraform-plan' | 'cloudformation' | 'kubernetes' | 'aws-config' | 'kubernetes-live';

/**
 * Provenance of one model object: kept beside the model, never sent to the policy engine.
 * `fields` maps a model path (segments joined with '.') to the source range it came from;
 * the engine picks the longest recorded prefix of a finding's path.
 */
export interface SourceMapEntry {
  id: string;
  source: SourceKind;
  /** Stable identity for fingerprints: Terraform address, `Kind/namespace/name`, or ARN. */
  identity: string;
  /** Source resource type: `aws_s3_bucket`, `Deployment`, `AWS::S3::Bucket`. */
  resourceType: string;
  /** Where the object is declared (block or document). Absent for live objects. */
  location?: FileRange;
  fields: Record<string, FileRange>;
  /** Module call chain for Terraform (`module.a.module.b`), empty at the root. */
  module?: string;
  /** Model path → where its value came from besides the attribute (variables, tfvars, module arguments). */
  related?: Record<string, (FileRange & { message: string })[]>;
  /**
   * Related locations of every finding on the object, after those of its path: the
   * CloudFormation nested stack resources it was created through, outermost first.
   */
  via?: (FileRange & { message: string })[];
  /**
   * What fingerprints are scoped to when it is not the file of `location`: the template a
   * nested stack's resource was scanned through (the same child nested by two parents is two
   * resources).
   */
  scope?: string;
  /** Inline suppressions found beside the resource: rule id → reason. */
  suppressions?: Record<string, string>;
}

export function pathKey(path: ModelPath): string {
  return path.join('.');
}

export function emptyModel(): CanonicalModel {
  return { aws: {}, kubernetes: { objects: [] } };
}

/** Append objects into model.aws[service][collection]. */
export function addAws(model: CanonicalModel, service: string, collection: string, obj: ModelObject): void {
  const svc = (model.aws[service] ??= {});
  (svc[collection] ??= []).push(obj);
}
