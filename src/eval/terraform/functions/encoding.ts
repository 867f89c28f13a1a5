/**
 * Encoding functions: jsonencode/jsondecode, yamlencode/yamldecode, csvdecode, base64, urlencode,
 * hashes. Output follows Terraform: JSON with sorted keys and Go's HTML-safe escaping, YAML in
 * go-cty-yaml's style (block style, double-quoted strings, sorted keys) and YAML 1.1 scalar
 * resolution on decode (yes/no/on/off booleans, 0x/0b integers, timestamps as RFC 3339 strings).
 */
import { createHash } from 'node:crypto';
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node as YamlNode, Scalar } from 'yaml';
import {
  checkString,
  FunctionError,
  formatNumber,
  isObject,
  isUnknown,
  kindOf,
  makeObject,
  MAX_STRING,
  sortedKeys,
  type Obj,
} from './values.js';

// ---------------------------------------------------------------------------------------------
// JSON

/** Go's encoding/json string quoting (HTML-safe: <, >, & and U+2028/9 escaped). */
export function jsonQuote(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i];
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out += ch + s[i + 1];
        i++;
      } else out += '\\ufffd';
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) {
      out += '\\ufffd';
      continue;
    }
    switch (ch) {
      case '"':
        out += '\\"';
        continue;
      case '\\':
        out += '\\\\';
        continue;
      case '\n':
        out += '\\n';
        continue;
      case '\r':
        out += '\\r';
        continue;
      case '\t':
        out += '\\t';
        continue;
      case '\b':
        out += '\\b';
        continue;
      case '\f':
        out += '\\f';
        continue;
      default:
        break;
    }
    if (c < 0x20 || ch === '<' || ch === '>' || ch === '&' || c === 0x2028 || c === 0x2029) {
      out += '\\u' + c.toString(16).padStart(4, '0');
      continue;
    }
    out += ch;
  }
  return out + '"';
}

/** jsonencode of a wholly known value: compact, keys sorted. */
export function jsonEncode(v: unknown): string {
  const parts: string[] = [];
  let size = 0;
  const push = (s: string) => {
    size += s.length;
    if (size > MAX_STRING) checkString('x'.repeat(MAX_STRING + 1));
    parts.push(s);
  };
  const walk = (x: unknown, depth: number): void => {
    if (depth > 1000) throw new FunctionError('value is too deeply nested to encode');
    if (isUnknown(x)) throw new FunctionError('cannot encode an unknown value');
    switch (kindOf(x)) {
      case 'null':
        push('null');
        return;
      case 'bool':
        push(x ? 'true' : 'false');
        return;
      case 'number':
        if (!Number.isFinite(x as number)) throw new FunctionError('cannot serialize infinity as JSON');
        push(formatNumber(x as number));
        return;
      case 'string':
        push(jsonQuote(x as string));
        return;
      case 'list': {
        push('[');
        (x as unknown[]).forEach((e, i) => {
          if (i) push(',');
          walk(e, depth + 1);
        });
        push(']');
        return;
      }
      default: {
        push('{');
        sortedKeys(x as Obj).forEach((k, i) => {
          if (i) push(',');
          push(jsonQuote(k));
          push(':');
          walk((x as Obj)[k], depth + 1);
        });
        push('}');
      }
    }
  };
  walk(v, 0);
  return parts.join('');
}

export function jsonDecode(s: string): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(s);
  } catch (e) {
    throw new FunctionError(`invalid JSON: ${(e as Error).message}`);
  }
  return normalizeDecoded(parsed);
}

/**
 * jsondecode(jsonencode(v)) for a partly known v (the structure of an unknown JSON string, see
 * unknownJson): objects rebuilt as jsondecode builds them, unknown values kept as they are (an
 * unknown string keeps the structure it encodes), keys with no value dropped as encoding drops them.
 */
export function jsonRoundTrip(v: unknown): unknown {
  const walk = (x: unknown, depth: number): unknown => {
    if (depth > 1000) throw new FunctionError('value is too deeply nested to decode');
    if (isUnknown(x)) return x;
    if (Array.isArray(x)) return x.map((e) => (e === undefined ? null : walk(e, depth + 1)));
    if (isObject(x)) return makeObject(Object.keys(x).filter((k) => x[k] !== undefined).map((k) => [k, walk(x[k], depth + 1)]));
    return x === undefined ? null : x;
  };
  return walk(v, 0);
}

