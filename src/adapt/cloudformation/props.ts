/**
 * The evaluated properties of one resource, with the source range of every property that
 * survived evaluation: `Fn::If` takes its branch (and the branch's ranges), `AWS::NoValue`
 * removes the property or list item, any other intrinsic yields its value ranged over the
 * whole intrinsic.
 */
import { isUnknown } from '../../model/model.js';
import type { Range } from '../../model/source.js';
import type { CfnNode } from '../../parse/cloudformation/load.js';
import { intrinsicOf, NO_VALUE, UnknownValue, type Evaluator } from './intrinsics.js';

type Path = (string | number)[];

interface Tree {
  ranges: Map<string, Range>;
  nodes: Map<string, CfnNode>;
}

function walk(ev: Evaluator, node: CfnNode, path: Path, tree: Tree, depth: number): unknown {
  const r = ev.resolve(node);
  if (r === NO_VALUE || r instanceof UnknownValue) return r;
  if (depth > 100 || intrinsicOf(r) || r.kind === 'scalar') return ev.value(r);
  if (r.kind === 'seq') {
    const out: unknown[] = [];
    for (const it of r.items) {
      const p = [...path, out.length];
      const v = walk(ev, it, p, tree, depth + 1);
      if (v === NO_VALUE) continue;
      tree.ranges.set(p.join('.'), it.range);
      tree.nodes.set(p.join('.'), it);
      out.push(v);
    }
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const e of r.entries) {
    const p = [...path, e.key];
    const v = walk(ev, e.value, p, tree, depth + 1);
    if (v === NO_VALUE) continue;
    tree.ranges.set(p.join('.'), e.range);
    tree.nodes.set(p.join('.'), e.value);
    out[e.key] = v;
  }
  return out;
}

/** A view of (part of) a resource's evaluated properties. */
export class Props {
  private constructor(
    /** The evaluated value at `path` (an object when the view is a mapping). */
    readonly value: unknown,
    private readonly tree: Tree,
    readonly path: Path,
    readonly file: string,
  ) {}

  static of(ev: Evaluator, node: CfnNode | undefined, file: string): Props {
    const tree: Tree = { ranges: new Map(), nodes: new Map() };
    const value = node ? walk(ev, node, [], tree, 0) : {};
    return new Props(value === NO_VALUE ? {} : value, tree, [], file);
  }

  /** The whole view is unknown (an unresolved `Fn::If`, an unknown mapping). */
  get unknown(): boolean {
    return isUnknown(this.value);
  }

  private key(k: string | number): string {
    return [...this.path, k].join('.');
  }

  /** The evaluated value of a property; undefined when absent (or null). */
  get(k: string | number): unknown {
    if (typeof this.value !== 'object' || this.value === null || isUnknown(this.value)) return undefined;
    const v = (this.value as Record<string | number, unknown>)[k];
    return v === null ? undefined : v;
  }

  has(k: string | number): boolean {
    return this.get(k) !== undefined;
  }

  /** Where a property is written (key to end of value), or the nearest enclosing range known. */
  range(k?: string | number): Range | undefined {
    const full = k === undefined ? this.path : [...this.path, k];
    for (let n = full.length; n > 0; n--) {
      const r = this.tree.ranges.get(full.slice(0, n).join('.'));
      if (r) return r;
    }
    return undefined;
  }

  /** The property's source node (after `Fn::If`), for reference lookups. */
  node(k: string | number): CfnNode | undefined {
    return this.tree.nodes.get(this.key(k));
  }

  /** A nested mapping (possibly unknown), or undefined when absent. */
  sub(k: string | number): Props | undefined {
    const v = this.get(k);
    if (v === undefined) return undefined;
    return new Props(v, this.tree, [...this.path, k], this.file);
  }

  /** A list's items as views; undefined when absent; an UnknownValue when the list is unknown. */
  list(k: string | number): Props[] | UnknownValue | undefined {
    const v = this.get(k);
    if (v === undefined) return undefined;
    if (v instanceof UnknownValue) return v;
    if (isUnknown(v)) return new UnknownValue();
    const items = Array.isArray(v) ? v : [v];
    const sub = new Props(items, this.tree, [...this.path, k], this.file);
    return items.map((_, i) => sub.sub(i) ?? new Props(undefined, this.tree, [...this.path, k, i], this.file));
  }
}
