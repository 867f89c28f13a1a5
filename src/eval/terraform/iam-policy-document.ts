/**
 * `data.aws_iam_policy_document`, computed locally as the AWS provider computes it (no API
 * call): its `statement` blocks, merged with the documents of `source_policy_documents` and
 * `override_policy_documents`.
 *
 * The provider's merge: the statements of the source documents in order (a non-empty Sid
 * repeated across them is an error); then the document's own statements, each replacing the
 * statement with the same non-empty Sid or appended; then each override document's statements
 * the same way. The Version is the greatest of the documents', the Id the last one set.
 *
 * Values may be partly known. A statement whose Sid is unknown might replace any statement that
 * has a Sid, so those become UNKNOWN (they may be gone); a source or override document whose
 * structure is not known at all (a wholly unknown string, an unknown statement list), one the
 * provider rejects, or one this module cannot read exactly as the provider does, makes the
 * whole document UNKNOWN: never a guess.
 */
import { decodedJson, isUnknown, UNKNOWN } from '../../model/model.js';
import type { BodyView } from '../../adapt/terraform/view.js';
import type { Range } from '../../model/source.js';
import { numberToString } from './values.js';

/** Told why a document is one the AWS provider refuses, and where. */
export type Reject = (message: string, at: { file: string; range: Range }) => void;

/** Where a statement of the computed document comes from. */
export type StatementOrigin =
  | { from: 'statement'; block: number }
  | { from: 'source_policy_documents' | 'override_policy_documents'; document: number; statement: number };

export interface PolicyDocumentLayout {
  /** The document, with UNKNOWN where it cannot be known. */
  document: Record<string, unknown>;
  /** Per statement of `document.Statement`: where it comes from; undefined for an unknown one. */
  origins: (StatementOrigin | undefined)[];
}

type Doc = { version: unknown; id: unknown; statements: unknown[] };

/** The provider's merge order: source documents, the document itself, override documents. */
const MERGED = ['source_policy_documents', 'override_policy_documents'] as const;

/** The document `view` computes, and where each of its statements comes from; undefined when the document is UNKNOWN. */
export function policyDocumentLayout(view: BodyView, reject: Reject = () => {}): PolicyDocumentLayout | undefined {
  // computed once per data source view: its json (evaluation) and its statements' places (adapters)
  if (layouts.has(view)) return layouts.get(view);
  const layout = computeLayout(view, reject);
  layouts.set(view, layout);
  return layout;
}

const layouts = new WeakMap<BodyView, PolicyDocumentLayout | undefined>();

function computeLayout(view: BodyView, reject: Reject): PolicyDocumentLayout | undefined {
  const at = (a: { range: Range; file?: string }) => ({ file: a.file ?? view.file, range: a.range });
  // deprecated and ignored by the provider (they must be empty); they merged documents in older versions
  for (const old of ['source_json', 'override_json']) {
    const a = view.attr(old);
    if (a && a.value !== null && a.value !== '') {
      if (!isUnknown(a.value)) reject(`${old} is no longer read by the AWS provider (use ${old === 'source_json' ? 'source_policy_documents' : 'override_policy_documents'}): the policy document is treated as unknown`, at(a));
      return undefined;
    }
  }
  const inputs: Record<(typeof MERGED)[number], Doc[]> = { source_policy_documents: [], override_policy_documents: [] };
  for (const name of MERGED) {
    const a = view.attr(name);
    if (!a || a.value === null) continue;
    if (!Array.isArray(a.value)) {
      if (!isUnknown(a.value)) reject(`${name} must be a list of JSON policy documents: the policy document is treated as unknown`, at(a));
      return undefined;
    }
    for (const [i, text] of a.value.entries()) {
      const doc = inputDocument(text, (reason) => reject(`document ${i + 1} of ${name} cannot be used by the AWS provider: ${reason}; the policy document is treated as unknown`, at(a)));
      if (!doc) return undefined;
      inputs[name].push(doc);
    }
  }
  const own = ownDocument(view, reject);
  if (!own) return undefined;

  const merged = new Merged();
  // source documents: appended in order; a known Sid seen twice is the provider's error
  const sids = new Set<string>();
  for (const [d, doc] of inputs.source_policy_documents.entries()) {
    merged.adopt(doc);
    for (const [s, st] of doc.statements.entries()) {
      const sid = sidOf(st);
      if (typeof sid === 'string' && sid !== '') {
        if (sids.has(sid)) {
          const a = view.attr('source_policy_documents')!;
          reject(`Sid "${sid}" appears in two source_policy_documents, which the AWS provider refuses: the policy document is treated as unknown`, at(a));
          return undefined;
        }
        sids.add(sid);
      }
      merged.entries.push({ statement: st, origin: { from: 'source_policy_documents', document: d, statement: s } });
    }
  }
  merged.merge(own, (i) => ({ from: 'statement', block: i }));
  for (const [d, doc] of inputs.override_policy_documents.entries()) {
    merged.merge(doc, (s) => ({ from: 'override_policy_documents', document: d, statement: s }));
  }

  const document: Record<string, unknown> = { Version: merged.version };
  if (merged.id !== '') document.Id = merged.id;
  document.Statement = merged.entries.map((e) => e.statement);
  return { document, origins: merged.entries.map((e) => (isUnknown(e.statement) ? undefined : e.origin)) };
}

