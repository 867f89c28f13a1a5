import { expect } from 'vitest';
import { callFunction, FunctionError, type FunctionContext } from '../../../src/eval/terraform/functions/index.js';
import { UNKNOWN } from '../../../src/model/model.js';

export { UNKNOWN, FunctionError };
export const U = UNKNOWN;

export function makeCtx(files: Record<string, string> = {}, moduleDir = ''): FunctionContext & { reads: string[] } {
  const reads: string[] = [];
  return {
    moduleDir,
    reads,
    readText(rel: string) {
      reads.push(rel);
      return Object.prototype.hasOwnProperty.call(files, rel) ? files[rel] : undefined;
    },
    renderTemplate(text: string, vars: Record<string, unknown>, file: string) {
      // A tiny stand-in for the evaluator: ${name} substitution only.
      return { file, out: text.replace(/\$\{(\w+)\}/g, (_, n: string) => String(vars[n])) };
    },
  };
}

export const ctx = makeCtx();

export function call(name: string, ...args: unknown[]): unknown {
  return callFunction(name, args, ctx);
}

/** A row: [function, args, expected]. */
export type Row = [string, unknown[], unknown];
/** A row: [function, args, error message fragment or RegExp]. */
export type ErrRow = [string, unknown[], string | RegExp];

export function checkRow([name, args, want]: Row): void {
  expect(callFunction(name, args, ctx)).toStrictEqual(want);
}

export function checkErr([name, args, msg]: ErrRow): void {
  let thrown: unknown;
  try {
    callFunction(name, args, ctx);
  } catch (e) {
    thrown = e;
  }
  expect(thrown, `${name} should throw`).toBeInstanceOf(FunctionError);
  if (typeof msg === 'string') expect((thrown as Error).message).toContain(msg);
  else expect((thrown as Error).message).toMatch(msg);
}

export function label(row: [string, unknown[], unknown]): string {
  const s = `${row[0]}(${row[1].map((a) => JSON.stringify(a)).join(', ')})`;
  return s.length > 120 ? s.slice(0, 117) + '...' : s;
}
