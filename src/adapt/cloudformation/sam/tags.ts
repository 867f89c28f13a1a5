/**
 * `PropagateTags` as the SAM translator reads it. The property is typed boolean but accepts
 * intrinsics (`PropertyType(False, IS_BOOL)`: validation is skipped for any one-key mapping), and
 * `SamResourceMacro.propagate_tags` then only tests the value's truth: an `!If`, a `!Ref` to a
 * parameter — whatever it would resolve to at deployment — propagates the tags. Palisade does
 * the same and says so on the line; a value neither boolean nor one-key mapping is rejected by SAM.
 */
import { entry, type CfnNode } from '../../../parse/cloudformation/load.js';
import type { MapNode, Warn } from './nodes.js';

/** Whether `PropagateTags` of the resource (Globals merged) propagates its tags; warns on what SAM does not read as written. */
export function propagatesTags(id: string, props: MapNode, warn: Warn, reject: Warn): boolean {
  const e = entry(props, 'PropagateTags');
  if (!e) return false;
  const v = e.value;
  if (v.kind === 'scalar' && (typeof v.value === 'boolean' || v.value === null)) return v.value === true;
  if (v.kind === 'map' && v.entries.length === 1) {
    warn(`PropagateTags of ${id} is given by ${v.entries[0].key}: SAM does not evaluate it and treats it as true, so the tags are propagated whatever it resolves to`, e.keyRange);
    return true;
  }
  reject(`PropagateTags of ${id} must be a boolean`, e.keyRange);
  return false;
}

/** Python's truth of a value as written (what the implicit API plugin tests, before any validation). */
export function truthy(n: CfnNode | undefined): boolean {
  if (!n) return false;
  if (n.kind === 'scalar') return Boolean(n.value);
  return n.kind === 'seq' ? n.items.length > 0 : n.entries.length > 0;
}
