import { request as httpRequest, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { pipeline, type Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { nxcloudSign, sendCams } from '../__fixtures__/signed-requests.js';
import { type Emulator, startEmulator } from '../start-emulator.js';

/*
 * The faults that distort the real answer: oversized and compressed bodies, endless bodies,
 * redirects and lying lengths. The bodies are read as streams and counted, never collected whole
 * when they are large, since holding them is what these faults exist to punish.
 */

const MiB = 1024 * 1024;
let emulator: Emulator;
const clock = Date.parse('2025-03-01T08:00:00Z');

beforeAll(async () => {
  emulator = await startEmulator({ now: () => clock });
});
afterEach(() => {
  emulator.faults.clear();
  emulator.requests.reset();
});
afterAll(() => emulator.close());

/** A signed NXCloud getTemplate request: its URL, headers and body. */
function getTemplate() {
  const config = emulator.nxcloud.config;
  const body = JSON.stringify({
    appkey: config.appKey,
    business_phone: config.businessPhone,
    messaging_product: 'whatsapp',
    name: 'normal_text3',
  });
  const call = {
    accessKey: config.accessKey,
    accessSecret: config.accessSecret,
    action: 'getTemplate',
    body,
    ts: clock,
  };
  return {
    url: new URL('/api/wa/getTemplate', config.baseUrl),
    headers: {
      'content-type': 'application/json',
      accessKey: call.accessKey,
      ts: String(call.ts),
      bizType: '2',
      action: call.action,
      sign: nxcloudSign(call),
    },
    body,
  };
}

/** Sends the request and resolves with the answer's head; its body is left to the caller to read. */
function open(): Promise<IncomingMessage> {
  const { url, headers, body } = getTemplate();
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { method: 'POST', headers, agent: false }, resolve);
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

interface Counted {
  /** Bytes read. */
  bytes: number;
  /** The first `keep` bytes. */
  start: Buffer;
  /** Whether every byte after the first `spacesAfter` was a space. */
  spacesOnly: boolean;
  /** The stream's error, if it ended in one. */
  error?: Error;
}

/**
 * Reads a stream to its end or its error, counting bytes and keeping only the first `keep`, and
 * checking that everything after the first `spacesAfter` bytes is JSON whitespace (a space).
 */
async function count(stream: Readable, spacesAfter = Number.POSITIVE_INFINITY, keep = 64 * 1024) {
  const counted: Counted = { bytes: 0, start: Buffer.alloc(0), spacesOnly: true };
  const kept: Buffer[] = [];
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (counted.bytes < keep) kept.push(chunk.subarray(0, keep - counted.bytes));
      const firstPadding = Math.max(0, spacesAfter - counted.bytes);
      if (counted.spacesOnly && firstPadding < chunk.length) {
        counted.spacesOnly = onlySpaces(chunk.subarray(firstPadding));
      }
      counted.bytes += chunk.length;
    }
  } catch (error) {
    counted.error = error as Error;
  }
  counted.start = Buffer.concat(kept);
  return counted;
}

const SPACES = Buffer.alloc(MiB, ' ');

/** Compared in native code: a loop over the bytes in JavaScript would take seconds here. */
function onlySpaces(bytes: Buffer): boolean {
  for (let at = 0; at < bytes.length; at += SPACES.length) {
    const part = bytes.subarray(at, at + SPACES.length);
    if (!part.equals(SPACES.subarray(0, part.length))) return false;
  }
  return true;
}

/** The body decoded as a client would decode it; an error of the answer ends it in that error. */
function decoded(answer: IncomingMessage, encoding: 'gzip' | 'deflate' | 'br'): Readable {
  const decoder =
    encoding === 'gzip'
      ? createGunzip()
      : encoding === 'deflate'
        ? createInflate()
        : createBrotliDecompress();
  return pipeline(answer, decoder, () => {});
}

/** The answer without any fault. */
async function realAnswer(): Promise<Buffer> {
  const answer = await open();
  return (await count(answer)).start;
}

