import { describe, expect, it } from 'vitest';
import { buildChunks, splitChunk, type Chunk } from '../../src/engine/chunks.js';
import type { RawFinding } from '../../src/engine/policy.js';
import { evaluateIsolating } from '../../src/engine/scan.js';
import { emptyModel, type CanonicalModel } from '../../src/model/model.js';

function k8s(objects: Record<string, unknown>[]): CanonicalModel {
  const m = emptyModel();
  m.kubernetes.objects.push(...objects.map((o, i) => ({ id: `o${i}-${String((o.metadata as { name: string }).name)}`, ...o })));
  return m;
}

const deploy = (name: string, ns: string) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: ns }, spec: {} });

describe('evaluation chunks', () => {
  it('keeps each namespace whole, so namespace-level rules see all of it once', () => {
    const objs = [];
    for (let i = 0; i < 30; i++) objs.push(deploy(`a${i}`, 'alpha'), deploy(`b${i}`, 'beta'), deploy(`c${i}`, 'gamma'));
    const chunks = buildChunks([k8s(objs)], {}, 40);
    const where = new Map<string, number>();
    chunks.forEach((c, i) => {
      for (const o of c.kubernetes.objects) {
        const ns = (o.metadata as { namespace: string }).namespace;
        if (where.has(ns)) expect(where.get(ns)).toBe(i);
        where.set(ns, i);
      }
    });
    expect(chunks.reduce((n, c) => n + c.kubernetes.objects.length, 0)).toBe(90);
  });

  it('indexes relational objects of the whole scan by kind and namespace in every chunk', () => {
    const hpa = { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'h', namespace: 'beta' }, spec: {} };
    const sc = { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'fast' } };
    const chunks = buildChunks([k8s([deploy('a', 'alpha'), hpa, sc])], {}, 1);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) {
      expect(Object.keys(c.kubernetes.related).sort()).toEqual(['HorizontalPodAutoscaler/beta', 'StorageClass/default']);
    }
  });

  it('keeps one unit’s AWS objects together', () => {
    const m = emptyModel();
    m.aws.s3 = { buckets: [{ id: 'b1' }, { id: 'b2' }, { id: 'b3' }] };
    m.aws.rds = { instances: [{ id: 'r1' }] };
    const chunks = buildChunks([m], {}, 2);
    expect(chunks).toHaveLength(1);
    expect(chunks[0].aws.s3.buckets).toHaveLength(3);
  });

  it('gives each unit’s AWS objects a call of their own, without the Kubernetes index', () => {
    const unit = (id: string) => {
      const m = emptyModel();
      m.aws.accessanalyzer = { analyzers: [{ id }] };
      return m;
    };
    const hpa = { ...deploy('h', 'beta'), kind: 'HorizontalPodAutoscaler' };
    const chunks = buildChunks([unit('a'), unit('b'), k8s([deploy('d', 'beta'), hpa])], {}, 1000);
    expect(chunks.map((c) => (c.aws.accessanalyzer?.analyzers ?? []).map((o) => o.id))).toEqual([['a'], ['b']]);
    expect(chunks[0].kubernetes.related).toEqual({});
    // the Kubernetes objects join the last call, with the index
    expect(chunks[1].kubernetes.objects).toHaveLength(2);
    expect(Object.keys(chunks[1].kubernetes.related)).toEqual(['HorizontalPodAutoscaler/beta']);
  });
});

describe('isolating a policy failure', () => {
  it('halves a failing chunk until the bad object is alone, keeping every other finding', async () => {
    const objs = [];
    for (let i = 0; i < 37; i++) objs.push(deploy(`d${i}`, i % 2 ? 'alpha' : 'beta'));
    const m = k8s(objs);
    m.aws.s3 = { buckets: [{ id: 'b1' }, { id: 'b2' }] };
    const [chunk] = buildChunks([m], {}, 1000);
    const bad = m.kubernetes.objects[13].id;
    let calls = 0;
    const evaluate = async (c: Chunk): Promise<RawFinding[]> => {
      calls++;
      const all = [...c.kubernetes.objects, ...Object.values(c.aws).flatMap((s) => Object.values(s).flat())];
      if (all.some((o) => o.id === bad)) throw new Error('var assignment conflict');
      return all.map((o) => ({ rule: 'X-Y-001', object: o.id, path: [], facts: {} }));
    };
    const failures: string[][] = [];
    const out = await evaluateIsolating(chunk, evaluate, (c) => failures.push(c.kubernetes.objects.map((o) => o.id)));
    expect(failures).toEqual([[bad]]);
    expect(out.map((f) => f.object).sort()).toEqual([...m.kubernetes.objects.map((o) => o.id).filter((id) => id !== bad), 'b1', 'b2'].sort());
    expect(calls).toBeLessThan(20);
  });

  it('cannot split a single object', () => {
    const [chunk] = buildChunks([k8s([deploy('a', 'x')])], {}, 10);
    expect(splitChunk(chunk)).toBeUndefined();
  });
});
