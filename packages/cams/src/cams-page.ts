import { InvalidRequestError } from '@whatsapp-bsp/core';

/*
 * CAMS pages by number: `Page` is a JSON string `{"Index":n,"Size":m}` (PascalCase keys, as the
 * SDK sends them; one vendor example writes lower case). The raw cursor this adapter hands out is
 * the next page's index as a decimal string.
 */

const MAX_PAGE_INDEX = 1_000_000_000;

/** The page index a raw cursor names; page 1 without one. */
export function pageIndexFromCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 1;
  const index = /^[1-9]\d*$/.test(cursor) ? Number(cursor) : Number.NaN;
  if (!(index <= MAX_PAGE_INDEX)) {
    throw new InvalidRequestError(
      'A CAMS cursor is a page number, a positive integer; this one is malformed',
      {
        provider: 'cams',
        field: 'cursor',
      },
    );
  }
  return index;
}

export function checkPageSize(pageSize: unknown, maxPageSize: number): number {
  if (typeof pageSize !== 'number' || !Number.isInteger(pageSize) || pageSize < 1 || pageSize > maxPageSize) {
    throw new InvalidRequestError(`\`pageSize\` must be an integer from 1 to ${maxPageSize} on CAMS`, {
      provider: 'cams',
      field: 'pageSize',
    });
  }
  return pageSize;
}

export function pageParameter(index: number, size: number): string {
  return JSON.stringify({ Index: index, Size: size });
}

/** The cursor of the page after `index`, or none. */
export function nextCursor(index: number, hasNext: boolean): { nextCursor?: string } {
  return hasNext ? { nextCursor: String(index + 1) } : {};
}
