import { describe, expect, it } from 'vitest';
import {
  flow,
  ScriptedProvider,
  summaryOf,
  template,
  testCapabilities,
} from '../__fixtures__/scripted-provider.js';
import { BspError } from '../errors/bsp-error.js';
import {
  InvalidRequestError,
  NotFoundError,
  type UnsupportedOperationError,
} from '../errors/error-classes.js';
import type { ProviderCallContext } from '../provider/call-context.js';
import { FakeClock } from '../testing/fake-clock.js';
import { createClient } from './create-client.js';

function setup(capabilities = testCapabilities) {
  const provider = new ScriptedProvider(capabilities);
  return { provider, client: createClient({ provider, rateLimit: false }) };
}

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return BspError.isInstance(error) ? `${error.code}:${error.field}` : String(error);
  }
  return undefined;
}

describe('input checks before any request', () => {
  it('refuses names, languages and ids with surrounding white space or a lone surrogate, before sending', async () => {
    const { provider, client } = setup();
    for (const [call, field] of [
      [() => client.templates.get({ name: ' order_update', language: 'en_US' }), 'name'],
      [() => client.templates.get({ name: 'order_update', language: 'en_US\n' }), 'language'],
      [() => client.templates.get({ id: '123 ' }), 'id'],
      [() => client.flows.get(' 42'), 'id'],
      [() => client.templates.list({ name: 'order_update ' }).toArray(), 'name'],
      [() => client.templates.get({ name: 'order_\ud800update', language: 'en_US' }), 'name'],
      [() => client.flows.get('12\udc0034'), 'id'],
    ] as [() => Promise<unknown>, string][]) {
      await expect(Promise.resolve().then(call), field).rejects.toMatchObject({
        code: 'INVALID_REQUEST',
        field,
        outcome: 'not-sent',
      });
    }
    expect(provider.calls).toHaveLength(0);
  });

  it("takes template names up to Meta's 512 characters wherever a name is given, and no longer", async () => {
    const { provider, client } = setup();
    const longest = 'n'.repeat(512);
    provider.script.getTemplate.push({ value: template(longest) });
    await expect(client.templates.get({ name: longest, language: 'en_US' })).resolves.toMatchObject({
      name: longest,
    });
    provider.script.listTemplates.push({ value: { items: [summaryOf(template(longest))] } });
    await expect(client.templates.list({ name: longest }).toArray()).resolves.toHaveLength(1);
    provider.script.deleteTemplate.push({ value: {} });
    await expect(client.templates.delete({ name: longest })).resolves.toMatchObject({
      deleted: [{ name: longest }],
    });
    const sent = provider.calls.length;
    const tooLong = 'n'.repeat(513);
    const calls: (() => Promise<unknown>)[] = [
      () => client.templates.get({ name: tooLong, language: 'en_US' }),
      () => client.templates.list({ name: tooLong }).toArray(),
      () => client.templates.delete({ name: tooLong }),
      () => client.templates.waitForStatus({ name: tooLong, language: 'en_US' }),
    ];
    for (const call of calls) {
      await expect(Promise.resolve().then(call)).rejects.toMatchObject({
        code: 'INVALID_REQUEST',
        field: 'name',
        message: expect.stringContaining('at most 512 characters'),
      });
    }
    expect(provider.calls).toHaveLength(sent);
    // Other identifiers keep their limit.
    await expect(client.templates.get({ id: 'i'.repeat(257) })).rejects.toMatchObject({ field: 'id' });
  });

  it('refuses a language that is not a WhatsApp language code, before sending', async () => {
    const { provider, client } = setup();
    for (const language of ['english', 'e', 'en_', 'en US', '1234']) {
      await expect(client.templates.get({ name: 'x', language }), language).rejects.toMatchObject({
        field: 'language',
      });
    }
    for (const language of ['en', 'fil', 'en_US', 'zh_CN', 'es_LA', 'pt-BR']) {
      provider.script.getTemplate.push({ value: template('x', language) });
      await expect(client.templates.get({ name: 'x', language })).resolves.toMatchObject({ language });
    }
  });

  it('rejects bad ids, page sizes, limits and options, naming the field', async () => {
    const { provider, client } = setup();
    await expect(client.flows.get('')).rejects.toMatchObject({ code: 'INVALID_REQUEST', field: 'id' });
    await expect(client.flows.get(42 as unknown as string)).rejects.toMatchObject({ field: 'id' });
    await expect(client.flows.preview('a\u0000b')).rejects.toMatchObject({ field: 'id' });
    await expect(client.flows.get('1', { timeoutMs: 0 })).rejects.toMatchObject({ field: 'timeoutMs' });
    await expect(client.flows.get('1', { retries: 3 } as never)).rejects.toMatchObject({ field: 'retries' });
    expect(fieldOf(() => client.flows.list({ pageSize: 51 }))).toBe('INVALID_REQUEST:pageSize');
    expect(fieldOf(() => client.flows.list({ pageSize: 1.5 }))).toBe('INVALID_REQUEST:pageSize');
    expect(fieldOf(() => client.flows.list({ maxItems: -1 }))).toBe('INVALID_REQUEST:maxItems');
    expect(fieldOf(() => client.flows.list({ page_size: 5 } as never))).toBe('INVALID_REQUEST:page_size');
    expect(fieldOf(() => client.templates.list({ status: 'approved' as never }))).toBe('UNSUPPORTED:status');
    expect(fieldOf(() => client.templates.list({ name: '' }))).toBe('INVALID_REQUEST:name');
    await expect(client.templates.get({ name: 'x' } as never)).rejects.toMatchObject({ field: 'language' });
    await expect(client.templates.get({ id: '1', language: 'en' } as never)).rejects.toMatchObject({
      field: 'language',
    });
    expect(provider.calls).toHaveLength(0);
  });

  it('checks filter values against the model and filter support against capabilities', () => {
    const { client } = setup({
      ...testCapabilities,
      templates: {
        ...testCapabilities.templates,
        list: { ...testCapabilities.templates.list, filters: ['status'] },
      },
    });
    expect(fieldOf(() => client.templates.list({ status: 'approved' as never }))).toBe(
      'INVALID_REQUEST:status',
    );
    expect(fieldOf(() => client.templates.list({ name: 'x' }))).toBe('UNSUPPORTED:name');
    const error = (() => {
      try {
        client.templates.list({ language: 'en' });
      } catch (e) {
        return e as UnsupportedOperationError;
      }
    })();
    expect(error?.message).toBe('scripted cannot filter templates by `language`; it supports: status');
  });

  it('passes validated filters and the page size to the adapter', async () => {
    const { provider, client } = setup();
    provider.script.listTemplates.push({ value: { items: [summaryOf(template('a'))] } });
    await client.templates.list({ name: 'a', language: 'en_US', pageSize: 5 }).toArray();
    expect(provider.calls[0]?.request).toEqual({ name: 'a', language: 'en_US', pageSize: 5 });
  });
});

