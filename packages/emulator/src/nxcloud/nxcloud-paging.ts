import { EMULATOR_WABA_ID } from '../credentials.js';
import { jsonResponse, type VendorResponse } from '../server/vendor-protocol.js';
import type { RecordView } from '../store/record-list.js';
import { nxcloudError } from './nxcloud-errors.js';
import type { NxcloudBody } from './nxcloud-route.js';

export const NXCLOUD_DEFAULT_LIMIT = 20;
/** The account id in the Meta Graph URLs of `paging.next`/`previous`, which NXCloud passes through. */
export const GRAPH_WABA_ID = EMULATOR_WABA_ID;
/** The largest `limit` honoured; Meta caps its page sizes too. Larger values are cut to it. */
export const NXCLOUD_MAX_LIMIT = 1000;

export interface NxcloudPageRequest {
  after?: string;
  before?: string;
  limit: number;
}

export interface NxcloudPage<T> {
  items: T[];
  /** Meta's paging object; absent on an empty page, as Meta omits it. */
  paging?: {
    cursors: { before: string; after: string };
    next?: string;
    previous?: string;
  };
}

/**
 * Meta-style cursors: the base64 of the item's position with `=` written as `ZD`, which is what
 * the vendor's examples show (`MAZDZD` is position 0, `MTkZD` position 19). `after` points at
 * the last item of a page, `before` at the first.
 */
export function encodeCursor(position: number): string {
  return Buffer.from(String(position), 'utf8').toString('base64').replaceAll('=', 'ZD');
}

/** The position a cursor points at, or undefined when it is not one of ours. */
export function decodeCursor(cursor: string): number | undefined {
  const text = Buffer.from(cursor.replaceAll('ZD', '='), 'base64').toString('utf8');
  if (!/^(0|[1-9]\d*)$/.test(text)) return undefined;
  const position = Number(text);
  return encodeCursor(position) === cursor ? position : undefined;
}

/**
 * One page of a view. `after` wins when both cursors are given. `next`/`previous` are present
 * only when that page exists, and carry Meta Graph URLs built on `linkBase`, as NXCloud passes
 * them through. Returns undefined for a cursor that is not one of ours.
 */
export function nxcloudPage<T>(
  view: RecordView<T>,
  request: NxcloudPageRequest,
  linkBase: string,
): NxcloudPage<T> | undefined {
  const limit = Math.min(request.limit, NXCLOUD_MAX_LIMIT);
  let start = 0;
  let end = limit;
  if (request.after !== undefined) {
    const position = decodeCursor(request.after);
    if (position === undefined) return undefined;
    start = position + 1;
    end = start + limit;
  } else if (request.before !== undefined) {
    const position = decodeCursor(request.before);
    if (position === undefined) return undefined;
    end = Math.min(position, view.count);
    start = Math.max(0, end - limit);
  }
  const items = view.slice(start, end);
  if (items.length === 0) return { items };

  const first = encodeCursor(start);
  const last = encodeCursor(start + items.length - 1);
  const paging: NonNullable<NxcloudPage<T>['paging']> = { cursors: { before: first, after: last } };
  if (start + items.length < view.count) paging.next = `${linkBase}&limit=${limit}&after=${last}`;
  if (start > 0) paging.previous = `${linkBase}&limit=${limit}&before=${first}`;
  return { items, paging };
}

/** The paging fields of a body, or the reason they are wrong. */
function pageRequest(body: NxcloudBody): NxcloudPageRequest | string {
  const { after, before } = body;
  let limit: unknown = body.limit ?? NXCLOUD_DEFAULT_LIMIT;
  if (typeof limit === 'string' && /^\d+$/.test(limit)) limit = Number(limit);
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1)
    return 'limit must be a positive integer';
  if (after !== undefined && typeof after !== 'string') return 'after must be a string';
  if (before !== undefined && typeof before !== 'string') return 'before must be a string';
  return { limit, after: after || undefined, before: before || undefined };
}

/** One page of a list endpoint: `data.data[]`, and `data.paging` unless the page is empty. */
export function nxcloudListAnswer<T>(
  body: NxcloudBody,
  view: RecordView<T>,
  linkBase: string,
  render: (item: T) => NxcloudBody,
  message: string,
): VendorResponse {
  const paging = pageRequest(body);
  if (typeof paging === 'string') return nxcloudError(1002, `Parameter error: ${paging}`);
  const page = nxcloudPage(view, paging, linkBase);
  if (!page) return nxcloudError(1002, 'Parameter error: unknown paging cursor');
  const data = page.items.map(render);
  return jsonResponse(200, {
    code: 0,
    message,
    data: page.paging ? { data, paging: page.paging } : { data },
  });
}