/** Rebuilds decoded objects with sorted keys and no prototype surprises. */
function normalizeDecoded(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(normalizeDecoded);
  if (isObject(v)) return makeObject(Object.keys(v).map((k) => [k, normalizeDecoded(v[k])]));
  // JSON.parse reads 1e400 as an infinity; Terraform's big floats hold the number
  if (v === Infinity || v === -Infinity) throw new FunctionError(`a number beyond the range of Palisade's numbers (IEEE doubles)`);
  return v;
}

// ---------------------------------------------------------------------------------------------
// YAML encoding (go-cty-yaml style)

function yamlQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    switch (ch) {
      case '"':
        out += '\\"';
        continue;
      case '\\':
        out += '\\\\';
        continue;
      case '\0':
        out += '\\0';
        continue;
      case '\x07':
        out += '\\a';
        continue;
      case '\b':
        out += '\\b';
        continue;
      case '\t':
        out += '\\t';
        continue;
      case '\n':
        out += '\\n';
        continue;
      case '\v':
        out += '\\v';
        continue;
      case '\f':
        out += '\\f';
        continue;
      case '\r':
        out += '\\r';
        continue;
      case '\x1b':
        out += '\\e';
        continue;
      case '\x85':
        out += '\\N';
        continue;
      case '\xa0':
        out += '\\_';
        continue;
      case '\u2028':
        out += '\\L';
        continue;
      case '\u2029':
        out += '\\P';
        continue;
      default:
        break;
    }
    if (!yamlPrintable(c)) {
      if (c <= 0xff) out += '\\x' + c.toString(16).toUpperCase().padStart(2, '0');
      else if (c <= 0xffff) out += '\\u' + c.toString(16).toUpperCase().padStart(4, '0');
      else out += '\\U' + c.toString(16).toUpperCase().padStart(8, '0');
      continue;
    }
    out += ch;
  }
  return out + '"';
}

/** Line breaks go-yaml writes as such in a block scalar (\r and U+0085 are not printable there). */
const YAML_BREAKS = '\n\u2028\u2029';

/** go-yaml's printable characters: 4-byte UTF-8 (beyond U+FFFF), tab, CR and NEL are not. */
function yamlPrintable(c: number): boolean {
  return c === 0x0a || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff);
}

/**
 * go-cty-yaml asks for the literal block style for a string with a "\n"; go-yaml's emitter
 * keeps it unless the string has a character it cannot print, ends with a space, or has a
 * space before a line break (then it double-quotes).
 */
function yamlLiteralAllowed(s: string): boolean {
  if (!s.includes('\n') || s.endsWith(' ')) return false;
  let prev = '';
  for (const ch of s) {
    if (!yamlPrintable(ch.codePointAt(0)!)) return false;
    if (prev === ' ' && YAML_BREAKS.includes(ch)) return false;
    prev = ch;
  }
  return true;
}

/**
 * A literal block scalar as go-yaml writes it: "|", an indentation indicator (2) when the
 * text starts with a space or a break, then "-" (no final break), "+" (more than one) or
 * nothing (one); each line indented by `indent` spaces, empty lines left empty. The result
 * ends with the string's own last character: a final break ends the line.
 */
function yamlLiteral(s: string, indent: number): string {
  let head = '|';
  if (s[0] === ' ' || YAML_BREAKS.includes(s[0])) head += '2';
  if (!YAML_BREAKS.includes(s[s.length - 1])) head += '-';
  else if (s.length === 1 || YAML_BREAKS.includes(s[s.length - 2])) head += '+';
  const pad = ' '.repeat(indent);
  let out = head + '\n';
  let lineStart = true;
  for (const ch of s) {
    if (YAML_BREAKS.includes(ch)) {
      out += ch;
      lineStart = true;
    } else {
      if (lineStart) out += pad;
      lineStart = false;
      out += ch;
    }
  }
  return out;
}

/** A scalar (or empty collection) in block context; a literal block's lines get `indent` spaces. */
function yamlScalar(v: unknown, indent: number): string | undefined {
  switch (kindOf(v)) {
    case 'null':
      return 'null';
    case 'bool':
      return v ? 'true' : 'false';
    case 'number':
      return formatNumber(v as number);
    case 'string':
      return yamlLiteralAllowed(v as string) ? yamlLiteral(v as string, indent) : yamlQuote(v as string);
    case 'list':
      return (v as unknown[]).length === 0 ? '[]' : undefined;
    case 'object':
      return Object.keys(v as Obj).length === 0 ? '{}' : undefined;
    default:
      throw new FunctionError('cannot encode an unknown value');
  }
}

/** go-yaml writes a key as a simple "key:" unless it spans lines or is over 128 bytes ("? key"). */
function yamlSimpleKey(k: string): boolean {
  return !/[\n\r\u0085\u2028\u2029]/.test(k) && Buffer.byteLength(k) <= 128;
}

