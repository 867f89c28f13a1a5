/**
 * Translates Go RE2 syntax (what Terraform's regex, regexall and replace use) into an
 * equivalent JavaScript RegExp with the `u` flag, rejecting what cannot be translated exactly.
 *
 * Differences handled: `(?P<name>…)`, `\A` `\z`, `\Q…\E`, `\x{…}`, octal escapes, `\pN`,
 * POSIX `[[:alpha:]]` classes, RE2's `\s` (no \v), `.` excluding only `\n`, multi-line
 * `^`/`$` at `\n` only, and literal `{`, `}` and `]` where RE2 allows them. Flag groups
 * (`(?flags)` to the end of the group, `(?flags:…)` scoped, `-` clearing) anywhere: `s`, `m`
 * and `U` (ungreedy: each quantifier's greediness swapped) per place; `i` as JavaScript's flag
 * when it holds for the whole pattern, else each letter (literal, escaped or in `\Q…\E`)
 * case-expanded (`[bB]`), each class or `\pL` given its members' case variants. Rejected:
 * backreferences, lookaround, `\C`, `\Z`, and `\P` (a complement) under a partial `i`.
 *
 * JavaScript regexes backtrack while RE2 runs in linear time, so patterns with nested unbounded
 * quantifiers (star height > 1, e.g. `(a+)+`) are flagged `unsafe`; callers return unknown
 * rather than risk catastrophic backtracking on hostile input.
 */
import { FunctionError } from './values.js';

export interface CompiledRegex {
  /** Global (`g`) regex; callers reset lastIndex. */
  re: RegExp;
  groupCount: number;
  /** Names of named groups, or [] when none. */
  names: string[];
  unsafe: boolean;
}

const GENERAL_CATEGORIES = new Set(
  'C Cc Cf Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs'.split(' '),
);

const POSIX: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

const cache = new Map<string, CompiledRegex>();
const MAX_PATTERN = 64 * 1024;

function fail(msg: string): never {
  throw new FunctionError(`invalid regular expression: ${msg}`);
}

function cp(c: number): string {
  return `\\u{${c.toString(16)}}`;
}

export function compileRE2(pattern: string): CompiledRegex {
  const hit = cache.get(pattern);
  if (hit) return hit;
  if (pattern.length > MAX_PATTERN) fail('pattern is too long');
  const compiled = translate(pattern);
  if (cache.size > 500) cache.clear();
  cache.set(pattern, compiled);
  return compiled;
}

interface Flags {
  i: boolean;
  s: boolean;
  m: boolean;
  U: boolean;
}

interface Frame {
  /** Whether the group contains an unbounded quantifier anywhere inside. */
  inner: boolean;
  /** The flags in force in the group (a "(?flags)" inside changes them to the group's end). */
  flags: Flags;
}

/** RE2 flag syntax: letters of "imsU", optionally "-" and more letters to clear; undefined when invalid. */
function applyFlags(spec: string, base: Flags): Flags | undefined {
  const out = { ...base };
  if (spec === '') return out; // "(?)" changes nothing
  let clearing = false;
  let count = 0;
  for (const f of spec) {
    if (f === '-') {
      if (clearing) return undefined;
      clearing = true;
      count = 0;
      continue;
    }
    if (f !== 'i' && f !== 's' && f !== 'm' && f !== 'U') return undefined;
    out[f] = !clearing;
    count++;
  }
  return count === 0 ? undefined : out;
}

const caseVariants = new Map<string, string[]>();

/** The characters a literal matches case-insensitively (Unicode simple case folding, as RE2 and JavaScript's "ui" share). */
function variantsOf(ch: string): string[] {
  let v = caseVariants.get(ch);
  if (v) return v;
  const probe = new RegExp(`^${cp(ch.codePointAt(0)!)}$`, 'ui');
  const candidates = new Set([ch, ch.toLowerCase(), ch.toUpperCase(), ch.toLowerCase().toUpperCase(), ch.toUpperCase().toLowerCase(), ...(FOLD_EXTRA[ch.toLowerCase()] ?? '')]);
  v = [...candidates].filter((x) => [...x].length === 1 && probe.test(x));
  if (caseVariants.size > 10_000) caseVariants.clear();
  caseVariants.set(ch, v);
  return v;
}

