import type { IncomingMessage, ServerResponse } from 'node:http';
import { type BspError, ProviderUnavailableError } from '@whatsapp-bsp/core';
import { afterEach, describe, expect, it } from 'vitest';
import { answerJson, type LocalServer, startServer } from '../__fixtures__/local-servers.js';
import { callContext, TEST_OPTIONS } from '../__fixtures__/nxcloud-test-support.js';
import { QUERY_FLOW_BY_ID_EXAMPLE } from '../__fixtures__/nxcloud-vendor-examples.js';
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
  let index = 0;
  server = await startServer((request, _body, response) => {
    const reply = replies[Math.min(index, replies.length - 1)]!;
    index += 1;
    reply(request, response);
  });
  return `http://127.0.0.1:${server.port}`;
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
