import { request } from 'node:http';
import { type Emulator, startEmulator } from '@whatsapp-bsp/emulator';
import { signNxcloud } from '@whatsapp-bsp/nxcloud';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * The adapter's NXCloud signer against the emulator's verifier, a second implementation written
 * from the vendor's document: for any body, the signature the adapter computes is the one the
 * server expects, computing it twice gives the same, and changing any single byte of the body
 * sent makes the server refuse it (1003).
 */

let emulator: Emulator<'nxcloud'>;

beforeAll(async () => {
  emulator = await startEmulator({ vendors: ['nxcloud'] });
});
afterAll(() => emulator.close());

const ACTION = 'getTemplate';
const PATH = '/api/wa/getTemplate';

/** POSTs these exact bytes, over a connection of its own; resolves to NXCloud's result code. */
function post(headers: Record<string, string>, body: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      `${emulator.nxcloud.url}${PATH}`,
      { method: 'POST', headers, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () =>
          resolve((JSON.parse(Buffer.concat(chunks).toString()) as { code: number }).code),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

const body = fc.oneof(
  fc.json(),
  fc.string({ minLength: 1, unit: 'grapheme' }),
  fc.string({ minLength: 1, unit: 'binary' }),
);

describe('NXCloud signature: adapter signer × emulator verifier', () => {
  it('is deterministic, accepted as sent, and refused after any one byte of the body changes', async () => {
    const { accessKey, accessSecret } = emulator.nxcloud.config;
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(
        body,
        fc.constantFrom('md5' as const, 'sha256' as const),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        async (text, algorithm, position, flip) => {
          const ts = String(Date.now());
          const input = { accessKey, accessSecret, action: ACTION, bizType: '2', ts, body: text, algorithm };
          const sign = signNxcloud(input);
          expect(signNxcloud({ ...input })).toBe(sign);

          const headers = {
            accessKey,
            ts,
            bizType: '2',
            action: ACTION,
            sign,
            algorithm,
            'content-type': 'application/json',
          };
          const bytes = Buffer.from(text, 'utf8');
          // Any answer but 1003: the signature passed, and a later check judged the body.
          expect(await post(headers, bytes)).not.toBe(1003);

          const changed = Buffer.from(bytes);
          const at = position % changed.length;
          changed[at] = (changed[at] ?? 0) ^ flip;
          expect(await post(headers, changed)).toBe(1003);
          checked += 1;
        },
      ),
      { numRuns: 100 },
    );
    console.log(`${checked} bodies signed, accepted, and refused after a one-byte change`);
  });
});
