import { inspect } from 'node:util';
import {
  AuthenticationError,
  BspError,
  ConfigError,
  ConflictError,
  createClient,
  FlowSchema,
  InvalidRequestError,
  NotFoundError,
  PermissionError,
  ProviderUnavailableError,
  RateLimitError,
  ResponseFormatError,
} from '@whatsapp-bsp/core';
import fc from 'fast-check';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { failure, success } from '../__fixtures__/nxcloud-built-payloads.js';
import {
  BASE_URL,
  callContext,
  captureRequests,
  FIXED_NOW,
  TEST_OPTIONS,
} from '../__fixtures__/nxcloud-test-support.js';
import {
  FAILURE_EXAMPLE,
  META_ERROR_EXAMPLE,
  QUERY_FLOW_BY_ID_EXAMPLE,
} from '../__fixtures__/nxcloud-vendor-examples.js';
import { nxcloud } from '../nxcloud-provider.js';
import { META_ERROR_RULES } from './nxcloud-errors.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const FLOW_ID = '3603023670018851';
const PATH = '/api/wa/queryFlowById';

/** Calls flows.doGet and returns what it threw. */
async function getFlowError(options: Partial<typeof TEST_OPTIONS> = {}): Promise<BspError> {
  return expectBspError(nxcloud({ ...TEST_OPTIONS, ...options }).flows.doGet({ id: FLOW_ID }, callContext()));
}

/**
 * Calls flows.get through the core client, which times each attempt and aborts it when its time
 * is up (the adapter keeps no timer of its own), and returns what it threw.
 */
async function timedOutGetFlowError(timeoutMs: number): Promise<BspError> {
  const client = createClient({
    provider: nxcloud(TEST_OPTIONS),
    timeoutMs,
    retry: { maxAttempts: 1 },
    rateLimit: false,
  });
  return expectBspError(client.flows.get(FLOW_ID));
}

async function expectBspError(call: Promise<unknown>): Promise<BspError> {
  const outcome = await call.then(
    () => new Error('expected the call to fail'),
    (error: unknown) => error,
  );
  expect(BspError.isInstance(outcome), String(outcome)).toBe(true);
  return outcome as BspError;
}

/** Asserts that neither the access secret nor any signature that was sent can be read off the error. */
function expectNoSecrets(error: BspError, signs: readonly string[]) {
  const views = [
    error.message,
    error.stack ?? '',
    JSON.stringify(error),
    inspect(error, { depth: 10 }),
    String(error.cause),
  ];
  for (const view of views) {
    expect(view).not.toContain(TEST_OPTIONS.accessSecret);
    for (const sign of signs) expect(view).not.toContain(sign);
  }
}