/** Members of case-folding orbits that upper/lower-casing alone does not reach. */
const FOLD_EXTRA: Record<string, string> = {
  k: '\u212a',
  s: '\u017f',
  'å': '\u212b',
  'ß': '\u1e9e',
  'σ': '\u03c2',
  'θ': '\u03d1\u03f4',
  'β': '\u03d0',
  'ε': '\u03f5',
  'κ': '\u03f0',
  'π': '\u03d6',
  'ρ': '\u03f1',
  'φ': '\u03d5',
  'ω': '\u2126',
  'μ': '\u00b5',
  'ι': '\u0345\u1fbe',
};

let casedChars: string[] | undefined;

/** Every character (up to U+1FFFF) with a case mapping: the candidates of case folding, computed once. */
function casedCharacters(): string[] {
  if (!casedChars) {
    casedChars = [];
    for (let c = 0; c <= 0x1ffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCodePoint(c);
      if (ch.toLowerCase() !== ch || ch.toUpperCase() !== ch) casedChars.push(ch);
    }
  }
  return casedChars;
}

/**
 * A character class under a partial (?i): the case variants of its members added, before a
 * negation applies (as RE2 folds a class before negating it).
 */
function foldClass(text: string): string {
  const negated = text[1] === '^';
  const body = text.slice(negated ? 2 : 1, -1);
  const member = new RegExp(`^[${body}]$`, 'u');
  const extra = new Set<string>();
  for (const ch of casedCharacters()) {
    if (!member.test(ch)) continue;
    for (const v of variantsOf(ch)) if (!member.test(v)) extra.add(v);
  }
  if (extra.size === 0) return text;
  return `[${negated ? '^' : ''}${body}${[...extra].map((x) => cp(x.codePointAt(0)!)).join('')}]`;
}

