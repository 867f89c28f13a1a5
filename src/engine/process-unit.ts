/**
 * Parse and adapt one unit of work (a Terraform folder or a manifest file) into a model
 * fragment with its source map. Pure data in, pure data out: runs inline or in a worker.
 */
import type { Diagnostic } from '../model/diagnostics.js';
import { SourceError } from '../model/diagnostics.js';
import { emptyModel, type CanonicalModel, type SourceMapEntry } from '../model/model.js';
import type { HclFile } from '../parse/hcl/ast.js';
import { parseTerraformFile } from '../parse/hcl/index.js';
import { adapterFor } from './document-adapters.js';
import { TreeReader } from './tree-reader.js';
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

function errorDiagnostic(e: unknown, file: string, code: string): Diagnostic {
  if (e instanceof SourceError) return { ...e.toDiagnostic(), code: e.code === 'syntax' ? code : e.code };
  return { level: 'error', code, message: (e as Error).message ?? String(e), file };
}

/** `reader`: the scan's reader of the tree (shared by the units of one scan). */
export function processUnit(unit: ScanUnit, root: string, options: UnitOptions = {}, reader = new TreeReader(root)): UnitResult {
  const model = emptyModel();
  const sourceMap: SourceMapEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  const readText = (rel: string, quiet = false) => reader.readText(rel, diagnostics, quiet);
  if (unit.kind === 'terraform') {
    const files: HclFile[] = [];
    for (const rel of unit.files) {
      const text = readText(rel);
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
        listDir: (dir) => reader.listDir(dir),
        readText: (f) => readText(f, true),
      });
      adaptTerraformAws(resources, { model, sourceMap });
    } catch (e) {
      diagnostics.push({ level: 'error', code: 'adapter-failure', message: `could not evaluate or adapt Terraform resources: ${(e as Error).message}`, file: unit.id });
    }
  } else {
    const rel = unit.files[0];
    const text = readText(rel);
    if (text !== undefined && text.trim() !== '') {
      const adapter = adapterFor(text, rel);
      try {
        adapter.adapt(text, rel, { root, options, model, sourceMap, diagnostics, readText: (f) => readText(f, true) });
      } catch (e) {
        diagnostics.push(errorDiagnostic(e, rel, `${adapter.name}-failure`));
      }
    }
  }
  return { unit: unit.id, model, sourceMap, diagnostics };
}
