/**
 * Problems met while scanning: a file that does not parse, a value that cannot be
 * evaluated, a module that was not fetched. They travel with the results to every
 * reporter (text, JSON, SARIF `toolExecutionNotifications`) and set the exit code.
 */
export type DiagnosticLevel = 'error' | 'warning' | 'note';

export interface Diagnostic {
  level: DiagnosticLevel;
  /** Short stable code, e.g. `hcl-syntax`, `yaml-syntax`, `file-unreadable`, `helm-template`. */
  code: string;
  message: string;
  /** Path relative to the scan root. Absent only for problems of the scan as a whole. */
  file?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

/** Thrown by parsers; carries the position of the first error. */
export class SourceError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly code = 'syntax',
  ) {
    super(`${file}:${line}:${column}: ${message}`);
    this.name = 'SourceError';
  }

  /** The message without the location prefix. */
  get detail(): string {
    return this.message.slice(`${this.file}:${this.line}:${this.column}: `.length);
  }

  toDiagnostic(): Diagnostic {
    return { level: 'error', code: this.code, message: this.detail, file: this.file, line: this.line, column: this.column };
  }
}
