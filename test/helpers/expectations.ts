/**
 * Reads finding markers from fixture and example files: `# expect: RULE-ID[, RULE-ID]` on the
 * line a finding must start on, or `# expect-next: RULE-ID` on the line before it (for lines
 * that cannot carry a comment, such as a heredoc introducer).
 */
import fs from 'node:fs';

export function expectedLines(file: string, ruleId?: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  fs.readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .forEach((line, i) => {
      const m = /#\s*expect(-next)?:\s*([A-Z0-9-]+(?:\s*,\s*[A-Z0-9-]+)*)/.exec(line);
      if (!m) return;
      const at = m[1] ? i + 2 : i + 1;
      for (const id of m[2].split(',').map((s) => s.trim())) {
        if (ruleId && id !== ruleId) continue;
        out.set(id, [...(out.get(id) ?? []), at]);
      }
    });
  return out;
}
