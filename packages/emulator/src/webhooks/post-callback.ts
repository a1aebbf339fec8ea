import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** What became of one attempt: the receiver's status, or why there was none. */
export type AttemptOutcome = { status: number } | { error: string };

/**
 * One POST of a callback, on a connection of its own (no pooling, so that closing the emulator
 * leaves no socket open). The answer's body is read and dropped; redirects are not followed.
 */
export function postCallback(
  url: URL,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<AttemptOutcome> {
  return new Promise((resolve) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        agent: false,
        timeout: timeoutMs,
        signal,
      },
      (response) => {
        response.on('error', (error) => resolve({ error: error.message }));
        response.on('end', () => resolve({ status: response.statusCode ?? 0 }));
        response.resume();
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    request.end(body);
  });
}
