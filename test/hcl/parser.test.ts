import { describe, expect, it } from 'vitest';
import type { Attribute, Block, Expression, TemplateExpr } from '../../src/parse/hcl/ast.js';
import { literalValue, NOT_LITERAL } from '../../src/parse/hcl/literal.js';
import { parseHcl } from '../../src/parse/hcl/parser.js';
import { parseTerraformFile } from '../../src/parse/hcl/index.js';

const expr = (src: string): Expression => (parseHcl(`x = ${src}\n`, 't.tf').body.items[0] as Attribute).expr;
const value = (src: string) => literalValue(expr(src));

/** A compact S-expression view of an expression, for shape assertions. */
function sx(e: Expression): string {
  switch (e.type) {
    case 'literal':
      return JSON.stringify(e.value);
    case 'variable':
      return e.bareKey ? `key:${e.name}` : e.name;
    case 'getattr':
      return `(. ${sx(e.object)} ${e.name})`;
    case 'index':
      return `([] ${sx(e.object)} ${sx(e.key)})`;
    case 'splat':
      return `(splat-${e.style} ${sx(e.source)} ${sx(e.each)})`;
    case 'anon':
      return '@';
    case 'call':
      return `(${e.name}${e.args.map((a) => ' ' + sx(a)).join('')}${e.expandFinal ? ' ...' : ''})`;
    case 'conditional':
      return `(? ${sx(e.cond)} ${sx(e.then)} ${sx(e.else)})`;
    case 'binary':
      return `(${e.op} ${sx(e.left)} ${sx(e.right)})`;
    case 'unary':
      return `(${e.op} ${sx(e.operand)})`;
    case 'paren':
      return `(paren ${sx(e.expr)})`;
    case 'tuple':
      return `[${e.items.map(sx).join(' ')}]`;
    case 'object':
      return `{${e.items.map((i) => `${sx(i.key)}=${sx(i.value)}`).join(' ')}}`;
    case 'template':
      return `"${e.parts.map((p) => (p.type === 'literal' ? p.value : p.type === 'interpolation' ? `\${${sx(p.expr)}}` : `%${p.type}`)).join('')}"`;
    case 'for':
      return `(for${e.isObject ? '{}' : '[]'} ${e.keyVar ?? '_'},${e.valueVar} ${sx(e.collection)} ${e.keyExpr ? sx(e.keyExpr) + ' => ' : ''}${sx(e.valueExpr)}${e.grouping ? '...' : ''}${e.condition ? ' if ' + sx(e.condition) : ''})`;
  }
}
const shape = (src: string) => sx(expr(src));

describe('precedence', () => {
  it.each([
    ['1 + 2 * 3', '(+ 1 (* 2 3))'],
    ['1 * 2 + 3', '(+ (* 1 2) 3)'],
    ['1 - 2 - 3', '(- (- 1 2) 3)'],
    ['a || b && c', '(|| a (&& b c))'],
    ['a && b || c', '(|| (&& a b) c)'],
    ['!a == b', '(== (! a) b)'],
    ['-x.y', '(- (. x y))'],
    ['-1 + 2', '(+ (- 1) 2)'],
    ['a == b && c != d', '(&& (== a b) (!= c d))'],
    ['a < b == c >= d', '(== (< a b) (>= c d))'],
    ['1 % 2 / 3 * 4', '(* (/ (% 1 2) 3) 4)'],
    ['a ? b : c ? d : e', '(? a b (? c d e))'],
    ['a || b ? 1 + 2 : 3', '(? (|| a b) (+ 1 2) 3)'],
    ['(1 + 2) * 3', '(* (paren (+ 1 2)) 3)'],
    ['!!a', '(! (! a))'],
  ])('%s', (src, want) => expect(shape(src)).toBe(want));
});

