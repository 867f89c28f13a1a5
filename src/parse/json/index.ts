/**
 * Positioned JSON: one strict parser (parser.ts) and the tree it builds (tree.ts), for
 * every JSON input whose findings point at lines: `.tf.json`, `.tfvars.json`, plans.
 */
import { SourceError } from '../../model/diagnostics.js';
import type { PosMapper } from '../hcl/lexer.js';
import { JsonSyntaxError } from './parser.js';

export { MAX_JSON_DEPTH, JsonSyntaxError, jsonParser, skipWs, stringEnd, valueEnd, type JsonBuilder } from './parser.js';
export * from './tree.js';

/** A JsonSyntaxError as a SourceError with the file, line and column; other errors pass through. */
export function asSourceError(e: unknown, lines: PosMapper, file: string, code: string, prefix = ''): unknown {
  if (!(e instanceof JsonSyntaxError)) return e;
  const p = lines.pos(e.offset);
  return new SourceError(prefix + e.reason, file, p.line, p.column, code);
}
