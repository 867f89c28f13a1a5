/**
 * Terraform's built-in functions for the static evaluator.
 *
 * Contract: `callFunction(name, args, ctx)` evaluates a built-in with already evaluated
 * arguments (plain JSON-like values, UNKNOWN anywhere); it throws FunctionError for bad
 * arguments, which the evaluator turns into a diagnostic. `try`, `can`, `templatestring` and
 * provider-defined functions (`provider::…`) are the evaluator's, not listed here.
 *
 * Unknown values follow Terraform: unless a function is marked 'self' in its table, any
 * argument that is or contains UNKNOWN makes the result UNKNOWN; the 'self' functions keep
 * partially known results where Terraform does (length of a known list, merge, lookup, …).
 */
import { collectionFunctions } from './collections.js';
import { miscFunctions } from './misc.js';
import type { FnSpec, FnTable, FunctionContext } from './registry.js';
import { stringFunctions } from './strings.js';
import { FunctionError, hasUnknown, UNKNOWN } from './values.js';

export type { FunctionContext } from './registry.js';
export { FunctionError } from './values.js';

const FUNCTIONS: Map<string, FnSpec> = new Map(
  Object.entries({ ...collectionFunctions, ...stringFunctions, ...miscFunctions } satisfies FnTable),
);

export function hasFunction(name: string): boolean {
  return FUNCTIONS.has(name);
}

/** Names of all implemented functions, sorted. */
export function functionNames(): string[] {
  return [...FUNCTIONS.keys()].sort();
}

export function callFunction(name: string, args: unknown[], ctx: FunctionContext): unknown {
  const spec = FUNCTIONS.get(name);
  if (!spec) throw new FunctionError(`call to unknown function ${JSON.stringify(name)}`);
  const [min, max] = typeof spec.params === 'number' ? [spec.params, spec.params] : spec.params;
  if (args.length < min || args.length > max) {
    const expected =
      min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
    throw new FunctionError(
      `function ${JSON.stringify(name)} expects ${expected} argument${expected === '1' ? '' : 's'}, got ${args.length}`,
    );
  }
  try {
    if ((spec.unknowns ?? 'deep') === 'deep' && args.some(hasUnknown)) return UNKNOWN;
    return spec.impl(args, ctx);
  } catch (e) {
    if (e instanceof FunctionError) throw e;
    // A stack overflow or any other internal failure on hostile input is a diagnostic, not a crash.
    if (e instanceof RangeError || e instanceof TypeError || e instanceof SyntaxError)
      throw new FunctionError(`${name}: ${e.message}`);
    throw e;
  }
}
