/**
 * Collection functions. Expected values marked "doc" are the examples on Terraform's function
 * documentation pages (developer.hashicorp.com/terraform/language/functions/<name>).
 */
import { describe, it } from 'vitest';
import { checkErr, checkRow, label, type ErrRow, type Row } from './helpers.js';

const rows: Row[] = [
  // length — doc: length([]) = 0, length(["a","b"]) = 2, length({"a"="b"}) = 1, length("hello") = 5, length("👾🕹️") = 2
  ['length', [[]], 0],
  ['length', [['a', 'b']], 2],
  ['length', [{ a: 'b' }], 1],
  ['length', ['hello'], 5],
  ['length', ['👾🕹️'], 2],
  ['length', ['👾'], 1],
  ['length', [''], 0],
  ['length', ['e\u0301'], 1], // one grapheme cluster
  // merge — doc: merge({a="b", c="d"}, {e="f", c="z"}) = {a="b", c="z", e="f"}
  ['merge', [{ a: 'b', c: 'd' }, { e: 'f', c: 'z' }], { a: 'b', c: 'z', e: 'f' }],
  // doc: merge({a="b"}, {a=[1,2], c="z"}, {d=3}) = {a=[1,2], c="z", d=3}
  ['merge', [{ a: 'b' }, { a: [1, 2], c: 'z' }, { d: 3 }], { a: [1, 2], c: 'z', d: 3 }],
  ['merge', [], {}],
  ['merge', [null, { a: 1 }, null], { a: 1 }],
  // lookup — doc: lookup({a="ay", b="bee"}, "a", "what?") = "ay"; lookup(..., "c", "what?") = "what?"
  ['lookup', [{ a: 'ay', b: 'bee' }, 'a', 'what?'], 'ay'],
  ['lookup', [{ a: 'ay', b: 'bee' }, 'c', 'what?'], 'what?'],
  ['lookup', [{ a: 'ay' }, 'a'], 'ay'],
  ['lookup', [{ '1': 'one' }, 1, 'x'], 'one'],
  ['lookup', [{ a: null }, 'a', 'x'], null],
  // concat — doc: concat(["a", ""], ["b", "c"]) = ["a", "", "b", "c"]
  ['concat', [['a', ''], ['b', 'c']], ['a', '', 'b', 'c']],
  ['concat', [[], []], []],
  ['concat', [[1], [[2]]], [1, [2]]],
  // coalesce — doc: coalesce("a", "b") = "a"; coalesce("", "b") = "b"; coalesce(1,2) = 1
  ['coalesce', ['a', 'b'], 'a'],
  ['coalesce', ['', 'b'], 'b'],
  ['coalesce', [1, 2], 1],
  ['coalesce', [null, 'x'], 'x'],
  ['coalesce', [null, '', 'c'], 'c'],
  ['coalesce', [1, 'hello'], '1'], // unified to string, as Terraform does
  ['coalesce', [true, 'hello'], 'true'],
  ['coalesce', [[], ['a']], []], // only null and "" are skipped
  // coalescelist — doc: coalescelist(["a", "b"], ["c", "d"]) = ["a", "b"]; coalescelist([], ["c", "d"]) = ["c", "d"]
  ['coalescelist', [['a', 'b'], ['c', 'd']], ['a', 'b']],
  ['coalescelist', [[], ['c', 'd']], ['c', 'd']],
  // compact — doc: compact(["a", "", "b", null, "c"]) = ["a", "b", "c"]
  ['compact', [['a', '', 'b', null, 'c']], ['a', 'b', 'c']],
  ['compact', [[]], []],
  ['compact', [[1, '', true]], ['1', 'true']],
  // distinct — doc: distinct(["a", "b", "a", "c", "d", "b"]) = ["a", "b", "c", "d"]
  ['distinct', [['a', 'b', 'a', 'c', 'd', 'b']], ['a', 'b', 'c', 'd']],
  ['distinct', [[3, 1, 3, 2, 1]], [3, 1, 2]],
  ['distinct', [[{ a: 1 }, { a: 1 }, { a: 2 }]], [{ a: 1 }, { a: 2 }]],
  ['distinct', [[[1, 2], [1, 2]]], [[1, 2]]],
  // flatten — doc: flatten([["a", "b"], [], ["c"]]) = ["a", "b", "c"]; flatten([[["a", "b"], []], ["c"]]) = ["a", "b", "c"]
  ['flatten', [[['a', 'b'], [], ['c']]], ['a', 'b', 'c']],
  ['flatten', [[[['a', 'b'], []], ['c']]], ['a', 'b', 'c']],
  ['flatten', [[]], []],
  ['flatten', [[1, [2, [3, [4]]], { a: [5] }]], [1, 2, 3, 4, { a: [5] }]],
  // keys / values — doc: keys({a=1, c=2, d=3}) = ["a", "c", "d"]; values({a=3, c=2, d=1}) = [3, 2, 1]
  ['keys', [{ a: 1, c: 2, d: 3 }], ['a', 'c', 'd']],
  ['keys', [{ b: 1, '10': 2, '2': 3 }], ['10', '2', 'b']], // lexical, not JS integer-key order
  ['keys', [{}], []],
  ['values', [{ a: 3, c: 2, d: 1 }], [3, 2, 1]],
  ['values', [{ b: 'x', a: 'y' }], ['y', 'x']],
  // element — doc: element(["a","b","c"], 1) = "b"; element(["a","b","c"], 3) = "a"
  ['element', [['a', 'b', 'c'], 1], 'b'],
  ['element', [['a', 'b', 'c'], 3], 'a'],
  ['element', [['a', 'b', 'c'], 2], 'c'],
  ['element', [['a', 'b', 'c'], 7], 'b'],
  ['element', [['a', 'b', 'c'], '1'], 'b'],
  // a negative index counts back from the end (recorded from Terraform 1.13.3: fixtures/terraform-oracle)
  ['element', [['a', 'b', 'c'], -1], 'c'],
  ['element', [['a', 'b', 'c'], -4], 'c'],
  ['element', [['a', 'b', 'c'], -3], 'a'],
  // contains — doc: contains(["a", "b", "c"], "a") = true; contains(["a", "b", "c"], "d") = false
  ['contains', [['a', 'b', 'c'], 'a'], true],
  ['contains', [['a', 'b', 'c'], 'd'], false],
  ['contains', [[1, 2], 2], true],
  ['contains', [[[1], [2]], [2]], true],
  ['contains', [[], 'a'], false],
  // index — doc: index(["a", "b", "c"], "b") = 1
  ['index', [['a', 'b', 'c'], 'b'], 1],
  ['index', [['a', 'b', 'b'], 'b'], 1],
  ['index', [[{ a: 1 }], { a: 1 }], 0],
  // reverse — doc: reverse([1, 2, 3]) = [3, 2, 1]
  ['reverse', [[1, 2, 3]], [3, 2, 1]],
  ['reverse', [[]], []],
  // sort — doc: sort(["e", "d", "a", "x"]) = ["a", "d", "e", "x"]
  ['sort', [['e', 'd', 'a', 'x']], ['a', 'd', 'e', 'x']],
  ['sort', [[10, 9, 1]], ['1', '10', '9']], // lexical on strings
  ['sort', [['b', 'B', 'a']], ['B', 'a', 'b']],
  // slice — doc: slice(["a", "b", "c", "d"], 1, 3) = ["b", "c"]
  ['slice', [['a', 'b', 'c', 'd'], 1, 3], ['b', 'c']],
  ['slice', [['a', 'b'], 0, 0], []],
  ['slice', [['a', 'b'], 0, 2], ['a', 'b']],
  ['slice', [['a', 'b'], 2, 2], []],
  // tolist / toset / tomap — doc: tolist(["a", "b", 3]) = ["a", "b", "3"]; toset(["a", "b", "c", "b"]) = ["a","b","c"]
  ['tolist', [['a', 'b', 3]], ['a', 'b', '3']],
  ['tolist', [[1, 2]], [1, 2]],
  ['tolist', [null], null],
  ['toset', [['a', 'b', 'c', 'b']], ['a', 'b', 'c']],
  ['toset', [['c', 'b', 'b', 'a']], ['a', 'b', 'c']],
  ['toset', [['a', 'b', 3]], ['3', 'a', 'b']],
  ['toset', [[3, 1, 2, 1]], [1, 2, 3]],
  ['toset', [[]], []],
  // doc: tomap({"a" = "foo", "b" = true}) = {a = "foo", b = "true"}
  ['tomap', [{ a: 'foo', b: true }], { a: 'foo', b: 'true' }],
  ['tomap', [{ a: 1, b: 2 }], { a: 1, b: 2 }],
  ['tomap', [null], null],
  // zipmap — doc: zipmap(["a", "b"], [1, 2]) = {a = 1, b = 2}
  ['zipmap', [['a', 'b'], [1, 2]], { a: 1, b: 2 }],
  ['zipmap', [[], []], {}],
  ['zipmap', [['a', 'a'], [1, 2]], { a: 2 }],
  // range — doc: range(3) = [0,1,2]; range(1,4) = [1,2,3]; range(1,8,2) = [1,3,5,7];
  // range(1,4,0.5) = [1,1.5,2,2.5,3,3.5]; range(4,1) = [4,3,2]; range(10,5,-2) = [10,8,6]
  ['range', [3], [0, 1, 2]],
  ['range', [1, 4], [1, 2, 3]],
  ['range', [1, 8, 2], [1, 3, 5, 7]],
  ['range', [1, 4, 0.5], [1, 1.5, 2, 2.5, 3, 3.5]],
  ['range', [4, 1], [4, 3, 2]],
  ['range', [10, 5, -2], [10, 8, 6]],
  ['range', [0], []],
  ['range', [-3], [0, -1, -2]],
  ['range', [4, 4, 1], []],
  ['range', ['2'], [0, 1]],
  // chunklist — doc: chunklist(["a", "b", "c", "d", "e"], 2) = [["a","b"],["c","d"],["e"]]; chunklist(..., 1)
  ['chunklist', [['a', 'b', 'c', 'd', 'e'], 2], [['a', 'b'], ['c', 'd'], ['e']]],
  ['chunklist', [['a', 'b', 'c', 'd', 'e'], 1], [['a'], ['b'], ['c'], ['d'], ['e']]],
  ['chunklist', [[], 3], []],
  ['chunklist', [['a', 'b'], 0], [['a', 'b']]],
  // transpose — doc: transpose({"a"=["1","2"], "b"=["2","3"]}) = {"1"=["a"], "2"=["a","b"], "3"=["b"]}
  ['transpose', [{ a: ['1', '2'], b: ['2', '3'] }], { '1': ['a'], '2': ['a', 'b'], '3': ['b'] }],
  ['transpose', [{}], {}],
  // matchkeys — doc: matchkeys(["i-123", "i-abc", "i-def"], ["us-west", "us-east", "us-east"], ["us-east"]) = ["i-abc", "i-def"]
  ['matchkeys', [['i-123', 'i-abc', 'i-def'], ['us-west', 'us-east', 'us-east'], ['us-east']], ['i-abc', 'i-def']],
  ['matchkeys', [['a', 'b'], [1, 2], ['2']], ['b']],
  ['matchkeys', [[], [], ['x']], []],
  // setproduct — doc: setproduct(["development", "staging", "production"], ["app1", "app2"])
  [
    'setproduct',
    [['development', 'staging', 'production'], ['app1', 'app2']],
    [
      ['development', 'app1'],
      ['development', 'app2'],
      ['staging', 'app1'],
      ['staging', 'app2'],
      ['production', 'app1'],
      ['production', 'app2'],
    ],
  ],
  ['setproduct', [['a'], []], []],
  ['setproduct', [['a'], ['b'], ['c', 'd']], [['a', 'b', 'c'], ['a', 'b', 'd']]],
  // setunion — doc: setunion(["a", "b"], ["b", "c"], ["d"]) = the set {a, b, c, d}
  ['setunion', [['a', 'b'], ['b', 'c'], ['d']], ['a', 'b', 'c', 'd']],
  // setintersection — doc: setintersection(["a", "b"], ["b", "c"], ["b", "d"]) = ["b"]
  ['setintersection', [['a', 'b'], ['b', 'c'], ['b', 'd']], ['b']],
  ['setintersection', [['a'], ['b']], []],
  // setsubtract — doc: setsubtract(["a", "b", "c"], ["a", "c"]) = ["b"]
  ['setsubtract', [['a', 'b', 'c'], ['a', 'c']], ['b']],
  ['setsubtract', [['a', 'b', 'c'], []], ['a', 'b', 'c']],
  // one — doc: one([]) = null; one(["hello"]) = "hello"
  ['one', [[]], null],
  ['one', [['hello']], 'hello'],
  ['one', [[{ a: 1 }]], { a: 1 }],
  // alltrue / anytrue — doc: alltrue(["true", true]) = true; alltrue([true, false]) = false;
  // anytrue(["true"]) = true; anytrue([true, false]) = true; anytrue([]) = false
  ['alltrue', [['true', true]], true],
  ['alltrue', [[true, false]], false],
  ['alltrue', [[]], true],
  ['anytrue', [['true']], true],
  ['anytrue', [[true, false]], true],
  ['anytrue', [[]], false],
  ['anytrue', [[false, 'false']], false],
];

