// Frozen copy of src/parse/hcl/json.ts before the shared JSON parser (parse/json): bench/json.ts measures against it.
/**
 * Terraform JSON syntax (`.tf.json`, `.tfvars.json`) mapped onto the HCL AST.
 *
 * A small JSON parser that keeps source ranges (JSON.parse cannot), then the Terraform
 * mapping: top-level properties are block types whose label depth is known per type,
 * and inside bodies every property is an attribute. JSON strings are HCL templates, so
 * `"${var.x}"` becomes an interpolation with ranges pointing into the file.
 * Positions use the same conventions as the native parser (see lexer.ts).
 */
import { SourceError } from '../../src/model/diagnostics.js';
import type { Range } from '../../src/model/source.js';
import type { Attribute, Block, Body, BodyItem, Expression, HclFile, ObjectItem, TemplateExpr } from '../../src/parse/hcl/ast.js';
import { LineTable, MappedPos, type PosMapper } from '../../src/parse/hcl/lexer.js';
import { MAX_NESTING, parseTemplateRegion } from '../../src/parse/hcl/parser.js';

type JVal =
  | { k: 'obj'; props: JProp[]; s: number; e: number }
  | { k: 'arr'; items: JVal[]; s: number; e: number }
  | { k: 'str'; value: string; escaped: boolean; s: number; e: number }
  | { k: 'num'; value: number; s: number; e: number }
  | { k: 'bool'; value: boolean; s: number; e: number }
  | { k: 'null'; s: number; e: number };

interface JProp {
  key: string;
  ks: number;
  ke: number;
  value: JVal;
}

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

export class JsonParser {
  private i = 0;
  private depth = 0;
  constructor(
    readonly src: string,
    readonly path: string,
    readonly lines: LineTable,
  ) {
    if (src.charCodeAt(0) === 0xfeff) this.i = 1;
  }

  fail(message: string, offset: number): never {
    const p = this.lines.pos(offset);
    throw new SourceError(message, this.path, p.line, p.column, 'hcl-syntax');
  }

  private ws(): void {
    const s = this.src;
    let i = this.i;
    for (;;) {
      const c = s.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else break;
    }
    this.i = i;
  }

  parseDocument(): JVal {
    this.ws();
    const v = this.value();
    this.ws();
    if (this.i < this.src.length) this.fail(`Invalid JSON: unexpected ${this.describe()} after the top-level value`, this.i);
    return v;
  }

  private describe(): string {
    if (this.i >= this.src.length) return 'end of file';
    return JSON.stringify(String.fromCodePoint(this.src.codePointAt(this.i)!));
  }

  private value(): JVal {
    const s = this.src;
    const start = this.i;
    const c = s.charCodeAt(start);
    switch (c) {
      case 123:
        return this.object();
      case 91:
        return this.array();
      case 34:
        return this.string();
      case 116:
        if (s.startsWith('true', start)) return this.word(4, { k: 'bool', value: true, s: start, e: start + 4 });
        break;
      case 102:
        if (s.startsWith('false', start)) return this.word(5, { k: 'bool', value: false, s: start, e: start + 5 });
        break;
      case 110:
        if (s.startsWith('null', start)) return this.word(4, { k: 'null', s: start, e: start + 4 });
        break;
      default:
        if (c === 45 || (c >= 48 && c <= 57)) return this.number();
    }
    if (start >= s.length) this.fail('Invalid JSON: unexpected end of file, expected a value', start);
    this.fail(`Invalid JSON: unexpected ${this.describe()}, expected a value`, start);
  }

  private word(len: number, v: JVal): JVal {
    this.i += len;
    return v;
  }

