import { type TemplateDraft, toTemplateDraft, type WhatsAppClient } from '@whatsapp-bsp/core';
import { type Emulator, startEmulator, type Vendor } from '@whatsapp-bsp/emulator';
import fc from 'fast-check';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bothVendorsDraft } from './__fixtures__/both-vendors-draft.js';
import { clientFor, VENDORS } from './emulator-clients.js';

/*
 * Template writes across vendors, through the client a user builds, against the emulator over
 * loopback sockets: a draft created on one vendor reads back as itself, and what was read back,
 * created on the other vendor, reads back as itself there too. So a template moves from one
 * vendor to the other with `toTemplateDraft` and nothing else, and both vendors end up holding
 * the same template.
 */

/** Each vendor on an emulator of its own, so one name can be created on both. */
const emulators = {} as Record<Vendor, Emulator<Vendor>>;
const clients = {} as Record<Vendor, WhatsAppClient>;

beforeAll(async () => {
  // Loopback only: the emulators.
  nock.disableNetConnect();
  nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
  for (const vendor of VENDORS) {
    emulators[vendor] = await startEmulator({
      vendors: [vendor],
      // No seeded templates, so no generated name is taken; no review during the test.
      data: { templates: 0, flows: 0 },
      review: { delayMs: 600_000 },
    });
    // The CAMS budget of 5 requests/s would only slow the runs down; pacing is core's to test.
    clients[vendor] = await clientFor(emulators[vendor], vendor, { rateLimit: false });
  }
});
afterAll(async () => {
  await Promise.all(VENDORS.map((vendor) => emulators[vendor]?.close()));
  nock.enableNetConnect();
});

/** Creates the draft through the client and reads it back by name and language, as a draft. */
async function createAndReadBack(vendor: Vendor, draft: TemplateDraft): Promise<TemplateDraft> {
  const created = await clients[vendor].templates.create(draft);
  expect(created).toMatchObject({
    name: draft.name,
    language: draft.language,
    category: draft.category,
    status: 'PENDING',
  });
  const read = await clients[vendor].templates.get({ name: draft.name, language: draft.language });
  expect(read.id).toBe(created.id);
  return toTemplateDraft(read);
}

describe('template drafts valid on both vendors', () => {
  it('read back as created on one vendor, and what was read, created on the other, reads back the same (25 drafts)', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(bothVendorsDraft, fc.constantFrom(...VENDORS), async (generated, first) => {
        // A run number keeps names apart, whatever fast-check shrinks them to.
        const draft = { ...generated, name: `${generated.name}_${run++}` };
        const second = VENDORS.find((vendor) => vendor !== first)!;

        const fromFirst = await createAndReadBack(first, draft);
        expect(fromFirst).toEqual(draft);

        const fromSecond = await createAndReadBack(second, fromFirst);
        expect(fromSecond).toEqual(fromFirst);
        expect(emulators[second].store.templates.named(draft.name).count).toBe(1);
      }),
      { numRuns: 25 },
    );
  }, 60_000);
});
