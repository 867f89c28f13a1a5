/**
 * String functions. Values marked "doc" come from the examples on Terraform's function
 * documentation pages (developer.hashicorp.com/terraform/language/functions/<name>).
 */
import { describe, it } from 'vitest';
import { checkErr, checkRow, label, U, type ErrRow, type Row } from './helpers.js';

const rows: Row[] = [
  // lower/upper — doc: lower("HELLO") = "hello"; lower("АЛЛО!") = "алло!"; upper("hello") = "HELLO"; upper("алло!") = "АЛЛО!"
  ['lower', ['HELLO'], 'hello'],
  ['lower', ['АЛЛО!'], 'алло!'],
  ['upper', ['hello'], 'HELLO'],
  ['upper', ['алло!'], 'АЛЛО!'],
  ['upper', [12], '12'],
  // title — doc: title("hello world") = "Hello World"
  ['title', ['hello world'], 'Hello World'],
  ['title', ['hello-world foo_bar'], 'Hello-World Foo_bar'],
  // trimspace — doc: trimspace("  hello\n\n") = "hello"
  ['trimspace', ['  hello\n\n'], 'hello'],
  ['trimspace', ['\t\u00a0x y\u2003'], 'x y'],
  // trim — doc: trim("?!hello?!", "!?") = "hello"; trim("foobar", "far") = "oob"; trim("   hello! world.!  ", "! ") = "hello! world."
  ['trim', ['?!hello?!', '!?'], 'hello'],
  ['trim', ['foobar', 'far'], 'oob'],
  ['trim', ['   hello! world.!  ', '! '], 'hello! world.'],
  // trimprefix/trimsuffix — doc: trimprefix("helloworld", "hello") = "world"; trimprefix("helloworld", "cat") = "helloworld";
  // trimsuffix("helloworld", "world") = "hello"
  ['trimprefix', ['helloworld', 'hello'], 'world'],
  ['trimprefix', ['helloworld', 'cat'], 'helloworld'],
  ['trimprefix', ['hellohello', 'hello'], 'hello'],
  ['trimsuffix', ['helloworld', 'world'], 'hello'],
  ['trimsuffix', ['helloworld', 'cat'], 'helloworld'],
  // chomp — doc: chomp("hello\n") = "hello"; chomp("hello\r\n") = "hello"; chomp("hello\n\n") = "hello"
  ['chomp', ['hello\n'], 'hello'],
  ['chomp', ['hello\r\n'], 'hello'],
  ['chomp', ['hello\n\n'], 'hello'],
  ['chomp', ['hel\nlo'], 'hel\nlo'],
  // indent — doc: "  items: ${indent(2, "[\n  foo,\n  bar,\n]\n")}" indents every line but the first
  ['indent', [2, '[\n  foo,\n  bar,\n]\n'], '[\n    foo,\n    bar,\n  ]\n  '],
  ['indent', [0, 'a\nb'], 'a\nb'],
  // startswith/endswith/strcontains — doc: startswith("hello world", "hello") = true; startswith("hello world", "world") = false;
  // endswith("hello world", "world") = true; strcontains("hello world", "wor") = true; strcontains("hello world", "wod") = false
  ['startswith', ['hello world', 'hello'], true],
  ['startswith', ['hello world', 'world'], false],
  ['endswith', ['hello world', 'world'], true],
  ['endswith', ['hello world', 'hello'], false],
  ['strcontains', ['hello world', 'wor'], true],
  ['strcontains', ['hello world', 'wod'], false],
  // strrev — doc: strrev("hello") = "olleh"; strrev("a ☃") = "☃ a"
  ['strrev', ['hello'], 'olleh'],
  ['strrev', ['a ☃'], '☃ a'],
  // substr — doc: substr("hello world", 1, 4) = "ello"; substr("🤔🤷", 0, 1) = "🤔"; substr("hello world", -5, -1) = "world";
  // substr("hello world", 6, 10) = "world"
  ['substr', ['hello world', 1, 4], 'ello'],
  ['substr', ['🤔🤷', 0, 1], '🤔'],
  ['substr', ['hello world', -5, -1], 'world'],
  ['substr', ['hello world', 6, 10], 'world'],
  ['substr', ['hello', 10, 2], ''],
  ['substr', ['hello', -10, 2], 'he'],
  // replace — doc: replace("1 + 2 + 3", "+", "-") = "1 - 2 - 3"; replace("hello world", "/w.*d/", "everybody") = "hello everybody"
  ['replace', ['1 + 2 + 3', '+', '-'], '1 - 2 - 3'],
  ['replace', ['hello world', '/w.*d/', 'everybody'], 'hello everybody'],
  ['replace', ['abc', '', '-'], '-a-b-c-'],
  ['replace', ['2019-02-01', '/(\\d+)-(\\d+)-(\\d+)/', '$3/$2/$1'], '01/02/2019'],
  ['replace', ['hello', '/(?P<first>h)/', '${first}H'], 'hHello'],
  ['replace', ['hello', '/l/', '$1x'], 'heo'], // Go: "$1x" names group "1x", which is empty
  ['replace', ['hello', '/l/', '$$'], 'he$$o'],
  ['replace', ['baaac', '/a*/', 'X'], 'XbXcX'], // Go skips empty matches right after a match
  ['replace', ['/', '/', 'x'], 'x'], // a lone "/" is a literal
  ['replace', ['AbC', '/(?i)[a-c]/', 'x'], 'xxx'],
  // split — doc: split(",", "foo") = ["foo"]; split(",", "foo,bar,baz") = ["foo","bar","baz"]; split(",", "foo,") = ["foo",""];
  // split(",", "") = [""]
  ['split', [',', 'foo'], ['foo']],
  ['split', [',', 'foo,bar,baz'], ['foo', 'bar', 'baz']],
  ['split', [',', 'foo,'], ['foo', '']],
  ['split', [',', ''], ['']],
  ['split', ['', 'abc'], ['a', 'b', 'c']],
  ['split', ['', ''], []],
  // join — doc: join("-", ["foo", "bar", "baz"]) = "foo-bar-baz"; join(", ", ["foo", "bar", "baz"]) = "foo, bar, baz";
  // join(", ", ["foo"]) = "foo"
  ['join', ['-', ['foo', 'bar', 'baz']], 'foo-bar-baz'],
  ['join', [', ', ['foo', 'bar', 'baz']], 'foo, bar, baz'],
  ['join', [', ', ['foo']], 'foo'],
  ['join', ['-', ['a'], ['b', 'c']], 'a-b-c'],
  ['join', ['', [1, true, 2.5]], '1true2.5'],
  ['join', ['-', []], ''],
  // format — doc: format("Hello, %s!", "Ander") = "Hello, Ander!"; format("There are %d lights", 4) = "There are 4 lights";
  // format("%#v", "hello") = "\"hello\""; format("%#v", true) = "true"; format("%#v", 1) = "1";
  // format("%#v", {a = 1}) = "{\"a\":1}"; format("%#v", [true]) = "[true]"; format("%#v", null) = "null"
  ['format', ['Hello, %s!', 'Ander'], 'Hello, Ander!'],
  ['format', ['There are %d lights', 4], 'There are 4 lights'],
  ['format', ['%#v', 'hello'], '"hello"'],
  ['format', ['%#v', true], 'true'],
  ['format', ['%#v', 1], '1'],
  ['format', ['%#v', { a: 1 }], '{"a":1}'],
  ['format', ['%#v', [true]], '[true]'],
  ['format', ['%#v', null], 'null'],
  ['format', ['%v', null], 'null'],
  ['format', ['%v %v %v', 'a', 1.5, true], 'a 1.5 true'],
  ['format', ['%v', [1, 'a']], '[1,"a"]'],
  ['format', ['%v', 1000000], '1e+06'], // %v of a number is Go's %g
  ['format', ['%.2f', 3.14159], '3.14'],
  ['format', ['%f', 1], '1.000000'],
  ['format', ['%8.3f|%-8.3f|%08.3f', 3.14159, 3.14159, -3.14159], '   3.142|3.142   |-003.142'],
  ['format', ['%e', 1234.5678], '1.234568e+03'],
  ['format', ['%E', 0.000123], '1.230000E-04'],
  ['format', ['%g', 0.00001234], '1.234e-05'],
  ['format', ['%g', 123.5], '123.5'],
  ['format', ['%.3g', 3.14159], '3.14'],
  ['format', ['%b %o %x %X', 5, 8, 255, 255], '101 10 ff FF'],
  ['format', ['%#x %#o %#b', 255, 8, 5], '0xff 010 0b101'],
  ['format', ['%05d|%-5d|%5d|%+d|% d', 42, 42, 42, 42, 42], '00042|42   |   42|+42| 42'],
  ['format', ['%05d', -42], '-0042'],
  ['format', ['%d', '12'], '12'],
  ['format', ['%d', 12345678901234567], '12345678901234568'],
  ['format', ['%t', true], 'true'],
  ['format', ['%t', 'false'], 'false'],
  ['format', ['%s', true], 'true'],
  ['format', ['%s', 1.5], '1.5'],
  ['format', ['%q', 'a"b<'], '"a\\"b\\u003c"'],
  ['format', ['%.3s', 'abcdef'], 'abc'],
  ['format', ['%5s|%-5s|', 'ab', 'ab'], '   ab|ab   |'],
  ['format', ['%5s', '👾'], '    👾'], // width counts grapheme clusters
  ['format', ['%[2]s %[1]s', 'a', 'b'], 'b a'],
  ['format', ['%[2]s %s', 'a', 'b', 'c'], 'b c'],
  ['format', ['100%%'], '100%'],
  ['format', ['no verbs'], 'no verbs'],
  // formatlist — doc: formatlist("Hello, %s!", ["Valentina", "Ander", "Olivia", "Sam"]);
  // formatlist("%s, %s!", "Salutations", ["Valentina", "Ander", "Olivia", "Sam"])
  ['formatlist', ['Hello, %s!', ['Valentina', 'Ander', 'Olivia', 'Sam']], ['Hello, Valentina!', 'Hello, Ander!', 'Hello, Olivia!', 'Hello, Sam!']],
  ['formatlist', ['%s, %s!', 'Salutations', ['Valentina', 'Ander']], ['Salutations, Valentina!', 'Salutations, Ander!']],
  ['formatlist', ['%s=%s', ['a', 'b'], [1, 2]], ['a=1', 'b=2']],
  ['formatlist', ['%s', []], []],
  ['formatlist', ['x%s', 'y'], ['xy']],
  ['formatlist', ['%s', ['a', U]], ['a', U]],
  // regex — doc: regex("[a-z]+", "53453453.345345aaabbbccc23454") = "aaabbbccc";
  // regex("(\\d\\d\\d\\d)-(\\d\\d)-(\\d\\d)", "2019-02-01") = ["2019", "02", "01"];
  // regex("^(?:(?P<scheme>[^:/?#]+):)?(?://(?P<authority>[^/?#]*))?", "https://terraform.io/docs/") = {authority="terraform.io", scheme="https"}
  ['regex', ['[a-z]+', '53453453.345345aaabbbccc23454'], 'aaabbbccc'],
  ['regex', ['(\\d\\d\\d\\d)-(\\d\\d)-(\\d\\d)', '2019-02-01'], ['2019', '02', '01']],
  [
    'regex',
    ['^(?:(?P<scheme>[^:/?#]+):)?(?://(?P<authority>[^/?#]*))?', 'https://terraform.io/docs/'],
    { authority: 'terraform.io', scheme: 'https' },
  ],
  ['regex', ['(a)|(b)', 'b'], [null, 'b']],
  ['regex', ['^\\QA.B\\E$', 'A.B'], 'A.B'],
  ['regex', ['[[:digit:]]+', 'ab123'], '123'],
  ['regex', ['\\pL+', '12héllo'], 'héllo'],
  ['regex', ['\\p{Greek}+', 'abc αβγ'], 'αβγ'],
  ['regex', ['(?s)a.b', 'a\nb'], 'a\nb'],
  ['regex', ['(?m)^b$', 'a\nb\nc'], 'b'],
  // flag groups anywhere (recorded from Terraform 1.13.3: fixtures/terraform-oracle)
  ['regex', ['a(?i)b', 'aB'], 'aB'],
  ['regex', ['(?i:a)b', 'Ab'], 'Ab'],
  ['regex', ['(x(?i)a)A', 'xAA'], ['xA']],
  ['regex', ['(?i)a(?-i)b', 'Ab'], 'Ab'],
  ['regex', ['(?U)a+', 'aaa'], 'a'],
  ['regex', ['(?U)a+?', 'aaa'], 'aaa'],
  ['regex', ['(?i:k)', '\u212a'], '\u212a'],
  ['regexall', ['a(?i)[b-d]+', 'aBcD abx'], ['aBcD', 'ab']],
  ['regex', ['a(?i)[^b]', 'ax'], 'ax'],
  ['regex', ['\\Aab\\z', 'ab'], 'ab'],
  ['regex', ['a{2}', 'caaa'], 'aa'],
  ['regex', ['a{', 'a{'], 'a{'], // RE2 treats a brace that is not a repeat as a literal
  ['regex', ['[]a]+', 'x]a]'], ']a]'],
  ['regex', ['\\x{263a}', '☺'], '☺'],
  ['regex', ['\\.\\-\\#', '.-#'], '.-#'],
  ['regex', ['a\\sb', 'a b'], 'a b'],
  ['regex', ['\\101', 'A'], 'A'], // octal escape
  // regexall — doc: regexall("[a-z]+", "1234abcd5678efgh9") = ["abcd", "efgh"]; length(regexall("[a-z]+", "123456789")) = 0
  ['regexall', ['[a-z]+', '1234abcd5678efgh9'], ['abcd', 'efgh']],
  ['regexall', ['[a-z]+', '123456789'], []],
  ['regexall', ['(\\w)=(\\d)', 'a=1 b=2'], [['a', '1'], ['b', '2']]],
  ['regexall', ['a*', 'baaac'], ['', 'aaa', '']],
  ['regexall', ['', 'ab'], ['', '', '']],
];

