/**
 * The one JSON parser of Palisade: strict RFC 8259, one pass over char codes, every value
 * and key delivered with its offsets to a builder that makes the consumer's shape (the
 * positioned tree of tree.ts, or plain values for large plans). Errors carry the offset of
 * the offending character; depth is limited so hostile nesting cannot overflow the stack.
 *
 * Offsets are 0-based UTF-16 offsets into the text (a leading byte order mark is skipped,
 * nowhere else is one accepted). Values are exactly those of `JSON.parse`: strings with
 * escapes are decoded by it, numbers by `Number` (so `1e400` is Infinity and `-0` is -0).
 */

/** Most levels of nested arrays and objects. */
export const MAX_JSON_DEPTH = 500;

/** A syntax error at `offset`; consumers turn it into a diagnostic with their file and code. */
export class JsonSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly offset: number,
  ) {
    super(reason);
    this.name = 'JsonSyntaxError';
  }
}

/** Receives values as they are parsed (V: a value, O: an object being filled, A: an array). */
export interface JsonBuilder<V, O, A> {
  string(value: string, start: number, end: number): V;
  number(value: number, start: number, end: number): V;
  literal(value: boolean | null, start: number, end: number): V;
  object(start: number): O;
  member(obj: O, key: string, keyStart: number, keyEnd: number, value: V): void;
  endObject(obj: O, start: number, end: number): V;
  array(start: number): A;
  item(arr: A, value: V): void;
  endArray(arr: A, start: number, end: number): V;
}

