import http from 'node:http';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BspError } from '../../errors/bsp-error.js';
import {
  ConfigError,
  InvalidRequestError,
  ProviderUnavailableError,
  ResponseFormatError,
} from '../../errors/error-classes.js';
import { testCallContext } from '../../testing/call-context.js';
import { answer, type LocalServer, startServer, testAgents } from './__fixtures__/local-servers.js';
import type { HttpAgents } from './http-agents.js';
import { sendHttpRequest } from './send-http-request.js';

const SECRET = 'TOP-SECRET-access-value-7f3a';

let server: LocalServer | undefined;
let agents: HttpAgents | undefined;

afterEach(async () => {
  vi.restoreAllMocks();
  agents?.destroy();
  agents = undefined;
  await server?.close();
  server = undefined;
});

async function serve(handler: Parameters<typeof startServer>[0]): Promise<string> {
  server = await startServer(handler);
  agents = testAgents();
  return `http://127.0.0.1:${server.port}`;
}

/** The rejection of a promise, failing the test if it resolves. */
async function rejection(promise: Promise<unknown>): Promise<BspError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (reason: unknown) => reason,
  );
  expect(BspError.isInstance(error), String(error)).toBe(true);
  return error as BspError;
}

function expectNoSecret(error: unknown) {
  const shown = [String(error), JSON.stringify(error), inspect(error, { depth: 10 })].join('\n');
  expect(shown).not.toContain(SECRET);
}

