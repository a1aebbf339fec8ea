import { describe, expect, it } from 'vitest';
import type { TemplateDraft } from '../model/inputs/template-draft.js';
import { loginCode, orderUpdate, springSale, target } from './__fixtures__/state-examples.js';
import { isEmptyPlan } from './plan.js';
import { planChanges } from './plan-changes.js';
import type { StateFile } from './state-file.js';

const state = (...templates: TemplateDraft[]): StateFile => ({ version: 1, templates });
const clone = <T>(value: T): T => structuredClone(value);

describe('planChanges for templates', () => {
  it('sorts desired templates into create and unchanged by (name, language)', () => {
    const inPortuguese = { ...clone(orderUpdate), language: 'pt_BR' };
    const plan = planChanges(state(orderUpdate, inPortuguese, loginCode), state(orderUpdate), {
      provider: target(),
    });
    expect(plan.provider).toBe('vendor');
    expect(plan.unchanged).toEqual([
      { kind: 'template', name: 'order_update', language: 'en_US', at: 'templates[0]' },
    ]);
    expect(plan.create.map((item) => [item.name, 'language' in item ? item.language : '', item.at])).toEqual([
      ['order_update', 'pt_BR', 'templates[1]'],
      ['login_code', 'en', 'templates[2]'],
    ]);
    expect(plan.update).toEqual([]);
    expect(plan.delete).toEqual([]);
  });

  it('sees no change in what vendors normalize: order, whitespace, samples they replace, generated texts', () => {
    const written = clone(orderUpdate);
    // Components in another order, texts with the line break a YAML block scalar leaves.
    written.components = [
      written.components[2]!,
      written.components[3]!,
      written.components[1]!,
      written.components[0]!,
    ];
    const body = written.components[2] as Extract<TemplateDraft['components'][number], { type: 'BODY' }>;
    body.text = '  Hi {{1}}, order {{2}} has shipped.\r\n';
    body.example = {
      bodyText: [
        ['Ana', '#1042'],
        ['Bo', '#7'],
      ],
    };
    written.parameterFormat = 'POSITIONAL';
    const media = clone(springSale);
    (media.components[0] as { example?: unknown }).example = { headerHandle: ['4::aW1hZ2UvcG5n:ARZ'] };
    const authentication = clone(loginCode);
    authentication.components[0] = {
      type: 'BODY',
      text: 'Your code is {{1}}.',
      addSecurityRecommendation: true,
    };
    const plan = planChanges(
      state(written, media, authentication),
      state(orderUpdate, springSale, loginCode),
    );
    expect(plan.update).toEqual([]);
    expect(plan.unchanged).toHaveLength(3);
    expect(isEmptyPlan(plan)).toBe(true);
  });

  it('lists the fields that differ in each update, matching components by type', () => {
    const edited = clone(orderUpdate);
    (edited.components[1] as { text: string }).text = 'Hello {{1}}, order {{2}} is on its way.';
    edited.components.splice(2, 1);
    edited.messageSendTtlSeconds = 3600;
    const [update] = planChanges(state(edited), state(orderUpdate), { provider: target() }).update;
    expect(update).toMatchObject({
      kind: 'template',
      name: 'order_update',
      language: 'en_US',
      at: 'templates[0]',
    });
    expect(update?.changes).toEqual([
      {
        path: 'components[BODY].text',
        desired: 'Hello {{1}}, order {{2}} is on its way.',
        current: 'Hi {{1}}, order {{2}} has shipped.',
      },
      { path: 'components[FOOTER]', current: { type: 'FOOTER', text: 'Reply STOP to opt out' } },
      { path: 'messageSendTtlSeconds', desired: 3600 },
    ]);
    expect(update && 'current' in update ? update.current : undefined).toBe(orderUpdate);
  });

  it('deletes only with prune, and leaves an absent templates section alone', () => {
    const current = state(orderUpdate, loginCode);
    expect(planChanges(state(orderUpdate), current).delete).toEqual([]);
    expect(planChanges(state(orderUpdate), current, { prune: true }).delete).toEqual([
      { kind: 'template', name: 'login_code', language: 'en', scope: 'language' },
    ]);
    const unmanaged = planChanges({ version: 1, flows: [] }, current, { prune: true });
    expect([...unmanaged.create, ...unmanaged.update, ...unmanaged.delete, ...unmanaged.unchanged]).toEqual(
      [],
    );
  });

  it('deletes by name on a vendor that deletes every language at once, unless another language is wanted', () => {
    const inPortuguese = { ...clone(orderUpdate), language: 'pt_BR' };
    const byName = target({ deleteScopes: ['name'] });
    const current = state(orderUpdate, inPortuguese, loginCode);
    const plan = planChanges(state(orderUpdate), current, { prune: true, provider: byName });
    expect(plan.delete).toEqual([{ kind: 'template', name: 'login_code', language: 'en', scope: 'name' }]);
    expect(plan.unsupported).toEqual([
      {
        kind: 'template',
        name: 'order_update',
        language: 'pt_BR',
        action: 'delete',
        reasons: [expect.objectContaining({ code: 'DELETE_SCOPE' })],
      },
    ]);
  });

  it("lists as unsupported, before anything is sent, what the vendor's rules or WhatsApp's refuse", () => {
    const gif = clone(springSale);
    gif.components[0] = {
      type: 'HEADER',
      format: 'GIF',
      example: { headerUrl: 'https://shop.example/a.gif' },
    };
    const badName = { ...clone(orderUpdate), name: 'Order Update' };
    const plan = planChanges(state(gif, badName), state(), { provider: target() });
    expect(plan.create).toEqual([]);
    expect(
      plan.unsupported.map((item) => [item.name, item.action, item.reasons.map((reason) => reason.code)]),
    ).toEqual([
      ['spring_sale', 'create', ['VENDOR_HEADER_FORMAT_UNSUPPORTED']],
      ['Order Update', 'create', ['NAME_INVALID']],
    ]);
    expect(plan.unsupported[0]?.reasons[0]?.path).toBe('components[0].format');
  });

  it('refuses in the plan the fields an edit cannot change, and the writes the vendor lacks', () => {
    const reclassified = { ...clone(orderUpdate), subCategory: 'ORDER_STATUS' };
    const edited = clone(loginCode);
    (edited.components[1] as { codeExpirationMinutes: number }).codeExpirationMinutes = 10;
    const plan = planChanges(state(reclassified, edited, springSale), state(orderUpdate, loginCode), {
      provider: target({ without: ['doCreate'] }),
    });
    expect(
      plan.unsupported.map((item) => [item.name, item.action, item.reasons.map((reason) => reason.code)]),
    ).toEqual([
      ['order_update', 'update', ['FIELD_NOT_UPDATABLE']],
      ['spring_sale', 'create', ['OPERATION_UNSUPPORTED']],
    ]);
    expect(plan.update.map((item) => item.name)).toEqual(['login_code']);
    expect(plan.unsupported[1]?.reasons[0]?.message).toBe('vendor cannot create templates.');
  });

  it('carries the warnings of offline validation on the items it sends, and skips validation when asked', () => {
    const named = clone(orderUpdate);
    named.language = 'xx_XX';
    const plan = planChanges(state(named), state(), { provider: target() });
    expect(
      plan.create[0] && 'warnings' in plan.create[0] ? plan.create[0].warnings.map((w) => w.code) : [],
    ).toEqual(['LANGUAGE_UNKNOWN']);
    const invalid = { ...clone(orderUpdate), name: 'Bad Name' };
    expect(planChanges(state(invalid), state(), { validate: false }).create).toHaveLength(1);
  });
});

