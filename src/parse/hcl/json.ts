/**
 * Terraform JSON syntax (`.tf.json`, `.tfvars.json`) mapped onto the HCL AST.
 *
 * The positioned JSON tree (parse/json) mapped the Terraform way: top-level properties are block types whose label depth is known per type,
 * and inside bodies every property is an attribute. JSON strings are HCL templates, so
 * `"${var.x}"` becomes an interpolation with ranges pointing into the file.
 * Positions use the same conventions as the native parser (see lexer.ts).
 */
import { SourceError } from '../../model/diagnostics.js';
import type { Range } from '../../model/source.js';
import type { Attribute, Block, Body, BodyItem, Expression, HclFile, ObjectItem, TemplateExpr } from './ast.js';
import { asSourceError, hasEscapes, parseJsonTree, type JsonMember, type JsonNode, type JsonObject, type JsonString } from '../json/index.js';
import { LineTable, MappedPos, type PosMapper } from './lexer.js';
import { parseTemplateRegion } from './parser.js';

/** Number of labels per top-level block type. Unknown types get 0. */
export const JSON_BLOCK_LABELS: Record<string, number> = {
  resource: 2,
  data: 2,
  ephemeral: 2,
  module: 1,
  variable: 1,
  output: 1,
  provider: 1,
  check: 1,
  locals: 0,
  terraform: 0,
  moved: 0,
  import: 0,
  removed: 0,
};

/** Nested block types (with label counts) recognised inside a top-level block type. */
const NESTED_BLOCKS: Record<string, Record<string, number>> = {
  terraform: { backend: 1, required_providers: 0, cloud: 0, provider_meta: 1 },
};

class Mapper {
  constructor(
    readonly src: string,
    readonly path: string,
    readonly lines: LineTable,
  ) {}

  fail(message: string, offset: number): never {
    const p = this.lines.pos(offset);
    throw new SourceError(message, this.path, p.line, p.column, 'hcl-syntax');
  }

  rng(s: number, e: number): Range {
    return { start: this.lines.pos(s), end: this.lines.pos(e) };
  }

  topBody(doc: JsonNode, tfvars: boolean): Body {
    if (doc.kind !== 'object') this.fail('Invalid Terraform JSON: the root value must be an object', doc.start);
    const items: BodyItem[] = [];
    for (const p of doc.members) {
      if (p.key === '//') continue;
      if (tfvars) {
        items.push(this.attribute(p));
        continue;
      }
      const depth = JSON_BLOCK_LABELS[p.key];
      if (depth === undefined && p.value.kind !== 'object' && p.value.kind !== 'array') {
        items.push(this.attribute(p));
        continue;
      }
      this.blocks(p.key, p, p.value, depth ?? 0, [], [], NESTED_BLOCKS[p.key], items);
    }
    return { items, range: this.rng(doc.start, doc.end) };
  }

  private blocks(type: string, typeProp: JsonMember, v: JsonNode, depth: number, labels: string[], labelRanges: Range[], nested: Record<string, number> | undefined, out: BodyItem[]): void {
    if (v.kind === 'array') {
      for (const item of v.items) this.blocks(type, typeProp, item, depth, labels, labelRanges, nested, out);
      return;
    }
    if (v.kind !== 'object') {
      const what = depth > 0 ? `an object whose properties are the ${depth === 1 ? 'label' : 'labels'}` : 'an object (the block body) or an array of objects';
      this.fail(`Invalid Terraform JSON: the value for a "${type}" block must be ${what}`, v.start);
    }
    if (depth > 0) {
      for (const p of v.members) {
        if (p.key === '//') continue;
        this.blocks(type, typeProp, p.value, depth - 1, [...labels, p.key], [...labelRanges, this.rng(p.keyStart, p.keyEnd)], nested, out);
      }
      return;
    }
    const block: Block = {
      kind: 'block',
      type,
      typeRange: this.rng(typeProp.keyStart, typeProp.keyEnd),
      labels,
      labelRanges,
      body: this.body(v, nested),
      range: this.rng(typeProp.keyStart, v.end),
      openBraceRange: this.rng(v.start, v.start + 1),
      closeBraceRange: this.rng(v.end - 1, v.end),
    };
    out.push(block);
  }

