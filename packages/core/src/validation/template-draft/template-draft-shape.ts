import type { z } from 'zod';
import { isRecord } from '../../adapter/is-record.js';
import { nestedDeeperThan } from '../../adapter/json-nesting.js';
import type { TemplateDraftIssue } from './template-issues.js';

/**
 * The deepest a template draft (or an update's components) may nest along its fields, counting
 * every object and array. A real draft nests about a dozen levels (a carousel card's button's
 * supported app), so this leaves room to spare; deeper input (carousels in carousels, thousands
 * deep) is refused before zod or any rule walks it, because walking it would overflow the stack.
 */
export const MAX_TEMPLATE_DRAFT_DEPTH = 64;

/** What a shape check found: the parsed value, or every `INVALID_DRAFT` issue. */
export type TemplateDraftShape<T> =
  | { readonly ok: true; readonly data: T }
  | { readonly ok: false; readonly issues: TemplateDraftIssue[] };

/**
 * Checks that `value` has the shape of `schema` (a TemplateDraft, or a part of one), and reports
 * every problem at once as `INVALID_DRAFT` issues: nesting deeper than `MAX_TEMPLATE_DRAFT_DEPTH`
 * (one issue, nothing else is looked at), each value of the wrong type (zod's message), and each
 * field the schema does not have, at any depth (`components[1].exmaple`), including inside parts
 * that are otherwise wrong (whatever such a field holds is not looked at). zod would drop such a
 * field silently; a misspelt field must be heard of instead.
 *
 * @param base The path of `value` in the draft (`components` for an update's components); issue
 *   paths start with it.
 */
export function checkTemplateDraftShape<T>(
  schema: z.ZodType<T>,
  value: unknown,
  base = '',
): TemplateDraftShape<T> {
  // First the walk, which stops at the depth limit: zod's parse, which descends as deep, comes after.
  const walk: Walk = { path: [], unknown: [], tooDeep: false };
  collectUnknownFields(schema, value, 0, walk);
  if (walk.tooDeep) {
    return {
      ok: false,
      issues: [
        invalid(
          base,
          `The value nests more than ${MAX_TEMPLATE_DRAFT_DEPTH} levels deep; a template draft nests about a dozen`,
        ),
      ],
    };
  }
  const parsed = schema.safeParse(value);
  const issues = parsed.success
    ? []
    : parsed.error.issues.map((issue) => invalid(joinPath(base, pathText(issue.path)), issue.message));
  for (const at of walk.unknown) {
    const path = joinPath(base, pathText(at));
    issues.push(invalid(path, `\`${path}\` is not a field of a template draft`));
  }
  return parsed.success && issues.length === 0 ? { ok: true, data: parsed.data } : { ok: false, issues };
}

/** A path as the library writes it everywhere (draft issues, state files): `components[1].text`. */
export function pathText(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text;
}

function invalid(path: string, message: string): TemplateDraftIssue {
  return { path, code: 'INVALID_DRAFT', message, severity: 'error' };
}

function joinPath(base: string, path: string): string {
  if (base === '') return path;
  if (path === '' || path.startsWith('[')) return `${base}${path}`;
  return `${base}.${path}`;
}

/**
 * The parts of a zod schema's definition the walk reads. `def.type` is read rather than
 * `instanceof`, which zod answers through a `Symbol.hasInstance` hook costing microseconds a call.
 */
type SchemaDef =
  | { readonly type: 'lazy'; readonly getter: () => z.ZodType }
  | { readonly type: 'optional'; readonly innerType: z.ZodType }
  | { readonly type: 'array'; readonly element: z.ZodType }
  | { readonly type: 'object'; readonly shape: Readonly<Record<string, z.ZodType>> }
  | { readonly type: 'union'; readonly options: readonly z.ZodType[]; readonly discriminator?: string }
  | { readonly type: 'literal'; readonly values: readonly unknown[] }
  /** Any other schema: `string`, `enum`, `record`, … (typed apart so the cases above narrow). */
  | { readonly type: 'other' };

/**
 * What the walk needs of one schema, read once from its definition: the element of an array, the
 * fields of an object, the options of a discriminated union by their discriminator's value. The
 * draft schemas are module constants (`z.lazy` builds its schema again at each `unwrap()`), so each
 * is read once and the walk then touches only these.
 */
type ShapeNode =
  | { readonly kind: 'array'; readonly element: z.ZodType }
  | { readonly kind: 'object'; readonly fields: ReadonlyMap<string, z.ZodType> }
  | {
      readonly kind: 'union';
      readonly discriminator: string;
      readonly options: ReadonlyMap<unknown, z.ZodType>;
    }
  /** A value zod does not descend into: a string, a number, an enum, a literal. */
  | { readonly kind: 'leaf' }
  /** Any other schema (a record, a tuple, a plain union): not read into by the walk. */
  | { readonly kind: 'opaque' };

