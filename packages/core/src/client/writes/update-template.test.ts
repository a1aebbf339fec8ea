import { describe, expect, it } from 'vitest';
import { FakeTemplateVendor } from '../../__fixtures__/fake-template-vendor.js';
import { ScriptedProvider, template, testCapabilities } from '../../__fixtures__/scripted-provider.js';
import type { BspError } from '../../errors/bsp-error.js';
import {
  ConflictError,
  InvalidRequestError,
  NotFoundError,
  ProviderUnavailableError,
  UnsupportedOperationError,
} from '../../errors/error-classes.js';
import type { TemplateChanges } from '../../model/inputs/template-changes.js';
import type { ProviderV1 } from '../../provider/provider-v1.js';
import { FakeClock } from '../../testing/fake-clock.js';
import { namedDraft, utilityDraft } from '../../validation/template-draft/__fixtures__/valid-drafts.js';
import { TemplateValidationError } from '../../validation/template-draft/template-validation-error.js';
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

const NEW_BODY: TemplateChanges = {
  components: [
    { type: 'BODY', text: 'Hello {{1}}, thanks for order {{2}}.', example: { bodyText: [['Ana', '#1']] } },
  ],
};

function seeded() {
  const vendor = new FakeTemplateVendor();
  const current = vendor.seed(utilityDraft(), 'REJECTED');
  return { vendor, current };
}

