import type { ScanResult } from '../src/findings/types.js';

/** Options the CLI passes to every reporter; each format reads only what it needs. */
export interface ReportOptions {
  /** ANSI colour (text). The CLI passes true only on a TTY without NO_COLOR. */
  color: boolean;
  /** SARIF: the category part of `run.automationDetails.id` (`<category>/`). Default `palisade`. */
  sarifCategory?: string;
  /** SARIF: `tool.driver.informationUri`. Default {@link DEFAULT_INFORMATION_URI}. */
  informationUri?: string;
  /**
   * SARIF: absolute URI (ending in `/`) of the scan root, written to
   * `originalUriBaseIds["%SRCROOT%"].uri`. Omitted by default so the log carries no
   * machine-specific path; GitHub resolves `%SRCROOT%` to the repository root itself.
   */
  srcRootUri?: string;
}

export interface Reporter {
  /** Name used with `--format`. */
  format: string;
  /** File extension, without a dot, for `--output-dir` style naming. */
  extension: string;
  /** Pure: the same input gives the same output. Output ends with a newline. */
  render(result: ScanResult, opts: ReportOptions): string;
}

export const DEFAULT_INFORMATION_URI = 'https://palisade.dev';
