/** The document adapter that routes CloudFormation templates (YAML or JSON) to this adapter. */
import type { DocumentAdapter } from '../../engine/document-adapters.js';
import { loadTemplate, looksLikeCloudFormation } from '../../parse/cloudformation/load.js';
import { adaptCloudFormation } from './index.js';

export const cloudformationDocuments: DocumentAdapter = {
  name: 'cloudformation',
  detect: (text) => looksLikeCloudFormation(text),
  adapt(text, file, ctx) {
    const template = loadTemplate(text, file, ctx.diagnostics);
    // nested stacks' local templates are read from the scanned tree, never from outside it
    if (template) adaptCloudFormation(template, ctx, ctx.diagnostics, { parameters: ctx.options.cloudformation?.parameters, readText: ctx.readText, root: ctx.root });
  },
};
