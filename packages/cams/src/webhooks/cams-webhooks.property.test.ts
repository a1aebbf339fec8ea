import { BspError, createWebhookReceiver, type WebhookEvent, WebhookEventSchema } from '@whatsapp-bsp/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { providerWithWebhooks } from './__fixtures__/cams-webhook-support.js';

/*
 * Hostile callbacks: any body, however malformed, gives either valid events or a typed error
 * (ResponseFormatError), never a TypeError or a crash.
 */

const KEYS = ['WabaId', 'TemplateCode', 'Language', 'AuditStatus', 'Reason', 'Type'];
const scalar = fc.oneof(
  fc.string(),
  fc.constantFrom('pass', 'fail', 'auditing', 'unaudit', 'template', 'TEMPLATE', 'en_US', ''),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);
const nearlyReport = fc.dictionary(
  fc.oneof(fc.constantFrom(...KEYS), fc.string()),
  fc.oneof(scalar, fc.jsonValue()),
);

const hostileBody = fc.oneof(
  fc.array(fc.oneof(nearlyReport, fc.jsonValue()), { maxLength: 8 }).map((body) => JSON.stringify(body)),
  fc.jsonValue().map((value) => JSON.stringify(value) ?? 'null'),
  fc.string(),
  fc.uint8Array({ maxLength: 200 }),
  fc.nat({ max: 5_000 }).map((depth) => `${'['.repeat(depth)}{"AuditStatus":"pass"}${']'.repeat(depth)}`),
);

describe('CAMS callbacks, hostile bodies', () => {
  it('give valid events or a typed error, never a crash', async () => {
    const receiver = createWebhookReceiver({ provider: providerWithWebhooks() });
    let events = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(hostileBody, async (body) => {
        let result: WebhookEvent[];
        try {
          result = await receiver.parse({ headers: {}, body });
        } catch (error) {
          expect(BspError.isInstance(error), String(error)).toBe(true);
          expect((error as BspError).code).toBe('BAD_RESPONSE');
          refused += 1;
          return;
        }
        for (const event of result) expect(WebhookEventSchema.safeParse(event).success).toBe(true);
        events += result.length;
      }),
      { numRuns: 200 },
    );
    expect(events).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });
});
