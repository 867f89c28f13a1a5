/**
 * Splits the merged model into evaluation chunks: one policy call each. AWS objects of one
 * unit stay together; Kubernetes objects are split freely, and every chunk carries the
 * objects of relational kinds (NetworkPolicy, HPA, PDB, …) as `kubernetes.context` so that
 * rules about one object can look at the others.
 */
import type { CanonicalModel, ModelObject } from '../model/model.js';

export const RELATIONAL_KINDS = new Set([
  'Namespace', 'NetworkPolicy', 'PodDisruptionBudget', 'HorizontalPodAutoscaler', 'LimitRange', 'ResourceQuota',
  'Service', 'StorageClass', 'PeerAuthentication', 'Ingress', 'IngressClass',
]);

export interface Chunk {
  aws: CanonicalModel['aws'];
  kubernetes: { objects: ModelObject[]; context: ModelObject[] };
  config: Record<string, unknown>;
}

/** Objects in one chunk; a chunk is a few hundred KB of JSON at most. */
export const CHUNK_OBJECTS = 400;

export function buildChunks(fragments: CanonicalModel[], config: Record<string, unknown>, chunkObjects = CHUNK_OBJECTS): Chunk[] {
  const context: ModelObject[] = [];
  for (const f of fragments) for (const o of f.kubernetes.objects) if (RELATIONAL_KINDS.has(String(o.kind))) context.push(o);

  const chunks: Chunk[] = [];
  let cur: Chunk | undefined;
  let size = 0;
  const fresh = (): Chunk => ({ aws: {}, kubernetes: { objects: [], context }, config });
  const flushIfFull = () => {
    if (cur && size >= chunkObjects) {
      chunks.push(cur);
      cur = undefined;
      size = 0;
    }
  };
  for (const f of fragments) {
    // a unit's AWS objects go in together (folded resources refer to each other)
    let awsCount = 0;
    for (const svc of Object.values(f.aws)) for (const list of Object.values(svc)) awsCount += list.length;
    if (awsCount) {
      cur ??= fresh();
      for (const [svc, cols] of Object.entries(f.aws)) {
        const target = (cur.aws[svc] ??= {});
        for (const [col, list] of Object.entries(cols)) (target[col] ??= []).push(...list);
      }
      size += awsCount;
      flushIfFull();
    }
    for (const o of f.kubernetes.objects) {
      cur ??= fresh();
      cur.kubernetes.objects.push(o);
      size++;
      flushIfFull();
    }
  }
  if (cur && size) chunks.push(cur);
  return chunks;
}
