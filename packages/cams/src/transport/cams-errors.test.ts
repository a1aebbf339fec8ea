import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import {
  AuthenticationError,
  BspError,
  createClient,
  InvalidRequestError,
  NotFoundError,
  PermissionError,
  ProviderUnavailableError,
  type ProviderV1,
  RateLimitError,
  ResponseFormatError,
} from '@whatsapp-bsp/core';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getFlowExampleBody } from '../__fixtures__/get-flow.js';
import {
  ACCESS_KEY_ID,
  ACCESS_KEY_SECRET,
  callContext,
  interceptCams,
  ORIGIN,
  type RecordedRequest,
  testProvider,
} from '../__fixtures__/harness.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

async function getFlowError(provider = testProvider()): Promise<BspError> {
  const error = await provider.flows.doGet({ id: 'f-1' }, callContext()).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!BspError.isInstance(error)) throw new Error(`expected a BspError, got ${inspect(error)}`);
  return error;
}

/** Runs `call` with a provider whose endpoint is a loopback server handling requests as `handle` does. */
async function againstLocalServer<T>(
  handle: (request: IncomingMessage, response: ServerResponse) => void,
  call: (provider: ProviderV1) => Promise<T>,
): Promise<T> {
  nock.enableNetConnect(/127\.0\.0\.1/);
  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    return await call(testProvider({ endpoint: `127.0.0.1:${port}`, protocol: 'http' }));
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    nock.disableNetConnect();
  }
}

const families = [
  ['System.LimitControl', RateLimitError, true],
  ['Throttling.User', RateLimitError, true],
  ['Ram.PermissionDeny', PermissionError, false],
  ['Product.Unsubscript', PermissionError, false],
  ['Unknown.ResourceOwnerId', PermissionError, false],
  ['Forbidden.RAM', PermissionError, false],
  ['InvalidAccessKeyId.NotFound', AuthenticationError, false],
  ['SignatureDoesNotMatch', AuthenticationError, false],
  ['IncompleteSignature', AuthenticationError, false],
  ['Authentication.NoAuth', AuthenticationError, false],
  ['DetailError.TemplateNotExist', NotFoundError, false],
  ['InvalidParameter.PageInvalid', InvalidRequestError, false],
] as const;

describe.each([400, 200])('a vendor error answered with HTTP %i', (status) => {
  it.each(families)('%s becomes %O', async (code, ErrorClass, retryable) => {
    interceptCams([], [status, { RequestId: 'REQ-1\n', Code: code, Message: 'vendor text' }]);

    const error = await getFlowError();

    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({
      provider: 'cams',
      vendorCode: code,
      httpStatusCode: status,
      requestId: 'REQ-1',
      retryable,
      // CAMS refused: nothing was applied.
      outcome: 'failed',
      raw: { Code: code, Message: 'vendor text', RequestId: 'REQ-1' },
    });
    expect(error.message).toContain(`${code}: vendor text`);
  });

  it('keeps the vendor code of a code it does not know', async () => {
    interceptCams([], [status, { RequestId: 'REQ-2', Code: 'TemplateListError.QueryError', Message: 'x' }]);

    const error = await getFlowError();

    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error).toMatchObject({
      vendorCode: 'TemplateListError.QueryError',
      requestId: 'REQ-2',
      retryable: false,
      // A refusal by CAMS, not input refused before sending (the class's own default).
      outcome: 'failed',
    });
  });
});

describe('Retry-After', () => {
  it.each([400, 200])('a throttling answer with HTTP %i carries its Retry-After', async (status) => {
    const body = { RequestId: 'REQ-5', Code: 'System.LimitControl', Message: 'flow control' };
    interceptCams([], [status, body, { 'retry-after': '7' }]);

    expect(await getFlowError()).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: 7_000 });
  });

  it('an HTML 503 carries it too, and an unreadable one is left out', async () => {
    interceptCams([], [503, '<html>Service Unavailable</html>', { 'retry-after': '2' }]);
    expect(await getFlowError()).toMatchObject({ code: 'UNAVAILABLE', retryAfterMs: 2_000 });

    interceptCams([], [429, { Code: 'Throttling.User' }, { 'retry-after': 'soon' }]);
    expect((await getFlowError()).retryAfterMs).toBeUndefined();
  });
});