describe('planChanges for FLOW buttons', () => {
  const bookNow: TemplateDraft = {
    name: 'book_now',
    language: 'en',
    category: 'MARKETING',
    components: [
      { type: 'BODY', text: 'Book your visit.' },
      {
        type: 'BUTTONS',
        buttons: [
          { type: 'FLOW', text: 'Book', flowName: 'booking', flowAction: 'navigate', navigateScreen: 'A' },
        ],
      },
    ],
  };

  it('needs the flow a button names at the vendor, or made by the plan', () => {
    const booking = { name: 'booking', categories: ['APPOINTMENT_BOOKING' as const] };
    const missing = planChanges({ version: 1, templates: [bookNow], flows: [] }, { version: 1 });
    expect(missing.unsupported.map((item) => item.reasons.map((reason) => reason.code))).toEqual([
      ['FLOW_REFERENCE'],
    ]);
    expect(
      planChanges({ version: 1, templates: [bookNow], flows: [booking] }, { version: 1 }).create,
    ).toHaveLength(2);
    expect(
      planChanges({ version: 1, templates: [bookNow] }, { version: 1, flows: [booking] }).create,
    ).toHaveLength(1);
    // Neither state says anything of flows: nothing to check against.
    expect(planChanges({ version: 1, templates: [bookNow] }, { version: 1 }).create).toHaveLength(1);
  });

  it("refuses a button naming by flowId a flow that is not among the target's flows, when their ids are known", () => {
    const byId = (flowId: string): TemplateDraft => {
      const [body, buttons] = bookNow.components as [
        TemplateDraft['components'][number],
        { buttons: object[] },
      ];
      const { flowName: _, ...button } = buttons.buttons[0] as { flowName: string };
      return {
        ...bookNow,
        components: [body, { type: 'BUTTONS', buttons: [{ ...button, flowId }] }],
      } as TemplateDraft;
    };
    const desired: StateFile = {
      version: 1,
      templates: [byId('cams-881'), { ...byId('1001'), name: 'book_later' }],
    };
    const facts = { flowIds: [{ name: 'booking', id: '1001' }] };
    const planned = planChanges(desired, { version: 1, flows: [] }, { provider: target(), facts });
    expect(planned.create.map((item) => item.name)).toEqual(['book_later']);
    expect(planned.unsupported).toMatchObject([
      { name: 'book_now', reasons: [{ code: 'FLOW_REFERENCE', message: expect.stringMatching(/flowName/) }] },
    ]);
    // Without the ids, an id cannot be checked.
    expect(planChanges(desired, { version: 1, flows: [] }, { provider: target() }).create).toHaveLength(2);
  });
});

