/**
 * Reads the scanned tree for one scan: file texts and folder listings. Never reads outside
 * the root, through links or `..`; binary or unreadable files become diagnostics.
 *
 * Optional files (`quiet` reads: module files, tfvars, modules.json, templates) and folder
 * listings are kept for the life of the reader, one scan: a module called by 300 root
 * folders is read and listed once, not 300 times. A failed read gives its diagnostic again
 * to every unit that asks, so each unit's result stays complete on its own.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../model/diagnostics.js';
import { realRoot } from '../util/real-root.js';

type Read = { text: string } | { missing: true } | { diagnostic: Diagnostic };

/** Larger files are not read (discovery reports and skips them too); Terraform plans of big estates are large JSON. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;
export const MAX_JSON_BYTES = 256 * 1024 * 1024;

/** The size limit of a file, by its name. */
export function fileByteLimit(name: string): number {
  return name.toLowerCase().endsWith('.json') ? MAX_JSON_BYTES : MAX_FILE_BYTES;
}

/** Bytes of kept texts above which the reader stops keeping more (a huge tree stays within memory). */
const KEEP_BYTES = 64 * 1024 * 1024;

export class TreeReader {
  private readonly kept = new Map<string, Read>();
  private readonly folders = new Map<string, Folder | undefined>();
  private keptBytes = 0;

  constructor(readonly root: string) {}

  /**
   * The text of a file (relative to the root). With `quiet`, a missing file is just
   * undefined (callers looking for optional files) and the result is kept for the scan.
   * Files read by discovery (to find module calls) are kept: the unit reading them next
   * does not go back to the disk.
   */
  readText(rel: string, diagnostics: Diagnostic[], quiet = false): string | undefined {
    let r = this.kept.get(rel);
    if (!r) {
      r = quiet && !this.mayExist(rel) ? MISSING : readFile(this.root, rel);
      if (quiet && this.keptBytes < KEEP_BYTES) {
        this.kept.set(rel, r);
        if ('text' in r) this.keptBytes += r.text.length;
      }
    }
    if ('text' in r) return r.text;
    if ('missing' in r) {
      if (!quiet) diagnostics.push({ level: 'error', code: 'file-unreadable', message: 'cannot read file: ENOENT', file: rel });
      return undefined;
    }
    diagnostics.push(r.diagnostic);
    return undefined;
  }

  /** Names of the files (and links) of a folder of the tree, sorted; undefined when missing or outside it. */
  listDir(rel: string): string[] | undefined {
    return this.folder(path.posix.normalize(rel))?.files;
  }

  /** Records the entries of a folder inside the tree that discovery has just read (no second read). */
  rememberFolder(rel: string, entries: fs.Dirent[]): void {
    this.folders.set(path.posix.normalize(rel), folderOf(entries));
  }

  /** A folder's entries, read once; undefined when missing or outside the tree. */
  private folder(rel: string): Folder | undefined {
    if (this.folders.has(rel)) return this.folders.get(rel);
    let f: Folder | undefined;
    try {
      const real = fs.realpathSync.native(path.resolve(this.root, rel));
      if (isInside(this.root, real)) f = folderOf(fs.readdirSync(real, { withFileTypes: true }));
    } catch {
      f = undefined;
    }
    this.folders.set(rel, f);
    return f;
  }

  /**
   * False when a path surely does not exist: it or a folder on its way is missing from its
   * parent's entries (optional files such as `.terraform/modules/modules.json` are looked
   * for in every root folder; most are absent, and the listings say so without a syscall).
   */
  private mayExist(rel: string): boolean {
    const norm = path.posix.normalize(rel);
    if (norm === '.' || norm.startsWith('../') || path.posix.isAbsolute(norm)) return true;
    const parent = path.posix.dirname(norm);
    if (!this.mayExist(parent)) return false;
    const f = this.folder(parent);
    return f === undefined || f.names.has(path.posix.basename(norm));
  }
}

interface Folder {
  /** Every entry name (files, folders, links). */
  names: Set<string>;
  /** Files and links, sorted. */
  files: string[];
}

const MISSING: Read = { missing: true };

function folderOf(entries: fs.Dirent[]): Folder {
  return {
    names: new Set(entries.map((d) => d.name)),
    files: entries
      .filter((d) => d.isFile() || d.isSymbolicLink())
      .map((d) => d.name)
      .sort(),
  };
}

function readFile(root: string, rel: string): Read {
  let buf: Buffer;
  try {
    const real = fs.realpathSync.native(path.resolve(root, rel));
    if (!isInside(root, real)) return { diagnostic: { level: 'warning', code: 'outside-tree', message: 'refused to read a file outside the scanned tree', file: rel } };
    // a FIFO or device would block the scan or never end; a file reached by a path (a nested
    // template, a module file) has the size limit discovery gives the files it finds
    const st = fs.statSync(real);
    if (!st.isFile()) return { diagnostic: { level: 'error', code: 'file-unreadable', message: `cannot read file: ${st.isDirectory() ? 'EISDIR' : 'not a regular file'}`, file: rel } };
    const limit = fileByteLimit(rel);
    if (st.size > limit) return { diagnostic: { level: 'warning', code: 'file-too-large', message: `file of ${(st.size / 1048576).toFixed(1)} MiB skipped (limit ${limit / 1048576} MiB)`, file: rel } };
    buf = fs.readFileSync(real);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') return { missing: true };
    return { diagnostic: { level: 'error', code: 'file-unreadable', message: `cannot read file: ${err.code ?? err.message}`, file: rel } };
  }
  if (buf.subarray(0, 8192).includes(0)) return { diagnostic: { level: 'error', code: 'binary-file', message: 'file holds binary data, not text: skipped', file: rel, line: 1, column: 1 } };
  return { text: buf.toString('utf8') };
}

function isInside(root: string, real: string): boolean {
  const inside = path.relative(realRoot(root), real);
  return !inside.startsWith('..') && !path.isAbsolute(inside);
}
