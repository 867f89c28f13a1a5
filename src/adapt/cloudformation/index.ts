/**
 * CloudFormation → canonical AWS model. Each resource type has an adapter in a registry
 * (`primary` adapters create objects; `folds` then merge standalone resources such as
 * AWS::EC2::SecurityGroupIngress and AWS::S3::BucketPolicy into the object they configure).
 * Every stack of a unit (the template scanned and its nested stacks) is created before any
 * is folded, so a fold may reach another stack's object (see context.ts, `StackUnit`).
 * To support a type, add an adapter to one of the service modules (or a new module listed
 * below). A type may have both: AWS::SQS::Queue creates queues, then marks the dead-letter
 * queues their redrive policies name. See docs/cloudformation.md.
 */
import type { Diagnostic } from '../../model/diagnostics.js';
import { entry, type CfnTemplate } from '../../parse/cloudformation/load.js';
import { suppressionsFor } from '../../findings/inline.js';
import { CfnContext, StackUnit, type AdapterSink, type CfnResource, type ResourceAdapter } from './context.js';
import { UnknownValue, type Evaluator } from './intrinsics.js';
import { Props } from './props.js';
import * as data from './data.js';
import * as ec2 from './ec2.js';
import * as rds from './rds.js';
import * as s3 from './s3.js';
import * as cloudtrail from './cloudtrail.js';
import * as databases from './databases.js';
import * as identity from './identity.js';
import * as monitoring from './monitoring.js';
import * as network from './network.js';
import * as edge from './edge.js';
import * as compute from './compute.js';
import * as stepfunctions from './stepfunctions.js';
import { SAM_TRANSFORM, templateTransforms, type SamRelation } from './sam.js';
import { NESTED_STACK_CODE, NESTED_STACK_TYPES, parameterRefs, prepareTemplate, rootNesting, type Nesting, type NestingOptions, type ParameterRef, type PreparedTemplate } from './nested.js';

// One module per area; each exports `primary` (creates objects) and `folds` (merges resources
// that configure another one into it).
const modules = [s3, rds, ec2, data, databases, identity, cloudtrail, monitoring, network, edge, compute, stepfunctions];
const PRIMARY: Record<string, ResourceAdapter> = Object.assign({}, ...modules.map((m) => m.primary));
const FOLDS: Record<string, ResourceAdapter> = Object.assign({}, ...modules.map((m) => m.folds));

/** Resource types the adapters understand. */
export function supportedCloudFormationTypes(): string[] {
  return [...new Set([...Object.keys(PRIMARY), ...Object.keys(FOLDS)])].sort();
}

function problem(diagnostics: Diagnostic[], file: string, message: string, at: { line: number; column: number }, level: Diagnostic['level'] = 'error'): void {
  diagnostics.push({ level, code: 'cloudformation-template', message, file, line: at.line, column: at.column });
}

