import { describe, expect, it } from 'vitest';
import { FakeTemplateVendor } from '../../__fixtures__/fake-template-vendor.js';
import { ScriptedProvider, template, testCapabilities } from '../../__fixtures__/scripted-provider.js';
import type { BspError } from '../../errors/bsp-error.js';
import {
  AuthenticationError,
  InvalidRequestError,
  NotFoundError,
  ProviderUnavailableError,
  UnsupportedOperationError,
} from '../../errors/error-classes.js';
import type { TemplateDraft } from '../../model/inputs/template-draft.js';
import type { ProviderV1 } from '../../provider/provider-v1.js';
import { FakeClock } from '../../testing/fake-clock.js';
import { createClient } from '../create-client.js';
import type { RequestEvent } from '../pipeline/hooks.js';

function clientFor(provider: ProviderV1, requests: RequestEvent[] = []) {
  return createClient({
    provider,
    rateLimit: false,
    clock: new FakeClock(),
    random: () => 0,
    hooks: { onRequest: (event) => requests.push(event) },
  });
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('the call should fail'),
    (error: unknown) => error as BspError,
  );

const reset = () => new ProviderUnavailableError('connection reset', { provider: 'fake' });

function draft(name: string, language: string): TemplateDraft {
  return { name, language, category: 'UTILITY', components: [{ type: 'BODY', text: `Hello from ${name}` }] };
}

/** `promo` in three languages among others, on a vendor whose pages hold two templates. */
function vendorWithPromo(options: ConstructorParameters<typeof FakeTemplateVendor>[0] = {}) {
  const vendor = new FakeTemplateVendor(options);
  vendor.seed(draft('promo', 'en_US'));
  vendor.seed(draft('other', 'en_US'));
  vendor.seed(draft('promo', 'id'));
  // The fake's name filter matches parts of names, as a vendor's may: this one must survive.
  vendor.seed(draft('promo_old', 'en_US'));
  vendor.seed(draft('promo', 'pt_BR'));
  return vendor;
}

describe('templates.delete({ name }) where the vendor deletes one template at a time', () => {
  it('lists every page of the name, then deletes each of its languages', async () => {
    const vendor = vendorWithPromo();
    const requests: RequestEvent[] = [];
    const result = await clientFor(vendor, requests).templates.delete({ name: 'promo' });
    expect(result.deleted).toEqual([
      { name: 'promo', language: 'en_US', id: '101' },
      { name: 'promo', language: 'id', id: '103' },
      { name: 'promo', language: 'pt_BR', id: '105' },
    ]);
    // Every page is read before the first delete, so deleting cannot shift the pages.
    expect(requests.map((r) => r.operation)).toEqual([
      'templates.list',
      'templates.list',
      'templates.delete',
      'templates.delete',
      'templates.delete',
    ]);
    expect(requests[0]?.request).toEqual({ pageSize: 2, name: 'promo' });
    expect(vendor.has('promo_old', 'en_US')).toBe(true);
    expect(vendor.has('promo', 'id')).toBe(false);
    expect(vendor.writes.map((w) => w.request)).toEqual([
      { scope: 'language', id: '101', name: 'promo', language: 'en_US' },
      { scope: 'language', id: '103', name: 'promo', language: 'id' },
      { scope: 'language', id: '105', name: 'promo', language: 'pt_BR' },
    ]);
    expect(result.$metadata).toMatchObject({ provider: 'fake', attempts: 3, requestId: 'delete-3' });
  });

  it('lists everything and keeps the name where the vendor cannot filter by name', async () => {
    const vendor = vendorWithPromo({ filters: ['language'] });
    const requests: RequestEvent[] = [];
    const result = await clientFor(vendor, requests).templates.delete({ name: 'promo' });
    expect(result.deleted.map((entry) => entry.language)).toEqual(['en_US', 'id', 'pt_BR']);
    expect(requests[0]?.request).toEqual({ pageSize: 2 });
    expect(requests.filter((r) => r.operation === 'templates.list')).toHaveLength(3);
  });

  it('throws NotFoundError when no template has the name, deleting nothing', async () => {
    const vendor = vendorWithPromo();
    const error = await failure(clientFor(vendor).templates.delete({ name: 'promo_new' }));
    expect(NotFoundError.isInstance(error)).toBe(true);
    expect(error.field).toBe('name');
    expect(vendor.received.delete).toBe(0);
  });

  it('stops at the first failed delete and reports it', async () => {
    const vendor = vendorWithPromo();
    const refusal = new InvalidRequestError('refused', { provider: 'fake', outcome: 'failed' });
    vendor.fail('delete', { error: refusal });
    const error = await failure(clientFor(vendor).templates.delete({ name: 'promo' }));
    expect(error).toBe(refusal);
    expect(vendor.received.delete).toBe(1);
  });
});

