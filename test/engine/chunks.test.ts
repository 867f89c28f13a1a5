import { describe, expect, it } from 'vitest';
import { buildChunks } from '../../src/engine/chunks.js';
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
});
