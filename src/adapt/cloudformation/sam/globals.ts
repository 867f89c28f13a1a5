/**
 * SAM `Globals`: merged into each Serverless resource as SAM merges them (the resource's value
 * wins for scalars and intrinsics, mappings merge key by key, lists are the global items then the
 * resource's), recording which values were merged with which Globals entry.
 */
import type { FileRange, Range } from '../../../model/source.js';
import { entry, type CfnNode, type CfnTemplate } from '../../../parse/cloudformation/load.js';
import { intrinsicOf } from '../intrinsics.js';
import { map, type MapNode } from './nodes.js';

/** A field's range and the other places that set its value (a `Globals` entry merged in). */
export interface SamRelation {
  range: Range;
  related: (FileRange & { message: string })[];
}

type Shape = 'map' | 'list' | 'scalar';
/** Intrinsics count as scalars: they resolve to one value at deploy time. */
const shape = (n: CfnNode): Shape => (n.kind === 'seq' ? 'list' : n.kind === 'map' && !intrinsicOf(n) ? 'map' : 'scalar');

export class Merger {
  readonly relations: SamRelation[] = [];
  constructor(private readonly file: string) {}

  private relate(local: Range, global: Range, key: string): void {
    this.relations.push({ range: local, related: [{ file: this.file, start: global.start, end: global.end, message: `merged with Globals ${key}` }] });
  }

  /** SAM's merge of a global value into the resource's. */
  node(g: CfnNode, l: CfnNode, key: string): CfnNode {
    const sg = shape(g);
    if (sg !== shape(l) || sg === 'scalar') return l;
    if (g.kind === 'seq' && l.kind === 'seq') return { kind: 'seq', items: [...g.items, ...l.items], range: l.range };
    return this.maps(g as MapNode, l as MapNode, key);
  }

  maps(g: MapNode, l: MapNode, key: string): MapNode {
    const entries = [...g.entries];
    for (const le of l.entries) {
      const i = entries.findIndex((e) => e.key === le.key);
      if (i < 0) {
        entries.push(le);
        continue;
      }
      const ge = entries[i];
      const v = this.node(ge.value, le.value, `${key}.${le.key}`);
      entries[i] = v === le.value ? le : { ...le, value: v };
      if (v !== le.value) this.relate(le.range, ge.range, `${key}.${le.key}`);
    }
    return map(entries, l.range);
  }
}

/** `Globals.<Section>` as a mapping, or undefined. */
export function globalSection(template: CfnTemplate, section: string): MapNode | undefined {
  const g = entry(entry(template.root, 'Globals')?.value, section)?.value;
  return g?.kind === 'map' ? g : undefined;
}