export function yamlEncode(v: unknown): string {
  let out = '';
  // whether the last piece left its line open (a literal block ending with a break does not)
  let open = false;
  const push = (s: string) => {
    const piece = open ? '\n' + s : s;
    if (out.length + piece.length > MAX_STRING) checkString('x'.repeat(MAX_STRING + 1));
    out += piece;
    open = !YAML_BREAKS.includes(s[s.length - 1]);
  };
  // Emits a non-scalar node; `prefix` is written before its first line (e.g. "- "), `indent` before the others.
  const block = (x: unknown, prefix: string, indent: string, depth: number): void => {
    if (depth > 1000) throw new FunctionError('value is too deeply nested to encode');
    if (Array.isArray(x)) {
      x.forEach((e, i) => {
        const head = (i === 0 ? prefix : indent) + '- ';
        const s = yamlScalar(e, indent.length + 2);
        if (s !== undefined) push(head + s);
        else block(e, head, indent + '  ', depth + 1);
      });
      return;
    }
    const o = x as Obj;
    sortedKeys(o).forEach((k, i) => {
      const first = i === 0 ? prefix : indent;
      const e = o[k];
      const s = yamlScalar(e, indent.length + 2);
      if (!yamlSimpleKey(k)) {
        // "? key" then ": value", a collection value starting on the ": " line
        push(first + '? ' + yamlScalar(k, indent.length + 2));
        if (s !== undefined) push(indent + ': ' + s);
        else block(e, indent + ': ', indent + '  ', depth + 1);
        return;
      }
      const head = first + yamlQuote(k) + ':';
      if (s !== undefined) push(head + ' ' + s);
      else {
        push(head);
        // Sequences under a mapping key are not indented (go-yaml style); mappings are.
        if (Array.isArray(e)) block(e, indent, indent, depth + 1);
        else block(e, indent + '  ', indent + '  ', depth + 1);
      }
    });
  };
  const top = yamlScalar(v, 2);
  if (top !== undefined) {
    const k = kindOf(v);
    // Plain top-level scalars get an explicit document end marker, as go-yaml writes them.
    if (k !== 'string' && k !== 'list' && k !== 'object') return top + '\n...\n';
    push(top);
  } else block(v, '', '', 0);
  return open ? out + '\n' : out;
}

// ---------------------------------------------------------------------------------------------
// YAML decoding (go-cty-yaml resolution rules)

const YAML_BOOL: Record<string, boolean> = {};
for (const s of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) YAML_BOOL[s] = true;
for (const s of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']) YAML_BOOL[s] = false;
const YAML_NULL = new Set(['', '~', 'null', 'Null', 'NULL']);
const YAML_INF = new Set(['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF']);
const YAML_NAN = new Set(['.nan', '.NaN', '.NAN']);
const YAML12_INT = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const YAML12_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const TAGS = new Set([
  'tag:yaml.org,2002:str',
  'tag:yaml.org,2002:bool',
  'tag:yaml.org,2002:int',
  'tag:yaml.org,2002:float',
  'tag:yaml.org,2002:null',
  'tag:yaml.org,2002:timestamp',
  'tag:yaml.org,2002:binary',
  'tag:yaml.org,2002:map',
  'tag:yaml.org,2002:seq',
]);

function parseDecimal(s: string): number | undefined {
  if (!DECIMAL.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

function parseIntLiteral(s: string): number | undefined {
  const m = /^([+-]?)(0x[0-9a-fA-F]+|0o?[0-7]+|0b[01]+)$/.exec(s);
  if (!m) return undefined;
  let body = m[2];
  if (/^0[0-7]/.test(body)) body = '0o' + body.slice(1);
  try {
    const n = Number(BigInt(body));
    return m[1] === '-' ? -n : n;
  } catch {
    return undefined;
  }
}

/** YAML timestamps become RFC 3339 strings (go-cty-yaml's convention). */
function parseYamlTimestamp(s: string): string | undefined {
  const m =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt ](\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})?)?$/.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', se = '0', , zone] = m;
  const p2 = (x: string) => x.padStart(2, '0');
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(Number(y), month, 0)).getUTCDate()) return undefined;
  if (Number(h) > 23 || Number(mi) > 59 || Number(se) > 59) return undefined;
  // "2006-1-2 15:4:5" (space, no zone) parses only without a zone in Go's layouts.
  if (m[4] !== undefined && s.includes(' ') && zone) return undefined;
  if (m[4] !== undefined && !s.includes(' ') && !zone) return undefined;
  const z = !zone || zone === 'Z' || zone === '+00:00' ? (zone === '+00:00' ? '+00:00' : 'Z') : zone;
  return `${y}-${p2(mo)}-${p2(d)}T${p2(h)}:${p2(mi)}:${p2(se)}${z}`;
}