function isWs(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** First offset at or after i that is not JSON whitespace. */
export function skipWs(t: string, i: number): number {
  while (isWs(t.charCodeAt(i))) i++;
  return i;
}

/** Offset where parsing starts: past a byte order mark, if any. */
export function textStart(t: string): number {
  return t.charCodeAt(0) === 0xfeff ? 1 : 0;
}

/**
 * A JSON parser for one kind of builder. Each call makes a fresh copy of the parser's code,
 * so V8 keeps separate type feedback per consumer and the builder calls stay monomorphic
 * (inlinable). Call it once per builder type, at module level, and reuse the result.
 */
export function jsonParser<V, O, A>(): (text: string, builder: JsonBuilder<V, O, A>) => V {
  class Parser {
    i: number;
    depth = 0;

    constructor(
      readonly t: string,
      readonly b: JsonBuilder<V, O, A>,
      start: number,
    ) {
      this.i = start;
    }

    fail(reason: string, at: number): never {
      throw new JsonSyntaxError(reason, at);
    }

    /** `'x'` for the character at `at`, or `end of file`. */
    describe(at: number): string {
      const t = this.t;
      if (at >= t.length) return 'end of file';
      const c = t.codePointAt(at)!;
      return c < 0x20 ? `'\\u${c.toString(16).padStart(4, '0')}'` : `'${String.fromCodePoint(c)}'`;
    }

    ws(): void {
      const t = this.t;
      let i = this.i;
      while (isWs(t.charCodeAt(i))) i++;
      this.i = i;
    }

    value(): V {
      const t = this.t;
      const start = this.i;
      const c = t.charCodeAt(start);
      switch (c) {
        case 123:
          return this.object();
        case 91:
          return this.array();
        case 34: {
          const s = this.string();
          return this.b.string(s, start, this.i);
        }
        case 116:
          return this.word('true', true);
        case 102:
          return this.word('false', false);
        case 110:
          return this.word('null', null);
        default:
          if (c === 45 || (c >= 48 && c <= 57)) return this.number();
          return this.fail(`unexpected ${this.describe(start)}: expected a JSON value`, start);
      }
    }

    word(w: string, v: boolean | null): V {
      const start = this.i;
      if (!this.t.startsWith(w, start)) this.fail(`unexpected ${this.describe(start)}: expected a JSON value`, start);
      this.i = start + w.length;
      return this.b.literal(v, start, this.i);
    }

    number(): V {
      const t = this.t;
      const start = this.i;
      let i = start;
      if (t.charCodeAt(i) === 45) i++;
      let from = i;
      while (t.charCodeAt(i) >= 48 && t.charCodeAt(i) <= 57) i++;
      if (i === from) this.fail('invalid number', i);
      // no leading zeros: `01` stops after the `0`, and the caller reports the `1`
      if (t.charCodeAt(from) === 48 && i > from + 1) i = from + 1;
      if (t.charCodeAt(i) === 46) {
        from = ++i;
        while (t.charCodeAt(i) >= 48 && t.charCodeAt(i) <= 57) i++;
        if (i === from) this.fail('invalid number: digits expected after the decimal point', i);
      }
      let c = t.charCodeAt(i);
      if (c === 101 || c === 69) {
        c = t.charCodeAt(++i);
        if (c === 43 || c === 45) i++;
        from = i;
        while (t.charCodeAt(i) >= 48 && t.charCodeAt(i) <= 57) i++;
        if (i === from) this.fail('invalid number: digits expected in the exponent', i);
      }
      this.i = i;
      return this.b.number(Number(t.slice(start, i)), start, i);
    }

    /** The string starting at this.i (a `"`), decoded; this.i ends past the closing quote. */
    string(): string {
      const t = this.t;
      const start = this.i;
      let i = start + 1;
      let escaped = false;
      for (;;) {
        const c = t.charCodeAt(i);
        if (c === 34) break;
        if (c === 92) {
          escaped = true;
          const e = t.charCodeAt(i + 1);
          if (e === 117) {
            for (let k = i + 2; k < i + 6; k++) {
              const h = t.charCodeAt(k);
              if (!((h >= 48 && h <= 57) || (h >= 65 && h <= 70) || (h >= 97 && h <= 102))) this.fail('invalid \\u escape in string: four hexadecimal digits expected', i);
            }
            i += 6;
            continue;
          }
          if (!(e === 34 || e === 92 || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116)) this.fail('invalid escape in string', i);
          i += 2;
          continue;
        }
        if (c < 32) this.fail('control character in string (unterminated string?)', i);
        if (c !== c) this.fail('unterminated string', start); // NaN: end of text
        i++;
      }
      this.i = i + 1;
      // escapes were checked above, so JSON.parse decodes exactly what JSON.parse would
      return escaped ? (JSON.parse(t.slice(start, i + 1)) as string) : t.slice(start + 1, i);
    }

    enter(at: number): void {
      if (++this.depth > MAX_JSON_DEPTH) this.fail(`Nesting too deep: arrays and objects nesting deeper than ${MAX_JSON_DEPTH} levels`, at);
    }

    object(): V {
      const t = this.t;
      const b = this.b;
      const start = this.i;
      this.enter(start);
      this.i++;
      const obj = b.object(start);
      this.ws();
      if (t.charCodeAt(this.i) !== 125) {
        for (;;) {
          const ks = this.i;
          if (t.charCodeAt(ks) !== 34) this.fail(`unexpected ${this.describe(ks)}: expected a property name in double quotes`, ks);
          const key = this.string();
          const ke = this.i;
          this.ws();
          if (t.charCodeAt(this.i) !== 58) this.fail(`unexpected ${this.describe(this.i)}: expected ':' after a property name`, this.i);
          this.i++;
          this.ws();
          b.member(obj, key, ks, ke, this.value());
          this.ws();
          const c = t.charCodeAt(this.i);
          if (c === 44) {
            this.i++;
            this.ws();
            continue;
          }
          if (c === 125) break;
          this.fail(`unexpected ${this.describe(this.i)}: expected ',' or '}' in an object`, this.i);
        }
      }
      this.depth--;
      return b.endObject(obj, start, ++this.i);
    }

    array(): V {
      const t = this.t;
      const b = this.b;
      const start = this.i;
      this.enter(start);
      this.i++;
      const arr = b.array(start);
      this.ws();
      if (t.charCodeAt(this.i) !== 93) {
        for (;;) {
          b.item(arr, this.value());
          this.ws();
          const c = t.charCodeAt(this.i);
          if (c === 44) {
            this.i++;
            this.ws();
            continue;
          }
          if (c === 93) break;
          this.fail(`unexpected ${this.describe(this.i)}: expected ',' or ']' in an array`, this.i);
        }
      }
      this.depth--;
      return b.endArray(arr, start, ++this.i);
    }
  }

  /** Parses a whole JSON text (one value, surrounded by whitespace). Throws JsonSyntaxError. */
  return (text, builder) => {
    const p = new Parser(text, builder, textStart(text));
    p.ws();
    const v = p.value();
    p.ws();
    if (p.i < text.length) p.fail(`unexpected ${p.describe(p.i)} after the end of the JSON document`, p.i);
    return v;
  };
}

/**
 * End of the value starting at `i` in text already parsed successfully (no validation): a
 * lexical skip, used to find ranges on demand without building anything.
 */
export function valueEnd(t: string, i: number): number {
  const c = t.charCodeAt(i);
  if (c === 34) return stringEnd(t, i);
  if (c === 123 || c === 91) {
    let depth = 0;
    for (;;) {
      const d = t.charCodeAt(i);
      if (d === 34) {
        i = stringEnd(t, i);
        continue;
      }
      if (d === 123 || d === 91) depth++;
      else if (d === 125 || d === 93) {
        if (--depth === 0) return i + 1;
      } else if (d !== d) return i;
      i++;
    }
  }
  while (i < t.length) {
    const d = t.charCodeAt(i);
    if (d === 44 || d === 125 || d === 93 || isWs(d)) break;
    i++;
  }
  return i;
}

/** End (past the closing quote) of the string starting at `i`, in text already parsed. */
export function stringEnd(t: string, i: number): number {
  i++;
  for (;;) {
    const q = t.indexOf('"', i);
    if (q === -1) return t.length;
    let bs = 0;
    for (let j = q - 1; t.charCodeAt(j) === 92; j--) bs++;
    if (bs % 2 === 0) return q + 1;
    i = q + 1;
  }
}
