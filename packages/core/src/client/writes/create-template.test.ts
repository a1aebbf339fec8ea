import { describe, expect, it } from 'vitest';
import { FakeTemplateVendor } from '../../__fixtures__/fake-template-vendor.js';
import { ScriptedProvider, template, testCapabilities } from '../../__fixtures__/scripted-provider.js';
import type { BspError } from '../../errors/bsp-error.js';
import {
  AuthenticationError,
  ConflictError,
  InvalidRequestError,
  NotFoundError,
  ProviderUnavailableError,
  RateLimitError,
  UnsupportedOperationError,
} from '../../errors/error-classes.js';
import type { TemplateDraft } from '../../model/inputs/template-draft.js';
import type { ProviderV1 } from '../../provider/provider-v1.js';
import { FakeClock } from '../../testing/fake-clock.js';
import { utilityDraft } from '../../validation/template-draft/__fixtures__/valid-drafts.js';
import { CAMS_SHAPED } from '../../validation/template-draft/__fixtures__/vendor-providers.js';
import { TemplateValidationError } from '../../validation/template-draft/template-validation-error.js';
import { validateTemplateDraft } from '../../validation/template-draft/validate-template-draft.js';
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

/** A reset after the request left: the create may or may not have been applied. */
const reset = () => new ProviderUnavailableError('connection reset', { provider: 'fake' });

