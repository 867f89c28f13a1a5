/**
 * Shared machinery of the CloudFormation → AWS adapters: the resources of a template with
 * their evaluated properties, object builders keyed by logical id, lookups for folding
 * standalone resources (`AWS::EC2::SecurityGroupIngress`, `AWS::S3::BucketPolicy`) into the
 * object they configure, and helpers that copy a property with its range.
 */
import { modelDefaults } from '../aws/defaults.js';
import { ObjectBuilder } from '../builder.js';
import type { CanonicalModel, ModelPath, SourceMapEntry } from '../../model/model.js';
import { addAws, isUnknown, UNKNOWN } from '../../model/model.js';
import type { FileRange, Range } from '../../model/source.js';
import type { CfnEntry, CfnNode } from '../../parse/cloudformation/load.js';
import { hasUnknown, toModel, UnknownValue, type Evaluator } from './intrinsics.js';
import type { Props } from './props.js';

export interface AdapterSink {
  model: CanonicalModel;
  sourceMap: SourceMapEntry[];
}

/** One resource of a template that CloudFormation would create. */
export interface CfnResource {
  logicalId: string;
  type: string;
  /** `Resources.<id>` as written. */
  entry: CfnEntry;
  /** Evaluated `Properties` with their ranges. */
  props: Props;
  /** The resource's other attributes (`DeletionPolicy`, `Condition`, …) as nodes. */
  attribute(name: string): CfnEntry | undefined;
  location: FileRange;
  suppressions?: Record<string, string>;
  /** Set on resources a transform generates (SAM): the identity and type the user wrote. */
  identity?: string;
  resourceType?: string;
}

/** `AWS::S3::Bucket/Logs`: the resource type and logical id, stable across edits. */
export function cfnIdentity(type: string, logicalId: string): string {
  return `${type}/${logicalId}`;
}

/** Where a template sits among nested stacks: the template scanned has an empty `path`. */
export interface StackPlacement {
  /** The template scanned as a unit: model ids and fingerprints are scoped to it. */
  rootFile: string;
  /** Logical ids of the nested stack resources from that template down to this one. */
  path: string[];
  /** Those resources, outermost first: related locations of every finding on what this template creates. */
  via: (FileRange & { message: string })[];
  /** Inline suppressions of those resources: they apply to everything created through them. */
  suppressions?: Record<string, string>;
}

/**
 * The name a resource has among all the stacks of a unit: its logical id in the template
 * scanned, `Stack/Inner/LogicalId` in a nested stack's template. It is what the adapters see as
 * the resource's `logicalId`, so the default model name of what a nested stack creates (a bucket
 * without `BucketName` is named after its logical id) is distinct for every nesting, as the
 * physical names CloudFormation generates are.
 */
export function stackQualifiedId(path: readonly string[], logicalId: string): string {
  return path.length ? `${path.join('/')}/${logicalId}` : logicalId;
}

/**
 * A reference to a resource of any stack of the unit, as carried in an unknown value's refs
 * across a stack boundary: `/` and its stack-qualified id (a logical id never starts with `/`).
 */
export function stackRef(qualifiedId: string): string {
  return `/${qualifiedId}`;
}

/** The stack-qualified id a cross-stack ref names; undefined when it is a plain logical id. */
export function fromStackRef(ref: string): string | undefined {
  return ref.startsWith('/') ? ref.slice(1) : undefined;
}

/**
 * The resources and model objects of every stack of one scanned template (the template and its
 * nested stacks), by stack-qualified id: a standalone resource folds into an object of another
 * stack of the unit when a parameter or an output carries the reference across (see nested.ts).
 */
export class StackUnit {
  readonly resources = new Map<string, CfnResource>();
  readonly builders = new Map<string, ObjectBuilder>();
}

/**
 * The resources of one template as its adapters see them: every resource under its
 * stack-qualified id, found by that id or by its logical id in the template; a cross-stack ref
 * (`/Stack/Id`) finds the resource of the other stack.
 */
