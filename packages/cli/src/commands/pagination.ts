import { type FlagDefinition, type FlagValues, positiveIntegerFlag } from './command.js';

/** The flags of every list command. */
export const PAGINATION_FLAGS: Readonly<Record<string, FlagDefinition>> = {
  'page-size': { type: 'string' },
  'max-items': { type: 'string' },
};

/** `pageSize` and `maxItems` for a list query, from `--page-size` and `--max-items`. */
export function pagination(flags: FlagValues): { pageSize?: number; maxItems?: number } {
  const pageSize = positiveIntegerFlag(flags, 'page-size');
  const maxItems = positiveIntegerFlag(flags, 'max-items');
  return {
    ...(pageSize !== undefined ? { pageSize } : {}),
    ...(maxItems !== undefined ? { maxItems } : {}),
  };
}
