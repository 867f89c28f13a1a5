/**
 * Hand-written scanner for HCL native syntax (normal, non-template mode).
 *
 * Works over char codes with one token of lookahead (`type`/`start`/`tokEnd`); the parser
 * drives template scanning itself by moving `pos` directly (see parser.ts), which is why
 * the lexer never scans more than the current token.
 *
 * Positions: lines are 1-based, split at `\n` (a `\r\n` pair counts as one line break);
 * columns are 1-based and count UTF-16 code units (JavaScript string indexes) + 1, so an
 * astral character such as an emoji advances the column by 2. Offsets are 0-based UTF-16
 * indexes into the original text. A leading UTF-8 BOM (U+FEFF) is skipped: it has offset 0
 * and the first real character is reported at line 1, column 1, offset 1.
 */
import { SourceError } from '../../model/diagnostics.js';
import type { Comment } from './ast.js';
import type { Pos, Range } from '../../model/source.js';

export const enum T {
  EOF,
  NEWLINE,
  IDENT,
  NUMBER,
  OQUOTE,
  OHEREDOC,
  LBRACE,
  RBRACE,
  LBRACK,
  RBRACK,
  LPAREN,
  RPAREN,
  EQ,
  COLON,
  COMMA,
  DOT,
  ELLIPSIS,
  QUESTION,
  ARROW,
  BANG,
  MINUS,
  PLUS,
  STAR,
  SLASH,
  PERCENT,
  EQEQ,
  NEQ,
  LT,
  LE,
  GT,
  GE,
  AND,
  OR,
  DCOLON,
  /** `~}`: the end of a template sequence with a strip marker. */
  STRIP_RBRACE,
}

export const TOKEN_NAMES: Record<number, string> = {
  [T.EOF]: 'end of file',
  [T.NEWLINE]: 'newline',
  [T.IDENT]: 'identifier',
  [T.NUMBER]: 'number',
  [T.OQUOTE]: '"',
  [T.OHEREDOC]: 'heredoc',
  [T.LBRACE]: '{',
  [T.RBRACE]: '}',
  [T.LBRACK]: '[',
  [T.RBRACK]: ']',
  [T.LPAREN]: '(',
  [T.RPAREN]: ')',
  [T.EQ]: '=',
  [T.COLON]: ':',
  [T.COMMA]: ',',
  [T.DOT]: '.',
  [T.ELLIPSIS]: '...',
  [T.QUESTION]: '?',
  [T.ARROW]: '=>',
  [T.BANG]: '!',
  [T.MINUS]: '-',
  [T.PLUS]: '+',
  [T.STAR]: '*',
  [T.SLASH]: '/',
  [T.PERCENT]: '%',
  [T.EQEQ]: '==',
  [T.NEQ]: '!=',
  [T.LT]: '<',
  [T.LE]: '<=',
  [T.GT]: '>',
  [T.GE]: '>=',
  [T.AND]: '&&',
  [T.OR]: '||',
  [T.DCOLON]: '::',
  [T.STRIP_RBRACE]: '~}',
};

/** Maps offsets to positions. */
export interface PosMapper {
  pos(offset: number): Pos;
}

/** Line-start table of a whole file. */
export class LineTable implements PosMapper {
  readonly starts: number[];
  private last = 0;

  constructor(text: string) {
    const starts = [text.charCodeAt(0) === 0xfeff ? 1 : 0];
    let i = text.indexOf('\n');
    while (i !== -1) {
      starts.push(i + 1);
      i = text.indexOf('\n', i + 1);
    }
    this.starts = starts;
  }

  pos(offset: number): Pos {
    const starts = this.starts;
    let line = this.last;
    // Offsets mostly grow: try the cached line and the next one before searching.
    if (!(starts[line] <= offset && (line + 1 >= starts.length || starts[line + 1] > offset))) {
      if (line + 1 < starts.length && starts[line + 1] <= offset && (line + 2 >= starts.length || starts[line + 2] > offset)) {
        line++;
      } else {
        let lo = 0;
        let hi = starts.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (starts[mid] <= offset) lo = mid;
          else hi = mid - 1;
        }
        line = lo;
      }
      this.last = line;
    }
    const col = offset - starts[line];
    return { line: line + 1, column: col < 0 ? 1 : col + 1, offset };
  }
}