function translate(src: string): CompiledRegex {
  let i = 0;
  // Leading flag groups: their flags hold from the start
  let flags: Flags = { i: false, s: false, m: false, U: false };
  for (;;) {
    const m = /^\(\?([a-zA-Z-]*)\)/.exec(src.slice(i));
    if (!m) break;
    const next = applyFlags(m[1], flags);
    if (!next) fail(`invalid or unsupported Perl syntax: (?${m[1]})`);
    flags = next;
    i += m[0].length;
  }
  // JavaScript's own "i" flag when "i" holds for the whole pattern (no later group mentions
  // it); otherwise letters under "i" are case-expanded one by one
  const jsI = flags.i && !/\(\?[a-zA-Z-]*i[a-zA-Z-]*[:)]/.test(src.slice(i));
  const expand = (f: Flags) => f.i && !jsI;

  let out = '';
  const stack: Frame[] = [{ inner: false, flags }];
  const current = () => stack[stack.length - 1].flags;
  let unsafe = false;
  // What the last atom was, for the nested-quantifier check.
  let lastAtomInner = false; // the last atom was a group containing an unbounded quantifier
  let lastAtomQuantifiable = false;

  const markUnbounded = () => {
    for (const f of stack) f.inner = true;
  };

  while (i < src.length) {
    const c = src[i];
    if (c === '\\') {
      if (expand(current()) && src[i + 1] === 'Q') {
        // \Q...\E under a partial (?i): each character case-expanded like a literal
        const end = src.indexOf('\\E', i + 2);
        for (const ch of end < 0 ? src.slice(i + 2) : src.slice(i + 2, end)) {
          const variants = variantsOf(ch);
          out += variants.length > 1 ? `[${variants.map((x) => cp(x.codePointAt(0)!)).join('')}]` : cp(ch.codePointAt(0)!);
        }
        i = end < 0 ? src.length : end + 2;
        lastAtomQuantifiable = true;
        lastAtomInner = false;
        continue;
      }
      const { text, next } = escapeOutside(src, i);
      if (expand(current()) && !/^[dDsSwWbBAzntrfva]$/.test(src[i + 1])) {
        // under a partial (?i), an escape standing for one character is case-expanded like a literal
        const m = /^\\u\{([0-9a-f]+)\}$|^\\x([0-9A-Fa-f]{2})$/.exec(text);
        if (!m && /^\\p\{/.test(text)) {
          // \pL: a class, its members' case variants added (\P, a complement, is not translated)
          out += foldClass(`[${text}]`);
          i = next;
          lastAtomQuantifiable = true;
          lastAtomInner = false;
          continue;
        }
        if (!m) fail(`the escape \\${src[i + 1]} under a (?i) flag that does not hold for the whole pattern is not supported`);
        const variants = variantsOf(String.fromCodePoint(parseInt(m[1] ?? m[2], 16)));
        out += variants.length > 1 ? `[${variants.map((x) => cp(x.codePointAt(0)!)).join('')}]` : text;
      } else out += text;
      i = next;
      lastAtomQuantifiable = true;
      lastAtomInner = false;
      continue;
    }
    if (c === '[') {
      const { text, next } = charClass(src, i);
      out += expand(current()) ? foldClass(text) : text;
      i = next;
      lastAtomQuantifiable = true;
      lastAtomInner = false;
      continue;
    }
    if (c === '(') {
      let groupFlags = current();
      if (src[i + 1] === '?') {
        const rest = src.slice(i + 2);
        let m: RegExpExecArray | null;
        if ((m = /^([a-zA-Z-]*)\)/.exec(rest))) {
          // "(?flags)": to the end of the enclosing group
          const next = applyFlags(m[1], current());
          if (!next) fail(`invalid or unsupported Perl syntax: (?${m[1]})`);
          stack[stack.length - 1].flags = next;
          i += 2 + m[0].length;
          continue;
        }
        if ((m = /^([a-zA-Z-]+):/.exec(rest))) {
          // "(?flags:re)": a non-capturing group with its own flags
          const next = applyFlags(m[1], current());
          if (!next) fail(`invalid or unsupported Perl syntax: (?${m[1]}:`);
          groupFlags = next;
          out += '(?:';
          i += 2 + m[0].length;
        } else if (rest.startsWith(':')) {
          out += '(?:';
          i += 3;
        } else if ((m = /^P?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(rest))) {
          out += `(?<${m[1]}>`;
          i += 2 + m[0].length;
        } else if (/^P?</.test(rest) && !/^<[=!]/.test(rest)) {
          fail('invalid named capture group name');
        } else if (/^[=!]|^<[=!]/.test(rest)) {
          fail('lookahead and lookbehind assertions are not supported (Go RE2 syntax)');
        } else if (/^P=/.test(rest)) {
          fail('backreferences are not supported (Go RE2 syntax)');
        } else {
          fail(`invalid or unsupported Perl syntax at offset ${i}`);
        }
      } else {
        out += '(';
        i += 1;
      }
      stack.push({ inner: false, flags: groupFlags });
      lastAtomQuantifiable = false;
      continue;
    }
    if (c === ')') {
      if (stack.length <= 1) fail('unexpected )');
      const frame = stack.pop()!;
      out += ')';
      i += 1;
      lastAtomQuantifiable = true;
      lastAtomInner = frame.inner;
      if (frame.inner) stack[stack.length - 1].inner = true;
      continue;
    }
    if (c === '*' || c === '+' || c === '?') {
      if (!lastAtomQuantifiable) fail(`missing argument to repetition operator: ${c}`);
      out += c;
      i += 1;
      if (c !== '?') {
        if (lastAtomInner) unsafe = true;
        markUnbounded();
      }
      // "?" after a quantifier swaps its greediness, and so does the U flag
      const lazy = src[i] === '?';
      if (lazy) i += 1;
      if (lazy !== current().U) out += '?';
      if (src[i] === '*' || src[i] === '+' || (src[i] === '?' && c === '?')) fail('invalid nested repetition operator');
      lastAtomQuantifiable = false;
      continue;
    }
    if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i));
      if (m) {
        if (!lastAtomQuantifiable) fail('missing argument to repetition operator');
        const min = Number(m[1]);
        const max = m[3] === undefined ? (m[2] ? Infinity : min) : m[3] === '' ? Infinity : Number(m[3]);
        if (min > 1000 || (max !== Infinity && max > 1000)) fail('invalid repeat count');
        if (max < min) fail('invalid repeat count');
        out += m[0];
        i += m[0].length;
        if (max > 10) {
          if (lastAtomInner) unsafe = true;
          markUnbounded();
        }
        const lazy = src[i] === '?';
        if (lazy) i += 1;
        if (lazy !== current().U) out += '?';
        lastAtomQuantifiable = false;
        continue;
      }
      out += '\\{';
      i += 1;
      lastAtomQuantifiable = true;
      lastAtomInner = false;
      continue;
    }
    if (c === '}' || c === ']') {
      out += '\\' + c;
      i += 1;
      lastAtomQuantifiable = true;
      lastAtomInner = false;
      continue;
    }
    if (c === '.') {
      out += current().s ? '[\\s\\S]' : '[^\\n]';
      i += 1;
      lastAtomQuantifiable = true;
      lastAtomInner = false;
      continue;
    }
    if (c === '^' || c === '$') {
      if (current().m) out += c === '^' ? '(?<![^\\n])' : '(?![^\\n])';
      else out += c;
      i += 1;
      lastAtomQuantifiable = false;
      continue;
    }
    if (c === '|') {
      out += '|';
      i += 1;
      lastAtomQuantifiable = false;
      continue;
    }
    // A literal character (whole code point).
    const code = src.codePointAt(i)!;
    const len = code > 0xffff ? 2 : 1;
    const ch = src.slice(i, i + len);
    const variants = expand(current()) ? variantsOf(ch) : [];
    out += variants.length > 1 ? `[${variants.map((x) => cp(x.codePointAt(0)!)).join('')}]` : ch;
    i += len;
    lastAtomQuantifiable = true;
    lastAtomInner = false;
  }
  if (stack.length !== 1) fail('missing closing )');

  let re: RegExp;
  let probe: RegExpExecArray | null;
  try {
    re = new RegExp(out, jsI ? 'gui' : 'gu');
    probe = new RegExp(`${out}|`, 'u').exec('');
  } catch (e) {
    fail((e as Error).message.replace(/^Invalid regular expression: /, ''));
  }
  const groupCount = probe ? probe.length - 1 : 0;
  const names = probe?.groups ? Object.keys(probe.groups) : [];
  return { re, groupCount, names, unsafe };
}

