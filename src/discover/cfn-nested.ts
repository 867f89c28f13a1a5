/**
 * Which YAML and JSON files are CloudFormation templates nested by another scanned template,
 * not templates of their own: a file that is the literal local `TemplateURL` of an
 * `AWS::CloudFormation::Stack` (or the local `Location` of a SAM `AWS::Serverless::Application`)
 * in another scanned file is evaluated through that nested stack (with the parameters it is
 * passed and its stack path), so it is not a unit of its own — as a Terraform folder called
 * by a local `module` source is not a root (see terraform-roots.ts).
 * Cheap on purpose: a regex over the texts, no parse.
 */
import path from 'node:path';

/** Parent templates are small: CloudFormation takes at most 1 MB from S3. Larger files (plans) are not read for this. */
export const MAX_PARENT_BYTES = 2 * 1024 * 1024;

const STACK = /AWS::CloudFormation::Stack/;
const APPLICATION = /AWS::Serverless::Application/;
const SAM = /AWS::Serverless-2016-10-31/;
/** `TemplateURL: ./x.yaml`, `"TemplateURL": "x.json"`, `Location: 'app/template.yaml'`, in block or flow style. */
const TEMPLATE_KEY = /["']?\b(TemplateURL|Location)["']?[ \t]*:[ \t]*(?:"([^"\n]*)"|'([^'\n]*)'|([^\s"'!&*{}[\],#|>][^\n#,{}]*))/g;
const REMOTE = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** The literal local template paths (as written) that nested stacks of one template text name. */
export function localNestedTemplates(text: string): string[] {
  const stacks = STACK.test(text);
  const apps = APPLICATION.test(text) && SAM.test(text);
  if (!stacks && !apps) return [];
  const out: string[] = [];
  TEMPLATE_KEY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TEMPLATE_KEY.exec(text))) {
    if (m[1] === 'TemplateURL' ? !stacks : !apps) continue;
    // commented out
    if (/(^|\s)#/.test(text.slice(text.lastIndexOf('\n', m.index) + 1, m.index))) continue;
    const v = (m[2] ?? m[3] ?? m[4] ?? '').trim();
    if (!v || REMOTE.test(v) || v.includes('${') || path.posix.isAbsolute(v) || v.startsWith('\\')) continue;
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
