/**
 * CloudFormation intrinsic functions, evaluated statically.
 *
 * Parameters take their `Default` (none, or an SSM parameter type → unknown); Conditions are
 * evaluated when their inputs are known; Mappings feed `Fn::FindInMap`. Pseudo parameters,
 * physical ids (`Ref` to a resource), `Fn::GetAtt`, `Fn::ImportValue`, `Fn::GetAZs` and
 * `Fn::Cidr` are unknown — except `Outputs.X` of a nested stack, when the caller knows its
 * value (`EvaluatorOptions.stackOutput`, see nested.ts). An unknown value remembers the resources it was computed from, so
 * that `GroupId: !Ref WebSG` can fold into WebSG. Anything built from an unknown is unknown;
 * a list or mapping holding one stays partially known. `Ref: AWS::NoValue` removes the
 * property (or list item) it stands for.
 */
import type { Diagnostic } from '../../model/diagnostics.js';
import { isUnknown, UNKNOWN } from '../../model/model.js';
import type { Range } from '../../model/source.js';
import { entry, type CfnEntry, type CfnNode, type CfnTemplate } from '../../parse/cloudformation/load.js';

/** An unknown value, with the logical ids of the resources it depends on (not serialised). */
export class UnknownValue {
  readonly __unknown__ = true as const;
  declare readonly refs: readonly string[];

  constructor(refs: Iterable<string> = []) {
    Object.defineProperty(this, 'refs', { value: Object.freeze([...new Set(refs)]), enumerable: false });
  }
}

export function unknownOf(...refs: string[]): UnknownValue {
  return new UnknownValue(refs);
}

/** Marker of `Ref: AWS::NoValue`: the enclosing property or list item is removed. */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');

export type Condition = boolean | UnknownValue;

/** Pseudo parameters: all depend on the stack being deployed, so all unknown. */
const PSEUDO = new Set(['AWS::AccountId', 'AWS::NotificationARNs', 'AWS::Partition', 'AWS::Region', 'AWS::StackId', 'AWS::StackName', 'AWS::URLSuffix']);

/** Resources an (unknown) value was computed from. */
export function refsIn(v: unknown, out = new Set<string>(), depth = 0): Set<string> {
  if (depth > 100) return out;
  if (v instanceof UnknownValue) for (const r of v.refs) out.add(r);
  else if (Array.isArray(v)) for (const x of v) refsIn(x, out, depth + 1);
  else if (typeof v === 'object' && v !== null) for (const x of Object.values(v)) refsIn(x, out, depth + 1);
  return out;
}

/** True when the value is unknown or holds an unknown anywhere. */
export function hasUnknown(v: unknown, depth = 0): boolean {
  if (isUnknown(v)) return true;
  if (depth > 100) return false;
  if (Array.isArray(v)) return v.some((x) => hasUnknown(x, depth + 1));
  if (typeof v === 'object' && v !== null) return Object.values(v).some((x) => hasUnknown(x, depth + 1));
  return false;
}

/** The value as the model holds it: every unknown becomes the shared UNKNOWN marker. */
export function toModel(v: unknown, depth = 0): unknown {
  if (isUnknown(v)) return UNKNOWN;
  if (depth > 200) return UNKNOWN;
  if (Array.isArray(v)) return v.map((x) => toModel(x, depth + 1));
  if (typeof v === 'object' && v !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = toModel(x, depth + 1);
    return out;
  }
  return v;
}

/** The function name and argument of an intrinsic node (`{Ref: x}`, `{"Fn::Sub": …}`). */
export function intrinsicOf(node: CfnNode | undefined): { name: string; arg: CfnNode; node: CfnNode } | undefined {
  if (node?.kind !== 'map' || node.entries.length !== 1) return undefined;
  const e = node.entries[0];
  if (e.key === 'Ref' || e.key.startsWith('Fn::')) return { name: e.key, arg: e.value, node };
  return undefined;
}