  private number(): JVal {
    const s = this.src;
    const start = this.i;
    let i = start;
    if (s.charCodeAt(i) === 45) i++;
    const digits = () => {
      const b = i;
      while (s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
      return i > b;
    };
    if (s.charCodeAt(i) === 48) i++;
    else if (!digits()) this.fail('Invalid JSON: invalid number', start);
    if (s.charCodeAt(i) === 46) {
      i++;
      if (!digits()) this.fail('Invalid JSON: invalid number, expected digits after "."', start);
    }
    if (s.charCodeAt(i) === 101 || s.charCodeAt(i) === 69) {
      i++;
      if (s.charCodeAt(i) === 43 || s.charCodeAt(i) === 45) i++;
      if (!digits()) this.fail('Invalid JSON: invalid number, expected digits in the exponent', start);
    }
    this.i = i;
    return { k: 'num', value: Number(s.slice(start, i)), s: start, e: i };
  }

  private string(): JVal & { k: 'str' } {
    const s = this.src;
    const start = this.i;
    let i = start + 1;
    let out = '';
    let run = i;
    let escaped = false;
    for (;;) {
      if (i >= s.length) this.fail('Invalid JSON: unterminated string', start);
      const c = s.charCodeAt(i);
      if (c === 34) break;
      if (c < 0x20) this.fail('Invalid JSON: control character in string (newlines must be escaped as \\n)', i);
      if (c === 92) {
        escaped = true;
        out += s.slice(run, i);
        const d = s.charCodeAt(i + 1);
        let len = 2;
        switch (d) {
          case 34:
            out += '"';
            break;
          case 92:
            out += '\\';
            break;
          case 47:
            out += '/';
            break;
          case 98:
            out += '\b';
            break;
          case 102:
            out += '\f';
            break;
          case 110:
            out += '\n';
            break;
          case 114:
            out += '\r';
            break;
          case 116:
            out += '\t';
            break;
          case 117: {
            const hex = s.slice(i + 2, i + 6);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('Invalid JSON: \\u must be followed by four hexadecimal digits', i);
            out += String.fromCharCode(parseInt(hex, 16));
            len = 6;
            break;
          }
          default:
            this.fail('Invalid JSON: invalid escape sequence', i);
        }
        i += len;
        run = i;
        continue;
      }
      i++;
    }
    out += s.slice(run, i);
    this.i = i + 1;
    return { k: 'str', value: out, escaped, s: start, e: i + 1 };
  }

  private enter(offset: number): void {
    if (++this.depth > MAX_NESTING) this.fail(`Nesting too deep: more than ${MAX_NESTING} levels of nested JSON values`, offset);
  }

  private object(): JVal {
    const s = this.src;
    const start = this.i;
    this.enter(start);
    this.i++;
    const props: JProp[] = [];
    this.ws();
    if (s.charCodeAt(this.i) === 125) {
      this.i++;
      this.depth--;
      return { k: 'obj', props, s: start, e: this.i };
    }
    for (;;) {
      this.ws();
      if (s.charCodeAt(this.i) !== 34) {
        if (this.i >= s.length) this.fail('Invalid JSON: unterminated object, expected "}"', start);
        this.fail(`Invalid JSON: expected a property name in double quotes, found ${this.describe()}`, this.i);
      }
      const k = this.string();
      this.ws();
      if (s.charCodeAt(this.i) !== 58) this.fail(`Invalid JSON: expected ":" after the property name, found ${this.describe()}`, this.i);
      this.i++;
      this.ws();
      const value = this.value();
      props.push({ key: k.value, ks: k.s, ke: k.e, value });
      this.ws();
      const c = s.charCodeAt(this.i);
      if (c === 44) {
        this.i++;
        continue;
      }
      if (c === 125) {
        this.i++;
        break;
      }
      if (this.i >= s.length) this.fail('Invalid JSON: unterminated object, expected "}"', start);
      this.fail(`Invalid JSON: expected "," or "}" after a property value, found ${this.describe()}`, this.i);
    }
    this.depth--;
    return { k: 'obj', props, s: start, e: this.i };
  }

  private array(): JVal {
    const s = this.src;
    const start = this.i;
    this.enter(start);
    this.i++;
    const items: JVal[] = [];
    this.ws();
    if (s.charCodeAt(this.i) === 93) {
      this.i++;
      this.depth--;
      return { k: 'arr', items, s: start, e: this.i };
    }
    for (;;) {
      this.ws();
      items.push(this.value());
      this.ws();
      const c = s.charCodeAt(this.i);
      if (c === 44) {
        this.i++;
        continue;
      }
      if (c === 93) {
        this.i++;
        break;
      }
      if (this.i >= s.length) this.fail('Invalid JSON: unterminated array, expected "]"', start);
      this.fail(`Invalid JSON: expected "," or "]" after an array element, found ${this.describe()}`, this.i);
    }
    this.depth--;
    return { k: 'arr', items, s: start, e: this.i };
  }
}

class Mapper {
  constructor(
    readonly src: string,
    readonly path: string,
    readonly lines: LineTable,
    readonly jp: JsonParser,
  ) {}

  rng(s: number, e: number): Range {
    return { start: this.lines.pos(s), end: this.lines.pos(e) };
  }

  topBody(doc: JVal, tfvars: boolean): Body {
    if (doc.k !== 'obj') this.jp.fail('Invalid Terraform JSON: the root value must be an object', doc.s);
    const items: BodyItem[] = [];
    for (const p of doc.props) {
      if (p.key === '//') continue;
      if (tfvars) {
        items.push(this.attribute(p));
        continue;
      }
      const depth = JSON_BLOCK_LABELS[p.key];
      if (depth === undefined && p.value.k !== 'obj' && p.value.k !== 'arr') {
        items.push(this.attribute(p));
        continue;
      }
      this.blocks(p.key, p, p.value, depth ?? 0, [], [], NESTED_BLOCKS[p.key], items);
    }
    return { items, range: this.rng(doc.s, doc.e) };
  }

