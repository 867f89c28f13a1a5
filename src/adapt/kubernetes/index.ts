/**
 * Kubernetes manifests → kubernetes.objects[]. Objects keep the API shape, so model paths
 * are manifest paths and every field's range is known.
 */
import type { CanonicalModel, ModelObject, SourceMapEntry } from '../../model/model.js';
import type { Diagnostic } from '../../model/diagnostics.js';
import type { FileRange } from '../../model/source.js';
import type { ManifestFile } from '../../parse/kubernetes/load.js';
import { suppressionsFor } from '../../findings/inline.js';

const CLUSTER_SCOPED = new Set([
  'Namespace', 'Node', 'PersistentVolume', 'StorageClass', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition',
  'PriorityClass', 'RuntimeClass', 'IngressClass', 'ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration',
  'APIService', 'CSIDriver', 'VolumeSnapshotClass', 'PodSecurityPolicy', 'ClusterIssuer',
]);

/** `Kind/namespace/name`, or `Kind/name` for cluster-scoped kinds. */
export function objectRef(obj: Record<string, unknown>): string {
  const md = (obj.metadata ?? {}) as Record<string, unknown>;
  const name = typeof md.name === 'string' ? md.name : typeof md.generateName === 'string' ? `${md.generateName}*` : '(unnamed)';
  const kind = String(obj.kind);
  if (CLUSTER_SCOPED.has(kind)) return `${kind}/${name}`;
  const ns = typeof md.namespace === 'string' ? md.namespace : 'default';
  return `${kind}/${ns}/${name}`;
}

export function adaptKubernetes(loaded: ManifestFile, file: string, model: CanonicalModel, sourceMap: SourceMapEntry[], diagnostics: Diagnostic[]): void {
  let previousEnd = 0;
  loaded.manifests.forEach((m, i) => {
    const identity = objectRef(m.object);
    const id = `${file}#${m.document}.${i}:${identity}`;
    const obj: ModelObject = { ...m.object, id };
    model.kubernetes.objects.push(obj);
    const fields: Record<string, FileRange> = {};
    for (const [k, r] of Object.entries(m.fields)) fields[k] = { file, start: r.start, end: r.end };
    const entry: SourceMapEntry = {
      id,
      source: 'kubernetes',
      identity,
      resourceType: String(m.object.kind),
      location: { file, start: m.range.start, end: m.range.end },
      fields,
    };
    const sup = suppressionsFor(loaded.comments, m.range.start.line, m.range.end.line, previousEnd + 1, file, diagnostics);
    if (sup) entry.suppressions = sup;
    sourceMap.push(entry);
    previousEnd = m.range.end.line;
  });
}
