import { expect } from 'vitest';

/**
 * How an adapter maps one vendor enum: rows of `[vendor value, model value]` as the adapter
 * reads them, and the model values this vendor cannot express at all, each with the reason.
 */
export interface EnumMappingTable<Value extends string> {
  readonly rows: readonly (readonly [vendorValue: unknown, modelValue: Value | 'UNKNOWN'])[];
  readonly notExpressible?: Readonly<Partial<Record<Value | 'UNKNOWN', string>>>;
}

/**
 * Checks an enum mapping both ways: every row's vendor value maps to its model value (through
 * `map`, the adapter's own decoding), and every model value, `UNKNOWN` included, is reached by
 * some row or declared not expressible by this vendor. A value added to the model without a
 * vendor mapping fails here, instead of silently reading as UNKNOWN.
 *
 * @param modelValues The model's closed list (e.g. `TEMPLATE_STATUSES`), without `UNKNOWN`.
 * @param map Reads one vendor value the way the adapter does, e.g. by mapping a payload that holds it.
 */
export function expectEnumMapping<const Value extends string>(
  modelValues: readonly Value[],
  table: EnumMappingTable<Value>,
  map: (vendorValue: unknown) => unknown,
): void {
  const mapped = table.rows.map(([vendorValue]) => [vendorValue, map(vendorValue)]);
  expect(mapped).toEqual(table.rows.map(([vendorValue, modelValue]) => [vendorValue, modelValue]));
  const reached = new Set<string>(table.rows.map(([, modelValue]) => modelValue));
  const declared = Object.keys(table.notExpressible ?? {});
  const unmapped = [...modelValues, 'UNKNOWN'].filter(
    (value) => !reached.has(value) && !declared.includes(value),
  );
  expect(unmapped, 'model values no vendor value maps to').toEqual([]);
  expect(
    declared.filter((value) => reached.has(value)),
    'values declared not expressible yet mapped',
  ).toEqual([]);
}
