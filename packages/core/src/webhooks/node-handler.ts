import type { IncomingMessage, ServerResponse } from 'node:http';
import { ConfigError } from '../errors/error-classes.js';
import { bodyTooLarge } from './read-webhook.js';
import { type WebhookAnswer, webhookAnswer } from './webhook-answer.js';
import type { WebhookEndpoint } from './webhook-endpoint.js';

/**
 * A request handler for `node:http` and Express-style servers. It never throws or rejects: every
 * outcome is an answer (200, 400, 401, 405, 413, 500).
 */
export type NodeWebhookHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

export function createNodeHandler(endpoint: WebhookEndpoint): NodeWebhookHandler {
  return async (request, response) => {
    try {
      if (request.method !== 'POST') {
        send(response, webhookAnswer(405, { allow: 'POST' }));
        return;
      }
      const body = await rawBody(request, endpoint);
      if (body === undefined) {
        endpoint.report(bodyTooLarge(endpoint.providerId, endpoint.maxBodyBytes));
        send(response, webhookAnswer(413, { connection: 'close' }));
        return;
      }
      send(response, await endpoint.handle({ headers: request.headers, body, url: request.url }));
    } catch (error) {
      endpoint.report(error);
      if (!response.headersSent) send(response, webhookAnswer(500));
      else response.destroy();
    }
  };
}

/**
 * The raw body, or undefined when it is larger than the limit. Express's `express.raw()` or
 * `express.text()` may have read it already into `request.body` (its size is checked with the
 * rest of the call); a JSON body parser cannot have, since a signature covers the exact bytes and
 * those are then gone.
 */
async function rawBody(
  request: IncomingMessage,
  endpoint: WebhookEndpoint,
): Promise<string | Uint8Array | undefined> {
  const parsed = (request as { body?: unknown }).body;
  if (typeof parsed === 'string' || parsed instanceof Uint8Array) return parsed;
  if (request.readableEnded) {
    throw new ConfigError(
      'The webhook request body was read before the handler: mount it before any body parser, or behind express.raw({ type: () => true })',
      { provider: endpoint.providerId },
    );
  }
  return readLimited(request, endpoint.maxBodyBytes);
}

/**
 * Reads the stream to its end, keeping at most `limit` bytes. Past the limit the rest is read and
 * discarded rather than the socket closed mid-request, so the client receives the 413 instead of a
 * reset; how long a client may keep sending is bounded by the server's `requestTimeout`.
 */
function readLimited(request: IncomingMessage, limit: number): Promise<Uint8Array | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = Number(request.headers['content-length']) > limit;
    request.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.byteLength;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
      } else {
        chunks.push(chunk);
      }
    });
    request.once('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks, size)));
    request.once('error', reject);
  });
}

function send(response: ServerResponse, answer: WebhookAnswer): void {
  response.writeHead(answer.status, answer.headers).end(answer.body);
}