describe('vendor result codes', () => {
  it.each([
    [-1, ProviderUnavailableError, true],
    [1000, AuthenticationError, false],
    [1001, AuthenticationError, false],
    [1002, AuthenticationError, false],
    [1003, AuthenticationError, false],
    [1004, AuthenticationError, false],
    [1005, PermissionError, false],
    [1009, AuthenticationError, false],
    [9000, InvalidRequestError, false],
    [9001, ProviderUnavailableError, true],
    [9002, InvalidRequestError, false],
    [9003, ConfigError, false],
    [9006, InvalidRequestError, false],
    [9007, ProviderUnavailableError, true],
    [9099, InvalidRequestError, false],
    [123456, ProviderUnavailableError, false],
  ])('code %i in an HTTP 200 answer is a %O (retryable: %s)', async (code, errorClass, retryable) => {
    const body = failure(code, 'vendor says no');
    nock(BASE_URL).post(PATH).reply(200, body);
    const error = await getFlowError();
    expect(errorClass.isInstance(error)).toBe(true);
    expect(error.retryable).toBe(retryable);
    // NXCloud answered with a failure: nothing was applied, whatever the class.
    expect(error.outcome).toBe('failed');
    expect(error.provider).toBe('nxcloud');
    expect(error.vendorCode).toBe(code);
    expect(error.httpStatusCode).toBe(200);
    expect(error.raw).toEqual(JSON.parse(body));
    expect(error.message).toContain('vendor says no');
  });

  it('explains 1004 as clock skew beyond ±60 s', async () => {
    nock(BASE_URL).post(PATH).reply(200, failure(1004, 'Timestamp has expired'));
    expect((await getFlowError()).message).toMatch(/clock.*±60 s/);
  });

  it('points 9003 at the appKey option and 9002/9006 at businessPhone', async () => {
    nock(BASE_URL).post(PATH).reply(200, failure(9003)).post(PATH).reply(200, failure(9006));
    expect((await getFlowError()).field).toBe('appKey');
    expect((await getFlowError()).field).toBe('businessPhone');
  });

  it("reads the vendor's own failure example as a retryable UNAVAILABLE", async () => {
    nock(BASE_URL).post(PATH).reply(200, FAILURE_EXAMPLE);
    const error = await getFlowError();
    expect(ProviderUnavailableError.isInstance(error)).toBe(true);
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('请求失败');
  });

  it('lets the body code decide whatever the HTTP status, and reads code and message leniently', async () => {
    nock(BASE_URL)
      .post(PATH)
      .reply(500, failure(1003))
      .post(PATH)
      .reply(200, '{"code":"1005","message":"Insufficient permissions","data":null}')
      .post(PATH)
      .reply(200, '{"code":9001.0,"message":{"zh":"系统业务错误"}}');
    const fromHttp500 = await getFlowError();
    expect(AuthenticationError.isInstance(fromHttp500)).toBe(true);
    // A 5xx with a failure code is a refusal like any other.
    expect(fromHttp500.outcome).toBe('failed');
    expect(PermissionError.isInstance(await getFlowError())).toBe(true);
    expect((await getFlowError()).vendorCode).toBe(9001);
  });
});

describe('Meta errors relayed with code 400', () => {
  it("classifies the vendor's example and exposes Meta's float codes as integers in raw", async () => {
    nock(BASE_URL).post(PATH).reply(200, META_ERROR_EXAMPLE);
    const error = await getFlowError();
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect(error.vendorCode).toBe(400);
    expect(error.message).toContain('Updating attempt failed');
    expect(error.message).toContain('139001');
    const metaError = (error.raw as { data: { error: Record<string, unknown> } }).data.error;
    expect(metaError).toMatchObject({ code: 139001, error_subcode: 4016010, type: 'OAuthException' });
    expect(Number.isInteger(metaError.code)).toBe(true);
  });

  it.each([
    ['{"code":4.0,"message":"Application request limit reached"}', RateLimitError],
    ['{"code":130429.0,"message":"Rate limit hit"}', RateLimitError],
    ['{"code":190.0,"message":"Invalid OAuth access token"}', AuthenticationError],
    ['{"code":10.0,"message":"Permission denied"}', PermissionError],
    ['{"code":100.0,"error_subcode":33.0,"message":"Object does not exist"}', NotFoundError],
    ['{"code":139000.0,"message":"Blocked","is_transient":true}', ProviderUnavailableError],
    ['{"code":100.0,"message":"Invalid parameter"}', InvalidRequestError],
  ])('Meta error %s', async (metaError, errorClass) => {
    nock(BASE_URL)
      .post(PATH)
      .reply(400, `{"code":400,"message":"queryFlowById error","data":{"error":${metaError}}}`);
    const error = await getFlowError();
    expect(errorClass.isInstance(error)).toBe(true);
    expect(error.httpStatusCode).toBe(400);
    expect(error.outcome).toBe('failed');
  });

  it('is an InvalidRequestError when data.error is missing', async () => {
    nock(BASE_URL)
      .post(PATH)
      .reply(200, failure(400, 'updateFlow error', { success: false }));
    const error = await getFlowError();
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect(error.outcome).toBe('failed');
  });
});

