/**
 * A rule about a whole configuration ("declares analyzers but no external-access one") judges
 * each unit — a Terraform root, a template — by itself: its result never depends on which other
 * files happen to be scanned with it, nor on how the scan batches its policy calls.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/scan.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-unit-scope-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function write(rel: string, text: string): void {
  const abs = path.join(tmp, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, text);
}

const unusedOnly = (name: string) => `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Unused:
    Type: AWS::AccessAnalyzer::Analyzer
    Properties:
      AnalyzerName: ${name}
      Type: ACCOUNT_UNUSED_ACCESS
`;

const external = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  External:
    Type: AWS::AccessAnalyzer::Analyzer
    Properties:
      AnalyzerName: external
      Type: ACCOUNT
`;

describe('configuration-wide rules', () => {
  it('judge each template by itself, whatever else the scan holds', async () => {
    write('alone/a-unused.yaml', unusedOnly('unused-a'));
    write('mixed/a-unused.yaml', unusedOnly('unused-a'));
    write('mixed/b-external.yaml', external);
    write('mixed/tf/main.tf', `resource "aws_accessanalyzer_analyzer" "external" {\n  analyzer_name = "external-tf"\n  type          = "ACCOUNT"\n}\n`);
    const fired = async (target: string) =>
      (await scan([target], { cwd: tmp, rules: ['AWS-ANALYZER-001'] })).findings.map((f) => `${f.location?.file}:${f.location?.startLine}`).sort();
    expect(await fired('alone')).toEqual(['alone/a-unused.yaml:7']);
    // the external analyzers of other units are no part of this template's configuration
    expect(await fired('mixed')).toEqual(['mixed/a-unused.yaml:7']);
  });

  it('give the same findings for a unit scanned alone and among many', async () => {
    for (let i = 0; i < 30; i++) write(`many/t${String(i).padStart(2, '0')}.yaml`, i % 3 === 0 ? external : unusedOnly(`unused-${i}`));
    const all = (await scan(['many'], { cwd: tmp, rules: ['AWS-ANALYZER-001'] })).findings.map((f) => f.location?.file).sort();
    const expected = Array.from({ length: 30 }, (_, i) => i)
      .filter((i) => i % 3 !== 0)
      .map((i) => `many/t${String(i).padStart(2, '0')}.yaml`);
    expect(all).toEqual(expected);
  });
});
