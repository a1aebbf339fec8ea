import { InvalidRequestError } from '@whatsapp-bsp/core';

/*
 * CAMS pages by number: `Page` is a JSON string `{"Index":n,"Size":m}` (PascalCase keys, as the
 * SDK sends them; one vendor example writes lower case). The raw cursor this adapter hands out is
 * `<next index>:<size>`: a page number only means a position together with the page size it was
 * counted in, so a list resumed with another `pageSize` keeps the cursor's size instead of
 * skipping or repeating items. A bare page number pages at the requested size.
 */

const MAX_PAGE_INDEX = 1_000_000_000;

/** The page a raw cursor names, at the cursor's own size; page 1 at `requestedSize` without one. */
function pageFromCursor(
  cursor: string | undefined,
  requestedSize: number,
  maxPageSize: number,
): { index: number; size: number } {
  if (cursor === undefined) return { index: 1, size: requestedSize };
  const match = /^([1-9]\d{0,9})(?::([1-9]\d{0,9}))?$/.exec(cursor);
  const index = Number(match?.[1]);
  const size = match?.[2] === undefined ? requestedSize : Number(match[2]);
  if (!match || index > MAX_PAGE_INDEX || size > maxPageSize) {
    throw new InvalidRequestError('A CAMS cursor names a page and its size; this one is malformed', {
      provider: 'cams',
      field: 'cursor',
    });
  }
  return { index, size };
}

function checkPageSize(pageSize: unknown, maxPageSize: number): number {
  if (typeof pageSize !== 'number' || !Number.isInteger(pageSize) || pageSize < 1 || pageSize > maxPageSize) {
    throw new InvalidRequestError(`\`pageSize\` must be an integer from 1 to ${maxPageSize} on CAMS`, {
      provider: 'cams',
      field: 'pageSize',
    });
  }
  return pageSize;
}

/** The page a list request asks for: its cursor's page, or the first at the requested size. */
export function requestedPage(
  request: { readonly pageSize: number; readonly cursor?: string },
  maxPageSize: number,
): { index: number; size: number } {
  return pageFromCursor(request.cursor, checkPageSize(request.pageSize, maxPageSize), maxPageSize);
}

export function pageParameter(index: number, size: number): string {
  return JSON.stringify({ Index: index, Size: size });
}

/** The cursor of the page after `page`, or none. */
export function nextCursor(page: { index: number; size: number }, hasNext: boolean): { nextCursor?: string } {
  return hasNext ? { nextCursor: `${page.index + 1}:${page.size}` } : {};
}
