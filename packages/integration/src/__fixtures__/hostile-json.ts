/*
 * Built, not recorded: JSON texts no vendor documents, to throw at the adapters. Values are
 * generated as JSON *text*, so keys such as `__proto__` reach the adapter exactly as a server
 * could send them (`JSON.parse` makes them own properties; an object literal would not).
 */
import fc from 'fast-check';

/** Keys that reach Object.prototype when code copies with assignment, plus real field names of both vendors. */
const KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'polluted',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'id',
  'name',
  'status',
  'language',
  'category',
  'categories',
  'components',
  'type',
  'buttons',
  'data',
  'paging',
  'cursors',
  'after',
  'next',
  'Code',
  'Data',
  'Components',
  'Type',
  'Buttons',
  'AuditStatus',
  'FlowId',
  'Total',
] as const;

/** Half a megabyte: far bigger than any real answer, small enough to parse many times. */
const HUGE_STRING_LENGTH = 512 * 1024;

const text = (value: string) => JSON.stringify(value);

/** A word where a vendor sends an enum value: a real one, a prototype key, or anything. */
export const enumWord = fc
  .oneof(fc.constantFrom(...KEYS, 'APPROVED', 'PUBLISHED', 'UTILITY', 'pass', 'UNKNOWN', ''), fc.string())
  .map(text);

/** A string value: ordinary, an enum word, or a huge one. */
export const stringValue = fc.oneof(
  fc.string().map(text),
  enumWord,
  fc.constant(text('x'.repeat(HUGE_STRING_LENGTH))),
);

const scalar = fc.oneof(
  fc.constant('null'),
  fc.boolean().map(String),
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => JSON.stringify(value)),
  fc.constant('1e400'),
  stringValue,
);

/** An object with every prototype-polluting key set, as text. */
export const POLLUTING_MEMBERS =
  '"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":{"polluted":"yes"}';

/** Arrays or objects nested far deeper than any vendor answer, the innermost one polluting. */
export const deeplyNested = fc
  .tuple(fc.integer({ min: 500, max: 20_000 }), fc.boolean())
  .map(([depth, arrays]) =>
    arrays
      ? `${'['.repeat(depth)}{${POLLUTING_MEMBERS}}${']'.repeat(depth)}`
      : `${'{"__proto__":'.repeat(depth)}{${POLLUTING_MEMBERS}}${'}'.repeat(depth)}`,
  );

/** Any JSON value as text: wrong types, nulls, huge strings, prototype keys, deep nesting. */
export const hostileValue: fc.Arbitrary<string> = fc.letrec<{ value: string; array: string; object: string }>(
  (tie) => ({
    value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('array'), tie('object')),
    array: fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
    object: fc
      .array(fc.tuple(fc.constantFrom(...KEYS), tie('value')), { maxLength: 6 })
      .map((members) => `{${members.map(([key, value]) => `${text(key)}:${value}`).join(',')}}`),
  }),
).value;

export const anyHostileValue = fc.oneof(
  { weight: 5, arbitrary: hostileValue },
  { weight: 1, arbitrary: deeplyNested },
);