class TemplateResources extends Map<string, CfnResource> {
  constructor(
    private readonly local: Map<string, CfnResource>,
    private readonly qualify: (logicalId: string) => string,
    private readonly unit: StackUnit,
    private readonly onForeign: (r: CfnResource) => void,
  ) {
    super();
    for (const [id, r] of local) super.set(qualify(id), r);
  }

  override get(key: string): CfnResource | undefined {
    const own = super.get(key) ?? this.local.get(key);
    if (own) return own;
    const q = fromStackRef(key);
    if (q === undefined) return undefined;
    const r = super.get(q) ?? this.unit.resources.get(q);
    if (r && !super.has(q)) this.onForeign(r);
    return r;
  }

  override has(key: string): boolean {
    return this.get(key) !== undefined;
  }
}

export interface ContextOptions {
  /** Absent for the template scanned; set for a nested stack's template. */
  placement?: StackPlacement;
  /** The stacks of the unit (one per context when absent). */
  unit?: StackUnit;
  /**
   * The resource of any stack of the unit a property's node designates, as a cross-stack ref:
   * `!Ref X` to a resource of the template, a parameter the parent passed a resource's id in,
   * `!GetAtt Stack.Outputs.Name` of a nested stack whose output is a resource's id.
   */
  designate?: (node: CfnNode | undefined) => string | undefined;
}

export class CfnContext {
  private readonly builders = new Map<string, ObjectBuilder>();
  /** Objects of other stacks of the unit this template's resources were folded into, by stack-qualified id. */
  private readonly foreign = new Map<string, ObjectBuilder | undefined>();
  private readonly unit: StackUnit;
  private readonly placement?: StackPlacement;
  private readonly designate?: ContextOptions['designate'];
  /** The template's resources, under their stack-qualified ids (see {@link stackQualifiedId}). */
  readonly resources: Map<string, CfnResource>;
  /** The template's evaluator; `target` answers stack-qualified ids. */
  readonly ev: Evaluator;

  constructor(
    readonly file: string,
    resources: Map<string, CfnResource>,
    ev: Evaluator,
    private readonly sink: AdapterSink,
    options: ContextOptions = {},
  ) {
    this.placement = options.placement;
    this.unit = options.unit ?? new StackUnit();
    this.designate = options.designate;
    const path = this.placement?.path ?? [];
    const qualify = (id: string) => stackQualifiedId(path, id);
    const placed = new Map<string, CfnResource>();
    for (const [id, r] of resources) {
      const q = qualify(r.logicalId);
      const p = path.length ? { ...r, logicalId: q } : r;
      placed.set(id, p);
      this.unit.resources.set(q, p);
    }
    this.resources = new TemplateResources(placed, qualify, this.unit, (r) => {
      if (!this.foreign.has(r.logicalId)) this.foreign.set(r.logicalId, undefined);
    });
    if (!path.length) this.ev = ev;
    else {
      // the same evaluator, its resource targets named as the adapters know the resources
      const view = Object.create(ev) as Evaluator;
      view.target = (node) => {
        const id = ev.target(node);
        return id === undefined ? undefined : qualify(id);
      };
      this.ev = view;
    }
  }