/** A statement's Sid: '' for none, UNKNOWN when it cannot be known (an unknown statement or Sid). */
function sidOf(st: unknown): unknown {
  if (isUnknown(st)) return UNKNOWN;
  const sid = (st as Record<string, unknown>).Sid;
  return sid === undefined || sid === null ? '' : sid;
}

class Merged {
  version: unknown = '';
  id: unknown = '';
  entries: { statement: unknown; origin: StatementOrigin }[] = [];

  /** The provider's IAMPolicyDoc.Merge for Version and Id: the greater version, the last Id set. */
  adopt(doc: Doc): void {
    if (isUnknown(doc.id)) this.id = UNKNOWN;
    else if (doc.id !== '') this.id = doc.id;
    if (isUnknown(doc.version) || isUnknown(this.version)) this.version = UNKNOWN;
    else if ((doc.version as string) > (this.version as string)) this.version = doc.version;
  }

  /** IAMPolicyDoc.Merge: each statement replaces the one with the same non-empty Sid, or is appended. */
  merge(doc: Doc, origin: (i: number) => StatementOrigin): void {
    this.adopt(doc);
    doc.statements.forEach((st, i) => {
      const entry = { statement: st, origin: origin(i) };
      const sid = sidOf(st);
      if (sid === '') {
        this.entries.push(entry);
        return;
      }
      if (typeof sid === 'string') {
        // Sids in the merged document are unique (the provider checks), so a known match is the one replaced
        const at = this.entries.findIndex((e) => sidOf(e.statement) === sid);
        if (at >= 0) {
          this.entries[at] = entry;
          return;
        }
        // one of the statements whose Sid is unknown may be the one replaced
        this.forget((s) => isUnknown(s));
      } else {
        // an unknown Sid may be any other statement's
        this.forget((s) => s !== '');
      }
      this.entries.push(entry);
    });
  }

  /** Statements that may have been replaced: UNKNOWN, as they may be gone. */
  private forget(maybe: (sid: unknown) => boolean): void {
    for (const e of this.entries) if (maybe(sidOf(e.statement))) e.statement = UNKNOWN;
  }
}

