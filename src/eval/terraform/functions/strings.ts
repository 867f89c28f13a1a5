/** String functions (grapheme-aware where Terraform is: length, substr, strrev, format widths). */
import { format, formatList } from './format.js';
import { allMatches, compileRE2, expandTemplate, firstMatch, type CompiledRegex } from './regex.js';
import type { FnTable } from './registry.js';
import {
  asList,
  checkList,
  checkString,
  FunctionError,
  graphemes,
  hasUnknown,
  isUnknown,
  makeObject,
  MAX_STRING,
  toInt,
  toStr,
  UNKNOWN,
} from './values.js';

/** Go's unicode.IsSpace: \t \n \v \f \r, space, U+0085, U+00A0 and the Z categories. */
const SPACE_START = /^[\t\n\v\f\r \u0085\p{Z}]+/u;
const SPACE_END = /[\t\n\v\f\r \u0085\p{Z}]+$/u;

function codePoints(s: string): string[] {
  return Array.from(s);
}

/** Go's strings.Title word-boundary rule. */
function isSeparator(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  if (c < 0x80) return !/[A-Za-z0-9_]/.test(ch);
  if (/[\p{L}\p{N}]/u.test(ch)) return false;
  return /[\p{Z}\t\n\v\f\r\u0085]/u.test(ch);
}

/*
 * Case mapping as Go's strings.ToUpper/ToLower/Title: one code point at a time with the
 * simple Unicode mappings, never JavaScript's full ones ("ß" stays "ß", not "SS"; "ﬁ"
 * stays "ﬁ"; "İ" lowers to "i", not "i̇"; no final-sigma context).
 */
const ASCII = /^[\x00-\x7f]*$/;

function upperRune(ch: string): string {
  const u = ch.toUpperCase();
  // several code points: a full mapping only, the simple mapping is the character itself
  return Array.from(u).length === 1 ? u : ch;
}

function lowerRune(ch: string): string {
  const l = ch.toLowerCase();
  // only U+0130 "İ" has a multi-character lower case; its simple mapping is the first
  return Array.from(l)[0] ?? ch;
}

/** Title case differs from upper case for the Latin digraphs and Georgian Mkhedruli letters. */
const TITLE_DIGRAPH: Record<string, string> = { Ǆ: 'ǅ', ǅ: 'ǅ', ǆ: 'ǅ', Ǉ: 'ǈ', ǈ: 'ǈ', ǉ: 'ǈ', Ǌ: 'ǋ', ǋ: 'ǋ', ǌ: 'ǋ', Ǳ: 'ǲ', ǲ: 'ǲ', ǳ: 'ǲ' };

function titleRune(ch: string): string {
  if (TITLE_DIGRAPH[ch]) return TITLE_DIGRAPH[ch];
  const c = ch.codePointAt(0)!;
  if ((c >= 0x10d0 && c <= 0x10fa) || (c >= 0x10fd && c <= 0x10ff)) return ch;
  return upperRune(ch);
}

function goUpper(s: string): string {
  return ASCII.test(s) ? s.toUpperCase() : Array.from(s, upperRune).join('');
}

function goLower(s: string): string {
  return ASCII.test(s) ? s.toLowerCase() : Array.from(s, lowerRune).join('');
}

function title(s: string): string {
  let prev = ' ';
  let out = '';
  for (const ch of s) {
    out += isSeparator(prev) ? titleRune(ch) : ch;
    prev = ch;
  }
  return out;
}

function trimCutset(s: string, cutset: string): string {
  const set = new Set(codePoints(cutset));
  const cps = codePoints(s);
  let a = 0;
  let b = cps.length;
  while (a < b && set.has(cps[a])) a++;
  while (b > a && set.has(cps[b - 1])) b--;
  return cps.slice(a, b).join('');
}

/** Go strings.Split: an empty separator splits after each code point. */
function split(sep: string, str: string): string[] {
  if (sep === '') return codePoints(str);
  return str.split(sep);
}

function regexResult(c: CompiledRegex, m: RegExpExecArray): unknown {
  if (c.groupCount === 0) return m[0];
  if (c.names.length === 0) return m.slice(1).map((g) => g ?? null);
  if (c.names.length === c.groupCount) return makeObject(c.names.map((n) => [n, m.groups?.[n] ?? null]));
  throw new FunctionError('invalid regular expression: can\'t mix both named and unnamed capture groups');
}

function checkShape(c: CompiledRegex): CompiledRegex {
  if (c.names.length > 0 && c.names.length < c.groupCount)
    throw new FunctionError("invalid regular expression: can't mix both named and unnamed capture groups");
  return c;
}

function replaceAll(str: string, substr: string, replacement: string): unknown {
  if (substr.length > 1 && substr.startsWith('/') && substr.endsWith('/')) {
    const c = compileRE2(substr.slice(1, -1));
    if (c.unsafe) return UNKNOWN;
    let out = '';
    let last = 0;
    for (const m of allMatches(c, str)) {
      out += str.slice(last, m.index) + expandTemplate(replacement, m.match);
      last = m.end;
      if (out.length > MAX_STRING) checkString(out);
    }
    return checkString(out + str.slice(last));
  }
  if (substr === '') {
    const cps = codePoints(str);
    if ((cps.length + 1) * replacement.length + str.length > MAX_STRING) checkString('x'.repeat(MAX_STRING + 1));
    return replacement + cps.map((c) => c + replacement).join('');
  }
  const parts = str.split(substr);
  if ((parts.length - 1) * replacement.length + str.length > MAX_STRING) checkString('x'.repeat(MAX_STRING + 1));
  return parts.join(replacement);
}

