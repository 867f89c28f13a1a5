/**
 * From plan resources back to the `.tf` blocks they were declared in: module calls of the
 * plan's `configuration` give each module's folder (a local `source`, or the folder
 * `terraform init` recorded in `.terraform/modules/modules.json`), and the block with the
 * resource's type and name in that folder's files gives the location, the attribute ranges
 * and the inline suppressions. Override files are merged into the blocks they change, as
 * Terraform did when it made the plan: an attribute they set is located in them.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Block, HclFile } from '../../parse/hcl/ast.js';
import { parseTerraformFile } from '../../parse/hcl/index.js';
import { suppressionsFor } from '../../findings/inline.js';
import { mergeOverrides, overridesOf } from '../../eval/terraform/override.js';
import type { Diagnostic } from '../../model/diagnostics.js';

export interface SourceBlock {
  file: HclFile;
  block: Block;
  suppressions?: Record<string, string>;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Normalized path relative to the scan root; undefined when it leaves the root. */
function inRoot(p: string): string | undefined {
  const n = path.posix.normalize(p);
  if (n === '..' || n.startsWith('../') || path.posix.isAbsolute(n)) return undefined;
  return n === '' ? '.' : n;
}

export class SourceIndex {
  private readonly folders = new Map<string, HclFile[]>();
  private readonly parsed = new Map<string, HclFile[]>();
  private readonly declared = new Map<string, Map<string, { file: HclFile; block: Block; previousEnd: number }>>();
  private readonly blocks = new Map<string, SourceBlock | null>();
  private modulesJson?: Map<string, string> | null;

  constructor(
    /** Absolute scan root. */
    private readonly root: string,
    /** Root module folder, relative to the scan root. */
    readonly rootDir: string | undefined,
    /** `configuration.root_module` of the plan. */
    private readonly rootConfig: Record<string, unknown> | undefined,
    private readonly readText: (rel: string) => string | undefined,
    private readonly diagnostics: Diagnostic[],
  ) {}

  /** The configuration module (`configuration.root_module…module`) of a module call chain. */
  moduleConfig(calls: string[]): Record<string, unknown> | undefined {
    let mod = this.rootConfig;
    for (const name of calls) {
      const call = isObject(mod?.module_calls) ? mod.module_calls[name] : undefined;
      mod = isObject(call) && isObject(call.module) ? call.module : undefined;
      if (!mod) return undefined;
    }
    return mod;
  }

  /** The folder (relative to the scan root) of a module call chain, when it can be found. */
  moduleFolder(calls: string[]): string | undefined {
    if (this.rootDir === undefined) return undefined;
    let folder = this.rootDir;
    let mod = this.rootConfig;
    for (let i = 0; i < calls.length; i++) {
      const call = isObject(mod?.module_calls) ? mod.module_calls[calls[i]] : undefined;
      if (!isObject(call)) return undefined;
      const source = typeof call.source === 'string' ? call.source : '';
      const recorded = this.recordedModule(calls.slice(0, i + 1).join('.'));
      let next: string | undefined;
      if (source.startsWith('./') || source.startsWith('../')) next = inRoot(path.posix.join(folder, source));
      else if (recorded !== undefined) next = inRoot(path.posix.join(this.rootDir, recorded));
      if (next === undefined) return undefined;
      folder = next;
      mod = isObject(call.module) ? call.module : undefined;
    }
    return folder;
  }

  /** `.terraform/modules/modules.json` of the root module: module key (`a.b`) → folder. */
  private recordedModule(key: string): string | undefined {
    if (this.modulesJson === undefined) {
      this.modulesJson = null;
      const text = this.readText(path.posix.join(this.rootDir ?? '.', '.terraform/modules/modules.json'));
      if (text) {
        try {
          const doc = JSON.parse(text) as { Modules?: { Key?: string; Dir?: string }[] };
          this.modulesJson = new Map((doc.Modules ?? []).filter((m) => typeof m.Key === 'string' && typeof m.Dir === 'string').map((m) => [m.Key!, m.Dir!.split(path.sep).join('/')]));
        } catch {
          this.modulesJson = null;
        }
      }
    }
    return this.modulesJson?.get(key);
  }