/** The configured document: version, policy_id and statement blocks; undefined when the provider rejects it. */
function ownDocument(view: BodyView, reject: Reject): Doc | undefined {
  const version = view.attr('version')?.value ?? '2012-10-17';
  const id = view.attr('policy_id')?.value ?? '';
  if ((typeof version !== 'string' && !isUnknown(version)) || (typeof id !== 'string' && !isUnknown(id))) {
    reject('version and policy_id must be strings: the policy document is treated as unknown', { file: view.file, range: view.range });
    return undefined;
  }
  const statements: unknown[] = [];
  const sids = new Set<string>();
  for (const st of view.blocks('statement')) {
    if (st.unknown) {
      statements.push(UNKNOWN);
      continue;
    }
    const out: Record<string, unknown> = {};
    const sid = st.attr('sid')?.value;
    if (typeof sid === 'string' && sid !== '') {
      if (sids.has(sid)) {
        reject(`duplicate Sid "${sid}" in the statements of this policy document, which the AWS provider refuses: the policy document is treated as unknown`, { file: st.file, range: st.range });
        return undefined;
      }
      sids.add(sid);
    }
    // Sid is omitempty in the provider's statement: an empty sid is no Sid
    if (sid !== undefined && sid !== null && sid !== '') out.Sid = sid;
    out.Effect = st.attr('effect')?.value ?? 'Allow';
    for (const [attr, key] of [['actions', 'Action'], ['not_actions', 'NotAction'], ['resources', 'Resource'], ['not_resources', 'NotResource']] as const) {
      const a = st.attr(attr);
      // the provider leaves out an empty (or null) set: `not_actions = []` is no NotAction
      if (a && a.value !== null && !(Array.isArray(a.value) && a.value.length === 0)) out[key] = stringSet(a.value);
    }
    for (const [block, key] of [['principals', 'Principal'], ['not_principals', 'NotPrincipal']] as const) {
      const ps = st.blocks(block);
      if (ps.length) out[key] = principalBlocks(ps);
    }
    const conditions = conditionBlocks(st.blocks('condition'));
    if (conditions !== undefined) out.Condition = conditions;
    // the provider writes `&{` as `${` in resources, not_resources, principal identifiers and
    // condition values (policy variables without HCL interpolation); version 2008-10-17 has no
    // policy variables, and there a `&{` is the provider's error
    const amp = policyVariableStrings(out);
    if (amp !== undefined) {
      if (version === '2008-10-17') {
        reject(`"${amp}" has a &{ sequence, which the AWS provider refuses in a document of version 2008-10-17: the policy document is treated as unknown`, { file: st.file, range: st.range });
        return undefined;
      }
      // the version is unknown: it may be 2008-10-17, and the document refused
      if (isUnknown(version)) return undefined;
    }
    statements.push(out);
  }
  return { version, id, statements };
}

/** The provider's replacement of `&{` with `${`. */
function replaceVars(v: unknown): unknown {
  if (typeof v === 'string') return v.replaceAll('&{', '${');
  return Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x.replaceAll('&{', '${') : x)) : v;
}

/**
 * Replaces `&{` with `${` where the provider does, in place: Resource, NotResource, the
 * identifiers of Principal and NotPrincipal, Condition values (not Action, Sid, or condition
 * keys). Returns the first string that had a `&{`, or undefined.
 */
function policyVariableStrings(st: Record<string, unknown>): string | undefined {
  let first: string | undefined;
  const seen = (v: unknown): unknown => {
    if (first === undefined) {
      for (const x of Array.isArray(v) ? v : [v]) {
        if (typeof x === 'string' && x.includes('&{')) {
          first = x;
          break;
        }
      }
    }
    return replaceVars(v);
  };
  for (const key of ['Resource', 'NotResource']) if (key in st) st[key] = seen(st[key]);
  for (const key of ['Principal', 'NotPrincipal']) {
    const p = st[key];
    if (p !== undefined && !isUnknown(p) && typeof p === 'object' && p !== null) {
      st[key] = Object.fromEntries(Object.entries(p).map(([type, ids]) => [type, seen(ids)]));
    }
  }
  const c = st.Condition;
  if (c !== undefined && !isUnknown(c) && typeof c === 'object' && c !== null) {
    st.Condition = Object.fromEntries(
      Object.entries(c).map(([test, vars]) => [test, isUnknown(vars) || typeof vars !== 'object' || vars === null ? vars : Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, seen(v)]))]),
    );
  }
  return first;
}

/**
 * A set-of-strings argument (actions, resources, identifiers, condition values) as Terraform
 * hands it to the provider: numbers and bools become strings (`values = [86400]` is "86400").
 */
function stringSet(v: unknown): unknown {
  const str = (x: unknown) => (typeof x === 'number' ? numberToString(x) : typeof x === 'boolean' ? String(x) : x);
  return Array.isArray(v) ? v.map(str) : str(v);
}

/** `principals { type, identifiers }` blocks as a Principal; UNKNOWN when a block's type or identifiers cannot be placed. */
function principalBlocks(ps: BodyView[]): unknown {
  // keys are the configuration's (a type "__proto__" is a key like any other): a Map, then own properties
  const principal = new Map<string, unknown[]>();
  for (const p of ps) {
    if (p.unknown) return UNKNOWN;
    const type = p.attr('type')?.value;
    const ids = stringSet(p.attr('identifiers')?.value);
    if (typeof type !== 'string' || !Array.isArray(ids)) return UNKNOWN;
    principal.set(type, [...(principal.get(type) ?? []), ...ids]);
  }
  // the provider writes "*" only for a single block of type "*" whose identifiers are exactly ["*"]
  if (ps.length === 1 && principal.has('*')) {
    const ids = principal.get('*')!;
    if (ids.length === 1 && ids[0] === '*') return '*';
    // whether it is written as "*" depends on an identifier not known
    if (ids.length === 1 && isUnknown(ids[0])) return UNKNOWN;
  }
  return Object.fromEntries(principal);
}

