/**
 * Numeric, conversion, encoding, hashing, date/time, network, filesystem and miscellaneous
 * functions. Values that only exist at apply time (timestamp, uuid, bcrypt, abspath, …) are
 * UNKNOWN.
 */
import { cidrHost, cidrNetmask, cidrSubnet, cidrSubnets } from './cidr.js';
import { formatDate, timeAdd, timeCmp } from './datetime.js';
import {
  base64Decode,
  base64Encode,
  csvDecode,
  hashBase64,
  hashHex,
  jsonDecode,
  jsonEncode,
  jsonRoundTrip,
  urlEncode,
  uuidV5,
  yamlDecode,
  yamlEncode,
  type HashAlgo,
} from './encoding.js';
import type { FnTable, FunctionContext } from './registry.js';
import {
  asList,
  asObject,
  checkString,
  decodedJson,
  finite,
  FunctionError,
  hasUnknown,
  isUnknown,
  kindOf,
  MAX_STRING,
  toBool,
  toInt,
  toNum,
  toStr,
  UNKNOWN,
  unknownJson,
} from './values.js';

// ---------------------------------------------------------------------------------------------
// Numbers

function parseInt62(s: string, base: number): number {
  const err = () => new FunctionError(`cannot parse ${JSON.stringify(s)} as a base ${base} integer`);
  let body = s;
  let neg = false;
  if (body[0] === '+' || body[0] === '-') {
    neg = body[0] === '-';
    body = body.slice(1);
  }
  if (body === '') throw err();
  let v = 0n;
  const B = BigInt(base);
  for (const ch of body) {
    const c = ch.charCodeAt(0);
    let d: number;
    if (c >= 48 && c <= 57) d = c - 48;
    else if (c >= 97 && c <= 122) d = c - 97 + 10;
    else if (c >= 65 && c <= 90) d = base <= 36 ? c - 65 + 10 : c - 65 + 36;
    else throw err();
    if (d >= base) throw err();
    v = v * B + BigInt(d);
  }
  return Number(neg ? -v : v);
}

const numericFunctions: FnTable = {
  abs: { params: 1, impl: ([n]) => Math.abs(toNum(n, 'num')) },
  ceil: { params: 1, impl: ([n]) => Math.ceil(toNum(n, 'num')) },
  floor: { params: 1, impl: ([n]) => Math.floor(toNum(n, 'num')) },
  signum: {
    params: 1,
    impl([n]) {
      // cty reads the argument as a whole number
      const x = toInt(n, 'num');
      return x > 0 ? 1 : x < 0 ? -1 : 0;
    },
  },
  log: {
    params: 2,
    impl: ([n, b]) => finite(Math.log(toNum(n, 'num')) / Math.log(toNum(b, 'base')), [], true),
  },
  pow: { params: 2, impl: ([n, p]) => finite(Math.pow(toNum(n, 'num'), toNum(p, 'power')), [], true) },
  min: {
    params: [0, Infinity],
    impl(args) {
      if (args.length === 0) throw new FunctionError('must pass at least one number');
      return Math.min(...args.map((a) => toNum(a, 'numbers')));
    },
  },
  max: {
    params: [0, Infinity],
    impl(args) {
      if (args.length === 0) throw new FunctionError('must pass at least one number');
      return Math.max(...args.map((a) => toNum(a, 'numbers')));
    },
  },
  parseint: {
    params: 2,
    impl([s, b]) {
      const base = toInt(b, 'base');
      if (base < 2 || base > 62) throw new FunctionError('base must be a whole number between 2 and 62 inclusive');
      if (kindOf(s) !== 'string') throw new FunctionError(`number: string required, got ${kindOf(s)}`);
      return parseInt62(s as string, base);
    },
  },
  sum: {
    params: 1,
    impl([list]) {
      const l = asList(list, 'list');
      if (l.length === 0) throw new FunctionError('cannot sum an empty list');
      let total = 0;
      const operands = l.map((e, i) => {
        if (e === null || e === undefined) throw new FunctionError(`argument at index ${i} is null`);
        const x = toNum(e);
        total += x;
        return x;
      });
      return finite(total, operands);
    },
  },
};

