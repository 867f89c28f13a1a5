/**
 * Shared machinery of the Terraform → AWS adapters: a registry of adapters per resource
 * type, object builders keyed by resource, and lookups for folding split resources into the
 * object they configure.
 */
import { modelDefaults } from '../../aws/defaults.js';
import { normalizePolicyDocument } from '../../aws/policy-document.js';
import { ObjectBuilder } from '../../builder.js';
import type { CanonicalModel, ModelPath, SourceMapEntry } from '../../../model/model.js';
import { policyDocumentLayout } from '../../../eval/terraform/iam-policy-document.js';
import { addAws, isUnknown, UNKNOWN, unknownOrigin } from '../../../model/model.js';
import type { TerraformResource } from '../resource.js';
import { localName } from '../resource.js';
import { dataSourceRef, traversalRef } from '../references.js';
import { attrWhere, type AttrView, type BodyView } from '../view.js';
import type { Expression } from '../../../parse/hcl/ast.js';
import type { Range } from '../../../model/source.js';

export interface AdapterSink {
  model: CanonicalModel;
  sourceMap: SourceMapEntry[];
}

export class TfAwsContext {
  private readonly builders = new Map<TerraformResource, ObjectBuilder>();
  private readonly byLocal = new Map<string, TerraformResource[]>();
  /** Resource instances by their attribute view: what an unknown attribute value names (unknownOrigin). */
  private readonly byView = new Map<BodyView, TerraformResource[]>();

  /** Data sources by module and local name: what policies read the `json` of. */
  private readonly dataSources = new Map<string, TerraformResource>();

  constructor(
    readonly resources: TerraformResource[],
    private readonly sink: AdapterSink,
    dataSources: TerraformResource[] = [],
  ) {
    // a data source with count/for_each: every instance has the same statement blocks
    for (const d of dataSources) if (!this.dataSources.has(`${d.module}|${localName(d)}`)) this.dataSources.set(`${d.module}|${localName(d)}`, d);
    for (const r of resources) {
      const same = this.byView.get(r.view);
      if (same) same.push(r);
      else this.byView.set(r.view, [r]);
      const k = `${r.module}|${localName(r)}`;
      const list = this.byLocal.get(k) ?? [];
      list.push(r);
      this.byLocal.set(k, list);
    }
  }

  /** Creates the model object for a resource and adds it to aws.<service>.<collection>. */
  create(r: TerraformResource, service: string, collection: string, base: Record<string, unknown> = {}): ObjectBuilder {
    const b = new ObjectBuilder({
      id: `${r.unit}:${r.address}`,
      source: 'terraform',
      identity: r.address,
      resourceType: r.type,
      location: r.location,
      module: r.module || undefined,
      base: { ...modelDefaults(service, collection, base), ...base },
    });
    if (r.suppressions) b.entry.suppressions = r.suppressions;
    if (r.region !== undefined) b.set(['region'], r.region);
    this.builders.set(r, b);
    addAws(this.sink.model, service, collection, b.obj);
    this.sink.sourceMap.push(b.entry);
    return b;
  }

  /**
   * Copies a policy document attribute of `r` into the model at `path` (see policyDocument), each
   * statement located where it is written: in a literal `jsonencode({ Statement = [...] })`, or in
   * the `statement` blocks of the `data.aws_iam_policy_document` whose `json` the attribute reads.
   * A finding on one statement of a long policy then points at that statement.
   */
  copyPolicy(b: ObjectBuilder, path: ModelPath, r: TerraformResource, name: string, def?: unknown): AttrView | undefined {
    const a = copyRead(b, path, r.view, name, def, policyDocument);
    if (!a) return a;
    this.statementPlaces(r.module, a.expr, attrWhere(r.view, a).file, new Set())?.forEach((place, i) => {
      if (!place) return;
      b.locate([...path, 'Statement', i], place.at);
      for (const [key, at] of Object.entries(place.keys)) b.locate([...path, 'Statement', i, key], at);
    });
    return a;
  }

  /**
   * Where each statement of the policy document an expression gives is written: in a literal
   * `jsonencode({ Statement = [...] })`, or in the `data.aws_iam_policy_document` whose `json`
   * it is. Undefined (for the document or a statement) where it cannot be told.
   */
  private statementPlaces(module: string, expr: Expression, file: string, seen: Set<TerraformResource>): (StatementPlace | undefined)[] | undefined {
    const doc = this.policyDataSource(module, expr);
    if (!doc) return literalStatementPlaces(expr, file);
    // `seen`: the documents being placed, that merge this one (Terraform rejects such a cycle)
    if (seen.has(doc)) return undefined;
    const layout = policyDocumentLayout(doc.view);
    if (!layout) return undefined;
    const inner = new Set(seen).add(doc);
    const blocks = doc.view.blocks('statement');
    const merged: Partial<Record<string, { list: AttrView; items?: Expression[] }>> = {};
    for (const name of ['source_policy_documents', 'override_policy_documents']) {
      const list = doc.view.attr(name);
      if (list) merged[name] = { list, items: tupleItems(list.expr) };
    }
    return layout.origins.map((o) => {
      if (!o) return undefined;
      if (o.from === 'statement') return blockPlace(blocks[o.block]);
      // a statement of a source or override document: where that document writes it, else at the document in the list
      const { list, items } = merged[o.from]!;
      const where = attrWhere(doc.view, list);
      const item = items?.[o.document];
      if (!item) return { at: where, keys: {} };
      return this.statementPlaces(module, item, where.file, inner)?.[o.statement] ?? { at: { file: where.file, range: item.range }, keys: {} };
    });
  }

