/**
 * The compiled policy bundle: one wasm module, one entrypoint returning every finding.
 * A loaded instance is reused for every evaluation (the SDK resets its heap per call);
 * evaluation is synchronous, so each worker thread loads its own.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadPolicy, type LoadedPolicy } from '@open-policy-agent/opa-wasm';
import { packageRoot } from '../util/package-root.js';
import { moduleBuiltins, sdkBuiltins } from './wasm-builtins.js';

export interface BundleManifest {
  entrypoint: string;
  opaVersion: string;
  sdk: string;
  sourcesHash: string;
  builtins: string[];
}

/** What one finding of the entrypoint looks like (see policies/lib/core.rego). */
export interface RawFinding {
  rule: string;
  object: string;
  path: (string | number)[];
  facts: Record<string, unknown>;
}

/** 64 KiB pages; 16384 = 1 GiB. Runaway input becomes an error instead of eating the machine. */
const MAX_MEMORY_PAGES = 16384;

export function bundleDir(): string {
  return process.env.PALISADE_BUNDLE_DIR ?? path.join(packageRoot(), 'bundle');
}

export function readManifest(dir = bundleDir()): BundleManifest {
  return JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as BundleManifest;
}

export class PolicyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PolicyError';
  }
}

/** The SDK throws strings and plain objects: make them Errors. */
function asError(e: unknown): Error {
  if (e instanceof Error) return e;
  if (typeof e === 'string') return new PolicyError(e);
  return new PolicyError(JSON.stringify(e));
}

export class PolicyEngine {
  private constructor(
    private readonly policy: LoadedPolicy,
    readonly manifest: BundleManifest,
  ) {}

  static async load(dir = bundleDir()): Promise<PolicyEngine> {
    const manifest = readManifest(dir);
    const wasm = fs.readFileSync(path.join(dir, 'policy.wasm'));
    let policy: LoadedPolicy;
    try {
      policy = await loadPolicy(wasm, { initial: 64, maximum: MAX_MEMORY_PAGES });
    } catch (e) {
      throw new PolicyError(`cannot load policy bundle ${dir}: ${asError(e).message}`);
    }
    const instance = (policy.wasmInstance as WebAssembly.WebAssemblyInstantiatedSource).instance ?? (policy.wasmInstance as WebAssembly.Instance);
    const needed = moduleBuiltins(instance, policy.mem);
    const provided = sdkBuiltins();
    const missing = needed.filter((b) => !provided.has(b));
    if (missing.length) {
      throw new PolicyError(`policy bundle needs builtins this runtime does not provide: ${missing.join(', ')}`);
    }
    if (!(manifest.entrypoint in (policy.entrypoints as Record<string, number>))) {
      throw new PolicyError(`policy bundle has no entrypoint ${manifest.entrypoint}`);
    }
    return new PolicyEngine(policy, manifest);
  }

  /** Evaluates one chunk of the model. `input` may be pre-serialised JSON. */
  evaluate(input: object | string): RawFinding[] {
    const arg = typeof input === 'string' ? (new TextEncoder().encode(input).buffer as ArrayBuffer) : input;
    let out: unknown;
    try {
      out = this.policy.evaluate(arg, this.manifest.entrypoint);
    } catch (e) {
      throw new PolicyError(`policy evaluation failed: ${asError(e).message}`);
    }
    const results = out as { result: RawFinding[] }[];
    if (!Array.isArray(results) || results.length === 0) return [];
    return results[0].result ?? [];
  }
}
