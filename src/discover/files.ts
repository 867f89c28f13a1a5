/**
 * Finds what to scan under the targets and groups it into units of work: a Terraform module
 * folder (its .tf and .tf.json files together, since resources refer across files), or one
 * manifest file. Never follows a link out of the scanned tree; never reads huge files.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../model/diagnostics.js';
import { calledModuleDirs } from './terraform-roots.js';
import { nestedTemplateFiles } from './cfn-nested.js';
import { fileByteLimit, TreeReader } from '../engine/tree-reader.js';

export type UnitKind = 'terraform' | 'manifest';

export interface ScanUnit {
  kind: UnitKind;
  /** Relative to the root, `/` separators: the folder for Terraform, the file for manifests. */
  id: string;
  /** Files of the unit, relative to the root. */
  files: string[];
}

export interface Discovery {
  root: string;
  units: ScanUnit[];
  diagnostics: Diagnostic[];
  files: number;
  /** Reader of the tree for the rest of the scan: the folders walked and the files read are not read again. */
  reader: TreeReader;
}

/** Larger files are reported and skipped (the limits are the reader's: a file reached through another one has them too). */
export { MAX_FILE_BYTES, MAX_JSON_BYTES } from '../engine/tree-reader.js';
const SKIP_DIRS = new Set(['.git', 'node_modules', '.terraform', '.palisade-cache', '.hg', '.svn']);

export function classify(name: string): UnitKind | undefined {
  const n = name.toLowerCase();
  if (n.endsWith('.tf') || n.endsWith('.tf.json')) return 'terraform';
  if (n.endsWith('.yaml') || n.endsWith('.yml') || n.endsWith('.json')) return 'manifest';
  return undefined;
}

function toRel(root: string, abs: string): string {
  const rel = path.relative(root, abs).split(path.sep).join('/');
  return rel === '' ? path.basename(abs) : rel;
}

function inside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The folder findings are relative to: the working directory when it holds every target. */
export function scanRoot(targets: string[], cwd = process.cwd()): string {
  const abs = targets.map((t) => path.resolve(cwd, t));
  if (abs.every((a) => inside(cwd, a))) return cwd;
  let common = path.dirname(abs[0]);
  for (const a of abs) while (!inside(common, a)) common = path.dirname(common);
  return common;
}

export function discover(targets: string[], opts: { cwd?: string; root?: string } = {}): Discovery {
  const cwd = opts.cwd ?? process.cwd();
  const root = opts.root ?? scanRoot(targets, cwd);
  const realRoot = fs.realpathSync(root);
  const reader = new TreeReader(root);
  const diagnostics: Diagnostic[] = [];
  const tf = new Map<string, string[]>();
  const manifests: string[] = [];
  const sizes = new Map<string, number>();
  /** Files the user named. */
  const explicitFiles = new Set<string>();
  const seen = new Set<string>();
  let files = 0;

  const addFile = (abs: string, explicit: boolean) => {
    const rel = toRel(root, abs);
    if (explicit) explicitFiles.add(rel);
    if (seen.has(rel)) return;
    seen.add(rel);
    const kind = classify(abs);
    if (!kind) {
      if (explicit) diagnostics.push({ level: 'warning', code: 'unsupported-file', message: 'not a Terraform, Kubernetes or JSON/YAML file: skipped', file: rel });
      return;
    }
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch (e) {
      diagnostics.push({ level: 'error', code: 'file-unreadable', message: (e as Error).message, file: rel });
      return;
    }
    const limit = fileByteLimit(abs);
    if (st.size > limit) {
      diagnostics.push({ level: 'warning', code: 'file-too-large', message: `file of ${(st.size / 1048576).toFixed(1)} MiB skipped (limit ${limit / 1048576} MiB)`, file: rel });
      return;
    }
    files++;
    sizes.set(rel, st.size);
    if (kind === 'terraform') {
      const dir = path.posix.dirname(rel);
      const list = tf.get(dir) ?? [];
      list.push(rel);
      tf.set(dir, list);
    } else manifests.push(rel);
  };

  /** Resolves a link: the target when it stays inside the tree, else undefined (with a note). */
  const follow = (abs: string): string | undefined => {
    let real: string;
    try {
      real = fs.realpathSync(abs);
    } catch {
      diagnostics.push({ level: 'warning', code: 'broken-link', message: 'symbolic link whose target does not exist: skipped', file: toRel(root, abs) });
      return undefined;
    }
    if (!inside(realRoot, real)) {
      diagnostics.push({ level: 'warning', code: 'link-outside-tree', message: 'symbolic link pointing outside the scanned tree: not followed', file: toRel(root, abs) });
      return undefined;
    }
    return real;
  };

  const walk = (dir: string, depth: number) => {
    if (depth > 64) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      diagnostics.push({ level: 'error', code: 'dir-unreadable', message: (e as Error).message, file: toRel(root, dir) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (inside(root, dir)) reader.rememberFolder(path.relative(root, dir).split(path.sep).join('/') || '.', entries);
    for (const e of entries) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) walk(abs, depth + 1);
      } else if (e.isFile()) addFile(abs, false);
      else if (e.isSymbolicLink()) {
        // links to files inside the tree are scanned under the link's name; links to folders are not walked (no cycles)
        if (!classify(e.name)) continue;
        const real = follow(abs);
        if (real && fs.statSync(real).isFile()) addFile(abs, false);
      }
    }
  };

  /** Folders the user named (a folder target, or the folder of a file target). */
  const explicitDirs = new Set<string>();
  for (const t of targets) {
    const abs = path.resolve(cwd, t);
    let st: fs.Stats;
    try {
      st = fs.lstatSync(abs);
    } catch {
      diagnostics.push({ level: 'error', code: 'target-missing', message: `no such file or directory: ${t}`, file: t });
      continue;
    }
    if (st.isSymbolicLink()) {
      const real = follow(abs);
      if (!real) continue;
      st = fs.statSync(real);
    }
    const relDir = path.relative(root, st.isDirectory() ? abs : path.dirname(abs)).split(path.sep).join('/');
    explicitDirs.add(relDir === '' ? '.' : relDir);
    if (st.isDirectory()) walk(abs, 0);
    else addFile(abs, true);
  }

  const units: ScanUnit[] = [];
  const tfUnits = [...tf.entries()].sort().map(([dir, list]) => ({ kind: 'terraform' as const, id: dir, files: list.sort() }));
  // a folder another scanned folder calls as a local module is evaluated through that call, not as a root
  // read through the scan's reader: module folders' files are kept for their evaluation
  const called = calledModuleDirs(tfUnits, (rel) => reader.readText(rel, [], true));
  for (const u of tfUnits) if (!called.has(u.id) || explicitDirs.has(u.id)) units.push(u);
  // a template another scanned template nests by a local path is evaluated through that nested
  // stack, with the parameters it passes, unless the user named the file
  const nested = manifests.length > 1 ? nestedTemplateFiles(manifests.sort(), (rel) => reader.readText(rel, [], true), (rel) => sizes.get(rel) ?? 0) : new Set<string>();
  for (const m of manifests.sort()) if (!nested.has(m) || explicitFiles.has(m)) units.push({ kind: 'manifest', id: m, files: [m] });
  return { root, units, diagnostics, files, reader };
}
