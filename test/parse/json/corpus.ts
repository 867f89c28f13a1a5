/**
 * A seeded corpus of tricky JSON texts: escapes (every short escape, `\u` with surrogate
 * pairs and lone surrogates, raw non-ASCII), numbers (`-0`, exponents, beyond 2^53, 1e400),
 * nesting, and every kind of JSON whitespace (CRLF included) placed everywhere it may go.
 */
export { rng } from '../../../bench/corpus.js';

const NUMBERS = ['0', '-0', '1', '-1', '10', '0.5', '-0.0', '1e3', '1E+3', '2.5e-3', '-12.75E2', '9007199254740993', '-9007199254740993', '123456789012345678901234567890', '1e400', '-1e400', '1e-400', '0.1', '0.30000000000000004', '5e-324', '1.7976931348623157e308'];
const PIECES = ['a', 'Z', ' ', '${var.x}', '%{ if c }', 'é', '😀', '\u2028', '\u2029', '/', '#', ': ', '!Ref', '&x', '*y', '{', '}', '[', ']', ',', "'"];
const ESCAPES = ['\\"', '\\\\', '\\/', '\\b', '\\f', '\\n', '\\r', '\\t', '\\u0000', '\\u001f', '\\u00e9', '\\u00E9', '\\u2028', '\\ud83d\\ude00', '\\uD83D\\uDE00', '\\ud800', '\\udc00x', '\\u0041'];
const WS = ['', '', '', ' ', '  ', '\n', '\r\n', '\t', ' \n\t ', '\r'];

export function jsonString(r: () => number): string {
  let s = '"';
  const n = Math.floor(r() * 6);
  for (let i = 0; i < n; i++) s += r() < 0.5 ? PIECES[Math.floor(r() * PIECES.length)] : ESCAPES[Math.floor(r() * ESCAPES.length)];
  return s + '"';
}

/** One JSON text; `depth` bounds the nesting; with `uniqueKeys`, no object repeats a key. */
export function jsonText(r: () => number, depth: number, uniqueKeys = false): string {
  const ws = () => WS[Math.floor(r() * WS.length)];
  const value = (d: number): string => {
    const k = r();
    if (d > 0 && k < 0.25) {
      const n = Math.floor(r() * 5);
      const seen = new Set<string>();
      const key = (): string => {
        const k = jsonString(r);
        const decoded = JSON.parse(k) as string;
        if (uniqueKeys && seen.has(decoded)) return key();
        seen.add(decoded);
        return k;
      };
      const members = Array.from({ length: n }, () => ws() + key() + ws() + ':' + ws() + value(d - 1) + ws());
      return '{' + (members.join(',') || ws()) + '}';
    }
    if (d > 0 && k < 0.45) {
      const n = Math.floor(r() * 5);
      const items = Array.from({ length: n }, () => ws() + value(d - 1) + ws());
      return '[' + (items.join(',') || ws()) + ']';
    }
    if (k < 0.7) return jsonString(r);
    if (k < 0.9) return NUMBERS[Math.floor(r() * NUMBERS.length)];
    return ['true', 'false', 'null'][Math.floor(r() * 3)];
  };
  return ws() + value(depth) + ws();
}

/** `text` broken in one place: a character removed, replaced or inserted, or the text cut. */
export function mutate(r: () => number, text: string): string {
  const at = Math.floor(r() * (text.length + 1));
  const junk = ['}', ']', ',', ':', '"', '\\', 'x', '0', '-', '.', 'e', '\n', '\u0001', '\u00a0', '\ufeff', '/', '{', '['][Math.floor(r() * 18)];
  const k = r();
  if (k < 0.25) return text.slice(0, at) + text.slice(at + 1);
  if (k < 0.5) return text.slice(0, at) + junk + text.slice(at + 1);
  if (k < 0.85) return text.slice(0, at) + junk + text.slice(at);
  return text.slice(0, at);
}