  /**
   * Creates the model object for a resource and adds it to aws.<service>.<collection>. In a
   * nested stack's template, the identity names the stack path after the type
   * (`AWS::S3::Bucket/Storage/Bucket`) and the id the template scanned and that path, so the
   * same child nested twice gives two objects.
   */
  create(r: CfnResource, service: string, collection: string, base: Record<string, unknown> = {}, sub?: { suffix: string; location: FileRange }): ObjectBuilder {
    const type = r.resourceType ?? r.type;
    const nested = this.placement?.path.length ? this.placement : undefined;
    const prefix = nested ? `${nested.path.join('/')}/` : '';
    // r.logicalId is stack-qualified (prefix + the template's logical id)
    const logicalId = prefix && r.logicalId.startsWith(prefix) ? r.logicalId.slice(prefix.length) : r.logicalId;
    const own = r.identity ?? cfnIdentity(r.type, logicalId);
    const placed = !prefix ? own : own.startsWith(`${type}/`) ? `${type}/${prefix}${own.slice(type.length + 1)}` : `${prefix}${own}`;
    const identity = placed + (sub ? `/${sub.suffix}` : '');
    const b = new ObjectBuilder({
      id: `${nested?.rootFile ?? this.file}#${prefix}${logicalId}${sub ? `/${sub.suffix}` : ''}`,
      source: 'cloudformation',
      identity,
      resourceType: type,
      location: sub?.location ?? r.location,
      base: { ...modelDefaults(service, collection, base), ...base },
    });
    // the resource's own suppressions win over those of the nested stack resources above it
    const suppressions = { ...(nested?.suppressions ?? {}), ...(r.suppressions ?? {}) };
    if (Object.keys(suppressions).length) b.entry.suppressions = suppressions;
    if (nested) {
      b.entry.via = [...nested.via];
      b.entry.scope = nested.rootFile;
    }
    if (!sub) {
      this.builders.set(r.logicalId, b);
      this.unit.builders.set(r.logicalId, b);
    }
    addAws(this.sink.model, service, collection, b.obj);
    this.sink.sourceMap.push(b.entry);
    return b;
  }

  /**
   * The model object of a resource: by the stack-qualified id adapters know it by (of this
   * template, or of another stack of the unit this template designated), or by its logical id
   * in the template.
   */
  builder(logicalId: string): ObjectBuilder | undefined {
    const own = this.builders.get(logicalId);
    if (own) return own;
    if (this.foreign.has(logicalId)) {
      const b = this.unit.builders.get(logicalId);
      if (b && !this.foreign.get(logicalId)) {
        this.foreign.set(logicalId, b);
        this.touched.set(b, new Set(Object.keys(b.entry.fields)));
      }
      return b;
    }
    const q = fromStackRef(logicalId);
    if (q !== undefined) return this.resources.get(logicalId) ? this.builder(q) : undefined;
    const r = this.resources.get(logicalId);
    return r ? this.builders.get(r.logicalId) : undefined;
  }

  /** Objects of other stacks this template's resources folded into, with the fields they had before. */
  readonly touched = new Map<ObjectBuilder, Set<string>>();

  /**
   * The resource of `types` that property `key` of `r` designates: by reference (`!Ref X`,
   * `!GetAtt X.Attr`, `!Sub "${X}"`) to a resource of the template, or of another stack of the
   * unit (a parameter the parent passed `!Ref X` in, a nested stack's output that is `!Ref X`),
   * or by a literal value equal to the target's `matchProp` (a bucket name, a group name), or
   * by an unknown value written as the same expression as the target's (`!Sub ${App}-logs` on
   * both sides, see {@link Evaluator.canonical}).
   */
  target(r: CfnResource, key: string, types: string[], matchProp?: string): CfnResource | undefined {
    const node = r.props.node(key);
    const id = this.ev.target(node);
    const local = id === undefined ? undefined : this.resources.get(id);
    if (local && types.includes(local.type)) return local;
    // an alias stands for its function
    if (local?.type === 'AWS::Lambda::Alias') {
      const fn = this.resources.get(this.ev.target(local.props.node('FunctionName')) ?? '');
      if (fn && types.includes(fn.type)) return fn;
    }
    const ref = this.designate?.(node);
    if (ref !== undefined) {
      const t = this.resources.get(ref);
      return t && types.includes(t.type) ? t : undefined;
    }
    if (id !== undefined) return undefined;
    const v = r.props.get(key);
    if (!matchProp) return undefined;
    if (typeof v === 'string') {
      for (const t of this.resources.values()) if (types.includes(t.type) && t.props.get(matchProp) === v) return t;
    } else if (hasUnknown(v)) {
      // both names unknown, but written as the same expression: the same name once deployed
      const form = this.ev.canonical(node);
      if (form === undefined) return undefined;
      for (const t of this.resources.values()) {
        if (t === r || !types.includes(t.type) || !hasUnknown(t.props.get(matchProp))) continue;
        if (this.ev.canonical(t.props.node(matchProp)) === form) return t;
      }
    }
    return undefined;
  }