describe('answers that are not what the API documents', () => {
  it('a 5xx JSON error is retryable ProviderUnavailableError', async () => {
    interceptCams([], [503, { RequestId: 'REQ-3', Code: 'ServiceUnavailable', Message: 'busy' }]);

    const error = await getFlowError();

    expect(error).toBeInstanceOf(ProviderUnavailableError);
    expect(error).toMatchObject({
      httpStatusCode: 503,
      retryable: true,
      requestId: 'REQ-3',
      outcome: 'failed',
    });
  });

  it('a 5xx JSON body without a code may have come after the work was done: outcome unknown', async () => {
    interceptCams([], [503, { RequestId: 'REQ-7', Message: 'busy' }]);

    const error = await getFlowError();

    expect(error).toBeInstanceOf(ProviderUnavailableError);
    expect(error).toMatchObject({
      httpStatusCode: 503,
      retryable: true,
      requestId: 'REQ-7',
      outcome: 'unknown',
    });
  });

  it('a 4xx JSON body without a code is a refusal: outcome failed', async () => {
    interceptCams([], [403, { RequestId: 'REQ-8' }]);

    const error = await getFlowError();

    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error).toMatchObject({ httpStatusCode: 403, requestId: 'REQ-8', outcome: 'failed' });
  });

  it('an HTML 502 from a proxy is ProviderUnavailableError with the status, not a SyntaxError', async () => {
    interceptCams([], [502, '<html><body>Bad Gateway</body></html>', { 'content-type': 'text/html' }]);

    const error = await getFlowError();

    expect(error).toBeInstanceOf(ProviderUnavailableError);
    expect(error).toMatchObject({ httpStatusCode: 502, retryable: true, outcome: 'unknown' });
  });

  it('an HTML 429 is RateLimitError by its status: refused, outcome failed', async () => {
    interceptCams([], [429, '<html>Too Many Requests</html>', { 'content-type': 'text/html' }]);

    const error = await getFlowError();

    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ httpStatusCode: 429, retryable: true, outcome: 'failed' });
  });

  it('an HTML 400 is ResponseFormatError with the status', async () => {
    interceptCams([], [400, '<html>Bad Request</html>']);

    const error = await getFlowError();

    expect(error).toBeInstanceOf(ResponseFormatError);
    expect(error.httpStatusCode).toBe(400);
    expect(error.outcome).toBe('unknown');
  });

  it('a JSON array error body is ResponseFormatError with the status', async () => {
    interceptCams([], [403, '[]']);

    expect(await getFlowError()).toMatchObject({
      code: 'BAD_RESPONSE',
      httpStatusCode: 403,
      outcome: 'unknown',
    });
  });

  it.each([
    ['a 204 without a body', 204, ''],
    ['an HTML page with status 200', 200, '<!doctype html><title>Login</title>'],
    ['truncated JSON', 200, '{"RequestId":"REQ-4","Code":"OK","Data":{"FlowId":"f-1"'],
    ['JSON that is not an object', 200, 'null'],
  ])('%s is ResponseFormatError with the status', async (_, status, body) => {
    interceptCams([], [status, body]);

    const error = await getFlowError();

    expect(error).toBeInstanceOf(ResponseFormatError);
    expect(error).toMatchObject({ httpStatusCode: status, retryable: false, outcome: 'unknown' });
  });

  it('JSON nested deeper than any answer is ResponseFormatError, so `raw` stays printable', async () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    interceptCams([], [200, `{"RequestId":"REQ-6","Code":"OK","Data":{"FlowId":"f-1","X":${deep}}}`]);

    const error = await getFlowError();

    expect(error).toBeInstanceOf(ResponseFormatError);
    expect(error.message).toContain('JSON nested deeper than 64 levels');
    expect(error.outcome).toBe('unknown');
    expect(() => JSON.stringify(error)).not.toThrow();
  });

  it('a body that fails the wire schema names the field', async () => {
    interceptCams(
      [],
      [
        200,
        { RequestId: 'REQ-5', Code: 'OK', Data: { FlowId: 'f-1', FlowName: 'n', Categories: 'SIGN_UP' } },
      ],
    );

    const error = await getFlowError();

    expect(error).toBeInstanceOf(ResponseFormatError);
    expect(error.message).toContain('Data.Categories');
    expect(error).toMatchObject({ requestId: 'REQ-5', httpStatusCode: 200, outcome: 'unknown' });
  });
});

describe('transport failures', () => {
  it('a connection reset after the request went out is retryable ProviderUnavailableError', async () => {
    // A real socket: the server reads the request, then drops the connection without answering.
    const error = await againstLocalServer((request) => request.socket.destroy(), getFlowError);

    expect(error).toBeInstanceOf(ProviderUnavailableError);
    expect(error.retryable).toBe(true);
    expect(error.cause).toMatchObject({ code: 'ECONNRESET' });
    // The request may have reached CAMS before the connection broke.
    expect(error.outcome).toBe('unknown');
  });

  it.each([
    ['ECONNREFUSED', 'connect ECONNREFUSED 47.74.0.1:443'],
    ['ENOTFOUND', 'getaddrinfo ENOTFOUND cams.ap-southeast-1.aliyuncs.com'],
    ['EAI_AGAIN', 'getaddrinfo EAI_AGAIN cams.ap-southeast-1.aliyuncs.com'],
  ])(
    'a connection never made (%s) is retryable ProviderUnavailableError, outcome not-sent',
    async (code, message) => {
      nock(ORIGIN)
        .post('/')
        .replyWithError(Object.assign(new Error(message), { code }));

      const error = await getFlowError();

      expect(error).toBeInstanceOf(ProviderUnavailableError);
      expect(error).toMatchObject({ retryable: true, outcome: 'not-sent' });
      expect(error.message).toContain(code);
      expect(error.cause).toMatchObject({ code });
    },
  );

  it('a refused connection on a real socket is outcome not-sent', async () => {
    // Node's own error rather than one nock makes up.
    nock.enableNetConnect(/127\.0\.0\.1/);
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    try {
      const error = await getFlowError(testProvider({ endpoint: `127.0.0.1:${port}`, protocol: 'http' }));

      expect(error).toMatchObject({ code: 'UNAVAILABLE', retryable: true, outcome: 'not-sent' });
      expect(error.cause).toMatchObject({ code: 'ECONNREFUSED' });
    } finally {
      nock.disableNetConnect();
    }
  });

  it('no answer within the call’s timeout is retryable ProviderUnavailableError', async () => {
    nock(ORIGIN).post('/').delay(60_000).reply(200, '{}');
    // The client's attempt times out; the adapter has no timer of its own.
    const client = createClient({ provider: testProvider(), rateLimit: false, retry: { maxAttempts: 1 } });

    const error = await client.flows.get('f-1', { timeoutMs: 50 }).catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(ProviderUnavailableError);
    expect((error as BspError).message).toContain('50 ms');
    expect((error as BspError).outcome).toBe('unknown');
  });

  it('sends exactly one request for a retryable failure: the client does the retrying', async () => {
    const requests: RecordedRequest[] = [];
    interceptCams(requests, [503, { Code: 'ServiceUnavailable' }]);
    interceptCams(requests, [503, { Code: 'ServiceUnavailable' }]);

    await getFlowError();

    expect(requests).toHaveLength(1);
  });
});

