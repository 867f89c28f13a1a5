/**
 * Discovery of CloudFormation templates nested by other scanned templates: such a template is
 * evaluated through its parent's nested stack, not as a unit of its own — unless the user names
 * it, or nobody outside a cycle nests it, or its only parents do not parse. A text test, then
 * a parse of the templates that may nest.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { localNestedTemplates, nestedTemplateFiles } from '../../src/discover/cfn-nested.js';
import { discover } from '../../src/discover/files.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-cfn-discovery-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function write(files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(tmp, rel)), { recursive: true });
    fs.writeFileSync(path.join(tmp, rel), text);
  }
}

const stack = (url: string) => `Resources:\n  Child:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: ${url}\n`;
const BUCKET = 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n';

describe('localNestedTemplates', () => {
  it('reads literal local TemplateURLs in block, flow and JSON style', () => {
    expect(localNestedTemplates(stack('./network.yaml'))).toEqual(['./network.yaml']);
    expect(localNestedTemplates(stack('"nested/db.json"  # the database'))).toEqual(['nested/db.json']);
    expect(localNestedTemplates(`Resources:\n  A: { Type: AWS::CloudFormation::Stack, Properties: { TemplateURL: 'a.yaml', Parameters: {} } }\n`)).toEqual(['a.yaml']);
    expect(localNestedTemplates(JSON.stringify({ Resources: { A: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: 'child.json' } } } }))).toEqual(['child.json']);
  });

  it('skips remote URLs, intrinsics, absolute paths, and texts without nested stacks', () => {
    expect(localNestedTemplates(stack('https://bucket.s3.amazonaws.com/x.yaml'))).toEqual([]);
    expect(localNestedTemplates(stack('s3://bucket/x.yaml'))).toEqual([]);
    expect(localNestedTemplates(stack('!Sub "${Bucket}/x.yaml"'))).toEqual([]);
    expect(localNestedTemplates(stack('/etc/x.yaml'))).toEqual([]);
    expect(localNestedTemplates('Resources:\n  A:\n    Type: Custom::Thing\n    Properties:\n      TemplateURL: ./x.yaml\n')).toEqual([]);
    expect(localNestedTemplates('    # TemplateURL: ./x.yaml\n  Type: AWS::CloudFormation::Stack\n')).toEqual([]);
  });

  it('reads nested stack resources only: not a TemplateURL of another type, nor a template that does not parse', () => {
    const both = `Resources:\n  Child:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: ./real.yaml\n  Other:\n    Type: Custom::Thing\n    Properties:\n      TemplateURL: ./custom.yaml\n`;
    expect(localNestedTemplates(both)).toEqual(['./real.yaml']);
    expect(localNestedTemplates(stack('./x.yaml').replace('      TemplateURL', '\t  TemplateURL'))).toEqual([]);
    expect(localNestedTemplates(stack('./x.yaml') + '  Dup:\n    Type: AWS::S3::Bucket\n  Dup:\n    Type: AWS::S3::Bucket\n')).toEqual(['./x.yaml']); // a repeated key is kept last, not a parse failure
  });

  it('reads SAM applications only in SAM templates', () => {
    const app = 'Resources:\n  A:\n    Type: AWS::Serverless::Application\n    Properties:\n      Location: ./app/template.yaml\n';
    expect(localNestedTemplates(`Transform: AWS::Serverless-2016-10-31\n${app}`)).toEqual(['./app/template.yaml']);
    expect(localNestedTemplates(app)).toEqual([]);
    expect(localNestedTemplates(`Transform: AWS::Serverless-2016-10-31\nResources:\n  A:\n    Type: AWS::Serverless::Application\n    Properties:\n      Location:\n        ApplicationId: arn\n`)).toEqual([]);
  });
});

describe('nestedTemplateFiles', () => {
  const texts: Record<string, string> = {
    'app/template.yaml': stack('./net.yaml') + '  Db:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: ../shared/db.yaml\n',
    'app/net.yaml': BUCKET,
    'shared/db.yaml': BUCKET,
    'loop/a.yaml': stack('./b.yaml'),
    'loop/b.yaml': stack('a.yaml'),
    'big/parent.yaml': stack('./child.yaml'),
    'big/child.yaml': BUCKET,
  };
  const read = (rel: string) => texts[rel];

  it('lists the templates nested by a local path, relative to the parent folder', () => {
    const nested = nestedTemplateFiles(Object.keys(texts).sort(), read, () => 100);
    expect([...nested].sort()).toEqual(['app/net.yaml', 'big/child.yaml', 'loop/b.yaml', 'shared/db.yaml']);
  });

  it('keeps the first template of a cycle nobody else nests as a unit', () => {
    expect([...nestedTemplateFiles(['loop/a.yaml', 'loop/b.yaml'], read, () => 100)]).toEqual(['loop/b.yaml']);
  });

  it('does not read large files (plans) for nested stacks', () => {
    const nested = nestedTemplateFiles(['big/child.yaml', 'big/parent.yaml'], read, (rel) => (rel === 'big/parent.yaml' ? 50 * 1024 * 1024 : 100));
    expect([...nested]).toEqual([]);
  });
});

describe('discover with nested stacks', () => {
  write({
    'proj/template.yaml': stack('./stacks/bucket.yaml'),
    'proj/stacks/bucket.yaml': BUCKET,
    'proj/other.yaml': BUCKET,
  });
  const units = (targets: string[]) => discover(targets, { cwd: tmp }).units.map((u) => u.id);

  it('does not make a nested template a unit of its own', () => {
    expect(units(['proj'])).toEqual(['proj/other.yaml', 'proj/template.yaml']);
  });

  it('keeps a nested template named as a target', () => {
    expect(units(['proj/stacks/bucket.yaml'])).toEqual(['proj/stacks/bucket.yaml']);
    expect(units(['proj', 'proj/stacks/bucket.yaml'])).toEqual(['proj/other.yaml', 'proj/stacks/bucket.yaml', 'proj/template.yaml']);
  });

  it('scans a nested folder on its own when its parent is not scanned', () => {
    expect(units(['proj/stacks'])).toEqual(['proj/stacks/bucket.yaml']);
  });

  it('scans a template on its own when the only template nesting it does not parse', () => {
    write({ 'broken/parent.yaml': stack('./child.yaml') + '  Bad: [\n', 'broken/child.yaml': BUCKET });
    expect(units(['broken'])).toEqual(['broken/child.yaml', 'broken/parent.yaml']);
  });
});