/** `condition { test, variable, values }` blocks as a Condition; UNKNOWN when a block's test or variable is unknown. */
function conditionBlocks(cs: BodyView[]): unknown {
  if (!cs.length) return undefined;
  const conditions = new Map<string, Map<string, unknown>>();
  for (const c of cs) {
    if (c.unknown) return UNKNOWN;
    const test = c.attr('test')?.value;
    const variable = c.attr('variable')?.value;
    if (typeof test !== 'string' || typeof variable !== 'string') return UNKNOWN;
    if (!conditions.has(test)) conditions.set(test, new Map());
    conditions.get(test)!.set(variable, stringSet(c.attr('values')?.value));
  }
  return Object.fromEntries([...conditions].map(([test, vars]) => [test, Object.fromEntries(vars)]));
}

// ---------------------------------------------------------------------------------------------
// Source and override documents, read as the provider's Go structs read them (encoding/json)

/**
 * Thrown while reading a document the provider rejects (with the reason, which becomes a
 * warning), or one that cannot be read exactly though it may be valid (no message: no warning).
 */
class Unreadable extends Error {
  constructor(readonly reason?: string) {
    super(reason ?? 'cannot be read exactly');
  }
}

const DOC_FIELDS = ['Version', 'Id', 'Statement'];
const STATEMENT_FIELDS = ['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Principal', 'NotPrincipal', 'Condition'];

/**
 * A source or override document: a JSON string, or an unknown one whose structure is known;
 * undefined when it cannot be known, after `reject` is told why when the provider would refuse it.
 */
function inputDocument(text: unknown, reject: (reason: string) => void): Doc | undefined {
  let v: unknown;
  if (typeof text === 'string') {
    try {
      v = JSON.parse(text);
    } catch (e) {
      reject(`it is not JSON (${(e as Error).message})`);
      return undefined;
    }
  } else if (isUnknown(text)) {
    v = decodedJson(text); // the structure of a jsonencode, another policy document's json
    if (v === undefined) return undefined;
  } else {
    reject(`it must be a JSON string, not ${text === null ? 'null' : typeof text}`);
    return undefined;
  }
  try {
    return readDocument(v);
  } catch (e) {
    if (!(e instanceof Unreadable)) throw e;
    if (e.reason) reject(e.reason);
    return undefined;
  }
}

/**
 * Go's case folding of a key (bytes.EqualFold): ASCII letters, and the two other letters that
 * fold into them (ſ, the Kelvin sign); undefined for a key no ASCII field name can match.
 */
function foldKey(k: string): string | undefined {
  const folded = k.replace(/\u017f/g, 's').replace(/\u212a/g, 'k');
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(folded) ? folded.toLowerCase() : undefined;
}

/**
 * An object's fields as Go's encoding/json matches them: exactly, else case-insensitively.
 * Keys matching no field are ignored, as Go ignores them; two keys for one field are
 * Unreadable (Go keeps the later, and which is later is not certain here).
 */
function fields(o: Record<string, unknown>, names: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o)) {
    const folded = foldKey(k);
    const name = names.find((n) => n === k) ?? names.find((n) => n.toLowerCase() === folded);
    if (!name) continue;
    if (name in out) throw new Unreadable();
    out[name] = o[k];
  }
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isUnknown(v);
}

/** A string field: '' when null or absent, UNKNOWN when unknown; anything else is the provider's error. */
function stringField(v: unknown): unknown {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string' || isUnknown(v)) return v;
  throw new Unreadable('a Version, Id or Sid must be a string');
}

function readDocument(v: unknown): Doc {
  if (v === null) return { version: '', id: '', statements: [] };
  if (!isPlainObject(v)) throw new Unreadable('the document must be a JSON object');
  const f = fields(v, DOC_FIELDS);
  const list = f.Statement;
  // an unknown statement list: how many statements, with which Sids, cannot be known
  if (isUnknown(list)) throw new Unreadable();
  if (list !== undefined && list !== null && !Array.isArray(list)) throw new Unreadable('Statement must be a list');
  return { version: stringField(f.Version), id: stringField(f.Id), statements: (list ?? []).map(readStatement) };
}