  private files(folder: string): HclFile[] {
    const cached = this.folders.get(folder);
    if (cached) return cached;
    const merged = mergeOverrides(this.parsedFiles(folder), (d) => this.diagnostics.push(d));
    this.folders.set(folder, merged);
    return merged;
  }

  /** The Terraform files of a folder as parsed, override files not merged (once per folder). */
  parsedFiles(folder: string): HclFile[] {
    let out = this.parsed.get(folder);
    if (!out) this.parsed.set(folder, (out = this.parseFolder(folder)));
    return out;
  }

  private parseFolder(folder: string): HclFile[] {
    const out: HclFile[] = [];
    let names: string[];
    try {
      const abs = path.resolve(this.root, folder);
      const rel = path.relative(fs.realpathSync(this.root), fs.realpathSync(abs));
      if (rel.startsWith('..') || path.isAbsolute(rel)) return out;
      names = fs.readdirSync(abs).filter((n) => /\.tf(\.json)?$/i.test(n)).sort();
    } catch {
      return out;
    }
    for (const name of names) {
      const rel = folder === '.' ? name : `${folder}/${name}`;
      const text = this.readText(rel);
      if (text === undefined) continue;
      try {
        out.push(parseTerraformFile(text, rel));
      } catch {
        this.diagnostics.push({ level: 'warning', code: 'plan-source-unparsed', message: 'a Terraform file beside the plan does not parse: its resources are located in the plan instead', file: rel });
      }
    }
    return out;
  }

  /** The block declaring `mode type.name` in a folder, with its inline suppressions. */
  block(folder: string, mode: 'managed' | 'data', type: string, name: string): SourceBlock | undefined {
    const key = `${folder}|${mode}|${type}|${name}`;
    const cached = this.blocks.get(key);
    if (cached !== undefined) return cached ?? undefined;
    let found: SourceBlock | null = null;
    const at = this.declarations(folder).get(`${mode === 'data' ? 'data' : 'resource'}|${type}|${name}`);
    if (at) {
      const { file, block, previousEnd } = at;
      let suppressions = this.suppressions(file, block, previousEnd);
      // comments beside the override blocks merged into this one count too
      for (const o of overridesOf(block) ?? []) {
        const more = this.suppressions(o.file, o.block, previousBlockEnd(o.file, o.block));
        if (more) suppressions = { ...suppressions, ...more };
      }
      found = { file, block, suppressions };
    }
    this.blocks.set(key, found);
    return found ?? undefined;
  }

  /** The first `resource` / `data` block of each type and name in a folder (one pass: plans hold thousands). */
  private declarations(folder: string): Map<string, { file: HclFile; block: Block; previousEnd: number }> {
    let m = this.declared.get(folder);
    if (m) return m;
    m = new Map();
    for (const file of this.files(folder)) {
      let previousEnd = 0;
      for (const item of file.body.items) {
        if (item.kind !== 'block') continue;
        if ((item.type === 'resource' || item.type === 'data') && item.labels.length >= 2) {
          const k = `${item.type}|${item.labels[0]}|${item.labels[1]}`;
          if (!m.has(k)) m.set(k, { file, block: item, previousEnd });
        }
        previousEnd = item.range.end.line;
      }
    }
    this.declared.set(folder, m);
    return m;
  }

  private suppressions(file: HclFile, block: Block, previousEnd: number): Record<string, string> | undefined {
    const comments = file.comments.map((c) => ({ line: c.range.start.line, text: c.text }));
    return suppressionsFor(comments, block.range.start.line, block.range.end.line, leadIn(file, block, previousEnd), file.path, this.diagnostics);
  }
}

/** The last line of the item before a top-level block of a file (0 for the first). */
function previousBlockEnd(file: HclFile, block: Block): number {
  let end = 0;
  for (const item of file.body.items) {
    if (item === block) break;
    end = item.range.end.line;
  }
  return end;
}

/** The first line above a block that still belongs to it (its comment lead-in). */
function leadIn(file: HclFile, block: Block, previousEnd: number): number {
  let line = block.range.start.line;
  const commentLines = new Set(file.comments.map((c) => c.range.start.line));
  while (line - 1 > previousEnd && commentLines.has(line - 1)) line--;
  return line;
}
