import {
  ConflictError,
  createClient,
  InvalidRequestError,
  NotFoundError,
  type TemplateDraft,
  type TemplateDraftComponent,
  toTemplateDraft,
} from '@whatsapp-bsp/core';
import { testCallContext } from '@whatsapp-bsp/core/testing';
import { type Emulator, startEmulator } from '@whatsapp-bsp/emulator';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cams } from '../cams-provider.js';

/*
 * Template writes end to end, over loopback sockets: the adapter against the emulator's CAMS,
 * which reads CreateChatappTemplate's and ModifyChatappTemplate's Components and Example as the
 * official SDK sends them, keeps the template, and answers GetChatappTemplateDetail from it.
 */

let emulator: Emulator<'cams'>;
let provider: ReturnType<typeof cams>;

beforeAll(async () => {
  emulator = await startEmulator({ vendors: ['cams'] });
  // The emulator's OSS serves uploads path-style: <endpoint>/<bucket>/<key>.
  provider = cams({
    ...emulator.cams.config,
    assetUrl: ({ endpoint, bucket, key }) => `${endpoint}/${bucket}/${key}`,
  });
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.faults.clear();
  // Created templates stay PENDING unless a test has them reviewed.
  emulator.review.set({ delayMs: 60_000 });
});

const templates = () => {
  const { doCreate, doUpdate, doDelete, doUploadMedia, doGet } = provider.templates;
  if (!doCreate || !doUpdate || !doDelete || !doUploadMedia) throw new Error('CAMS has every template write');
  return {
    create: (draft: TemplateDraft) => doCreate({ draft }, testCallContext()),
    update: (request: Parameters<typeof doUpdate>[0]) => doUpdate(request, testCallContext()),
    delete: (id: string, name: string, language: string) =>
      doDelete({ scope: 'language', id, name, language }, testCallContext()),
    upload: (data: Uint8Array, mimeType: string, fileName: string) =>
      doUploadMedia({ data, mimeType, fileName }, testCallContext()),
    get: (id: string) => doGet({ id }, testCallContext()),
  };
};

async function failure(call: Promise<unknown>): Promise<unknown> {
  try {
    await call;
  } catch (error) {
    return error;
  }
  throw new Error('the call succeeded');
}

let serial = 0;
const uniqueName = (prefix: string) => `${prefix}_${++serial}`;

/** A utility template with samples in the one Example map: header, body and URL share {{1}}. */
function orderUpdate(name: string): TemplateDraft {
  return {
    name,
    language: 'en_US',
    category: 'UTILITY',
    components: [
      { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: { headerText: ['1042'] } },
      { type: 'BODY', text: 'Order {{1}} for {{2}} has shipped.', example: { bodyText: [['1042', 'Ana']] } },
      { type: 'FOOTER', text: 'Reply STOP to opt out' },
      {
        type: 'BUTTONS',
        buttons: [
          {
            type: 'URL',
            text: 'Track',
            url: 'https://shop.example/t/{{1}}',
            example: ['https://shop.example/t/1042'],
          },
        ],
      },
    ],
  };
}

