/**
 * Terraform override files (`override.tf`, `*_override.tf` and their `.tf.json` forms),
 * merged as Terraform merges them, so that a folder is evaluated as Terraform sees it.
 *
 * Terraform reads the normal files first, then each override file in lexical order of its
 * name, and merges every top-level block of an override file into the block of the same kind
 * and identity (resource and data by type and name; variable, output and module by name;
 * provider by name and alias). Several override files compound: later ones win. Within a block:
 * - an argument replaces the argument of the same name;
 * - nested blocks of a type replace *all* the original's nested blocks of that type
 *   (`dynamic "x"` counts as type x), contents not merged; types the override leaves out stay;
 * - a resource's `lifecycle` merges argument by argument;
 * - `depends_on` cannot be overridden (resource, data, output, module): reported, ignored;
 * - `locals` merge entry by entry, whichever `locals` block holds the entry;
 * - a default provider (no alias) may be overridden without an original: it is then added;
 * - `terraform` blocks, approximated (the evaluator reads nothing in them): an override merges
 *   into the first original `terraform` block, `required_providers` entry by entry, and a
 *   `backend` or `cloud` block replaces both kinds; with no original block it is added.
 * An override block without an original is an error in Terraform: a diagnostic, and the block
 * is ignored. `moved` blocks cannot be overridden; other kinds (import, check…) are ignored.
 *
 * `.tf.json` has no syntax for nested blocks: `"versioning": {…}` is an argument there. A name
 * is therefore one name whether written as an argument or as blocks: either replaces the other.
 *
 * The merge is pure, since parsed files are shared through a parse cache: a merged block is a
 * new node, and every node an override file contributes is a copy carrying `file` (ast.ts), so
 * that ranges keep pointing at the line that decides. Results are memoised per input list: a
 * module folder whose files are unchanged merges to the same list, hence the same ModuleShape.
 */
import type { Attribute, Block, Body, BodyItem, HclFile } from '../../parse/hcl/ast.js';
import { literalValue } from '../../parse/hcl/literal.js';
import type { Diagnostic } from '../../model/diagnostics.js';

/** `override.tf`, `*_override.tf`, `override.tf.json`, `*_override.tf.json`. */
export function isOverrideFile(path: string): boolean {
  return /(^|_)override\.tf(\.json)?$/.test(baseName(path).toLowerCase());
}

/** An override block merged into a block, with its file (for the comments beside it). */
export interface OverrideSource {
  file: HclFile;
  block: Block;
}

const sources = new WeakMap<Block, readonly OverrideSource[]>();

/** The override blocks merged into a top-level block, in the order they were applied. */
export function overridesOf(block: Block): readonly OverrideSource[] | undefined {
  return sources.get(block);
}

const memo = new WeakMap<readonly HclFile[], { files: HclFile[]; diagnostics: Diagnostic[] }>();

/**
 * The files of one module folder with their override files merged in: the normal files in
 * their order (merged blocks in place), then, for an override file that adds a block (a
 * default provider, a `terraform` block), that file with only the added blocks. A list with
 * no override file is returned as is. Diagnostics are given again on every call.
 */