describe('templates.update', () => {
  it('reads the template, then sends its id, name, language, current category and the new components', async () => {
    const { vendor, current } = seeded();
    const requests: RequestEvent[] = [];
    const updated = await clientFor(vendor, requests).templates.update(
      { name: 'order_update', language: 'en_US' },
      NEW_BODY,
    );
    expect(requests.map((r) => r.operation)).toEqual(['templates.get', 'templates.update']);
    expect(vendor.writes).toEqual([
      {
        operation: 'update',
        request: {
          id: current.id,
          name: 'order_update',
          language: 'en_US',
          category: 'UTILITY',
          components: NEW_BODY.components,
        },
      },
    ]);
    expect(updated).toMatchObject({ id: current.id, name: 'order_update', status: 'PENDING' });
    expect(updated.warnings.map((issue) => issue.code)).toEqual(['VENDOR_RULES_UNKNOWN']);
    expect(updated.$metadata).toMatchObject({ provider: 'fake', attempts: 1, requestId: 'update-1' });
  });

  it('takes the template by id too, and sends the category and time to live asked for', async () => {
    const { vendor, current } = seeded();
    await clientFor(vendor).templates.update(
      { id: current.id },
      { ...NEW_BODY, category: 'MARKETING', messageSendTtlSeconds: 86_400 },
    );
    expect(vendor.writes[0]?.request).toMatchObject({
      id: current.id,
      category: 'MARKETING',
      messageSendTtlSeconds: 86_400,
    });
  });

  it('checks named variables as NAMED, from the new components', async () => {
    const vendor = new FakeTemplateVendor();
    vendor.seed(utilityDraft(), 'REJECTED');
    const updated = await clientFor(vendor).templates.update(
      { name: 'order_update', language: 'en_US' },
      { components: namedDraft().components },
    );
    expect(updated.name).toBe('order_update');
  });

  it('refuses bad changes before sending anything, naming the field', async () => {
    const { vendor } = seeded();
    const client = clientFor(vendor);
    const reference = { name: 'order_update', language: 'en_US' };
    const cases: [unknown, unknown, string][] = [
      [reference, undefined, 'components'],
      [reference, { category: 'UTILITY' }, 'components'],
      [reference, { ...NEW_BODY, name: 'renamed' }, 'name'],
      [reference, { ...NEW_BODY, category: 'PROMOTION' }, 'category'],
      [reference, { ...NEW_BODY, messageSendTtlSeconds: 1.5 }, 'messageSendTtlSeconds'],
      [reference, { components: [{ type: 'BODY', txt: 'Hi' }] }, 'components[0].txt'],
      [reference, { components: [{ type: 'FOOTNOTE', text: 'Hi' }] }, 'components[0].type'],
      [{ name: 'order_update' }, NEW_BODY, 'language'],
    ];
    for (const [ref, changes, field] of cases) {
      const error = await failure(client.templates.update(ref as never, changes as never));
      expect({ code: error.code, field: error.field, outcome: error.outcome }, field).toEqual({
        code: 'INVALID_REQUEST',
        field,
        outcome: 'not-sent',
      });
    }
    expect(vendor.received).toMatchObject({ get: 0, update: 0 });
  });

  it('refuses components nested thousands of levels deep before sending anything', async () => {
    const { vendor } = seeded();
    let component: Record<string, unknown> = { type: 'BODY', text: 'Hi' };
    for (let level = 0; level < 5_000; level += 1) {
      component = { type: 'CAROUSEL', cards: [{ components: [component] }] };
    }
    const error = await failure(
      clientFor(vendor).templates.update({ name: 'order_update', language: 'en_US' }, {
        components: [component],
      } as TemplateChanges),
    );
    expect(TemplateValidationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ field: 'components', outcome: 'not-sent' });
    expect(vendor.received).toMatchObject({ get: 0, update: 0 });
  });

  it('checks the rules on the draft the changes make, after the read and before the edit', async () => {
    const { vendor } = seeded();
    const error = await failure(
      clientFor(vendor).templates.update(
        { name: 'order_update', language: 'en_US' },
        { components: [{ type: 'BODY', text: 'Hi {{1}} and {{3}}.', example: { bodyText: [['a', 'b']] } }] },
      ),
    );
    expect(TemplateValidationError.isInstance(error)).toBe(true);
    expect(vendor.received).toMatchObject({ get: 1, update: 0 });
  });

  it("asks for a category when the template's own is unknown", async () => {
    const vendor = new ScriptedProvider();
    vendor.script.getTemplate.push(
      { value: { ...template('legacy'), category: 'UNKNOWN' } },
      {
        value: { ...template('legacy'), category: 'UNKNOWN' },
      },
    );
    vendor.script.updateTemplate.push({ value: { ...template('legacy'), status: 'PENDING' } });
    const client = clientFor(vendor);
    const error = await failure(client.templates.update({ name: 'legacy', language: 'en_US' }, NEW_BODY));
    expect((error as TemplateValidationError).issues?.map((issue) => issue.code)).toContain(
      'CATEGORY_INVALID',
    );
    await client.templates.update(
      { name: 'legacy', language: 'en_US' },
      { ...NEW_BODY, category: 'UTILITY' },
    );
    expect(vendor.calls.map((call) => call.operation)).toEqual([
      'getTemplate',
      'getTemplate',
      'updateTemplate',
    ]);
  });

  it('throws NotFoundError when there is no such template, without sending the edit', async () => {
    const vendor = new FakeTemplateVendor();
    const error = await failure(
      clientFor(vendor).templates.update({ name: 'gone', language: 'en_US' }, NEW_BODY),
    );
    expect(NotFoundError.isInstance(error)).toBe(true);
    expect(vendor.received.update).toBe(0);
  });

  it('is refused before sending by a provider that cannot edit templates', async () => {
    const vendor = new ScriptedProvider(testCapabilities, ['doUpdate']);
    const error = await failure(
      clientFor(vendor).templates.update({ name: 'x', language: 'en_US' }, NEW_BODY),
    );
    expect(UnsupportedOperationError.isInstance(error)).toBe(true);
    expect(error.message).toContain('templates.update');
    expect(vendor.calls).toEqual([]);
  });

  describe('retries', () => {
    it('sends the edit again after an unknown outcome when a read shows it was not applied', async () => {
      const { vendor } = seeded();
      vendor.fail('update', { error: reset() });
      const updated = await clientFor(vendor).templates.update(
        { name: 'order_update', language: 'en_US' },
        NEW_BODY,
      );
      expect(vendor.received.update).toBe(2);
      expect(updated.$metadata).toMatchObject({ attempts: 2 });
      expect(updated.$metadata.reconciled).toBeUndefined();
    });

    it('takes an edit found applied after an unknown outcome as done, without sending it again', async () => {
      const { vendor } = seeded();
      vendor.fail('update', { error: reset(), applied: true });
      const updated = await clientFor(vendor).templates.update(
        { name: 'order_update', language: 'en_US' },
        NEW_BODY,
      );
      expect(vendor.received.update).toBe(1);
      expect(updated.$metadata).toMatchObject({ reconciled: true, attempts: 1 });
    });
  });

  describe('a refusal confirmed by a read', () => {
    it('becomes a NotFoundError when the template is gone', async () => {
      const vendor = new ScriptedProvider();
      const refusal = new InvalidRequestError('template_id invalid', {
        provider: 'scripted',
        outcome: 'failed',
      });
      vendor.script.getTemplate.push(
        { value: template('order_update') },
        new NotFoundError('gone', { provider: 'scripted' }),
      );
      vendor.script.updateTemplate.push(refusal);
      const error = await failure(
        clientFor(vendor).templates.update({ name: 'order_update', language: 'en_US' }, NEW_BODY),
      );
      expect(NotFoundError.isInstance(error)).toBe(true);
      expect(error.cause).toBe(refusal);
    });

    it('stays the refusal it was while the template exists', async () => {
      const vendor = new ScriptedProvider();
      const refusal = new InvalidRequestError('cannot edit', { provider: 'scripted', outcome: 'failed' });
      vendor.script.getTemplate.push(
        { value: template('order_update') },
        { value: template('order_update') },
      );
      vendor.script.updateTemplate.push(refusal);
      const error = await failure(
        clientFor(vendor).templates.update({ name: 'order_update', language: 'en_US' }, NEW_BODY),
      );
      expect(error).toBe(refusal);
    });

    it('becomes a ConflictError with the status read when the vendor does not edit templates in that status', async () => {
      const vendor = new FakeTemplateVendor({ refusesUpdateIn: ['APPROVED'] });
      vendor.seed(utilityDraft(), 'APPROVED');
      const requests: RequestEvent[] = [];
      const error = await failure(
        clientFor(vendor, requests).templates.update({ name: 'order_update', language: 'en_US' }, NEW_BODY),
      );
      expect(ConflictError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({
        state: 'APPROVED',
        outcome: 'failed',
        vendorCode: 'ModifyRefused',
        requestId: 'update-1',
      });
      expect(error.message).toContain("refused to edit template 'order_update' (en_US): it is APPROVED");
      expect(InvalidRequestError.isInstance(error.cause)).toBe(true);
      expect(error.cause).toMatchObject({ vendorCode: 'ModifyRefused' });
      // Read, edit refused, read to confirm; nothing sent again.
      expect(requests.map((r) => r.operation)).toEqual([
        'templates.get',
        'templates.update',
        'templates.get',
      ]);
      expect(vendor.received.update).toBe(1);
    });

    it('stays the refusal it was in a status the vendor edits, or where the vendor names no such status', async () => {
      const refusing = new FakeTemplateVendor({ refusesUpdateIn: ['APPROVED'] });
      refusing.seed(utilityDraft(), 'REJECTED');
      const refusal = new InvalidRequestError('content refused', { provider: 'fake', outcome: 'failed' });
      refusing.fail('update', { error: refusal });
      const rejected = await failure(
        clientFor(refusing).templates.update({ name: 'order_update', language: 'en_US' }, NEW_BODY),
      );
      expect(rejected).toBe(refusal);

      const silent = new FakeTemplateVendor();
      silent.seed(utilityDraft(), 'APPROVED');
      const unexplained = new InvalidRequestError('cannot edit', { provider: 'fake', outcome: 'failed' });
      silent.fail('update', { error: unexplained });
      const approved = await failure(
        clientFor(silent).templates.update({ name: 'order_update', language: 'en_US' }, NEW_BODY),
      );
      expect(approved).toBe(unexplained);
    });

    it("passes an adapter's ConflictError (a status the vendor does not edit) through", async () => {
      const vendor = new ScriptedProvider();
      const conflict = new ConflictError('approved templates cannot be edited', {
        provider: 'scripted',
        state: 'APPROVED',
      });
      vendor.script.getTemplate.push({ value: template('order_update') });
      vendor.script.updateTemplate.push(conflict);
      const error = await failure(
        clientFor(vendor).templates.update({ name: 'order_update', language: 'en_US' }, NEW_BODY),
      );
      expect(error).toBe(conflict);
      expect(vendor.calls).toHaveLength(2);
    });
  });
});