/** An escape sequence outside a character class. */
function escapeOutside(src: string, i: number): { text: string; next: number } {
  const c = src[i + 1];
  if (c === undefined) fail('trailing backslash at end of expression');
  switch (c) {
    case 'A':
      return { text: '(?<![\\s\\S])', next: i + 2 };
    case 'z':
      return { text: '(?![\\s\\S])', next: i + 2 };
    case 'b':
    case 'B':
      return { text: '\\' + c, next: i + 2 };
    case 's':
      return { text: '[\\t\\n\\f\\r ]', next: i + 2 };
    case 'S':
      return { text: '[^\\t\\n\\f\\r ]', next: i + 2 };
    case 'Q':
      return quoted(src, i + 2);
    default:
      return escapeCommon(src, i, false);
  }
}

/** \Q...\E: everything literal up to \E or the end of the pattern. */
function quoted(src: string, start: number): { text: string; next: number } {
  const end = src.indexOf('\\E', start);
  const lit = end < 0 ? src.slice(start) : src.slice(start, end);
  let text = '';
  for (const ch of lit) text += /[A-Za-z0-9]/.test(ch) ? ch : cp(ch.codePointAt(0)!);
  // Left ungrouped: as in RE2, a following quantifier applies to the last character only.
  return { text, next: end < 0 ? src.length : end + 2 };
}

