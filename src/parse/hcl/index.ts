/**
 * HCL / Terraform parsing: native syntax (`.tf`, `.tfvars`, `.hcl`) and JSON syntax
 * (`.tf.json`, `.tfvars.json`), both producing the AST in `ast.ts`.
 */
import type { HclFile } from './ast.js';
import { parseTfJson, parseTfVarsJson } from './json.js';
import { parseHcl } from './parser.js';

export type * from './ast.js';
export { parseHcl, MAX_NESTING } from './parser.js';
export { parseTfJson, parseTfVarsJson, JSON_BLOCK_LABELS } from './json.js';
export { literalValue, objectKey, NOT_LITERAL, bodyToLiteralObject, type LiteralBody } from './literal.js';

/** Parse a Terraform file, choosing the syntax by extension (`.json` suffix means JSON syntax). */
export function parseTerraformFile(text: string, path: string): HclFile {
  const lower = path.toLowerCase();
  if (lower.endsWith('.tfvars.json')) return parseTfVarsJson(text, path);
  if (lower.endsWith('.json')) return parseTfJson(text, path);
  return parseHcl(text, path);
}
