import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebhookEventHandler, WebhookReceiver } from '@whatsapp-bsp/core';

export interface WebhookListener {
  /** The URL a vendor posts to: `/<provider>` when several are listened to, any path otherwise. */
  urlFor(provider: string): string;
  close(): Promise<void>;
}

/**
 * A local HTTP server on 127.0.0.1 that hands each vendor's callbacks to its receiver. With one
 * receiver every path is its own; with several, the first path segment names the provider.
 */
export async function startWebhookListener(
  receivers: readonly WebhookReceiver[],
  port: number,
  onEvent: WebhookEventHandler,
): Promise<WebhookListener> {
  const handlers = new Map(receivers.map((receiver) => [receiver.providerId, receiver.nodeHandler(onEvent)]));
  const only = receivers.length === 1 ? handlers.values().next().value : undefined;
  const server: Server = createServer((request, response) => {
    const segment = new URL(request.url ?? '/', 'http://listener.invalid').pathname.split('/')[1] ?? '';
    const handler = only ?? handlers.get(segment);
    if (handler) void handler(request, response);
    else response.writeHead(404).end();
  });
  server.listen(port, '127.0.0.1');
  await Promise.race([
    once(server, 'listening'),
    once(server, 'error').then(([error]) => Promise.reject(error)),
  ]);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    urlFor: (provider) => `${base}/${provider}`,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
