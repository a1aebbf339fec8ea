import { isDeepStrictEqual } from 'node:util';
import {
  NotFoundError,
  type TemplateDraft,
  type TemplateDraftComponent,
  toTemplateDraft,
  type WhatsAppClient,
} from '@whatsapp-bsp/core';
import type { Emulator, Vendor } from '@whatsapp-bsp/emulator';
import type { EndState, SubjectContext, SubjectOptions, WriteSubject } from './write-subject.js';

/** The template writes a user calls on `client.templates`. */
export type TemplateWrite =
  | 'templates.create'
  | 'templates.update'
  | 'templates.delete'
  | 'templates.uploadMedia';

export const TEMPLATE_WRITES: readonly TemplateWrite[] = [
  'templates.create',
  'templates.update',
  'templates.delete',
  'templates.uploadMedia',
];

const LANGUAGE = 'en_US';

/**
 * The template every create sends: valid by WhatsApp's rules and both vendors' (one body variable
 * with its sample, a footer, a quick reply), so it reads back as it was sent on either vendor.
 */
export function createdDraft(name: string): TemplateDraft {
  return {
    name,
    language: LANGUAGE,
    category: 'UTILITY',
    components: [
      { type: 'BODY', text: 'Hi {{1}}, your order has shipped.', example: { bodyText: [['Ana']] } },
      { type: 'FOOTER', text: 'Reply STOP to opt out' },
      { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Thanks' }] },
    ],
  };
}

/** The components every update sets. */
const UPDATED_COMPONENTS: TemplateDraftComponent[] = [
  { type: 'BODY', text: 'Hello {{1}}, your parcel is on its way.', example: { bodyText: [['Ana']] } },
];

/**
 * Puts a template in the store as a vendor's create leaves it (PENDING, so CAMS still lets it be
 * modified), without a request.
 */
function existingTemplate(emulator: Emulator<Vendor>, name: string): void {
  emulator.review.submit({
    name,
    language: LANGUAGE,
    category: 'UTILITY',
    status: 'PENDING',
    components: [{ type: 'BODY', text: 'Your order has shipped.' }],
  });
}

/** The template as a draft, or undefined when the vendor has none of that name and language. */
async function readBack(observer: WhatsAppClient, name: string): Promise<TemplateDraft | undefined> {
  try {
    return toTemplateDraft(await observer.templates.get({ name, language: LANGUAGE }));
  } catch (error) {
    if (NotFoundError.isInstance(error)) return undefined;
    throw error;
  }
}

function compare(found: TemplateDraft | undefined, asked: unknown, before: unknown): EndState {
  if (isDeepStrictEqual(found, asked)) return 'applied';
  if (isDeepStrictEqual(found, before)) return 'unchanged';
  return found === undefined ? 'missing' : 'other content';
}

/** A subject for `operation`, named after `serial` so that no two cells of a lane share one. */
export async function templateWriteSubject(
  operation: TemplateWrite,
  context: SubjectContext,
  serial: number,
  options: SubjectOptions = {},
): Promise<WriteSubject> {
  const { emulator, observer, vendor } = context;
  switch (operation) {
    case 'templates.create': {
      const draft = createdDraft(`created_${serial}`);
      if (options.nameTaken) existingTemplate(emulator, draft.name);
      const before = await readBack(observer, draft.name);
      return {
        call: (client, call) => client.templates.create(draft, call),
        state: async () => {
          // One template of the name in all: none created twice, nor in another language.
          const count = emulator.store.templates.named(draft.name).count;
          if (count > 1) return `${count} templates`;
          return compare(await readBack(observer, draft.name), draft, before);
        },
      };
    }
    case 'templates.update': {
      const name = `updated_${serial}`;
      existingTemplate(emulator, name);
      const before = await readBack(observer, name);
      const asked = before && { ...before, components: UPDATED_COMPONENTS };
      return {
        call: (client, call) =>
          client.templates.update({ name, language: LANGUAGE }, { components: UPDATED_COMPONENTS }, call),
        state: async () => compare(await readBack(observer, name), asked, before),
      };
    }
    case 'templates.delete': {
      const name = `deleted_${serial}`;
      existingTemplate(emulator, name);
      const before = await readBack(observer, name);
      // Each vendor's own scope: NXCloud deletes every language of a name, CAMS one language.
      const reference = vendor === 'nxcloud' ? { name } : { name, language: LANGUAGE };
      return {
        call: (client, call) => client.templates.delete(reference, call),
        state: async () => compare(await readBack(observer, name), undefined, before),
      };
    }
    case 'templates.uploadMedia': {
      // A PNG signature and the serial: every cell uploads a file of its own.
      const data = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...serialBytes(serial)]);
      return {
        call: (client, call) =>
          client.templates.uploadMedia({ data, mimeType: 'image/png', fileName: 'sample.png' }, call),
        state: async () => {
          // NXCloud hands out a handle and keeps nothing a test can see; CAMS's files sit in OSS.
          if (vendor !== 'cams') return undefined;
          const { objects } = (emulator as Emulator<'cams'>).cams.oss;
          const copies = objects.keys().filter((key) => objects.get(key)?.body.equals(data)).length;
          return copies === 1 ? 'applied' : copies === 0 ? 'unchanged' : `${copies} copies`;
        },
      };
    }
  }
}

function serialBytes(serial: number): number[] {
  return [(serial >> 24) & 0xff, (serial >> 16) & 0xff, (serial >> 8) & 0xff, serial & 0xff];
}
