import { describe, expect, it } from 'vitest';
import { flowSummary, ScriptedProvider, summaryOf, template } from '../../__fixtures__/scripted-provider.js';
import { InvalidRequestError, ResponseFormatError } from '../../errors/error-classes.js';
import { createClient } from '../create-client.js';
import { encodeCursor } from './cursor.js';

function setup() {
  const provider = new ScriptedProvider();
  const client = createClient({ provider, rateLimit: false });
  return { provider, client };
}

const page = (ids: string[], nextCursor?: string) => ({
  value: { items: ids.map(flowSummary), ...(nextCursor ? { nextCursor } : {}) },
});

describe('pagination', () => {
  it('follows the vendor cursor across three pages to the end', async () => {
    const { provider, client } = setup();
    provider.script.listFlows.push(page(['1', '2'], 'c2'), page(['3', '4'], 'c3'), page(['5']));
    const ids = [];
    for await (const flow of client.flows.list({ pageSize: 2 })) ids.push(flow.id);
    expect(ids).toEqual(['1', '2', '3', '4', '5']);
    expect(provider.calls.map((call) => call.request)).toEqual([
      { pageSize: 2 },
      { pageSize: 2, cursor: 'c2' },
      { pageSize: 2, cursor: 'c3' },
    ]);
  });

  it('hands out opaque cursors that resume where a page left off', async () => {
    const { provider, client } = setup();
    provider.script.listFlows.push(page(['1'], 'vendor-cursor'), page(['2']));
    const first = await client.flows.list({ maxItems: 1 }).pages().next();
    const cursor = first.value?.nextCursor;
    expect(cursor).toBeDefined();
    expect(cursor).not.toContain('vendor-cursor');
    const rest = await client.flows.list({ cursor: cursor! }).toArray();
    expect(rest.map((flow) => flow.id)).toEqual(['2']);
    expect(provider.calls[1]?.request).toEqual({ pageSize: 10, cursor: 'vendor-cursor' });
  });

  it('stops when the vendor repeats a cursor instead of looping forever', async () => {
    const { provider, client } = setup();
    provider.script.listFlows.push(page(['1'], 'same'), page(['2'], 'same'), page(['3'], 'same'));
    const items = await client.flows.list().toArray();
    expect(items.map((flow) => flow.id)).toEqual(['1', '2']);
    expect(provider.calls).toHaveLength(2);
  });

  it('stops on an empty page even if it carries a cursor', async () => {
    const { provider, client } = setup();
    provider.script.listFlows.push(page(['1'], 'c2'), page([], 'c3'), page(['never']));
    expect((await client.flows.list().toArray()).map((flow) => flow.id)).toEqual(['1']);
    expect(provider.calls).toHaveLength(2);
  });

  it('stops at maxItems without fetching another page', async () => {
    const { provider, client } = setup();
    provider.script.listFlows.push(page(['1', '2'], 'c2'), page(['3', '4'], 'c3'));
    expect((await client.flows.list({ pageSize: 2, maxItems: 2 }).toArray()).map((f) => f.id)).toEqual([
      '1',
      '2',
    ]);
    expect(provider.calls).toHaveLength(1);
  });

  it('asks the vendor for no more items than maxItems', async () => {
    const { provider, client } = setup();
    provider.script.listFlows.push(page(['1', '2', '3']));
    await client.flows.list({ pageSize: 50, maxItems: 3 }).toArray();
    expect(provider.calls[0]?.request).toEqual({ pageSize: 3 });
  });

  it('lets toArray tighten the limit, again without fetching more', async () => {
    const { provider, client } = setup();
    provider.script.listFlows.push(page(['1', '2', '3'], 'c2'), page(['4']));
    expect(await client.flows.list().toArray({ maxItems: 2 })).toHaveLength(2);
    expect(provider.calls).toHaveLength(1);
  });

  it('fetches nothing until iterated, and one page per step', async () => {
    const { provider, client } = setup();
    provider.script.listFlows.push(page(['1'], 'c2'), page(['2']));
    const pages = client.flows.list().pages();
    expect(provider.calls).toHaveLength(0);
    await pages.next();
    expect(provider.calls).toHaveLength(1);
  });

  it('stops fetching when the loop breaks early', async () => {
    const { provider, client } = setup();
    provider.script.listFlows.push(page(['1', '2'], 'c2'), page(['3']));
    const ids = [];
    for await (const flow of client.flows.list()) {
      ids.push(flow.id);
      break;
    }
    expect(ids).toEqual(['1']);
    expect(provider.calls).toHaveLength(1);
  });

  it('serves overlapping next() calls in order, fetching each page once', async () => {
    const { provider, client } = setup();
    provider.script.listFlows.push(page(['1', '2'], 'c2'), page(['3']));
    const items = client.flows.list()[Symbol.asyncIterator]();
    const results = await Promise.all([items.next(), items.next(), items.next(), items.next()]);
    expect(results.map((result) => (result.done ? 'done' : result.value.id))).toEqual([
      '1',
      '2',
      '3',
      'done',
    ]);
    expect(provider.calls).toHaveLength(2);
  });

  it('attaches $metadata to pages and their items', async () => {
    const { provider, client } = setup();
    provider.script.listFlows.push({ ...page(['1']), requestId: 'req-1', httpStatusCode: 200 });
    const result = await client.flows.list().pages().next();
    expect(result.value?.$metadata).toEqual({
      provider: 'scripted',
      requestId: 'req-1',
      httpStatusCode: 200,
      attempts: 1,
      totalRetryDelayMs: 0,
    });
    expect(result.value?.items[0]?.$metadata.requestId).toBe('req-1');
  });

  it('refuses forged cursors and cursors of another provider before any request', () => {
    const { provider, client } = setup();
    for (const cursor of [
      'not-a-cursor!',
      encodeCursor('cams', '2'),
      Buffer.from('{"p":1}').toString('base64url'),
    ]) {
      expect(() => client.flows.list({ cursor })).toThrowError(InvalidRequestError);
    }
    expect(() => client.flows.list({ cursor: encodeCursor('cams', '2') })).toThrowError(
      "`cursor` was issued by provider 'cams' and cannot be used with 'scripted'",
    );
    expect(provider.calls).toHaveLength(0);
  });
});