describe('planChanges on URL samples', () => {
  it("compares a dynamic URL's sample as the whole URL, however it is written", () => {
    const withUrl = (example: string): TemplateDraft => ({
      ...clone(orderUpdate),
      components: [
        { type: 'BODY', text: 'Your code is ready.' },
        {
          type: 'BUTTONS',
          buttons: [
            { type: 'URL', text: 'Shop', url: 'https://shop.example/offer?code={{1}}', example: [example] },
          ],
        },
      ],
    });
    const asValue = withUrl('LTO603');
    const asUrl = withUrl('https://shop.example/offer?code=LTO603');
    expect(planChanges(state(asValue), state(asUrl)).unchanged).toHaveLength(1);
    const [update] = planChanges(state(withUrl('LTO604')), state(asUrl)).update;
    expect(update?.changes).toEqual([
      {
        path: 'components[BUTTONS].buttons[0].example[0]',
        desired: 'https://shop.example/offer?code=LTO604',
        current: 'https://shop.example/offer?code=LTO603',
      },
    ]);
  });
});

describe('planChanges options', () => {
  it('refuses a provider given by its id, naming `provider`', () => {
    const state: StateFile = { version: 1, templates: [loginCode] };
    const provider = 'cams' as unknown as ReturnType<typeof target>;
    expect(() => planChanges(state, state, { provider })).toThrow(
      expect.objectContaining({ name: 'InvalidRequestError', field: 'provider' }),
    );
  });
});