/** Escapes valid both inside and outside classes. */
function escapeCommon(src: string, i: number, inClass: boolean): { text: string; next: number } {
  const c = src[i + 1];
  switch (c) {
    case 'd':
    case 'D':
    case 'w':
    case 'W':
    case 'f':
    case 't':
    case 'n':
    case 'r':
    case 'v':
      return { text: '\\' + c, next: i + 2 };
    case 'a':
      return { text: '\\x07', next: i + 2 };
    case 'x': {
      const rest = src.slice(i + 2);
      let m = /^\{([0-9A-Fa-f]{1,8})\}/.exec(rest);
      if (m) {
        const code = parseInt(m[1], 16);
        if (code > 0x10ffff) fail('invalid escape sequence \\x{' + m[1] + '}');
        return { text: cp(code), next: i + 2 + m[0].length };
      }
      m = /^[0-9A-Fa-f]{2}/.exec(rest);
      if (m) return { text: '\\x' + m[0], next: i + 4 };
      return fail('invalid escape sequence \\x');
    }
    case 'p':
    case 'P': {
      const rest = src.slice(i + 2);
      let name: string;
      let len: number;
      let neg = c === 'P';
      const m = /^\{(\^?)([A-Za-z_]+)\}/.exec(rest);
      if (m) {
        if (m[1]) neg = !neg;
        name = m[2];
        len = m[0].length;
      } else if (/^[A-Za-z]/.test(rest)) {
        name = rest[0];
        len = 1;
      } else {
        return fail('invalid character class range \\' + c);
      }
      const p = neg ? 'P' : 'p';
      let text: string;
      if (name === 'Any') {
        if (neg) fail('\\P{Any} matches nothing and is not supported');
        text = inClass ? '\\u{0}-\\u{10ffff}' : '[\\s\\S]';
      } else if (GENERAL_CATEGORIES.has(name)) {
        text = `\\${p}{${name}}`;
      } else {
        text = `\\${p}{Script=${name}}`;
      }
      return { text, next: i + 2 + len };
    }
    default:
      break;
  }
  if (/[0-7]/.test(c)) {
    // Octal: \0, \0nn, or \nnn with 2+ digits; a single non-zero digit is a backreference.
    const m = /^[0-7]{1,3}/.exec(src.slice(i + 1))!;
    const digits = m[0];
    if (digits[0] !== '0' && digits.length < 2) fail('backreferences are not supported (Go RE2 syntax)');
    return { text: cp(parseInt(digits, 8)), next: i + 1 + digits.length };
  }
  if (/[89]/.test(c)) fail('backreferences are not supported (Go RE2 syntax)');
  const code = src.codePointAt(i + 1)!;
  if (code < 0x80 && !/[A-Za-z0-9_]/.test(c)) {
    // Escaped ASCII punctuation is a literal.
    return { text: cp(code), next: i + 2 };
  }
  if (inClass && (c === 'b' || c === 'B')) fail('invalid escape sequence \\' + c + ' in a character class');
  return fail(`invalid escape sequence \\${String.fromCodePoint(code)}`);
}

