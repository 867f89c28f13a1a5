/**
 * timeadd, timecmp and formatdate on RFC 3339 timestamps (the only time syntax Terraform
 * accepts). The time zone offset of the input is kept, as Go's time.Time does.
 */
import { FunctionError } from './values.js';

export interface Timestamp {
  /** Milliseconds since the epoch (UTC), without the sub-millisecond part. */
  ms: number;
  /** Nanoseconds within the second. */
  nanos: number;
  /** Offset from UTC in minutes. */
  offset: number;
  /** Whether the zone was written as Z. */
  utc: boolean;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?([Zz]|[+-]\d{2}:\d{2})$/;

export function parseTimestamp(s: string): Timestamp {
  const m = RFC3339.exec(s);
  if (!m) throw new FunctionError(`not a valid RFC3339 timestamp: ${JSON.stringify(s)}`);
  const [, y, mo, d, h, mi, se, frac = '', zone] = m;
  const Y = Number(y);
  const M = Number(mo);
  const D = Number(d);
  const daysIn = [31, Y % 4 === 0 && (Y % 100 !== 0 || Y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][M - 1];
  if (M < 1 || M > 12) throw new FunctionError(`not a valid RFC3339 timestamp: month out of range in ${JSON.stringify(s)}`);
  if (D < 1 || D > daysIn) throw new FunctionError(`not a valid RFC3339 timestamp: day out of range in ${JSON.stringify(s)}`);
  if (Number(h) > 23 || Number(mi) > 59 || Number(se) > 59)
    throw new FunctionError(`not a valid RFC3339 timestamp: time out of range in ${JSON.stringify(s)}`);
  let offset = 0;
  const utc = zone === 'Z' || zone === 'z';
  if (!utc) {
    const sign = zone[0] === '-' ? -1 : 1;
    const oh = Number(zone.slice(1, 3));
    const om = Number(zone.slice(4, 6));
    if (oh > 23 || om > 59) throw new FunctionError(`not a valid RFC3339 timestamp: zone offset out of range in ${JSON.stringify(s)}`);
    offset = sign * (oh * 60 + om);
  }
  const dt = new Date(0);
  dt.setUTCFullYear(Y, M - 1, D); // (Date.UTC would map years below 100 to 19xx)
  dt.setUTCHours(Number(h), Number(mi), Number(se), 0);
  const ms = dt.getTime() - offset * 60_000;
  return { ms, nanos: Number(frac.padEnd(9, '0')), offset, utc };
}

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

function fields(t: Timestamp): Fields {
  const d = new Date(t.ms + t.offset * 60_000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
  };
}

const p2 = (n: number) => String(n).padStart(2, '0');

function zoneRFC(offset: number, utc: boolean): string {
  if (utc || offset === 0) return 'Z';
  const sign = offset < 0 ? '-' : '+';
  const a = Math.abs(offset);
  return `${sign}${p2(Math.floor(a / 60))}:${p2(a % 60)}`;
}

/** Go's time.RFC3339 layout (no fractional seconds). */
export function formatRFC3339(t: Timestamp): string {
  const f = fields(t);
  if (f.year < 0 || f.year > 9999) throw new FunctionError('year outside of range [0,9999]');
  return `${String(f.year).padStart(4, '0')}-${p2(f.month)}-${p2(f.day)}T${p2(f.hour)}:${p2(f.minute)}:${p2(f.second)}${zoneRFC(t.offset, t.utc)}`;
}

const UNITS: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  'µs': 1_000n,
  'μs': 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

/** Go's time.ParseDuration, in nanoseconds. */
export function parseDuration(s: string): bigint {
  const err = () => new FunctionError(`time: invalid duration ${JSON.stringify(s)}`);
  let rest = s;
  let neg = false;
  if (rest[0] === '-' || rest[0] === '+') {
    neg = rest[0] === '-';
    rest = rest.slice(1);
  }
  if (rest === '0') return 0n;
  if (rest === '') throw err();
  let total = 0n;
  while (rest !== '') {
    const m = /^(\d*)(?:\.(\d*))?(ns|us|µs|μs|ms|s|m|h)/.exec(rest);
    if (!m || (m[1] === '' && (m[2] === undefined || m[2] === ''))) {
      if (/^[\d.]+$/.test(rest)) throw new FunctionError(`time: missing unit in duration ${JSON.stringify(s)}`);
      throw err();
    }
    const unit = UNITS[m[3]];
    const whole = BigInt(m[1] || '0');
    let v = whole * unit;
    if (m[2]) {
      const scale = 10n ** BigInt(m[2].length);
      v += (BigInt(m[2]) * unit) / scale;
    }
    total += v;
    rest = rest.slice(m[0].length);
  }
  if (total > 9_223_372_036_854_775_807n) throw err();
  return neg ? -total : total;
}

export function timeAdd(ts: string, duration: string): string {
  const t = parseTimestamp(ts);
  const d = parseDuration(duration);
  const total = BigInt(t.ms) * 1_000_000n + BigInt(t.nanos) + d;
  let secs = total / 1_000_000_000n;
  if (total < 0n && total % 1_000_000_000n !== 0n) secs -= 1n;
  const secMs = Number(secs) * 1000;
  return formatRFC3339({ ms: secMs, nanos: 0, offset: t.offset, utc: t.utc });
}

export function timeCmp(a: string, b: string): number {
  const x = parseTimestamp(a);
  const y = parseTimestamp(b);
  const xn = BigInt(x.ms) * 1_000_000n + BigInt(x.nanos);
  const yn = BigInt(y.ms) * 1_000_000n + BigInt(y.nanos);
  return xn < yn ? -1 : xn > yn ? 1 : 0;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** formatdate(spec, timestamp) with Terraform's specification syntax. */
export function formatDate(spec: string, ts: string): string {
  const t = parseTimestamp(ts);
  const f = fields(t);
  let out = '';
  let i = 0;
  while (i < spec.length) {
    const c = spec[i];
    if (c === "'") {
      // Quoted literal; '' inside or alone is a literal quote.
      if (spec[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      let j = i + 1;
      let lit = '';
      for (;;) {
        if (j >= spec.length) throw new FunctionError(`unterminated literal in format string starting at offset ${i}`);
        if (spec[j] === "'") {
          if (spec[j + 1] === "'") {
            lit += "'";
            j += 2;
            continue;
          }
          break;
        }
        lit += spec[j++];
      }
      out += lit;
      i = j + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(c)) {
      out += c;
      i++;
      continue;
    }
    let j = i;
    while (j < spec.length && spec[j] === c) j++;
    const tok = spec.slice(i, j);
    i = j;
    const hour12 = f.hour % 12 === 0 ? 12 : f.hour % 12;
    switch (tok) {
      case 'YYYY':
        out += String(f.year).padStart(4, '0');
        break;
      case 'YY':
        out += p2(f.year % 100);
        break;
      case 'MMMM':
        out += MONTHS[f.month - 1];
        break;
      case 'MMM':
        out += MONTHS[f.month - 1].slice(0, 3);
        break;
      case 'MM':
        out += p2(f.month);
        break;
      case 'M':
        out += String(f.month);
        break;
      case 'DD':
        out += p2(f.day);
        break;
      case 'D':
        out += String(f.day);
        break;
      case 'EEEE':
        out += DAYS[f.weekday];
        break;
      case 'EEE':
        out += DAYS[f.weekday].slice(0, 3);
        break;
      case 'hh':
        out += p2(f.hour);
        break;
      case 'h':
        out += String(f.hour);
        break;
      case 'HH':
        out += p2(hour12);
        break;
      case 'H':
        out += String(hour12);
        break;
      case 'AA':
        out += f.hour < 12 ? 'AM' : 'PM';
        break;
      case 'aa':
        out += f.hour < 12 ? 'am' : 'pm';
        break;
      case 'mm':
        out += p2(f.minute);
        break;
      case 'm':
        out += String(f.minute);
        break;
      case 'ss':
        out += p2(f.second);
        break;
      case 's':
        out += String(f.second);
        break;
      case 'ZZZZZ':
        out += zoneColon(t.offset);
        break;
      case 'ZZZZ':
        out += zoneColon(t.offset).replace(':', '');
        break;
      case 'ZZZ':
        out += t.offset === 0 ? 'UTC' : zoneColon(t.offset).replace(':', '');
        break;
      case 'Z':
        out += t.offset === 0 ? 'Z' : zoneColon(t.offset);
        break;
      default:
        throw new FunctionError(`invalid date format verb ${JSON.stringify(tok)}: unsupported format sequence`);
    }
  }
  return out;
}

function zoneColon(offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  const a = Math.abs(offset);
  return `${sign}${p2(Math.floor(a / 60))}:${p2(a % 60)}`;
}
