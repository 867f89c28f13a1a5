import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SourceError } from '../../src/model/diagnostics.js';
import { parseHcl } from '../../src/parse/hcl/parser.js';

function errorOf(text: string): SourceError {
  try {
    parseHcl(text, 'bad.tf');
  } catch (e) {
    if (e instanceof SourceError) return e;
    throw e;
  }
  throw new Error(`expected a SourceError for ${JSON.stringify(text)}`);
}

// [name, input, line, column, message fragment]
const CASES: Array<[string, string, number, number, string]> = [
  ['unclosed brace', 'resource "a" "b" {\n  x = 1\n', 1, 18, 'Unclosed configuration block'],
  ['unclosed nested brace', 'a {\n  b {\n    c = 1\n}\n', 1, 3, 'Unclosed configuration block'],
  ['unterminated string', 'x = "abc', 1, 5, 'Unterminated string'],
  ['string across lines', 'x = "abc\ny = 1\n', 1, 5, 'Unterminated string'],
  ['unterminated heredoc', 'x = <<EOT\nhello\n', 1, 5, 'Unterminated template string'],
  ['heredoc marker not alone', 'x = <<EOT extra\nEOT\n', 1, 10, 'Invalid heredoc introducer'],
  ['missing =', 'x 1\n', 1, 3, 'Argument or block definition required'],
  ['bad token @', 'x = 1\ny = 2 @ 3\n', 2, 7, 'Invalid character "@"'],
  ['bad token in expression', 'x = @\n', 1, 5, 'Invalid character'],
  ['unclosed ${', 'x = "${var.a"\n', 1, 6, 'Unclosed template interpolation'],
  ['unclosed ${ at EOF', 'x = "${var.a', 1, 6, 'Unclosed template interpolation'],
  ['%{endif} without if', 'x = "a%{endif}"\n', 1, 7, 'Unexpected endif'],
  ['%{else} without if', 'x = "%{else}"\n', 1, 6, 'Unexpected else'],
  ['%{endfor} without for', 'x = "%{endfor}"\n', 1, 6, 'Unexpected endfor'],
  ['%{if} without endif', 'x = "%{if a}b"\n', 1, 6, 'missing its corresponding endif'],
  ['%{for} without endfor', 'x = "%{for a in b}c"\n', 1, 6, 'missing its corresponding endfor'],
  ['bad directive keyword', 'x = "%{while a}"\n', 1, 8, 'Invalid template control keyword'],
  ['block label that is a number', 'resource 5 "x" {}\n', 1, 10, 'found "5"'],
  ['block with =', 'a = {\n}\nb "x" = {}\n', 3, 7, 'Invalid block definition'],
  ['block brace on next line', 'a "x"\n{\n}\n', 1, 6, 'Invalid block definition'],
  ['EOF inside tuple', 'x = [1, 2', 1, 5, 'Unterminated tuple'],
  ['EOF after comma in tuple', 'x = [1, 2,', 1, 11, 'Missing expression'],
  ['missing comma in tuple', 'x = [1 2]\n', 1, 8, 'Missing item separator'],
  ['EOF inside object', 'x = { a = 1', 1, 5, 'Unterminated object'],
  ['missing object separator', 'x = { a = 1 b = 2 }\n', 1, 13, 'Missing attribute separator'],
  ['missing object value', 'x = {\n  a\n}\n', 2, 4, 'Missing attribute value'],
  ['unclosed call', 'x = f(1, 2', 1, 6, 'Unterminated function call'],
  ['missing arg separator', 'x = f(1 2)\n', 1, 9, 'Missing argument separator'],
  ['ellipsis not last', 'x = f(a..., b)\n', 1, 11, 'Missing closing parenthesis'],
  ['unbalanced paren', 'x = (1 + 2\n', 2, 1, 'Unbalanced parentheses'],
  ['operator at end of line', 'x = 1 +\n  2\n', 1, 8, 'Missing expression'],
  ['two attributes on a line', 'x = 1 y = 2\n', 1, 7, 'Missing newline after argument'],
  ['comma after attribute', 'x = 1,\n', 1, 6, 'Unexpected comma'],
  ['block without newline after', 'a {} b {}\n', 1, 6, 'Missing newline after block'],
  ['single-line block with two args', 'a { b = 1, c = 2 }\n', 1, 10, 'Invalid single-argument block'],
  ['single-line block with nested block', 'a { b {} }\n', 1, 5, 'single-line block definition can contain only a single argument'],
  ['quoted attribute name', '"x" = 1\n', 1, 1, 'Invalid argument name'],
  ['stray closing brace', '}\n', 1, 1, 'Argument or block definition required'],
  ['duplicate attribute', 'x = 1\nx = 2\n', 2, 1, 'Attribute redefined'],
  ['legacy index chained', 'x = a.0.1\n', 1, 7, 'Invalid legacy index'],
  ['dot without name', 'x = a.\n', 1, 7, 'Invalid attribute name'],
  ['splat missing ]', 'x = a[*\n', 1, 8, 'Missing close bracket on splat'],
  ['nested attr splat', 'x = a.*.*\n', 1, 9, 'Nested splat'],
  ['conditional without :', 'x = a ? b\n', 1, 10, 'Missing false expression'],
  ['bad escape', 'x = "\\q"\n', 1, 6, 'Invalid escape sequence'],
  ['short \\u escape', 'x = "\\u12"\n', 1, 6, 'four hexadecimal digits'],
  ['template in label', 'a "${x}" {}\n', 1, 4, 'template sequences are not allowed'],
  ['for without in', 'x = [for a b : a]\n', 1, 12, "requires the 'in' keyword"],
  ['tuple for with =>', 'x = [for a in b : a => a]\n', 1, 21, 'key expression is not valid when building a tuple'],
  ['object for without =>', 'x = {for a in b : a}\n', 1, 19, 'key expression is required'],
  ['unterminated block comment', 'x = 1\n/* never closed\n', 2, 1, 'Unterminated comment'],
  ['lone &', 'x = a & b\n', 1, 7, 'Invalid character "&"'],
  ['lone carriage return', 'x = 1\ry = 2\n', 1, 6, 'carriage return'],
  ['provider function missing name', 'x = provider::aws::(1)\n', 1, 20, 'Missing function name'],
  ['extra characters in interpolation', 'x = "${a b}"\n', 1, 10, 'Extra characters after interpolation'],
  ['missing expression at EOF', 'x =', 1, 4, 'Missing expression'],
];

