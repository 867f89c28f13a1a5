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
const OVERFLOW = 'beyond the range of IEEE doubles, where Terraform\'s big floats hold the exact value: Palisade reports the number instead of taking it for an infinity';
const PARTIAL_I = 'under a (?i) that does not hold for the whole pattern (JavaScript has no scoped flags in Node 20), Palisade case-expands letters and classes but reports the complement \\P{...} instead of matching';
const UNTYPED = 'Palisade values do not carry Terraform\'s list/set/tuple distinction, which only the type system observes here';

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
  'tostring(sum([1e308, 1e308]))': OVERFLOW,
  'tostring(1e300 * 1e300)': OVERFLOW,
  '1e300 * 1e300': OVERFLOW,
  '1e308 * 10 > 0': OVERFLOW,
  '1e400 > 1': OVERFLOW,
  'tostring(-1e400)': OVERFLOW,
  'jsondecode("1e400") > 0': OVERFLOW,
  '"1e400" + 0 > 0': OVERFLOW,
  'tonumber("1e400") > 0': OVERFLOW,
  'regex("a(?i)\\\\PL", "a1")': PARTIAL_I,
  'concat(tolist(["a"]), toset(["b"]))': UNTYPED,
  'tolist([1]) == [1]': UNTYPED,
  '[for i, x in toset(["c", "a"]) : i]': UNTYPED,
  'true ? 1 : local.missing': 'Terraform validates every reference of a configuration before evaluating it; Palisade reports an undeclared reference where it is evaluated, and a conditional evaluates its other result only for its type',
};
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