const LEAF_TYPES: ReadonlySet<string> = new Set([
  'string',
  'number',
  'int',
  'bigint',
  'boolean',
  'enum',
  'literal',
  'null',
  'undefined',
  'unknown',
  'any',
  'date',
  'nan',
]);

const nodes = new WeakMap<z.ZodType, ShapeNode>();

function nodeOf(schema: z.ZodType): ShapeNode {
  let node = nodes.get(schema);
  if (node === undefined) {
    node = readNode(unwrap(schema));
    nodes.set(schema, node);
  }
  return node;
}

function readNode(schema: z.ZodType): ShapeNode {
  const def = defOf(schema);
  switch (def.type) {
    case 'array':
      return { kind: 'array', element: def.element };
    case 'object':
      // A getter in a shape (a carousel card's `components`) builds its schema on each read: read once.
      return { kind: 'object', fields: new Map(Object.keys(def.shape).map((key) => [key, def.shape[key]!])) };
    case 'union': {
      if (def.discriminator === undefined) return { kind: 'opaque' };
      const options = new Map<unknown, z.ZodType>();
      for (const option of def.options) {
        const object = defOf(unwrap(option));
        const field = object.type === 'object' ? object.shape[def.discriminator] : undefined;
        const literal = field === undefined ? undefined : defOf(unwrap(field));
        if (literal?.type !== 'literal') continue;
        for (const known of literal.values) if (!options.has(known)) options.set(known, option);
      }
      return { kind: 'union', discriminator: def.discriminator, options };
    }
    default:
      return LEAF_TYPES.has(schema.def.type) ? { kind: 'leaf' } : { kind: 'opaque' };
  }
}

function defOf(schema: z.ZodType): SchemaDef {
  return schema.def as unknown as SchemaDef;
}

/** The schema under `z.lazy` and `.optional()` wrappers. */
function unwrap(schema: z.ZodType): z.ZodType {
  let inner = schema;
  for (;;) {
    const def = defOf(inner);
    if (def.type === 'optional') inner = def.innerType;
    else if (def.type === 'lazy') inner = def.getter();
    else return inner;
  }
}

/** The walk's state: where it is, what it found, and whether it went too deep. */
interface Walk {
  readonly path: (string | number)[];
  readonly unknown: (string | number)[][];
  tooDeep: boolean;
}

/**
 * Walks `value` beside its schema and records the path of every key an object schema does not
 * have. It descends exactly where zod's parse would (known fields, values of the right kind), so
 * stopping at `MAX_TEMPLATE_DRAFT_DEPTH` levels keeps both within the stack; what sits under an
 * unknown field is never walked. Where the value does not fit the schema (a string for an object,
 * a `type` no option of a union has), there is nothing to compare and zod's issue says so. A path
 * is written out only for a finding: `walk.path` is a stack the walk pushes to and pops from.
 */
function collectUnknownFields(schema: z.ZodType, value: unknown, depth: number, walk: Walk): void {
  if (walk.tooDeep) return;
  const node = nodeOf(schema);
  if (node.kind === 'union') {
    if (!isRecord(value)) return;
    const option = node.options.get(value[node.discriminator]);
    if (option !== undefined) collectUnknownFields(option, value, depth, walk);
    return;
  }
  if (node.kind === 'leaf') return;
  if (node.kind === 'opaque') {
    // A schema the walk does not read into (no draft field has one today) may be one zod descends
    // into: its depth is bounded all the same.
    if (nestedDeeperThan(value, MAX_TEMPLATE_DRAFT_DEPTH - depth)) walk.tooDeep = true;
    return;
  }
  if (node.kind === 'array' ? !Array.isArray(value) : !isRecord(value)) return;
  if (depth >= MAX_TEMPLATE_DRAFT_DEPTH) {
    walk.tooDeep = true;
    return;
  }
  const { path } = walk;
  if (node.kind === 'array') {
    const items = value as unknown[];
    for (let index = 0; index < items.length; index += 1) {
      path.push(index);
      collectUnknownFields(node.element, items[index], depth + 1, walk);
      path.pop();
    }
    return;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    if (!Object.hasOwn(record, key) || record[key] === undefined) continue;
    path.push(key);
    const field = node.fields.get(key);
    if (field === undefined) walk.unknown.push([...path]);
    else collectUnknownFields(field, record[key], depth + 1, walk);
    path.pop();
  }
}
