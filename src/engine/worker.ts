/**
 * A worker thread of the scan pool: parses and adapts units, evaluates chunks with its own
 * policy instance (wasm evaluation is synchronous, so one instance per thread).
 */
import { parentPort } from 'node:worker_threads';
import { PolicyEngine } from './policy.js';
import { processUnit } from './process-unit.js';
import { TreeReader } from './tree-reader.js';
import type { WorkerRequest, WorkerResponse } from './pool.js';

let engine: Promise<PolicyEngine> | undefined;
/** A pool lives for one scan: its workers' readers of the tree do too. */
const readers = new Map<string, TreeReader>();
const readerFor = (root: string) => readers.get(root) ?? readers.set(root, new TreeReader(root)).get(root)!;

parentPort!.on('message', async (msg: WorkerRequest) => {
  let reply: WorkerResponse;
  try {
    if (msg.task === 'unit') reply = { id: msg.id, ok: true, result: processUnit(msg.unit, msg.root, msg.options, readerFor(msg.root)) };
    else {
      engine ??= PolicyEngine.load(msg.bundleDir);
      reply = { id: msg.id, ok: true, result: (await engine).evaluate(msg.input) };
    }
  } catch (e) {
    reply = { id: msg.id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  parentPort!.postMessage(reply);
});
