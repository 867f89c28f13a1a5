/**
 * Bridge to the Terraform function library (`./functions/index.ts`, written beside this
 * evaluator). Loaded once at start-up; when the library is absent every function call is
 * "unknown function" (a notice, value unknown) instead of failing the build.
 */
export interface FunctionContext {
  /** The module folder, relative to the scan root. */
  moduleDir: string;
  /** Reads a file of the scanned tree (relative to the scan root); undefined when refused or missing. */
  readText(rel: string): string | undefined;
  /** Renders a template text with variables (templatefile). */
  renderTemplate(text: string, vars: Record<string, unknown>, file: string): unknown;
}

interface FunctionsModule {
  callFunction(name: string, args: unknown[], ctx: FunctionContext): unknown;
  FunctionError: new (...args: never[]) => Error;
  [k: string]: unknown;
}

const spec = './functions/index.js';
let lib: FunctionsModule | undefined;
try {
  lib = (await import(spec)) as FunctionsModule;
} catch {
  lib = undefined;
}

export class UnknownFunctionError extends Error {}

export function functionsAvailable(): boolean {
  return lib !== undefined;
}

/** Calls a library function; throws UnknownFunctionError when it does not exist. */
export function callLibrary(name: string, args: unknown[], ctx: FunctionContext): unknown {
  if (!lib || (typeof lib.hasFunction === 'function' && !(lib.hasFunction as (n: string) => boolean)(name))) throw new UnknownFunctionError(`function "${name}" is not available`);
  return lib.callFunction(name, args, ctx);
}

/** Whether an error thrown by the library is a function error (bad arguments, …). */
export function isFunctionError(e: unknown): boolean {
  return !!lib && e instanceof lib.FunctionError;
}
