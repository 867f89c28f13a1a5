/**
 * Which YAML and JSON files are CloudFormation templates nested by another scanned template,
 * not templates of their own: a file that is the literal local `TemplateURL` of an
 * `AWS::CloudFormation::Stack` (or the local `Location` of a SAM `AWS::Serverless::Application`)
 * in another scanned template is evaluated through that nested stack (with the parameters it is
 * passed and its stack path), so it is not a unit of its own — as a Terraform folder called
 * by a local `module` source is not a root (see terraform-roots.ts).
 *
 * Only a parent that parses counts: a template whose parent does not parse (the parent's error
 * is reported) is scanned on its own, never dropped. A nested stack under a `Condition` still
 * counts — its value depends on the deployment's parameters, known when the parent is adapted:
 * the parent then follows the stack (condition true or unknown) or says, with its line, that
 * the template is not scanned through it (condition false; see nested.ts).
 * A cheap text test first; only templates that may nest are parsed.
 */
import path from 'node:path';
import { entry, loadTemplate } from '../parse/cloudformation/load.js';

/** Parent templates are small: CloudFormation takes at most 1 MB from S3. Larger files (plans) are not read for this. */
export const MAX_PARENT_BYTES = 2 * 1024 * 1024;

const STACK = /AWS::CloudFormation::Stack/;
const APPLICATION = /AWS::Serverless::Application/;
const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';
const REMOTE = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** The literal local template paths (as written) that the nested stacks of one template text name; none when it does not parse. */
export function localNestedTemplates(text: string): string[] {
  if (!STACK.test(text) && !APPLICATION.test(text)) return [];
  const template = loadTemplate(text, 'template', []);
  if (!template) return [];
  const transform = entry(template.root, 'Transform')?.value;
  const transforms = transform?.kind === 'seq' ? transform.items : transform ? [transform] : [];
  const sam = transforms.some((t) => t.kind === 'scalar' && t.value === SAM_TRANSFORM);
  const resources = entry(template.root, 'Resources')?.value;
  if (resources?.kind !== 'map') return [];
  const out: string[] = [];
  for (const r of resources.entries) {
    const type = entry(r.value, 'Type')?.value;
    const key = type?.kind !== 'scalar' ? undefined : type.value === 'AWS::CloudFormation::Stack' ? 'TemplateURL' : type.value === 'AWS::Serverless::Application' && sam ? 'Location' : undefined;
    const url = key && entry(entry(r.value, 'Properties')?.value, key)?.value;
    if (!url || url.kind !== 'scalar' || typeof url.value !== 'string') continue;
    const v = url.value.trim();
    if (!v || REMOTE.test(v) || path.posix.isAbsolute(v) || v.startsWith('\\')) continue;
    out.push(v);
  }
  return out;
}

/**
 * Manifests (paths relative to the root, `/` separators) that other manifests of the list
 * nest as local templates, and are reached from a manifest nobody nests. A set of templates
 * that only nest each other (a cycle) keeps its first one as a unit. `read` returns a file's
 * text or undefined; `size` its size in bytes (larger parents are not read).
 */
export function nestedTemplateFiles(manifests: string[], read: (rel: string) => string | undefined, size: (rel: string) => number): Set<string> {
  const known = new Set(manifests);
  const edges = new Map<string, string[]>();
  const nested = new Set<string>();
  for (const m of manifests) {
    if (size(m) > MAX_PARENT_BYTES) continue;
    const text = read(m);
    if (!text) continue;
    const children: string[] = [];
    for (const src of localNestedTemplates(text)) {
      const rel = path.posix.normalize(path.posix.join(path.posix.dirname(m), src.replace(/\\/g, '/')));
      if (rel !== m && known.has(rel)) children.push(rel);
    }
    if (children.length) edges.set(m, children);
    for (const c of children) nested.add(c);
  }
  if (!nested.size) return nested;
  // templates reached from a unit are evaluated through it; a cycle nobody else nests keeps one unit
  const reached = new Set<string>();
  const visit = (start: string) => {
    const stack = [start];
    while (stack.length) {
      for (const c of edges.get(stack.pop()!) ?? []) {
        if (reached.has(c)) continue;
        reached.add(c);
        stack.push(c);
      }
    }
  };
  for (const m of manifests) if (!nested.has(m)) visit(m);
  for (const m of [...nested].sort()) {
    if (reached.has(m)) continue;
    nested.delete(m);
    visit(m);
  }
  return nested;
}
