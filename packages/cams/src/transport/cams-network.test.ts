import { gzipSync } from 'node:zlib';
import {
  type BspError,
  type ClientSettings,
  createClient,
  InvalidRequestError,
  ProviderUnavailableError,
  ResponseFormatError,
  type WhatsAppClient,
} from '@whatsapp-bsp/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getFlowExampleBody } from '../__fixtures__/get-flow.js';
import {
  answerJson,
  clearProxyEnvironment,
  type Handler,
  type LocalServer,
  resolveVendorNamesLocally,
  startServer,
  startTunnelProxy,
  TEST_CA,
  type TunnelProxy,
} from '../__fixtures__/local-servers.js';
import { orderUpdateDetailBody } from '../__fixtures__/templates.js';
import type { CamsOptions } from '../cams-options.js';
import { cams } from '../cams-provider.js';

/*
 * The adapter through the client, against servers on this machine over real sockets: what core's
 * transport does for CAMS (size limits, redirects, TLS, proxies, cancellation) and what is refused
 * before anything is sent. No test here reaches another machine or asks DNS. nock is not loaded
 * (the harness loads it): its interceptor cannot pass a proxy's CONNECT request through.
 */

const ACCESS_KEY_ID = 'LTAI5tNetworkTestKey1';
const ACCESS_KEY_SECRET = 'NetworkTestSecret0123456789abcdef';
const CUST_SPACE_ID = 'cams-space-0001';
const RETRY: ClientSettings['retry'] = { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 1 };
/** 2023-11-21T01:43:56Z, as the harness signs. */
const NOW = 1700531036000;

let server: LocalServer | undefined;
let proxy: TunnelProxy | undefined;

beforeEach(() => clearProxyEnvironment());

afterEach(async () => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  await server?.close();
  await proxy?.close();
  server = undefined;
  proxy = undefined;
});

function clientOf(options: Partial<CamsOptions>): WhatsAppClient {
  const provider = cams({
    accessKeyId: ACCESS_KEY_ID,
    accessKeySecret: ACCESS_KEY_SECRET,
    custSpaceId: CUST_SPACE_ID,
    now: () => NOW,
    ...options,
  });
  return createClient({ provider, rateLimit: false, retry: RETRY });
}

/** A client of a plain-HTTP server on 127.0.0.1 that handles requests as `handler` does. */
async function clientOfLocalServer(handler: Handler, options: Partial<CamsOptions> = {}) {
  server = await startServer(handler);
  return clientOf({ endpoint: `127.0.0.1:${server.port}`, protocol: 'http', ...options });
}

async function failure(call: Promise<unknown>): Promise<BspError> {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (error === undefined) throw new Error('the call succeeded');
  return error as BspError;
}