  private body(obj: JsonObject, nested: Record<string, number> | undefined): Body {
    const items: BodyItem[] = [];
    for (const p of obj.members) {
      if (p.key === '//') continue;
      const depth = nested?.[p.key];
      if (depth !== undefined && (p.value.kind === 'object' || p.value.kind === 'array')) this.blocks(p.key, p, p.value, depth, [], [], undefined, items);
      else items.push(this.attribute(p));
    }
    return { items, range: this.rng(obj.start, obj.end) };
  }

  private attribute(p: JsonMember): Attribute {
    const expr = this.expr(p.value);
    return { kind: 'attribute', name: p.key, nameRange: this.rng(p.keyStart, p.keyEnd), expr, range: this.rng(p.keyStart, p.value.end) };
  }

  expr(v: JsonNode): Expression {
    switch (v.kind) {
      case 'number':
      case 'literal':
        return { type: 'literal', value: v.value, range: this.rng(v.start, v.end) };
      case 'array':
        return { type: 'tuple', items: v.items.map((x) => this.expr(x)), range: this.rng(v.start, v.end) };
      case 'object': {
        const items: ObjectItem[] = v.members.map((p) => {
          const keyRange = this.rng(p.keyStart, p.keyEnd);
          const key: TemplateExpr = { type: 'template', parts: [{ type: 'literal', value: p.key, range: this.rng(p.keyStart + 1, p.keyEnd - 1) }], range: keyRange };
          const value = this.expr(p.value);
          return { key, value, range: { start: keyRange.start, end: value.range.end } };
        });
        return { type: 'object', items, range: this.rng(v.start, v.end) };
      }
      case 'string':
        return this.template(v);
    }
  }

  private template(v: JsonString): TemplateExpr {
    const range = this.rng(v.start, v.end);
    const val = v.value;
    if (val.indexOf('${') === -1 && val.indexOf('%{') === -1) {
      return { type: 'template', parts: [{ type: 'literal', value: val, range: this.rng(v.start + 1, v.end - 1) }], range };
    }
    if (!hasEscapes(v)) return parseTemplateRegion(this.src, v.start + 1, v.end - 1, this.path, this.lines, range);
    // Escapes: parse the decoded text, mapping its offsets back into the file.
    const map = decodedOffsetMap(this.src, v.start + 1, v.end - 1, val.length);
    return parseTemplateRegion(val, 0, val.length, this.path, new MappedPos(map, this.lines) as PosMapper, range);
  }
}

/** For each UTF-16 unit of a decoded JSON string, the file offset it came from (plus one final entry). */
function decodedOffsetMap(src: string, s: number, e: number, len: number): Int32Array {
  const map = new Int32Array(len + 1);
  let j = 0;
  let i = s;
  while (i < e) {
    if (src.charCodeAt(i) === 92) {
      map[j++] = i;
      i += src.charCodeAt(i + 1) === 117 ? 6 : 2;
    } else {
      map[j++] = i++;
    }
  }
  map[j] = e;
  return map;
}

function parse(text: string, path: string, tfvars: boolean): HclFile {
  const lines = new LineTable(text);
  let doc: JsonNode;
  try {
    doc = parseJsonTree(text);
  } catch (e) {
    throw asSourceError(e, lines, path, 'hcl-syntax', 'Invalid JSON: ');
  }
  const body = new Mapper(text, path, lines).topBody(doc, tfvars);
  return { path, body, comments: [] };
}

/** Parse a `.tf.json` file. */
export function parseTfJson(text: string, path: string): HclFile {
  return parse(text, path, false);
}

/** Parse a `.tfvars.json` file: every top-level property is an attribute. */
export function parseTfVarsJson(text: string, path: string): HclFile {
  return parse(text, path, true);
}