// ---------------------------------------------------------------------------------------------
// Type conversions

const conversionFunctions: FnTable = {
  tostring: {
    params: 1,
    unknowns: 'self',
    impl([v]) {
      if (isUnknown(v)) return UNKNOWN;
      if (v === null || v === undefined) return null;
      const k = kindOf(v);
      if (k === 'list' || k === 'object') throw new FunctionError(`cannot convert ${k === 'list' ? 'tuple' : 'object'} to string`);
      return toStr(v);
    },
  },
  tonumber: {
    params: 1,
    unknowns: 'self',
    impl([v]) {
      if (isUnknown(v)) return UNKNOWN;
      if (v === null || v === undefined) return null;
      return toNum(v);
    },
  },
  tobool: {
    params: 1,
    unknowns: 'self',
    impl([v]) {
      if (isUnknown(v)) return UNKNOWN;
      if (v === null || v === undefined) return null;
      return toBool(v);
    },
  },
  sensitive: { params: 1, unknowns: 'self', impl: ([v]) => v },
  nonsensitive: { params: 1, unknowns: 'self', impl: ([v]) => v },
  ephemeralasnull: { params: 1, unknowns: 'self', impl: ([v]) => v },
  /** Sensitivity is not tracked statically. */
  issensitive: { params: 1, unknowns: 'self', impl: () => UNKNOWN },
  /** type() is a console-only function; its result is not a value we model. */
  type: { params: 1, unknowns: 'self', impl: () => UNKNOWN },
};

// ---------------------------------------------------------------------------------------------
// Encoding and hashing

const TEXT_ENCODINGS: Record<string, BufferEncoding> = {
  'utf-8': 'utf8',
  utf8: 'utf8',
  'utf-16le': 'utf16le',
  'iso-8859-1': 'latin1',
  latin1: 'latin1',
};

function textEncoding(name: string): BufferEncoding | undefined {
  return TEXT_ENCODINGS[name.toLowerCase()];
}

function hashFn(algo: HashAlgo, b64: boolean) {
  return {
    params: 1 as const,
    impl: ([s]: unknown[]) => (b64 ? hashBase64(algo, toStr(s, 'str')) : hashHex(algo, toStr(s, 'str'))),
  };
}

const encodingFunctions: FnTable = {
  // Terraform's result is unknown when the value holds unknowns; the structure stays readable
  // to adapters that parse the JSON (policy documents naming a resource's ARN).
  jsonencode: { params: 1, unknowns: 'self', impl: ([v]) => (hasUnknown(v) ? unknownJson(v) : jsonEncode(v)) },
  // An unknown string that is known to encode a partly known structure (a jsonencode of a
  // value holding unknowns, a policy document) decodes to that structure, UNKNOWN where unknown.
  jsondecode: {
    params: 1,
    unknowns: 'self',
    impl([s]) {
      if (!isUnknown(s)) return jsonDecode(toStr(s, 'str'));
      const decoded = decodedJson(s);
      return decoded === undefined ? UNKNOWN : jsonRoundTrip(decoded);
    },
  },
  yamlencode: { params: 1, impl: ([v]) => yamlEncode(v) },
  yamldecode: { params: 1, impl: ([s]) => yamlDecode(toStr(s, 'src')) },
  csvdecode: { params: 1, impl: ([s]) => csvDecode(toStr(s, 'str')) },
  base64encode: { params: 1, impl: ([s]) => checkString(base64Encode(toStr(s, 'str'))) },
  base64decode: { params: 1, impl: ([s]) => base64Decode(toStr(s, 'str')) },
  /** Go's gzip output bytes cannot be reproduced exactly here. */
  base64gzip: { params: 1, impl: () => UNKNOWN },
  textencodebase64: {
    params: 2,
    impl([s, enc]) {
      const e = textEncoding(toStr(enc, 'encoding'));
      if (!e) return UNKNOWN;
      return Buffer.from(toStr(s, 'string'), e).toString('base64');
    },
  },
  textdecodebase64: {
    params: 2,
    impl([s, enc]) {
      const e = textEncoding(toStr(enc, 'encoding'));
      if (!e) return UNKNOWN;
      const str = toStr(s, 'source');
      if (e === 'utf8') return base64Decode(str);
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(str) || str.length % 4 !== 0) throw new FunctionError('the given value has an invalid base64 symbol');
      return Buffer.from(str, 'base64').toString(e);
    },
  },
  urlencode: { params: 1, impl: ([s]) => urlEncode(toStr(s, 'str')) },
  md5: hashFn('md5', false),
  sha1: hashFn('sha1', false),
  sha256: hashFn('sha256', false),
  sha512: hashFn('sha512', false),
  base64sha256: hashFn('sha256', true),
  base64sha512: hashFn('sha512', true),
  uuidv5: { params: 2, impl: ([ns, name]) => uuidV5(toStr(ns, 'namespace'), toStr(name, 'name')) },
  uuid: { params: 0, unknowns: 'self', impl: () => UNKNOWN },
  bcrypt: { params: [1, 2], unknowns: 'self', impl: () => UNKNOWN },
};