describe('oversized', () => {
  it.each([
    ['with its true Content-Length', false],
    ['chunked', true],
  ])('sends the real answer padded with whitespace to the size asked, %s', async (_, chunked) => {
    const real = await realAnswer();
    emulator.faults.set({ kind: 'oversized', bytes: MiB, chunked });
    const answer = await open();
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toContain('application/json');
    expect(answer.headers['content-length']).toBe(chunked ? undefined : String(MiB));
    expect(answer.headers['transfer-encoding']).toBe(chunked ? 'chunked' : undefined);
    const body = await count(answer, real.length, MiB);
    expect(body.bytes).toBe(MiB);
    expect(body.spacesOnly).toBe(true);
    // Valid JSON that reads as the real answer.
    expect(JSON.parse(body.start.toString())).toEqual(JSON.parse(real.toString()));
    expect(emulator.requests.rejected).toBe(1);
  });

  it('sends an answer already longer than the size asked as it is', async () => {
    const real = await realAnswer();
    emulator.faults.set({ kind: 'oversized', bytes: 1 });
    const answer = await open();
    expect(answer.headers['content-length']).toBe(String(real.length));
    expect((await count(answer)).start.equals(real)).toBe(true);
  });

  it('on CAMS too, any operation', async () => {
    emulator.faults.set({ kind: 'oversized', bytes: 100_000, vendor: 'cams' });
    const { accessKeyId, accessKeySecret, endpoint } = emulator.cams.config;
    const answer = await sendCams({
      endpoint,
      accessKeyId,
      accessKeySecret,
      action: 'ListFlow',
      date: new Date(clock),
    });
    expect(answer.status).toBe(200);
    expect(answer.text.length).toBe(100_000);
    expect(answer.json()).toMatchObject({ Code: 'OK', Data: expect.any(Array) });
  });

  it('makes 256 MiB as the client reads them, never holding the body', async () => {
    const real = await realAnswer();
    const size = 256 * MiB;
    emulator.faults.set({ kind: 'oversized', bytes: size, chunked: true });
    const before = process.memoryUsage().rss;
    const body = await count(await open(), real.length);
    expect(body.bytes).toBe(size);
    expect(body.spacesOnly).toBe(true);
    // Loose: client and emulator share this process; holding the body would take 256 MiB.
    expect(process.memoryUsage().rss - before).toBeLessThan(128 * MiB);
  }, 60_000);
});

describe('compression-bomb', () => {
  it.each(['gzip', 'deflate', 'br'] as const)(
    'a %s body that is small on the wire and inflates to exactly the size asked',
    async (encoding) => {
      const real = await realAnswer();
      const size = 64 * MiB;
      emulator.faults.set({ kind: 'compression-bomb', bytes: size, encoding });
      const answer = await open();
      expect(answer.statusCode).toBe(200);
      expect(answer.headers['content-encoding']).toBe(encoding);
      expect(answer.headers['content-length']).toBeUndefined();
      const onTheWire = { bytes: 0 };
      answer.on('data', (chunk: Buffer) => {
        onTheWire.bytes += chunk.length;
      });
      const inflated = await count(decoded(answer, encoding), real.length);
      expect(inflated.error).toBeUndefined();
      expect(inflated.bytes).toBe(size);
      expect(inflated.spacesOnly).toBe(true);
      expect(inflated.start.subarray(0, real.length).equals(real)).toBe(true);
      // Flushed every 64 KiB: gzip and deflate make about 1 byte of 800, br far fewer.
      expect(onTheWire.bytes).toBeLessThan(size / 500);
    },
    60_000,
  );

  it('is an ordinary compressed answer below a client limit: gzip by default', async () => {
    const real = await realAnswer();
    emulator.faults.set({ kind: 'compression-bomb', bytes: 10_000 });
    const answer = await open();
    expect(answer.headers['content-encoding']).toBe('gzip');
    const inflated = await count(decoded(answer, 'gzip'));
    expect(inflated.bytes).toBe(10_000);
    expect(JSON.parse(inflated.start.toString())).toEqual(JSON.parse(real.toString()));
  });
});