describe('a vendor that ignores paging', () => {
  it('ends a list whose next page repeats the previous one, before yielding it again', async () => {
    const { provider, client } = setup();
    // A vendor that ignores the page asked for: the same items under a new cursor each time.
    for (let i = 0; i < 5; i += 1) provider.script.listFlows.push(page(['1', '2'], `c${i + 1}`));
    const seen: string[] = [];
    const error = await (async () => {
      for await (const flow of client.flows.list({ pageSize: 2 })) seen.push(flow.id);
    })().catch((e: unknown) => e);
    expect(ResponseFormatError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('same page again');
    expect(seen).toEqual(['1', '2']);
    expect(provider.calls).toHaveLength(2);
  });

  it('ends a templates list the same way', async () => {
    const { provider, client } = setup();
    const templatePage = (nextCursor: string) => ({
      value: { items: [summaryOf(template('a')), summaryOf(template('b'))], nextCursor, total: 1000 },
    });
    provider.script.listTemplates.push(templatePage('p2'), templatePage('p3'), templatePage('p4'));
    const error = await client.templates
      .list()
      .toArray()
      .catch((e: unknown) => e);
    expect(ResponseFormatError.isInstance(error)).toBe(true);
    expect(provider.calls).toHaveLength(2);
  });

  it('ends a list that goes on past the total the vendor reports', async () => {
    const { provider, client } = setup();
    // New items on every page, but the vendor said there are 4 in all.
    for (let i = 0; i < 10; i += 1) {
      provider.script.listTemplates.push({
        value: {
          items: [summaryOf(template(`t${2 * i}`)), summaryOf(template(`t${2 * i + 1}`))],
          nextCursor: `p${i + 2}`,
          total: 4,
        },
      });
    }
    const error = await client.templates
      .list({ pageSize: 2 })
      .toArray()
      .catch((e: unknown) => e);
    expect(ResponseFormatError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('past the 4 items');
    // Two pages make the total, one more is the slack for items added meanwhile; the fourth stops.
    expect(provider.calls).toHaveLength(4);
  });

  it('still reads a list whose pages share no items, and a page that repeats an earlier, not the previous, one', async () => {
    const { provider, client } = setup();
    provider.script.listFlows.push(page(['1', '2'], 'c2'), page(['3', '4'], 'c3'), page(['1', '2']));
    const ids = (await client.flows.list({ pageSize: 2 }).toArray()).map((flow) => flow.id);
    expect(ids).toEqual(['1', '2', '3', '4', '1', '2']);
  });
});
