import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/diagnostics.js';
import { loadManifests } from '../../src/parse/kubernetes/load.js';
import { objectRef } from '../../src/adapt/kubernetes/index.js';

function load(text: string) {
  const diagnostics: Diagnostic[] = [];
  const r = loadManifests(text, 'k8s/app.yaml', diagnostics);
  return { ...r, diagnostics };
}

describe('kubernetes loader', () => {
  it('reads every document with exact field ranges', () => {
    const r = load(`# leading comment
apiVersion: v1
kind: Service
metadata:
  name: web
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 1
  template:
    spec:
      containers:
        - name: app
          image: nginx:1.27
`);
    expect(r.diagnostics).toEqual([]);
    expect(r.manifests.map((m) => objectRef(m.object))).toEqual(['Service/default/web', 'Deployment/shop/web']);
    const d = r.manifests[1];
    expect(d.range.start.line).toBe(7);
    expect(d.document).toBe(1);
    expect(d.fields['spec.replicas'].start).toMatchObject({ line: 13, column: 3 });
    expect(d.fields['spec.replicas'].end).toMatchObject({ line: 13, column: 14 });
    expect(d.fields['spec.template.spec.containers.0'].start).toMatchObject({ line: 17, column: 11 });
    expect(d.fields['spec.template.spec.containers.0.image'].start).toMatchObject({ line: 18, column: 11 });
  });

  it('expands List kinds with ranges relative to each item', () => {
    const r = load(`apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: ConfigMap
    metadata: {name: a}
  - apiVersion: v1
    kind: Secret
    metadata:
      name: b
`);
    expect(r.manifests.map((m) => objectRef(m.object))).toEqual(['ConfigMap/default/a', 'Secret/default/b']);
    expect(r.manifests[1].range.start.line).toBe(7);
    expect(r.manifests[1].fields['metadata.name'].start.line).toBe(10);
  });

  it('skips YAML that is not a Kubernetes object, quietly', () => {
    const r = load(`name: CI\non:\n  push: {}\njobs: {}\n`);
    expect(r.manifests).toEqual([]);
    expect(r.diagnostics).toEqual([]);
  });

  it('reads JSON manifests', () => {
    const r = load(`{\n  "apiVersion": "v1",\n  "kind": "Pod",\n  "metadata": {"name": "p"},\n  "spec": {"hostNetwork": true}\n}\n`);
    expect(r.manifests).toHaveLength(1);
    expect(r.manifests[0].fields['spec.hostNetwork'].start.line).toBe(5);
  });

  it('reports Helm templates as skipped instead of failing', () => {
    const r = load(`apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "app.fullname" . }}\nspec:\n  replicas: {{ .Values.replicas }}\n`);
    expect(r.manifests).toEqual([]);
    expect(r.diagnostics).toEqual([expect.objectContaining({ level: 'note', code: 'helm-template', file: 'k8s/app.yaml' })]);
  });

  it('reports a syntax error with line and column and keeps the other documents', () => {
    const r = load(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: [unclosed\n`);
    expect(r.manifests.map((m) => objectRef(m.object))).toEqual(['ConfigMap/default/ok']);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ level: 'error', code: 'yaml-syntax', file: 'k8s/app.yaml' });
    expect(r.diagnostics[0].line).toBeGreaterThanOrEqual(8);
  });

  it('refuses alias bombs instead of expanding them', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb}\ndata:\n${lines.map((l) => '  ' + l).join('\n')}\n`;
    const started = Date.now();
    const r = load(text);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(r.manifests).toEqual([]);
    expect(r.diagnostics[0]).toMatchObject({ level: 'error', code: 'yaml-alias-limit' });
  });

  it('names cluster-scoped objects without a namespace', () => {
    expect(objectRef({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'admin' } })).toBe('ClusterRole/admin');
  });
});