// ---------------------------------------------------------------------------------------------
// Date and time

const timeFunctions: FnTable = {
  timestamp: { params: 0, unknowns: 'self', impl: () => UNKNOWN },
  plantimestamp: { params: 0, unknowns: 'self', impl: () => UNKNOWN },
  timeadd: { params: 2, impl: ([t, d]) => timeAdd(toStr(t, 'timestamp'), toStr(d, 'duration')) },
  timecmp: { params: 2, impl: ([a, b]) => timeCmp(toStr(a, 'timestamp_a'), toStr(b, 'timestamp_b')) },
  formatdate: { params: 2, impl: ([spec, t]) => formatDate(toStr(spec, 'format'), toStr(t, 'time')) },
};

// ---------------------------------------------------------------------------------------------
// Networking

const networkFunctions: FnTable = {
  cidrhost: { params: 2, impl: ([p, h]) => cidrHost(toStr(p, 'prefix'), toInt(h, 'hostnum')) },
  cidrnetmask: { params: 1, impl: ([p]) => cidrNetmask(toStr(p, 'prefix')) },
  cidrsubnet: {
    params: 3,
    impl: ([p, nb, nn]) => cidrSubnet(toStr(p, 'prefix'), toInt(nb, 'newbits'), toInt(nn, 'netnum')),
  },
  cidrsubnets: {
    params: [1, Infinity],
    impl: ([p, ...nbs]) =>
      cidrSubnets(
        toStr(p, 'prefix'),
        nbs.map((n) => toInt(n, 'newbits')),
      ),
  },
};

// ---------------------------------------------------------------------------------------------
// Filesystem

/**
 * Normalises a path relative to the scan root: "./" and ".." are resolved, and anything that
 * is absolute, starts with "~" or climbs out of the tree is refused (undefined).
 */
export function normalizePath(p: string): string | undefined {
  if (p === '' || p.includes('\0')) return undefined;
  if (p.startsWith('/') || p.startsWith('\\') || p.startsWith('~') || /^[A-Za-z]:/.test(p)) return undefined;
  const out: string[] = [];
  for (const seg of p.split(/[\\/]+/)) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length === 0) return undefined;
      out.pop();
      continue;
    }
    out.push(seg);
  }
  return out.length === 0 ? undefined : out.join('/');
}

/** Resolves and reads a file: relative to the scan root first, then to the module's folder. */
export function readFile(ctx: FunctionContext, path: string): { rel: string; text: string } | undefined {
  const candidates: string[] = [];
  const direct = normalizePath(path);
  if (direct !== undefined) candidates.push(direct);
  if (ctx.moduleDir !== '' && !/^[\\/~]|^[A-Za-z]:/.test(path)) {
    const viaModule = normalizePath(`${ctx.moduleDir}/${path}`);
    if (viaModule !== undefined && !candidates.includes(viaModule)) candidates.push(viaModule);
  }
  for (const rel of candidates) {
    const text = ctx.readText(rel);
    if (text !== undefined) {
      if (text.length > MAX_STRING) throw new FunctionError(`file ${JSON.stringify(path)} is too large`);
      return { rel, text };
    }
  }
  return undefined;
}