describe('sendHttpRequest', () => {
  it('sends through the http module as it is when called, so that what patches it sees the request', async () => {
    const base = await serve((_request, response) => answer(response, Buffer.from('{}')));
    // As a request mock or tracing instrumentation would patch it, after this module was loaded.
    const patched = vi.spyOn(http, 'request');
    const result = await sendHttpRequest({ method: 'GET', url: `${base}/`, agents });
    expect(result.status).toBe(200);
    expect(patched).toHaveBeenCalledOnce();
  });

  it('sends the method, headers and body, and returns status, headers and body', async () => {
    const seen: { method?: string; header?: string; length?: string; encoding?: string; body?: string } = {};
    const base = await serve((request, response) => {
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => {
        Object.assign(seen, {
          method: request.method,
          header: request.headers['x-vendor-key'],
          length: request.headers['content-length'],
          encoding: request.headers['accept-encoding'],
          body,
        });
        answer(response, Buffer.from('{"code":0}'), { headers: { 'x-request-id': 'R-1' } });
      });
    });
    const result = await sendHttpRequest({
      method: 'POST',
      url: `${base}/v1/flows`,
      headers: { 'x-vendor-key': 'key', 'content-length': '999' },
      body: '{"name":"café"}',
      agents,
    });
    expect(result.status).toBe(200);
    expect(result.headers['x-request-id']).toBe('R-1');
    expect(result.body.toString()).toBe('{"code":0}');
    // Content-Length is the body's own, whatever the caller put in the headers.
    expect(seen).toEqual({
      method: 'POST',
      header: 'key',
      length: String(Buffer.byteLength('{"name":"café"}')),
      encoding: 'gzip, deflate, br',
      body: '{"name":"café"}',
    });
  });

  it('returns 4xx and 5xx answers for the adapter to read the vendor failure in them', async () => {
    const base = await serve((request, response) => {
      answer(response, Buffer.from(`{"Code":"Throttling"}`), { status: request.url === '/429' ? 429 : 503 });
    });
    for (const status of [429, 503]) {
      const result = await sendHttpRequest({ method: 'GET', url: `${base}/${status}`, agents });
      expect(result.status).toBe(status === 429 ? 429 : 503);
      expect(result.body.toString()).toBe('{"Code":"Throttling"}');
    }
  });

  it('keeps connections alive and reuses them', async () => {
    const base = await serve((_request, response) => answer(response, Buffer.from('ok')));
    for (let i = 0; i < 3; i += 1) {
      expect((await sendHttpRequest({ method: 'GET', url: `${base}/`, agents })).body.toString()).toBe('ok');
    }
    expect(server?.connections()).toBe(1);
    expect(server?.requests()).toBe(3);
  });

  it.each([301, 302, 307, 308])(
    'takes a %i redirect as an error, never as data, and never follows it',
    async (status) => {
      const base = await serve((_request, response) =>
        answer(response, Buffer.from('{"Code":"OK","Data":{"FlowId":"1"}}'), {
          status,
          headers: {
            location: `https://elsewhere.vendor.test/login?token=${SECRET}`,
            'content-type': 'application/json',
          },
        }),
      );
      const error = await rejection(
        sendHttpRequest({ method: 'POST', url: `${base}/`, body: '{}', agents, secrets: [SECRET] }),
      );
      expect(ResponseFormatError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ httpStatusCode: status, outcome: 'failed', retryable: false });
      expect(error.message).toContain('https://elsewhere.vendor.test/login');
      expect(error.message).not.toContain('token');
      expect(error.raw).toBeUndefined();
      expect(server?.requests()).toBe(1);
    },
  );

  it('refuses a header value with a line break, naming the header but not its value, and sends nothing', async () => {
    const base = await serve((_request, response) => answer(response, Buffer.from('ok')));
    const error = await rejection(
      sendHttpRequest({
        method: 'POST',
        url: `${base}/`,
        headers: { accessKey: `${SECRET}\n` },
        body: '{}',
        agents,
        secrets: [SECRET],
      }),
    );
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ outcome: 'not-sent', retryable: false, field: 'headers.accessKey' });
    expect(error.message).toContain('accessKey');
    expectNoSecret(error);
    expect(server?.connections()).toBe(0);
  });

  it('refuses header names that are not HTTP tokens and values beyond Latin-1', async () => {
    const base = await serve((_request, response) => answer(response, Buffer.from('ok')));
    const refused: Record<string, string>[] = [
      { 'bad name': 'x' },
      { 'x-name': '名前' },
      { 'x-name': 'a\u0000b' },
    ];
    for (const headers of refused) {
      const error = await rejection(sendHttpRequest({ method: 'GET', url: `${base}/`, headers, agents }));
      expect(InvalidRequestError.isInstance(error)).toBe(true);
      expect(error.outcome).toBe('not-sent');
    }
    expect(server?.connections()).toBe(0);
  });

  it('refuses text that UTF-8 cannot encode (a lone surrogate) in the body or the URL, and sends nothing', async () => {
    const base = await serve((_request, response) => answer(response, Buffer.from('ok')));
    const inBody = await rejection(
      sendHttpRequest({ method: 'POST', url: `${base}/`, body: '{"name":"\ud800"}', agents }),
    );
    expect(inBody).toMatchObject({ code: 'INVALID_REQUEST', field: 'body', outcome: 'not-sent' });
    const inUrl = await rejection(sendHttpRequest({ method: 'GET', url: `${base}/flows/\udc00`, agents }));
    expect(inUrl).toMatchObject({ code: 'INVALID_REQUEST', field: 'url', outcome: 'not-sent' });
    expect(server?.connections()).toBe(0);
  });

  it('refuses a method that is not an HTTP token, and sends nothing', async () => {
    const base = await serve((_request, response) => answer(response, Buffer.from('ok')));
    const error = await rejection(
      sendHttpRequest({ method: 'GET /admin HTTP/1.1\r\nX:', url: `${base}/`, agents }),
    );
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ outcome: 'not-sent', retryable: false });
    expect(server?.connections()).toBe(0);
  });

  it('stops listening for the abort once the request is over', async () => {
    const base = await serve((request, response) =>
      request.url === '/reset' ? request.socket.destroy() : answer(response, Buffer.from('ok')),
    );
    let listening = 0;
    const context = {
      onAbort() {
        listening += 1;
        return () => {
          listening -= 1;
        };
      },
    };
    await sendHttpRequest({ method: 'GET', url: `${base}/`, context, agents });
    await sendHttpRequest({ method: 'GET', url: `${base}/reset`, context, agents }).catch(() => {});
    expect(listening).toBe(0);
  });

  it('sends a body given as bytes as it is', async () => {
    let received: Buffer | undefined;
    const base = await serve((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received = Buffer.concat(chunks);
        answer(response, Buffer.alloc(0), { status: 204 });
      });
    });
    const bytes = new Uint8Array([0, 255, 1, 254]);
    const result = await sendHttpRequest({
      method: 'PUT',
      url: `${base}/`,
      body: bytes.subarray(1, 3),
      agents,
    });
    expect(result.status).toBe(204);
    expect(result.body.length).toBe(0);
    expect([...(received ?? [])]).toEqual([255, 1]);
  });

  it('reports a refused connection as not sent and retryable', async () => {
    const base = await serve(() => {});
    await server?.close();
    server = undefined;
    const error = await rejection(sendHttpRequest({ method: 'POST', url: `${base}/`, body: '{}', agents }));
    expect(ProviderUnavailableError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ outcome: 'not-sent', retryable: true });
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('reports a connection reset after the request was sent as unknown and retryable', async () => {
    const base = await serve((request) => request.socket.destroy());
    const error = await rejection(sendHttpRequest({ method: 'POST', url: `${base}/`, body: '{}', agents }));
    expect(ProviderUnavailableError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ outcome: 'unknown', retryable: true });
    expect(server?.requests()).toBe(1);
  });

  it('reports an answer that is not HTTP as a ResponseFormatError', async () => {
    const base = await serve((request) => request.socket.end('SSH-2.0-OpenSSH_9.2\r\n\r\n'));
    const error = await rejection(sendHttpRequest({ method: 'GET', url: `${base}/`, agents }));
    expect(ResponseFormatError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ outcome: 'unknown', retryable: false });
  });

  it('rejects with the abort reason as it is, closing a stalled body read, through the call context', async () => {
    let headersSent: () => void = () => {};
    const stalled = new Promise<void>((resolve) => {
      headersSent = resolve;
    });
    let closedByClient: () => void = () => {};
    const socketClosed = new Promise<void>((resolve) => {
      closedByClient = resolve;
    });
    const base = await serve((request, response) => {
      request.socket.on('close', () => closedByClient());
      response.writeHead(200, { 'content-length': '1000' });
      response.write('{"partial":', () => headersSent());
    });
    const controller = new AbortController();
    const reason = new Error('the attempt timed out');
    const pending = sendHttpRequest({
      method: 'GET',
      url: `${base}/`,
      context: testCallContext({ signal: controller.signal }),
      agents,
    });
    await stalled;
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    // The client closed the connection: the server sees it end without closing it itself.
    await socketClosed;
  });

  it('sends nothing when the signal or the context is aborted already', async () => {
    const base = await serve((_request, response) => answer(response, Buffer.from('ok')));
    const reason = new Error('caller gave up');
    const aborted = AbortSignal.abort(reason);
    await expect(sendHttpRequest({ method: 'GET', url: `${base}/`, signal: aborted, agents })).rejects.toBe(
      reason,
    );
    await expect(
      sendHttpRequest({
        method: 'GET',
        url: `${base}/`,
        context: testCallContext({ signal: aborted }),
        agents,
      }),
    ).rejects.toBe(reason);
    expect(server?.connections()).toBe(0);
  });

  it('stops at an abort through a signal while waiting for the answer', async () => {
    let received: () => void = () => {};
    const arrived = new Promise<void>((resolve) => {
      received = resolve;
    });
    const base = await serve(() => received());
    const controller = new AbortController();
    const pending = sendHttpRequest({ method: 'GET', url: `${base}/`, signal: controller.signal, agents });
    await arrived;
    controller.abort('stop');
    await expect(pending).rejects.toBe('stop');
  });

  it('refuses a limit that is not a whole number of bytes', async () => {
    const error = await rejection(
      sendHttpRequest({
        method: 'GET',
        url: 'http://127.0.0.1:1/',
        maxResponseBytes: 1.5,
        agents: testAgents(),
      }),
    );
    expect(ConfigError.isInstance(error)).toBe(true);
    expect(error.field).toBe('maxResponseBytes');
  });
});
