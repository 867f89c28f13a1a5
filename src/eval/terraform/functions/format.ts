/**
 * Terraform's format/formatlist (cty stdlib format.go): verbs %% %v %#v %t %b %d %o %x %X
 * %e %E %f %g %G %s %q, flags space + - 0 #, width, precision, and [n] argument indexes.
 * Widths and string precisions count grapheme clusters.
 */
import { jsonEncode } from './encoding.js';
import {
  checkString,
  FunctionError,
  graphemes,
  hasUnknown,
  kindOf,
  MAX_STRING,
  toBool,
  toNum,
  toStr,
  UNKNOWN,
} from './values.js';

interface Verb {
  raw: string;
  offset: number;
  argNum: number;
  mode: string;
  zero: boolean;
  sharp: boolean;
  plus: boolean;
  minus: boolean;
  space: boolean;
  width: number; // -1 when absent
  prec: number; // -1 when absent
}

export function format(spec: string, args: unknown[]): string {
  let out = '';
  let i = 0;
  let nextArg = 1;
  let maxUsed = 0;
  while (i < spec.length) {
    const pct = spec.indexOf('%', i);
    if (pct < 0) {
      out += spec.slice(i);
      break;
    }
    out += spec.slice(i, pct);
    const start = pct;
    let j = pct + 1;
    if (spec[j] === '%') {
      out += '%';
      i = j + 1;
      continue;
    }
    const verb: Verb = {
      raw: '',
      offset: start,
      argNum: 0,
      mode: '',
      zero: false,
      sharp: false,
      plus: false,
      minus: false,
      space: false,
      width: -1,
      prec: -1,
    };
    for (; j < spec.length; j++) {
      const f = spec[j];
      if (f === '0') verb.zero = true;
      else if (f === '#') verb.sharp = true;
      else if (f === '+') verb.plus = true;
      else if (f === '-') verb.minus = true;
      else if (f === ' ') verb.space = true;
      else break;
    }
    let m = /^\d+/.exec(spec.slice(j));
    if (m) {
      verb.width = Number(m[0]);
      j += m[0].length;
    }
    if (spec[j] === '.') {
      j++;
      m = /^\d+/.exec(spec.slice(j));
      if (!m) throw new FunctionError(`invalid format string starting at offset ${start}: a period must be followed by a precision`);
      verb.prec = Number(m[0]);
      j += m[0].length;
    }
    if (spec[j] === '[') {
      m = /^\[(\d+)\]/.exec(spec.slice(j));
      if (!m) throw new FunctionError(`invalid format string starting at offset ${start}: invalid argument index`);
      nextArg = Number(m[1]);
      if (nextArg < 1) throw new FunctionError(`invalid format string starting at offset ${start}: argument indexes start at 1`);
      j += m[0].length;
    }
    if (j >= spec.length) throw new FunctionError(`invalid format string starting at offset ${start}: missing verb`);
    const code = spec.codePointAt(j)!;
    verb.mode = String.fromCodePoint(code);
    j += verb.mode.length;
    verb.raw = spec.slice(start, j);
    verb.argNum = nextArg++;
    if (verb.width > MAX_STRING || verb.prec > MAX_STRING) throw new FunctionError('format width or precision is too large');
    if (verb.argNum > args.length) {
      throw new FunctionError(
        `not enough arguments for ${JSON.stringify(verb.raw)} at ${verb.offset}: need index ${verb.argNum} but have ${args.length} total`,
      );
    }
    maxUsed = Math.max(maxUsed, verb.argNum);
    out += formatOne(verb, args[verb.argNum - 1]);
    if (out.length > MAX_STRING) checkString(out);
    i = j;
  }
  if (maxUsed < args.length) {
    throw new FunctionError(
      maxUsed === 0
        ? 'too many arguments; no verbs in format string'
        : `too many arguments; only ${maxUsed} used by format string`,
    );
  }
  return checkString(out);
}

function bad(verb: Verb, msg: string): FunctionError {
  return new FunctionError(`unsupported value for ${JSON.stringify(verb.raw)} at ${verb.offset}: ${msg}`);
}

