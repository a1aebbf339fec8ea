import type { RecordView } from '../store/record-list.js';
import { CamsApiError } from './cams-errors.js';
import type { CamsParams } from './cams-operation.js';

/** The largest `Page.Size` accepted; CAMS does not document one. */
export const CAMS_MAX_PAGE_SIZE = 100;

/**
 * The `Page` parameter, a JSON string: `{"Index":1,"Size":10}` as the SDK sends it, or the
 * lower-case `{"index":1,"size":10}` some vendor examples show. Index defaults to 1, size to 10.
 */
export function camsPage<T>(view: RecordView<T>, params: CamsParams): T[] {
  const raw = params.get('Page');
  let index: unknown = 1;
  let size: unknown = 10;
  if (raw !== undefined) {
    let page: unknown;
    try {
      page = JSON.parse(raw);
    } catch {
      throw pageInvalid();
    }
    if (typeof page !== 'object' || page === null || Array.isArray(page)) throw pageInvalid();
    const fields = page as Record<string, unknown>;
    index = fields.Index ?? fields.index ?? 1;
    size = fields.Size ?? fields.size ?? 10;
  }
  const pageIndex = integer(index);
  const pageSize = integer(size);
  if (
    pageIndex === undefined ||
    pageIndex < 1 ||
    pageSize === undefined ||
    pageSize < 1 ||
    pageSize > CAMS_MAX_PAGE_SIZE
  ) {
    throw pageInvalid();
  }
  return view.slice((pageIndex - 1) * pageSize, pageIndex * pageSize);
}

function pageInvalid(): CamsApiError {
  return new CamsApiError(
    400,
    'InvalidParameter.PageInvalid',
    `Page must be a JSON object {"Index": n >= 1, "Size": 1..${CAMS_MAX_PAGE_SIZE}}.`,
  );
}

function integer(value: unknown): number | undefined {
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isSafeInteger(number) ? number : undefined;
}
