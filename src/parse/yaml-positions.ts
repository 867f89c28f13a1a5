/**
 * Positions in YAML documents: a map from every path in a document (keys and list items)
 * to its source range, used as the source map of Kubernetes (and CloudFormation) objects.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, type Node as YamlNode } from 'yaml';
import type { Pos, Range } from '../model/source.js';

export function posAt(lc: LineCounter, offset: number): Pos {
  const { line, col } = lc.linePos(offset);
  return { line, column: col, offset };
}

export function rangeOf(lc: LineCounter, start: number, end: number): Range {
  return { start: posAt(lc, start), end: posAt(lc, end) };
}

/**
 * Records `prefix + path` → range for every node below `node`. For a map entry the range
 * runs from the key to the end of its value; for a list item, over the item.
 */
export function collectRanges(node: unknown, lc: LineCounter, prefix: (string | number)[], out: Record<string, Range>, depth = 0): void {
  if (depth > 200) return;
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined) continue;
      const k = pair.key as YamlNode;
      const v = pair.value as YamlNode | null;
      const start = k.range?.[0];
      const end = v?.range?.[1] ?? k.range?.[1];
      const path = [...prefix, key];
      if (start !== undefined && end !== undefined) out[path.join('.')] = rangeOf(lc, start, end);
      collectRanges(v, lc, path, out, depth + 1);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      const n = item as YamlNode;
      const path = [...prefix, i];
      if (n?.range) out[path.join('.')] = rangeOf(lc, n.range[0], n.range[1]);
      collectRanges(n, lc, path, out, depth + 1);
    });
  }
}