function formatOne(verb: Verb, arg: unknown): string {
  if (verb.mode !== 'v' && (arg === null || arg === undefined)) throw bad(verb, 'null value cannot be formatted');
  try {
    switch (verb.mode) {
      case 'v':
        return formatAsIs(verb, arg);
      case 't':
        return padWidth(verb, toBool(arg) ? 'true' : 'false');
      case 'b':
      case 'd':
      case 'o':
      case 'x':
      case 'X':
        return formatInteger(verb, toNum(arg));
      case 'e':
      case 'E':
      case 'f':
      case 'g':
      case 'G':
        return formatFloat(verb, toNum(arg));
      case 's':
      case 'q':
        return formatString(verb, toStr(arg));
      default:
        throw new FunctionError(
          `unsupported format verb ${JSON.stringify(verb.mode)} in ${JSON.stringify(verb.raw)} at offset ${verb.offset}`,
        );
    }
  } catch (e) {
    if (e instanceof FunctionError && !e.message.startsWith('unsupported')) throw bad(verb, e.message);
    throw e;
  }
}

function formatAsIs(verb: Verb, arg: unknown): string {
  if (!verb.sharp && arg !== null && arg !== undefined) {
    const k = kindOf(arg);
    if (k === 'string') return padWidth(verb, arg as string);
    if (k === 'number') return padWidth(verb, formatG(arg as number, -1, false));
  }
  return padWidth(verb, jsonEncode(arg ?? null));
}

function padWidth(verb: Verb, s: string): string {
  if (verb.width < 0) return s;
  const len = graphemes(s).length;
  if (len >= verb.width) return s;
  const pad = (verb.zero ? '0' : ' ').repeat(verb.width - len);
  return verb.minus ? s + pad : pad + s;
}

function formatString(verb: Verb, s: string): string {
  let str = s;
  if (verb.prec > 0) str = graphemes(str).slice(0, verb.prec).join('');
  if (verb.mode === 'q') str = jsonEncode(str);
  return padWidth(verb, str);
}

/** Pads a number body (digits, no sign) with sign and width, like Go's fmt for numbers. */
function padNumber(verb: Verb, negative: boolean, body: string, zeroAllowed = true): string {
  const sign = negative ? '-' : verb.plus ? '+' : verb.space ? ' ' : '';
  const len = sign.length + body.length;
  if (verb.width <= len) return sign + body;
  const pad = verb.width - len;
  if (verb.minus) return sign + body + ' '.repeat(pad);
  if (verb.zero && zeroAllowed) return sign + '0'.repeat(pad) + body;
  return ' '.repeat(pad) + sign + body;
}

function formatInteger(verb: Verb, n: number): string {
  if (!Number.isInteger(n)) throw new FunctionError('an integer is required');
  const big = BigInt(n);
  const negative = big < 0n;
  const abs = negative ? -big : big;
  const base = verb.mode === 'b' ? 2 : verb.mode === 'o' ? 8 : verb.mode === 'd' ? 10 : 16;
  let digits = abs.toString(base);
  if (verb.mode === 'X') digits = digits.toUpperCase();
  if (verb.prec >= 0) {
    if (verb.prec === 0 && abs === 0n) digits = '';
    else if (digits.length < verb.prec) digits = '0'.repeat(verb.prec - digits.length) + digits;
  }
  if (verb.sharp) {
    if (verb.mode === 'b') digits = '0b' + digits;
    else if (verb.mode === 'o' && !digits.startsWith('0')) digits = '0' + digits;
    else if (verb.mode === 'x') digits = '0x' + digits;
    else if (verb.mode === 'X') digits = '0X' + digits;
  }
  return padNumber(verb, negative, digits, verb.prec < 0);
}

/** Shortest (or `prec` significant) digits and decimal exponent of |n|. */
function decompose(n: number, sigDigits: number): { digits: string; exp: number } {
  if (sigDigits >= 1 && sigDigits <= 100) {
    // Go rounds an exact tie to the even digit; toExponential rounds it up
    const x = /^(\d)\.(\d+)e([+-]\d+)$/.exec(Math.abs(n).toExponential(100))!;
    const all = x[1] + x[2];
    const kept = all.slice(0, sigDigits);
    if (/^50*$/.test(all.slice(sigDigits)) && Number(kept[kept.length - 1]) % 2 === 0) return { digits: kept, exp: Number(x[3]) };
  }
  const s = sigDigits < 0 ? Math.abs(n).toExponential() : Math.abs(n).toExponential(Math.max(0, sigDigits - 1));
  const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s)!;
  return { digits: m[1] + (m[2] ?? ''), exp: Number(m[3]) };
}

