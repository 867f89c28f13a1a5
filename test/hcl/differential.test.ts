/**
 * Differential test against hcl2-parser (hashicorp/hcl 2.10 + tmccombs/hcl2json, compiled
 * with GopherJS): every `.tf` file under fixtures/ (globbed at test time) must give the same
 * structure and the same literal values, and files it rejects must be rejected by us too.
 *
 * Our AST is converted to hcl2json's shape: attributes are keys, blocks are nested maps
 * keyed by their labels and wrapped in arrays. hcl2json writes non-literal expressions as
 * "${...}" source text; those positions only need to exist on both sides.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SourceError } from '../../src/model/diagnostics.js';
import type { Body, Expression } from '../../src/parse/hcl/ast.js';
import { literalValue, NOT_LITERAL } from '../../src/parse/hcl/literal.js';
import { parseHcl } from '../../src/parse/hcl/parser.js';

const require = createRequire(import.meta.url);
const hcl2 = require('hcl2-parser') as { parseToObject(input: string): [unknown, unknown] };

const FIXTURES = fileURLToPath(new URL('../../fixtures', import.meta.url));
const MALFORMED = join(FIXTURES, 'hcl', 'malformed');

function tfFiles(): string[] {
  const all = readdirSync(FIXTURES, { recursive: true, withFileTypes: true });
  return all
    .filter((d) => d.isFile() && d.name.endsWith('.tf'))
    .map((d) => join(d.parentPath ?? (d as unknown as { path: string }).path, d.name))
    .filter((p) => !p.startsWith(MALFORMED))
    .sort();
}

const ANY = Symbol('any');
class Conflict extends Error {}

function convExpr(e: Expression): unknown {
  if (e.type === 'tuple') return e.items.map(convExpr);
  if (e.type === 'object') {
    const out: Record<string, unknown> = {};
    for (const item of e.items) {
      let k: unknown;
      if (item.key.type === 'variable' && item.key.bareKey) k = item.key.name;
      else k = literalValue(item.key);
      if (typeof k !== 'string') return ANY; // hcl2json writes "${(expr)}" keys
      out[k] = convExpr(item.value);
    }
    return out;
  }
  if (e.type === 'paren') return ANY;
  const v = literalValue(e);
  return v === NOT_LITERAL ? ANY : v;
}

/** Emulates hcl2json's convertBody (attributes first, then blocks merged by labels). */
function convBody(body: Body): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const item of body.items) if (item.kind === 'attribute') out[item.name] = convExpr(item.expr);
  for (const item of body.items) {
    if (item.kind !== 'block') continue;
    let target = out;
    let key = item.type;
    for (const label of item.labels) {
      if (key in target) {
        const inner = target[key];
        if (!inner || typeof inner !== 'object' || Array.isArray(inner)) throw new Conflict();
        target = inner as Record<string, unknown>;
      } else {
        const obj: Record<string, unknown> = {};
        target[key] = obj;
        target = obj;
      }
      key = label;
    }
    const value = convBody(item.body);
    if (key in target) {
      const cur = target[key];
      if (!Array.isArray(cur)) throw new Conflict();
      cur.push(value);
    } else target[key] = [value];
  }
  return out;
}

function compare(ours: unknown, theirs: unknown, at: string, problems: string[]): void {
  if (ours === ANY) {
    if (theirs === undefined) problems.push(`${at}: missing on hcl2-parser's side`);
    return;
  }
  if (Array.isArray(ours)) {
    if (!Array.isArray(theirs) || theirs.length !== ours.length) {
      problems.push(`${at}: ours ${JSON.stringify(ours)} vs theirs ${JSON.stringify(theirs)}`);
      return;
    }
    ours.forEach((v, i) => compare(v, theirs[i], `${at}[${i}]`, problems));
    return;
  }
  if (ours && typeof ours === 'object') {
    if (!theirs || typeof theirs !== 'object' || Array.isArray(theirs)) {
      problems.push(`${at}: ours is an object, theirs ${JSON.stringify(theirs)}`);
      return;
    }
    const ok = Object.keys(ours).sort();
    const tk = Object.keys(theirs).sort();
    if (ok.join('\0') !== tk.join('\0')) problems.push(`${at}: keys ${JSON.stringify(ok)} vs ${JSON.stringify(tk)}`);
    for (const k of ok) compare((ours as Record<string, unknown>)[k], (theirs as Record<string, unknown>)[k], `${at}.${k}`, problems);
    return;
  }
  if (ours === theirs) return;
  // hcl2json does not fold some context-free expressions ("${(1)}", "${-(1)}") that we do.
  if (typeof theirs === 'string' && theirs.startsWith('${') && theirs.endsWith('}')) return;
  problems.push(`${at}: ours ${JSON.stringify(ours)} vs theirs ${JSON.stringify(theirs)}`);
}

function oracle(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    const [value, err] = hcl2.parseToObject(text);
    if (err || value === null) return { ok: false };
    return { ok: true, value };
  } catch {
    return { ok: false };
  }
}

/** hcl2-parser's HCL 2.10 predates provider-defined functions (`provider::ns::fn`). */
const NEWER_SYNTAX = /\b[A-Za-z_][\w-]*::[A-Za-z_]/;

const files = tfFiles();

describe('differential against hcl2-parser', () => {
  it('finds the fixtures', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
  });

  for (const file of files) {
    it(relative(FIXTURES, file), () => {
      const raw = readFileSync(file, 'utf8');
      // The Go parser does not skip a BOM; compare the content after it.
      const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
      const theirs = oracle(text);
      let ours: Record<string, unknown> | undefined;
      let ourError: unknown;
      let conflict = false;
      try {
        const parsed = parseHcl(raw, relative(FIXTURES, file));
        try {
          ours = convBody(parsed.body);
        } catch (e) {
          if (!(e instanceof Conflict)) throw e;
          conflict = true; // hcl2json cannot represent this shape (and panics on it)
        }
      } catch (e) {
        ourError = e;
      }
      if (ourError && !(ourError instanceof SourceError)) throw ourError;
      if (!theirs.ok) {
        if (ourError) return;
        if (conflict || NEWER_SYNTAX.test(text)) return;
        throw new Error('hcl2-parser rejects this file but we accept it');
      }
      if (ourError) throw ourError;
      if (conflict) throw new Error('hcl2-parser accepted a file whose block/attribute shapes conflict');
      const problems: string[] = [];
      compare(ours, theirs.value, '$', problems);
      expect(problems).toEqual([]);
    });
  }
});
