import { describe, expect, it } from 'vitest';
import { encodeMultipartForm } from './nxcloud-multipart.js';

/** Reads a form back as a server would, with the Fetch API's multipart parser. */
async function parsed(body: Uint8Array, contentType: string): Promise<FormData> {
  return new Response(body, { headers: { 'content-type': contentType } }).formData();
}

describe('encodeMultipartForm', () => {
  it('encodes text fields and a file, in order, under the boundary it names', async () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]);
    const form = await encodeMultipartForm({
      business_phone: '8615800001795',
      messaging_product: 'whatsapp',
      file: { data: bytes, mimeType: 'image/png', fileName: 'logo.png' },
      type: 'image/png',
    });

    const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(form.contentType)?.[1];
    expect(boundary).toBeDefined();
    const text = Buffer.from(form.body).toString('latin1');
    expect(text.startsWith(`--${boundary}\r\n`)).toBe(true);
    expect(text.endsWith(`--${boundary}--\r\n`)).toBe(true);
    expect([...text.matchAll(/; name="([^"]+)"/g)].map((match) => match[1])).toEqual([
      'business_phone',
      'messaging_product',
      'file',
      'type',
    ]);
    expect(text).toContain(
      'Content-Disposition: form-data; name="file"; filename="logo.png"\r\nContent-Type: image/png',
    );

    const fields = await parsed(form.body, form.contentType);
    expect(fields.get('business_phone')).toBe('8615800001795');
    expect(fields.get('messaging_product')).toBe('whatsapp');
    expect(fields.get('type')).toBe('image/png');
    const file = fields.get('file') as File;
    expect(file.name).toBe('logo.png');
    expect(file.type).toBe('image/png');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes);
  });

  it('sends only the bytes of a view, not the rest of its buffer', async () => {
    const buffer = new Uint8Array([1, 2, 3, 4, 5, 6]);
    const form = await encodeMultipartForm({
      file: { data: buffer.subarray(2, 4), mimeType: 'application/pdf', fileName: 'a.pdf' },
    });
    const file = (await parsed(form.body, form.contentType)).get('file') as File;
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(new Uint8Array([3, 4]));
  });

  it('keeps a file name with quotes and line breaks inside its header, escaped, and whole', async () => {
    const fileName = 'a"b\r\nX-Injected: 1.jpg';
    const form = await encodeMultipartForm({
      file: { data: new Uint8Array([1]), mimeType: 'image/jpeg', fileName },
    });
    const text = Buffer.from(form.body).toString('latin1');
    expect(text).not.toContain('\r\nX-Injected');
    expect(text).toContain('filename="a%22b%0D%0AX-Injected: 1.jpg"');
    const file = (await parsed(form.body, form.contentType)).get('file') as File;
    expect(file.name).toBe(fileName);
  });
});
