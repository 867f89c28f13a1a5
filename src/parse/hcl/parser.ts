/**
 * Recursive-descent parser for the HCL native syntax, following hashicorp/hcl's hclsyntax
 * grammar (newline sensitivity, single-line blocks, template strip markers, flush heredocs).
 *
 * Positions follow lexer.ts: 1-based lines, columns in UTF-16 code units + 1, 0-based
 * UTF-16 offsets. The first syntax error is thrown as a `SourceError` with code `hcl-syntax`.
 */
import type {
  Attribute,
  Block,
  Body,
  BodyItem,
  Comment,
  Expression,
  HclFile,
  ObjectItem,
  TemplateExpr,
  TemplatePart,
  TemplateIf,
  TemplateFor,
  ForExpr,
  BinaryOp,
} from './ast.js';
import type { Range } from '../../model/source.js';
import { Lexer, LineTable, T, TOKEN_NAMES, type PosMapper } from './lexer.js';

/** Maximum nesting of expressions, templates and blocks before giving up. */
export const MAX_NESTING = 500;

const PREC: number[] = [];
const OPS: BinaryOp[] = [];
function op(t: T, prec: number, o: BinaryOp) {
  PREC[t] = prec;
  OPS[t] = o;
}
op(T.OR, 1, '||');
op(T.AND, 2, '&&');
op(T.EQEQ, 3, '==');
op(T.NEQ, 3, '!=');
op(T.LT, 4, '<');
op(T.LE, 4, '<=');
op(T.GT, 4, '>');
op(T.GE, 4, '>=');
op(T.PLUS, 5, '+');
op(T.MINUS, 5, '-');
op(T.STAR, 6, '*');
op(T.SLASH, 6, '/');
op(T.PERCENT, 6, '%');

/** Template scanning modes. */
const enum TM {
  QUOTED,
  HEREDOC,
  /** Contents of a JSON string: no backslash escapes, ends at the lexer's `end`. */
  JSON,
}

/** Flat template tokens before directive nesting is resolved. */
type RawTok =
  | { k: 'lit'; val: string; s: number; e: number }
  | { k: 'interp'; expr: Expression; sl: boolean; sr: boolean; s: number; e: number }
  | { k: 'if'; cond: Expression; s: number; e: number }
  | { k: 'for'; keyVar?: string; valueVar: string; coll: Expression; s: number; e: number }
  | { k: 'else' | 'endif' | 'endfor'; s: number; e: number };