// Texts the emulator's content rules accept: no braces, no variable at an edge.
const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,8}$/);
const sample = fc.stringMatching(/^[A-Za-z0-9#-]{1,10}$/);

/**
 * Drafts CAMS can express and read back as they were: positional variables in order, one sample
 * each in the shared map (a header's and a URL's {{1}} take the body's), quick replies or
 * call-to-action buttons, and an optional TTL.
 */
const expressibleDraft = fc
  .record({
    language: fc.constantFrom('en_US', 'pt_BR', 'id'),
    category: fc.constantFrom('UTILITY' as const, 'MARKETING' as const),
    samples: fc.array(sample, { minLength: 1, maxLength: 3 }),
    words: fc.array(word, { minLength: 4, maxLength: 4 }),
    header: fc.constantFrom('none', 'text', 'text-variable', 'image'),
    footer: fc.option(word, { nil: undefined }),
    buttons: fc.constantFrom('none', 'quick-replies', 'call-to-action'),
    ttl: fc.option(fc.constantFrom(43_200, 86_400), { nil: undefined }),
  })
  .map(
    ({ language, category, samples, words, header, footer, buttons, ttl }): Omit<TemplateDraft, 'name'> => {
      const [a = 'a', b = 'b', c = 'c', d = 'd'] = words;
      const body = `${a} ${samples.map((_, index) => `{{${index + 1}}} ${b}`).join(' ')}`;
      const components: TemplateDraftComponent[] = [];
      if (header === 'text') components.push({ type: 'HEADER', format: 'TEXT', text: `${c} ${d}` });
      if (header === 'text-variable') {
        components.push({
          type: 'HEADER',
          format: 'TEXT',
          text: `${c} {{1}}`,
          example: { headerText: [samples[0] ?? ''] },
        });
      }
      if (header === 'image') {
        components.push({
          type: 'HEADER',
          format: 'IMAGE',
          example: { headerUrl: `https://cdn.example/${c}.png` },
        });
      }
      components.push({ type: 'BODY', text: body, example: { bodyText: [samples] } });
      if (footer !== undefined) components.push({ type: 'FOOTER', text: footer });
      if (buttons === 'quick-replies') {
        components.push({
          type: 'BUTTONS',
          buttons: [
            { type: 'QUICK_REPLY', text: a },
            { type: 'QUICK_REPLY', text: `${b} more` },
          ],
        });
      }
      if (buttons === 'call-to-action') {
        components.push({
          type: 'BUTTONS',
          buttons: [
            {
              type: 'URL',
              text: c,
              url: `https://shop.example/${d}/{{1}}`,
              example: [`https://shop.example/${d}/${samples[0]}`],
            },
            { type: 'PHONE_NUMBER', text: d, phoneNumber: '+6512345678' },
            { type: 'URL', text: `${c} site`, url: 'https://shop.example/' },
          ],
        });
      }
      return ttl === undefined
        ? { language, category, components }
        : { language, category, components, messageSendTtlSeconds: ttl };
    },
  );

describe('CAMS template writes against the emulator', () => {
  it('a created template reads back as the draft it was created from (property, 30 drafts)', async () => {
    await fc.assert(
      fc.asyncProperty(expressibleDraft, async (content) => {
        const draft = { name: uniqueName('property'), ...content } as TemplateDraft;
        const created = await templates().create(draft);
        expect(created.value).toMatchObject({
          name: draft.name,
          language: draft.language,
          status: 'PENDING',
        });

        const { value: read } = await templates().get(created.value.id);

        expect(toTemplateDraft(read)).toEqual(draft);
      }),
      { numRuns: 30 },
    );
  });

  it('creates a template: its id, PENDING, and CAMS holds every sample once', async () => {
    const draft = orderUpdate(uniqueName('order_update'));

    const { value, requestId } = await templates().create(draft);

    expect(value).toEqual({
      id: expect.stringMatching(/^[0-9a-f]+:en_US$/),
      name: draft.name,
      language: 'en_US',
      category: 'UTILITY',
      status: 'PENDING',
    });
    expect(requestId).toEqual(expect.any(String));
    const { value: read } = await templates().get(value.id);
    expect((read.raw as { Example: unknown }).Example).toEqual({ '{{1}}': '1042', '{{2}}': 'Ana' });
    expect(toTemplateDraft(read)).toEqual(draft);
  });

  it('a name taken in that language is a ConflictError; another language is a new template', async () => {
    const draft = orderUpdate(uniqueName('taken'));
    await templates().create(draft);

    const error = await failure(templates().create(draft));

    expect(ConflictError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ vendorCode: 'InvalidParameter.TemplateNameExist', outcome: 'failed' });
    await expect(templates().create({ ...draft, language: 'pt_BR' })).resolves.toMatchObject({
      value: { language: 'pt_BR' },
    });
  });

  it('modifies a template under review; CAMS refuses to modify an approved one, and nothing changes', async () => {
    const draft = orderUpdate(uniqueName('modified'));
    const { value: created } = await templates().create(draft);
    const changes = {
      id: created.id,
      name: draft.name,
      language: draft.language,
      category: 'MARKETING' as const,
      components: [
        { type: 'BODY' as const, text: 'Our sale starts {{1}}.', example: { bodyText: [['today']] } },
      ],
    };

    const { value: modified } = await templates().update(changes);

    expect(modified).toEqual({ ...created, category: 'MARKETING' });
    const { value: read } = await templates().get(created.id);
    expect(read.components).toEqual(changes.components);

    emulator.review.set({ delayMs: 0 });
    const approved = orderUpdate(uniqueName('approved'));
    const { value: live } = await templates().create(approved);
    expect((await templates().get(live.id)).value.status).toBe('APPROVED');
    const refusal = await failure(templates().update({ ...changes, id: live.id, name: approved.name }));
    // Undocumented refusal: a failure the client confirms with a read, not a guessed ConflictError.
    expect(InvalidRequestError.isInstance(refusal)).toBe(true);
    expect(refusal).toMatchObject({ vendorCode: 'InvalidParameter.ModifyError', outcome: 'failed' });
    expect(toTemplateDraft((await templates().get(live.id)).value)).toEqual(approved);
  });

  it("through the client, CAMS's refusal to modify an approved template is a ConflictError with its status", async () => {
    emulator.review.set({ delayMs: 0 });
    const approved = orderUpdate(uniqueName('approved_client'));
    const client = createClient({ provider, rateLimit: false });
    await client.templates.create(approved);
    const reference = { name: approved.name, language: approved.language };
    expect((await client.templates.get(reference)).status).toBe('APPROVED');

    const error = await failure(
      client.templates.update(reference, {
        components: [{ type: 'BODY', text: 'Our sale starts {{1}}.', example: { bodyText: [['today']] } }],
      }),
    );

    expect(ConflictError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      provider: 'cams',
      state: 'APPROVED',
      outcome: 'failed',
      vendorCode: 'InvalidParameter.ModifyError',
    });
    expect(InvalidRequestError.isInstance((error as ConflictError).cause)).toBe(true);
    expect(toTemplateDraft(await client.templates.get(reference))).toEqual(approved);
  });

  it('deletes one language of a template, leaving the others', async () => {
    const draft = orderUpdate(uniqueName('deleted'));
    const { value: english } = await templates().create(draft);
    const { value: portuguese } = await templates().create({ ...draft, language: 'pt_BR' });

    await templates().delete(english.id, draft.name, 'en_US');

    expect(NotFoundError.isInstance(await failure(templates().get(english.id)))).toBe(true);
    await expect(templates().get(portuguese.id)).resolves.toMatchObject({ value: { language: 'pt_BR' } });
    const again = await failure(templates().delete(english.id, draft.name, 'en_US'));
    expect(again).toMatchObject({ code: 'NOT_FOUND', vendorCode: 'DelError.TemplateNotExist' });
  });

  it('an uploaded header sample is a URL a draft takes as example.headerUrl', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const { value: media } = await templates().upload(png, 'image/png', 'banner.png');
    expect('url' in media).toBe(true);
    const url = (media as { url: string }).url;
    expect(Buffer.from(await (await fetch(url)).arrayBuffer())).toEqual(Buffer.from(png));

    const draft: TemplateDraft = {
      name: uniqueName('with_image'),
      language: 'en_US',
      category: 'MARKETING',
      components: [
        { type: 'HEADER', format: 'IMAGE', example: { headerUrl: url } },
        { type: 'BODY', text: 'New arrivals are in.' },
      ],
    };
    const { value: created } = await templates().create(draft);

    const { value: read } = await templates().get(created.id);
    expect(read.components[0]).toEqual({ type: 'HEADER', format: 'IMAGE', mediaUrl: url });
    expect(toTemplateDraft(read)).toEqual(draft);
  });
});