  /** Folds a standalone resource into its target: its inline suppressions count there too. */
  foldInto(b: ObjectBuilder, r: CfnResource): void {
    if (!r.suppressions) return;
    b.entry.suppressions = { ...r.suppressions, ...(b.entry.suppressions ?? {}) };
  }
}

export type ResourceAdapter = (r: CfnResource, ctx: CfnContext) => void;

export function where(p: Props, key?: string | number): { file: string; range: Range } | undefined {
  const range = p.range(key);
  return range ? { file: p.file, range } : undefined;
}

/**
 * Copies property `key` of `p` into the model at `path` (with its range), or writes the
 * default `def` (no range: a finding then points at the resource's logical id).
 */
export function copyProp(b: ObjectBuilder, path: ModelPath, p: Props, key: string, def?: unknown, convert?: (v: unknown) => unknown): boolean {
  if (p.unknown) {
    b.set(path, UNKNOWN, where(p));
    return false;
  }
  const v = p.get(key);
  if (v !== undefined) {
    b.set(path, isUnknown(v) ? UNKNOWN : toModel(convert ? convert(v) : v), where(p, key));
    return true;
  }
  if (def !== undefined) b.set(path, def);
  return false;
}

/** Copies several properties: model field → [property name, default, convert]. */
export function copyProps(b: ObjectBuilder, prefix: ModelPath, p: Props, spec: Record<string, [string, unknown?, ((v: unknown) => unknown)?]>): void {
  for (const [field, [key, def, convert]] of Object.entries(spec)) copyProp(b, [...prefix, field], p, key, def, convert);
}

/** CloudFormation booleans: true/false or the strings "true"/"false" (any case). */
export function toBool(v: unknown): unknown {
  if (typeof v === 'string') {
    const s = v.toLowerCase();
    if (s === 'true') return true;
    if (s === 'false') return false;
  }
  return v;
}

export function toNumber(v: unknown): unknown {
  if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  return v;
}

export function toStr(v: unknown): unknown {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return v;
}

/** Lists of strings; a lone string (a comma-delimited parameter's value) becomes a list. */
export function toStringList(v: unknown): unknown {
  if (isUnknown(v)) return v;
  if (Array.isArray(v)) return v.map((x) => (isUnknown(x) ? x : toStr(x)));
  if (typeof v === 'string') return [v];
  return v;
}

/** `Tags: [{Key, Value}]` → an object; unknown when a key (or the list) is. */
export function copyTags(b: ObjectBuilder, p: Props, key = 'Tags'): void {
  if (p.unknown) {
    b.set(['tags'], UNKNOWN);
    return;
  }
  const v = p.get(key);
  if (v === undefined) {
    b.set(['tags'], {});
    return;
  }
  b.set(['tags'], tagObject(v), where(p, key));
}

export function tagObject(v: unknown): unknown {
  if (isUnknown(v)) return UNKNOWN;
  // a few resource types (and SAM) take tags as a mapping
  if (!Array.isArray(v)) return typeof v === 'object' && v !== null ? toModel(v) : UNKNOWN;
  const out: Record<string, unknown> = {};
  for (const t of v) {
    if (isUnknown(t) || typeof t !== 'object' || t === null) return UNKNOWN;
    const k = (t as Record<string, unknown>).Key;
    if (typeof k !== 'string') return UNKNOWN;
    out[k] = toModel((t as Record<string, unknown>).Value);
  }
  return out;
}

export { UnknownValue };
export type { CfnNode };