const errors: ErrRow[] = [
  ['lower', [null], 'must not be null'],
  ['upper', [['a']], 'string required'],
  ['indent', [-1, 'a'], 'must not be negative'],
  ['substr', ['abc', 1.5, 1], 'whole number'],
  ['join', ['-', ['a', null]], 'null'],
  ['join', ['-'], 'expects at least 2 arguments'],
  ['join', ['-', [['a']]], 'string required'],
  ['split', [',', null], 'must not be null'],
  ['format', ['%s'], 'not enough arguments'],
  ['format', ['%s', 'a', 'b'], 'too many arguments; only 1 used by format string'],
  ['format', ['hello', 'a'], 'too many arguments; no verbs in format string'],
  ['format', ['%d', 1.5], 'integer is required'],
  ['format', ['%d', 'abc'], 'a number is required'],
  ['format', ['%s', null], 'null value cannot be formatted'],
  ['format', ['%s', ['a']], 'string required'],
  ['format', ['%z', 1], 'unsupported format verb'],
  ['format', ['%.f', 1], 'precision'],
  ['format', ['%t', 1], 'bool required'],
  ['format', ['%', 1], 'missing verb'],
  ['formatlist', ['%s %s', ['a', 'b'], ['c']], 'inconsistent'],
  ['regex', ['[a-z]+', '53453453.34534523454'], 'pattern did not match any part of the given string'],
  ['regex', ['(?P<a>x)(y)', 'xy'], "can't mix both named and unnamed capture groups"],
  ['regex', ['(a)\\1', 'aa'], 'backreferences are not supported'],
  ['regex', ['a(?=b)', 'ab'], 'lookahead and lookbehind'],
  ['regex', ['a(?<!b)', 'ab'], 'lookahead and lookbehind'],
  // under a (?i) that does not hold for the whole pattern, letters are case-expanded one by one;
  // a character class or a letter escape there is not translated
  ['regex', ['a(?i)\\PL', 'a1'], 'escape \\P under a (?i) flag'],
  ['regex', ['(?z)a', 'a'], 'invalid or unsupported Perl syntax'],
  ['regex', ['a\\Z', 'a'], 'invalid escape sequence'],
  ['regex', ['a\\C', 'a'], 'invalid escape sequence'],
  ['regex', ['(a', 'a'], 'missing closing )'],
  ['regex', ['a)', 'a'], 'unexpected )'],
  ['regex', ['[a', 'a'], 'missing closing ]'],
  ['regex', ['a**', 'a'], 'invalid nested repetition operator'],
  ['regex', ['*a', 'a'], 'missing argument to repetition operator'],
  ['regex', ['a{1001}', 'a'], 'invalid repeat count'],
  ['regex', ['\\p{NotAScript}', 'a'], 'invalid regular expression'],
  ['regexall', ['(?P<n>a', 'a'], 'missing closing )'],
  ['replace', ['abc', '/(/', 'x'], 'invalid regular expression'],
];

describe('string functions', () => {
  it.each(rows.map((r) => [label(r), r] as const))('%s', (_, r) => checkRow(r));
});

describe('string function errors', () => {
  it.each(errors.map((r) => [label(r), r] as const))('%s throws', (_, r) => checkErr(r));
});
