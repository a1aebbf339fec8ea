import { type FlagDefinition, type FlagValues, integerFlag } from './command.js';

/** The flags of every list command. */
export const PAGINATION_FLAGS: Readonly<Record<string, FlagDefinition>> = {
  'page-size': { type: 'string' },
  'max-items': { type: 'string' },
};

/** `pageSize` and `maxItems` for a list query, from `--page-size` and `--max-items`. */
export function pagination(flags: FlagValues): { pageSize?: number; maxItems?: number } {
  // Each vendor's largest page size is checked by the client, which names the vendor's limit.
  const pageSize = integerFlag(flags, 'page-size', { min: 1 });
  const maxItems = integerFlag(flags, 'max-items', { min: 1 });
  return {
    ...(pageSize !== undefined ? { pageSize } : {}),
    ...(maxItems !== undefined ? { maxItems } : {}),
  };
}