  private blocks(type: string, typeProp: JProp, v: JVal, depth: number, labels: string[], labelRanges: Range[], nested: Record<string, number> | undefined, out: BodyItem[]): void {
    if (v.k === 'arr') {
      for (const item of v.items) this.blocks(type, typeProp, item, depth, labels, labelRanges, nested, out);
      return;
    }
    if (v.k !== 'obj') {
      const what = depth > 0 ? `an object whose properties are the ${depth === 1 ? 'label' : 'labels'}` : 'an object (the block body) or an array of objects';
      this.jp.fail(`Invalid Terraform JSON: the value for a "${type}" block must be ${what}`, v.s);
    }
    if (depth > 0) {
      for (const p of v.props) {
        if (p.key === '//') continue;
        this.blocks(type, typeProp, p.value, depth - 1, [...labels, p.key], [...labelRanges, this.rng(p.ks, p.ke)], nested, out);
      }
      return;
    }
    const block: Block = {
      kind: 'block',
      type,
      typeRange: this.rng(typeProp.ks, typeProp.ke),
      labels,
      labelRanges,
      body: this.body(v, nested),
      range: this.rng(typeProp.ks, v.e),
      openBraceRange: this.rng(v.s, v.s + 1),
      closeBraceRange: this.rng(v.e - 1, v.e),
    };
    out.push(block);
  }

  private body(obj: JVal & { k: 'obj' }, nested: Record<string, number> | undefined): Body {
    const items: BodyItem[] = [];
    for (const p of obj.props) {
      if (p.key === '//') continue;
      const depth = nested?.[p.key];
      if (depth !== undefined && (p.value.k === 'obj' || p.value.k === 'arr')) this.blocks(p.key, p, p.value, depth, [], [], undefined, items);
      else items.push(this.attribute(p));
    }
    return { items, range: this.rng(obj.s, obj.e) };
  }

  private attribute(p: JProp): Attribute {
    const expr = this.expr(p.value);
    return { kind: 'attribute', name: p.key, nameRange: this.rng(p.ks, p.ke), expr, range: this.rng(p.ks, p.value.e) };
  }

  expr(v: JVal): Expression {
    switch (v.k) {
      case 'num':
      case 'bool':
        return { type: 'literal', value: v.value, range: this.rng(v.s, v.e) };
      case 'null':
        return { type: 'literal', value: null, range: this.rng(v.s, v.e) };
      case 'arr':
        return { type: 'tuple', items: v.items.map((x) => this.expr(x)), range: this.rng(v.s, v.e) };
      case 'obj': {
        const items: ObjectItem[] = v.props.map((p) => {
          const keyRange = this.rng(p.ks, p.ke);
          const key: TemplateExpr = { type: 'template', parts: [{ type: 'literal', value: p.key, range: this.rng(p.ks + 1, p.ke - 1) }], range: keyRange };
          const value = this.expr(p.value);
          return { key, value, range: { start: keyRange.start, end: value.range.end } };
        });
        return { type: 'object', items, range: this.rng(v.s, v.e) };
      }
      case 'str':
        return this.template(v);
    }
  }

  private template(v: JVal & { k: 'str' }): TemplateExpr {
    const range = this.rng(v.s, v.e);
    const val = v.value;
    if (val.indexOf('${') === -1 && val.indexOf('%{') === -1) {
      return { type: 'template', parts: [{ type: 'literal', value: val, range: this.rng(v.s + 1, v.e - 1) }], range };
    }
    if (!v.escaped) return parseTemplateRegion(this.src, v.s + 1, v.e - 1, this.path, this.lines, range);
    // Escapes: parse the decoded text, mapping its offsets back into the file.
    const map = decodedOffsetMap(this.src, v.s + 1, v.e - 1, val.length);
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

/** Parse a `.tf.json` file. */
export function parseTfJson(text: string, path: string): HclFile {
  const lines = new LineTable(text);
  const jp = new JsonParser(text, path, lines);
  const doc = jp.parseDocument();
  const body = new Mapper(text, path, lines, jp).topBody(doc, false);
  return { path, body, comments: [] };
}

/** Parse a `.tfvars.json` file: every top-level property is an attribute. */
export function parseTfVarsJson(text: string, path: string): HclFile {
  const lines = new LineTable(text);
  const jp = new JsonParser(text, path, lines);
  const doc = jp.parseDocument();
  const body = new Mapper(text, path, lines, jp).topBody(doc, true);
  return { path, body, comments: [] };
}
