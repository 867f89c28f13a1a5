import fs from 'node:fs';

const cache = new Map<string, string>();

/** realpath of a scan root, resolved once per process (it is asked for on every file read). */
export function realRoot(root: string): string {
  let r = cache.get(root);
  if (r === undefined) {
    r = fs.realpathSync(root);
    cache.set(root, r);
  }
  return r;
}