describe('templates.list({ withComponents: true })', () => {
  it('fetches each template in order when the vendor list has no components', async () => {
    const { provider, client } = setup();
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    provider.script.listTemplates.push({
      value: { items: names.map((n) => summaryOf(template(n))), total: 6 },
    });
    let inFlight = 0;
    let maxInFlight = 0;
    for (const name of [...names].reverse()) {
      provider.script.getTemplate.push(async () => {
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 1));
        inFlight -= 1;
        return { value: template(name) };
      });
    }
    const pages = [];
    for await (const page of client.templates.list({ withComponents: true }).pages()) pages.push(page);
    const items = pages.flatMap((page) => page.items);
    // Each detail answer goes to the request that asked for it, so the order is the list's; the
    // vendor gets by id natively, so each template is fetched by the id the list gave.
    const requested = provider.calls.filter((c) => c.operation === 'getTemplate').map((c) => c.request);
    expect(requested).toEqual(names.map((name) => ({ id: `${name}-en_US` })));
    expect(items).toHaveLength(6);
    expect(items.every((item) => item.components.length > 0)).toBe(true);
    expect(maxInFlight).toBeLessThanOrEqual(4);
    expect(pages[0]?.total).toBe(6);
  });

  it('fetches nothing more when the vendor list already has components', async () => {
    const { provider, client } = setup({
      ...testCapabilities,
      templates: {
        ...testCapabilities.templates,
        list: { ...testCapabilities.templates.list, includesComponents: true },
      },
    });
    provider.script.listTemplates.push({ value: { items: [template('a')] } });
    const items = await client.templates.list({ withComponents: true }).toArray();
    expect(items[0]?.components).toEqual([{ type: 'BODY', text: 'Hello from a' }]);
    expect(provider.calls).toHaveLength(1);
  });
});

