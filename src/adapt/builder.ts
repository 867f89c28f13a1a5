/**
 * Builds one model object and its source map entry side by side, so that every field an
 * adapter fills records where it came from.
 */
import type { ModelObject, ModelPath, SourceKind, SourceMapEntry } from '../model/model.js';
import { pathKey, UNKNOWN } from '../model/model.js';
import type { FileRange, Range } from '../model/source.js';

export class ObjectBuilder {
  readonly obj: ModelObject;
  readonly entry: SourceMapEntry;

  constructor(opts: { id: string; source: SourceKind; identity: string; resourceType: string; location?: FileRange; module?: string; base?: Record<string, unknown> }) {
    this.obj = { id: opts.id, ...(opts.base ?? {}) };
    this.entry = { id: opts.id, source: opts.source, identity: opts.identity, resourceType: opts.resourceType, location: opts.location, fields: {}, module: opts.module };
  }

  /** Sets obj at a nested path, creating objects on the way; records the range when given. */
  set(path: ModelPath, value: unknown, where?: { file: string; range: Range }): void {
    let cur: Record<string | number, unknown> = this.obj;
    for (let i = 0; i < path.length - 1; i++) {
      const k = path[i];
      let next = cur[k];
      if (typeof next !== 'object' || next === null) {
        next = typeof path[i + 1] === 'number' ? [] : {};
        cur[k] = next;
      }
      cur = next as Record<string | number, unknown>;
    }
    cur[path[path.length - 1]] = value;
    if (where) this.locate(path, where);
  }

  get(path: ModelPath): unknown {
    let cur: unknown = this.obj;
    for (const k of path) {
      if (typeof cur !== 'object' || cur === null) return undefined;
      cur = (cur as Record<string | number, unknown>)[k];
    }
    return cur;
  }

  locate(path: ModelPath, where: { file: string; range: Range }): void {
    this.entry.fields[pathKey(path)] = { file: where.file, start: where.range.start, end: where.range.end };
  }

  /** Records where a field's value came from besides its own attribute. */
  relate(path: ModelPath, related: (FileRange & { message: string })[] | undefined): void {
    if (!related?.length) return;
    (this.entry.related ??= {})[pathKey(path)] = related;
  }

  /** Marks a field unknown (recording where the unknown came from). */
  unknown(path: ModelPath, where?: { file: string; range: Range }): void {
    this.set(path, UNKNOWN, where);
  }
}
