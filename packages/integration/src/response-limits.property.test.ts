import {
  type ImplementedOperation as ClientOperation,
  FlowPreviewSchema,
  FlowSchema,
  FlowSummarySchema,
  ResponseFormatError,
  TemplateSchema,
  TemplateSummarySchema,
  type WhatsAppClient,
} from '@whatsapp-bsp/core';
import {
  type BodyEncoding,
  type Emulator,
  type FaultRule,
  NXCLOUD_EXAMPLE_FLOW,
  NXCLOUD_EXAMPLE_TEMPLATE,
  startEmulator,
  type Vendor,
} from '@whatsapp-bsp/emulator';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor } from './emulator-clients.js';

/**
 * The operations this file covers: the reads a call can make without creating anything first.
 * The writes' faults are in write-faults.test.ts.
 */
type ReadOperation = Extract<
  ClientOperation,
  'flows.get' | 'flows.list' | 'flows.preview' | 'templates.list' | 'templates.get'
>;

/*
 * Bodies of random sizes around the clients' response limit (below it, at it, a byte past it, far
 * past it), plain or compressed with any encoding the clients accept, and bodies that never end,
 * all from the emulator over loopback to both adapters through the client. Each padded body is the
 * vendor's real answer followed by JSON whitespace: within the limit it must read as the real
 * thing, past it the client must refuse it with a ResponseFormatError without reading on; and
 * the process must come through all of them in bounded memory.
 */

/** A small limit keeps the runs fast; the default's 8 MiB is the fault matrix's business. */
const LIMIT = 64 * 1024;
const MiB = 1024 * 1024;
/**
 * Where the emulator drops an endless body: far past the limit, so a client that stops at it
 * never gets there, and one that reads on ends with a dropped connection instead of a refusal.
 */
const ENDLESS_CAP = 16 * MiB;
const RUNS_PER_VENDOR = 50;

/** Each read operation, and whether what it returned is a valid value of the normalized model. */
const READS: Record<ReadOperation, (client: WhatsAppClient) => Promise<boolean>> = {
  'flows.get': async (client) =>
    FlowSchema.safeParse(await client.flows.get(NXCLOUD_EXAMPLE_FLOW.id)).success,
  'flows.preview': async (client) =>
    FlowPreviewSchema.safeParse(await client.flows.preview(NXCLOUD_EXAMPLE_FLOW.id)).success,
  'flows.list': async (client) => {
    const page = (await client.flows.list({ pageSize: 5 }).pages().next()).value;
    return (
      page !== undefined &&
      page.items.length > 0 &&
      page.items.every((item) => FlowSummarySchema.safeParse(item).success)
    );
  },
  'templates.list': async (client) => {
    const page = (await client.templates.list({ pageSize: 5 }).pages().next()).value;
    return (
      page !== undefined &&
      page.items.length > 0 &&
      page.items.every((item) => TemplateSummarySchema.safeParse(item).success)
    );
  },
  'templates.get': async (client) =>
    TemplateSchema.safeParse(
      await client.templates.get({
        name: NXCLOUD_EXAMPLE_TEMPLATE.name,
        language: NXCLOUD_EXAMPLE_TEMPLATE.language,
      }),
    ).success,
};

type Encoding = BodyEncoding | 'identity';

type Body =
  /** The real answer padded to `size` bytes before any compression. */
  | { kind: 'padded'; size: number; encoding: Encoding; chunked: boolean }
  | { kind: 'endless'; encoding: Encoding };

const encoding = fc.constantFrom<Encoding>('identity', 'gzip', 'deflate', 'br');
const padded = (size: fc.Arbitrary<number>): fc.Arbitrary<Body> =>
  fc.record({ kind: fc.constant('padded' as const), size, encoding, chunked: fc.boolean() });

const bodies: fc.Arbitrary<Body> = fc.oneof(
  // Anywhere up to three times the limit.
  { weight: 2, arbitrary: padded(fc.integer({ min: 1, max: 3 * LIMIT })) },
  // At the limit, and a few bytes either side of it.
  {
    weight: 2,
    arbitrary: padded(fc.oneof(fc.constant(LIMIT), fc.integer({ min: LIMIT - 64, max: LIMIT + 64 }))),
  },
  // Far past it: compressed, a bomb.
  { weight: 1, arbitrary: padded(fc.integer({ min: 3 * LIMIT, max: 16 * MiB })) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('endless' as const), encoding }) },
);

const operation = fc.constantFrom(...(Object.keys(READS) as ReadOperation[]));

/** The fault rule that makes the emulator send `body` in place of the vendor's answer. */
function faultFor(body: Body): FaultRule {
  const compressed = body.encoding === 'identity' ? {} : { encoding: body.encoding };
  if (body.kind === 'endless') return { kind: 'endless', capBytes: ENDLESS_CAP, ...compressed };
  if (body.encoding === 'identity') return { kind: 'oversized', bytes: body.size, chunked: body.chunked };
  return { kind: 'compression-bomb', bytes: body.size, encoding: body.encoding };
}

/** Whether the body, once decoded, fits the limit. The vendor's answers are far smaller than it. */
const fits = (body: Body) => body.kind === 'padded' && body.size <= LIMIT;

let emulator: Emulator;
const outcomes = { whole: 0, refused: 0 };

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator.close();
  console.log(
    `${outcomes.whole + outcomes.refused} bodies around a limit of ${LIMIT} bytes: ${outcomes.whole} read whole, ${outcomes.refused} refused`,
  );
});

describe.each(['nxcloud', 'cams'] as const)('%s: bodies around the response limit', (vendor: Vendor) => {
  it('are read as the real answer within the limit and refused past it, in bounded memory', async () => {
    // Built here rather than before the tests: an adapter refusing the option fails this test
    // with its own ConfigError.
    const client = await clientFor(
      emulator,
      vendor,
      { retry: { maxAttempts: 1 }, rateLimit: false },
      { maxResponseBytes: LIMIT },
    );
    const rssBefore = process.memoryUsage().rss;
    const mine = { whole: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(bodies, operation, async (body, name) => {
        emulator.faults.set({ ...faultFor(body), vendor });
        try {
          const outcome = await READS[name](client).then(
            (valid) => ({ valid }),
            (error: unknown) => ({ error }),
          );
          if (fits(body)) {
            expect(outcome, 'a body within the limit is read').toEqual({ valid: true });
            mine.whole += 1;
          } else {
            const { error } = outcome as { error?: unknown };
            expect(ResponseFormatError.isInstance(error), String(error ?? 'a value')).toBe(true);
            expect(error).toMatchObject({ outcome: 'unknown', retryable: false });
            mine.refused += 1;
          }
        } finally {
          emulator.faults.clear();
        }
      }),
      { numRuns: RUNS_PER_VENDOR },
    );
    outcomes.whole += mine.whole;
    outcomes.refused += mine.refused;
    // Both ends are exercised: each has a chance far above 99.99% in these runs.
    expect(mine.whole).toBeGreaterThan(0);
    expect(mine.refused).toBeGreaterThan(0);
    // Loose: bodies up to 16 MiB decoded and endless ones up to 16 MiB went by; none may be held.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(256 * MiB);
    // The client and the emulator are both still at work.
    await expect(READS['flows.get'](client)).resolves.toBe(true);
  }, 120_000);
});