const errors: ErrRow[] = [
  ['length', [null], 'must not be null'],
  ['length', [5], 'must be a string, a collection type'],
  ['merge', [{ a: 1 }, 'x'], 'maps or objects'],
  ['lookup', [{ a: 1 }, 'b'], 'lookup failed to find key "b"'],
  ['lookup', [['a'], 'b', 'c'], 'map or object required'],
  ['concat', [['a'], 'b'], 'list, set or tuple required'],
  ['coalesce', [null, ''], 'no non-null, non-empty-string arguments'],
  ['coalesce', [{}, 'hello'], 'same type'],
  ['coalescelist', [[], []], 'no non-null arguments'],
  ['coalescelist', [null, [], [1]], 'must be lists or tuples'],
  ['coalescelist', [[1], null], 'must be lists or tuples'],
  ['compact', [[['a']]], 'string required'],
  ['element', [[], 0], 'empty list'],
  ['element', [['a'], 1.5], 'whole number'],
  ['index', [['a', 'b'], 'z'], 'item not found'],
  ['sort', [['a', null]], 'null'],
  ['sort', [[['a']]], 'string required'],
  ['slice', [['a', 'b'], -1, 1], 'start index'],
  ['slice', [['a', 'b'], 0, 3], 'end index'],
  ['slice', [['a', 'b'], 2, 1], 'less than or equal'],
  ['tolist', ['abc'], 'cannot convert string to list'],
  ['tolist', [[1, true]], 'same type'],
  ['toset', [{ a: 1 }], 'cannot convert object to set'],
  ['tomap', [['a']], 'cannot convert list to map'],
  ['zipmap', [['a', 'b'], [1]], 'number of keys (2) does not match number of values (1)'],
  ['zipmap', [[null], [1]], 'null value cannot be used as a map key'],
  ['range', [1, 2, 0], 'must not be zero'],
  ['range', [1, 4, -1], 'end must be less than start when step is negative'],
  ['range', [4, 1, 1], 'end must be greater than start when step is positive'],
  ['range', [2000], 'more than 1024 values were generated'],
  ['range', [0, 1, 0.0001], 'more than 1024 values'],
  ['range', ['x'], 'a number is required'],
  ['chunklist', [['a'], -1], 'must be positive'],
  ['transpose', [{ a: [null] }], 'null'],
  ['matchkeys', [['a'], ['x', 'y'], ['x']], 'length of keys and values should be equal'],
  ['setproduct', [['a']], 'expects at least 2 arguments'],
  ['setsubtract', [['a'], 'b'], 'list, set or tuple required'],
  ['one', [['a', 'b']], 'either zero or one elements'],
  ['alltrue', [['yes']], 'a bool is required'],
  ['anytrue', [[1]], 'bool required'],
  ['keys', ['abc'], 'map or object required'],
  ['values', [null], 'must not be null'],
  ['flatten', ['abc'], 'list, set or tuple required'],
  ['distinct', ['abc'], 'list, set or tuple required'],
];

describe('collection functions', () => {
  it.each(rows.map((r) => [label(r), r] as const))('%s', (_, r) => checkRow(r));
});

describe('collection function errors', () => {
  it.each(errors.map((r) => [label(r), r] as const))('%s throws', (_, r) => checkErr(r));
});