describe('expression kinds', () => {
  it.each([
    ['42', '42'],
    ['1.5e3', '1500'],
    ['2.5E-2', '0.025'],
    ['true', 'true'],
    ['null', 'null'],
    ['var.name', '(. var name)'],
    ['a.b[0]["k"]', '([] ([] (. a b) 0) "k")'],
    ['a.0.id', '(. ([] a 0) id)'],
    ['a[*].b.c', '(splat-full a (. (. @ b) c))'],
    ['a[*]', '(splat-full a @)'],
    ['a[*].b[0]', '(splat-full a ([] (. @ b) 0))'],
    ['a.*.b.c', '(splat-attr a (. (. @ b) c))'],
    ['a.*.b[0]', '([] (splat-attr a (. @ b)) 0)'],
    ['a.*', '(splat-attr a @)'],
    ['f()', '(f)'],
    ['f(1, a, )', '(f 1 a)'],
    ['f(a, b...)', '(f a b ...)'],
    ['provider::aws::arn_parse(x)', '(provider::aws::arn_parse x)'],
    ['[1, "a", [], {}]', '[1 "a" [] {}]'],
    ['{ a = 1, "b" = 2, (c) = 3, d: 4 }', '{key:a=1 "b"=2 (paren c)=3 key:d=4}'],
    ['{\n a = 1\n b = 2,\n}', '{key:a=1 key:b=2}'],
    ['[for s in list : upper(s)]', '(for[] _,s list (upper s))'],
    ['[for i, s in list : s if i > 0]', '(for[] i,s list s if (> i 0))'],
    ['{ for k, v in m : k => v }', '(for{} k,v m k => v)'],
    ['{ for s in l : s => s... if s != "" }', '(for{} _,s l s => s... if (!= s ""))'],
    ['[\n for x in y :\n x\n ]', '(for[] _,x y x)'],
    ['"a${b}c"', '"a${b}c"'],
    ['a.b.c(1)', '(. (. a b) c)'],
  ])('%s', (src, want) => {
    if (src === 'a.b.c(1)') {
      // `c(` after a dot is not a call: HCL only calls bare identifiers.
      expect(() => expr(src)).toThrow();
      return;
    }
    expect(shape(src)).toBe(want);
  });

  it('keeps call name ranges including provider namespaces', () => {
    const e = expr('provider::aws::arn_parse(x)');
    if (e.type !== 'call') throw new Error();
    expect(e.nameRange.start.column).toBe(5);
    expect(e.nameRange.end.column).toBe(29);
  });
});

describe('ranges', () => {
  const src = [
    '# header', // 1
    'resource "aws_s3_bucket" "b" {', // 2
    '  bucket = "name-${var.env}"', // 3
    '  tags   = { Name = local.n }', // 4
    '}', // 5
  ].join('\n');
  const file = parseHcl(src + '\n', 'r.tf');
  const block = file.body.items[0] as Block;

  it('block', () => {
    expect(block.range.start).toEqual({ line: 2, column: 1, offset: 9 });
    expect(block.range.end).toMatchObject({ line: 5, column: 2 });
    expect(block.typeRange.end).toMatchObject({ line: 2, column: 9 });
    expect(block.openBraceRange.start).toMatchObject({ line: 2, column: 30 });
    expect(block.closeBraceRange.start).toMatchObject({ line: 5, column: 1 });
    expect(block.body.range.start).toMatchObject({ line: 2, column: 30 });
  });

  it('labels', () => {
    expect(block.labels).toEqual(['aws_s3_bucket', 'b']);
    expect(block.labelRanges[0].start).toMatchObject({ line: 2, column: 10 });
    expect(block.labelRanges[0].end).toMatchObject({ line: 2, column: 25 });
    expect(block.labelRanges[1].start).toMatchObject({ line: 2, column: 26 });
    expect(block.labelRanges[1].end).toMatchObject({ line: 2, column: 29 });
  });

  it('attribute', () => {
    const attr = block.body.items[0] as Attribute;
    expect(attr.nameRange.start).toMatchObject({ line: 3, column: 3 });
    expect(attr.nameRange.end).toMatchObject({ line: 3, column: 9 });
    expect(attr.range.end).toMatchObject({ line: 3, column: 29 });
    expect(attr.expr.range.start).toMatchObject({ line: 3, column: 12 });
  });

  it('nested expressions', () => {
    const attr = block.body.items[0] as Attribute;
    const t = attr.expr as TemplateExpr;
    expect(t.parts[0]).toMatchObject({ type: 'literal', value: 'name-' });
    const interp = t.parts[1];
    if (interp.type !== 'interpolation') throw new Error();
    expect(interp.range.start).toMatchObject({ line: 3, column: 18 });
    expect(interp.range.end).toMatchObject({ line: 3, column: 28 });
    expect(interp.expr.range.start).toMatchObject({ line: 3, column: 20 });
    expect(interp.expr.range.end).toMatchObject({ line: 3, column: 27 });
    const tags = (block.body.items[1] as Attribute).expr;
    if (tags.type !== 'object') throw new Error();
    const item = tags.items[0];
    expect(item.key).toMatchObject({ type: 'variable', name: 'Name', bareKey: true });
    expect(item.value.range.start).toMatchObject({ line: 4, column: 21 });
    expect(item.value.range.end).toMatchObject({ line: 4, column: 28 });
    expect(src.slice(item.value.range.start.offset, item.value.range.end.offset)).toBe('local.n');
  });

  it('counts columns in UTF-16 code units', () => {
    const f = parseHcl('x = "😀" // c\ny = 1\n', 'u.tf');
    expect(f.comments[0].range.start).toMatchObject({ line: 1, column: 10 });
  });
});

