/**
 * From the user's side: `palisade scan` of a configuration dividing by zero
 * (fixtures/terraform-oracle/infinity). Terraform 1.13.3 computes +infinity there and carries
 * it on (recorded in fixtures/terraform-oracle: `1 / 0 > 1` is true, `tostring(1 / 0)` is
 * "+Inf"); only the attribute that would hold the infinity itself is reported and unknown.
 */
import { describe, expect, it } from 'vitest';
import { palisade } from '../../helpers/cli.js';

interface Report {
  findings: { ruleId: string; resource: string }[];
  errors: { level: string; code: string; message: string; file: string; line: number }[];
}

describe('palisade scan: a division by zero', () => {
  it('compares the infinity as Terraform does and reports only the attribute that would hold it', () => {
    const r = palisade(['scan', 'fixtures/terraform-oracle/infinity', '--format', 'json']);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.errors.map((e) => `${e.level} ${e.code} ${e.file}:${e.line}`)).toEqual(['warning tf-eval fixtures/terraform-oracle/infinity/main.tf:20']);
    expect(report.errors[0].message).toContain('infinite number');
    // 100 / 0 > 30 is true: the retention is 1 day, below the week AWS-RDS-002 asks for
    expect(report.findings.filter((f) => f.resource === 'aws_db_instance.main').map((f) => f.ruleId)).toContain('AWS-RDS-002');
  });
});
