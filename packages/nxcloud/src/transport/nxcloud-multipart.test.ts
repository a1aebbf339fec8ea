import { InvalidRequestError } from '@whatsapp-bsp/core';
import { describe, expect, it } from 'vitest';
import { encodeNxcloudMultipart } from './nxcloud-multipart.js';

/** The body as a server reads it back. */
async function decoded(encoded: { body: Uint8Array; contentType: string }): Promise<FormData> {
  return new Response(encoded.body, { headers: { 'content-type': encoded.contentType } }).formData();
}

describe('encodeNxcloudMultipart', () => {
  it('encodes text fields and a file part that read back as given, in order', async () => {
    const encoded = await encodeNxcloudMultipart({
      flow_id: '387345730623799',
      messaging_product: 'whatsapp',
      file: { data: '{"version":"7.2"}', fileName: 'flow.json', type: 'application/json' },
    });

    expect(encoded.contentType).toMatch(/^multipart\/form-data; boundary=\S+$/);
    const form = await decoded(encoded);
    expect([...form.keys()]).toEqual(['flow_id', 'messaging_product', 'file']);
    const file = form.get('file') as File;
    expect([file.name, file.type, await file.text()]).toEqual([
      'flow.json',
      'application/json',
      '{"version":"7.2"}',
    ]);
  });

  it('sends bytes as they are', async () => {
    const bytes = Uint8Array.from([0, 255, 13, 10, 45, 45]);
    const form = await decoded(
      await encodeNxcloudMultipart({
        file: { data: bytes, fileName: 'a.bin', type: 'application/octet-stream' },
      }),
    );
    expect(new Uint8Array(await (form.get('file') as File).arrayBuffer())).toEqual(bytes);
  });

  it('lets no value forge a part: quotes and line breaks in names and values stay inside their part', async () => {
    const forged = 'x"\r\n\r\n--boundary\r\nContent-Disposition: form-data; name="flow_id"\r\n\r\n1';
    const form = await decoded(
      await encodeNxcloudMultipart({
        messaging_product: forged,
        file: { data: forged, fileName: 'a"\r\nb.json', type: 'application/json' },
      }),
    );
    expect([...form.keys()]).toEqual(['messaging_product', 'file']);
    expect(form.get('messaging_product')).toBe(forged);
    expect(await (form.get('file') as File).text()).toBe(forged);
  });

  it('refuses text with a lone surrogate, naming the field, instead of sending U+FFFD', async () => {
    for (const [fields, field] of [
      [{ flow_id: '\udc00' }, 'flow_id'],
      [{ file: { data: 'a\ud800', fileName: 'flow.json', type: 'application/json' } }, 'file'],
      [{ file: { data: '{}', fileName: '\ud800.json', type: 'application/json' } }, 'file.fileName'],
    ] as const) {
      const error = await encodeNxcloudMultipart(fields).catch((caught: unknown) => caught);
      expect(InvalidRequestError.isInstance(error)).toBe(true);
      expect((error as InvalidRequestError).field).toBe(field);
      expect((error as InvalidRequestError).outcome).toBe('not-sent');
    }
  });
});