describe('endless', () => {
  it('streams until the client closes, then serves the next request normally', async () => {
    emulator.faults.set({ kind: 'endless', times: 1 });
    const answer = await open();
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-length']).toBeUndefined();
    let read = 0;
    await new Promise<void>((resolve) => {
      answer.on('data', (chunk: Buffer) => {
        read += chunk.length;
        // Far past what any answer of this API holds: the body is not going to end.
        if (read > 16 * MiB) {
          answer.destroy();
          resolve();
        }
      });
    });
    expect((await realAnswer()).toString()).toContain('"code":0');
  });

  it('drops the connection at its cap, so the body never ends well', async () => {
    const real = await realAnswer();
    emulator.faults.set({ kind: 'endless', capBytes: 4 * MiB });
    const body = await count(await open(), real.length);
    expect(body.error?.message).toMatch(/aborted|ECONNRESET/);
    // What the emulator had written but the kernel not yet taken is lost when it drops the
    // connection, so the client may see a little less than the cap.
    expect(body.bytes).toBeGreaterThan(2 * MiB);
    expect(body.bytes).toBeLessThanOrEqual(4 * MiB + 64 * 1024 + real.length);
    expect(body.spacesOnly).toBe(true);
    expect(body.start.subarray(0, real.length).equals(real)).toBe(true);
  });

  it.each(['gzip', 'br'] as const)(
    'compressed with %s, until the connection drops at its cap',
    async (encoding) => {
      const real = await realAnswer();
      emulator.faults.set({ kind: 'endless', capBytes: 64 * MiB, encoding });
      const answer = await open();
      expect(answer.headers['content-encoding']).toBe(encoding);
      const inflated = await count(decoded(answer, encoding), real.length);
      expect(inflated.error).toBeDefined();
      expect(inflated.start.subarray(0, real.length).equals(real)).toBe(true);
      expect(inflated.spacesOnly).toBe(true);
      // Flushed block by block, so the client decodes it as it comes; what it had received but
      // not yet decoded when the connection dropped is lost with it.
      expect(inflated.bytes).toBeGreaterThan(MiB);
      expect(inflated.bytes).toBeLessThanOrEqual(64 * MiB + 64 * 1024);
    },
  );

  it('stops when the emulator closes', async () => {
    const own = await startEmulator({ vendors: ['nxcloud'], now: () => clock });
    own.faults.set({ kind: 'endless' });
    const config = own.nxcloud.config;
    const body = JSON.stringify({ appkey: config.appKey, messaging_product: 'whatsapp' });
    const call = { ...config, action: 'getTemplate', body, ts: clock };
    const answer = await new Promise<IncomingMessage>((resolve, reject) => {
      const outgoing = httpRequest(
        new URL('/api/wa/getTemplate', config.baseUrl),
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accessKey: config.accessKey,
            ts: String(clock),
            bizType: '2',
            action: 'getTemplate',
            sign: nxcloudSign(call),
          },
          agent: false,
        },
        resolve,
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
    const reading = count(answer);
    await own.close();
    expect((await reading).error).toBeDefined();
  });
});

describe('redirect', () => {
  it('a 302 to the same path under /moved, carrying the real JSON answer', async () => {
    const real = await realAnswer();
    emulator.faults.set({ kind: 'redirect' });
    const answer = await open();
    expect(answer.statusCode).toBe(302);
    expect(answer.headers.location).toBe('/moved/api/wa/getTemplate');
    expect(answer.headers['content-type']).toContain('application/json');
    expect((await count(answer)).start.equals(real)).toBe(true);
  });

  it('with the status and location asked for', async () => {
    emulator.faults.set({ kind: 'redirect', status: 308, location: 'https://elsewhere.example/api' });
    const answer = await open();
    expect(answer.statusCode).toBe(308);
    expect(answer.headers.location).toBe('https://elsewhere.example/api');
    await count(answer);
  });
});

describe('lying-length', () => {
  /** The request over a raw socket, and everything that comes back until the emulator closes. */
  function rawExchange(): Promise<string> {
    const { url, headers, body } = getTemplate();
    const head = [
      `POST ${url.pathname} HTTP/1.1`,
      `host: ${url.host}`,
      ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
      `content-length: ${Buffer.byteLength(body)}`,
      '',
      '',
    ].join('\r\n');
    return new Promise((resolve, reject) => {
      const socket = connect(Number(url.port), url.hostname, () => socket.write(head + body));
      const chunks: Buffer[] = [];
      socket.on('data', (chunk: Buffer) => chunks.push(chunk));
      socket.on('error', reject);
      socket.on('close', () => resolve(Buffer.concat(chunks).toString()));
    });
  }

  function parse(exchange: string) {
    const [head = '', body = ''] = exchange.split('\r\n\r\n');
    const declared = Number(/^content-length: (\d+)$/im.exec(head)?.[1]);
    return { head, body, declared };
  }

  it.each([
    ['more', 2],
    ['fewer', 0.5],
  ] as const)(
    'declares %s bytes than it sends, sends the whole answer and closes',
    async (declares, factor) => {
      const real = await realAnswer();
      emulator.faults.set({ kind: 'lying-length', declares });
      const { head, body, declared } = parse(await rawExchange());
      expect(head).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
      expect(head).toMatch(/^connection: close$/im);
      expect(body).toBe(real.toString());
      expect(declared).toBe(Math.floor(real.length * factor));
    },
  );
});

describe('the new fault rules are checked when set', () => {
  it.each([
    [{ kind: 'oversized' }, 'fault.bytes'],
    [{ kind: 'oversized', bytes: 0 }, 'fault.bytes'],
    [{ kind: 'oversized', bytes: 10, chunked: 'yes' }, 'fault.chunked'],
    [{ kind: 'compression-bomb', bytes: 1.5 }, 'fault.bytes'],
    [{ kind: 'compression-bomb', bytes: 10, encoding: 'zstd' }, 'fault.encoding'],
    [{ kind: 'endless', capBytes: -1 }, 'fault.capBytes'],
    [{ kind: 'endless', encoding: 'identity' }, 'fault.encoding'],
    [{ kind: 'redirect', status: 304 }, 'fault.status'],
    [{ kind: 'redirect', location: '/a\r\nset-cookie: x=1' }, 'fault.location'],
    [{ kind: 'lying-length' }, 'fault.declares'],
  ])('%j is refused naming %s', (rule, field) => {
    expect(() => emulator.faults.set(rule as never)).toThrow(field);
  });
});
