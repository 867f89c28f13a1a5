/**
 * Parse and adapt one unit of work (a Terraform folder or a manifest file) into a model
 * fragment with its source map. Pure data in, pure data out: runs inline or in a worker.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../model/diagnostics.js';
import { SourceError } from '../model/diagnostics.js';
import { emptyModel, type CanonicalModel, type SourceMapEntry } from '../model/model.js';
import type { HclFile } from '../parse/hcl/ast.js';
import { parseTerraformFile } from '../parse/hcl/index.js';
import { adapterFor } from './document-adapters.js';
import { realRoot } from '../util/real-root.js';
import { adaptTerraformAws } from '../adapt/terraform/aws/index.js';
import { evaluateTerraformUnit } from '../eval/terraform/index.js';
import type { ScanUnit } from '../discover/files.js';

/** Options that reach the parsing and evaluation of every unit (plain data: crosses to workers). */
export interface UnitOptions {
  terraform?: {
    /** `--var-file` paths, relative to the scan root, applied after terraform.tfvars and *.auto.tfvars. */
    varFiles?: string[];
    /** `--var name=value`, highest precedence. */
    vars?: Record<string, string>;
    /** `TF_VAR_*` variables from the environment, name without the prefix. */
    env?: Record<string, string>;
  };
  /** CloudFormation templates. */
  cloudformation?: {
    /** Parameter values, as `--parameter-overrides` gives them at deploy time (override `Default`). */
    parameters?: Record<string, string>;
  };
  /** Terraform plans (`terraform show -json`). */
  plan?: {
    /** Folder of the configuration the plan was made from, relative to the scan root (default: the plan's folder). */
    sourceDir?: string;
  };
}

export interface UnitResult {
  unit: string;
  model: CanonicalModel;
  sourceMap: SourceMapEntry[];
  diagnostics: Diagnostic[];
}

/**
 * Reads a text file of the scanned tree; binary or unreadable files become diagnostics.
 * With `quiet`, a missing file is just undefined (callers looking for optional files).
 * Never reads outside the root, through links or `..`.
 */
export function readText(root: string, rel: string, diagnostics: Diagnostic[], quiet = false): string | undefined {
  let buf: Buffer;
  const abs = path.resolve(root, rel);
  try {
    const real = fs.realpathSync(abs);
    const inside = path.relative(realRoot(root), real);
    if (inside.startsWith('..') || path.isAbsolute(inside)) {
      diagnostics.push({ level: 'warning', code: 'outside-tree', message: 'refused to read a file outside the scanned tree', file: rel });
      return undefined;
    }
    buf = fs.readFileSync(real);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (quiet && err.code === 'ENOENT') return undefined;
    diagnostics.push({ level: 'error', code: 'file-unreadable', message: `cannot read file: ${err.code ?? err.message}`, file: rel });
    return undefined;
  }
  if (buf.subarray(0, 8192).includes(0)) {
    diagnostics.push({ level: 'error', code: 'binary-file', message: 'file holds binary data, not text: skipped', file: rel, line: 1, column: 1 });
    return undefined;
  }
  return buf.toString('utf8');
}

function errorDiagnostic(e: unknown, file: string, code: string): Diagnostic {
  if (e instanceof SourceError) return { ...e.toDiagnostic(), code: e.code === 'syntax' ? code : e.code };
  return { level: 'error', code, message: (e as Error).message ?? String(e), file };
}

export function processUnit(unit: ScanUnit, root: string, options: UnitOptions = {}): UnitResult {
  const model = emptyModel();
  const sourceMap: SourceMapEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  if (unit.kind === 'terraform') {
    const files: HclFile[] = [];
    for (const rel of unit.files) {
      const text = readText(root, rel, diagnostics);
      if (text === undefined) continue;
      try {
        files.push(parseTerraformFile(text, rel));
      } catch (e) {
        diagnostics.push(errorDiagnostic(e, rel, 'hcl-syntax'));
      }
    }
    try {
      const resources = evaluateTerraformUnit({
        root,
        unit: unit.id,
        files,
        options: options.terraform,
        diagnostics,
        readText: (f) => readText(root, f, diagnostics, true),
      });
      adaptTerraformAws(resources, { model, sourceMap });
    } catch (e) {
      diagnostics.push({ level: 'error', code: 'adapter-failure', message: `could not evaluate or adapt Terraform resources: ${(e as Error).message}`, file: unit.id });
    }
  } else {
    const rel = unit.files[0];
    const text = readText(root, rel, diagnostics);
    if (text !== undefined && text.trim() !== '') {
      const adapter = adapterFor(text, rel);
      try {
        adapter.adapt(text, rel, { root, options, model, sourceMap, diagnostics, readText: (f) => readText(root, f, diagnostics, true) });
      } catch (e) {
        diagnostics.push(errorDiagnostic(e, rel, `${adapter.name}-failure`));
      }
    }
  }
  return { unit: unit.id, model, sourceMap, diagnostics };
}
