import { isOpen, missingAttribute } from '../values.js';
/**
 * Collection functions. Partially known values (known lists/objects holding UNKNOWN) stay
 * partially known where Terraform keeps them so (length, merge, lookup, concat, keys, values,
 * element, slice, reverse, tolist, toset, tomap, flatten, zipmap, chunklist, one).
 */
import type { FnTable } from './registry.js';
import {
  asList,
  asObject,
  checkList,
  compareStrings,
  dedupe,
  equals,
  FunctionError,
  graphemes,
  hasUnknown,
  isObject,
  isUnknown,
  kindOf,
  makeObject,
  MAX_LIST,
  sortedKeys,
  sortSet,
  toBool,
  toInt,
  toNum,
  toSetValue,
  toStr,
  unifyElements,
  UNKNOWN,
  type Obj,
} from './values.js';

function flattenInto(list: unknown[], out: unknown[], depth: number): void {
  if (depth > 1000) throw new FunctionError('list is too deeply nested to flatten');
  for (const e of list) {
    if (Array.isArray(e)) flattenInto(e, out, depth + 1);
    else out.push(e);
    if (out.length > MAX_LIST) checkList(out);
  }
}

/** The elements of several sets converted to one common element type, set by set. */
function unifyAcross(sets: unknown[][], what: string): unknown[][] {
  const all = unifyElements(sets.flat(), what);
  let at = 0;
  return sets.map((s) => all.slice(at, (at += s.length)));
}

/** Set conversion that keeps partially known elements (they cannot be deduplicated). */
function toSetPartial(values: unknown[], what: string): unknown[] {
  const unified = unifyElements(values, what);
  const known = unified.filter((v) => !hasUnknown(v));
  const unknown = unified.filter((v) => hasUnknown(v));
  return [...sortSet(dedupe(known)), ...unknown];
}

