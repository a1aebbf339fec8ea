import { ResponseFormatError } from '../../errors/error-classes.js';
import { optionalPositiveInteger } from '../../model/inputs/input-checks.js';
import type { WithMetadata } from '../../model/metadata.js';
import type { Page } from '../../model/page.js';

/** A page as the client yields it: the user-facing opaque cursor, and `$metadata`. */
export type ClientPage<T> = WithMetadata<Page<WithMetadata<T>>>;

export type FetchPage<T> = (cursor: string | undefined) => Promise<ClientPage<T>>;

/**
 * A lazy list: iterate its items with `for await`, its pages with `.pages()`, or collect with
 * `.toArray()`. Nothing is fetched until iteration starts; the next page is fetched only when
 * the current one is consumed, so one page is in memory at a time. Iteration ends on the last
 * page, on an empty page, on a cursor seen before (a vendor looping), or at `maxItems`.
 *
 * A vendor that ignores paging cannot make a list endless: a page with the same items as the one
 * before it, or more items than the vendor's own `total` (with a page of slack for items added
 * meanwhile), ends the list with a ResponseFormatError before those items are yielded.
 */
export class Paginated<T> implements AsyncIterable<WithMetadata<T>> {
  /** @internal Made by the client's list methods. */
  constructor(
    private readonly fetchPage: FetchPage<T>,
    private readonly options: { maxItems?: number; cursor?: string },
  ) {}

  async *pages(): AsyncGenerator<ClientPage<T>, void, undefined> {
    const seenCursors = new Set<string>();
    let cursor = this.options.cursor;
    let remaining = this.options.maxItems ?? Number.POSITIVE_INFINITY;
    let previousPage: string | undefined;
    let fetched = 0;
    while (remaining > 0) {
      const page = await this.fetchPage(cursor);
      const thisPage = pageIdentity(page.items);
      if (thisPage !== undefined && thisPage === previousPage) {
        throw new ResponseFormatError(
          `${page.$metadata.provider} answered the same page again for the next cursor; the list was stopped instead of being read forever`,
          { provider: page.$metadata.provider },
        );
      }
      previousPage = thisPage;
      fetched += page.items.length;
      if (page.total !== undefined && fetched > page.total + page.items.length) {
        throw new ResponseFormatError(
          `${page.$metadata.provider} kept answering pages past the ${page.total} items it reports in all; the list was stopped`,
          { provider: page.$metadata.provider },
        );
      }
      remaining -= page.items.length;
      yield page;
      if (page.items.length === 0 || page.nextCursor === undefined || seenCursors.has(page.nextCursor))
        return;
      seenCursors.add(page.nextCursor);
      cursor = page.nextCursor;
    }
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<WithMetadata<T>> {
    return new ItemIterator(this.pages(), this.options.maxItems ?? Number.POSITIVE_INFINITY);
  }

  /** Collects the items; `maxItems` here tightens the list's own limit. */
  async toArray(options: { maxItems?: number } = {}): Promise<WithMetadata<T>[]> {
    const limit = optionalPositiveInteger(options.maxItems, 'maxItems');
    const maxItems = Math.min(
      limit ?? Number.POSITIVE_INFINITY,
      this.options.maxItems ?? Number.POSITIVE_INFINITY,
    );
    const items: WithMetadata<T>[] = [];
    for await (const item of new Paginated(this.fetchPage, { ...this.options, maxItems })) items.push(item);
    return items;
  }
}

/** The ids of a page's items in order, when every item has one; what a repeated page repeats. */
function pageIdentity(items: readonly unknown[]): string | undefined {
  if (items.length === 0) return undefined;
  let identity = '';
  for (const item of items) {
    const id = (item as { id?: unknown }).id;
    if (typeof id !== 'string') return undefined;
    identity += `${id}\u0000`;
  }
  return identity;
}

/**
 * The items of each page in turn. A plain object rather than an async generator: once V8
 * optimizes a generator, its suspended frame can keep a consumed page reachable in a stale
 * register for the rest of the iteration, and a long listing must hold one page at a time.
 */
class ItemIterator<T> implements AsyncIterableIterator<T> {
  private items: readonly T[] = [];
  private index = 0;
  /** Calls run one after another, as they would on a generator. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly pages: AsyncGenerator<{ readonly items: readonly T[] }, void, undefined>,
    private remaining: number,
  ) {}

  next(): Promise<IteratorResult<T, undefined>> {
    return this.enqueue(() => this.advance());
  }

  return(): Promise<IteratorResult<T, undefined>> {
    return this.enqueue(() => this.finish());
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private async advance(): Promise<IteratorResult<T, undefined>> {
    while (this.index >= this.items.length) {
      if (this.remaining <= 0) return this.finish();
      const page = await this.pages.next();
      if (page.done) return this.finish();
      this.items = page.value.items;
      this.index = 0;
    }
    if (this.remaining <= 0) return this.finish();
    this.remaining -= 1;
    return { done: false, value: this.items[this.index++]! };
  }

  private async finish(): Promise<IteratorResult<T, undefined>> {
    this.items = [];
    this.remaining = 0;
    await this.pages.return();
    return { done: true, value: undefined };
  }

  private enqueue<R>(step: () => Promise<R>): Promise<R> {
    const result = this.queue.then(step);
    this.queue = result.catch(() => {});
    return result;
  }
}