describe('templates.delete of one template where the vendor deletes one template at a time', () => {
  it('reads { name, language } for the id, then deletes it', async () => {
    const vendor = vendorWithPromo();
    const result = await clientFor(vendor).templates.delete({ name: 'promo', language: 'id' });
    expect(result.deleted).toEqual([{ name: 'promo', language: 'id', id: '103' }]);
    expect(vendor.writes.map((w) => w.request)).toEqual([
      { scope: 'language', id: '103', name: 'promo', language: 'id' },
    ]);
    expect(vendor.has('promo', 'en_US')).toBe(true);
  });

  it('reads { id } for the name and language, then deletes it', async () => {
    const vendor = vendorWithPromo();
    const result = await clientFor(vendor).templates.delete({ id: '105' });
    expect(result.deleted).toEqual([{ name: 'promo', language: 'pt_BR', id: '105' }]);
    expect(vendor.received).toMatchObject({ get: 1, delete: 1 });
  });

  it('throws NotFoundError, deleting nothing, when the template does not exist', async () => {
    const vendor = vendorWithPromo();
    const error = await failure(clientFor(vendor).templates.delete({ name: 'promo', language: 'fr' }));
    expect(NotFoundError.isInstance(error)).toBe(true);
    expect(vendor.received.delete).toBe(0);
  });
});

describe('templates.delete where the vendor deletes every language of a name', () => {
  it('deletes { name } in one call, naming no language', async () => {
    const vendor = vendorWithPromo({ deleteScopes: ['name'] });
    const requests: RequestEvent[] = [];
    const result = await clientFor(vendor, requests).templates.delete({ name: 'promo' });
    expect(result.deleted).toEqual([{ name: 'promo' }]);
    expect(requests.map((r) => r.operation)).toEqual(['templates.delete']);
    expect(vendor.writes.map((w) => w.request)).toEqual([{ scope: 'name', name: 'promo' }]);
    expect(vendor.has('promo_old', 'en_US')).toBe(true);
  });

  it('refuses one language or one id before sending anything', async () => {
    const vendor = vendorWithPromo({ deleteScopes: ['name'] });
    const client = clientFor(vendor);
    for (const reference of [{ name: 'promo', language: 'id' }, { id: '103' }]) {
      const error = await failure(client.templates.delete(reference));
      expect(UnsupportedOperationError.isInstance(error)).toBe(true);
      expect(error.message).toContain('every language');
      expect(error.message).toContain('{ name }');
    }
    expect(vendor.received).toMatchObject({ get: 0, list: 0, delete: 0 });
  });
});

describe('templates.delete on a provider that does not say its scopes', () => {
  it('takes both as native: { name } is one call', async () => {
    const vendor = new ScriptedProvider();
    vendor.script.deleteTemplate.push({ value: {} });
    const result = await clientFor(vendor).templates.delete({ name: 'promo' });
    expect(result.deleted).toEqual([{ name: 'promo' }]);
    expect(vendor.calls.map((c) => [c.operation, c.request])).toEqual([
      ['deleteTemplate', { scope: 'name', name: 'promo' }],
    ]);
  });
});

describe('templates.delete retries', () => {
  it('counts "not found" on a retry after an unknown outcome as done', async () => {
    const vendor = new ScriptedProvider();
    vendor.script.getTemplate.push(
      { value: template('promo') },
      // The look-up after the unknown attempt still finds the template (the vendor is slow to show it gone).
      { value: template('promo') },
    );
    vendor.script.deleteTemplate.push(
      reset(),
      new NotFoundError('no such template', { provider: 'scripted' }),
    );
    const result = await clientFor(vendor).templates.delete({ name: 'promo', language: 'en_US' });
    expect(result.$metadata).toMatchObject({ reconciled: true, attempts: 2 });
    expect(vendor.calls.map((c) => c.operation)).toEqual([
      'getTemplate',
      'deleteTemplate',
      'getTemplate',
      'deleteTemplate',
    ]);
  });

  it('takes a delete found applied after an unknown outcome as done, without sending it again', async () => {
    const vendor = vendorWithPromo();
    vendor.fail('delete', { error: reset(), applied: true });
    const result = await clientFor(vendor).templates.delete({ name: 'promo', language: 'id' });
    expect(result.$metadata).toMatchObject({ reconciled: true, attempts: 1 });
    expect(vendor.received.delete).toBe(1);
  });

  it('checks a whole-name delete by listing the name after an unknown outcome', async () => {
    const vendor = vendorWithPromo({ deleteScopes: ['name'] });
    vendor.fail('delete', { error: reset(), applied: true });
    const result = await clientFor(vendor).templates.delete({ name: 'promo' });
    expect(result.$metadata.reconciled).toBe(true);
    expect(vendor.received.delete).toBe(1);
  });

  it('reports "not found" as it is when no attempt was uncertain', async () => {
    const vendor = new ScriptedProvider();
    const gone = new NotFoundError('no such template', { provider: 'scripted' });
    vendor.script.deleteTemplate.push(gone);
    const error = await failure(clientFor(vendor).templates.delete({ name: 'promo' }));
    expect(error).toBe(gone);
  });
});