export function mergeOverrides(files: HclFile[], diag: (d: Diagnostic) => void): HclFile[] {
  let m = memo.get(files);
  if (!m) {
    m = files.some((f) => isOverrideFile(f.path)) ? merge(files) : { files, diagnostics: [] };
    memo.set(files, m);
  }
  for (const d of m.diagnostics) diag(d);
  return m.files;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Code-unit order, as Terraform sorts file names (byte order for ASCII names). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Where a top-level block is in the working copy: file index, item index. */
type Pos = [number, number];

function merge(files: HclFile[]): { files: HclFile[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const normal = files.filter((f) => !isOverrideFile(f.path));
  const overrides = files.filter((f) => isOverrideFile(f.path)).sort((a, b) => compare(baseName(a.path), baseName(b.path)) || compare(a.path, b.path));
  const work = new Working(normal);
  const report = (level: Diagnostic['level'], file: HclFile, node: { range: Block['range'] }, message: string) =>
    diagnostics.push({ level, code: 'tf-override', message, file: file.path, line: node.range.start.line, column: node.range.start.column });

  for (const o of overrides) {
    for (const item of o.body.items) {
      // a top-level argument is not valid Terraform: nothing to merge
      if (item.kind !== 'block') continue;
      if (item.type === 'locals') {
        for (const a of item.body.items) {
          if (a.kind !== 'attribute') continue;
          const at = work.locals.get(a.name);
          if (!at) report('error', o, a, `no local value "${a.name}" to override: an override file can only change what the module's normal files declare; ignored`);
          else work.replaceLocal(at, tag(a, o.path));
        }
        continue;
      }
      if (item.type === 'terraform') {
        if (work.terraform) work.replace(work.terraform, mergeBlock(work.get(work.terraform), item, o, report));
        else work.terraform = work.add(o, item);
        continue;
      }
      if (item.type === 'moved') {
        report('error', o, item, 'moved blocks cannot be overridden: they belong in normal files; ignored');
        continue;
      }
      const key = keyOf(item);
      if (key === undefined) {
        if (!MERGED_KINDS.has(item.type)) report('note', o, item, `${item.type} blocks in override files are not merged: ignored`);
        continue;
      }
      const at = work.blocks.get(key);
      if (at) work.replace(at, mergeBlock(work.get(at), item, o, report));
      else if (item.type === 'provider' && aliasOf(item) === '') work.blocks.set(key, work.add(o, item));
      else report('error', o, item, `no ${header(item)} to override: an override file can only change a block the module's normal files declare; ignored`);
    }
  }
  return { files: work.result(), diagnostics };
}

const MERGED_KINDS = new Set(['resource', 'data', 'ephemeral', 'variable', 'output', 'module', 'provider']);
const NO_DEPENDS_ON = new Set(['resource', 'data', 'ephemeral', 'output', 'module']);

/** Identity of a block an override can merge into; undefined for other kinds. */
function keyOf(b: Block): string | undefined {
  switch (b.type) {
    case 'resource':
    case 'data':
    case 'ephemeral':
      return b.labels.length === 2 ? `${b.type}\0${b.labels[0]}\0${b.labels[1]}` : undefined;
    case 'variable':
    case 'output':
    case 'module':
      return b.labels.length === 1 ? `${b.type}\0${b.labels[0]}` : undefined;
    case 'provider':
      return b.labels.length === 1 ? `provider\0${b.labels[0]}\0${aliasOf(b)}` : undefined;
    default:
      return undefined;
  }
}

function aliasOf(b: Block): string {
  const a = b.body.items.find((i): i is Attribute => i.kind === 'attribute' && i.name === 'alias');
  const v = a ? literalValue(a.expr) : '';
  return typeof v === 'string' ? v : '';
}

function header(b: Block): string {
  const alias = b.type === 'provider' ? aliasOf(b) : '';
  return `${b.type} ${b.labels.map((l) => JSON.stringify(l)).join(' ')}${alias ? ` with alias ${JSON.stringify(alias)}` : ''}`;
}

/** A copy of an override file's node that knows its file. */
function tag<T extends BodyItem>(item: T, file: string): T {
  return { ...item, file };
}

/** The name an item stands for: an argument's name, a block's type, a dynamic block's label. */
function nameOf(item: BodyItem): string {
  if (item.kind === 'attribute') return item.name;
  return item.type === 'dynamic' && item.labels.length > 0 ? item.labels[0] : item.type;
}

type Report = (level: Diagnostic['level'], file: HclFile, node: { range: Block['range'] }, message: string) => void;

/** `base` with the override block `over` (from file `o`) merged in: a new block. */
function mergeBlock(base: Block, over: Block, o: HclFile, report: Report): Block {
  let items = over.body.items;
  if (NO_DEPENDS_ON.has(over.type)) {
    const dep = items.find((i) => i.kind === 'attribute' && i.name === 'depends_on');
    if (dep) {
      report('error', o, dep, 'depends_on cannot be overridden: ignored');
      items = items.filter((i) => i !== dep);
    }
  }
  const rules: BodyRules =
    over.type === 'resource' ? { inner: LIFECYCLE } : over.type === 'terraform' ? { inner: REQUIRED_PROVIDERS, group: backendGroup } : {};
  const merged: Block = { ...base, body: mergeBody(base.body, items, o.path, rules) };
  sources.set(merged, [...(sources.get(base) ?? []), { file: o, block: over }]);
  return merged;
}

interface BodyRules {
  /** Nested block types whose contents merge argument by argument instead of being replaced. */
  inner?: ReadonlySet<string>;
  /** Names that replace one another (a `backend` replaces a `cloud` block and the reverse). */
  group?: (name: string) => string;
}

const LIFECYCLE: ReadonlySet<string> = new Set(['lifecycle']);
const REQUIRED_PROVIDERS: ReadonlySet<string> = new Set(['required_providers']);
const backendGroup = (name: string) => (name === 'cloud' ? 'backend' : name);

/**
 * The general rule: each name the override sets replaces every item of that name in the
 * base, at the place of the first one; names new to the block come after the base's items.
 */
function mergeBody(base: Body, over: readonly BodyItem[], file: string, rules: BodyRules): Body {
  const group = rules.group ?? ((n: string) => n);
  const replacing = new Map<string, BodyItem[]>();
  for (const item of over) {
    const n = group(nameOf(item));
    let list = replacing.get(n);
    if (!list) replacing.set(n, (list = []));
    const inner = item.kind === 'block' && rules.inner?.has(item.type) ? base.items.find((b): b is Block => b.kind === 'block' && b.type === item.type) : undefined;
    // lifecycle / required_providers: the original block, its arguments merged
    list.push(inner && item.kind === 'block' ? { ...inner, body: mergeBody(inner.body, item.body.items, file, {}) } : tag(item, file));
  }
  const items: BodyItem[] = [];
  const placed = new Set<string>();
  for (const item of base.items) {
    const n = group(nameOf(item));
    const r = replacing.get(n);
    if (!r) items.push(item);
    else if (!placed.has(n)) {
      placed.add(n);
      items.push(...r);
    }
  }
  for (const [n, r] of replacing) if (!placed.has(n)) items.push(...r);
  return { ...base, items };
}

/** The normal files being merged into, copied on first change, and what override files add. */
class Working {
  private readonly files: HclFile[];
  private readonly items: (BodyItem[] | undefined)[];
  /** Override files that add blocks: index in `files` by path. */
  private readonly added = new Map<string, number>();
  readonly blocks = new Map<string, Pos>();
  /** Local value name → the `locals` block holding it and the entry's index in that block. */
  readonly locals = new Map<string, [number, number, number]>();
  terraform?: Pos;

  constructor(normal: HclFile[]) {
    this.files = [...normal];
    this.items = normal.map(() => undefined);
    // the last declaration of a name wins, as in ModuleShape
    normal.forEach((f, fi) =>
      f.body.items.forEach((item, ii) => {
        if (item.kind !== 'block') return;
        if (item.type === 'locals') item.body.items.forEach((a, ai) => a.kind === 'attribute' && this.locals.set(a.name, [fi, ii, ai]));
        else if (item.type === 'terraform') this.terraform ??= [fi, ii];
        else {
          const key = keyOf(item);
          if (key !== undefined) this.blocks.set(key, [fi, ii]);
        }
      }),
    );
  }

  get([fi, ii]: Pos): Block {
    return (this.items[fi] ?? this.files[fi].body.items)[ii] as Block;
  }

  replace([fi, ii]: Pos, block: Block): void {
    const items = (this.items[fi] ??= [...this.files[fi].body.items]);
    items[ii] = block;
  }

  replaceLocal([fi, ii, ai]: [number, number, number], entry: Attribute): void {
    const block = this.get([fi, ii]);
    const items = [...block.body.items];
    items[ai] = entry;
    this.replace([fi, ii], { ...block, body: { ...block.body, items } });
  }

  /** Adds an override file's block as a block of its own (in a copy of that file holding only what it adds). */
  add(o: HclFile, block: Block): Pos {
    let fi = this.added.get(o.path);
    if (fi === undefined) {
      fi = this.files.length;
      this.added.set(o.path, fi);
      this.files.push({ ...o, body: { ...o.body, items: [] } });
      this.items.push([]);
    }
    const items = this.items[fi]!;
    items.push(block);
    return [fi, items.length - 1];
  }

  result(): HclFile[] {
    return this.files.map((f, fi) => {
      const items = this.items[fi];
      return items ? { ...f, body: { ...f.body, items } } : f;
    });
  }
}
