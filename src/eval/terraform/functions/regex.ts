/**
 * Translates Go RE2 syntax (what Terraform's regex, regexall and replace use) into an
 * equivalent JavaScript RegExp with the `u` flag, rejecting what cannot be translated exactly.
 *
 * Differences handled: `(?P<name>…)`, leading `(?flags)`, `\A` `\z`, `\Q…\E`, `\x{…}`,
 * octal escapes, `\pN`, POSIX `[[:alpha:]]` classes, RE2's `\s` (no \v), `.` excluding only
 * `\n`, multi-line `^`/`$` at `\n` only, and literal `{`, `}` and `]` where RE2 allows them.
 * Rejected: backreferences, lookaround, scoped or non-leading flag groups, `(?U)`, `\C`, `\Z`.
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

interface Frame {
  /** Whether the group contains an unbounded quantifier anywhere inside. */
  inner: boolean;
}

function translate(src: string): CompiledRegex {
  let i = 0;
  let flagI = false;
  let flagS = false;
  let flagM = false;

  // Leading flag groups: (?i) (?s) (?m) (?ims)
  for (;;) {
    const m = /^\(\?([a-zA-Z-]+)\)/.exec(src.slice(i));
    if (!m) break;
    for (const f of m[1]) {
      if (f === 'i') flagI = true;
      else if (f === 's') flagS = true;
      else if (f === 'm') flagM = true;
      else if (f === 'U') fail('the ungreedy flag (?U) is not supported');
      else if (f === '-') fail('clearing flags is not supported');
      else fail(`invalid flag ${JSON.stringify(f)}`);
    }
    i += m[0].length;
  }

  let out = '';
  const stack: Frame[] = [{ inner: false }];
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
      const { text, next } = escapeOutside(src, i);
      out += text;
      i = next;
      lastAtomQuantifiable = true;
      lastAtomInner = false;
      continue;
    }
    if (c === '[') {
      const { text, next } = charClass(src, i);
      out += text;
      i = next;
      lastAtomQuantifiable = true;
      lastAtomInner = false;
      continue;
    }
    if (c === '(') {
      if (src[i + 1] === '?') {
        const rest = src.slice(i + 2);
        let m: RegExpExecArray | null;
        if (rest.startsWith(':')) {
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
        } else if (/^[a-zA-Z-]*[:)]/.test(rest)) {
          fail('flag groups are only supported at the start of the pattern');
        } else {
          fail(`invalid or unsupported Perl syntax at offset ${i}`);
        }
      } else {
        out += '(';
        i += 1;
      }
      stack.push({ inner: false });
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
      if (src[i] === '?') {
        out += '?';
        i += 1;
      }
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
        if (src[i] === '?') {
          out += '?';
          i += 1;
        }
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
      out += flagS ? '[\\s\\S]' : '[^\\n]';
      i += 1;
      lastAtomQuantifiable = true;
      lastAtomInner = false;
      continue;
    }
    if (c === '^' || c === '$') {
      if (flagM) out += c === '^' ? '(?<![^\\n])' : '(?![^\\n])';
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
    out += src.slice(i, i + len);
    i += len;
    lastAtomQuantifiable = true;
    lastAtomInner = false;
  }
  if (stack.length !== 1) fail('missing closing )');

  const flags = 'gu' + (flagI ? 'i' : '');
  let re: RegExp;
  let probe: RegExpExecArray | null;
  try {
    re = new RegExp(out, flags);
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