/** The resources CloudFormation would create (a resource whose Condition is false is not). */
export function templateResources(template: CfnTemplate, ev: Evaluator, diagnostics: Diagnostic[]): Map<string, CfnResource> {
  const file = template.file;
  const out = new Map<string, CfnResource>();
  const section = entry(template.root, 'Resources');
  if (!section) {
    problem(diagnostics, file, 'template has no Resources section', template.root.range.start);
    return out;
  }
  if (section.value.kind !== 'map') {
    problem(diagnostics, file, 'Resources must be a mapping of logical ids to resources', section.value.range.start);
    return out;
  }
  let previousEnd = section.keyRange.start.line;
  for (const e of section.value.entries) {
    const leadingFrom = previousEnd + 1;
    previousEnd = e.range.end.line;
    // AWS::LanguageExtensions loops generate resources from a collection: not expanded, said so
    if (e.key.startsWith('Fn::ForEach::')) {
      problem(diagnostics, file, `${e.key} is not expanded (Transform AWS::LanguageExtensions): the resources it generates are not scanned`, e.keyRange.start, 'note');
      continue;
    }
    if (!/^[A-Za-z0-9]+$/.test(e.key)) problem(diagnostics, file, `logical id ${e.key} must be alphanumeric`, e.keyRange.start, 'warning');
    if (e.value.kind !== 'map') {
      problem(diagnostics, file, `resource ${e.key} must be a mapping with a Type`, e.value.range.start);
      continue;
    }
    const typeEntry = entry(e.value, 'Type');
    const type = typeEntry?.value.kind === 'scalar' ? typeEntry.value.value : undefined;
    if (typeof type !== 'string' || type === '') {
      problem(diagnostics, file, `resource ${e.key} has no Type`, (typeEntry ?? e).keyRange.start);
      continue;
    }
    const cond = entry(e.value, 'Condition');
    if (cond) {
      const name = cond.value.kind === 'scalar' ? cond.value.value : undefined;
      const c = typeof name === 'string' ? ev.condition(name, cond.value.range) : new UnknownValue();
      if (c === false) continue;
    }
    const propsEntry = entry(e.value, 'Properties');
    if (propsEntry && propsEntry.value.kind !== 'map' && !(propsEntry.value.kind === 'scalar' && propsEntry.value.value === null)) {
      problem(diagnostics, file, `Properties of ${e.key} must be a mapping`, propsEntry.value.range.start);
      continue;
    }
    const node = e.value;
    const r: CfnResource = {
      logicalId: e.key,
      type,
      entry: e,
      props: Props.of(ev, propsEntry?.value.kind === 'map' ? propsEntry.value : undefined, file),
      attribute: (name) => entry(node, name),
      location: { file, start: e.range.start, end: e.range.end },
    };
    const sup = suppressionsFor(template.comments, e.range.start.line, e.range.end.line, leadingFrom, file, diagnostics);
    if (sup) r.suppressions = sup;
    out.set(e.key, r);
  }
  return out;
}

/**
 * Fields whose value was merged from a SAM `Globals` entry and the resource's own property
 * (both ranged to the latter) also point at the Globals entry, as a related location.
 */
function relateMerged(entries: AdapterSink['sourceMap'], relations: SamRelation[], file: string): void {
  if (!relations.length) return;
  const key = (r: { start: { offset: number }; end: { offset: number } }) => `${r.start.offset}:${r.end.offset}`;
  const byRange = new Map<string, SamRelation['related']>();
  for (const r of relations) byRange.set(key(r.range), [...(byRange.get(key(r.range)) ?? []), ...r.related]);
  for (const e of entries) {
    for (const [field, at] of Object.entries(e.fields)) {
      const rel = at.file === file ? byRange.get(key(at)) : undefined;
      if (rel) (e.related ??= {})[field] = rel;
    }
  }
}

/**
 * In a nested stack's template, fields whose value refers to a parameter the parent passed
 * also point at the parent's `Parameters` entry (and further up, when that entry refers to the
 * parent's own parameters), as related locations.
 */
function relateParameters(entries: AdapterSink['sourceMap'], template: CfnTemplate, nesting: Nesting, ev: Evaluator): void {
  const passed = (name: string) => ev.hasParameter(name) && nesting.parameterOrigin(name).length > 0;
  const refs: ParameterRef[] = [];
  for (const section of ['Resources', 'Globals']) {
    const node = entry(template.root, section)?.value;
    if (node) parameterRefs(node, passed, refs);
  }
  if (!refs.length) return;
  for (const e of entries) {
    for (const [field, at] of Object.entries(e.fields)) {
      if (at.file !== template.file) continue;
      const names = new Set(refs.filter((r) => r.range.start.offset >= at.start.offset && r.range.end.offset <= at.end.offset).map((r) => r.name));
      const related = [...names].flatMap((n) => nesting.parameterOrigin(n));
      if (related.length) (e.related ??= {})[field] = [...(e.related[field] ?? []), ...related];
    }
  }
}

export interface CloudFormationOptions extends NestingOptions {
  /** Parameter values given at deploy time (override `Default`) for the template scanned. */
  parameters?: Record<string, unknown>;
}

/**
 * Adapts a template, and what its nested stacks with local templates create (read with
 * `options.readText`; see nested.ts). Every stack's resources are created first, then folded:
 * a standalone resource may configure an object of another stack of the unit (an ingress rule
 * of a child on the group its parent passes in, a parent's bucket policy on the bucket a
 * child's output names).
 */