/** Both ways NXCloud relays one Meta error: its object in `data.error` (code 400), or its text (9099). */
function relayedBothWays(
  metaCode: number,
  subcode?: number,
): [shape: string, status: number, body: string][] {
  const subcodeMember = subcode === undefined ? '' : `,"error_subcode":${subcode}.0`;
  const metaText = `(#${metaCode}) Meta says no`;
  return [
    [
      'code 400 with data.error',
      400,
      `{"code":400,"message":"queryFlowById error","data":{"error":{"message":"Meta says no","type":"OAuthException","code":${metaCode}.0${subcodeMember}}}}`,
    ],
    [
      'code 9099 with the text',
      200,
      JSON.stringify({
        code: 9099,
        message: metaText,
        data: subcode === undefined ? null : { error_subcode: subcode },
      }),
    ],
  ];
}

describe("Meta's codes, relayed either way, are classified by one table", () => {
  const cases = META_ERROR_RULES.flatMap((rule) =>
    rule.codes.map((code) => ({ code, subcode: rule.subcode, errorClass: rule.errorClass })),
  );

  it('the table holds every documented kind', () => {
    const classes = new Set(META_ERROR_RULES.map((rule) => rule.errorClass));
    expect(classes).toEqual(
      new Set([
        RateLimitError,
        AuthenticationError,
        PermissionError,
        NotFoundError,
        ConflictError,
        ProviderUnavailableError,
      ]),
    );
    expect(cases.length).toBeGreaterThan(100);
  });

  it('gives the same error for every code of the table through both shapes', async () => {
    const provider = nxcloud(TEST_OPTIONS);
    for (const { code, subcode, errorClass } of cases) {
      for (const [shape, status, body] of relayedBothWays(code, subcode)) {
        nock(BASE_URL).post(PATH).reply(status, body);
        const error = await expectBspError(provider.flows.doGet({ id: FLOW_ID }, callContext()));
        const what = `Meta code ${code}${subcode === undefined ? '' : `/${subcode}`} as ${shape}`;
        expect(errorClass.isInstance(error), `${what}: ${error.name}`).toBe(true);
        // Throttling and Meta's transient failures are retried, whichever way they came.
        expect(error.retryable, what).toBe(
          errorClass === RateLimitError || errorClass === ProviderUnavailableError,
        );
        expect(error.outcome, what).toBe('failed');
        expect(error.vendorCode, what).toBe(shape.startsWith('code 400') ? 400 : 9099);
        expect(error.message, what).toContain(`code ${code}`);
        expect(error.message, what).toContain('Meta says no');
      }
    }
  });

  it("reads the issue's example: an expired session relayed with 9099 is an AuthenticationError", async () => {
    nock(BASE_URL)
      .post(PATH)
      .reply(
        200,
        '{"code":9099,"message":"(#190) Error validating access token: Session has expired","data":null}',
      );
    const error = await getFlowError();
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      retryable: false,
      outcome: 'failed',
      vendorCode: 9099,
      httpStatusCode: 200,
    });
    expect(error.message).toContain('Session has expired');
  });

  it.each([
    ['a rate limit', 4, RateLimitError],
    ['a WABA rate limit', 80007, RateLimitError],
  ])(
    'retries %s relayed with 9099 through the client, as the same code relayed with 400',
    async (_name, code) => {
      for (const [, status, body] of relayedBothWays(code)) {
        const scope = nock(BASE_URL)
          .post(PATH)
          .reply(status, body)
          .post(PATH)
          .reply(200, QUERY_FLOW_BY_ID_EXAMPLE);
        const client = createClient({
          provider: nxcloud(TEST_OPTIONS),
          retry: { maxAttempts: 2, initialDelayMs: 1, maxDelayMs: 1 },
          rateLimit: false,
        });
        const flow = await client.flows.get(FLOW_ID);
        expect(flow.$metadata.attempts).toBe(2);
        expect(scope.isDone()).toBe(true);
      }
    },
  );

  it('a subcode matters only where the table names one, in data.error or beside it', async () => {
    const bodies: [string, typeof NotFoundError | typeof InvalidRequestError][] = [
      [
        '{"code":9099,"message":"(#100) Object does not exist","data":{"error":{"error_subcode":33}}}',
        NotFoundError,
      ],
      ['{"code":9099,"message":"(#100) Object does not exist","data":{"error_subcode":"33"}}', NotFoundError],
      [
        '{"code":9099,"message":"(#100) Invalid parameter","data":{"error_subcode":2494010}}',
        InvalidRequestError,
      ],
      ['{"code":9099,"message":"(#100) Invalid parameter","data":null}', InvalidRequestError],
    ];
    for (const [body, errorClass] of bodies) {
      nock(BASE_URL).post(PATH).reply(200, body);
      const error = await getFlowError();
      expect(errorClass.isInstance(error), body).toBe(true);
    }
  });

  it('any code, with or without a subcode, is the same kind of error through both shapes', async () => {
    const provider = nxcloud(TEST_OPTIONS);
    const anyCode = fc.oneof(
      fc.constantFrom(...cases.map((entry) => entry.code)),
      fc.integer({ min: 0, max: 999_999 }),
    );
    await fc.assert(
      fc.asyncProperty(
        anyCode,
        fc.option(fc.constantFrom(33, 2494010), { nil: undefined }),
        async (code, subcode) => {
          const kinds: string[] = [];
          for (const [, status, body] of relayedBothWays(code, subcode)) {
            nock(BASE_URL).post(PATH).reply(status, body);
            const error = await expectBspError(provider.flows.doGet({ id: FLOW_ID }, callContext()));
            kinds.push(`${error.code} retryable=${error.retryable} outcome=${error.outcome}`);
          }
          expect(kinds[1]).toBe(kinds[0]);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('text without the (#code) prefix stays an InvalidRequestError', async () => {
    nock(BASE_URL)
      .post(PATH)
      .reply(200, failure(9099, 'Message failed to send because more than 24 hours have passed'));
    const error = await getFlowError();
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect(error.message).toContain('more than 24 hours');
  });
});

describe('answers that are not the envelope', () => {
  const html = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>';

  it('an HTML 502 is a retryable UNAVAILABLE with the status', async () => {
    nock(BASE_URL).post(PATH).reply(502, html, { 'content-type': 'text/html' });
    const error = await getFlowError();
    expect(ProviderUnavailableError.isInstance(error)).toBe(true);
    expect(error.retryable).toBe(true);
    expect(error.httpStatusCode).toBe(502);
    // No failure code says what became of the request.
    expect(error.outcome).toBe('unknown');
  });

  it.each([
    ['HTML with HTTP 200', 200, html],
    ['truncated JSON', 200, QUERY_FLOW_BY_ID_EXAMPLE.slice(0, 120)],
    ['an empty body', 200, ''],
    ['JSON without the envelope', 200, '{"error":"not found"}'],
    ['a JSON array', 200, '[1,2,3]'],
    ['a 404 page', 404, 'Not Found'],
    ['an envelope whose data is no flow', 200, success({ flows: [] })],
    [
      'an envelope with an undated preview',
      200,
      success({ id: FLOW_ID, name: 'n', preview: { preview_url: 'u', expires_at: 'soon' } }),
    ],
  ])('%s is a ResponseFormatError', async (_name, status, body) => {
    nock(BASE_URL).post(PATH).reply(status, body);
    const error = await getFlowError();
    expect(ResponseFormatError.isInstance(error), error.message).toBe(true);
    expect(error.retryable).toBe(false);
    expect(error.outcome).toBe('unknown');
  });

  it('an empty 503 is UNAVAILABLE', async () => {
    nock(BASE_URL).post(PATH).reply(503, '');
    const error = await getFlowError();
    expect(ProviderUnavailableError.isInstance(error)).toBe(true);
    expect(error.outcome).toBe('unknown');
  });

  it('JSON nested deeper than any answer is refused before anything walks it', async () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    for (const body of [
      `{"code":1003,"message":"x","data":${deep}}`,
      `{"code":0,"message":"ok","data":{"id":"${FLOW_ID}","name":"n","extra":${deep}}}`,
    ]) {
      nock(BASE_URL).post(PATH).reply(200, body);
      const error = await getFlowError();
      expect(ResponseFormatError.isInstance(error)).toBe(true);
      expect(error.message).toContain('JSON nested deeper than 64 levels');
      expect(() => JSON.stringify(error)).not.toThrow();
    }
    // Throttling is read from the status; the body is only left out.
    nock(BASE_URL).post(PATH).reply(429, deep);
    const throttled = await getFlowError();
    expect(throttled.code).toBe('RATE_LIMITED');
    expect(throttled.raw).toBeUndefined();
  });
});

describe('throttling', () => {
  it('HTTP 429 is a RateLimitError honouring Retry-After in seconds', async () => {
    nock(BASE_URL).post(PATH).reply(429, 'Too Many Requests', { 'Retry-After': '7' });
    const error = await getFlowError();
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error.retryable).toBe(true);
    expect(error.retryAfterMs).toBe(7_000);
    // Refused at the gateway: nothing was applied.
    expect(error.outcome).toBe('failed');
  });

  it('reads an HTTP-date Retry-After against the injected clock', async () => {
    const retryAt = new Date(FIXED_NOW + 30_000).toUTCString();
    nock(BASE_URL).post(PATH).reply(429, failure(-1), { 'Retry-After': retryAt });
    const error = await getFlowError();
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error.retryAfterMs).toBe(30_000);
  });
});

