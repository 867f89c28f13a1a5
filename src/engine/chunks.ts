/**
 * Splits the merged model into evaluation chunks: one policy call each. The AWS objects of one
 * unit (a Terraform root, a template, a plan) are a chunk of their own: rules about a whole
 * configuration (an analyzer of the external-access kind declared, a trail, a backup plan
 * covering a table) judge that unit alone, never another unit's objects that happen to share the
 * call. Kubernetes objects of one namespace stay together; every chunk holding them carries the
 * objects of relational kinds (NetworkPolicy, HPA, PDB, …) from the whole scan, indexed by
 * "Kind/namespace" in `kubernetes.related`, so that a rule about one object finds the others
 * with one lookup (wasm has no indexes of its own: a scan of the context per object is
 * quadratic).
 */
import type { CanonicalModel, ModelObject } from '../model/model.js';

export const RELATIONAL_KINDS = new Set([
  'Namespace', 'NetworkPolicy', 'PodDisruptionBudget', 'HorizontalPodAutoscaler', 'LimitRange', 'ResourceQuota',
  'Service', 'StorageClass', 'PeerAuthentication', 'Ingress', 'IngressClass', 'ServiceAccount',
]);

export interface Chunk {
  aws: CanonicalModel['aws'];
  kubernetes: { objects: ModelObject[]; related: Record<string, ModelObject[]> };
  config: Record<string, unknown>;
}

/** Objects in one chunk; a chunk is a few hundred KB of JSON at most. */
export const CHUNK_OBJECTS = 400;

export function buildChunks(fragments: CanonicalModel[], config: Record<string, unknown>, chunkObjects = CHUNK_OBJECTS): Chunk[] {
  const related: Record<string, ModelObject[]> = {};
  for (const f of fragments) {
    for (const o of f.kubernetes.objects) {
      if (!RELATIONAL_KINDS.has(String(o.kind))) continue;
      (related[`${String(o.kind)}/${namespaceOf(o)}`] ??= []).push(o);
    }
  }

  const chunks: Chunk[] = [];
  let cur: Chunk | undefined;
  let size = 0;
  // the relational index only where Kubernetes objects are: AWS rules never read it, and a
  // scan of many units would otherwise serialise it into every unit's call
  const fresh = (): Chunk => ({ aws: {}, kubernetes: { objects: [], related: {} }, config });
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
      // another unit's AWS objects already in this call: this unit gets its own
      if (cur && Object.keys(cur.aws).length) {
        chunks.push(cur);
        cur = undefined;
        size = 0;
      }
      cur ??= fresh();
      for (const [svc, cols] of Object.entries(f.aws)) {
        const target = (cur.aws[svc] ??= {});
        for (const [col, list] of Object.entries(cols)) (target[col] ??= []).push(...list);
      }
      size += awsCount;
      flushIfFull();
    }
  }
  // Kubernetes objects go in whole namespaces, so that a rule about a namespace (default-deny
  // network policy, quotas) sees every workload of it in one evaluation and reports it once.
  const byNamespace = new Map<string, ModelObject[]>();
  for (const f of fragments) {
    for (const o of f.kubernetes.objects) {
      const ns = namespaceOf(o);
      let group = byNamespace.get(ns);
      if (!group) byNamespace.set(ns, (group = []));
      group.push(o);
    }
  }
  for (const ns of [...byNamespace.keys()].sort()) {
    const group = byNamespace.get(ns)!;
    cur ??= fresh();
    cur.kubernetes.related = related;
    cur.kubernetes.objects.push(...group);
    size += group.length;
    flushIfFull();
  }
  if (cur && size) chunks.push(cur);
  return chunks;
}

/** As `lib.k8s.namespace` in Rego: metadata.namespace, else "default". */
export function namespaceOf(o: ModelObject): string {
  const md = o.metadata as Record<string, unknown> | undefined;
  return typeof md?.namespace === 'string' ? md.namespace : 'default';
}

/**
 * Two halves of a chunk (same related index and config), or undefined when it holds a single
 * object or unit and cannot be split further. AWS objects split by collection first, then by
 * halves of a collection.
 */
export function splitChunk(c: Chunk): [Chunk, Chunk] | undefined {
  const shell = (): Chunk => ({ aws: {}, kubernetes: { objects: [], related: c.kubernetes.related }, config: c.config });
  const k8s = c.kubernetes.objects;
  const aws: [string, string, ModelObject[]][] = [];
  for (const [svc, cols] of Object.entries(c.aws)) for (const [col, list] of Object.entries(cols)) if (list.length) aws.push([svc, col, list]);
  const total = k8s.length + aws.reduce((n, [, , l]) => n + l.length, 0);
  if (total <= 1) return undefined;
  const a = shell();
  const b = shell();
  if (k8s.length && aws.length) {
    a.kubernetes.objects = k8s;
    for (const [svc, col, list] of aws) (b.aws[svc] ??= {})[col] = list;
  } else if (k8s.length) {
    const mid = Math.ceil(k8s.length / 2);
    a.kubernetes.objects = k8s.slice(0, mid);
    b.kubernetes.objects = k8s.slice(mid);
  } else if (aws.length > 1) {
    const mid = Math.ceil(aws.length / 2);
    aws.forEach(([svc, col, list], i) => (((i < mid ? a : b).aws[svc] ??= {})[col] = list));
  } else {
    const [svc, col, list] = aws[0];
    const mid = Math.ceil(list.length / 2);
    a.aws[svc] = { [col]: list.slice(0, mid) };
    b.aws[svc] = { [col]: list.slice(mid) };
  }
  return [a, b];
}
