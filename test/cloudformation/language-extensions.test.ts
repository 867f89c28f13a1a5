/**
 * Templates with `Transform: AWS::LanguageExtensions`: `Fn::ForEach::*` loops under Resources
 * are not expanded. They are said so, one note at each loop, and are not reported as
 * malformed resources; the template's other resources are scanned.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/scan.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-foreach-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::LanguageExtensions
Parameters:
  Ports:
    Type: CommaDelimitedList
    Default: "22,3389"
Resources:
  Open:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: open
      VpcId: vpc-123
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: 0.0.0.0/0
  Fn::ForEach::Ingress:
    - Port
    - !Ref Ports
    - Ingress\${Port}:
        Type: AWS::EC2::SecurityGroupIngress
        Properties:
          GroupId: !Ref Open
          IpProtocol: tcp
          FromPort: !Ref Port
          ToPort: !Ref Port
          CidrIp: 0.0.0.0/0
`;

describe('AWS::LanguageExtensions', () => {
  it('a Fn::ForEach loop is a note at its line, not a malformed resource; the rest is scanned', async () => {
    fs.writeFileSync(path.join(dir, 'template.yaml'), TEMPLATE);
    const r = await scan([dir], { cwd: dir, rules: ['AWS-EC2-001'] });
    expect(r.findings.map((f) => `${f.ruleId} ${f.resource}`)).toEqual(['AWS-EC2-001 AWS::EC2::SecurityGroup/Open']);
    expect(r.diagnostics.filter((d) => d.level !== 'note')).toEqual([]);
    const loops = r.diagnostics.filter((d) => d.message.startsWith('Fn::ForEach::'));
    expect(loops.map((d) => `${d.file}:${d.line} ${d.message}`)).toEqual(['template.yaml:18 Fn::ForEach::Ingress is not expanded (Transform AWS::LanguageExtensions): the resources it generates are not scanned']);
  });
});