describe('malformed input', () => {
  for (const [name, input, line, column, fragment] of CASES) {
    it(name, () => {
      const err = errorOf(input);
      expect(err.code).toBe('hcl-syntax');
      expect(err.file).toBe('bad.tf');
      expect([err.line, err.column]).toEqual([line, column]);
      expect(err.detail).toContain(fragment);
    });
  }

  it('reports the position after a BOM and CRLF lines', () => {
    const err = errorOf('\uFEFFa = 1\r\nb = @\r\n');
    expect([err.line, err.column]).toEqual([2, 5]);
  });

  it('throws "nesting too deep" instead of overflowing the stack', () => {
    const deep = (open: string, n: number) => `x = ${open.repeat(n)}`;
    for (const input of [deep('[', 5000), deep('(', 5000), deep('{a=', 5000), deep('-', 5000), deep('"${', 5000), deep('f(', 5000)]) {
      const err = errorOf(input);
      expect(err.detail).toMatch(/Nesting too deep/);
      expect(err.line).toBe(1);
    }
    const blocks = 'a {\n'.repeat(5000);
    expect(errorOf(blocks).detail).toMatch(/Nesting too deep/);
  });

  it('accepts nesting below the limit', () => {
    expect(() => parseHcl(`x = ${'['.repeat(100)}${']'.repeat(100)}\n`, 'ok.tf')).not.toThrow();
  });

  it('does not hang on pathological input', () => {
    const start = Date.now();
    for (const input of ['x = "' + '$'.repeat(100000), 'x = ' + '<'.repeat(100000), '#'.repeat(100000), '/*'.repeat(50000)]) {
      try {
        parseHcl(input, 'p.tf');
      } catch (e) {
        expect(e).toBeInstanceOf(SourceError);
      }
    }
    expect(Date.now() - start).toBeLessThan(5000);
  });
});

const MALFORMED = fileURLToPath(new URL('../../fixtures/hcl/malformed', import.meta.url));

describe('fixtures/hcl/malformed', () => {
  const files = readdirSync(MALFORMED).filter((f) => f.endsWith('.tf'));
  it('has fixtures', () => expect(files.length).toBeGreaterThanOrEqual(8));
  for (const f of files) {
    it(f, () => {
      const text = readFileSync(join(MALFORMED, f), 'utf8');
      const m = /^# error-at: (\d+):(\d+)/.exec(text);
      expect(m, 'fixture must start with "# error-at: LINE:COL"').not.toBeNull();
      const err = errorOf(text);
      expect([err.line, err.column]).toEqual([Number(m![1]), Number(m![2])]);
    });
  }
});