describe('transport failures', () => {
  it("a timeout is the client's: a retryable UNAVAILABLE that names the time budget", async () => {
    nock(BASE_URL).post(PATH).delay(2_000).reply(200, QUERY_FLOW_BY_ID_EXAMPLE);
    const error = await timedOutGetFlowError(50);
    expect(ProviderUnavailableError.isInstance(error)).toBe(true);
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/timed out after 50 ms/);
    // The request had gone out: NXCloud may have acted on it.
    expect(error.outcome).toBe('unknown');
  });

  // A reset after the request went out needs a real socket, for the transport to know that the
  // connection was up: see nxcloud-sockets.test.ts.
  it.each([
    ['a DNS failure', 'ENOTFOUND', 'getaddrinfo ENOTFOUND api2.nxcloud.com', 'not-sent'],
    ['a DNS lookup that failed for now', 'EAI_AGAIN', 'getaddrinfo EAI_AGAIN api2.nxcloud.com', 'not-sent'],
    ['a refused connection', 'ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:443', 'not-sent'],
  ])('%s is a retryable UNAVAILABLE (outcome %s)', async (_name, code, message, outcome) => {
    nock(BASE_URL)
      .post(PATH)
      .replyWithError(Object.assign(new Error(message), { code }));
    const error = await getFlowError();
    expect(ProviderUnavailableError.isInstance(error)).toBe(true);
    expect(error.retryable).toBe(true);
    expect(error.message).toContain(code);
    expect((error.cause as { code?: string }).code).toBe(code);
    expect(error.outcome).toBe(outcome);
  });

  it("an aborted call rejects with the signal's reason, not a timeout", async () => {
    nock(BASE_URL).post(PATH).delay(2_000).reply(200, QUERY_FLOW_BY_ID_EXAMPLE);
    const controller = new AbortController();
    const reason = new Error('user cancelled');
    const call = nxcloud(TEST_OPTIONS).flows.doGet(
      { id: FLOW_ID },
      callContext({ signal: controller.signal }),
    );
    setImmediate(() => controller.abort(reason));
    await expect(call).rejects.toBe(reason);
  });

  it('an abort whose reason is a TimeoutError still surfaces as that reason', async () => {
    nock(BASE_URL).post(PATH).delay(2_000).reply(200, QUERY_FLOW_BY_ID_EXAMPLE);
    const controller = new AbortController();
    const reason = new DOMException('The operation timed out.', 'TimeoutError');
    const call = nxcloud(TEST_OPTIONS).flows.doGet(
      { id: FLOW_ID },
      callContext({ signal: controller.signal }),
    );
    setImmediate(() => controller.abort(reason));
    await expect(call).rejects.toBe(reason);
  });

  it('an already aborted signal sends nothing', async () => {
    const scope = nock(BASE_URL).post(PATH).reply(200, QUERY_FLOW_BY_ID_EXAMPLE);
    const reason = new Error('too late');
    const call = nxcloud(TEST_OPTIONS).flows.doGet(
      { id: FLOW_ID },
      callContext({ signal: AbortSignal.abort(reason) }),
    );
    await expect(call).rejects.toBe(reason);
    expect(scope.isDone()).toBe(false);
  });
});

