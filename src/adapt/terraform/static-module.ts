/**
 * Resources of one Terraform module folder read without evaluation: literal values only,
 * anything else unknown. `count` and `for_each` with literal values expand into instances.
 * The evaluator (variables, locals, modules) replaces this with computed values.
 */
import type { Block, HclFile } from '../../parse/hcl/ast.js';
import type { Diagnostic } from '../../model/diagnostics.js';
import { literalValue, NOT_LITERAL } from '../../parse/hcl/literal.js';
import { suppressionsFor } from '../../findings/inline.js';
import { formatKey, type TerraformResource } from './resource.js';
import { StaticBodyView } from './view.js';

function instanceKeys(block: Block): (string | number | undefined)[] {
  for (const item of block.body.items) {
    if (item.kind !== 'attribute') continue;
    if (item.name === 'count') {
      const n = literalValue(item.expr);
      if (typeof n === 'number' && Number.isInteger(n) && n >= 0) return Array.from({ length: Math.min(n, 10000) }, (_, i) => i);
      return [undefined];
    }
    if (item.name === 'for_each') {
      const v = literalValue(item.expr);
      if (v === NOT_LITERAL || v === null) return [undefined];
      if (Array.isArray(v)) return [...new Set(v.map(String))];
      if (typeof v === 'object') return Object.keys(v as object);
      return [undefined];
    }
  }
  return [undefined];
}

/** The first line above a block that still belongs to it (its comment lead-in). */
function leadIn(file: HclFile, block: Block, previousEnd: number): number {
  let line = block.range.start.line;
  const commentLines = new Set(file.comments.map((c) => c.range.start.line));
  while (line - 1 > previousEnd && commentLines.has(line - 1)) line--;
  return line;
}

/** Region of each `provider "aws"` configuration: '' for the default, else its alias. */
export function providerRegions(files: HclFile[]): Map<string, unknown> {
  const regions = new Map<string, unknown>();
  for (const file of files) {
    for (const item of file.body.items) {
      if (item.kind !== 'block' || item.type !== 'provider' || item.labels[0] !== 'aws') continue;
      const view = StaticBodyView.ofBlock(file.path, item);
      const alias = view.attr('alias')?.value;
      const region = view.attr('region');
      regions.set(typeof alias === 'string' ? alias : '', region ? region.value : undefined);
    }
  }
  return regions;
}

/** The provider configuration a resource uses: `provider = aws.west` names an alias. */
export function providerAlias(block: Block): string {
  for (const item of block.body.items) {
    if (item.kind === 'attribute' && item.name === 'provider' && item.expr.type === 'getattr') return item.expr.name;
  }
  return '';
}

export function staticResources(files: HclFile[], unit: string, diagnostics: Diagnostic[]): TerraformResource[] {
  const out: TerraformResource[] = [];
  const regions = providerRegions(files);
  for (const file of files) {
    const comments = file.comments.map((c) => ({ line: c.range.start.line, text: c.text }));
    let previousEnd = 0;
    for (const item of file.body.items) {
      if (item.kind !== 'block') continue;
      const block = item;
      const isResource = block.type === 'resource' || block.type === 'data';
      if (isResource && block.labels.length === 2) {
        const [type, name] = block.labels;
        const suppressions = suppressionsFor(comments, block.range.start.line, block.range.end.line, leadIn(file, block, previousEnd), file.path, diagnostics);
        for (const key of instanceKeys(block)) {
          const base = `${block.type === 'data' ? 'data.' : ''}${type}.${name}`;
          out.push({
            mode: block.type === 'data' ? 'data' : 'managed',
            type,
            name,
            key,
            address: base + formatKey(key),
            module: '',
            unit,
            file: file.path,
            block,
            view: StaticBodyView.ofBlock(file.path, block),
            location: { file: file.path, start: block.range.start, end: block.range.end },
            suppressions,
            region: regions.get(providerAlias(block)),
          });
        }
      }
      previousEnd = block.range.end.line;
    }
  }
  return out;
}