function resolvePlain(src: string, tag: string | undefined): unknown {
  const t = tag ? longTag(tag) : '';
  if (t === 'tag:yaml.org,2002:str') return src;
  if (t === 'tag:yaml.org,2002:binary') {
    if (!/^[A-Za-z0-9+/\s]*={0,2}$/.test(src)) throw new FunctionError(`cannot parse ${JSON.stringify(src)} as !!binary: not valid base64`);
    return src;
  }
  if (Object.prototype.hasOwnProperty.call(YAML_BOOL, src) && (t === '' || t === 'tag:yaml.org,2002:bool')) return YAML_BOOL[src];
  if (YAML_NULL.has(src) && (t === '' || t === 'tag:yaml.org,2002:null')) return null;
  if (YAML_INF.has(src)) throw new FunctionError('infinite numbers are not supported');
  if (YAML_NAN.has(src)) throw new FunctionError('floating point NaN is not supported');
  if (t === '' || t === 'tag:yaml.org,2002:timestamp') {
    const ts = parseYamlTimestamp(src);
    if (ts !== undefined) return ts;
    if (t) throw new FunctionError(`cannot parse ${JSON.stringify(src)} as !!timestamp`);
  }
  // untagged: only YAML 1.2 number forms (go-cty-yaml's integer and float expressions) are
  // numbers, so digits grouped by "_" stay a string; a !!int or !!float tag drops the "_"
  if (t === '' && !YAML12_INT.test(src) && !YAML12_FLOAT.test(src)) return src;
  if (t === '' || t === 'tag:yaml.org,2002:int' || t === 'tag:yaml.org,2002:float') {
    const plain = src.replace(/_/g, '');
    const n = parseDecimal(/^[+-]?[\d.]/.test(plain) ? plain : '') ?? parseIntLiteral(plain);
    if (n !== undefined) return n;
    if (t) throw new FunctionError(`cannot parse ${JSON.stringify(src)} as ${shortTag(t)}`);
  }
  if (t === 'tag:yaml.org,2002:bool') throw new FunctionError(`cannot parse ${JSON.stringify(src)} as !!bool`);
  if (t === 'tag:yaml.org,2002:null') return null;
  return src;
}

function longTag(tag: string): string {
  return tag.startsWith('!!') ? 'tag:yaml.org,2002:' + tag.slice(2) : tag;
}
function shortTag(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? '!!' + tag.slice('tag:yaml.org,2002:'.length) : tag;
}

const MAX_YAML_NODES = 1_000_000;

export function yamlDecode(text: string): unknown {
  let docs: Document[];
  try {
    const parsed = parseAllDocuments(text, { schema: 'failsafe', uniqueKeys: false, prettyErrors: false });
    docs = (Array.isArray(parsed) ? parsed : [parsed]) as Document[];
  } catch (e) {
    throw new FunctionError(`invalid YAML: ${(e as Error).message}`);
  }
  // go-yaml: a stream without any document (empty, blank or only comments) is an error;
  // "---" alone is a null document, "..." alone has no node
  if (docs.length === 0) throw new FunctionError('missing start of document');
  if (docs.length > 1) throw new FunctionError('unexpected extra content after value (multiple YAML documents)');
  const doc = docs[0];
  if (doc.errors.length > 0) throw new FunctionError(`invalid YAML: ${doc.errors[0].message}`);
  if (!doc.directives?.docStart && isScalar(doc.contents) && doc.contents.source === '' && doc.contents.type === Scalar.PLAIN)
    throw new FunctionError('did not find expected node content');
  let visited = 0;
  const active = new Set<YamlNode>();
  const convert = (node: unknown): unknown => {
    if (++visited > MAX_YAML_NODES) throw new FunctionError('YAML document expands to too many values');
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      const target = node.resolve(doc) as YamlNode | undefined;
      if (!target) throw new FunctionError(`unknown anchor ${JSON.stringify(node.source)} referenced`);
      if (active.has(target)) throw new FunctionError('cannot resolve a recursive alias');
      return convert(target);
    }
    const n = node as YamlNode;
    const tag = (n as { tag?: string }).tag;
    if (tag !== undefined && !TAGS.has(longTag(tag))) throw new FunctionError(`unsupported tag ${JSON.stringify(tag)}`);
    if (isScalar(n)) {
      const src = String(n.value ?? '');
      if (n.type === Scalar.PLAIN) return resolvePlain(src, tag);
      if (tag && longTag(tag) !== 'tag:yaml.org,2002:str') return resolvePlain(src, tag);
      return src;
    }
    active.add(n);
    try {
      if (isSeq(n)) return n.items.map(convert);
      if (isMap(n)) {
        // go-cty-yaml: keys are resolved like values, then converted to strings ("y" → "true");
        // there is no "<<" merge-key support, so "<<" is an ordinary key.
        const entries = new Map<string, unknown>();
        for (const pair of n.items) {
          const keyNode = pair.key as unknown;
          if (!isScalar(keyNode) && !(isAlias(keyNode) && isScalar(keyNode.resolve(doc))))
            throw new FunctionError('only strings are allowed as mapping keys');
          const k = convert(keyNode);
          let key: string;
          if (typeof k === 'string') key = k;
          else if (typeof k === 'number') key = formatNumber(k);
          else if (typeof k === 'boolean') key = String(k);
          else if (k === null) throw new FunctionError('mapping key cannot be null');
          else throw new FunctionError('only strings are allowed as mapping keys');
          entries.set(key, convert(pair.value));
        }
        return makeObject(entries);
      }
    } finally {
      active.delete(n);
    }
    throw new FunctionError('unsupported YAML node');
  };
  return convert(doc.contents);
}

