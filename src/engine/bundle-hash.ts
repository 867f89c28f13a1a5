/**
 * The hash of the policy sources a bundle was built from. The build script records it in
 * bundle/manifest.json; a test recomputes it so a stale bundle fails CI.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Policy source files (not tests), sorted, relative to `dir` with `/` separators. */
export function policySources(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.rego') && !e.name.endsWith('_test.rego')) out.push(path.relative(dir, p).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** sha256 over each source's path and content, and the capabilities the build used. */
export function policySourcesHash(dir: string, capabilitiesJson: string): string {
  const h = crypto.createHash('sha256');
  for (const rel of policySources(dir)) {
    h.update(rel).update('\0').update(fs.readFileSync(path.join(dir, rel))).update('\0');
  }
  h.update('capabilities\0').update(capabilitiesJson);
  return h.digest('hex');
}
