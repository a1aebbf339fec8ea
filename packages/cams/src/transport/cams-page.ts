import { InvalidRequestError } from '@whatsapp-bsp/core';

/*
 * CAMS pages by number: `Page` is a JSON string `{"Index":n,"Size":m}` (PascalCase keys, as the
 * SDK sends them; the ListChatappTemplate page's example writes lower case). The raw cursor this
 * adapter hands out is `<next index>:<size>`: a page number only means a position together with
 * the page size it was counted in, so a list resumed with another `pageSize` keeps the cursor's
 * size instead of skipping or repeating items. A bare page number pages at the requested size.
 */

const MAX_PAGE_INDEX = 1_000_000_000;

/** A page of a CAMS list: its number, from 1, and the size it is counted in. */
export interface CamsPage {
  readonly index: number;
  readonly size: number;
}

/**
 * The page a list request asks for: its cursor's page at the cursor's own size, or page 1 at the
 * requested size. The client has checked the page size against the capabilities; the cursor's
 * shape is this adapter's to check.
 */
export function requestedPage(
  request: { readonly pageSize: number; readonly cursor?: string },
  maxPageSize: number,
): CamsPage {
  const { cursor, pageSize } = request;
  if (cursor === undefined) return { index: 1, size: pageSize };
  const match = /^([1-9]\d{0,9})(?::([1-9]\d{0,9}))?$/.exec(cursor);
  const index = Number(match?.[1]);
  const size = match?.[2] === undefined ? pageSize : Number(match[2]);
  if (!match || index > MAX_PAGE_INDEX || size > maxPageSize) {
    throw new InvalidRequestError('A CAMS cursor names a page and its size; this one is malformed', {
      provider: 'cams',
      field: 'cursor',
    });
  }
  return { index, size };
}

/** The `Page` parameter of ListFlow and ListChatappTemplate. */
export function pageParameter(page: CamsPage): string {
  return JSON.stringify({ Index: page.index, Size: page.size });
}

/** The cursor of the page after `page`, or none. */
export function nextCursor(page: CamsPage, hasNext: boolean): { nextCursor?: string } {
  return hasNext ? { nextCursor: `${page.index + 1}:${page.size}` } : {};
}