describe('templates.delete: a refusal confirmed by a look-up', () => {
  /** As NXCloud relays "Message template does not exist": a failure that says nothing of why. */
  const refusal = () =>
    new InvalidRequestError('(#100) Invalid parameter', {
      provider: 'fake',
      outcome: 'failed',
      vendorCode: 400,
      requestId: 'delete-refused',
    });

  it('is a NotFoundError, with the refusal as its cause, when no template has the name', async () => {
    const vendor = new FakeTemplateVendor({ deleteScopes: ['name'] });
    vendor.seed(draft('other', 'en_US'));
    const refused = refusal();
    vendor.fail('delete', { error: refused });
    const requests: RequestEvent[] = [];
    const error = await failure(clientFor(vendor, requests).templates.delete({ name: 'gone' }));
    expect(NotFoundError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      provider: 'fake',
      field: 'name',
      outcome: 'failed',
      vendorCode: 400,
      requestId: 'delete-refused',
    });
    expect(error.message).toContain("fake has no template named 'gone'");
    expect(error.cause).toBe(refused);
    expect(requests.map((r) => r.operation)).toEqual(['templates.delete', 'templates.list']);
  });

  it('stays the refusal it was while a template has the name, or when the look-up fails', async () => {
    const vendor = vendorWithPromo({ deleteScopes: ['name'] });
    const refused = refusal();
    vendor.fail('delete', { error: refused });
    expect(await failure(clientFor(vendor).templates.delete({ name: 'promo' }))).toBe(refused);
    expect(vendor.has('promo', 'en_US')).toBe(true);

    const blind = new FakeTemplateVendor({ deleteScopes: ['name'] });
    const refusedAgain = refusal();
    blind.fail('delete', { error: refusedAgain });
    blind.fail('list', { error: new AuthenticationError('expired', { provider: 'fake' }) });
    expect(await failure(clientFor(blind).templates.delete({ name: 'gone' }))).toBe(refusedAgain);
  });

  it('is a NotFoundError when one language, read before the delete, is gone when the look-up reads it', async () => {
    const vendor = new ScriptedProvider();
    const refused = new InvalidRequestError('refused', { provider: 'scripted', outcome: 'failed' });
    vendor.script.getTemplate.push(
      { value: template('promo') },
      new NotFoundError('no such template', { provider: 'scripted' }),
    );
    vendor.script.deleteTemplate.push(refused);
    const error = await failure(clientFor(vendor).templates.delete({ name: 'promo', language: 'en_US' }));
    expect(NotFoundError.isInstance(error)).toBe(true);
    expect(error.message).toContain("no template 'promo' (en_US)");
    expect(error.cause).toBe(refused);
  });
});

describe('templates.delete input', () => {
  it('refuses bad references before sending anything, naming the field', async () => {
    const vendor = vendorWithPromo();
    const client = clientFor(vendor);
    const cases: [unknown, string][] = [
      [undefined, 'undefined'],
      [{ name: '' }, 'name'],
      [{ name: 'promo', language: 'Indonesian' }, 'language'],
      [{ id: 103 }, 'id'],
      [{ id: '103', name: 'promo' }, 'name'],
      [{ name: 'promo', lang: 'id' }, 'lang'],
      ['promo', 'undefined'],
    ];
    for (const [reference, field] of cases) {
      const error = await failure(client.templates.delete(reference as never));
      expect([error.code, String(error.field)], field).toEqual(['INVALID_REQUEST', field]);
    }
    expect(vendor.received).toMatchObject({ get: 0, list: 0, delete: 0 });
  });

  it('is refused before sending by a provider that cannot delete templates', async () => {
    const vendor = new ScriptedProvider(testCapabilities, ['doDelete']);
    const error = await failure(clientFor(vendor).templates.delete({ name: 'promo' }));
    expect(UnsupportedOperationError.isInstance(error)).toBe(true);
    expect(error.message).toContain('templates.delete');
    expect(vendor.calls).toEqual([]);
  });
});