function substr(str: string, offset: number, length: number): string {
  const g = graphemes(str);
  let start = offset;
  if (start < 0) start += g.length;
  if (start < 0) start = 0;
  if (start >= g.length) return '';
  if (length < 0) return g.slice(start).join('');
  return g.slice(start, start + length).join('');
}

export const stringFunctions: FnTable = {
  lower: { params: 1, impl: ([s]) => goLower(toStr(s, 'str')) },
  upper: { params: 1, impl: ([s]) => goUpper(toStr(s, 'str')) },
  title: { params: 1, impl: ([s]) => title(toStr(s, 'str')) },
  trimspace: { params: 1, impl: ([s]) => toStr(s, 'str').replace(SPACE_START, '').replace(SPACE_END, '') },
  trim: { params: 2, impl: ([s, cut]) => trimCutset(toStr(s, 'str'), toStr(cut, 'cutset')) },
  trimprefix: {
    params: 2,
    impl([s, p]) {
      const str = toStr(s, 'str');
      const prefix = toStr(p, 'prefix');
      return str.startsWith(prefix) ? str.slice(prefix.length) : str;
    },
  },
  trimsuffix: {
    params: 2,
    impl([s, p]) {
      const str = toStr(s, 'str');
      const suffix = toStr(p, 'suffix');
      return suffix !== '' && str.endsWith(suffix) ? str.slice(0, str.length - suffix.length) : str;
    },
  },
  chomp: { params: 1, impl: ([s]) => toStr(s, 'str').replace(/(?:\r\n?|\n)*$/, '') },
  indent: {
    params: 2,
    impl([n, s]) {
      const spaces = toInt(n, 'spaces');
      const str = toStr(s, 'str');
      if (spaces < 0) throw new FunctionError('spaces: must not be negative');
      const lines = str.split('\n');
      if (spaces * (lines.length - 1) + str.length > MAX_STRING) checkString('x'.repeat(MAX_STRING + 1));
      return lines.join('\n' + ' '.repeat(spaces));
    },
  },
  startswith: { params: 2, impl: ([s, p]) => toStr(s, 'str').startsWith(toStr(p, 'prefix')) },
  endswith: { params: 2, impl: ([s, p]) => toStr(s, 'str').endsWith(toStr(p, 'suffix')) },
  strcontains: { params: 2, impl: ([s, p]) => toStr(s, 'str').includes(toStr(p, 'substr')) },
  strrev: { params: 1, impl: ([s]) => graphemes(toStr(s, 'str')).reverse().join('') },
  substr: {
    params: 3,
    impl: ([s, o, l]) => substr(toStr(s, 'str'), toInt(o, 'offset'), toInt(l, 'length')),
  },
  replace: {
    params: 3,
    impl: ([s, sub, rep]) => replaceAll(toStr(s, 'str'), toStr(sub, 'substr'), toStr(rep, 'replace')),
  },
  split: {
    params: 2,
    impl: ([sep, s]) => checkList(split(toStr(sep, 'separator'), toStr(s, 'str'))),
  },
  join: {
    params: [2, Infinity],
    impl([sep, ...lists]) {
      const separator = toStr(sep, 'separator');
      const parts: string[] = [];
      let size = 0;
      for (const l of lists) {
        asList(l, 'lists').forEach((e, i) => {
          if (e === null || e === undefined) throw new FunctionError(`element ${i} is null; cannot concatenate null values`);
          const s = toStr(e);
          size += s.length + separator.length;
          if (size > MAX_STRING + separator.length) checkString('x'.repeat(MAX_STRING + 1));
          parts.push(s);
        });
      }
      return parts.join(separator);
    },
  },
  format: {
    params: [1, Infinity],
    impl: ([spec, ...args]) => format(toStr(spec, 'format'), args),
  },
  formatlist: {
    params: [1, Infinity],
    unknowns: 'self',
    impl([spec, ...args]) {
      if (hasUnknown(spec) || args.some((a) => isUnknown(a))) return UNKNOWN;
      return formatList(toStr(spec, 'format'), args);
    },
  },
  regex: {
    params: 2,
    impl([p, s]) {
      const c = checkShape(compileRE2(toStr(p, 'pattern')));
      if (c.unsafe) return UNKNOWN;
      const str = toStr(s, 'string');
      const m = firstMatch(c, str);
      if (!m) throw new FunctionError('pattern did not match any part of the given string');
      return regexResult(c, m);
    },
  },
  regexall: {
    params: 2,
    impl([p, s]) {
      const c = checkShape(compileRE2(toStr(p, 'pattern')));
      if (c.unsafe) return UNKNOWN;
      const str = toStr(s, 'string');
      return allMatches(c, str, 1_000_000).map((m) => regexResult(c, m.match));
    },
  },
};