  /** The `data.aws_iam_policy_document` (one instance, same module) whose `json` an expression is. */
  private policyDataSource(module: string, expr: Expression): TerraformResource | undefined {
    const ref = dataSourceRef(expr);
    if (ref?.type !== 'aws_iam_policy_document' || (ref.attribute !== 'json' && ref.attribute !== 'minified_json')) return undefined;
    return this.dataSources.get(`${module}|${ref.type}.${ref.name}`);
  }

  builder(r: TerraformResource): ObjectBuilder | undefined {
    return this.builders.get(r);
  }

  /**
   * The resource of `types` whose attribute an unknown value is, however it got there:
   * `aws_vpc.main.id`, `local.vpc_id`, `try(aws_vpc.this[0].id, "")`, a module input or output
   * (see unknownOrigin). The instance is exact (`aws_subnet.private[1]`), across modules. A
   * module instance shared by several calls with identical inputs gives several records of one
   * instance: the one in `r`'s module is preferred.
   */
  designated(r: TerraformResource, value: unknown, types: string[]): TerraformResource | undefined {
    const origin = unknownOrigin(value);
    if (!origin) return undefined;
    const cands = this.byView.get(origin.instance as BodyView)?.filter((c) => types.includes(c.type));
    return cands?.find((c) => c.module === r.module) ?? cands?.[0];
  }

  /**
   * The resources of `types` that attribute `attrName` of `r` designates: by reference
   * (`aws_s3_bucket.logs.id`, `.bucket`, `.arn`) or by a literal value equal to the target's
   * `matchAttr` (a bucket name, a security group name).
   */
  target(r: TerraformResource, attrName: string, types: string[], matchAttr?: string): TerraformResource | undefined {
    const a = r.view.attr(attrName);
    if (!a) return undefined;
    const designated = this.designated(r, a.value, types);
    if (designated) return designated;
    const ref = traversalRef(a.expr);
    if (ref && types.includes(ref.type)) {
      const cands = this.byLocal.get(`${r.module}|${ref.type}.${ref.name}`) ?? [];
      return cands.find((c) => c.key === r.key) ?? cands[0];
    }
    if (matchAttr && typeof a.value === 'string') {
      return this.resources.find((c) => c.module === r.module && types.includes(c.type) && c.view.attr(matchAttr)?.value === a.value);
    }
    return undefined;
  }
}

/** Copies an attribute into the model at `path` (with its range), or a default (ranged to the block). */
export function copyAttr(b: ObjectBuilder, path: ModelPath, view: BodyView, name: string, def?: unknown, convert?: (v: unknown) => unknown): AttrView | undefined {
  return copyRead(b, path, view, name, def, (a) => (isUnknown(a.value) ? UNKNOWN : convert ? convert(a.value) : a.value));
}

/** copyAttr with the model value read from the whole AttrView. */
function copyRead(b: ObjectBuilder, path: ModelPath, view: BodyView, name: string, def: unknown, read: (a: AttrView) => unknown): AttrView | undefined {
  const a = view.attr(name);
  if (a) {
    b.set(path, read(a), attrWhere(view, a));
    b.relate(path, a.related);
    return a;
  }
  if (view.unknown) b.set(path, UNKNOWN);
  else if (def !== undefined) b.set(path, def);
  return undefined;
}

/**
 * A JSON attribute (a policy, a redrive policy) as something to parse: its value, or, when that
 * is an unknown string whose structure is partly known (`jsonencode({ … Resource = aws_s3_bucket.b.arn })`),
 * the structure, with UNKNOWN where values are unknown.
 */
export function jsonValue(a: AttrView): unknown {
  return isUnknown(a.value) && a.decoded !== undefined ? a.decoded : a.value;
}

/**
 * A policy document attribute in the canonical shape (normalizePolicyDocument): statements whose
 * parts are known can be judged even when another part of the document is unknown.
 */
export function policyDocument(a: AttrView): unknown {
  return normalizePolicyDocument(jsonValue(a));
}

/** A range in a file, as `ObjectBuilder.locate` takes it. */
type FileRange = { file: string; range: Range };

/** Where one statement of a policy is written, and each of its keys. */
interface StatementPlace {
  at: FileRange;
  keys: Record<string, FileRange>;
}

/** The items of a literal list (`[a, b]`, in parentheses or not). */
function tupleItems(expr: Expression): Expression[] | undefined {
  let e = expr;
  while (e.type === 'paren') e = e.expr;
  return e.type === 'tuple' ? e.items : undefined;
}