/** A bracketed character class starting at src[i] === '['. */
function charClass(src: string, i: number): { text: string; next: number } {
  let j = i + 1;
  let text = '[';
  if (src[j] === '^') {
    text += '^';
    j++;
  }
  let first = true;
  for (;;) {
    if (j >= src.length) fail('missing closing ]');
    const c = src[j];
    if (c === ']' && !first) {
      j++;
      break;
    }
    first = false;
    if (c === ']') {
      text += '\\]';
      j++;
      continue;
    }
    if (c === '[') {
      const m = /^\[:(\^?)([a-z]+):\]/.exec(src.slice(j));
      if (m) {
        const set = POSIX[m[2]];
        if (!set) fail(`invalid character class range [:${m[2]}:]`);
        if (m[1]) fail('negated POSIX classes inside brackets are not supported');
        text += set;
        j += m[0].length;
        continue;
      }
      text += '\\[';
      j++;
      continue;
    }
    if (c === '\\') {
      const n = src[j + 1];
      if (n === 's') {
        text += '\\t\\n\\f\\r ';
        j += 2;
        continue;
      }
      if (n === 'S') fail('\\S inside a character class is not supported');
      if (n === 'Q' || n === 'A' || n === 'z') fail(`\\${n} inside a character class is not supported`);
      const e = escapeCommon(src, j, true);
      text += e.text;
      j = e.next;
      continue;
    }
    if (c === '-' || c === '^') {
      text += c === '^' ? '\\^' : c;
      j++;
      continue;
    }
    const code = src.codePointAt(j)!;
    const len = code > 0xffff ? 2 : 1;
    const ch = src.slice(j, j + len);
    text += ch === '/' || ch === '|' || ch === '{' || ch === '}' || ch === '(' || ch === ')' ? cp(code) : ch;
    j += len;
  }
  return { text: text + ']', next: j };
}

export interface MatchInfo {
  index: number;
  end: number;
  match: RegExpExecArray;
}

/**
 * All non-overlapping matches, with Go's rule that an empty match directly after the previous
 * match is skipped (JavaScript's matchAll would report it).
 */
export function allMatches(c: CompiledRegex, str: string, limit = Infinity): MatchInfo[] {
  const re = c.re;
  re.lastIndex = 0;
  const out: MatchInfo[] = [];
  let prevEnd = -1;
  while (out.length < limit) {
    const m = re.exec(str);
    if (!m) break;
    const index = m.index;
    const end = index + m[0].length;
    if (m[0] === '') {
      // Advance one code point past an empty match.
      const code = str.codePointAt(index);
      re.lastIndex = index + (code !== undefined && code > 0xffff ? 2 : 1);
      if (index === prevEnd) continue;
    }
    out.push({ index, end, match: m });
    prevEnd = end;
    if (index >= str.length && m[0] === '') break;
  }
  re.lastIndex = 0;
  return out;
}

export function firstMatch(c: CompiledRegex, str: string): RegExpExecArray | null {
  c.re.lastIndex = 0;
  const m = c.re.exec(str);
  c.re.lastIndex = 0;
  return m;
}

/** Go's Regexp.Expand for replace(): $1, ${1}, $name, ${name}, $$. */
export function expandTemplate(template: string, m: RegExpExecArray): string {
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const ch = template[i];
    if (ch !== '$') {
      out += ch;
      continue;
    }
    const next = template[i + 1];
    if (next === '$') {
      out += '$';
      i++;
      continue;
    }
    let name: string | undefined;
    let end = i;
    if (next === '{') {
      const mm = /^\{([A-Za-z0-9_]+)\}/.exec(template.slice(i + 1));
      if (mm) {
        name = mm[1];
        end = i + mm[0].length;
      }
    } else {
      const mm = /^[A-Za-z0-9_]+/.exec(template.slice(i + 1));
      if (mm) {
        name = mm[0];
        end = i + mm[0].length;
      }
    }
    if (name === undefined) {
      out += '$';
      continue;
    }
    if (/^\d+$/.test(name)) {
      const n = Number(name);
      out += n < m.length ? (m[n] ?? '') : '';
    } else {
      out += m.groups?.[name] ?? '';
    }
    i = end;
  }
  return out;
}