describe('secrets', () => {
  const securityToken = 'CAIS-sts-token-value-0123456789';

  function expectNoSecret(error: BspError) {
    for (const text of [
      error.message,
      error.stack ?? '',
      JSON.stringify(error),
      inspect(error, { depth: 10, showHidden: true }),
      inspect(error.cause, { depth: 10, showHidden: true }),
    ]) {
      expect(text).not.toContain(ACCESS_KEY_SECRET);
      expect(text).not.toContain(securityToken);
    }
  }

  it('are absent from a vendor error that echoes them', async () => {
    interceptCams(
      [],
      [
        400,
        {
          RequestId: 'R',
          Code: 'SignatureDoesNotMatch',
          Message: `bad ${ACCESS_KEY_SECRET} ${securityToken}`,
        },
      ],
    );

    const error = await getFlowError(testProvider({ securityToken }));

    expect(error).toBeInstanceOf(AuthenticationError);
    expectNoSecret(error);
  });

  it('of a rotating credential, the current key and the one before, are absent from a vendor error', async () => {
    const rotated = ['RotatedSecretNumberOne0123456789', 'RotatedSecretNumberTwo0123456789'];
    let handedOut = 0;
    const provider = testProvider({
      accessKeyId: undefined,
      accessKeySecret: undefined,
      credential: {
        getCredential: async () => ({
          accessKeyId: ACCESS_KEY_ID,
          accessKeySecret: rotated[Math.min(handedOut++, rotated.length - 1)],
          type: 'access_key',
        }),
      },
    });
    interceptCams([], [200, getFlowExampleBody]);
    await provider.flows.doGet({ id: 'f-1' }, callContext());
    interceptCams(
      [],
      [400, { RequestId: 'R', Code: 'SignatureDoesNotMatch', Message: `bad ${rotated.join(' ')}` }],
    );

    const error = await getFlowError(provider);

    for (const text of [
      error.message,
      JSON.stringify(error),
      inspect(error, { depth: 10, showHidden: true }),
    ]) {
      for (const secret of rotated) expect(text).not.toContain(secret);
    }
  });

  it('are absent from a transport error that carries them', async () => {
    nock(ORIGIN)
      .post('/')
      .replyWithError(
        Object.assign(new Error(`reset while sending ${ACCESS_KEY_SECRET}`), { code: 'ECONNRESET' }),
      );

    const error = await getFlowError();

    expectNoSecret(error);
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('and the request signature are absent from errors', async () => {
    const requests: RecordedRequest[] = [];
    interceptCams(requests, [500, '<html>oops</html>']);

    const error = await getFlowError();

    const signature = /Signature=([0-9a-f]+)/.exec(requests[0]?.headers.authorization ?? '')?.[1];
    expect(signature).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(error) + inspect(error, { depth: 10, showHidden: true })).not.toContain(signature);
    expectNoSecret(error);
  });

  it.each([400, 200])(
    'and the request signature are absent when an HTTP %i answer echoes it',
    async (status) => {
      const requests: RecordedRequest[] = [];
      interceptCams(requests, (request) => {
        const echoed = /Signature=([0-9a-f]+)/.exec(request.headers.authorization ?? '')?.[1];
        return [status, { RequestId: 'R', Code: 'SignatureDoesNotMatch', Message: `expected ${echoed}` }];
      });

      const error = await getFlowError();

      const signature = /Signature=([0-9a-f]+)/.exec(requests[0]?.headers.authorization ?? '')?.[1];
      expect(signature).toMatch(/^[0-9a-f]{64}$/);
      expect(error.message).toContain('[REDACTED]');
      expect(JSON.stringify(error) + inspect(error, { depth: 10, showHidden: true })).not.toContain(
        signature,
      );
    },
  );
});