export function parseHcl(text: string, path: string): HclFile {
  const comments: Comment[] = [];
  const lines = new LineTable(text);
  const p = new Parser(text, path, lines, comments, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  const body = p.parseFile();
  return { path, body, comments };
}

/**
 * Parse `text[start, end)` as the contents of a template without backslash escapes
 * (used for `.tf.json` strings). `range` is the range of the whole string token.
 */
export function parseTemplateRegion(text: string, start: number, end: number, path: string, pm: PosMapper, range: Range): TemplateExpr {
  const p = new Parser(text, path, pm, [], start, end);
  return p.parseJsonTemplate(range);
}

class Parser {
  private readonly lx: Lexer;
  private readonly src: string;
  private ignoreNl = false;
  private depth = 0;

  constructor(text: string, path: string, pm: PosMapper, comments: Comment[], start: number, end = text.length) {
    this.src = text;
    this.lx = new Lexer(text, path, pm, comments, start, end);
  }

  // ---- helpers -------------------------------------------------------------------------

  private rng(s: number, e: number): Range {
    return this.lx.range(s, e);
  }

  private fail(message: string, offset: number): never {
    return this.lx.fail(message, offset);
  }

  private peek(): T {
    const lx = this.lx;
    let t = lx.type;
    if (this.ignoreNl) {
      while (t === T.NEWLINE) {
        lx.next();
        t = lx.type;
      }
    }
    return t;
  }

  private describe(): string {
    const t = this.lx.type;
    if (t === T.IDENT || t === T.NUMBER) return JSON.stringify(this.lx.text());
    if (t === T.EOF || t === T.NEWLINE) return TOKEN_NAMES[t];
    return `"${TOKEN_NAMES[t]}"`;
  }

  private enter(offset: number): void {
    if (++this.depth > MAX_NESTING) this.fail(`Nesting too deep: more than ${MAX_NESTING} levels of nested expressions or blocks`, offset);
  }

  private isKeyword(word: string): boolean {
    const lx = this.lx;
    return lx.type === T.IDENT && lx.tokEnd - lx.start === word.length && this.src.startsWith(word, lx.start);
  }

  // ---- bodies --------------------------------------------------------------------------

  parseFile(): Body {
    const lx = this.lx;
    const fileStart = lx.pos;
    lx.next();
    const items = this.parseBodyItems(T.EOF, fileStart);
    return { items, range: this.rng(fileStart, this.src.length) };
  }

  private parseBodyItems(end: T, openStart: number): BodyItem[] {
    const lx = this.lx;
    const items: BodyItem[] = [];
    let seen: Map<string, Attribute> | undefined;
    for (;;) {
      const t = lx.type;
      if (t === end) return items;
      if (t === T.NEWLINE) {
        lx.next();
        continue;
      }
      if (t === T.IDENT) {
        const item = this.parseBodyItem();
        if (item.kind === 'attribute') {
          seen ??= new Map();
          const prev = seen.get(item.name);
          if (prev) {
            this.fail(
              `Attribute redefined: the argument "${item.name}" was already set at line ${prev.nameRange.start.line}, column ${prev.nameRange.start.column}; each argument may be set only once`,
              item.nameRange.start.offset,
            );
          }
          seen.set(item.name, item);
        }
        items.push(item);
        continue;
      }
      if (t === T.EOF) this.fail('Unclosed configuration block: there is no closing brace for this block before the end of the file', openStart);
      if (t === T.OQUOTE) this.fail('Invalid argument name: argument names must not be quoted', lx.start);
      this.fail(`Argument or block definition required: found ${this.describe()}`, lx.start);
    }
  }

  private parseBodyItem(): BodyItem {
    const lx = this.lx;
    const nameStart = lx.start;
    const nameEnd = lx.tokEnd;
    const name = lx.text();
    lx.next();
    const t = lx.type;
    if (t === T.EQ) {
      const attr = this.finishAttribute(name, nameStart, nameEnd);
      const e = lx.type;
      if (e === T.NEWLINE) lx.next();
      else if (e !== T.EOF) {
        if (e === T.COMMA) this.fail('Unexpected comma after argument: argument definitions must be separated by newlines, not commas', lx.start);
        this.fail(`Missing newline after argument: an argument definition must end with a newline, found ${this.describe()}`, lx.start);
      }
      return attr;
    }
    if (t === T.OQUOTE || t === T.LBRACE || t === T.IDENT) return this.finishBlock(name, nameStart, nameEnd);
    this.fail(
      `Argument or block definition required: expected "=" after the argument name "${name}" or a block label or "{" after the block type, found ${this.describe()}`,
      t === T.NEWLINE || t === T.EOF ? nameStart : lx.start,
    );
  }

  private finishAttribute(name: string, nameStart: number, nameEnd: number): Attribute {
    const lx = this.lx;
    lx.next(); // '='
    const expr = this.parseExpression();
    return {
      kind: 'attribute',
      name,
      nameRange: this.rng(nameStart, nameEnd),
      expr,
      range: { start: this.lx.pm.pos(nameStart), end: expr.range.end },
    };
  }

  private finishBlock(type: string, typeStart: number, typeEnd: number): Block {
    const lx = this.lx;
    const labels: string[] = [];
    const labelRanges: Range[] = [];
    for (;;) {
      const t = lx.type;
      if (t === T.LBRACE) break;
      if (t === T.OQUOTE) {
        const s = lx.start;
        labels.push(this.parseLabelString());
        labelRanges.push(this.rng(s, this.labelEnd));
        continue;
      }
      if (t === T.IDENT) {
        labels.push(lx.text());
        labelRanges.push(this.rng(lx.start, lx.tokEnd));
        lx.next();
        continue;
      }
      if (t === T.EQ) this.fail('Invalid block definition: the equals sign "=" indicates an argument definition, and must not be used when defining a block', lx.start);
      if (t === T.NEWLINE || t === T.EOF)
        this.fail('Invalid block definition: a block definition must have block content delimited by "{" and "}", starting on the same line as the block header', lx.start);
      this.fail(`Invalid block definition: either a quoted string block label or an opening brace ("{") is expected here, found ${this.describe()}`, lx.start);
    }
    const openStart = lx.start;
    const openBraceRange = this.rng(openStart, lx.tokEnd);
    this.enter(openStart);
    lx.next();
    let items: BodyItem[];
    const t = lx.type;
    if (t === T.NEWLINE || t === T.EOF || t === T.RBRACE) {
      items = this.parseBodyItems(T.RBRACE, openStart);
    } else {
      // Single-line block: exactly one argument, closed on the same line.
      if (t !== T.IDENT) this.fail(`Argument or block definition required: found ${this.describe()}`, lx.start);
      const ns = lx.start;
      const ne = lx.tokEnd;
      const name = lx.text();
      lx.next();
      if (lx.type !== T.EQ) {
        const nt = lx.type;
        if (nt === T.OQUOTE || nt === T.LBRACE || nt === T.IDENT)
          this.fail(
            `Argument definition required: a single-line block definition can contain only a single argument; to define a nested block "${name}", place it on a line of its own within its parent block`,
            ns,
          );
        this.fail(`Argument or block definition required: expected "=" after "${name}", found ${this.describe()}`, lx.start);
      }
      items = [this.finishAttribute(name, ns, ne)];
      const c = lx.type as T;
      if (c !== T.RBRACE) {
        if (c === T.COMMA) this.fail('Invalid single-argument block definition: single-line block syntax can include only one argument definition', lx.start);
        if (c === T.NEWLINE)
          this.fail('Invalid single-argument block definition: a single-line block definition must be closed on the same line, immediately after its argument', lx.start);
        if (c === T.EOF) this.fail('Unclosed configuration block: there is no closing brace for this block before the end of the file', openStart);
        this.fail(`Invalid single-argument block definition: expected "}" after the argument, found ${this.describe()}`, lx.start);
      }
    }
    this.depth--;
    const closeStart = lx.start;
    const closeEnd = lx.tokEnd;
    lx.next();
    const e = lx.type;
    if (e === T.NEWLINE) lx.next();
    else if (e !== T.EOF) this.fail(`Missing newline after block definition: a block definition must end with a newline, found ${this.describe()}`, lx.start);
    return {
      kind: 'block',
      type,
      typeRange: this.rng(typeStart, typeEnd),
      labels,
      labelRanges,
      body: { items, range: this.rng(openStart, closeEnd) },
      range: this.rng(typeStart, closeEnd),
      openBraceRange,
      closeBraceRange: this.rng(closeStart, closeEnd),
    };
  }

  private labelEnd = 0;

  /** A quoted block label: escapes allowed, template sequences not. Leaves the next token scanned. */
  private parseLabelString(): string {
    const lx = this.lx;
    const src = this.src;
    const open = lx.start;
    let i = lx.tokEnd;
    let out = '';
    let run = i;
    for (;;) {
      if (i >= lx.end) this.fail('Unterminated string literal: no closing quote before the end of the file', open);
      const c = src.charCodeAt(i);
      if (c === 34) break;
      if (c === 10 || c === 13) this.fail('Unterminated string literal: a quoted string must be closed on the same line', open);
      if (c === 92) {
        out += src.slice(run, i);
        const [v, len] = this.escape(i);
        out += v;
        i += len;
        run = i;
        continue;
      }
      if ((c === 36 || c === 37) && src.charCodeAt(i + 1) === 123) {
        this.fail(`Invalid string literal: template sequences are not allowed in a block label; to include a literal "${c === 36 ? '$' : '%'}{", double the first character`, i);
      }
      if ((c === 36 || c === 37) && src.charCodeAt(i + 1) === c && src.charCodeAt(i + 2) === 123) {
        out += src.slice(run, i + 1) + '{';
        i += 3;
        run = i;
        continue;
      }
      i++;
    }
    out += src.slice(run, i);
    this.labelEnd = i + 1;
    lx.pos = i + 1;
    lx.next();
    return out;
  }

  /** Decode a backslash escape at `i`; returns the value and the source length. */
  private escape(i: number): [string, number] {
    const src = this.src;
    const d = src.charCodeAt(i + 1);
    switch (d) {
      case 110:
        return ['\n', 2];
      case 114:
        return ['\r', 2];
      case 116:
        return ['\t', 2];
      case 34:
        return ['"', 2];
      case 92:
        return ['\\', 2];
      case 117: // u
      case 85: {
        // U
        const len = d === 117 ? 4 : 8;
        const hex = src.slice(i + 2, i + 2 + len);
        if (hex.length !== len || !/^[0-9a-fA-F]+$/.test(hex))
          this.fail(`Invalid escape sequence: the \\${d === 117 ? 'u' : 'U'} escape sequence must be followed by ${len === 4 ? 'four' : 'eight'} hexadecimal digits`, i);
        const cp = parseInt(hex, 16);
        if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) this.fail(`Invalid escape sequence: cannot encode character U+${hex} in UTF-8`, i);
        return [String.fromCodePoint(cp), 2 + len];
      }
      default:
        if (Number.isNaN(d)) this.fail('Invalid escape sequence: backslash must be followed by an escape sequence selector character', i);
        this.fail(`Invalid escape sequence: "\\${String.fromCharCode(d)}" is not a valid escape sequence`, i);
    }
  }

  // ---- expressions ---------------------------------------------------------------------

  parseExpression(): Expression {
    this.enter(this.lx.start);
    const cond = this.parseBinary(1);
    let result = cond;
    if (this.peek() === T.QUESTION) {
      this.lx.next();
      const then = this.parseExpression();
      if (this.peek() !== T.COLON)
        this.fail(`Missing false expression in conditional: the conditional operator (...?...:...) requires a false expression, delimited by a colon; found ${this.describe()}`, this.lx.start);
      this.lx.next();
      const els = this.parseExpression();
      result = { type: 'conditional', cond, then, else: els, range: { start: cond.range.start, end: els.range.end } };
    }
    this.depth--;
    return result;
  }

  private parseBinary(minPrec: number): Expression {
    let left = this.parseTermWithTraversals();
    for (;;) {
      const t = this.peek();
      const prec = PREC[t];
      if (prec === undefined || prec < minPrec) return left;
      this.lx.next();
      const right = this.parseBinary(prec + 1);
      left = { type: 'binary', op: OPS[t], left, right, range: { start: left.range.start, end: right.range.end } };
    }
  }

  private parseTermWithTraversals(): Expression {
    return this.parseTraversals(this.parseTerm());
  }

  private parseTerm(): Expression {
    const lx = this.lx;
    const t = this.peek();
    const s = lx.start;
    switch (t) {
      case T.LPAREN: {
        const saved = this.ignoreNl;
        this.ignoreNl = true;
        lx.next();
        const expr = this.parseExpression();
        if (this.peek() !== T.RPAREN) this.fail(`Unbalanced parentheses: expected a closing parenthesis to terminate the expression, found ${this.describe()}`, lx.start);
        const e = lx.tokEnd;
        this.ignoreNl = saved;
        lx.next();
        return { type: 'paren', expr, range: this.rng(s, e) };
      }
      case T.NUMBER: {
        const e = lx.tokEnd;
        const value = Number(this.src.slice(s, e));
        lx.next();
        return { type: 'literal', value, range: this.rng(s, e) };
      }
      case T.IDENT: {
        const e = lx.tokEnd;
        const name = this.src.slice(s, e);
        lx.next();
        const n = this.peek();
        if (n === T.LPAREN || n === T.DCOLON) return this.finishCall(name, s, e);
        const range = this.rng(s, e);
        if (name === 'true') return { type: 'literal', value: true, range };
        if (name === 'false') return { type: 'literal', value: false, range };
        if (name === 'null') return { type: 'literal', value: null, range };
        return { type: 'variable', name, range };
      }
      case T.OQUOTE:
        return this.parseTemplate(TM.QUOTED, s);
      case T.OHEREDOC:
        return this.parseTemplate(TM.HEREDOC, s);
      case T.MINUS:
      case T.BANG: {
        this.enter(s);
        lx.next();
        const operand = this.parseTermWithTraversals();
        this.depth--;
        return { type: 'unary', op: t === T.MINUS ? '-' : '!', operand, range: { start: lx.pm.pos(s), end: operand.range.end } };
      }
      case T.LBRACK:
        return this.parseTuple();
      case T.LBRACE:
        return this.parseObject();
      case T.EOF:
        return this.fail('Missing expression: expected the start of an expression, but found the end of the file', s);
      case T.NEWLINE:
        return this.fail('Missing expression: expected the start of an expression, but found a newline', s);
      default:
        return this.fail(`Invalid expression: expected the start of an expression, but found ${this.describe()}`, s);
    }
  }

  private parseTraversals(from: Expression): Expression {
    const lx = this.lx;
    let ret = from;
    for (;;) {
      const t = this.peek();
      if (t === T.DOT) {
        const dotStart = lx.start;
        lx.next();
        const a = this.peek();
        if (a === T.IDENT) {
          ret = { type: 'getattr', object: ret, name: lx.text(), range: { start: ret.range.start, end: lx.pm.pos(lx.tokEnd) } };
          lx.next();
        } else if (a === T.NUMBER) {
          ret = this.legacyIndex(ret);
        } else if (a === T.STAR) {
          const markerEnd = lx.tokEnd;
          lx.next();
          const anonRange = this.rng(dotStart, markerEnd);
          let each: Expression = { type: 'anon', range: anonRange };
          let end = markerEnd;
          while (this.peek() === T.DOT) {
            lx.next();
            const b = this.peek();
            if (b === T.IDENT) {
              end = lx.tokEnd;
              each = { type: 'getattr', object: each, name: lx.text(), range: { start: anonRange.start, end: lx.pm.pos(end) } };
              lx.next();
            } else if (b === T.NUMBER) {
              end = lx.tokEnd;
              each = this.legacyIndex(each);
            } else if (b === T.STAR) {
              this.fail('Nested splat expression not allowed: a splat expression (*) cannot be used inside another attribute-only splat expression', lx.start);
            } else {
              this.fail(`Invalid attribute name: an attribute name is required after a dot, found ${this.describe()}`, lx.start);
            }
          }
          ret = { type: 'splat', source: ret, each, style: 'attr', range: { start: ret.range.start, end: lx.pm.pos(end) } };
        } else {
          this.fail(`Invalid attribute name: an attribute name is required after a dot, found ${this.describe()}`, lx.start);
        }
      } else if (t === T.LBRACK) {
        const open = lx.start;
        lx.next();
        if (this.peek() === T.STAR) {
          lx.next();
          if (this.peek() !== T.RBRACK)
            this.fail(`Missing close bracket on splat index: the star for a full splat operator must be immediately followed by a closing bracket ("]"), found ${this.describe()}`, lx.start);
          const close = lx.tokEnd;
          lx.next();
          const anon: Expression = { type: 'anon', range: this.rng(open, close) };
          this.enter(open);
          const each = this.parseTraversals(anon);
          this.depth--;
          return { type: 'splat', source: ret, each, style: 'full', range: { start: ret.range.start, end: each.range.end } };
        }
        const saved = this.ignoreNl;
        this.ignoreNl = true;
        const key = this.parseExpression();
        if (this.peek() !== T.RBRACK) this.fail(`Missing close bracket on index: the index operator must end with a closing bracket ("]"), found ${this.describe()}`, lx.start);
        const close = lx.tokEnd;
        this.ignoreNl = saved;
        lx.next();
        ret = { type: 'index', object: ret, key, range: { start: ret.range.start, end: lx.pm.pos(close) } };
      } else {
        return ret;
      }
    }
  }

  /** `x.0`: the current token is the number. */
  private legacyIndex(object: Expression): Expression {
    const lx = this.lx;
    const text = lx.text();
    for (let k = 0; k < text.length; k++) {
      const c = text.charCodeAt(k);
      if (c < 48 || c > 57) this.fail(`Invalid legacy index syntax: chaining two indexes together (".${text}") is not permitted; use the proper index syntax instead, like [0][1]`, lx.start);
    }
    const key: Expression = { type: 'literal', value: Number(text), range: this.rng(lx.start, lx.tokEnd) };
    const e = lx.tokEnd;
    lx.next();
    return { type: 'index', object, key, range: { start: object.range.start, end: lx.pm.pos(e) } };
  }

  private finishCall(first: string, s: number, firstEnd: number): Expression {
    const lx = this.lx;
    let name = first;
    let nameEnd = firstEnd;
    while (this.peek() === T.DCOLON) {
      lx.next();
      if (this.peek() !== T.IDENT)
        this.fail(`Missing function name: function scope resolution symbol :: must be followed by a function name in this scope, found ${this.describe()}`, lx.start);
      name += '::' + lx.text();
      nameEnd = lx.tokEnd;
      lx.next();
    }
    if (this.peek() !== T.LPAREN)
      this.fail(`Missing open parenthesis: function selector must be followed by an open parenthesis to begin the function call, found ${this.describe()}`, lx.start);
    const open = lx.start;
    const saved = this.ignoreNl;
    this.ignoreNl = true;
    lx.next();
    const args: Expression[] = [];
    let expandFinal = false;
    for (;;) {
      if (this.peek() === T.RPAREN) break;
      args.push(this.parseExpression());
      const sep = this.peek();
      if (sep === T.RPAREN) break;
      if (sep === T.ELLIPSIS) {
        expandFinal = true;
        lx.next();
        if (this.peek() !== T.RPAREN)
          this.fail('Missing closing parenthesis: an expanded function argument (with ...) must be immediately followed by closing parentheses', lx.start);
        break;
      }
      if (sep === T.COMMA) {
        lx.next();
        continue;
      }
      if (sep === T.EOF) this.fail(`Unterminated function call: there is no closing parenthesis for this call to "${name}" before the end of the file`, open);
      this.fail(`Missing argument separator: a comma is required to separate each function argument from the next, found ${this.describe()}`, lx.start);
    }
    const e = lx.tokEnd;
    this.ignoreNl = saved;
    lx.next();
    return { type: 'call', name, nameRange: this.rng(s, nameEnd), args, expandFinal, range: this.rng(s, e) };
  }

  private parseTuple(): Expression {
    const lx = this.lx;
    const open = lx.start;
    const saved = this.ignoreNl;
    this.ignoreNl = true;
    lx.next();
    if (this.peek() === T.IDENT && this.isKeyword('for')) {
      const r = this.finishFor(open, false);
      this.ignoreNl = saved;
      lx.next();
      return r;
    }
    const items: Expression[] = [];
    for (;;) {
      if (this.peek() === T.RBRACK) break;
      items.push(this.parseExpression());
      const t = this.peek();
      if (t === T.RBRACK) break;
      if (t === T.COMMA) {
        lx.next();
        continue;
      }
      if (t === T.EOF) this.fail('Unterminated tuple constructor expression: there is no corresponding closing bracket before the end of the file', open);
      this.fail(`Missing item separator: expected a comma to mark the beginning of the next item, found ${this.describe()}`, lx.start);
    }
    const e = lx.tokEnd;
    this.ignoreNl = saved;
    lx.next();
    return { type: 'tuple', items, range: this.rng(open, e) };
  }

  private parseObject(): Expression {
    const lx = this.lx;
    const open = lx.start;
    const saved = this.ignoreNl;
    this.ignoreNl = true;
    lx.next();
    if (this.peek() === T.IDENT && this.isKeyword('for')) {
      const r = this.finishFor(open, true);
      this.ignoreNl = saved;
      lx.next();
      return r;
    }
    this.ignoreNl = false;
    const items: ObjectItem[] = [];
    for (;;) {
      let t = lx.type;
      if (t === T.NEWLINE) {
        lx.next();
        continue;
      }
      if (t === T.RBRACE) break;
      if (t === T.EOF) this.fail('Unterminated object constructor expression: there is no corresponding closing brace before the end of the file', open);
      const forceNonLiteral = t === T.LPAREN;
      let key = this.parseExpression();
      if (!forceNonLiteral) {
        if (key.type === 'variable') key = { ...key, bareKey: true };
        else if (key.type === 'literal' && typeof key.value !== 'number') key = { type: 'variable', name: String(key.value), bareKey: true, range: key.range };
      }
      t = lx.type;
      if (t !== T.EQ && t !== T.COLON) {
        if (t === T.NEWLINE || t === T.COMMA) this.fail('Missing attribute value: expected an attribute value, introduced by an equals sign ("=")', lx.start);
        if (t === T.EOF) this.fail('Unterminated object constructor expression: there is no corresponding closing brace before the end of the file', open);
        this.fail(`Missing key/value separator: expected an equals sign ("=") to mark the beginning of the attribute value, found ${this.describe()}`, lx.start);
      }
      lx.next();
      const value = this.parseExpression();
      items.push({ key, value, range: { start: key.range.start, end: value.range.end } });
      t = lx.type;
      if (t === T.RBRACE) break;
      if (t === T.COMMA || t === T.NEWLINE) {
        lx.next();
        continue;
      }
      if (t === T.EOF) this.fail('Unterminated object constructor expression: there is no corresponding closing brace before the end of the file', open);
      this.fail(`Missing attribute separator: expected a newline or comma to mark the beginning of the next attribute, found ${this.describe()}`, lx.start);
    }
    const e = lx.tokEnd;
    this.ignoreNl = saved;
    lx.next();
    return { type: 'object', items, range: this.rng(open, e) };
  }

  /** After `[for` / `{for` (current token is `for`); leaves the closing bracket as the current token. */
  private finishFor(open: number, isObject: boolean): Expression {
    const lx = this.lx;
    const closeType = isObject ? T.RBRACE : T.RBRACK;
    lx.next(); // for
    if (this.peek() !== T.IDENT) this.fail(`Invalid 'for' expression: for expression requires variable name after 'for', found ${this.describe()}`, lx.start);
    let valueVar = lx.text();
    let keyVar: string | undefined;
    lx.next();
    if (this.peek() === T.COMMA) {
      lx.next();
      if (this.peek() !== T.IDENT) this.fail(`Invalid 'for' expression: for expression requires value variable name after comma, found ${this.describe()}`, lx.start);
      keyVar = valueVar;
      valueVar = lx.text();
      lx.next();
    }
    if (!(this.peek() === T.IDENT && this.isKeyword('in')))
      this.fail(`Invalid 'for' expression: for expression requires the 'in' keyword after its name declarations, found ${this.describe()}`, lx.start);
    lx.next();
    const collection = this.parseExpression();
    if (this.peek() !== T.COLON) this.fail(`Invalid 'for' expression: for expression requires a colon after the collection expression, found ${this.describe()}`, lx.start);
    lx.next();
    let keyExpr: Expression | undefined;
    let valueExpr = this.parseExpression();
    if (this.peek() === T.ARROW) {
      if (!isObject) this.fail("Invalid 'for' expression: key expression is not valid when building a tuple", lx.start);
      lx.next();
      keyExpr = valueExpr;
      valueExpr = this.parseExpression();
    }
    let grouping = false;
    if (this.peek() === T.ELLIPSIS) {
      if (!isObject) this.fail("Invalid 'for' expression: grouping ellipsis (...) cannot be used when building a tuple", lx.start);
      grouping = true;
      lx.next();
    }
    let condition: Expression | undefined;
    if (this.peek() === T.IDENT && this.isKeyword('if')) {
      lx.next();
      condition = this.parseExpression();
    }
    if (this.peek() !== closeType) this.fail(`Invalid 'for' expression: extra characters after the end of the 'for' expression, found ${this.describe()}`, lx.start);
    if (isObject && !keyExpr) this.fail("Invalid 'for' expression: key expression is required when building an object (use \"key => value\")", valueExpr.range.start.offset);
    const r: ForExpr = {
      type: 'for',
      isObject,
      valueVar,
      collection,
      valueExpr,
      grouping,
      range: this.rng(open, lx.tokEnd),
    };
    if (keyVar !== undefined) r.keyVar = keyVar;
    if (keyExpr) r.keyExpr = keyExpr;
    if (condition) r.condition = condition;
    return r;
  }

  // ---- templates -----------------------------------------------------------------------

  /** Current token is `"` or a heredoc opener. Leaves the token after the template scanned. */
  private parseTemplate(mode: TM, open: number): TemplateExpr {
    const lx = this.lx;
    this.enter(open);
    const marker = lx.hdMarker;
    const flush = lx.hdFlush;
    const toks: RawTok[] = [];
    const contentStart = lx.tokEnd;
    const end = this.scanTemplate(mode, contentStart, toks, open, marker);
    if (mode === TM.HEREDOC && flush) flushHeredoc(toks);
    const parts = this.buildParts(toks, contentStart);
    this.depth--;
    const expr: TemplateExpr = { type: 'template', parts, range: this.rng(open, end) };
    if (mode === TM.HEREDOC) expr.heredoc = { marker, indented: flush };
    lx.pos = end;
    lx.next();
    return expr;
  }

  parseJsonTemplate(range: Range): TemplateExpr {
    const lx = this.lx;
    const start = lx.pos;
    const toks: RawTok[] = [];
    this.scanTemplate(TM.JSON, start, toks, start, '');
    const parts = this.buildParts(toks, start);
    return { type: 'template', parts, range };
  }

  /**
   * Scan template content from `i` into flat tokens (strip markers applied); returns the
   * offset just past the closing quote / heredoc marker.
   */
  private scanTemplate(mode: TM, i: number, toks: RawTok[], open: number, marker: string): number {
    const lx = this.lx;
    const src = this.src;
    const n = lx.end;
    let buf = '';
    let run = i;
    let litStart = i;
    let ltrimNext = false;
    let atLineStart = mode === TM.HEREDOC;
    const pushLit = (e: number) => {
      let val = buf + src.slice(run, e);
      buf = '';
      if (e > litStart) {
        if (ltrimNext) val = val.trimStart();
        toks.push({ k: 'lit', val, s: litStart, e });
      }
      ltrimNext = false;
    };
    for (;;) {
      if (atLineStart) {
        atLineStart = false;
        // Closing marker: optional spaces/tabs, the marker, then end of line or file.
        let j = i;
        let c = src.charCodeAt(j);
        while (c === 32 || c === 9) c = src.charCodeAt(++j);
        if (src.startsWith(marker, j)) {
          const k = j + marker.length;
          const d = src.charCodeAt(k);
          if (k >= n || d === 10 || (d === 13 && src.charCodeAt(k + 1) === 10)) return k;
        }
      }
      if (i >= n) {
        if (mode === TM.JSON) {
          pushLit(i);
          return i;
        }
        if (mode === TM.HEREDOC) this.fail(`Unterminated template string: no closing marker "${marker}" was found for this heredoc before the end of the file`, open);
        this.fail('Unterminated string literal: no closing quote before the end of the file', open);
      }
      const c = src.charCodeAt(i);
      if (c === 34 && mode === TM.QUOTED) {
        pushLit(i);
        return i + 1;
      }
      if (c === 92 && mode === TM.QUOTED) {
        buf += src.slice(run, i);
        const [v, len] = this.escape(i);
        buf += v;
        i += len;
        run = i;
        continue;
      }
      if (c === 10 || c === 13) {
        if (mode === TM.QUOTED) {
          this.fail('Unterminated string literal: a quoted string must be closed on the same line (use a heredoc or "\\n" for multi-line strings)', open);
        }
        if (mode === TM.HEREDOC) {
          if (c === 13) {
            if (src.charCodeAt(i + 1) !== 10) {
              i++;
              continue;
            }
            // Normalise CRLF to LF in heredoc values.
            buf += src.slice(run, i) + '\n';
            i += 2;
          } else {
            buf += src.slice(run, i + 1);
            i++;
          }
          run = i;
          pushLit(i);
          litStart = i;
          atLineStart = true;
          continue;
        }
        i++;
        continue;
      }
      if (c === 36 || c === 37) {
        const d = src.charCodeAt(i + 1);
        if (d === c && src.charCodeAt(i + 2) === 123) {
          buf += src.slice(run, i + 1) + '{';
          i += 3;
          run = i;
          continue;
        }
        if (d === 123) {
          pushLit(i);
          const r = this.templateSequence(c === 36, i, toks, mode);
          i = r.end;
          ltrimNext = r.stripRight;
          run = litStart = i;
          continue;
        }
      }
      i++;
    }
  }

  /** Parse `${...}` or `%{...}` starting at `s`; the lexer is repositioned and the sequence pushed. */
  private templateSequence(interp: boolean, s: number, toks: RawTok[], mode: TM): { end: number; stripRight: boolean } {
    const lx = this.lx;
    const src = this.src;
    const stripLeft = src.charCodeAt(s + 2) === 126;
    if (stripLeft) {
      const prev = toks[toks.length - 1];
      if (prev && prev.k === 'lit' && prev.e === s) prev.val = prev.val.trimEnd();
    }
    lx.pos = s + (stripLeft ? 3 : 2);
    const saved = this.ignoreNl;
    this.ignoreNl = true;
    lx.next();
    let tok: RawTok;
    if (interp) {
      const expr = this.parseExpression();
      this.expectSeqEnd(s, mode, true, '');
      tok = { k: 'interp', expr, sl: stripLeft, sr: lx.type === T.STRIP_RBRACE, s, e: lx.tokEnd };
    } else {
      if (this.peek() !== T.IDENT)
        this.fail(`Invalid template directive: a template directive keyword ("if", "for", etc) is expected at the beginning of a %{ sequence, found ${this.describe()}`, lx.start);
      const kw = lx.text();
      const kwStart = lx.start;
      lx.next();
      switch (kw) {
        case 'if': {
          const cond = this.parseExpression();
          this.expectSeqEnd(s, mode, false, kw);
          tok = { k: 'if', cond, s, e: lx.tokEnd };
          break;
        }
        case 'else':
        case 'endif':
        case 'endfor':
          this.expectSeqEnd(s, mode, false, kw);
          tok = { k: kw, s, e: lx.tokEnd };
          break;
        case 'for': {
          if (this.peek() !== T.IDENT) this.fail(`Invalid 'for' directive: for directive requires variable name after 'for', found ${this.describe()}`, lx.start);
          let valueVar = lx.text();
          let keyVar: string | undefined;
          lx.next();
          if (this.peek() === T.COMMA) {
            lx.next();
            if (this.peek() !== T.IDENT) this.fail(`Invalid 'for' directive: for directive requires value variable name after comma, found ${this.describe()}`, lx.start);
            keyVar = valueVar;
            valueVar = lx.text();
            lx.next();
          }
          if (!(this.peek() === T.IDENT && this.isKeyword('in'))) this.fail(`Invalid 'for' directive: for directive requires 'in' keyword after names, found ${this.describe()}`, lx.start);
          lx.next();
          const coll = this.parseExpression();
          this.expectSeqEnd(s, mode, false, kw);
          tok = keyVar !== undefined ? { k: 'for', keyVar, valueVar, coll, s, e: lx.tokEnd } : { k: 'for', valueVar, coll, s, e: lx.tokEnd };
          break;
        }
        default:
          this.fail(`Invalid template control keyword: "${kw}" is not a valid template control keyword (expected if, else, endif, for or endfor)`, kwStart);
      }
    }
    const stripRight = lx.type === T.STRIP_RBRACE;
    this.ignoreNl = saved;
    toks.push(tok);
    // Do not scan further: template scanning resumes right after the closing brace.
    return { end: lx.tokEnd, stripRight };
  }

  private expectSeqEnd(s: number, mode: TM, interp: boolean, kw: string): void {
    const t = this.peek();
    if (t === T.RBRACE || t === T.STRIP_RBRACE) return;
    const lx = this.lx;
    if (t === T.EOF || (t === T.OQUOTE && mode === TM.QUOTED))
      this.fail(`Unclosed template ${interp ? 'interpolation' : 'directive'} sequence: there is no closing brace for this sequence before the end of the ${t === T.EOF ? 'file' : 'quoted template'}`, s);
    if (interp)
      this.fail(
        `Extra characters after interpolation expression: expected a closing brace to end the interpolation expression, found ${this.describe()} (to write a literal "\${", escape it as "$\${")`,
        lx.start,
      );
    this.fail(`Extra characters in ${kw} marker: expected a closing brace to end the sequence, found ${this.describe()}`, lx.start);
  }

  /** Meld literals and nest if/for directives. */
  private buildParts(toks: RawTok[], contentStart: number): TemplatePart[] {
    // Meld consecutive literals.
    const melded: RawTok[] = [];
    for (const t of toks) {
      const prev = melded[melded.length - 1];
      if (t.k === 'lit' && prev && prev.k === 'lit') melded[melded.length - 1] = { k: 'lit', val: prev.val + t.val, s: prev.s, e: t.e };
      else melded.push(t);
    }
    if (melded.length === 0) return [{ type: 'literal', value: '', range: this.rng(contentStart, contentStart) }];
    let idx = 0;
    const build = (until: 'top' | 'if' | 'for', openTok?: RawTok): { parts: TemplatePart[]; stop?: RawTok } => {
      const parts: TemplatePart[] = [];
      while (idx < melded.length) {
        const t = melded[idx++];
        switch (t.k) {
          case 'lit':
            parts.push({ type: 'literal', value: t.val, range: this.rng(t.s, t.e) });
            break;
          case 'interp':
            parts.push({ type: 'interpolation', expr: t.expr, stripLeft: t.sl, stripRight: t.sr, range: this.rng(t.s, t.e) });
            break;
          case 'if': {
            const thenR = build('if', t);
            let elseParts: TemplatePart[] | undefined;
            let stop = thenR.stop!;
            if (stop.k === 'else') {
              const elseR = build('if', t);
              if (elseR.stop!.k === 'else') this.fail('Unexpected else directive: already in the else clause for this if', elseR.stop!.s);
              elseParts = elseR.parts;
              stop = elseR.stop!;
            }
            const part: TemplateIf = { type: 'if', cond: t.cond, then: thenR.parts, range: this.rng(t.s, stop.e) };
            if (elseParts) part.else = elseParts;
            parts.push(part);
            break;
          }
          case 'for': {
            const r = build('for', t);
            const part: TemplateFor = { type: 'for', valueVar: t.valueVar, collection: t.coll, body: r.parts, range: this.rng(t.s, r.stop!.e) };
            if (t.keyVar !== undefined) part.keyVar = t.keyVar;
            parts.push(part);
            break;
          }
          case 'else':
          case 'endif':
            if (until === 'if') return { parts, stop: t };
            this.fail(`Unexpected ${t.k} directive: there is no matching if directive`, t.s);
          // eslint-disable-next-line no-fallthrough
          case 'endfor':
            if (until === 'for') return { parts, stop: t };
            this.fail(`Unexpected endfor directive: there is no matching for directive`, t.s);
        }
      }
      if (until !== 'top') this.fail(`Unexpected end of template: the ${until} directive is missing its corresponding end${until} directive`, openTok!.s);
      return { parts };
    };
    return build('top').parts;
  }
}

/**
 * `<<-` heredocs: find the line with the fewest leading whitespace characters (lines that are
 * only whitespace are ignored) and remove that many characters from the start of every line,
 * as hashicorp/hcl does on the literal tokens (so interpolated values do not count).
 */
function flushHeredoc(toks: RawTok[]): void {
  let min = Infinity;
  let newline = true;
  const adjust: Array<RawTok & { k: 'lit' }> = [];
  for (const t of toks) {
    if (newline) {
      newline = false;
      let spaces = 0;
      if (t.k === 'lit') {
        const trimmed = t.val.trimStart();
        if (trimmed.length === 0 && t.val.endsWith('\n')) spaces = Infinity;
        else {
          spaces = t.val.length - trimmed.length;
          adjust.push(t);
        }
      }
      if (spaces < min) min = spaces;
    }
    if (t.k === 'lit' && t.val.endsWith('\n')) newline = true;
  }
  if (min === Infinity || min === 0) return;
  for (const t of adjust) {
    t.val = t.val.slice(min);
    t.s += min;
  }
}
