import type { ParsedListQuery } from '../../model/inputs/list-query.js';
import { attachMetadata, type WithMetadata } from '../../model/metadata.js';
import type { Page } from '../../model/page.js';
import type { ProviderCallContext, ProviderResult } from '../../provider/call-context.js';
import type { Operation } from '../../provider/operations.js';
import type { ListRequest } from '../../provider/requests.js';
import type { OperationRunner } from '../pipeline/operation-runner.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { ClientPage, FetchPage } from './paginated.js';

/**
 * Fetches one page through the runner: the user's opaque cursor in, the vendor's cursor to the
 * adapter, and the vendor's next cursor back out, wrapped again.
 */
export function pageFetcher<T extends object>(
  runner: OperationRunner,
  providerId: string,
  operation: Operation,
  query: ParsedListQuery,
  request: Readonly<Record<string, unknown>>,
  fetch: (request: ListRequest, context: ProviderCallContext) => Promise<ProviderResult<Page<T>>>,
): FetchPage<T> {
  return async (cursor) => {
    const vendorRequest: ListRequest = {
      pageSize: query.pageSize,
      ...(cursor !== undefined && { cursor: decodeCursor(providerId, cursor) }),
    };
    const page = await runner.run(
      operation,
      { ...request, ...vendorRequest },
      (ctx) => fetch(vendorRequest, ctx),
      query.call,
    );
    return toClientPage(page, providerId);
  };
}

function toClientPage<T extends object>(page: WithMetadata<Page<T>>, providerId: string): ClientPage<T> {
  const items = page.items.map((item) => attachMetadata(item, page.$metadata));
  const clientPage: Page<WithMetadata<T>> = {
    items,
    ...(page.nextCursor !== undefined && { nextCursor: encodeCursor(providerId, page.nextCursor) }),
    ...(page.total !== undefined && { total: page.total }),
  };
  return attachMetadata(clientPage, page.$metadata);
}
