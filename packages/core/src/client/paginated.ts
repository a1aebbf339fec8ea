import { InvalidRequestError } from '../errors/error-classes.js';
import type { WithMetadata } from '../model/metadata.js';
import type { Page } from '../model/page.js';

/** A page as the client yields it: the user-facing opaque cursor, and `$metadata`. */
export type ClientPage<T> = WithMetadata<Page<WithMetadata<T>>>;

export interface PaginationOptions {
  /** Items per request; each vendor has its own maximum (see its capabilities). */
  pageSize?: number;
  /** Stop after this many items, without fetching further pages. */
  maxItems?: number;
  /** Resume from a page's `nextCursor`. */
  cursor?: string;
  signal?: AbortSignal;
  timeoutMs?: number;
}

export type FetchPage<T> = (cursor: string | undefined) => Promise<ClientPage<T>>;

/**
 * A lazy list: iterate its items with `for await`, its pages with `.pages()`, or collect with
 * `.toArray()`. Nothing is fetched until iteration starts; the next page is fetched only when
 * the current one is consumed, so one page is in memory at a time. Iteration ends on the last
 * page, on an empty page, on a cursor seen before (a vendor looping), or at `maxItems`.
 */
export class Paginated<T> implements AsyncIterable<WithMetadata<T>> {
  constructor(
    private readonly fetchPage: FetchPage<T>,
    private readonly options: { maxItems?: number; cursor?: string },
  ) {}

  async *pages(): AsyncGenerator<ClientPage<T>, void, undefined> {
    const seenCursors = new Set<string>();
    let cursor = this.options.cursor;
    let remaining = this.options.maxItems ?? Number.POSITIVE_INFINITY;
    while (remaining > 0) {
      const page = await this.fetchPage(cursor);
      remaining -= page.items.length;
      yield page;
      if (page.items.length === 0 || page.nextCursor === undefined || seenCursors.has(page.nextCursor))
        return;
      seenCursors.add(page.nextCursor);
      cursor = page.nextCursor;
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<WithMetadata<T>, void, undefined> {
    let remaining = this.options.maxItems ?? Number.POSITIVE_INFINITY;
    for await (const page of this.pages()) {
      for (const item of page.items) {
        if (remaining <= 0) return;
        remaining -= 1;
        yield item;
      }
    }
  }

  /** Collects the items; `maxItems` here tightens the list's own limit. */
  async toArray(options: { maxItems?: number } = {}): Promise<WithMetadata<T>[]> {
    const limit = options.maxItems;
    if (limit !== undefined && (!Number.isSafeInteger(limit) || limit < 1)) {
      throw new InvalidRequestError('`maxItems` must be a positive integer', { field: 'maxItems' });
    }
    const maxItems = Math.min(
      limit ?? Number.POSITIVE_INFINITY,
      this.options.maxItems ?? Number.POSITIVE_INFINITY,
    );
    const items: WithMetadata<T>[] = [];
    for await (const item of new Paginated(this.fetchPage, { ...this.options, maxItems })) items.push(item);
    return items;
  }
}