// ---------------------------------------------------------------------------------------------
// CSV (RFC 4180, as Go's encoding/csv reads it)

export function csvDecode(text: string): unknown[] {
  const records: string[][] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const rec: string[] = [];
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= n) throw new FunctionError(`extraneous or missing " in quoted-field (record ${records.length + 1})`);
          if (text[i] === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          field += text[i++];
        }
        if (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r')
          throw new FunctionError(`extraneous or missing " in quoted-field (record ${records.length + 1})`);
      } else {
        while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
          if (text[i] === '"') throw new FunctionError(`bare " in non-quoted-field (record ${records.length + 1})`);
          field += text[i++];
        }
      }
      rec.push(field);
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '\r') i++;
      if (text[i] === '\n') i++;
      break;
    }
    // Go skips empty lines.
    if (!(rec.length === 1 && rec[0] === '')) records.push(rec);
  }
  // Terraform's csvdecode reads a header line first
  if (records.length === 0) throw new FunctionError('missing header line');
  const header = records[0];
  const out: unknown[] = [];
  for (let r = 1; r < records.length; r++) {
    if (records[r].length !== header.length)
      throw new FunctionError(`record on line ${r + 1}: wrong number of fields`);
    out.push(makeObject(header.map((h, j) => [h, records[r][j]])));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Base64, URL encoding, hashes

const B64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function base64Decode(s: string): string {
  // Go's StdEncoding ignores \r and \n.
  const clean = s.replace(/[\r\n]/g, '');
  if (!B64.test(clean)) throw new FunctionError('failed to decode base64 data');
  const bytes = Buffer.from(clean, 'base64');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new FunctionError('the result of decoding the provided string is not valid UTF-8');
  }
}

export function base64Encode(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64');
}

/** Go's url.QueryEscape. */
export function urlEncode(s: string): string {
  let out = '';
  for (const b of Buffer.from(s, 'utf8')) {
    const ch = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(ch)) out += ch;
    else if (ch === ' ') out += '+';
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

export type HashAlgo = 'md5' | 'sha1' | 'sha256' | 'sha512';

export function hashHex(algo: HashAlgo, data: string | Buffer): string {
  return createHash(algo).update(data).digest('hex');
}

export function hashBase64(algo: HashAlgo, data: string | Buffer): string {
  return createHash(algo).update(data).digest('base64');
}

/** uuidv5(namespace, name): deterministic, so it can be computed. */
export function uuidV5(namespace: string, name: string): string {
  const NS: Record<string, string> = {
    dns: '6ba7b810-9dad-11d1-80b4-00c04fd430c8',
    url: '6ba7b811-9dad-11d1-80b4-00c04fd430c8',
    oid: '6ba7b812-9dad-11d1-80b4-00c04fd430c8',
    x500: '6ba7b814-9dad-11d1-80b4-00c04fd430c8',
  };
  const ns = NS[namespace] ?? namespace;
  if (!/^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$/.test(ns))
    throw new FunctionError(`uuidv5() doesn't support namespace prefix ${JSON.stringify(namespace)}`);
  const nsBytes = Buffer.from(ns.replace(/-/g, ''), 'hex');
  const h = createHash('sha1').update(nsBytes).update(Buffer.from(name, 'utf8')).digest();
  const b = h.subarray(0, 16);
  b[6] = (b[6] & 0x0f) | 0x50;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