describe('secrets', () => {
  it('never shows the access secret or the signature, even when the vendor echoes them', async () => {
    const scope = nock(BASE_URL)
      .post(PATH)
      .reply(function reply() {
        const sign = String(this.req.headers.sign);
        return [200, failure(1003, `bad sign ${sign} for secret ${TEST_OPTIONS.accessSecret}`, { sign })];
      })
      .post(PATH)
      .reply(function reply() {
        const sign = String(this.req.headers.sign);
        return [502, `<html>upstream saw sign=${sign}&accessSecret=${TEST_OPTIONS.accessSecret}</html>`];
      })
      .post(PATH)
      .reply(function reply() {
        const sign = String(this.req.headers.sign);
        const metaError = { message: `token ${TEST_OPTIONS.accessSecret}`, code: 190.0 };
        return [400, { code: 400, message: `sign ${sign}`, data: { error: metaError } }];
      })
      .post(PATH)
      .replyWithError(
        Object.assign(new Error(`reset while sending ${TEST_OPTIONS.accessSecret}`), { code: 'ECONNRESET' }),
      )
      .post(PATH)
      .reply(429, `{"code":-1,"message":"${TEST_OPTIONS.accessSecret}"}`)
      .post(PATH)
      .delay(2_000)
      .reply(200, QUERY_FLOW_BY_ID_EXAMPLE);
    const requests = captureRequests(scope);

    const errors = [];
    for (let attempt = 0; attempt < 5; attempt++) errors.push(await getFlowError());
    errors.push(await timedOutGetFlowError(50));

    const signs = requests.map((request) => request.headers.sign!);
    expect(signs).toHaveLength(6);
    for (const error of errors) expectNoSecrets(error, signs);
    expect(errors[0]!.message).toContain('[REDACTED]');
  });
});