function mustRead(ctx: FunctionContext, path: string): { rel: string; text: string } {
  const f = readFile(ctx, path);
  if (!f) throw new FunctionError(`no file exists at ${JSON.stringify(path)}; this function works only with files that are distributed as part of the configuration source code`);
  return f;
}

function fileHash(algo: HashAlgo, b64: boolean) {
  return {
    params: 1 as const,
    impl: ([p]: unknown[], ctx: FunctionContext) => {
      const { text } = mustRead(ctx, toStr(p, 'path'));
      return b64 ? hashBase64(algo, text) : hashHex(algo, text);
    },
  };
}

/** Go's filepath.Base. */
export function basename(p: string): string {
  if (p === '') return '.';
  let s = p.replace(/\/+$/, '');
  if (s === '') return '/';
  const i = s.lastIndexOf('/');
  s = s.slice(i + 1);
  return s;
}

/** Go's filepath.Dir. */
export function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  const dir = p.slice(0, i + 1);
  return cleanPath(dir);
}

/** Go's filepath.Clean (forward slashes). */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(seg);
  }
  const s = (rooted ? '/' : '') + out.join('/');
  return s === '' ? '.' : s;
}

const VAR_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;
let templateDepth = 0;

const fileFunctions: FnTable = {
  file: { params: 1, impl: ([p], ctx) => mustRead(ctx, toStr(p, 'path')).text },
  fileexists: { params: 1, impl: ([p], ctx) => readFile(ctx, toStr(p, 'path')) !== undefined },
  filebase64: {
    params: 1,
    impl: ([p], ctx) => Buffer.from(mustRead(ctx, toStr(p, 'path')).text, 'utf8').toString('base64'),
  },
  filemd5: fileHash('md5', false),
  filesha1: fileHash('sha1', false),
  filesha256: fileHash('sha256', false),
  filesha512: fileHash('sha512', false),
  filebase64sha256: fileHash('sha256', true),
  filebase64sha512: fileHash('sha512', true),
  /** Listing directories is not part of the function context. */
  fileset: { params: 2, impl: () => UNKNOWN },
  templatefile: {
    params: 2,
    unknowns: 'self',
    impl([p, vars], ctx) {
      if (hasUnknown(p) || isUnknown(vars)) return UNKNOWN;
      if (templateDepth > 0) throw new FunctionError('cannot recursively call templatefile from inside another template function');
      const path = toStr(p, 'path');
      const v = vars === null || vars === undefined ? {} : asObject(vars, 'vars');
      for (const k of Object.keys(v)) {
        if (!VAR_NAME.test(k))
          throw new FunctionError(`invalid template variable name ${JSON.stringify(k)}: must start with a letter, followed by zero or more letters, digits, and underscores`);
      }
      const { rel, text } = mustRead(ctx, path);
      templateDepth++;
      try {
        return ctx.renderTemplate(text, v, rel);
      } finally {
        templateDepth--;
      }
    },
  },
  basename: { params: 1, impl: ([p]) => basename(toStr(p, 'path')) },
  dirname: { params: 1, impl: ([p]) => dirname(toStr(p, 'path')) },
  /** Depends on the machine running Terraform. */
  abspath: { params: 1, impl: () => UNKNOWN },
  pathexpand: {
    params: 1,
    impl([p]) {
      const s = toStr(p, 'path');
      // Only a leading "~" depends on the machine (the home directory); other paths are returned as-is.
      return s === '~' || s.startsWith('~/') || s.startsWith('~\\') ? UNKNOWN : s;
    },
  },
};

export const miscFunctions: FnTable = {
  ...numericFunctions,
  ...conversionFunctions,
  ...encodingFunctions,
  ...timeFunctions,
  ...networkFunctions,
  ...fileFunctions,
};
