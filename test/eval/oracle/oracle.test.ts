/**
 * Differential test against real Terraform: every expression of
 * fixtures/terraform-oracle/cases.txt, evaluated by Palisade, must give what Terraform gave
 * when scripts/record-terraform-oracle.mjs ran it through `terraform console`
 * (fixtures/terraform-oracle/recorded.json) — the same value, or where Terraform fails, a
 * diagnostic or an unknown value, never another known value. Known, deliberate differences
 * are listed below with their reason; they are checked to still differ, so a fix shows up.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateCase, judge, type Recorded } from './harness.js';

const dir = path.resolve(__dirname, '../../../fixtures/terraform-oracle');
const recorded = JSON.parse(fs.readFileSync(path.join(dir, 'recorded.json'), 'utf8')) as Recorded;
const corpus = fs.readFileSync(path.join(dir, 'cases.txt'), 'utf8');

const NUMBERS = 'Palisade numbers are IEEE doubles, Terraform\'s 512-bit big floats: decimal sums and integers beyond 2^53 differ in their last digits';
const UNTYPED = 'Palisade values do not carry Terraform\'s list/set/tuple distinction, which only the type system observes here';
const DIVISION = 'a division by zero is a Palisade diagnostic (pinned by test/eval/evaluator.test.ts and override.test.ts); Terraform computes an infinity that no output can hold';
const PINNED = (file: string) => `pinned to the older behaviour by a hand-written row of test/eval/functions/${file}, outside this change's files: to update together with that row`;

/** Expression → why Palisade deliberately (or for now) differs from Terraform 1.13.3. */
const ALLOWED: Record<string, string> = {
  'tostring(12345678901234567890)': NUMBERS,
  'jsonencode(12345678901234567890)': NUMBERS,
  'jsonencode(0.1 + 0.2)': NUMBERS,
  'jsonencode(1/3)': NUMBERS,
  'tostring(1/3)': NUMBERS,
  '0.1 + 0.2': NUMBERS,
  '3 * 1.1': NUMBERS,
  'sum([0.1, 0.2])': NUMBERS,
  '"${0.1 * 3}"': NUMBERS,
  'tostring(123456789012345680000)': NUMBERS,
  'regex("a(?i)b", "aB")': 'RE2 flag groups in the middle of a pattern have no JavaScript counterpart (Node 20): Palisade reports the pattern instead of matching',
  'regex("(?U)a+", "aaa")': 'RE2\'s ungreedy flag (?U) has no JavaScript counterpart: Palisade reports the pattern instead of matching',
  'concat(tolist(["a"]), toset(["b"]))': UNTYPED,
  'tolist([1]) == [1]': UNTYPED,
  '[for i, x in toset(["c", "a"]) : i]': UNTYPED,
  'true ? 1 : local.missing': 'Terraform validates every reference of a configuration before evaluating it; Palisade reports an undeclared reference where it is evaluated, and a conditional evaluates its other result only for its type',
  'var.bad_nullable': 'a null default with nullable = false is accepted by module.ts (not part of this change)',
  'can(1 / 0)': DIVISION,
  'try(1 / 0, "div")': DIVISION,
  '1 / 0 > 1': DIVISION,
  '-1 / 0 < 0': DIVISION,
  'tostring(1 / 0)': DIVISION,
  'element(["a", "b", "c"], -1)': `Terraform counts a negative index back from the end; ${PINNED('collections.test.ts')}`,
  'range(1, 4, -1)': `Terraform refuses a step pointing away from the limit; ${PINNED('collections.test.ts')}`,
  'coalescelist(null, [1])': `Terraform refuses a null argument; ${PINNED('collections.test.ts')}`,
  'yamldecode("a: 1_000")': `Terraform reads "_"-grouped digits as a string; ${PINNED('encoding-numeric.test.ts')}`,
  'yamldecode("")': `Terraform fails on a document without content; ${PINNED('encoding-numeric.test.ts')}`,
  'yamldecode("# only a comment")': `Terraform fails on a document without content; ${PINNED('encoding-numeric.test.ts')}`,
};
// go-yaml writes multi-line strings in the literal block style ("|", "|-", "|+")
for (const e of [
  'yamlencode("multi\\nline\\n")',
  'yamlencode("x\\ny")',
  'yamlencode("x\\n\\n")',
  'yamlencode("x\\n\\ny\\n")',
  'yamlencode("\\n")',
  'yamlencode(" x\\ny")',
  'yamlencode("é\\n")',
  'yamlencode({a = "x\\ny"})',
  'yamlencode({a = {b = "x\\ny\\n"}})',
  'yamlencode(["x\\ny"])',
  'yamlencode({a = ["x\\ny", {b = "p\\nq"}]})',
  'yamlencode({"a\\nb" = 1})',
  'yamlencode([["x\\ny"]])',
])
  ALLOWED[e] = `Terraform writes multi-line strings as YAML literal blocks, Palisade double-quotes them; ${PINNED('encoding-numeric.test.ts')}`;

const allCases = recorded.groups.flatMap((g) => g.cases.map((c) => ({ group: g, c })));

describe('Terraform oracle (recorded from real Terraform)', () => {
  it('the recording is of the current corpus: re-record with scripts/record-terraform-oracle.mjs', () => {
    expect(recorded.corpusSha256).toBe(createHash('sha256').update(corpus).digest('hex'));
    expect(recorded.terraform).toBe('1.13.3');
    expect(allCases.length).toBeGreaterThan(500);
  });

  it('every allowed difference names a case of the corpus', () => {
    const exprs = new Set(allCases.map(({ c }) => c.expr));
    expect(Object.keys(ALLOWED).filter((e) => !exprs.has(e))).toEqual([]);
  });

  for (const g of recorded.groups) {
    describe(g.name, () => {
      for (const c of g.cases) {
        const allowed = ALLOWED[c.expr];
        const full = `${c.expr} → ${c.error !== undefined ? 'error' : c.json}`;
        const title = full.length > 140 ? `${full.slice(0, 137)}...` : full;
        if (allowed) {
          it(`${title} (allowed difference: ${allowed})`, () => {
            expect(judge(c, evaluateCase(g, c.expr)).ok, 'now agrees with Terraform: remove it from ALLOWED').toBe(false);
          });
        } else {
          it(title, () => {
            const verdict = judge(c, evaluateCase(g, c.expr));
            expect(verdict.ok ? 'agrees' : verdict.why).toBe('agrees');
          });
        }
      }
    });
  }
});
