import { BspError, createWebhookReceiver, type WebhookEvent, WebhookEventSchema } from '@whatsapp-bsp/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { providerWithWebhooks } from './__fixtures__/nxcloud-webhook-support.js';

/*
 * Hostile callbacks: any body, however malformed, gives either valid events or a typed error
 * (ResponseFormatError), never a TypeError or a crash.
 */

const FIELDS = [
  'message_template_status_update',
  'message_template_quality_update',
  'template_category_update',
  'flows',
];
const VALUE_KEYS = [
  'event',
  'time',
  'wabaId',
  'business_phone',
  'message_template_id',
  'message_template_name',
  'message_template_language',
  'reason',
  'new_quality_score',
  'previous_quality_score',
  'new_category',
  'previous_category',
  'flow_id',
  'new_status',
  'old_status',
  'message',
  'alert_state',
  'threshold',
];
const FLOW_EVENTS = ['FLOW_STATUS_CHANGE', 'ENDPOINT_AVAILABILITY', 'CLIENT_ERROR_RATE'];

const scalar = fc.oneof(
  fc.string(),
  fc.constantFrom(...FLOW_EVENTS, 'APPROVED', 'GREEN', '1761291192', '', '-1', '1e999'),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);
const nearlyValue = fc.dictionary(
  fc.oneof(fc.constantFrom(...VALUE_KEYS), fc.string()),
  fc.oneof(scalar, fc.jsonValue()),
);

/** Bodies near the documented shapes, and plain junk. */
const hostileBody = fc.oneof(
  fc
    .record({
      field: fc.oneof(fc.constantFrom(...FIELDS), fc.jsonValue()),
      value: fc.oneof(nearlyValue, fc.jsonValue()),
    })
    .map((body) => JSON.stringify(body)),
  fc
    .record({ statuses: fc.oneof(fc.array(fc.jsonValue()), fc.jsonValue()) })
    .map((body) => JSON.stringify(body)),
  fc.jsonValue().map((value) => JSON.stringify(value) ?? 'null'),
  fc.string(),
  fc.uint8Array({ maxLength: 200 }),
  fc.nat({ max: 5_000 }).map((depth) => `${'{"field":"flows","value":'.repeat(depth)}{}${'}'.repeat(depth)}`),
);

describe('NXCloud callbacks, hostile bodies', () => {
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
    // Both outcomes are exercised, not only refusals.
    expect(events).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });
});