/** Positions in a decoded string (e.g. a JSON string with escapes) mapped back into the file. */
export class MappedPos implements PosMapper {
  constructor(
    private readonly map: ArrayLike<number>,
    private readonly base: PosMapper,
  ) {}
  pos(offset: number): Pos {
    const m = this.map;
    const o = offset < m.length ? m[offset] : m[m.length - 1];
    return this.base.pos(o);
  }
}

const ID_START_RE = /[\p{ID_Start}]/u;
const ID_CONTINUE_RE = /[\p{ID_Continue}]/u;

export function isIdentStart(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
  return ID_START_RE.test(String.fromCharCode(c)) || (c >= 0xd800 && c <= 0xdbff);
}

export function isIdentPart(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45;
  return ID_CONTINUE_RE.test(String.fromCharCode(c)) || (c >= 0xd800 && c <= 0xdfff);
}

export class Lexer {
  /** Current token. */
  type: T = T.EOF;
  start = 0;
  tokEnd = 0;
  /** Scan position (just after the current token). */
  pos: number;
  /** For an OHEREDOC token: the marker and whether it is `<<-`. */
  hdMarker = '';
  hdFlush = false;

  constructor(
    readonly src: string,
    readonly path: string,
    readonly pm: PosMapper,
    readonly comments: Comment[],
    start = 0,
    readonly end = src.length,
  ) {
    this.pos = start;
  }

  range(s: number, e: number): Range {
    return { start: this.pm.pos(s), end: this.pm.pos(e) };
  }

  fail(message: string, offset: number): never {
    const p = this.pm.pos(offset);
    throw new SourceError(message, this.path, p.line, p.column, 'hcl-syntax');
  }

  text(): string {
    return this.src.slice(this.start, this.tokEnd);
  }

  /** Scan the next token. */
  next(): void {
    const s = this.src;
    const n = this.end;
    let i = this.pos;
    for (;;) {
      if (i >= n) {
        this.type = T.EOF;
        this.start = this.tokEnd = this.pos = n;
        return;
      }
      const c = s.charCodeAt(i);
      this.start = i;
      switch (c) {
        case 32:
        case 9:
          i++;
          continue;
        case 13:
          if (s.charCodeAt(i + 1) === 10) return this.tok(T.NEWLINE, i + 2);
          return this.fail('Invalid character: a carriage return must be followed by a line feed', i);
        case 10:
          return this.tok(T.NEWLINE, i + 1);
        case 35: // #
          i = this.lineComment(i);
          continue;
        case 47: {
          // /
          const d = s.charCodeAt(i + 1);
          if (d === 47) {
            i = this.lineComment(i);
            continue;
          }
          if (d === 42) {
            const close = s.indexOf('*/', i + 2);
            if (close === -1 || close + 2 > n) this.fail('Unterminated comment: no closing "*/" before the end of the file', i);
            this.comments.push({ text: s.slice(i, close + 2), range: this.range(i, close + 2) });
            i = close + 2;
            continue;
          }
          return this.tok(T.SLASH, i + 1);
        }
        case 34:
          return this.tok(T.OQUOTE, i + 1);
        case 123:
          return this.tok(T.LBRACE, i + 1);
        case 125:
          return this.tok(T.RBRACE, i + 1);
        case 91:
          return this.tok(T.LBRACK, i + 1);
        case 93:
          return this.tok(T.RBRACK, i + 1);
        case 40:
          return this.tok(T.LPAREN, i + 1);
        case 41:
          return this.tok(T.RPAREN, i + 1);
        case 44:
          return this.tok(T.COMMA, i + 1);
        case 63:
          return this.tok(T.QUESTION, i + 1);
        case 43:
          return this.tok(T.PLUS, i + 1);
        case 45:
          return this.tok(T.MINUS, i + 1);
        case 42:
          return this.tok(T.STAR, i + 1);
        case 37:
          return this.tok(T.PERCENT, i + 1);
        case 46: // .
          if (s.charCodeAt(i + 1) === 46 && s.charCodeAt(i + 2) === 46) return this.tok(T.ELLIPSIS, i + 3);
          return this.tok(T.DOT, i + 1);
        case 58: // :
          if (s.charCodeAt(i + 1) === 58) return this.tok(T.DCOLON, i + 2);
          return this.tok(T.COLON, i + 1);
        case 61: {
          // =
          const d = s.charCodeAt(i + 1);
          if (d === 61) return this.tok(T.EQEQ, i + 2);
          if (d === 62) return this.tok(T.ARROW, i + 2);
          return this.tok(T.EQ, i + 1);
        }
        case 33: // !
          if (s.charCodeAt(i + 1) === 61) return this.tok(T.NEQ, i + 2);
          return this.tok(T.BANG, i + 1);
        case 62: // >
          if (s.charCodeAt(i + 1) === 61) return this.tok(T.GE, i + 2);
          return this.tok(T.GT, i + 1);
        case 60: // <
          if (s.charCodeAt(i + 1) === 60) return this.heredocOpener(i);
          if (s.charCodeAt(i + 1) === 61) return this.tok(T.LE, i + 2);
          return this.tok(T.LT, i + 1);
        case 38: // &
          if (s.charCodeAt(i + 1) === 38) return this.tok(T.AND, i + 2);
          return this.fail('Invalid character "&": did you mean "&&"?', i);
        case 124: // |
          if (s.charCodeAt(i + 1) === 124) return this.tok(T.OR, i + 2);
          return this.fail('Invalid character "|": did you mean "||"?', i);
        case 126: // ~
          if (s.charCodeAt(i + 1) === 125) return this.tok(T.STRIP_RBRACE, i + 2);
          return this.fail('Invalid character "~": a strip marker must be followed by "}"', i);
        default:
          if (c >= 48 && c <= 57) return this.number(i);
          if (isIdentStart(c)) {
            let j = i + 1;
            while (j < n && isIdentPart(s.charCodeAt(j))) j++;
            return this.tok(T.IDENT, j);
          }
          if (c === 0xfeff && i === 0) {
            i++;
            continue;
          }
          if (c === 0xa0 || c === 0x0c || c === 0x0b) {
            i++;
            continue;
          }
          return this.fail(`Invalid character ${JSON.stringify(String.fromCodePoint(s.codePointAt(i)!))}: this character is not used within the language`, i);
      }
    }
  }

