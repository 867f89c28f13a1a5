/**
 * Which Terraform folders are modules called by other scanned folders, not roots: a folder
 * that is the literal local `source` of a `module` block elsewhere is evaluated through
 * that call (with its inputs and its address), so it is not a unit of its own.
 * Cheap on purpose: a regex over the .tf texts, no parse.
 */
import path from 'node:path';

const MODULE_BLOCK = /^[ \t]*module[ \t]+"[^"\n]*"[ \t]*\{/gm;
const SOURCE_ATTR = /^[ \t]*source[ \t]*=[ \t]*"(\.\.?\/[^"$\n]*)"/m;

/** Local sources (`./x`, `../x`) of the module blocks in one .tf text. */
export function localModuleSources(text: string): string[] {
  if (!text.includes('module')) return [];
  const out: string[] = [];
  MODULE_BLOCK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MODULE_BLOCK.exec(text))) {
    // the block's body up to the next top-level block start: enough for `source = "…"`
    const rest = text.slice(MODULE_BLOCK.lastIndex);
    const end = rest.search(/^\S/m);
    const body = end < 0 ? rest : rest.slice(0, end);
    const s = SOURCE_ATTR.exec(body);
    if (s) out.push(s[1]);
  }
  return out;
}

/**
 * Folders (relative to the root, `/` separators) that modules of the given units call by
 * a local source. `read` returns a file's text (relative path) or undefined.
 */
export function calledModuleDirs(units: { id: string; files: string[] }[], read: (rel: string) => string | undefined): Set<string> {
  const called = new Set<string>();
  for (const u of units) {
    for (const f of u.files) {
      if (!f.toLowerCase().endsWith('.tf')) continue;
      const text = read(f);
      if (!text) continue;
      for (const src of localModuleSources(text)) {
        const dir = path.posix.normalize(path.posix.join(u.id === '.' ? '' : u.id, src)).replace(/\/$/, '');
        if (dir !== u.id && !dir.startsWith('..')) called.add(dir === '' ? '.' : dir);
      }
    }
  }
  return called;
}
