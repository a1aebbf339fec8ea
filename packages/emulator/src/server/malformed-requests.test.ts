import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendCams, sendNxcloud } from '../__fixtures__/signed-requests.js';
import { type Emulator, startEmulator } from '../start-emulator.js';
import { MALFORMED_OPERATION } from './vendor-server.js';

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());

/** Writes bytes on a fresh connection and reads everything until the server closes it. */
function rawRequest(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes, 'latin1'));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
  });
}

const portOf = (vendor: 'nxcloud' | 'cams') => Number(new URL(emulator[vendor].url).port);
const end = 'Host: 127.0.0.1\r\nConnection: close\r\n\r\n';

/** Request lines and headers a client could send; none may take the emulator down. */
const MALFORMED: ReadonlyArray<[string, string]> = [
  ['an absolute target with a broken IPv6 host', `POST http://[/ HTTP/1.1\r\n${end}`],
  ['a target of // and a broken host', `GET //[ HTTP/1.1\r\n${end}`],
  ['an absolute target with a port out of range', `POST http://127.0.0.1:99999/ HTTP/1.1\r\n${end}`],
  ['an absolute target with a bad escape in its host', `POST http://a%zz/ HTTP/1.1\r\n${end}`],
  ['an absolute target with a bad scheme', `POST 1http://x/ HTTP/1.1\r\n${end}`],
  ['no request line at all', `NOT A REQUEST\r\n${end}`],
  ['an unknown method', `FETCH / HTTP/1.1\r\n${end}`],
  ['a header name with a space', `POST / HTTP/1.1\r\nBad Header: 1\r\n${end}`],
  ['a header value with a NUL byte', `POST / HTTP/1.1\r\nx-acs-action: Get\u0000Flow\r\n${end}`],
  ['a non-numeric Content-Length', `POST / HTTP/1.1\r\nContent-Length: ten\r\n${end}`],
  [
    'both Content-Length and Transfer-Encoding',
    `POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n${end}0\r\n\r\n`,
  ],
  ['a bad chunk size', `POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n${end}zz\r\nabc\r\n0\r\n\r\n`],
];

describe('malformed requests', () => {
  for (const vendor of ['nxcloud', 'cams'] as const) {
    it(`get HTTP 400 from ${vendor}, which goes on serving`, async () => {
      const statusLines: Record<string, string> = {};
      for (const [name, bytes] of MALFORMED) {
        const answer = await rawRequest(portOf(vendor), bytes);
        statusLines[name] = answer.split('\r\n')[0] ?? '';
      }
      expect(statusLines).toEqual(
        Object.fromEntries(MALFORMED.map(([name]) => [name, expect.stringMatching(/^HTTP\/1\.1 400 /)])),
      );
      // Node's own parser refuses the others before the emulator sees them; these four it lets
      // through, and the URL parser then refuses.
      expect(emulator.requests.count(vendor, MALFORMED_OPERATION)).toBe(4);
      expect(await wellFormedRequest(vendor)).toBe(200);
    });
  }
});

/** A correctly signed request, answered normally: the server is still there. */
async function wellFormedRequest(vendor: 'nxcloud' | 'cams'): Promise<number> {
  if (vendor === 'cams') {
    const { accessKeyId, accessKeySecret, endpoint } = emulator.cams.config;
    const answer = await sendCams({ endpoint, accessKeyId, accessKeySecret, action: 'ListFlow' });
    expect(answer.json()).toMatchObject({ Code: 'OK' });
    return answer.status;
  }
  const { accessKey, accessSecret, appKey, businessPhone, baseUrl } = emulator.nxcloud.config;
  const answer = await sendNxcloud({
    baseUrl,
    path: '/api/wa/getTemplate',
    action: 'getTemplate',
    accessKey,
    accessSecret,
    ts: Date.now(),
    body: JSON.stringify({ appkey: appKey, business_phone: businessPhone, messaging_product: 'whatsapp' }),
  });
  expect(answer.json()).toMatchObject({ code: 0 });
  return answer.status;
}
