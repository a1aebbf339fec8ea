import { createCipheriv, createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResponseFormatError } from '../../errors/error-classes.js';
import {
  answer,
  compressStream,
  type Encoding,
  type LocalServer,
  repeated,
  startServer,
  testAgents,
  zeros,
} from './__fixtures__/local-servers.js';
import type { HttpAgents } from './http-agents.js';
import { sendHttpRequest } from './send-http-request.js';

const LIMIT = 64 * 1024;
const MiB = 1024 * 1024;

type Content = 'zeros' | 'text' | 'random';

interface Case {
  readonly size: number;
  readonly content: Content;
  readonly encoding: Encoding | 'identity';
  readonly chunked: boolean;
  readonly seed: number;
}

/** `size` bytes of the content, made as they are read. */
function body(content: Content, size: number, seed: number): Readable {
  if (content === 'zeros') return zeros(size);
  if (content === 'text') {
    return repeated(
      Buffer.from(`{"name":"template_${seed}","language":"en_US","status":"APPROVED"},\n`),
      size,
    );
  }
  // Incompressible, and the same for the same seed: an AES-CTR key stream.
  const key = createHash('sha256').update(String(seed)).digest().subarray(0, 16);
  return zeros(size).pipe(createCipheriv('aes-128-ctr', key, Buffer.alloc(16)));
}

const anyEncoding = fc.constantFrom<Encoding | 'identity'>(
  'identity',
  'gzip',
  'deflate',
  'deflate-raw',
  'br',
);

/** Around the limit, in any content and encoding; or far past it, compressed, as a bomb would be. */
const cases: fc.Arbitrary<Case> = fc.oneof(
  fc.record({
    size: fc.oneof(fc.integer({ min: 0, max: 3 * LIMIT }), fc.integer({ min: LIMIT - 64, max: LIMIT + 64 })),
    content: fc.constantFrom<Content>('zeros', 'text', 'random'),
    encoding: anyEncoding,
    chunked: fc.boolean(),
    seed: fc.nat(),
  }),
  fc.record({
    size: fc.integer({ min: 3 * LIMIT, max: 16 * MiB }),
    content: fc.constantFrom<Content>('zeros', 'text'),
    encoding: fc.constantFrom<Encoding>('gzip', 'deflate', 'deflate-raw', 'br'),
    chunked: fc.boolean(),
    seed: fc.nat(),
  }),
);

describe('sendHttpRequest with arbitrary bodies', () => {
  let server: LocalServer;
  let agents: HttpAgents;
  let current: { raw: Buffer; encoding: string; chunked: boolean } = {
    raw: Buffer.alloc(0),
    encoding: 'identity',
    chunked: false,
  };

  beforeAll(async () => {
    server = await startServer((_request, response) => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (current.encoding !== 'identity') headers['content-encoding'] = current.encoding;
      answer(response, current.raw, { headers, chunked: current.chunked });
    });
    agents = testAgents();
  });

  afterAll(async () => {
    agents.destroy();
    await server.close();
  });

  it('gives every body whole or refuses it with a ResponseFormatError, in bounded memory', async () => {
    const before = process.memoryUsage().rss;
    let whole = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(cases, async ({ size, content, encoding, chunked, seed }) => {
        const raw = await compressStream(encoding, body(content, size, seed));
        current = { raw, encoding: encoding === 'deflate-raw' ? 'deflate' : encoding, chunked };
        const outcome = await sendHttpRequest({
          method: 'GET',
          url: `http://127.0.0.1:${server.port}/`,
          maxResponseBytes: LIMIT,
          agents,
        }).then(
          (response) => response.body,
          (error: unknown) => error,
        );
        if (size <= LIMIT && raw.length <= LIMIT) {
          expect(Buffer.isBuffer(outcome), String(outcome)).toBe(true);
          const expected = await compressStream('identity', body(content, size, seed));
          expect((outcome as Buffer).equals(expected)).toBe(true);
          whole += 1;
        } else {
          expect(ResponseFormatError.isInstance(outcome), String(outcome)).toBe(true);
          expect(outcome).toMatchObject({ outcome: 'unknown', retryable: false });
          refused += 1;
        }
      }),
      { numRuns: 60 },
    );
    expect(whole + refused).toBe(60);
    // Both ends are exercised (each has a chance far above 99.99% in 60 runs).
    expect(whole).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
    // Loose: bodies up to 16 MiB decoded, none read past 64 KiB.
    expect(process.memoryUsage().rss - before).toBeLessThan(256 * MiB);
    // A bound on a busy machine, not a measure: the runs usually take a second or two.
  }, 120_000);
});