function asString(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

export interface EvaluatorOptions {
  /** Parameter values given at deploy time (override `Default`). */
  parameters?: Record<string, unknown>;
  /**
   * The value of output `output` of the nested stack `stack` (`!GetAtt Stack.Outputs.Name`),
   * undefined when it is not known. `at`: where the template asks for it.
   */
  stackOutput?: (stack: string, output: string, at: Range) => unknown;
}

export class Evaluator {
  private readonly params = new Map<string, unknown>();
  private readonly conditions = new Map<string, CfnEntry>();
  private readonly condCache = new Map<string, Condition>();
  private readonly inProgress = new Set<string>();
  readonly resourceTypes = new Map<string, string>();
  private readonly mappings: CfnNode | undefined;
  /** Warnings already given: a node evaluated twice (a nested stack's parameters) warns once. */
  private readonly warned = new Set<string>();

  constructor(
    readonly template: CfnTemplate,
    private readonly diagnostics: Diagnostic[],
    private readonly options: EvaluatorOptions = {},
  ) {
    const root = template.root;
    const resources = entry(root, 'Resources')?.value;
    if (resources?.kind === 'map') {
      for (const r of resources.entries) {
        const t = entry(r.value, 'Type')?.value;
        this.resourceTypes.set(r.key, t?.kind === 'scalar' && typeof t.value === 'string' ? t.value : '');
      }
    }
    const params = entry(root, 'Parameters')?.value;
    if (params?.kind === 'map') {
      // own values only: a parameter named `constructor` or `toString` is not given by Object.prototype
      const given = options.parameters;
      for (const p of params.entries) this.params.set(p.key, this.parameterValue(p, given && Object.prototype.hasOwnProperty.call(given, p.key) ? given[p.key] : undefined));
    }
    const conds = entry(root, 'Conditions')?.value;
    if (conds?.kind === 'map') for (const c of conds.entries) this.conditions.set(c.key, c);
    this.mappings = entry(root, 'Mappings')?.value;
  }

  private warn(message: string, range: Range): void {
    const key = `${range.start.offset}:${message}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.diagnostics.push({ level: 'warning', code: 'cloudformation-intrinsic', message, file: this.template.file, line: range.start.line, column: range.start.column });
  }

  private parameterValue(p: CfnEntry, given: unknown): unknown {
    const typeNode = entry(p.value, 'Type')?.value;
    const type = typeNode?.kind === 'scalar' ? String(typeNode.value ?? '') : '';
    if (type.startsWith('AWS::SSM::Parameter::Value<')) return unknownOf();
    let v: unknown = given;
    if (v === undefined) {
      const def = entry(p.value, 'Default')?.value;
      if (!def) return unknownOf();
      v = this.value(def);
    }
    if ((type === 'CommaDelimitedList' || type.startsWith('List<')) && typeof v === 'string') return v.split(',');
    return v;
  }

  /** `Outputs.Name` of a nested stack, when its value is known; undefined otherwise. */
  private stackOutput(res: string, attr: string, at: Range): unknown {
    if (!attr.startsWith('Outputs.') || !this.options.stackOutput) return undefined;
    const v = this.options.stackOutput(res, attr.slice('Outputs.'.length), at);
    return v === undefined || v === NO_VALUE || hasUnknown(v) ? undefined : v;
  }

  /** Whether a parameter of that name exists (its value may still be unknown). */
  hasParameter(name: string): boolean {
    return this.params.has(name);
  }

  /** The value of a condition: true, false or unknown. */
  condition(name: string, at?: Range): Condition {
    const cached = this.condCache.get(name);
    if (cached !== undefined) return cached;
    const c = this.conditions.get(name);
    if (!c) {
      if (at) this.warn(`condition ${name} is not defined`, at);
      return unknownOf();
    }
    if (this.inProgress.has(name)) {
      this.warn(`condition ${name} refers to itself`, c.keyRange);
      return unknownOf();
    }
    this.inProgress.add(name);
    const v = this.conditionValue(c.value);
    this.inProgress.delete(name);
    this.condCache.set(name, v);
    return v;
  }

  /** Evaluates a condition expression (Fn::Equals, Fn::And, Fn::Or, Fn::Not, Condition). */
  conditionValue(node: CfnNode, depth = 0): Condition {
    if (depth > 100) return unknownOf();
    if (node.kind === 'map' && node.entries.length === 1 && node.entries[0].key === 'Condition') {
      const n = node.entries[0].value;
      return n.kind === 'scalar' && typeof n.value === 'string' ? this.condition(n.value, n.range) : unknownOf();
    }
    const fn = intrinsicOf(node);
    const args = fn?.arg.kind === 'seq' ? fn.arg.items : undefined;
    switch (fn?.name) {
      case 'Fn::Equals': {
        if (!args || args.length !== 2) {
          this.warn('Fn::Equals takes a list of two values', node.range);
          return unknownOf();
        }
        const a = this.value(args[0]);
        const b = this.value(args[1]);
        if (hasUnknown(a) || hasUnknown(b)) return new UnknownValue([...refsIn(a), ...refsIn(b)]);
        return JSON.stringify(normalizeEq(a)) === JSON.stringify(normalizeEq(b));
      }
      case 'Fn::And':
      case 'Fn::Or': {
        if (!args || args.length === 0) {
          this.warn(`${fn.name} takes a list of conditions`, node.range);
          return unknownOf();
        }
        const vals = args.map((a) => this.conditionValue(a, depth + 1));
        const decisive = fn.name === 'Fn::And' ? false : true;
        if (vals.some((v) => v === decisive)) return decisive;
        if (vals.some((v) => v instanceof UnknownValue)) return unknownOf();
        return !decisive;
      }
      case 'Fn::Not': {
        const inner = args?.length === 1 ? args[0] : fn.arg.kind !== 'seq' ? fn.arg : undefined;
        if (!inner) {
          this.warn('Fn::Not takes a list of one condition', node.range);
          return unknownOf();
        }
        const v = this.conditionValue(inner, depth + 1);
        return v instanceof UnknownValue ? v : !v;
      }
      default: {
        const v = this.value(node, depth + 1);
        if (v === true || v === 'true') return true;
        if (v === false || v === 'false') return false;
        return new UnknownValue(refsIn(v));
      }
    }
  }

  /** Fn::If and `Ref: AWS::NoValue` resolved: the node that stands, NO_VALUE, or unknown. */
  resolve(node: CfnNode, depth = 0): CfnNode | typeof NO_VALUE | UnknownValue {
    const fn = intrinsicOf(node);
    if (!fn || depth > 100) return node;
    if (fn.name === 'Ref' && fn.arg.kind === 'scalar' && fn.arg.value === 'AWS::NoValue') return NO_VALUE;
    if (fn.name === 'Fn::If') {
      const args = fn.arg.kind === 'seq' ? fn.arg.items : [];
      const cond = args[0];
      if (args.length !== 3 || cond.kind !== 'scalar' || typeof cond.value !== 'string') {
        this.warn('Fn::If takes [condition name, value if true, value if false]', node.range);
        return unknownOf();
      }
      const c = this.condition(cond.value, cond.range);
      if (c instanceof UnknownValue) return c;
      return this.resolve(c ? args[1] : args[2], depth + 1);
    }
    return node;
  }

  /** The value of a node, intrinsics evaluated. */
  value(node: CfnNode, depth = 0): unknown {
    if (depth > 200) return unknownOf();
    if (node.kind === 'scalar') return node.value;
    if (node.kind === 'seq') {
      const out: unknown[] = [];
      for (const it of node.items) {
        const v = this.value(it, depth + 1);
        if (v !== NO_VALUE) out.push(v);
      }
      return out;
    }
    const fn = intrinsicOf(node);
    if (fn) return this.call(fn.name, fn.arg, node, depth + 1);
    const out: Record<string, unknown> = {};
    for (const e of node.entries) {
      const v = this.value(e.value, depth + 1);
      if (v !== NO_VALUE) out[e.key] = v;
    }
    return out;
  }

  private ref(name: string, at: Range): unknown {
    if (name === 'AWS::NoValue') return NO_VALUE;
    if (PSEUDO.has(name)) {
      // a pseudo parameter is unknown unless the scan is told it (`--cfn-param AWS::Partition=aws`)
      const given = this.options.parameters;
      const v = given && name !== 'AWS::NotificationARNs' && Object.prototype.hasOwnProperty.call(given, name) ? given[name] : undefined;
      return typeof v === 'string' ? v : unknownOf();
    }
    if (this.params.has(name)) return this.params.get(name);
    if (this.resourceTypes.has(name)) return unknownOf(name);
    this.warn(`Ref to ${name}, which is neither a parameter nor a resource of the template`, at);
    return unknownOf();
  }

  private call(name: string, arg: CfnNode, node: CfnNode, depth: number): unknown {
    const args = arg.kind === 'seq' ? arg.items : undefined;
    const bad = (usage: string): UnknownValue => {
      this.warn(`${name} takes ${usage}`, node.range);
      return unknownOf();
    };
    switch (name) {
      case 'Ref': {
        const n = this.value(arg, depth);
        return typeof n === 'string' ? this.ref(n, arg.range) : bad('the name of a parameter or resource');
      }
      case 'Fn::GetAtt': {
        let res: unknown;
        let attr: unknown;
        if (args) {
          res = args.length >= 2 ? this.value(args[0], depth) : undefined;
          attr = args.length >= 2 ? this.value(args[1], depth) : undefined;
        } else {
          const s = this.value(arg, depth);
          res = typeof s === 'string' && s.includes('.') ? s.slice(0, s.indexOf('.')) : undefined;
          attr = typeof s === 'string' && s.includes('.') ? s.slice(s.indexOf('.') + 1) : undefined;
        }
        if (typeof res !== 'string') return bad('[resource, attribute]');
        if (!this.resourceTypes.has(res)) this.warn(`Fn::GetAtt names ${res}, which is not a resource of the template`, arg.range);
        return (typeof attr === 'string' ? this.stackOutput(res, attr, node.range) : undefined) ?? unknownOf(res);
      }
      case 'Fn::Sub':
        return this.sub(arg, node, depth);
      case 'Fn::Join': {
        if (!args || args.length !== 2) return bad('[delimiter, list]');
        const delim = this.value(args[0], depth);
        const list = this.value(args[1], depth);
        if (isUnknown(delim) || isUnknown(list)) return new UnknownValue([...refsIn(delim), ...refsIn(list)]);
        if (typeof delim !== 'string' || !Array.isArray(list)) return bad('[delimiter, list]');
        if (list.some((x) => hasUnknown(x))) return new UnknownValue(refsIn(list));
        const parts = list.map(asString);
        if (parts.some((p) => p === undefined)) return bad('a list of strings');
        return parts.join(delim);
      }
      case 'Fn::Select': {
        if (!args || args.length !== 2) return bad('[index, list]');
        const idx = this.value(args[0], depth);
        const list = this.value(args[1], depth);
        if (isUnknown(idx) || isUnknown(list)) return new UnknownValue([...refsIn(idx), ...refsIn(list)]);
        const i = typeof idx === 'number' ? idx : typeof idx === 'string' && /^\d+$/.test(idx) ? Number(idx) : NaN;
        if (!Number.isInteger(i) || !Array.isArray(list)) return bad('[index, list]');
        if (i < 0 || i >= list.length) {
          this.warn(`Fn::Select index ${i} is out of range (list of ${list.length})`, node.range);
          return unknownOf();
        }
        return list[i];
      }
      case 'Fn::Split': {
        if (!args || args.length !== 2) return bad('[delimiter, string]');
        const delim = this.value(args[0], depth);
        const s = this.value(args[1], depth);
        if (isUnknown(delim) || isUnknown(s)) return new UnknownValue([...refsIn(delim), ...refsIn(s)]);
        if (typeof delim !== 'string' || typeof s !== 'string') return bad('[delimiter, string]');
        return s.split(delim);
      }
      case 'Fn::Base64': {
        const s = this.value(arg, depth);
        if (isUnknown(s)) return s;
        const str = asString(s);
        return str === undefined ? bad('a string') : Buffer.from(str, 'utf8').toString('base64');
      }
      case 'Fn::FindInMap':
        return this.findInMap(args, node, depth);
      case 'Fn::If': {
        const r = this.resolve(node);
        if (r === NO_VALUE || r instanceof UnknownValue) return r;
        return this.value(r, depth);
      }
      case 'Fn::Equals':
      case 'Fn::And':
      case 'Fn::Or':
      case 'Fn::Not':
        return this.conditionValue(node, depth);
      case 'Fn::Length': {
        const list = this.value(arg, depth);
        if (isUnknown(list)) return list;
        return Array.isArray(list) ? list.length : bad('a list');
      }
      case 'Fn::ToJsonString': {
        const v = this.value(arg, depth);
        return hasUnknown(v) ? new UnknownValue(refsIn(v)) : JSON.stringify(v);
      }
      case 'Fn::GetAZs':
      case 'Fn::ImportValue':
      case 'Fn::Cidr':
      case 'Fn::Transform':
        return unknownOf();
      default:
        this.warn(`${name} is not evaluated: its value is unknown`, node.range);
        return unknownOf();
    }
  }

  private sub(arg: CfnNode, node: CfnNode, depth: number): unknown {
    let template: unknown;
    const vars = new Map<string, unknown>();
    if (arg.kind === 'seq') {
      if (arg.items.length !== 2 || arg.items[1].kind !== 'map') {
        this.warn('Fn::Sub takes a string or [string, {variables}]', node.range);
        return unknownOf();
      }
      template = this.value(arg.items[0], depth);
      for (const e of (arg.items[1] as Extract<CfnNode, { kind: 'map' }>).entries) vars.set(e.key, this.value(e.value, depth));
    } else template = this.value(arg, depth);
    if (isUnknown(template)) return template;
    if (typeof template !== 'string') {
      this.warn('Fn::Sub takes a string or [string, {variables}]', node.range);
      return unknownOf();
    }
    const refs = new Set<string>();
    let unknown = false;
    const out = template.replace(/\$\{([^}]*)\}/g, (whole, inner: string) => {
      if (inner.startsWith('!')) return '${' + inner.slice(1) + '}';
      const name = inner.trim();
      let v: unknown;
      if (vars.has(name)) v = vars.get(name);
      else if (name.includes('.') && !this.params.has(name)) {
        const res = name.slice(0, name.indexOf('.'));
        if (!this.resourceTypes.has(res)) this.warn(`Fn::Sub names ${name}, and ${res} is not a resource of the template`, node.range);
        v = this.stackOutput(res, name.slice(res.length + 1), node.range) ?? unknownOf(res);
      } else v = this.ref(name, node.range);
      if (hasUnknown(v) || v === NO_VALUE) {
        unknown = true;
        refsIn(v, refs);
        return whole;
      }
      const s = Array.isArray(v) ? v.join(',') : asString(v);
      if (s === undefined) {
        unknown = true;
        return whole;
      }
      return s;
    });
    return unknown ? new UnknownValue(refs) : out;
  }

  private findInMap(args: CfnNode[] | undefined, node: CfnNode, depth: number): unknown {
    if (!args || args.length < 3 || args.length > 4) {
      this.warn('Fn::FindInMap takes [map, top-level key, second-level key] and an optional {DefaultValue}', node.range);
      return unknownOf();
    }
    const keys = args.slice(0, 3).map((a) => this.value(a, depth));
    const defNode = args.length === 4 ? entry(args[3], 'DefaultValue')?.value : undefined;
    const def = defNode ? this.value(defNode, depth) : undefined;
    if (keys.some(hasUnknown)) return new UnknownValue(refsIn(keys));
    const [m, k1, k2] = keys.map(asString);
    const top = m === undefined ? undefined : entry(this.mappings, m)?.value;
    const second = k1 === undefined ? undefined : entry(top, k1)?.value;
    const leaf = k2 === undefined ? undefined : entry(second, k2)?.value;
    if (leaf) return this.value(leaf, depth);
    if (def !== undefined) return def;
    this.warn(`Fn::FindInMap: ${keys.map(String).join(' / ')} is not in the template's Mappings`, node.range);
    return unknownOf();
  }

  /**
   * A canonical form of what a node evaluates to, as a string, for telling that two unknown
   * values are the same: parameters, conditions and mappings are substituted where known, and
   * what stays unknown is kept as the expression it is (a parameter, a pseudo parameter, a
   * resource's id or attribute, any other intrinsic with its canonical arguments). String
   * building (`Fn::Sub`, `Fn::Join`, `Ref`) becomes a sequence of literal text and unknown
   * parts, so `!Sub "${App}-${AWS::Region}"` and `!Join ["-", [!Ref App, !Ref AWS::Region]]`
   * agree. Two nodes of the same template with equal forms have equal values once deployed.
   * Undefined when the node stands for no value.
   */
  canonical(node: CfnNode | undefined): string | undefined {
    if (!node) return undefined;
    const c = this.canon(node, 0);
    return c === undefined ? undefined : JSON.stringify(c);
  }

  private canon(node: CfnNode, depth: number): Canon | undefined {
    if (depth > 50) return undefined;
    const v = this.value(node);
    if (v === NO_VALUE) return undefined;
    if (!hasUnknown(v)) {
      const s = asString(v);
      return s !== undefined ? { cat: [s] } : { val: normalizeEq(v) };
    }
    const fn = intrinsicOf(node);
    if (fn?.name === 'Fn::If') {
      const args = fn.arg.kind === 'seq' ? fn.arg.items : [];
      const cond = args[0];
      const r = this.resolve(node);
      if (r === NO_VALUE) return undefined;
      if (!(r instanceof UnknownValue)) return this.canon(r, depth + 1);
      if (args.length !== 3 || cond.kind !== 'scalar') return undefined;
      const [a, b] = [this.canonOrNone(args[1], depth), this.canonOrNone(args[2], depth)];
      return a === undefined || b === undefined ? undefined : { if: [String(cond.value), a, b] };
    }
    if (node.kind === 'seq') {
      const items: Canon[] = [];
      for (const it of node.items) {
        if (this.resolve(it) === NO_VALUE) continue;
        const c = this.canon(it, depth + 1);
        if (c === undefined) return undefined;
        items.push(c);
      }
      return { seq: items };
    }
    if (node.kind === 'map' && !fn) {
      const entries: [string, Canon][] = [];
      for (const e of node.entries) {
        if (this.resolve(e.value) === NO_VALUE) continue;
        const c = this.canon(e.value, depth + 1);
        if (c === undefined) return undefined;
        entries.push([e.key, c]);
      }
      return { map: entries.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)) };
    }
    if (!fn) return undefined;
    const args = fn.arg.kind === 'seq' ? fn.arg.items : undefined;
    switch (fn.name) {
      case 'Ref': {
        const n = this.value(fn.arg);
        return typeof n === 'string' ? this.canonRef(n) : undefined;
      }
      case 'Fn::GetAtt': {
        const a = this.value(fn.arg);
        const name = Array.isArray(a) ? a.map(asString).join('.') : asString(a);
        return name === undefined ? undefined : { cat: [{ getatt: name }] };
      }
      case 'Fn::Sub':
        return this.canonSub(fn.arg, depth);
      case 'Fn::Join': {
        if (!args || args.length !== 2) return undefined;
        const delim = this.value(args[0]);
        if (typeof delim !== 'string') return undefined;
        const list = this.resolve(args[1]);
        if (list instanceof UnknownValue || list === NO_VALUE || list.kind !== 'seq') {
          const l = this.canon(args[1], depth + 1);
          return l === undefined ? undefined : { cat: [{ join: delim, list: l }] };
        }
        const parts: CatPart[] = [];
        for (const it of list.items) {
          if (this.resolve(it) === NO_VALUE) continue;
          const c = this.canon(it, depth + 1);
          if (c === undefined) return undefined;
          if (parts.length) parts.push(delim);
          if ('cat' in c) parts.push(...c.cat);
          else parts.push({ item: c });
        }
        return { cat: mergeText(parts) };
      }
      default: {
        const a = this.canon(fn.arg, depth + 1);
        return a === undefined ? undefined : { cat: [{ fn: fn.name, arg: a }] };
      }
    }
  }

  /** A branch of an unknown `Fn::If`: `AWS::NoValue` is a value of its own there. */
  private canonOrNone(node: CfnNode, depth: number): Canon | undefined {
    return this.resolve(node) === NO_VALUE ? { val: 'AWS::NoValue' } : this.canon(node, depth + 1);
  }

  private canonRef(name: string): Canon | undefined {
    if (PSEUDO.has(name)) return { cat: [{ pseudo: name }] };
    if (this.params.has(name)) {
      const v = this.params.get(name);
      if (!hasUnknown(v)) {
        const s = asString(v);
        return s !== undefined ? { cat: [s] } : { val: normalizeEq(v) };
      }
      return { cat: [{ param: name }] };
    }
    if (this.resourceTypes.has(name)) return { cat: [{ ref: name }] };
    return undefined;
  }

  private canonSub(arg: CfnNode, depth: number): Canon | undefined {
    const vars = new Map<string, CfnNode>();
    let text: unknown;
    if (arg.kind === 'seq') {
      if (arg.items.length !== 2 || arg.items[1].kind !== 'map') return undefined;
      text = this.value(arg.items[0]);
      for (const e of (arg.items[1] as Extract<CfnNode, { kind: 'map' }>).entries) vars.set(e.key, e.value);
    } else text = this.value(arg);
    if (typeof text !== 'string') return undefined;
    const parts: CatPart[] = [];
    const re = /\$\{([^}]*)\}/g;
    let last = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      parts.push(text.slice(last, m.index));
      last = m.index + m[0].length;
      const inner = m[1];
      if (inner.startsWith('!')) {
        parts.push('${' + inner.slice(1) + '}');
        continue;
      }
      const name = inner.trim();
      let c: Canon | undefined;
      if (vars.has(name)) c = this.canon(vars.get(name)!, depth + 1);
      else if (name.includes('.') && !this.params.has(name)) {
        const res = name.slice(0, name.indexOf('.'));
        const known = this.stackOutput(res, name.slice(res.length + 1), arg.range);
        const s = known === undefined ? undefined : Array.isArray(known) ? known.join(',') : asString(known);
        c = { cat: [s ?? { getatt: name }] };
      } else c = this.canonRef(name);
      if (c === undefined) return undefined;
      if ('cat' in c) parts.push(...c.cat);
      else if ('val' in c && Array.isArray(c.val)) parts.push(c.val.map(String).join(','));
      else parts.push({ item: c });
    }
    parts.push(text.slice(last));
    return { cat: mergeText(parts) };
  }

  /**
   * The logical id of the resource a property designates: `!Ref X`, `!GetAtt X.Attr`,
   * `!Sub "${X}"` or `!Sub "${X.Attr}"` (through a known `Fn::If`). Undefined otherwise.
   */
  target(node: CfnNode | undefined): string | undefined {
    if (!node) return undefined;
    const r = this.resolve(node);
    if (r === NO_VALUE || r instanceof UnknownValue) return undefined;
    const fn = intrinsicOf(r);
    if (!fn) return undefined;
    let id: string | undefined;
    if (fn.name === 'Ref' && fn.arg.kind === 'scalar') id = asString(fn.arg.value);
    else if (fn.name === 'Fn::GetAtt') {
      const first = fn.arg.kind === 'seq' ? fn.arg.items[0] : fn.arg;
      const s = first?.kind === 'scalar' ? asString(first.value) : undefined;
      id = fn.arg.kind === 'seq' ? s : s?.split('.')[0];
    } else if (fn.name === 'Fn::Sub' && fn.arg.kind === 'scalar' && typeof fn.arg.value === 'string') {
      const m = /^\$\{([A-Za-z0-9]+)(?:\.[A-Za-z0-9.]+)?\}$/.exec(fn.arg.value);
      id = m?.[1];
    }
    return id !== undefined && this.resourceTypes.has(id) ? id : undefined;
  }
}

/** A part of a built string: literal text, or an unknown part as the expression it is. */
type CatPart = string | { [k: string]: unknown };
/** See {@link Evaluator.canonical}. */
type Canon = { cat: CatPart[] } | { val: unknown } | { seq: Canon[] } | { map: [string, Canon][] } | { if: [string, Canon, Canon] };

/** Adjacent literal text joined, empty text dropped: one spelling per string. */
function mergeText(parts: CatPart[]): CatPart[] {
  const out: CatPart[] = [];
  for (const p of parts) {
    if (p === '') continue;
    if (typeof p === 'string' && typeof out[out.length - 1] === 'string') out[out.length - 1] += p;
    else out.push(p);
  }
  return out;
}

/** CloudFormation compares values as strings: 1 equals "1", true equals "true". */
function normalizeEq(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(normalizeEq);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return v;
}
