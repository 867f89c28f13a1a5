/**
 * JSON as a tree that keeps where everything is: every value has its offsets, every object
 * member the offsets of its key. Members stay in source order and duplicate keys are all
 * kept: each consumer decides what a duplicate means (Terraform JSON repeats blocks,
 * `JSON.parse` keeps the last, CloudFormation refuses them).
 */
import { jsonParser, type JsonBuilder } from './parser.js';

interface Span {
  /** Offset of the first character. */
  start: number;
  /** Offset just past the last character. */
  end: number;
}

export interface JsonObject extends Span {
  kind: 'object';
  members: JsonMember[];
}

export interface JsonArray extends Span {
  kind: 'array';
  items: JsonNode[];
}

/**
 * A string: `start`/`end` include the quotes. It had escapes exactly when
 * `value.length !== end - start - 2` (every escape is longer than what it decodes to).
 */
export interface JsonString extends Span {
  kind: 'string';
  value: string;
}

export interface JsonNumber extends Span {
  kind: 'number';
  value: number;
}

export interface JsonLiteral extends Span {
  kind: 'literal';
  value: boolean | null;
}

export type JsonNode = JsonObject | JsonArray | JsonString | JsonNumber | JsonLiteral;

export interface JsonMember {
  key: string;
  /** The key's offsets, quotes included. */
  keyStart: number;
  keyEnd: number;
  value: JsonNode;
}

const treeBuilder: JsonBuilder<JsonNode, JsonObject, JsonArray> = {
  string: (value, start, end) => ({ kind: 'string', value, start, end }),
  number: (value, start, end) => ({ kind: 'number', value, start, end }),
  literal: (value, start, end) => ({ kind: 'literal', value, start, end }),
  object: (start) => ({ kind: 'object', members: [], start, end: start }),
  member: (obj, key, keyStart, keyEnd, value) => {
    obj.members.push({ key, keyStart, keyEnd, value });
  },
  endObject: (obj, _start, end) => {
    obj.end = end;
    return obj;
  },
  array: (start) => ({ kind: 'array', items: [], start, end: start }),
  item: (arr, value) => {
    arr.items.push(value);
  },
  endArray: (arr, _start, end) => {
    arr.end = end;
    return arr;
  },
};

const parseTree = jsonParser<JsonNode, JsonObject, JsonArray>();

/** Parses JSON text into a positioned tree. Throws JsonSyntaxError (with the offset). */
export function parseJsonTree(text: string): JsonNode {
  return parseTree(text, treeBuilder);
}

/** Whether the string was written with escapes (its offsets then differ from its value's). */
export function hasEscapes(s: JsonString): boolean {
  return s.value.length !== s.end - s.start - 2;
}

/** The members of an object whose key appeared before in it (the second and later ones). */
export function duplicateMembers(obj: JsonObject): JsonMember[] {
  if (obj.members.length < 2) return [];
  const seen = new Set<string>();
  const out: JsonMember[] = [];
  for (const m of obj.members) {
    if (seen.has(m.key)) out.push(m);
    else seen.add(m.key);
  }
  return out;
}

/** The plain value `JSON.parse` gives for the same text (last duplicate wins, `__proto__` is data). */
export function plainValue(node: JsonNode): unknown {
  switch (node.kind) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const m of node.members) setMember(out, m.key, plainValue(m.value));
      return out;
    }
    case 'array':
      return node.items.map(plainValue);
    default:
      return node.value;
  }
}

/** `obj[key] = value` where a `__proto__` key is an own data property, as in `JSON.parse`. */
export function setMember(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}
