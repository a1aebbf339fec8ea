import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createWebhookEventStream,
  createWebhookReceiver,
  type WebhookEvent,
  type WhatsAppClient,
} from '@whatsapp-bsp/core';
import { type Emulator, startEmulator } from '@whatsapp-bsp/emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { clientFor } from './emulator-clients.js';

/*
 * Status events end to end: the emulator posts NXCloud's callbacks to a receiver built from the
 * same configuration as the client, and a wait for a status wakes on them. The poll interval is
 * far longer than the test, so only an event can end the wait in time.
 */

let emulator: Emulator<'nxcloud'> | undefined;
let server: Server | undefined;

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  await emulator?.close();
  emulator = undefined;
  server = undefined;
});

async function setup(reviewDelayMs = 0): Promise<{
  client: WhatsAppClient;
  received: WebhookEvent[];
  events: ReturnType<typeof createWebhookEventStream>;
}> {
  const events = createWebhookEventStream();
  const received: WebhookEvent[] = [];
  emulator = await startEmulator({
    vendors: ['nxcloud'],
    data: { flows: 0, templates: 0 },
    review: { delayMs: reviewDelayMs },
  });
  const config = { provider: 'nxcloud', nxcloud: emulator.nxcloud.config } as const;
  const receiver = await createWebhookReceiver(config);
  server = createServer(
    receiver.nodeHandler((event) => {
      received.push(event);
      events.onEvent(event);
    }),
  );
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  emulator.webhooks.register('nxcloud', `http://127.0.0.1:${port}/`);
  return { client: await clientFor(emulator, 'nxcloud', { rateLimit: false }), received, events };
}

describe('status events from the emulator to a receiver', () => {
  it('a flow published and then blocked arrives as flow.status events, and ends a wait for it', async () => {
    const { client, received, events } = await setup();
    const store = emulator!.store;
    const flow = store.flows.add({
      name: 'signup',
      status: 'DRAFT',
      categories: ['SIGN_UP'],
      validationErrors: [],
    });
    const waiting = client.flows.waitForStatus(flow.id, {
      until: ['BLOCKED'],
      events,
      pollIntervalMs: 600_000,
      maxPollIntervalMs: 600_000,
    });
    store.flows.replace({ ...flow, status: 'PUBLISHED' });
    await emulator!.webhooks.settled();
    store.flows.replace({ ...flow, status: 'BLOCKED' });
    expect((await waiting).status).toBe('BLOCKED');
    await emulator!.webhooks.settled();
    expect(
      received.map(
        (event) => event.type === 'flow.status' && [event.flowId, event.previousStatus, event.status],
      ),
    ).toEqual([
      [flow.id, 'DRAFT', 'PUBLISHED'],
      [flow.id, 'PUBLISHED', 'BLOCKED'],
    ]);
  });

  it('a template reviewed by the emulator arrives as template.status APPROVED, and ends a wait for it', async () => {
    const { client, events } = await setup(200);
    const template = emulator!.review.submit({
      name: 'order_shipped',
      language: 'en_US',
      category: 'UTILITY',
      status: 'PENDING',
      components: [{ type: 'BODY', text: 'Your order has shipped.' }],
    });
    const approved = await client.templates.waitForStatus(
      { name: template.name, language: template.language },
      { events, pollIntervalMs: 600_000, maxPollIntervalMs: 600_000, timeoutMs: 600_000 },
    );
    expect(approved.status).toBe('APPROVED');
  });
});
