/**
 * Reporter registry. One module per format behind {@link Reporter}; the CLI looks formats up
 * here and turns {@link UnknownFormatError} into exit code 2.
 */
import { jsonReporter } from './json.js';
import { sarifReporter } from './sarif.js';
import { textReporter } from './text.js';
import type { Reporter } from './types.js';

export type { ReportOptions, Reporter } from './types.js';

const REPORTERS: ReadonlyMap<string, Reporter> = new Map(
  [textReporter, jsonReporter, sarifReporter].map((r) => [r.format, r] as const),
);

export class UnknownFormatError extends Error {
  constructor(readonly format: string) {
    super(`Unknown report format "${format}". Available formats: ${reporterFormats().join(', ')}.`);
    this.name = 'UnknownFormatError';
  }
}

/** Formats in registration order: `text`, `json`, `sarif`. */
export function reporterFormats(): string[] {
  return [...REPORTERS.keys()];
}

/** Case-insensitive; throws {@link UnknownFormatError} for an unknown format. */
export function getReporter(format: string): Reporter {
  const r = REPORTERS.get(format.trim().toLowerCase());
  if (!r) throw new UnknownFormatError(format);
  return r;
}
