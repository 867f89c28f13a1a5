/**
 * The Terraform evaluator end to end: each fixture folder under fixtures/terraform/ is one
 * feature; scan() must give exactly these findings (rule, address, file, line) and, for
 * values that came through variables, these related locations.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/scan.js';

const root = path.resolve(__dirname, '../..');
const RULES = ['AWS-S3-001', 'AWS-RDS-001', 'AWS-RDS-002', 'AWS-EC2-001'];
const F = 'fixtures/terraform';

async function run(feature: string, extra: Parameters<typeof scan>[1] = {}) {
  const r = await scan([`${F}/${feature}`], { cwd: root, rules: RULES, ...extra });
  const findings = r.findings.map((f) => `${f.ruleId} ${f.resource} ${f.location?.file}:${f.location?.startLine}`).sort();
  return { r, findings };
}

const rel = (r: { file?: string; startLine: number; message: string }) => `${r.file}:${r.startLine} ${r.message}`;

describe('Terraform evaluation fixtures', () => {
  it('variables-precedence: tfvars < tfvars.json < auto.tfvars (lexical), with provenance', async () => {
    const { r, findings } = await run('variables-precedence');
    const d = `${F}/variables-precedence`;
    expect(findings).toEqual([`AWS-RDS-001 aws_db_instance.main ${d}/main.tf:21`, `AWS-RDS-002 aws_db_instance.main ${d}/main.tf:22`]);
    const byRule = Object.fromEntries(r.findings.map((f) => [f.ruleId, f]));
    expect(byRule['AWS-RDS-002'].related!.map(rel)).toEqual([`${d}/main.tf:1 variable "retention" declared here`, `${d}/b.auto.tfvars.json:1 value from variable "retention" set in b.auto.tfvars.json`]);
    expect(byRule['AWS-RDS-001'].related!.map(rel)).toEqual([`${d}/main.tf:6 variable "multi_az" declared here`, `${d}/terraform.tfvars.json:2 value from variable "multi_az" set in terraform.tfvars.json`]);
    expect(r.diagnostics.filter((x) => x.level !== 'note')).toEqual([]);
  });

  it('variables-precedence: --var-file and --var override the files, TF_VAR_ does not', async () => {
    const ok = await run('variables-precedence', { unit: { terraform: { vars: { retention: '20', multi_az: 'true' } } } });
    expect(ok.findings).toEqual([]);
    const env = await run('variables-precedence', { unit: { terraform: { env: { retention: '20' } } } });
    expect(env.findings.some((f) => f.startsWith('AWS-RDS-002'))).toBe(true);
  });

  it('tfvars-only-misconfig: a value set only in terraform.tfvars, through a module, is found', async () => {
    const { r, findings } = await run('tfvars-only-misconfig');
    const d = `${F}/tfvars-only-misconfig`;
    expect(findings).toEqual([`AWS-RDS-002 module.db.aws_db_instance.main ${d}/modules/db/main.tf:16`]);
    expect(r.findings[0].module).toBe('module.db');
    expect(r.findings[0].related!.map(rel)).toEqual([
      `${d}/modules/db/main.tf:5 variable "backup_retention" declared here`,
      `${d}/main.tf:13 value from variable "backup_retention" set by argument of module "db"`,
      `${d}/main.tf:1 variable "backup_days" declared here`,
      `${d}/terraform.tfvars:2 value from variable "backup_days" set in terraform.tfvars`,
    ]);
    expect(r.diagnostics.filter((x) => x.level !== 'note')).toEqual([]);
  });

  it('unknown-not-flagged: values from data sources are unknown, never flagged', async () => {
    const { r, findings } = await run('unknown-not-flagged');
    expect(findings).toEqual([]);
    expect(r.diagnostics.filter((x) => x.level !== 'note')).toEqual([]);
  });

  it('locals: references between locals', async () => {
    const { findings } = await run('locals');
    expect(findings).toEqual([`AWS-RDS-001 aws_db_instance.main ${F}/locals/main.tf:17`, `AWS-RDS-002 aws_db_instance.main ${F}/locals/main.tf:18`]);
  });

  it('locals-cycle: an error naming file and line, the rest still evaluates', async () => {
    const { r, findings } = await run('locals-cycle');
    expect(findings).toEqual([`AWS-RDS-001 aws_db_instance.plain ${F}/locals-cycle/main.tf:22`]);
    const errs = r.diagnostics.filter((x) => x.level === 'error');
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatchObject({ code: 'tf-cycle', file: `${F}/locals-cycle/main.tf`, line: 2 });
    expect(errs[0].message).toContain('local.a → local.b → local.c → local.a');
  });

  it('count: instances with keys; count 0 gives none; unknown count gives one instance without key', async () => {
    const { findings } = await run('count');
    expect(findings).toEqual([
      `AWS-RDS-001 aws_db_instance.replica[1] ${F}/count/main.tf:13`,
      `AWS-RDS-001 aws_db_instance.replica[2] ${F}/count/main.tf:13`,
      `AWS-RDS-001 aws_db_instance.unknown_count ${F}/count/main.tf:29`,
    ]);
  });

  it('for-each: map keys, optional() defaults, split resources folded by key', async () => {
    const { findings } = await run('for-each');
    expect(findings).toEqual([`AWS-EC2-001 aws_security_group.web ${F}/for-each/main.tf:30`, `AWS-S3-001 aws_s3_bucket.b["logs"] ${F}/for-each/main.tf:21`]);
  });

  it('dynamic-blocks: expanded with iterator; an unknown for_each is not flagged', async () => {
    const { findings } = await run('dynamic-blocks');
    expect(findings).toEqual([`AWS-EC2-001 aws_security_group.web ${F}/dynamic-blocks/main.tf:20`]);
  });

  it('modules-local-nested: nested modules, module for_each and count, addresses as Terraform prints them', async () => {
    const { r, findings } = await run('modules-local-nested');
    const d = `${F}/modules-local-nested`;
    expect(findings).toEqual([
      `AWS-EC2-001 module.network.module.sg.aws_security_group.this ${d}/modules/sg/main.tf:13`,
      `AWS-RDS-001 module.db["eu"].aws_db_instance.main ${d}/modules/db/main.tf:15`,
      `AWS-RDS-001 module.replica[0].aws_db_instance.main ${d}/modules/db/main.tf:15`,
    ]);
    const eu = r.findings.find((f) => f.resource.startsWith('module.db'))!;
    expect(eu.module).toBe('module.db["eu"]');
    expect(eu.related!.map(rel)).toEqual([`${d}/modules/db/main.tf:5 variable "multi_az" declared here`, `${d}/main.tf:14 value from variable "multi_az" set by argument of module "db"`]);
    // the called folders are not roots of their own
    expect(r.findings.every((f) => f.resource.startsWith('module.'))).toBe(true);
  });

  it('modules-local-nested: a called folder named explicitly stays a root', async () => {
    const r = await scan([`${F}/modules-local-nested/modules/sg`], { cwd: root, rules: RULES });
    expect(r.findings.map((f) => f.resource)).toEqual([]); // var.cidr unknown there: not flagged
    expect(r.diagnostics.some((x) => x.code === 'tf-var-unset')).toBe(true);
  });

  it('modules-installed: modules.json maps the module to its folder under .terraform', async () => {
    const { findings } = await run('modules-installed');
    expect(findings).toEqual([`AWS-S3-001 module.storage.aws_s3_bucket.this ${F}/modules-installed/.terraform/modules/storage/main.tf:18`]);
  });

  it('module-remote-not-downloaded: a note, outputs unknown, nothing flagged', async () => {
    const { r, findings } = await run('module-remote-not-downloaded');
    expect(findings).toEqual([]);
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ level: 'note', code: 'tf-module-not-downloaded', file: `${F}/module-remote-not-downloaded/main.tf`, line: 2 }));
    expect(r.diagnostics.find((x) => x.code === 'tf-module-not-downloaded')!.message).toContain('module "vpc" not evaluated: source not downloaded; run terraform init');
  });

  it('splat-references: [*] and .* over counted resources, configured attributes of other resources', async () => {
    const { findings } = await run('splat-references');
    const d = `${F}/splat-references`;
    expect(findings).toEqual([`AWS-RDS-001 aws_db_instance.ref ${d}/main.tf:32`, `AWS-RDS-002 aws_db_instance.copy ${d}/main.tf:23`, `AWS-RDS-002 aws_db_instance.source[1] ${d}/main.tf:8`]);
  });

  it('conditionals-templates: conditionals, %{if} templates; an unknown condition is not flagged', async () => {
    const { r, findings } = await run('conditionals-templates');
    const d = `${F}/conditionals-templates`;
    expect(findings).toEqual([`AWS-RDS-001 aws_db_instance.main ${d}/main.tf:36`, `AWS-S3-001 aws_s3_bucket.data ${d}/main.tf:27`]);
    const rds = r.findings.find((f) => f.ruleId === 'AWS-RDS-001')!;
    expect(rds.related!.map(rel)).toEqual([`${d}/main.tf:1 value from the default of variable "env"`]);
  });

  it('s3-split-resources: versioning by .id, .bucket and a literal name are all recognised', async () => {
    const { findings } = await run('s3-split-resources');
    expect(findings).toEqual([`AWS-S3-001 aws_s3_bucket.unversioned ${F}/s3-split-resources/main.tf:49`]);
  });

  it('derived-attributes: a bucket id is its name, so log targets and for_each over buckets are recognised', async () => {
    const d = `${F}/derived-attributes`;
    const r = await scan([d], { cwd: root, rules: ['AWS-S3-001', 'AWS-S3-003'] });
    const findings = r.findings.map((f) => `${f.ruleId} ${f.resource} ${f.location?.file}:${f.location?.startLine}`).sort();
    // logs is data's log target (S3-003 skips it); both named buckets are versioned through
    // each.value.id; scratch has a generated name: no versioning resource, and it logs nowhere
    expect(findings).toEqual([`AWS-S3-001 aws_s3_bucket.scratch ${d}/main.tf:10`, `AWS-S3-003 aws_s3_bucket.scratch ${d}/main.tf:10`]);
  });

  it('policy-documents: aws_iam_policy_document is computed from its configuration and the documents it merges; partly unknown ones are judged on their known parts', async () => {
    const d = `${F}/policy-documents`;
    const r = await scan([d], { cwd: root, rules: ['AWS-IAM-001', 'AWS-IAM-002', 'AWS-IAM-006', 'AWS-IAM-009'] });
    expect(r.diagnostics.filter((x) => x.level === 'error')).toEqual([]);
    const findings = r.findings.map((f) => `${f.ruleId} ${f.resource} ${f.location?.file}:${f.location?.startLine}`).sort();
    // each finding is on the statement block of the data source the policy reads, or of the document it merges
    expect(findings).toEqual([
      `AWS-IAM-002 aws_iam_policy.account ${d}/main.tf:82`,
      `AWS-IAM-002 aws_iam_policy.deployer ${d}/main.tf:4`,
      `AWS-IAM-002 aws_iam_policy.merged ${d}/main.tf:4`,
      `AWS-IAM-006 aws_iam_role.open ${d}/main.tf:30`,
    ]);
  });

  it('override: override files merge into the blocks of the normal files; findings point at the line that decides', async () => {
    const d = `${F}/override`;
    const { r, findings } = await run('override', { rules: [...RULES, 'AWS-RDS-004'] });
    expect(findings).toEqual([
      // an attribute replaced by override.tf: the finding is on the override's line
      `AWS-EC2-001 aws_security_group.web ${d}/override.tf:12`,
      // local.retention overridden: the attribute reading it stays in main.tf
      `AWS-RDS-002 aws_db_instance.billing ${d}/main.tf:24`,
      `AWS-RDS-004 aws_db_instance.orders ${d}/override.tf:4`,
      // in a module folder: two override files in lexical order, the later one wins (multi_az)
      `AWS-RDS-001 module.db.aws_db_instance.main ${d}/modules/db/zz_override.tf.json:5`,
      `AWS-RDS-002 module.db.aws_db_instance.main ${d}/modules/db/retention_override.tf:2`,
    ].sort());
    // billing's multi_az = false is fixed by override.tf, the base 443 rule is replaced
    expect(findings.some((f) => f.includes('AWS-RDS-001 aws_db_instance.billing'))).toBe(false);
    // the resource itself stays where it is declared
    const orders = r.findings.find((f) => f.ruleId === 'AWS-RDS-004')!;
    expect(orders.resource).toBe('aws_db_instance.orders');
    // an override without an original block: an error with file and line, the block is ignored
    const errs = r.diagnostics.filter((x) => x.level !== 'note');
    expect(errs).toEqual([expect.objectContaining({ level: 'error', code: 'tf-override', file: `${d}/override.tf`, line: 24 })]);
    expect(errs[0].message).toContain('resource "aws_s3_bucket" "ghost"');
    expect(r.findings.some((f) => f.resource.includes('ghost'))).toBe(false);
  });

  it('provider-regions: findings in modules point into the module', async () => {
    const { findings } = await run('provider-regions');
    const d = `${F}/provider-regions`;
    expect(findings).toEqual([
      `AWS-S3-001 aws_s3_bucket.home ${d}/main.tf:15`,
      `AWS-S3-001 aws_s3_bucket.west ${d}/main.tf:19`,
      `AWS-S3-001 module.inherits.aws_s3_bucket.replica ${d}/modules/replica/main.tf:1`,
      `AWS-S3-001 module.mapped.aws_s3_bucket.replica ${d}/modules/replica/main.tf:1`,
    ]);
  });

  it('references-through-values: a resource designated through a local, try(), a conditional, module inputs and outputs, an id', async () => {
    const d = `${F}/references-through-values`;
    const { r, findings } = await run('references-through-values', { rules: ['AWS-VPC-001', 'AWS-S3-002', 'AWS-S3-008'] });
    // every VPC with a flow log is seen to have one, however the flow log names it; the orphan is found
    // the public access block names the bucket through the bucket policy's id, so the bucket blocks public access;
    // the public policy built by a data source with count is found through its instance
    expect(findings).toEqual([`AWS-S3-008 aws_s3_bucket.assets ${d}/main.tf:69`, `AWS-VPC-001 aws_vpc.orphan ${d}/main.tf:43`]);
    expect(r.diagnostics.filter((x) => x.level !== 'note')).toEqual([]);
  });

  it('references-through-values: data sources expand with count (count = 0 gives no instance)', async () => {
    const { evaluateTerraformUnit } = await import('../../src/eval/terraform/index.js');
    const { parseTerraformFile } = await import('../../src/parse/hcl/index.js');
    const fs = await import('node:fs');
    const dir = path.join(root, F, 'references-through-values');
    const files = [parseTerraformFile(fs.readFileSync(path.join(dir, 'main.tf'), 'utf8'), 'main.tf')];
    const read = (rel: string) => (fs.existsSync(path.join(dir, rel)) ? fs.readFileSync(path.join(dir, rel), 'utf8') : undefined);
    const rs = evaluateTerraformUnit({ root: dir, unit: '.', files, diagnostics: [], readText: read, listDir: (rel) => (fs.existsSync(path.join(dir, rel)) ? fs.readdirSync(path.join(dir, rel)) : undefined) });
    expect(rs.filter((x) => x.mode === 'data').map((x) => x.address)).toEqual(['data.aws_iam_policy_document.assets[0]']);
  });

  it('null-arguments: an argument set to null is left out (defaults apply), lookup() of a computed attribute is unknown, coalesce() keeps a partly known policy', async () => {
    const d = `${F}/null-arguments`;
    const { r, findings } = await run('null-arguments', { rules: ['AWS-SQS-001', 'AWS-INSTANCE-006', 'AWS-KMS-002', 'AWS-CF-008'] });
    expect(findings).toEqual([`AWS-INSTANCE-006 aws_launch_template.web ${d}/main.tf:33`, `AWS-KMS-002 aws_kms_key.data ${d}/main.tf:66`]);
    expect(r.diagnostics.filter((x) => x.level !== 'note')).toEqual([]);
  });
});
