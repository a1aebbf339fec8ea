import type { IncomingMessage, ServerResponse } from 'node:http';
import { inspect } from 'node:util';
import { gzipSync } from 'node:zlib';
import {
  type BspError,
  ConfigError,
  createClient,
  InvalidRequestError,
  ProviderUnavailableError,
  ResponseFormatError,
} from '@whatsapp-bsp/core';
import { DEFAULT_MAX_RESPONSE_BYTES } from '@whatsapp-bsp/core/adapter';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  answerJson,
  type LocalServer,
  startServer,
  startTunnelProxy,
  TEST_CA,
  type TunnelProxy,
} from '../__fixtures__/local-servers.js';
import { success, templateItem, templateListData } from '../__fixtures__/nxcloud-built-payloads.js';
import { callContext, TEST_OPTIONS } from '../__fixtures__/nxcloud-test-support.js';
import { QUERY_FLOW_BY_ID_EXAMPLE } from '../__fixtures__/nxcloud-vendor-examples.js';
import type { NxcloudOptions } from '../nxcloud-options.js';
import { nxcloud } from '../nxcloud-provider.js';

/*
 * The adapter over real loopback sockets, where what the transport does depends on the
 * connection itself (nock hands over no socket that connects).
 */

const FLOW_ID = '3603023670018851';

let server: LocalServer | undefined;
let proxy: TunnelProxy | undefined;

afterEach(async () => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  await proxy?.close();
  proxy = undefined;
  await server?.close();
  server = undefined;
});

type Reply = (request: IncomingMessage, response: ServerResponse) => void;

/** A local NXCloud that answers each request with the next reply, the last one from then on. */
async function localNxcloud(...replies: Reply[]): Promise<string> {
  return localNxcloudOver('none', ...replies);
}

async function localNxcloudOver(
  tls: 'none' | 'trusted' | 'self-signed',
  ...replies: Reply[]
): Promise<string> {
  let index = 0;
  server = await startServer((request, _body, response) => {
    const reply = replies[Math.min(index, replies.length - 1)]!;
    index += 1;
    reply(request, response);
  }, tls);
  return `${tls === 'none' ? 'http' : 'https'}://127.0.0.1:${server.port}`;
}

/** A client over the real adapter that would try three times, with back-offs of a millisecond. */
function clientOver(baseUrl: string, options: Partial<NxcloudOptions> = {}) {
  return createClient({
    provider: nxcloud({ ...TEST_OPTIONS, baseUrl, ...options }),
    retry: { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 1 },
    rateLimit: false,
  });
}

const flowAnswer: Reply = (_request, response) => answerJson(response, QUERY_FLOW_BY_ID_EXAMPLE);

async function failureOf(call: Promise<unknown>): Promise<BspError> {
  const error = await call.then(
    () => new Error('expected the call to fail'),
    (reason: unknown) => reason,
  );
  return error as BspError;
}

describe('connection failures', () => {
  it('a connection reset after the request went out is a retryable UNAVAILABLE (outcome unknown)', async () => {
    const baseUrl = await localNxcloud((request) => request.socket.destroy(), flowAnswer);
    const provider = nxcloud({ ...TEST_OPTIONS, baseUrl });
    const error = await failureOf(provider.flows.doGet({ id: FLOW_ID }, callContext()));
    expect(ProviderUnavailableError.isInstance(error), String(error)).toBe(true);
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('ECONNRESET');
    expect((error.cause as { code?: string }).code).toBe('ECONNRESET');
    // The request had gone out whole: NXCloud may have acted on it.
    expect(error.outcome).toBe('unknown');
    expect(server?.requests()).toBe(1);
    // The next call takes a new connection.
    expect((await provider.flows.doGet({ id: FLOW_ID }, callContext())).value.id).toBe(FLOW_ID);
  });
});