export function adaptCloudFormation(template: CfnTemplate, sink: AdapterSink, diagnostics: Diagnostic[], options: CloudFormationOptions = {}): void {
  const { parameters, ...nestingOptions } = options;
  const stacks: PlacedTemplate[] = [];
  placeTemplate(prepareTemplate(template, diagnostics, parameters, rootNesting(template.file, nestingOptions)), sink, diagnostics, new StackUnit(), stacks);
  for (const s of stacks) {
    for (const r of s.ctx.resources.values()) FOLDS[r.type]?.(r, s.ctx);
    relate(s);
  }
  // a template nested only by stacks that are not created is not scanned here: say so, where
  const followed = new Set(stacks.map((s) => s.prepared.template.file));
  const said = new Set<string>();
  for (const s of stacks) {
    for (const off of s.prepared.nested.switchedOff()) {
      // once per stack resource, however many times its template is nested
      const key = `${s.prepared.template.file}:${off.at.start.offset}`;
      if (followed.has(off.template) || said.has(key)) continue;
      said.add(key);
      diagnostics.push({
        level: 'note',
        code: NESTED_STACK_CODE,
        message: `nested stack ${off.logicalId} is not created (Condition ${off.condition} is false): ${off.template} is not scanned through it; name the file to scan it on its own`,
        file: s.prepared.template.file,
        line: off.at.start.line,
        column: off.at.start.column,
      });
    }
  }
}

/** One template of the unit, its objects created, its folds still to run. */
interface PlacedTemplate {
  prepared: PreparedTemplate;
  ctx: CfnContext;
  /** The source map entries of the objects it created. */
  own: AdapterSink['sourceMap'];
}

/**
 * Creates the objects of a template, then those of its nested stacks (depth first), recording
 * each in `stacks`. `suppressions`: those of the nested stack resources above the template
 * (they apply to all it creates).
 */
function placeTemplate(prepared: PreparedTemplate, sink: AdapterSink, diagnostics: Diagnostic[], unit: StackUnit, stacks: PlacedTemplate[], suppressions?: Record<string, string>): void {
  const { template, ev, sam, nested, nesting } = prepared;
  // Transforms: SAM is expanded (src/adapt/cloudformation/sam.ts); any other macro is not.
  for (const t of templateTransforms(template)) {
    if (t.name !== SAM_TRANSFORM) problem(diagnostics, template.file, `transform ${t.name} is not expanded: what it generates or changes is not scanned`, t.range.start, 'note');
  }
  sam?.checkGlobals();
  let resources = templateResources(template, ev, diagnostics);
  if (sam) resources = sam.expand(resources);
  const first = sink.sourceMap.length;
  const ctx = new CfnContext(template.file, resources, ev, sink, {
    placement: { rootFile: nesting.rootFile, path: nesting.path, via: nesting.via, suppressions },
    unit,
    designate: (node) => nested.designated(node),
  });
  for (const r of ctx.resources.values()) PRIMARY[r.type]?.(r, ctx);
  stacks.push({ prepared, ctx, own: sink.sourceMap.slice(first) });
  // nested stacks with a local template: their resources, judged with what this template passes
  for (const r of resources.values()) {
    if (!NESTED_STACK_TYPES[r.type]) continue;
    const child = nested.child(r.logicalId);
    if (child) placeTemplate(child, sink, diagnostics, unit, stacks, suppressions || r.suppressions ? { ...suppressions, ...r.suppressions } : undefined);
  }
}

/**
 * Related locations of the fields a template set: on its own objects, and on the fields its
 * folds added to objects of other stacks (with the nested stack resources it was created through).
 */
function relate({ prepared, ctx, own }: PlacedTemplate): void {
  const { template, sam, nesting, ev } = prepared;
  const entries = [...own];
  for (const [b, before] of ctx.touched) {
    const added = Object.entries(b.entry.fields).filter(([k]) => !before.has(k));
    if (!added.length) continue;
    const related = (b.entry.related ??= {});
    entries.push({ ...b.entry, fields: Object.fromEntries(added), related });
  }
  if (sam) relateMerged(entries, sam.relations, template.file);
  if (nesting.path.length) relateParameters(entries, template, nesting, ev);
  // a field a nested stack's resource set on an object of another stack: through which nesting
  if (nesting.via.length) {
    for (const e of entries.slice(own.length)) for (const field of Object.keys(e.fields)) e.related![field] = [...(e.related![field] ?? []), ...nesting.via];
  }
  for (const [b] of ctx.touched) if (b.entry.related && !Object.keys(b.entry.related).length) delete b.entry.related;
}