describe('answers too large to read', () => {
  it('a plain body over maxResponseBytes: ResponseFormatError, not retried, outcome unknown', async () => {
    const client = await clientOfLocalServer(
      (_request, response) => answerJson(response, 'x'.repeat(1024 * 1024)),
      {
        maxResponseBytes: 64 * 1024,
      },
    );

    const error = await failure(client.flows.get('f-1'));

    expect(ResponseFormatError.isInstance(error), String(error)).toBe(true);
    expect(error).toMatchObject({ provider: 'cams', retryable: false, outcome: 'unknown', attempts: 1 });
    expect(server?.requests()).toBe(1);
  });

  it('gzip that inflates past the default 8 MiB: refused as it streams; the provider goes on working', async () => {
    const inflated = `{"RequestId":"R","Code":"OK","Data":{"FlowId":"f-1","Padding":"${' '.repeat(16 * 1024 * 1024)}"}}`;
    const bomb = gzipSync(inflated, { level: 9 });
    let requests = 0;
    const client = await clientOfLocalServer((_request, response) => {
      requests += 1;
      if (requests > 1) {
        answerJson(response, getFlowExampleBody);
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      response.end(bomb);
    });
    expect(bomb.length).toBeLessThan(64 * 1024);

    const error = await failure(client.flows.get('f-1'));

    expect(ResponseFormatError.isInstance(error), String(error)).toBe(true);
    expect(error).toMatchObject({ retryable: false, outcome: 'unknown', attempts: 1 });
    expect((await client.flows.get('f-1')).name).toBe('flow_001');
  });
});

describe('redirects', () => {
  it.each([301, 302, 307, 308])(
    'HTTP %i with a JSON body is an error, never data, never followed',
    async (status) => {
      const client = await clientOfLocalServer((_request, response) =>
        answerJson(response, getFlowExampleBody, status, { location: 'https://elsewhere.vendor.test/' }),
      );

      const error = await failure(client.flows.get('f-1'));

      expect(ResponseFormatError.isInstance(error), String(error)).toBe(true);
      expect(error).toMatchObject({
        httpStatusCode: status,
        retryable: false,
        outcome: 'failed',
        attempts: 1,
      });
      expect(server?.requests()).toBe(1);
    },
  );
});

describe('TLS', () => {
  it('a certificate that does not verify: not retried, outcome not-sent, nothing received', async () => {
    server = await startServer(
      (_request, response) => answerJson(response, getFlowExampleBody),
      'self-signed',
    );
    const client = clientOf({ endpoint: `127.0.0.1:${server.port}` });

    const error = await failure(client.flows.get('f-1'));

    expect(ProviderUnavailableError.isInstance(error), String(error)).toBe(true);
    expect(error).toMatchObject({ retryable: false, outcome: 'not-sent', attempts: 1 });
    expect(error.message).toContain('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(server.requests()).toBe(0);
  });

  it('NODE_TLS_REJECT_UNAUTHORIZED=0 does not weaken it', async () => {
    // Node warns when it reads the variable; the warning is not what this test is about.
    vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    vi.stubEnv('NODE_TLS_REJECT_UNAUTHORIZED', '0');
    server = await startServer(
      (_request, response) => answerJson(response, getFlowExampleBody),
      'self-signed',
    );
    const client = clientOf({ endpoint: `127.0.0.1:${server.port}` });

    const error = await failure(client.flows.get('f-1'));

    expect(error).toMatchObject({ code: 'UNAVAILABLE', retryable: false, outcome: 'not-sent', attempts: 1 });
    expect(server.requests()).toBe(0);
  });

  it('a certificate authority given as `ca` is trusted besides the usual ones', async () => {
    server = await startServer((_request, response) => answerJson(response, getFlowExampleBody), 'trusted');

    const flow = await clientOf({
      endpoint: `127.0.0.1:${server.port}`,
      protocol: 'HTTPS',
      ca: TEST_CA,
    }).flows.get('f-1');

    expect(flow.name).toBe('flow_001');
  });
});

describe('proxies', () => {
  it('HTTP_PROXY is honoured: the request goes through the proxy’s tunnel, no name is resolved here', async () => {
    server = await startServer((_request, response) => answerJson(response, getFlowExampleBody));
    proxy = await startTunnelProxy(server.port);
    const asked = resolveVendorNamesLocally();
    vi.stubEnv('HTTP_PROXY', proxy.url);

    const flow = await clientOf({
      endpoint: `cams.vendor.test:${server.port}`,
      protocol: 'http',
      allowInsecureHttp: true,
    }).flows.get('f-1');

    expect(flow.name).toBe('flow_001');
    expect(proxy.tunnels).toEqual([`cams.vendor.test:${server.port}`]);
    expect(asked).toEqual([]);
  });

  it('HTTPS_PROXY is honoured for HTTPS, and the vendor’s certificate is still verified through the tunnel', async () => {
    server = await startServer((_request, response) => answerJson(response, getFlowExampleBody), 'trusted');
    proxy = await startTunnelProxy(server.port);
    vi.stubEnv('HTTPS_PROXY', proxy.url);
    const endpoint = `api.vendor.test:${server.port}`;

    expect((await clientOf({ endpoint, ca: TEST_CA }).flows.get('f-1')).name).toBe('flow_001');
    const error = await failure(clientOf({ endpoint }).flows.get('f-1'));

    expect(error).toMatchObject({ code: 'UNAVAILABLE', retryable: false, outcome: 'not-sent', attempts: 1 });
    expect(proxy.tunnels).toEqual([endpoint, endpoint]);
    expect(server.requests()).toBe(1);
  });

  it('the proxy option wins over the environment, and proxy: false goes direct', async () => {
    server = await startServer((_request, response) => answerJson(response, getFlowExampleBody));
    proxy = await startTunnelProxy(server.port);
    const asked = resolveVendorNamesLocally();
    vi.stubEnv('HTTP_PROXY', 'http://127.0.0.1:9');
    const options = {
      endpoint: `cams.vendor.test:${server.port}`,
      protocol: 'http',
      allowInsecureHttp: true,
    };

    await clientOf({ ...options, proxy: proxy.url }).flows.get('f-1');
    await clientOf({ ...options, proxy: false }).flows.get('f-1');

    expect(proxy.tunnels).toEqual([`cams.vendor.test:${server.port}`]);
    expect(asked).toEqual(['cams.vendor.test']);
    expect(server.requests()).toBe(2);
  });

  it('NO_PROXY exempts a host', async () => {
    server = await startServer((_request, response) => answerJson(response, getFlowExampleBody));
    proxy = await startTunnelProxy(server.port);
    resolveVendorNamesLocally();
    vi.stubEnv('HTTP_PROXY', proxy.url);
    vi.stubEnv('NO_PROXY', '.vendor.test');

    await clientOf({
      endpoint: `cams.vendor.test:${server.port}`,
      protocol: 'http',
      allowInsecureHttp: true,
    }).flows.get('f-1');

    expect(proxy.tunnels).toEqual([]);
  });
});

describe('cancellation', () => {
  it('the attempt’s timeout cancels the request itself: CAMS sees the connection close', async () => {
    const client = await clientOfLocalServer(() => {});

    const error = await failure(client.flows.get('f-1', { timeoutMs: 100, retry: { maxAttempts: 1 } }));

    expect(error).toMatchObject({ code: 'UNAVAILABLE', outcome: 'unknown', attempts: 1 });
    // Resolves only once the adapter has destroyed the request; before, it ran on after the timeout.
    await server?.closed(0);
  });

  it('the caller’s abort cancels it too, and rejects with the abort’s reason', async () => {
    const controller = new AbortController();
    const reason = new Error('the caller gave up');
    const client = await clientOfLocalServer(() => controller.abort(reason));

    await expect(client.flows.get('f-1', { signal: controller.signal })).rejects.toBe(reason);
    await server?.closed(0);
  });
});

describe('refused before anything is sent, never retried', () => {
  it.each([
    [
      'templates.get by a name with a lone surrogate',
      (client: WhatsAppClient) => client.templates.get({ name: 'order_\uD800update', language: 'en_US' }),
      'name',
    ],
    [
      'flows.get by an id with a lone surrogate',
      (client: WhatsAppClient) => client.flows.get('f-\uDC00'),
      'id',
    ],
    [
      'templates.list filtered by a name with a lone surrogate',
      (client: WhatsAppClient) => client.templates.list({ name: '\uD83D' }).toArray(),
      'name',
    ],
  ])('%s: InvalidRequestError', async (_, call, field) => {
    const client = await clientOfLocalServer((_request, response) =>
      answerJson(response, orderUpdateDetailBody),
    );

    const error = await failure(Promise.resolve().then((): Promise<unknown> => call(client)));

    expect(InvalidRequestError.isInstance(error), String(error)).toBe(true);
    // The client refuses it before the adapter, naming the caller's field.
    expect(error).toMatchObject({
      provider: 'core',
      field,
      outcome: 'not-sent',
      retryable: false,
      attempts: 1,
    });
    expect(server?.requests()).toBe(0);
  });

  it('plain http to another machine, unless allowed', () => {
    expect(() =>
      cams({
        accessKeyId: ACCESS_KEY_ID,
        accessKeySecret: ACCESS_KEY_SECRET,
        custSpaceId: CUST_SPACE_ID,
        endpoint: 'cams.vendor.test',
        protocol: 'http',
      }),
    ).toThrow(/Refusing plain http:\/\/ to cams\.vendor\.test/);
  });
});