function expSuffix(exp: number, upper: boolean): string {
  const sign = exp < 0 ? '-' : '+';
  const a = Math.abs(exp);
  return (upper ? 'E' : 'e') + sign + (a < 10 ? '0' + a : String(a));
}

function fixedDigits(n: number, prec: number): string {
  const a = Math.abs(n);
  if (a >= 1e21) {
    const int = BigInt(a).toString();
    return prec > 0 ? int + '.' + '0'.repeat(prec) : int;
  }
  if (prec > 100) return a.toFixed(100) + '0'.repeat(prec - 100);
  // Go rounds an exact tie to the even digit (fmt "%.0f" of 2.5 is "2"); toFixed rounds it up
  const exact = a.toFixed(100);
  const cut = exact.indexOf('.') + 1 + prec;
  const rest = exact.slice(cut);
  if (/^50*$/.test(rest)) {
    const kept = exact.slice(0, cut).replace(/\.$/, '');
    const last = kept[kept.length - 1];
    if (Number(last) % 2 === 0) return kept;
  }
  return a.toFixed(prec);
}

/** Go's %g (big.Float semantics): %e for large/small exponents, %f otherwise; trailing zeros dropped. */
function formatG(n: number, prec: number, upper: boolean): string {
  // Go's big.Float writes an infinity as "+Inf" / "-Inf" whatever the verb
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : '-Inf';
  const negative = n < 0 || Object.is(n, -0);
  if (n === 0) return (negative ? '-' : '') + '0';
  let { digits, exp } = decompose(n, prec === 0 ? 1 : prec);
  digits = digits.replace(/0+$/, '') || '0';
  let eprec = prec < 0 ? 6 : prec === 0 ? 1 : prec;
  if (prec >= 0 && eprec > digits.length && digits.length >= exp + 1) eprec = digits.length;
  if (prec < 0) eprec = 6;
  let body: string;
  if (exp < -4 || exp >= eprec) {
    body = digits[0] + (digits.length > 1 ? '.' + digits.slice(1) : '') + expSuffix(exp, upper);
  } else {
    const point = exp + 1;
    if (point <= 0) body = '0.' + '0'.repeat(-point) + digits;
    else if (point >= digits.length) body = digits + '0'.repeat(point - digits.length);
    else body = digits.slice(0, point) + '.' + digits.slice(point);
  }
  return (negative ? '-' : '') + body;
}

function formatFloat(verb: Verb, n: number): string {
  if (!Number.isFinite(n)) return padWidth(verb, n > 0 ? '+Inf' : '-Inf');
  const negative = n < 0 || Object.is(n, -0);
  let body: string;
  switch (verb.mode) {
    case 'e':
    case 'E': {
      const prec = verb.prec < 0 ? 6 : verb.prec;
      if (prec > 100) throw new FunctionError('precision is too large');
      const { digits, exp } = n === 0 ? { digits: '0'.repeat(prec + 1), exp: 0 } : decompose(n, prec + 1);
      body = digits[0] + (prec > 0 ? '.' + digits.slice(1) : '') + expSuffix(exp, verb.mode === 'E');
      break;
    }
    case 'f':
      body = fixedDigits(n, verb.prec < 0 ? 6 : verb.prec);
      break;
    default: {
      if (verb.prec > 100) throw new FunctionError('precision is too large');
      const s = formatG(Math.abs(n), verb.prec, verb.mode === 'G');
      body = s;
    }
  }
  return padNumber(verb, negative && n !== 0, body);
}

/** formatlist: list arguments (equal lengths) are iterated; other arguments repeat. */
export function formatList(spec: string, args: unknown[]): unknown[] {
  let iterLen = -1;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (Array.isArray(a)) {
      if (iterLen === -1) iterLen = a.length;
      else if (a.length !== iterLen)
        throw new FunctionError(`argument ${i + 1} has length ${a.length}, which is inconsistent with argument 1 of length ${iterLen}`);
    }
  }
  if (iterLen === 0) return [];
  if (iterLen === -1) iterLen = 1;
  const out: unknown[] = [];
  for (let k = 0; k < iterLen; k++) {
    const fmtArgs = args.map((a) => (Array.isArray(a) ? a[k] : a));
    // An iteration with an unknown argument is unknown; the others can still be known.
    if (fmtArgs.some(hasUnknown)) out.push(UNKNOWN);
    else out.push(format(spec, fmtArgs));
  }
  return out;
}
