import { bodyTooLarge } from './read-webhook.js';
import { type WebhookAnswer, webhookAnswer } from './webhook-answer.js';
import type { WebhookEndpoint } from './webhook-endpoint.js';

/**
 * A handler for Fetch API frameworks (Next.js route handlers, Hono, Remix, Bun, Deno): a `Request`
 * in, a `Response` out. It never rejects: every outcome is an answer (200, 400, 401, 405, 413, 500).
 */
export type FetchWebhookHandler = (request: Request) => Promise<Response>;

export function createFetchHandler(endpoint: WebhookEndpoint): FetchWebhookHandler {
  return async (request) => {
    try {
      if (request.method !== 'POST') return toResponse(webhookAnswer(405, { allow: 'POST' }));
      const body = await readLimited(request, endpoint.maxBodyBytes);
      if (body === undefined) {
        endpoint.report(bodyTooLarge(endpoint.providerId, endpoint.maxBodyBytes));
        return toResponse(webhookAnswer(413));
      }
      return toResponse(await endpoint.handle({ headers: request.headers, body, url: request.url }));
    } catch (error) {
      endpoint.report(error);
      return toResponse(webhookAnswer(500));
    }
  };
}

/** The body's bytes, or undefined when it is larger than the limit; stops reading past it. */
async function readLimited(request: Request, limit: number): Promise<Uint8Array | undefined> {
  if (Number(request.headers.get('content-length')) > limit) return undefined;
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

function toResponse(answer: WebhookAnswer): Response {
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}
