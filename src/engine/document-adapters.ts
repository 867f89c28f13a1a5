/**
 * Which adapter reads a YAML or JSON document: a Terraform plan, a CloudFormation template or
 * Kubernetes manifests. The first adapter whose `detect` accepts the text wins; Kubernetes is
 * the fallback (it skips, quietly, YAML that holds no Kubernetes object).
 */
import type { Diagnostic } from '../model/diagnostics.js';
import type { CanonicalModel, SourceMapEntry } from '../model/model.js';
import { loadManifests } from '../parse/kubernetes/load.js';
import { adaptKubernetes } from '../adapt/kubernetes/index.js';
import { terraformPlanDocuments } from '../adapt/terraform-plan/index.js';
import type { UnitOptions } from './process-unit.js';
import { cloudformationDocuments } from '../adapt/cloudformation/document.js';

export interface DocumentContext {
  /** Absolute scan root. */
  root: string;
  options: UnitOptions;
  model: CanonicalModel;
  sourceMap: SourceMapEntry[];
  diagnostics: Diagnostic[];
  /** Reads another file of the scanned tree (relative to the root); undefined when missing, unreadable or outside it. */
  readText(rel: string): string | undefined;
}

export interface DocumentAdapter {
  name: string;
  /** Cheap test on the raw text (and file name): is this document mine? */
  detect(text: string, file: string): boolean;
  adapt(text: string, file: string, ctx: DocumentContext): void;
}

export const kubernetesDocuments: DocumentAdapter = {
  name: 'kubernetes',
  detect: () => true,
  adapt(text, file, ctx) {
    adaptKubernetes(loadManifests(text, file, ctx.diagnostics), file, ctx.model, ctx.sourceMap, ctx.diagnostics);
  },
};

/** In order of precedence; Kubernetes last. */
export const DOCUMENT_ADAPTERS: DocumentAdapter[] = [cloudformationDocuments, terraformPlanDocuments, kubernetesDocuments];

export function adapterFor(text: string, file: string): DocumentAdapter {
  return DOCUMENT_ADAPTERS.find((a) => a.detect(text, file)) ?? kubernetesDocuments;
}