  private tok(type: T, end: number): void {
    this.type = type;
    this.tokEnd = end;
    this.pos = end;
  }

  private lineComment(i: number): number {
    const s = this.src;
    let j = s.indexOf('\n', i);
    if (j === -1 || j > this.end) j = this.end;
    let e = j;
    if (e > i && s.charCodeAt(e - 1) === 13) e--;
    this.comments.push({ text: s.slice(i, e), range: this.range(i, e) });
    return e;
  }

  private number(i: number): void {
    const s = this.src;
    const n = this.end;
    let j = i + 1;
    let c = s.charCodeAt(j);
    while (j < n && c >= 48 && c <= 57) c = s.charCodeAt(++j);
    if (c === 46) {
      const d = s.charCodeAt(j + 1);
      if (d >= 48 && d <= 57) {
        j += 2;
        c = s.charCodeAt(j);
        while (j < n && c >= 48 && c <= 57) c = s.charCodeAt(++j);
      }
    }
    if (c === 101 || c === 69) {
      let k = j + 1;
      let d = s.charCodeAt(k);
      if (d === 43 || d === 45) d = s.charCodeAt(++k);
      if (d >= 48 && d <= 57) {
        while (k < n && d >= 48 && d <= 57) d = s.charCodeAt(++k);
        j = k;
      }
    }
    this.tok(T.NUMBER, j);
  }

  private heredocOpener(i: number): void {
    const s = this.src;
    let j = i + 2;
    let flush = false;
    if (s.charCodeAt(j) === 45) {
      flush = true;
      j++;
    }
    const ms = j;
    if (!isIdentStart(s.charCodeAt(j))) this.fail('Invalid heredoc introducer: "<<" must be followed by an identifier marker, like <<EOT', i);
    j++;
    while (j < this.end && isIdentPart(s.charCodeAt(j))) j++;
    const marker = s.slice(ms, j);
    if (s.charCodeAt(j) === 13 && s.charCodeAt(j + 1) === 10) j += 2;
    else if (s.charCodeAt(j) === 10) j++;
    else this.fail(`Invalid heredoc introducer: the marker "${marker}" must be followed immediately by a newline`, j);
    this.hdMarker = marker;
    this.hdFlush = flush;
    this.tok(T.OHEREDOC, j);
  }
}