describe('arbitrary answers', () => {
  const provider = nxcloud(TEST_OPTIONS);
  const body = fc.oneof(
    fc.json(),
    fc.string(),
    fc.jsonValue().map((data) => success(data)),
    fc.jsonValue().map((data) => JSON.stringify({ code: 0, data: { data: [data] } })),
    fc
      .record({ code: fc.oneof(fc.integer(), fc.string()), message: fc.jsonValue(), data: fc.jsonValue() })
      .map((value) => JSON.stringify(value)),
  );

  it('give a mapped flow or a typed BspError, never a TypeError', async () => {
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom(200, 400, 500), async (text, status) => {
        nock(BASE_URL).post(PATH).reply(status, text);
        try {
          const result = await provider.flows.doGet({ id: FLOW_ID }, callContext());
          expect(FlowSchema.safeParse(result.value).success).toBe(true);
        } catch (error) {
          expect(BspError.isInstance(error), String(error)).toBe(true);
        } finally {
          nock.cleanAll();
        }
      }),
      { numRuns: 150 },
    );
  });

  it('inside a success envelope give a value, a ResponseFormatError or NotFound, and nothing else', async () => {
    const operations = [
      () => provider.flows.doGet({ id: FLOW_ID }, callContext()),
      () => provider.flows.doList({ pageSize: 2 }, callContext()),
      () => provider.flows.doGetPreview({ id: FLOW_ID }, callContext()),
      () => provider.templates.doList({ pageSize: 2 }, callContext()),
      () => provider.templates.doGet({ name: 'a', language: 'en' }, callContext()),
    ];
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), fc.nat({ max: operations.length - 1 }), async (data, index) => {
        nock(BASE_URL).post(/.*/).reply(200, success(data));
        try {
          await operations[index]!();
        } catch (error) {
          expect(
            ResponseFormatError.isInstance(error) || NotFoundError.isInstance(error),
            String(error),
          ).toBe(true);
        } finally {
          nock.cleanAll();
        }
      }),
      { numRuns: 150 },
    );
  });
});
