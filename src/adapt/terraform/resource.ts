/**
 * Terraform resource instances as adapters receive them: type, name, the address Terraform
 * would print, and a BodyView of values.
 */
import type { Block } from '../../parse/hcl/ast.js';
import type { FileRange } from '../../model/source.js';
import type { BodyView } from './view.js';

export interface TerraformResource {
  mode: 'managed' | 'data';
  type: string;
  name: string;
  /** Instance key from count/for_each, if any. */
  key?: string | number;
  /** Full address: `module.db.aws_db_instance.main[0]`. */
  address: string;
  /** Module call chain: `module.db` (empty string at the root module). */
  module: string;
  /** Path of the root module folder relative to the scan root (the unit of evaluation). */
  unit: string;
  file: string;
  block: Block;
  view: BodyView;
  /** Where the resource is declared (its block). */
  location: FileRange;
  /** The AWS region of the provider configuration the resource uses, when known. */
  region?: unknown;
  /** Inline suppressions found in comments beside the block: rule id → reason. */
  suppressions?: Record<string, string>;
}

/** `type.name` without module or key: how same-module references name a resource. */
export function localName(r: { type: string; name: string }): string {
  return `${r.type}.${r.name}`;
}

export function formatKey(key: string | number | undefined): string {
  if (key === undefined) return '';
  return typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(key)}]`;
}