describe('templates.create', () => {
  it('sends the checked draft once and returns the created template with the draft warnings', async () => {
    const vendor = new FakeTemplateVendor();
    const created = await clientFor(vendor).templates.create(utilityDraft());
    expect(created).toMatchObject({ name: 'order_update', language: 'en_US', status: 'PENDING' });
    // The fake gives no rules of its own: the result says only WhatsApp's were checked.
    expect(created.warnings.map((issue) => issue.code)).toEqual(['VENDOR_RULES_UNKNOWN']);
    expect(created.$metadata).toMatchObject({ provider: 'fake', requestId: 'create-1', attempts: 1 });
    expect(vendor.writes).toEqual([{ operation: 'create', request: { draft: utilityDraft() } }]);
    expect(vendor.has('order_update', 'en_US')).toBe(true);
  });

  it('refuses bad drafts before sending anything, naming the field', async () => {
    const vendor = new FakeTemplateVendor();
    const client = clientFor(vendor);
    const draft = utilityDraft();
    const misspelt = utilityDraft() as unknown as { components: Record<string, unknown>[] };
    misspelt.components[1] = { ...misspelt.components[1], exmaple: {} };
    const cases: [unknown, string, string][] = [
      [undefined, 'INVALID_REQUEST', 'draft'],
      ['order_update', 'INVALID_REQUEST', 'draft'],
      [{ ...draft, id: '123', status: 'APPROVED' }, 'INVALID_REQUEST', 'id'],
      [misspelt, 'INVALID_REQUEST', 'components[1].exmaple'],
      [{ ...draft, name: ' order_update' }, 'INVALID_REQUEST', 'name'],
      [{ ...draft, language: 'English' }, 'INVALID_REQUEST', 'language'],
      [{ ...draft, components: 'BODY' }, 'INVALID_REQUEST', 'components'],
      [{ ...draft, components: [{ type: 'BODY', text: 42 }] }, 'INVALID_REQUEST', 'components[0].text'],
      [{ ...draft, name: 'Order_Update' }, 'INVALID_REQUEST', 'name'],
    ];
    for (const [input, code, field] of cases) {
      const error = await failure(client.templates.create(input as TemplateDraft));
      expect({ code: error.code, field: error.field, outcome: error.outcome }, field).toEqual({
        code,
        field,
        outcome: 'not-sent',
      });
    }
    expect(vendor.received).toMatchObject({ create: 0, get: 0, list: 0 });
  });

  it("creates a template named with Meta's longest name, 512 characters, and refuses 513 as validation does", async () => {
    const vendor = new FakeTemplateVendor();
    const client = clientFor(vendor);
    const longest = { ...utilityDraft(), name: 'n'.repeat(512) };
    expect(validateTemplateDraft(longest).filter((issue) => issue.severity === 'error')).toEqual([]);
    await expect(client.templates.create(longest)).resolves.toMatchObject({ name: longest.name });
    const tooLong = { ...utilityDraft(), name: 'n'.repeat(513) };
    expect(validateTemplateDraft(tooLong).map((issue) => issue.code)).toContain('NAME_INVALID');
    const error = await failure(client.templates.create(tooLong));
    expect(error).toMatchObject({ code: 'INVALID_REQUEST', field: 'name', outcome: 'not-sent' });
    expect(vendor.received.create).toBe(1);
  });

  it('refuses every unknown field at once, as validateTemplateDraft reports them', async () => {
    const vendor = new FakeTemplateVendor();
    const draft = utilityDraft() as unknown as Record<string, unknown> & {
      components: Record<string, unknown>[];
    };
    draft.colour = 'red';
    draft.components[1] = { ...draft.components[1], example: { bodyTxt: [['1042', 'Ana']] } };
    const error = await failure(clientFor(vendor).templates.create(draft as unknown as TemplateDraft));
    expect(TemplateValidationError.isInstance(error)).toBe(true);
    const issues = (error as TemplateValidationError).issues;
    expect(issues).toEqual(validateTemplateDraft(draft as unknown as TemplateDraft));
    expect(issues.map((issue) => `${issue.code} ${issue.path}`)).toEqual([
      'INVALID_DRAFT components[1].example.bodyTxt',
      'INVALID_DRAFT colour',
    ]);
    expect(error).toMatchObject({ field: 'components[1].example.bodyTxt', outcome: 'not-sent' });
    expect(vendor.received.create).toBe(0);
  });

  it('refuses a draft nested thousands of levels deep as INVALID_DRAFT, without overflowing the stack', async () => {
    const vendor = new FakeTemplateVendor();
    let component: Record<string, unknown> = { type: 'BODY', text: 'Hi' };
    for (let level = 0; level < 5_000; level += 1) {
      component = { type: 'CAROUSEL', cards: [{ components: [component] }] };
    }
    const deep = { ...utilityDraft(), components: [component] } as TemplateDraft;
    const error = await failure(clientFor(vendor).templates.create(deep));
    expect(TemplateValidationError.isInstance(error)).toBe(true);
    expect((error as TemplateValidationError).issues.map((issue) => issue.code)).toEqual(['INVALID_DRAFT']);
    expect(error.message).toContain('more than 64 levels');
    expect(vendor.received.create).toBe(0);
  });

  it("reports every rule's issue at once, the vendor's own rules included", async () => {
    const vendor = new ScriptedProvider(CAMS_SHAPED.capabilities);
    const draft: TemplateDraft = {
      name: 'order_update',
      language: 'en_US',
      category: 'UTILITY',
      components: [
        { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: { headerText: ['#1042'] } },
        // CAMS keeps one sample per variable name: `{{1}}` cannot be '#1042' and 'Ana' at once.
        { type: 'BODY', text: 'Hi {{1}}, thanks.', example: { bodyText: [['Ana']] } },
        { type: 'FOOTER', text: 'Footer {{1}}' },
      ],
    };
    const error = await failure(clientFor(vendor).templates.create(draft));
    expect(TemplateValidationError.isInstance(error)).toBe(true);
    const codes = (error as TemplateValidationError).issues.map((issue) => issue.code);
    expect(codes).toContain('VENDOR_SAMPLE_CONFLICT');
    expect(codes).toContain('FOOTER_HAS_VARIABLE');
    expect(vendor.calls).toEqual([]);
  });

  it('is refused before sending by a provider that cannot create templates', async () => {
    const vendor = new ScriptedProvider(testCapabilities, ['doCreate']);
    const error = await failure(clientFor(vendor).templates.create(utilityDraft()));
    expect(UnsupportedOperationError.isInstance(error)).toBe(true);
    expect(error.message).toContain('scripted');
    expect(error.message).toContain('templates.create');
    expect(vendor.calls).toEqual([]);
  });

  it('hands hooks a copy of the draft, so a hook cannot change what is sent', async () => {
    const vendor = new FakeTemplateVendor();
    const client = createClient({
      provider: vendor,
      rateLimit: false,
      hooks: {
        onRequest: (event) => {
          (event.request.draft as TemplateDraft).name = 'changed_by_hook';
        },
      },
    });
    await client.templates.create(utilityDraft());
    expect(vendor.has('order_update', 'en_US')).toBe(true);
  });

  describe('retries', () => {
    it('sends again after throttling: the vendor applied nothing', async () => {
      const vendor = new FakeTemplateVendor().fail('create', {
        error: new RateLimitError('throttled', { provider: 'fake' }),
      });
      const created = await clientFor(vendor).templates.create(utilityDraft());
      expect(vendor.received.create).toBe(2);
      expect(created.$metadata).toMatchObject({ attempts: 2 });
      expect(created.$metadata.reconciled).toBeUndefined();
    });

    it('looks for the template after an unknown outcome, and sends again when it is absent', async () => {
      const vendor = new FakeTemplateVendor().fail('create', { error: reset() });
      const requests: RequestEvent[] = [];
      const created = await clientFor(vendor, requests).templates.create(utilityDraft());
      expect(requests.map((r) => r.operation)).toEqual([
        'templates.create',
        'templates.get',
        'templates.create',
      ]);
      expect(requests[1]?.request).toEqual({ name: 'order_update', language: 'en_US' });
      expect(created.$metadata).toMatchObject({ attempts: 2 });
      expect(created.$metadata.reconciled).toBeUndefined();
    });

    it('finds a create that was applied but whose answer was lost, without sending it again', async () => {
      const vendor = new FakeTemplateVendor().fail('create', { error: reset(), applied: true });
      const created = await clientFor(vendor).templates.create(utilityDraft());
      expect(vendor.received.create).toBe(1);
      expect(created).toMatchObject({ name: 'order_update', language: 'en_US', status: 'PENDING' });
      expect(created.$metadata).toMatchObject({ reconciled: true, requestId: 'get-1', attempts: 1 });
      expect(created.warnings.map((issue) => issue.code)).toEqual(['VENDOR_RULES_UNKNOWN']);
    });

    it('reports a ConflictError when the template found after a lost answer has other content', async () => {
      const vendor = new FakeTemplateVendor();
      vendor.seed({ ...utilityDraft(), components: [{ type: 'BODY', text: 'Another body' }] }, 'APPROVED');
      vendor.fail('create', { error: reset() });
      const error = await failure(clientFor(vendor).templates.create(utilityDraft()));
      expect(ConflictError.isInstance(error)).toBe(true);
      expect((error as ConflictError).state).toBe('APPROVED');
      expect((error.cause as BspError).message).toBe('connection reset');
      expect(vendor.received.create).toBe(1);
    });

    it("throws the create's own unknown-outcome error when the look-up fails too", async () => {
      const vendor = new FakeTemplateVendor().fail('create', { error: reset() });
      for (let i = 0; i < 3; i += 1) {
        vendor.fail('get', { error: new ProviderUnavailableError('read failed', { provider: 'fake' }) });
      }
      const error = await failure(clientFor(vendor).templates.create(utilityDraft()));
      expect(error.message).toBe('connection reset');
      expect(error.outcome).toBe('unknown');
      expect(vendor.received.create).toBe(1);
    });

    it('takes a refusal after an uncertain attempt as success when the template is there as asked', async () => {
      // The first attempt was applied, the read right after did not see it yet, and the second
      // attempt is refused because the name is now taken: the next read finds the template.
      const vendor = new ScriptedProvider();
      const asked = utilityDraft();
      vendor.script.createTemplate.push(
        reset(),
        new InvalidRequestError('name taken', { provider: 'scripted', outcome: 'failed' }),
      );
      vendor.script.getTemplate.push(new NotFoundError('not yet', { provider: 'scripted' }), {
        value: { ...template('order_update'), components: structuredClone(asked.components) as never },
        requestId: 'read-2',
      });
      const created = await clientFor(vendor).templates.create(asked);
      expect(created.$metadata).toMatchObject({ reconciled: true, attempts: 2, requestId: 'read-2' });
    });
  });

  describe('a refusal confirmed by a read', () => {
    it("becomes a ConflictError with the existing template's status when the name is taken", async () => {
      const vendor = new FakeTemplateVendor();
      vendor.seed({ ...utilityDraft(), components: [{ type: 'BODY', text: 'Another body' }] }, 'APPROVED');
      const error = await failure(clientFor(vendor).templates.create(utilityDraft()));
      expect(ConflictError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ state: 'APPROVED', outcome: 'failed', vendorCode: 'Refused' });
      expect(InvalidRequestError.isInstance(error.cause)).toBe(true);
      expect(error.message).toContain("'order_update' (en_US)");
      expect(vendor.received.create).toBe(1);
    });

    it('stays the refusal it was when no template has the name', async () => {
      const refusal = new InvalidRequestError('bad button', { provider: 'fake', outcome: 'failed' });
      const vendor = new FakeTemplateVendor().fail('create', { error: refusal });
      const error = await failure(clientFor(vendor).templates.create(utilityDraft()));
      expect(error).toBe(refusal);
      expect(vendor.received.get).toBe(1);
    });

    it('is not made for refusals about the credentials or the rate', async () => {
      const vendor = new FakeTemplateVendor();
      vendor.seed(utilityDraft());
      vendor.fail('create', { error: new AuthenticationError('bad signature', { provider: 'fake' }) });
      const error = await failure(clientFor(vendor).templates.create(utilityDraft()));
      expect(AuthenticationError.isInstance(error)).toBe(true);
      expect(vendor.received.get).toBe(0);
    });

    it("gives an adapter's ConflictError the existing template's status", async () => {
      const vendor = new ScriptedProvider();
      vendor.script.createTemplate.push(new ConflictError('name exists', { provider: 'scripted' }));
      vendor.script.getTemplate.push({ value: { ...template('order_update'), status: 'PENDING' } });
      const error = await failure(clientFor(vendor).templates.create(utilityDraft()));
      expect(error).toMatchObject({ code: 'CONFLICT', state: 'PENDING' });
      expect((error.cause as BspError).message).toBe('name exists');
    });

    it('stays the refusal it was when the confirming read fails', async () => {
      const refusal = new InvalidRequestError('refused', { provider: 'scripted', outcome: 'failed' });
      const vendor = new ScriptedProvider();
      vendor.script.createTemplate.push(refusal);
      vendor.script.getTemplate.push(new AuthenticationError('expired', { provider: 'scripted' }));
      const error = await failure(clientFor(vendor).templates.create(utilityDraft()));
      expect(error).toBe(refusal);
    });
  });
});
