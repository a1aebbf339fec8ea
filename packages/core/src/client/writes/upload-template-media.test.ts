import { describe, expect, it } from 'vitest';
import { FakeTemplateVendor } from '../../__fixtures__/fake-template-vendor.js';
import { ScriptedProvider, testCapabilities } from '../../__fixtures__/scripted-provider.js';
import type { BspError } from '../../errors/bsp-error.js';
import { ProviderUnavailableError, UnsupportedOperationError } from '../../errors/error-classes.js';
import type { TemplateMediaInput } from '../../model/inputs/template-media.js';
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

const MB = 1024 * 1024;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('templates.uploadMedia', () => {
  it('hands the adapter the bytes, the type and a default file name; hooks see only the size', async () => {
    const vendor = new FakeTemplateVendor();
    const requests: RequestEvent[] = [];
    const media = await clientFor(vendor, requests).templates.uploadMedia({
      data: PNG,
      mimeType: 'image/png',
    });
    expect(media).toEqual({ handle: 'h-8' });
    expect(media.$metadata).toMatchObject({ provider: 'fake', attempts: 1 });
    expect(vendor.writes).toEqual([
      {
        operation: 'uploadMedia',
        request: { data: PNG, mimeType: 'image/png', fileName: 'header-sample.png' },
      },
    ]);
    expect(requests[0]?.request).toEqual({ mimeType: 'image/png', fileName: 'header-sample.png', bytes: 8 });
  });

  it("reads a type's other spellings as its registered one, and keeps a file name given", async () => {
    const vendor = new FakeTemplateVendor();
    const client = clientFor(vendor);
    await client.templates.uploadMedia({ data: PNG, mimeType: 'image/jpg', fileName: 'shoe.jpg' });
    await client.templates.uploadMedia({ data: PNG, mimeType: 'Application/PDF' });
    expect(vendor.writes.map((w) => w.request)).toMatchObject([
      { mimeType: 'image/jpeg', fileName: 'shoe.jpg' },
      { mimeType: 'application/pdf', fileName: 'header-sample.pdf' },
    ]);
  });

  it("takes a file of exactly WhatsApp's limit for its type", async () => {
    const vendor = new FakeTemplateVendor();
    await clientFor(vendor).templates.uploadMedia({ data: new Uint8Array(5 * MB), mimeType: 'image/jpeg' });
    expect(vendor.received.uploadMedia).toBe(1);
  });

  it('refuses bad media before sending anything, naming the field', async () => {
    const vendor = new FakeTemplateVendor();
    const client = clientFor(vendor);
    const cases: [unknown, string][] = [
      [{ data: new Uint8Array(0), mimeType: 'image/png' }, 'data'],
      [{ data: 'aGVsbG8=', mimeType: 'image/png' }, 'data'],
      [{ data: PNG.buffer, mimeType: 'image/png' }, 'data'],
      [{ data: PNG, mimeType: 'image/gif' }, 'mimeType'],
      [{ data: PNG }, 'mimeType'],
      [{ data: new Uint8Array(5 * MB + 1), mimeType: 'image/png' }, 'data'],
      [{ data: new Uint8Array(16 * MB + 1), mimeType: 'video/mp4' }, 'data'],
      [{ data: PNG, mimeType: 'image/png', fileName: '../escape.png' }, 'fileName'],
      [{ data: PNG, mimeType: 'image/png', fileName: 'a\\b.png' }, 'fileName'],
      [{ data: PNG, mimeType: 'image/png', fileName: '' }, 'fileName'],
      [{ data: PNG, mimeType: 'image/png', name: 'a.png' }, 'name'],
    ];
    for (const [media, field] of cases) {
      const error = await failure(client.templates.uploadMedia(media as TemplateMediaInput));
      expect({ code: error.code, field: error.field, outcome: error.outcome }, field).toEqual({
        code: 'INVALID_REQUEST',
        field,
        outcome: 'not-sent',
      });
    }
    expect(vendor.received.uploadMedia).toBe(0);
  });

  it('says the limit in the refusal of a file too large', async () => {
    const error = await failure(
      clientFor(new FakeTemplateVendor()).templates.uploadMedia({
        data: new Uint8Array(5 * MB + 1),
        mimeType: 'image/png',
      }),
    );
    expect(error.message).toBe(
      '`data` holds 5242881 bytes; WhatsApp takes at most 5 MB (5242880 bytes) for a header sample of type image/png',
    );
  });

  it('is sent again after an unknown outcome: a second copy of a sample harms nothing', async () => {
    const vendor = new FakeTemplateVendor().fail('uploadMedia', {
      error: new ProviderUnavailableError('connection reset', { provider: 'fake' }),
    });
    const media = await clientFor(vendor).templates.uploadMedia({ data: PNG, mimeType: 'image/png' });
    expect(vendor.received.uploadMedia).toBe(2);
    expect(media.$metadata).toMatchObject({ attempts: 2 });
  });

  it('is refused before sending by a provider that cannot upload samples', async () => {
    const vendor = new ScriptedProvider(testCapabilities, ['doUploadMedia']);
    const error = await failure(
      clientFor(vendor).templates.uploadMedia({ data: PNG, mimeType: 'image/png' }),
    );
    expect(UnsupportedOperationError.isInstance(error)).toBe(true);
    expect(error.message).toContain('templates.uploadMedia');
    expect(vendor.calls).toEqual([]);
  });
});
