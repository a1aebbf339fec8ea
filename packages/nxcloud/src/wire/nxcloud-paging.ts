import { InvalidRequestError } from '@whatsapp-bsp/core';
import { once } from '@whatsapp-bsp/core/adapter';
import { z } from 'zod';
import { NXCLOUD_PROVIDER_ID } from '../nxcloud-id.js';
import { optionalTextSchema } from './nxcloud-wire-values.js';

/** Meta's cursor paging, passed through by getTemplate and queryFlowsByPhone. */
export const nxcloudPagingWireSchema = once(() =>
  z.object({
    cursors: z.object({ before: optionalTextSchema(), after: optionalTextSchema() }).nullish(),
    next: optionalTextSchema(),
    previous: optionalTextSchema(),
  }),
);
export type NxcloudPagingWire = z.output<ReturnType<typeof nxcloudPagingWireSchema>>;

/**
 * The cursor of the next page, or undefined on the last one. Meta returns `cursors.after` even
 * on the last page; only a non-empty `next` says another page exists. `next` itself is a raw
 * Graph URL and is never followed: the `after` cursor goes back through NXCloud.
 */
export function nextCursorFrom(paging: NxcloudPagingWire | null | undefined): string | undefined {
  if (!paging?.next) return undefined;
  return paging.cursors?.after || undefined;
}

/**
 * The `after` cursor to send, checked for the form of Meta's cursors: short base64-like tokens.
 * The client hands back what a page returned, but a cursor resumed from elsewhere may hold
 * anything; one that cannot be Meta's is refused before anything is sent.
 */
export function optionalAfterCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,1024}$/.test(cursor)) {
    throw new InvalidRequestError(
      '`cursor` must be an NXCloud paging cursor: 1 to 1024 printable characters, no spaces',
      { provider: NXCLOUD_PROVIDER_ID, field: 'cursor' },
    );
  }
  return cursor;
}
