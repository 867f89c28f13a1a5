/** The scan's reader of the tree: reads and listings once per scan, never outside the root, errors given to every asker. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/diagnostics.js';
import { TreeReader } from '../../src/engine/tree-reader.js';
import { discover } from '../../src/discover/files.js';

const base = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-reader-'));
const root = path.join(base, 'tree');
const outside = path.join(base, 'outside');
const write = (rel: string, text: string | Buffer) => {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
};
write('live/main.tf', 'module "m" {\n  source = "../modules/m"\n}\n');
write('modules/m/main.tf', 'resource "aws_s3_bucket" "b" {}\n');
write('modules/m/bin.tf', Buffer.from([0x72, 0, 0x73]));
fs.mkdirSync(outside, { recursive: true });
fs.writeFileSync(path.join(outside, 'secret.tf'), 'x = 1\n');
fs.symlinkSync(outside, path.join(root, 'linked'));
fs.symlinkSync(path.join(outside, 'secret.tf'), path.join(root, 'live/leak.tf'));

afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

describe('TreeReader', () => {
  it('reads a kept file once: later changes on disk are not seen within the scan', () => {
    const reader = new TreeReader(root);
    const d: Diagnostic[] = [];
    expect(reader.readText('modules/m/main.tf', d, true)).toContain('aws_s3_bucket');
    fs.writeFileSync(path.join(root, 'modules/m/main.tf'), 'changed\n');
    expect(reader.readText('modules/m/main.tf', d, true)).toContain('aws_s3_bucket');
    expect(new TreeReader(root).readText('modules/m/main.tf', d, true)).toBe('changed\n');
    fs.writeFileSync(path.join(root, 'modules/m/main.tf'), 'resource "aws_s3_bucket" "b" {}\n');
    expect(d).toEqual([]);
  });

  it('gives the diagnostic of a failed read to every unit that asks', () => {
    const reader = new TreeReader(root);
    const a: Diagnostic[] = [];
    const b: Diagnostic[] = [];
    expect(reader.readText('modules/m/bin.tf', a, true)).toBeUndefined();
    expect(reader.readText('modules/m/bin.tf', b, true)).toBeUndefined();
    expect(a.map((x) => x.code)).toEqual(['binary-file']);
    expect(b).toEqual(a);
  });

  it('a missing optional file is quiet; a missing unit file is an error', () => {
    const reader = new TreeReader(root);
    const d: Diagnostic[] = [];
    expect(reader.readText('live/.terraform/modules/modules.json', d, true)).toBeUndefined();
    expect(reader.readText('live/terraform.tfvars', d, true)).toBeUndefined();
    expect(d).toEqual([]);
    expect(reader.readText('live/gone.tf', d)).toBeUndefined();
    expect(d).toMatchObject([{ level: 'error', code: 'file-unreadable', file: 'live/gone.tf' }]);
  });

  it('never reads or lists outside the root, through links or ..', () => {
    const reader = new TreeReader(root);
    const d: Diagnostic[] = [];
    expect(reader.readText('live/leak.tf', d, true)).toBeUndefined();
    expect(reader.readText('linked/secret.tf', d, true)).toBeUndefined();
    expect(reader.readText('../outside/secret.tf', d, true)).toBeUndefined();
    expect(d.map((x) => x.code)).toEqual(['outside-tree', 'outside-tree', 'outside-tree']);
    expect(reader.listDir('linked')).toBeUndefined();
    expect(reader.listDir('..')).toBeUndefined();
  });

  it('lists files and links of a folder, sorted; missing folders are undefined', () => {
    const reader = new TreeReader(root);
    expect(reader.listDir('modules/m')).toEqual(['bin.tf', 'main.tf']);
    expect(reader.listDir('live')).toEqual(['leak.tf', 'main.tf']);
    expect(reader.listDir('nowhere')).toBeUndefined();
  });

  it('discovery hands over the folders it walked and the module files it read', () => {
    const found = discover([root], { cwd: root });
    fs.writeFileSync(path.join(root, 'live/late.tf'), '');
    // the listing is discovery's: a file created after it is not seen by this scan
    expect(found.reader.listDir('live')).toEqual(['leak.tf', 'main.tf']);
    fs.rmSync(path.join(root, 'live/late.tf'));
  });
});