/** One statement as the provider writes it back: its fields in the struct's order, empty ones left out. */
function readStatement(v: unknown): unknown {
  if (isUnknown(v)) return UNKNOWN;
  if (!isPlainObject(v)) throw new Unreadable('each statement must be a JSON object'); // null too: the provider dereferences it
  const f = fields(v, STATEMENT_FIELDS);
  const out: Record<string, unknown> = {};
  const sid = stringField(f.Sid);
  if (sid !== '') out.Sid = sid;
  const effect = stringField(f.Effect);
  if (effect !== '') out.Effect = effect;
  for (const key of ['Action', 'NotAction', 'Resource', 'NotResource']) {
    if (f[key] !== undefined && f[key] !== null) out[key] = f[key];
  }
  for (const key of ['Principal', 'NotPrincipal']) {
    if (f[key] === undefined) continue;
    const p = readPrincipal(f[key]);
    if (p !== undefined) out[key] = p;
  }
  if (f.Condition !== undefined && f.Condition !== null) {
    const c = readCondition(f.Condition);
    if (c !== undefined) out.Condition = c;
  }
  return out;
}

/** Go's reverse string sort of identifier lists (IAMPolicyStatementPrincipalSet). */
function reverseSorted(xs: unknown[]): unknown[] {
  if (!xs.every((x) => typeof x === 'string')) return xs;
  return [...(xs as string[])].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
}

/**
 * A Principal as the provider reads and writes it: any string is `"*"`; a map of types to an
 * identifier or a list of them; only `{"*": "*"}` (or `["*"]`) becomes `"*"`. Undefined when
 * it is left out (an empty map).
 */
function readPrincipal(v: unknown): unknown {
  if (isUnknown(v)) return UNKNOWN;
  if (typeof v === 'string') return '*';
  if (!isPlainObject(v)) throw new Unreadable('a Principal must be "*" or an object'); // null too
  const types = Object.keys(v).sort();
  const out = new Map<string, unknown>();
  for (const type of types) {
    const ids = v[type];
    if (typeof ids === 'string' || isUnknown(ids)) out.set(type, ids);
    else if (Array.isArray(ids)) {
      if (!ids.every((x) => typeof x === 'string' || isUnknown(x))) throw new Unreadable('the identifiers of a Principal must be strings');
      out.set(type, reverseSorted(ids));
    } else throw new Unreadable('the identifiers of a Principal must be a string or a list of strings');
  }
  if (types.length === 0) return undefined;
  if (types.length === 1 && types[0] === '*') {
    const ids = out.get('*');
    const one = Array.isArray(ids) && ids.length === 1 ? ids[0] : ids;
    if (one === '*') return '*';
    // whether it is written as "*" depends on an identifier not known
    if (isUnknown(one)) return UNKNOWN;
  }
  return Object.fromEntries(out);
}

/**
 * A Condition as the provider reads and writes it: operator → key → a string or a list of
 * strings (one-element lists written as the string, booleans as "true"/"false"). An operator
 * block holding a value the provider drops (a number, null) or an unknown one is UNKNOWN: it may
 * or may not hold that key. Undefined when the Condition is left out (no values).
 */
function readCondition(v: unknown): unknown {
  if (isUnknown(v)) return UNKNOWN;
  if (!isPlainObject(v)) throw new Unreadable('a Condition must be an object');
  // keys are the document's (JSON.parse makes "__proto__" an own key): Maps, then own properties
  const out = new Map<string, unknown>();
  for (const test of Object.keys(v).sort()) {
    const keys = v[test];
    if (keys === null) continue;
    if (isUnknown(keys)) {
      out.set(test, UNKNOWN);
      continue;
    }
    if (!isPlainObject(keys)) throw new Unreadable(`the Condition operator ${test} must hold an object`);
    const block = new Map<string, unknown>();
    for (const variable of Object.keys(keys).sort()) {
      const values = keys[variable];
      if (typeof values === 'string') block.set(variable, values);
      else if (typeof values === 'boolean') block.set(variable, String(values));
      else if (Array.isArray(values)) {
        if (!values.every((x) => typeof x === 'string' || isUnknown(x))) throw new Unreadable('condition values must be strings');
        block.set(variable, values.length === 1 ? values[0] : values);
      } else {
        out.set(test, UNKNOWN);
        break;
      }
    }
    if (!out.has(test) && block.size) out.set(test, Object.fromEntries(block));
  }
  return out.size ? Object.fromEntries(out) : undefined;
}