describe('failures in this process are not network faults: refused, not sent, not retried', () => {
  it('a credential with a line break is a ConfigError naming it when the provider is created', async () => {
    const baseUrl = await localNxcloud(flowAnswer);
    const { now: _now, ...jsonOptions } = TEST_OPTIONS;
    for (const [field, value] of [
      ['accessKey', `${TEST_OPTIONS.accessKey}\n`],
      ['accessKey', `${TEST_OPTIONS.accessKey}\r\nX-Injected: 1`],
      ['appKey', 'app-7h2k9\u0000'],
      ['accessSecret', `${TEST_OPTIONS.accessSecret}\u2028`],
    ] as const) {
      const options = { ...jsonOptions, baseUrl, [field]: value };
      expect(() => nxcloud(options)).toThrow(ConfigError);
      // Configured by name, as the CLI and config files do: the same refusal.
      const error = await failureOf(createClient({ provider: 'nxcloud', nxcloud: options }));
      expect(ConfigError.isInstance(error), String(error)).toBe(true);
      expect(error).toMatchObject({ field, provider: 'nxcloud', outcome: 'not-sent', retryable: false });
      expect(error.attempts).toBe(1);
      expect(error.message).toContain(`\`${field}\``);
      for (const shown of [error.message, JSON.stringify(error), inspect(error, { depth: 10 })]) {
        expect(shown).not.toContain(value);
        expect(shown).not.toContain(TEST_OPTIONS.accessSecret);
      }
    }
    expect(server?.connections()).toBe(0);
  });

  it('a lone surrogate in a template name is an InvalidRequestError, with nothing sent', async () => {
    const baseUrl = await localNxcloud((_request, response) =>
      answerJson(response, success(templateListData([templateItem('10')], 'MTA', false))),
    );
    const client = clientOver(baseUrl);
    for (const call of [
      () => client.templates.get({ name: 'order_\ud800update', language: 'en_US' }),
      () => client.templates.list({ name: '\udc00order' }).toArray(),
    ]) {
      const error = await failureOf(Promise.resolve().then((): Promise<unknown> => call()));
      expect(InvalidRequestError.isInstance(error), String(error)).toBe(true);
      expect(error).toMatchObject({ field: 'name', outcome: 'not-sent', retryable: false, attempts: 1 });
    }
    expect(server?.connections()).toBe(0);
  });

  it('a certificate that does not verify is refused once, with nothing sent', async () => {
    const baseUrl = await localNxcloudOver('self-signed', flowAnswer);
    const error = await failureOf(clientOver(baseUrl).flows.get(FLOW_ID));
    expect(ProviderUnavailableError.isInstance(error), String(error)).toBe(true);
    expect(error).toMatchObject({ outcome: 'not-sent', retryable: false, attempts: 1 });
    expect(error.message).toContain('DEPTH_ZERO_SELF_SIGNED_CERT');
    // One handshake, refused; no request.
    expect(server?.connections()).toBe(1);
    expect(server?.requests()).toBe(0);
  });

  it('trusts a certificate authority given with `ca`, and only with it', async () => {
    const baseUrl = await localNxcloudOver('trusted', flowAnswer);
    const flow = await clientOver(baseUrl, { ca: TEST_CA }).flows.get(FLOW_ID);
    expect(flow.id).toBe(FLOW_ID);
    const error = await failureOf(clientOver(baseUrl).flows.get(FLOW_ID));
    expect(error).toMatchObject({ code: 'UNAVAILABLE', outcome: 'not-sent', retryable: false, attempts: 1 });
    expect(error.message).toContain('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    expect(server?.requests()).toBe(1);
  });
});

/** 64 KiB: small enough that every oversized answer below is quick to make and to send. */
const SMALL_LIMIT = 64 * 1024;

describe('answers larger than maxResponseBytes', () => {
  it.each([
    [
      'a plain body with its length',
      SMALL_LIMIT,
      ((_request, response) => answerJson(response, Buffer.alloc(SMALL_LIMIT + 1, 0x20))) as Reply,
    ],
    [
      'a plain body streamed without a length',
      SMALL_LIMIT,
      ((_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        for (let sent = 0; sent <= SMALL_LIMIT; sent += 4096) response.write(Buffer.alloc(4096, 0x20));
        response.end();
      }) as Reply,
    ],
    [
      'a gzip body that inflates past the limit',
      SMALL_LIMIT,
      // About a kilobyte on the wire, a megabyte decoded.
      ((_request, response) =>
        answerJson(response, gzipSync(Buffer.alloc(1024 * 1024, 0x20)), 200, {
          'content-encoding': 'gzip',
        })) as Reply,
    ],
    [
      'a plain body past the default of 8 MiB',
      undefined,
      ((_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(Buffer.alloc(DEFAULT_MAX_RESPONSE_BYTES + 1, 0x20));
      }) as Reply,
    ],
    [
      'a gzip body that inflates past the default of 8 MiB',
      undefined,
      ((_request, response) =>
        answerJson(response, gzipSync(Buffer.alloc(2 * DEFAULT_MAX_RESPONSE_BYTES, 0x20)), 200, {
          'content-encoding': 'gzip',
        })) as Reply,
    ],
  ])(
    '%s is a ResponseFormatError, not retried, outcome unknown; the provider carries on',
    async (_name, maxResponseBytes, oversized) => {
      const baseUrl = await localNxcloud(oversized, flowAnswer);
      const client = clientOver(baseUrl, maxResponseBytes === undefined ? {} : { maxResponseBytes });
      const error = await failureOf(client.flows.get(FLOW_ID));
      expect(ResponseFormatError.isInstance(error), String(error)).toBe(true);
      expect(error).toMatchObject({ retryable: false, outcome: 'unknown', attempts: 1, httpStatusCode: 200 });
      expect(error.message).toContain(`${maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES} bytes`);
      expect(server?.requests()).toBe(1);
      // The process and the provider carry on: the next call is answered.
      expect((await client.flows.get(FLOW_ID)).id).toBe(FLOW_ID);
    },
  );
});

describe('redirects', () => {
  it.each([301, 302, 303, 307, 308])(
    'HTTP %i with a JSON body is an error, never read as the answer',
    async (status) => {
      const baseUrl = await localNxcloud((_request, response) =>
        answerJson(response, QUERY_FLOW_BY_ID_EXAMPLE, status, {
          location: 'https://elsewhere.test/api/wa/queryFlowById',
        }),
      );
      const error = await failureOf(clientOver(baseUrl).flows.get(FLOW_ID));
      expect(ResponseFormatError.isInstance(error), String(error)).toBe(true);
      expect(error).toMatchObject({
        retryable: false,
        outcome: 'failed',
        attempts: 1,
        httpStatusCode: status,
      });
      expect(error.message).toContain('redirect');
      expect(server?.requests()).toBe(1);
    },
  );
});

describe('proxies', () => {
  /*
   * NXCloud is addressed as 0.0.0.0: not a loopback name (requests to this machine never go
   * through a proxy) and an address, so nothing asks DNS; on Linux it reaches this machine. The
   * proxy tunnels to the local NXCloud whatever host it is asked for.
   */
  async function nxcloudBehindProxy(): Promise<string> {
    await localNxcloud(flowAnswer);
    proxy = await startTunnelProxy(server!.port);
    return `http://0.0.0.0:${server!.port}`;
  }

  it('HTTP_PROXY from the environment is honoured', async () => {
    const baseUrl = await nxcloudBehindProxy();
    vi.stubEnv('HTTP_PROXY', proxy!.url);
    const flow = await clientOver(baseUrl, { allowInsecureHttp: true }).flows.get(FLOW_ID);
    expect(flow.id).toBe(FLOW_ID);
    expect(proxy?.tunnels).toEqual([`0.0.0.0:${server?.port}`]);
  });

  it('the proxy option wins over the environment', async () => {
    const baseUrl = await nxcloudBehindProxy();
    // Nothing listens on port 1 here: a request sent through it would fail.
    vi.stubEnv('HTTP_PROXY', 'http://127.0.0.1:1');
    const client = clientOver(baseUrl, { allowInsecureHttp: true, proxy: proxy!.url });
    expect((await client.flows.get(FLOW_ID)).id).toBe(FLOW_ID);
    expect(proxy?.tunnels).toHaveLength(1);
  });

  it('proxy: false connects directly, whatever the environment says', async () => {
    const baseUrl = await nxcloudBehindProxy();
    vi.stubEnv('HTTP_PROXY', proxy!.url);
    const client = clientOver(baseUrl, { allowInsecureHttp: true, proxy: false });
    expect((await client.flows.get(FLOW_ID)).id).toBe(FLOW_ID);
    expect(proxy?.tunnels).toEqual([]);
    expect(server?.requests()).toBe(1);
  });

  it('NO_PROXY exempts NXCloud from HTTP_PROXY', async () => {
    const baseUrl = await nxcloudBehindProxy();
    vi.stubEnv('HTTP_PROXY', proxy!.url);
    vi.stubEnv('NO_PROXY', '0.0.0.0');
    expect((await clientOver(baseUrl, { allowInsecureHttp: true }).flows.get(FLOW_ID)).id).toBe(FLOW_ID);
    expect(proxy?.tunnels).toEqual([]);
  });

  it('the emulator on this machine is reached directly, even with a proxy set', async () => {
    const baseUrl = await localNxcloud(flowAnswer);
    vi.stubEnv('HTTP_PROXY', 'http://127.0.0.1:1');
    expect((await clientOver(baseUrl).flows.get(FLOW_ID)).id).toBe(FLOW_ID);
  });
});

describe('TLS', () => {
  it('NODE_TLS_REJECT_UNAUTHORIZED=0 does not weaken certificate checks', async () => {
    // Node warns once when it reads the variable; the warning is not what this test is about.
    vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    vi.stubEnv('NODE_TLS_REJECT_UNAUTHORIZED', '0');
    const baseUrl = await localNxcloudOver('self-signed', flowAnswer);
    const error = await failureOf(clientOver(baseUrl).flows.get(FLOW_ID));
    expect(ProviderUnavailableError.isInstance(error), String(error)).toBe(true);
    expect(error).toMatchObject({ outcome: 'not-sent', retryable: false, attempts: 1 });
    expect(server?.requests()).toBe(0);
  });
});
