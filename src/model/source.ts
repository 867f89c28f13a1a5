/**
 * Source positions shared by every parser, adapter and reporter.
 *
 * Lines and columns are 1-based. `end` points just past the last character of the
 * range (SARIF's `endColumn` convention); `offset` fields are 0-based UTF-16 offsets
 * into the file text, for editors and remediation.
 */
export interface Pos {
  line: number;
  column: number;
  offset: number;
}

export interface Range {
  start: Pos;
  end: Pos;
}

/** A range inside a named file (file path relative to the scan root, `/` separators). */
export interface FileRange extends Range {
  file: string;
}

export function fileRange(file: string, range: Range): FileRange {
  return { file, start: range.start, end: range.end };
}

/** Smallest range covering both. */
export function spanRanges(a: Range, b: Range): Range {
  return {
    start: a.start.offset <= b.start.offset ? a.start : b.start,
    end: a.end.offset >= b.end.offset ? a.end : b.end,
  };
}
