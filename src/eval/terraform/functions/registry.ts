/** The shape of a function table entry. */

export interface FunctionContext {
  /** Folder of the module being evaluated, relative to the scan root ('' for the root). */
  moduleDir: string;
  /** Reads a file relative to the scan root; undefined when missing or outside the scanned tree. */
  readText(rel: string): string | undefined;
  /** Renders a template file's text with variables (for templatefile); provided by the evaluator. */
  renderTemplate(text: string, vars: Record<string, unknown>, file: string): unknown;
}

export interface FnSpec {
  /** Exact argument count, or [min, max] (max may be Infinity). */
  params: number | [number, number];
  /**
   * 'deep' (default): the result is UNKNOWN when any argument is or contains UNKNOWN.
   * 'self': the implementation handles unknown values itself (partially known results).
   */
  unknowns?: 'deep' | 'self';
  impl(args: unknown[], ctx: FunctionContext): unknown;
}

export type FnTable = Record<string, FnSpec>;