describe('templates', () => {
  it('heredoc <<- strips the smallest common indentation', () => {
    expect(value('<<-EOT\n    a\n      b\n\n    c\n  EOT\n')).toBe('a\n  b\n\nc\n');
    const e = expr('<<-EOT\n  x\n  EOT\n') as TemplateExpr;
    expect(e.heredoc).toEqual({ marker: 'EOT', indented: true });
  });

  it('heredoc <<- counts tabs as one character and ignores blank lines', () => {
    expect(value('<<-EOT\n\t\tfoo\n\t  bar\n\n   \n  EOT\n')).toBe('foo\n bar\n\n   \n');
  });

  it('plain heredoc keeps indentation, no backslash escapes, but $${ escapes', () => {
    expect(value('<<EOT\n  a \\n $${b} %%{c}\nEOT\n')).toBe('  a \\n ${b} %{c}\n');
    expect(value('<<EOT\nEOT\n')).toBe('');
  });

  it('strip markers on interpolations and directives', () => {
    expect(value('"a  ${~ "b" ~}  c"')).toBe('abc');
    const e = expr('"a ${~ x} b"') as TemplateExpr;
    expect(e.parts.map((p) => p.type === 'literal' && p.value)).toEqual(['a', false, ' b']);
    expect(e.parts[1]).toMatchObject({ stripLeft: true, stripRight: false });
    const h = expr('<<EOT\n  a\n  %{~ if c ~}\n  b\n  %{~ endif ~}\n  c\nEOT\n') as TemplateExpr;
    expect(h.parts[0]).toMatchObject({ type: 'literal', value: '  a\n' });
    expect(h.parts[1]).toMatchObject({ type: 'if', then: [{ type: 'literal', value: '  b\n' }] });
    expect(h.parts[2]).toMatchObject({ type: 'literal', value: '  c\n' });
  });

  it('if/else and for directives', () => {
    const e = expr('"%{ if a }yes%{ else }no%{ endif }"') as TemplateExpr;
    expect(e.parts[0]).toMatchObject({ type: 'if', then: [{ value: 'yes' }], else: [{ value: 'no' }] });
    const f = expr('"%{ for k, v in m }${k}%{ endfor }"') as TemplateExpr;
    expect(f.parts[0]).toMatchObject({ type: 'for', keyVar: 'k', valueVar: 'v', body: [{ type: 'interpolation' }] });
    const nested = expr('"%{for a in b}%{if a}x%{endif}%{endfor}"') as TemplateExpr;
    expect(nested.parts[0]).toMatchObject({ type: 'for', body: [{ type: 'if' }] });
  });

  it('escapes', () => {
    expect(value(String.raw`"a\nb\tc\"d\\e\u00e9\U0001F600\r"`)).toBe('a\nb\tc"d\\eé😀\r');
    expect(value('"$${x} %%{y} $ % $5 100%"')).toBe('${x} %{y} $ % $5 100%');
    expect(value('""')).toBe('');
  });

  it('interpolation-only templates and literal folding', () => {
    expect(value('"${true}"')).toBe(true);
    expect(value('"port-${8080}"')).toBe('port-8080');
    expect(value('"${"a"}${"b"}"')).toBe('ab');
    expect(value('"${var.x}"')).toBe(NOT_LITERAL);
    expect(value('-(3)')).toBe(-3);
    expect(value('!false')).toBe(true);
    expect(value('{ a = [1, "x"], "b" = { c = null } }')).toEqual({ a: [1, 'x'], b: { c: null } });
    expect(value('[1, var.x]')).toBe(NOT_LITERAL);
    expect(value('1 + 1')).toBe(NOT_LITERAL);
  });

  it('multi-line interpolation inside a heredoc', () => {
    const e = expr('<<EOT\n${f({\n  a = 1\n})}\nEOT\n') as TemplateExpr;
    expect(e.parts[0]).toMatchObject({ type: 'interpolation', expr: { type: 'call', name: 'f' } });
    expect(e.parts[1]).toMatchObject({ type: 'literal', value: '\n' });
  });
});

