import type { IncomingMessage, ServerResponse } from 'node:http';
import { inspect } from 'node:util';
import {
  type BspError,
  ConfigError,
  createClient,
  InvalidRequestError,
  ProviderUnavailableError,
} from '@whatsapp-bsp/core';
import { afterEach, describe, expect, it } from 'vitest';
import { answerJson, type LocalServer, startServer, TEST_CA } from '../__fixtures__/local-servers.js';
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

afterEach(async () => {
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
      const error = await failureOf(call());
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
