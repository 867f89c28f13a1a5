/**
 * A small pool of worker threads. Tasks are plain data; results come back in any order and
 * are matched by id.
 */
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ScanUnit } from '../discover/files.js';
import type { RawFinding } from './policy.js';
import type { UnitOptions, UnitResult } from './process-unit.js';

export type WorkerRequest =
  | { id: number; task: 'unit'; unit: ScanUnit; root: string; options: UnitOptions }
  | { id: number; task: 'eval'; input: string; bundleDir: string };

export type WorkerResponse = { id: number; ok: true; result: UnitResult | RawFinding[] } | { id: number; ok: false; error: string };

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

export function defaultPoolSize(): number {
  const n = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(n, 8));
}

const WORKER_SCRIPT = new URL('./worker.js', import.meta.url);

export class WorkerPool {
  /** False when running from TypeScript sources (tests), where there is no compiled worker to start. */
  static available(): boolean {
    return fs.existsSync(fileURLToPath(WORKER_SCRIPT));
  }

  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: { req: WorkerRequest; pending: Pending }[] = [];
  private readonly inflight = new Map<number, { worker: Worker; pending: Pending }>();
  private nextId = 1;

  private closing = false;

  constructor(size = defaultPoolSize()) {
    for (let i = 0; i < size; i++) this.spawn();
  }

  private spawn(): void {
    const w = new Worker(WORKER_SCRIPT);
    w.on('message', (m: WorkerResponse) => this.done(w, m));
    w.on('error', (e) => this.crashed(w, e));
    w.on('exit', (code) => {
      if (!this.closing && code !== 0) this.crashed(w, new Error(`worker exited with code ${code}`));
    });
    this.workers.push(w);
    this.idle.push(w);
  }

  unit(unit: ScanUnit, root: string, options: UnitOptions): Promise<UnitResult> {
    return this.submit({ id: this.nextId++, task: 'unit', unit, root, options }) as Promise<UnitResult>;
  }

  evaluate(input: string, bundleDir: string): Promise<RawFinding[]> {
    return this.submit({ id: this.nextId++, task: 'eval', input, bundleDir }) as Promise<RawFinding[]>;
  }

  private submit(req: WorkerRequest): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.queue.push({ req, pending: { resolve, reject } });
      this.pump();
    });
  }

  private pump(): void {
    while (this.idle.length && this.queue.length) {
      const w = this.idle.pop()!;
      const { req, pending } = this.queue.shift()!;
      this.inflight.set(req.id, { worker: w, pending });
      w.postMessage(req);
    }
  }

  private done(w: Worker, m: WorkerResponse): void {
    const job = this.inflight.get(m.id);
    this.inflight.delete(m.id);
    this.idle.push(w);
    if (job) {
      if (m.ok) job.pending.resolve(m.result);
      else job.pending.reject(new Error(m.error));
    }
    this.pump();
  }

  /** A dead worker fails its own task only; a fresh one takes its place. */
  private crashed(w: Worker, e: Error): void {
    if (!this.workers.includes(w)) return;
    this.workers.splice(this.workers.indexOf(w), 1);
    const idle = this.idle.indexOf(w);
    if (idle >= 0) this.idle.splice(idle, 1);
    for (const [id, job] of this.inflight) {
      if (job.worker === w) {
        this.inflight.delete(id);
        job.pending.reject(e);
      }
    }
    if (!this.closing) {
      this.spawn();
      this.pump();
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