export const collectionFunctions: FnTable = {
  length: {
    params: 1,
    unknowns: 'self',
    impl([v]) {
      if (isUnknown(v)) return UNKNOWN;
      switch (kindOf(v)) {
        case 'string':
          return graphemes(v as string).length;
        case 'list':
          return (v as unknown[]).length;
        case 'object':
          return Object.keys(v as Obj).length;
        case 'null':
          throw new FunctionError('argument must not be null');
        default:
          throw new FunctionError('argument must be a string, a collection type, or a structural type');
      }
    },
  },

  merge: {
    params: [0, Infinity],
    unknowns: 'self',
    impl(args) {
      const entries: [string, unknown][] = [];
      for (const a of args) {
        if (a === null || a === undefined) continue;
        if (isUnknown(a)) return UNKNOWN;
        if (!isObject(a)) throw new FunctionError(`arguments must be maps or objects, got ${kindOf(a)}`);
        for (const k of Object.keys(a)) entries.push([k, a[k]]);
      }
      return makeObject(entries);
    },
  },

  lookup: {
    params: [2, 3],
    unknowns: 'self',
    impl([map, key, ...rest]) {
      if (isUnknown(map) || hasUnknown(key)) return UNKNOWN;
      const o = asObject(map, 'inputMap');
      const k = toStr(key, 'key');
      if (Object.prototype.hasOwnProperty.call(o, k)) return o[k];
      // a resource instance's computed attribute (id, arn) is unknown, not missing
      if (isOpen(map)) return missingAttribute(map as object, k);
      if (rest.length > 0) return rest[0];
      throw new FunctionError(`lookup failed to find key ${JSON.stringify(k)}`);
    },
  },

  concat: {
    params: [1, Infinity],
    unknowns: 'self',
    impl(args) {
      const out: unknown[] = [];
      for (const a of args) {
        if (isUnknown(a)) return UNKNOWN;
        out.push(...asList(a, 'seqs'));
        checkList(out);
      }
      return out;
    },
  },

  coalesce: {
    params: [1, Infinity],
    unknowns: 'self',
    impl(args) {
      const unified = unifyElements(args, 'coalesce');
      for (const v of unified) {
        if (isUnknown(v)) return v;
        if (v === null || v === undefined || v === '') continue;
        return v;
      }
      throw new FunctionError('no non-null, non-empty-string arguments');
    },
  },

  coalescelist: {
    params: [1, Infinity],
    unknowns: 'self',
    impl(args) {
      // every argument must be a list or tuple, null included (Terraform 1.13 checks them all first)
      for (const a of args) {
        if (a === null || a === undefined) throw new FunctionError('coalescelist arguments must be lists or tuples');
      }
      for (const a of args) {
        if (isUnknown(a)) return UNKNOWN;
        if (asList(a, 'vals').length > 0) return a;
      }
      throw new FunctionError('no non-null arguments');
    },
  },

  compact: {
    params: 1,
    impl([list]) {
      const out: string[] = [];
      for (const e of asList(list, 'list')) {
        if (e === null || e === undefined) continue;
        const s = toStr(e);
        if (s !== '') out.push(s);
      }
      return out;
    },
  },

  distinct: {
    params: 1,
    impl([list]) {
      return dedupe(unifyElements(asList(list, 'list'), 'distinct'));
    },
  },

  flatten: {
    params: 1,
    unknowns: 'self',
    impl([list]) {
      if (isUnknown(list)) return UNKNOWN;
      const out: unknown[] = [];
      flattenInto(asList(list, 'list'), out, 0);
      return out;
    },
  },

  keys: {
    params: 1,
    unknowns: 'self',
    impl([v]) {
      if (isUnknown(v)) return UNKNOWN;
      return sortedKeys(asObject(v, 'inputMap'));
    },
  },

  values: {
    params: 1,
    unknowns: 'self',
    impl([v]) {
      if (isUnknown(v)) return UNKNOWN;
      const o = asObject(v, 'mapping');
      return sortedKeys(o).map((k) => o[k]);
    },
  },

  element: {
    params: 2,
    unknowns: 'self',
    impl([list, index]) {
      if (isUnknown(list) || hasUnknown(index)) return UNKNOWN;
      const l = asList(list, 'list');
      const i = toInt(index, 'index');
      if (l.length === 0) throw new FunctionError('cannot use element function with an empty list');
      // a negative index counts back from the end, wrapping as a positive one does (Terraform 1.13)
      return l[((i % l.length) + l.length) % l.length];
    },
  },

  contains: {
    params: 2,
    unknowns: 'self',
    impl([list, value]) {
      if (isUnknown(list) || hasUnknown(value)) return UNKNOWN;
      let unknownSeen = false;
      for (const e of asList(list, 'list')) {
        const eq = equals(e, value);
        if (eq === true) return true;
        if (eq === undefined) unknownSeen = true;
      }
      return unknownSeen ? UNKNOWN : false;
    },
  },

  index: {
    params: 2,
    unknowns: 'self',
    impl([list, value]) {
      if (isUnknown(list) || hasUnknown(value)) return UNKNOWN;
      const l = asList(list, 'list');
      for (let i = 0; i < l.length; i++) {
        const eq = equals(l[i], value);
        if (eq === undefined) return UNKNOWN;
        if (eq) return i;
      }
      throw new FunctionError('item not found');
    },
  },

  reverse: {
    params: 1,
    unknowns: 'self',
    impl([list]) {
      if (isUnknown(list)) return UNKNOWN;
      return [...asList(list, 'list')].reverse();
    },
  },

  sort: {
    params: 1,
    impl([list]) {
      const strs = asList(list, 'list').map((e, i) => {
        if (e === null || e === undefined) throw new FunctionError(`given list element ${i} is null; a null string cannot be sorted`);
        return toStr(e);
      });
      return strs.sort(compareStrings);
    },
  },

  slice: {
    params: 3,
    unknowns: 'self',
    impl([list, start, end]) {
      if (isUnknown(list) || hasUnknown(start) || hasUnknown(end)) return UNKNOWN;
      const l = asList(list, 'list');
      const s = toInt(start, 'start_index');
      const e = toInt(end, 'end_index');
      if (s < 0) throw new FunctionError('start_index: the start index must be greater than or equal to 0');
      if (e > l.length) throw new FunctionError('end_index: the end index must not be greater than the length of the list');
      if (s > e) throw new FunctionError('start_index: the start index must be less than or equal to the end index');
      return l.slice(s, e);
    },
  },

  tolist: {
    params: 1,
    unknowns: 'self',
    impl([v]) {
      if (isUnknown(v)) return UNKNOWN;
      if (v === null || v === undefined) return null;
      if (!Array.isArray(v)) throw new FunctionError(`cannot convert ${kindOf(v)} to list`);
      return unifyElements(v, 'tolist');
    },
  },

  toset: {
    params: 1,
    unknowns: 'self',
    impl([v]) {
      if (isUnknown(v)) return UNKNOWN;
      if (v === null || v === undefined) return null;
      if (!Array.isArray(v)) throw new FunctionError(`cannot convert ${kindOf(v)} to set`);
      return toSetPartial(v, 'toset');
    },
  },

  tomap: {
    params: 1,
    unknowns: 'self',
    impl([v]) {
      if (isUnknown(v)) return UNKNOWN;
      if (v === null || v === undefined) return null;
      if (!isObject(v)) throw new FunctionError(`cannot convert ${kindOf(v)} to map`);
      const keys = Object.keys(v);
      const vals = unifyElements(
        keys.map((k) => v[k]),
        'tomap',
      );
      return makeObject(keys.map((k, i) => [k, vals[i]]));
    },
  },

  zipmap: {
    params: 2,
    unknowns: 'self',
    impl([keys, values]) {
      if (hasUnknown(keys) || isUnknown(values)) return UNKNOWN;
      const ks = asList(keys, 'keys').map((k) => {
        if (k === null || k === undefined) throw new FunctionError('keys: a null value cannot be used as a map key');
        return toStr(k);
      });
      const vs = asList(values, 'values');
      if (ks.length !== vs.length)
        throw new FunctionError(`number of keys (${ks.length}) does not match number of values (${vs.length})`);
      return makeObject(ks.map((k, i) => [k, vs[i]]));
    },
  },

  range: {
    params: [1, 3],
    impl(args) {
      const nums = args.map((a, i) => toNum(a, ['start', 'limit', 'step'][args.length === 1 ? 1 : i]));
      let start: number;
      let end: number;
      let step: number;
      if (nums.length === 1) {
        start = 0;
        end = nums[0];
        step = end < 0 ? -1 : 1;
      } else if (nums.length === 2) {
        [start, end] = nums;
        step = end < start ? -1 : 1;
      } else {
        [start, end, step] = nums;
      }
      if (step === 0) throw new FunctionError('step: must not be zero');
      const down = step < 0;
      const out: number[] = [];
      if (down && end > start) throw new FunctionError('end must be less than start when step is negative');
      if (!down && end < start) throw new FunctionError('end must be greater than start when step is positive');
      for (let v = start; down ? v > end : v < end; v += step) {
        if (out.length >= 1024)
          throw new FunctionError(
            'more than 1024 values were generated; either decrease the difference between start and end or use a smaller step',
          );
        out.push(v);
      }
      return out;
    },
  },

  chunklist: {
    params: 2,
    unknowns: 'self',
    impl([list, size]) {
      if (isUnknown(list) || hasUnknown(size)) return UNKNOWN;
      const l = asList(list, 'list');
      const n = toInt(size, 'size');
      if (n < 0) throw new FunctionError('size: the size argument must be positive');
      if (l.length === 0) return [];
      if (n === 0) return [l];
      const out: unknown[][] = [];
      for (let i = 0; i < l.length; i += n) out.push(l.slice(i, i + n));
      return out;
    },
  },

  transpose: {
    params: 1,
    impl([map]) {
      const o = asObject(map, 'values');
      const out = new Map<string, string[]>();
      for (const k of sortedKeys(o)) {
        const list = o[k];
        if (list === null || list === undefined) throw new FunctionError('values: argument must not contain null values');
        for (const e of asList(list, 'values')) {
          if (e === null || e === undefined) throw new FunctionError('values: lists must not contain null values');
          const s = toStr(e);
          const arr = out.get(s);
          if (arr) arr.push(k);
          else out.set(s, [k]);
        }
      }
      return makeObject(out);
    },
  },

  matchkeys: {
    params: 3,
    impl([values, keys, searchset]) {
      const vs = asList(values, 'values');
      const ks = asList(keys, 'keys');
      const ss = asList(searchset, 'searchset');
      if (vs.length !== ks.length) throw new FunctionError('length of keys and values should be equal');
      const out: unknown[] = [];
      ks.forEach((k, i) => {
        if (ss.some((s) => equals(s, k) === true || (kindOf(s) !== kindOf(k) && canCompareAsStrings(s, k) && toStr(s) === toStr(k))))
          out.push(vs[i]);
      });
      return out;
    },
  },

  setproduct: {
    params: [2, Infinity],
    impl(args) {
      const lists = args.map((a) => asList(a, 'sets'));
      let total = 1;
      for (const l of lists) {
        total *= l.length;
        if (total > MAX_LIST) throw new FunctionError(`setproduct would produce more than ${MAX_LIST} elements`);
      }
      let acc: unknown[][] = [[]];
      for (const l of lists) {
        const next: unknown[][] = [];
        for (const prefix of acc) for (const e of l) next.push([...prefix, e]);
        acc = next;
      }
      return acc;
    },
  },

  setunion: {
    params: [1, Infinity],
    impl(args) {
      const all: unknown[] = [];
      for (const a of args) {
        all.push(...asList(a, 'sets'));
        checkList(all);
      }
      return toSetValue(all, 'setunion');
    },
  },

  setintersection: {
    params: [1, Infinity],
    impl(args) {
      const [first, ...rest] = unifyAcross(args.map((a) => asList(a, 'sets')), 'setintersection');
      const keep = first.filter((e) => rest.every((r) => r.some((x) => equals(x, e) === true)));
      return toSetValue(keep, 'setintersection');
    },
  },

  setsubtract: {
    params: 2,
    impl([a, b]) {
      const [x, y] = unifyAcross([asList(a, 'a'), asList(b, 'b')], 'setsubtract');
      return toSetValue(
        x.filter((e) => !y.some((z) => equals(z, e) === true)),
        'setsubtract',
      );
    },
  },

  one: {
    params: 1,
    unknowns: 'self',
    impl([list]) {
      if (isUnknown(list)) return UNKNOWN;
      const l = asList(list, 'list');
      if (l.length === 0) return null;
      if (l.length === 1) return l[0];
      throw new FunctionError('must be a list, set, or tuple value with either zero or one elements');
    },
  },

  alltrue: {
    params: 1,
    unknowns: 'self',
    impl([list]) {
      if (isUnknown(list)) return UNKNOWN;
      for (const e of asList(list, 'list')) {
        if (isUnknown(e)) return UNKNOWN;
        if (e === null || e === undefined) return false;
        if (!toBool(e)) return false;
      }
      return true;
    },
  },

  anytrue: {
    params: 1,
    unknowns: 'self',
    impl([list]) {
      if (isUnknown(list)) return UNKNOWN;
      let unknownSeen = false;
      for (const e of asList(list, 'list')) {
        if (isUnknown(e)) {
          unknownSeen = true;
          continue;
        }
        if (e === null || e === undefined) continue;
        if (toBool(e)) return true;
      }
      return unknownSeen ? UNKNOWN : false;
    },
  },
};

function canCompareAsStrings(a: unknown, b: unknown): boolean {
  const prim = (v: unknown) => ['string', 'number', 'bool'].includes(kindOf(v));
  return prim(a) && prim(b) && (kindOf(a) === 'string' || kindOf(b) === 'string');
}