describe('templates.get by id on a vendor without a get-by-id call', () => {
  const scanning = {
    ...testCapabilities,
    templates: {
      list: { ...testCapabilities.templates.list, includesComponents: true },
      get: { byId: 'scan', byNameAndLanguage: 'native' },
    },
  } as const;

  it('scans the list with the largest pages and returns the match', async () => {
    const { provider, client } = setup(scanning);
    provider.script.listTemplates.push(
      { value: { items: [template('a')], nextCursor: 'n' } },
      { value: { items: [template('b'), template('c')] } },
    );
    const found = await client.templates.get({ id: 'b-en_US' });
    expect(found.name).toBe('b');
    expect(provider.calls.map((c) => c.request)).toEqual([{ pageSize: 100 }, { pageSize: 100, cursor: 'n' }]);
  });

  it('throws NotFoundError when no page has it', async () => {
    const { provider, client } = setup(scanning);
    provider.script.listTemplates.push({ value: { items: [template('a')] } });
    await expect(client.templates.get({ id: 'zzz' })).rejects.toSatisfy(NotFoundError.isInstance);
  });
});

describe('rate limiting', () => {
  it('paces each operation at the budget from capabilities, overridable per operation', async () => {
    const provider = new ScriptedProvider({ ...testCapabilities, rateLimits: { 'flows.get': 5 } });
    const clock = new FakeClock(1_000_000);
    const client = createClient({ provider, clock, rateLimit: { perOperation: { 'flows.preview': 2 } } });
    const times: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      provider.script.getFlow.push(async (_ctx: ProviderCallContext) => {
        times.push(clock.now());
        return { value: flow(String(i)) };
      });
    }
    for (let i = 0; i < 4; i += 1) await client.flows.get(String(i));
    expect(times.map((t) => t - 1_000_000)).toEqual([0, 200, 400, 600]);
  });

  it('can be turned off', async () => {
    const provider = new ScriptedProvider({ ...testCapabilities, rateLimits: { 'flows.get': 1 } });
    const clock = new FakeClock();
    const client = createClient({ provider, clock, rateLimit: false });
    provider.script.getFlow.push({ value: flow('1') }, { value: flow('2') });
    await client.flows.get('1');
    await client.flows.get('2');
    expect(clock.sleeps).toEqual([]);
  });
});

describe('createClient', () => {
  it('refuses bad settings with a ConfigError naming the field', () => {
    const provider = new ScriptedProvider();
    expect(() => createClient({ provider, retry: { maxAttempts: 0 } })).toThrow(/retry\.maxAttempts/);
    expect(() => createClient({ provider, timeoutMs: -1 })).toThrow(/timeoutMs/);
    expect(() => createClient({ provider: {} as never })).toThrow(/provider/);
    expect(() =>
      createClient({ provider, rateLimit: { perOperation: { 'flows.destroy': 1 } as never } }),
    ).toThrow(/rateLimit\.perOperation/);
  });

  it('throws InvalidRequestError, not a TypeError, for a non-object query', () => {
    const { client } = setup();
    expect(() => client.flows.list('x' as never)).toThrowError(InvalidRequestError);
  });
});