/**
 * A policy written as a literal `jsonencode({ Statement = [{ … }, { … }] })`: each statement, and
 * each of its keys, located at its own line, so that a finding on the third statement of a long
 * document points at that statement (as it does in a CloudFormation template). Statements built
 * any other way (a `for` expression, a variable) keep the attribute's location.
 */
function literalStatementPlaces(expr: Expression, file: string): StatementPlace[] | undefined {
  let e = expr;
  while (e.type === 'paren') e = e.expr;
  if (e.type !== 'call' || e.name !== 'jsonencode' || e.args.length !== 1) return undefined;
  let doc = e.args[0];
  while (doc.type === 'paren') doc = doc.expr;
  if (doc.type !== 'object') return undefined;
  const item = doc.items.find((i) => literalKey(i.key) === 'Statement');
  if (!item) return undefined;
  let list = item.value;
  while (list.type === 'paren') list = list.expr;
  // one statement written as an object is the list of one statement the normaliser makes
  const statements = list.type === 'tuple' ? list.items : list.type === 'object' ? [list] : [];
  return statements.map((st) => {
    const keys: Record<string, FileRange> = {};
    if (st.type === 'object') {
      for (const kv of st.items) {
        const k = literalKey(kv.key);
        if (k !== undefined) keys[k] = { file, range: kv.range };
      }
    }
    return { at: { file, range: st.range }, keys };
  });
}

const STATEMENT_ATTRIBUTES = [['sid', 'Sid'], ['effect', 'Effect'], ['actions', 'Action'], ['not_actions', 'NotAction'], ['resources', 'Resource'], ['not_resources', 'NotResource']] as const;
const STATEMENT_BLOCKS = [['principals', 'Principal'], ['not_principals', 'NotPrincipal'], ['condition', 'Condition']] as const;

/** A `statement` block of an `aws_iam_policy_document` and its attributes and blocks. */
function blockPlace(st: BodyView): StatementPlace {
  const keys: Record<string, FileRange> = {};
  for (const [attr, key] of STATEMENT_ATTRIBUTES) {
    const a = st.attr(attr);
    if (a) keys[key] = attrWhere(st, a);
  }
  for (const [block, key] of STATEMENT_BLOCKS) {
    const first = st.blocks(block)[0];
    if (first) keys[key] = { file: first.file, range: first.range };
  }
  return { at: { file: st.file, range: st.range }, keys };
}

/** An object key written literally: `Effect` or `"Effect"`. */
function literalKey(key: Expression): string | undefined {
  if (key.type === 'variable' && key.bareKey) return key.name;
  if (key.type === 'template' && key.parts.length === 1 && key.parts[0].type === 'literal') return key.parts[0].value;
  if (key.type === 'template' && key.parts.length === 0) return '';
  return undefined;
}

/** Copies a JSON attribute into the model at `path`, parsed by `parse` from its value or its partly known structure (jsonValue). */
export function copyJson(b: ObjectBuilder, path: ModelPath, view: BodyView, name: string, def: unknown, parse: (v: unknown) => unknown): AttrView | undefined {
  return copyRead(b, path, view, name, def, (a) => parse(jsonValue(a)));
}

/** Copies several attributes of the same name into the model under `prefix`. */
export function copyAttrs(b: ObjectBuilder, prefix: ModelPath, view: BodyView, spec: Record<string, unknown>): void {
  for (const [name, def] of Object.entries(spec)) copyAttr(b, [...prefix, name], view, name, def);
}

export function toBool(v: unknown): unknown {
  if (v === 'true') return true;
  if (v === 'false') return false;
  return v;
}

export function toNumber(v: unknown): unknown {
  if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  return v;
}

/** Terraform lists of strings; a lone string becomes a one-element list. */
export function toStringList(v: unknown): unknown {
  if (isUnknown(v)) return v;
  if (Array.isArray(v)) return v;
  if (typeof v === 'string') return [v];
  return v;
}

/** `tags` as an object; `tags_all`-style merges come with the evaluator. */
export function copyTags(b: ObjectBuilder, view: BodyView): void {
  copyAttr(b, ['tags'], view, 'tags', {}, (v) => (v && typeof v === 'object' ? v : {}));
}

/**
 * Appends an entry for a nested block (or a folded resource) to the list at `path` and returns
 * its index, with the block's range recorded. Returns undefined when the entry needs no
 * fields: the list itself is unknown (set by an expression), or the block is (a dynamic block),
 * in which case the entry is the UNKNOWN marker.
 */
export function appendEntry(b: ObjectBuilder, path: ModelPath, view: BodyView): number | undefined {
  const list = b.get(path) ?? [];
  // a list set by an expression that cannot be known stays unknown
  if (!Array.isArray(list)) return undefined;
  const i = list.length;
  b.set([...path, i], {}, view);
  if (view.unknown) {
    b.set([...path, i], UNKNOWN, view);
    return undefined;
  }
  return i;
}

export type ResourceAdapter = (r: TerraformResource, ctx: TfAwsContext) => void;
