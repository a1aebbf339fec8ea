import { z } from 'zod';
import { once, optionalTextSchema } from './nxcloud-wire-values.js';

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