describe('bodies', () => {
  it('one-line blocks, bare labels and empty blocks', () => {
    const f = parseHcl('a { b = 1 }\nc x "y" {}\nd {\n}\n', 'b.tf');
    expect(f.body.items.map((i) => (i.kind === 'block' ? [i.type, i.labels, i.body.items.length] : null))).toEqual([
      ['a', [], 1],
      ['c', ['x', 'y'], 0],
      ['d', [], 0],
    ]);
  });

  it('collects comments of all three kinds', () => {
    const f = parseHcl('# one\nx = 1 // two\n/* three\n */\ny = [1, # four\n2]\n', 'c.tf');
    expect(f.comments.map((c) => c.text)).toEqual(['# one', '// two', '/* three\n */', '# four']);
    expect(f.comments[2].range.end).toMatchObject({ line: 4, column: 4 });
    expect(f.body.items).toHaveLength(2);
  });

  it('handles CRLF line endings', () => {
    const f = parseHcl('a "b" {\r\n  x = "1" # c\r\n  y = <<EOT\r\nl1\r\nEOT\r\n}\r\n', 'crlf.tf');
    const block = f.body.items[0] as Block;
    const [x, y] = block.body.items as Attribute[];
    expect(literalValue(x.expr)).toBe('1');
    expect(literalValue(y.expr)).toBe('l1\n');
    expect(y.nameRange.start).toMatchObject({ line: 3, column: 3 });
    expect(f.comments[0].text).toBe('# c');
    expect(block.range.end).toMatchObject({ line: 6, column: 2 });
  });

  it('skips a UTF-8 BOM', () => {
    const f = parseHcl('\uFEFFx = 1\n', 'bom.tf');
    const a = f.body.items[0] as Attribute;
    expect(a.name).toBe('x');
    expect(a.nameRange.start).toEqual({ line: 1, column: 1, offset: 1 });
  });

  it('accepts a heredoc closed at end of file without a newline', () => {
    expect(literalValue((parseHcl('x = <<EOT\nhi\nEOT', 'e.tf').body.items[0] as Attribute).expr)).toBe('hi\n');
  });

  it('parseTerraformFile chooses the syntax by extension', () => {
    expect(parseTerraformFile('x = 1\n', 'a.tf').body.items[0]).toMatchObject({ name: 'x' });
    expect(parseTerraformFile('x = 1\n', 'a.tfvars').body.items[0]).toMatchObject({ name: 'x' });
    expect(parseTerraformFile('{"locals": {"x": 1}}', 'a.tf.json').body.items[0]).toMatchObject({ kind: 'block', type: 'locals' });
    expect(parseTerraformFile('{"x": {"a": 1}}', 'a.tfvars.json').body.items[0]).toMatchObject({ kind: 'attribute', name: 'x' });
  });
});
