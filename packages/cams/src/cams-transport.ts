import { randomUUID } from 'node:crypto';
import OpenApiModule, { Config, OpenApiRequest, Params } from '@alicloud/openapi-client';
import type TeaUtilModule from '@alicloud/tea-util';
import {
  MAX_RESPONSE_JSON_DEPTH,
  nestedDeeperThan,
  type ProviderCallContext,
  parseRetryAfter,
} from '@whatsapp-bsp/core';
import { createCredentialSource } from './cams-credentials.js';
import { camsBadResponse, camsTransportError, camsVendorError, requestIdOf } from './cams-errors.js';
import { NONCE_HEADER, watchStatus } from './cams-http-status.js';
import type { CamsSettings } from './cams-options.js';
import { commonJsDefault, requireLoaded } from './commonjs-default.js';

const OpenApiClient = commonJsDefault(OpenApiModule);
const { RuntimeOptions } = requireLoaded<typeof TeaUtilModule>('@alicloud/tea-util');

const API_VERSION = '2020-06-06';

/** Where the official SDK 1.4.2 puts each action's parameters (reference section 3). */
const CAMS_ACTIONS = {
  GetFlow: 'body',
  ListFlow: 'body',
  GetFlowPreviewUrl: 'body',
  ListChatappTemplate: 'query',
  GetChatappTemplateDetail: 'query',
} as const satisfies Record<string, 'body' | 'query'>;

export type CamsAction = keyof typeof CAMS_ACTIONS;

/** A successful answer: a JSON object whose `Code` is `"OK"` (or absent). */
export interface CamsAnswer {
  readonly body: Record<string, unknown>;
  readonly requestId?: string;
  readonly httpStatusCode: number;
}

/** Sends one signed request; no retry. Rejects with a core error, or the signal's reason on abort. */
export type CamsSend = (
  action: CamsAction,
  parameters: Readonly<Record<string, string>>,
  context: ProviderCallContext,
) => Promise<CamsAnswer>;

/**
 * One openapi-client per provider, called through its generic `callApi`: the response body comes
 * back as the raw string, so no field is dropped and we parse it ourselves (the library would
 * throw a bare SyntaxError on an HTML page or an empty 204). Signing is the library's default,
 * ACS3-HMAC-SHA256.
 */
export function createCamsTransport(settings: CamsSettings): CamsSend {
  const credentials = createCredentialSource(settings);
  const client = new OpenApiClient(
    new Config({
      credential: credentials.credential,
      endpoint: settings.endpoint,
      protocol: settings.protocol,
    }),
  );
  const now = settings.now ?? Date.now;

  async function send(
    action: CamsAction,
    parameters: Readonly<Record<string, string>>,
    context: ProviderCallContext,
  ): Promise<CamsAnswer> {
    const { secrets } = await credentials.resolve();
    // The call's budget bounds both; the options can only tighten them.
    const connectTimeout = Math.min(context.timeoutMs, settings.connectTimeoutMs ?? Number.POSITIVE_INFINITY);
    const readTimeout = Math.min(context.timeoutMs, settings.readTimeoutMs ?? Number.POSITIVE_INFINITY);
    // httpx also uses the connect timeout as the socket's idle timeout: the shorter one wins.
    const timeoutMs = Math.min(connectTimeout, readTimeout);
    const runtime = new RuntimeOptions({
      connectTimeout,
      readTimeout,
      // The client retries; the library's own loop stays off.
      autoretry: false,
      maxAttempts: 1,
    });
    const nonce = randomUUID();
    const request = new OpenApiRequest({
      headers: { [NONCE_HEADER]: nonce, 'x-acs-date': signingDate(now()) },
      [CAMS_ACTIONS[action]]: { ...parameters },
    });
    const watch = watchStatus(nonce);
    try {
      const response = await client
        .callApi(rpcParams(action, settings.protocol), request, runtime)
        .catch((error: unknown) => {
          throw camsTransportError(error, {
            httpStatusCode: watch.status(),
            retryAfterMs: parseRetryAfter(watch.retryAfter(), now()),
            timeoutMs,
            secrets: watch.withSignature(secrets),
          });
        });
      return readCamsAnswer(response, watch.withSignature(secrets), now());
    } finally {
      watch.release();
    }
  }

  return (action, parameters, context) => {
    const { signal } = context;
    if (signal.aborted) return Promise.reject(signal.reason);
    return raceAbort(send(action, parameters, context), signal);
  };
}

function rpcParams(action: CamsAction, protocol: string): Params {
  return new Params({
    action,
    version: API_VERSION,
    protocol,
    pathname: '/',
    method: 'POST',
    authType: 'AK',
    style: 'RPC',
    reqBodyType: 'formData',
    bodyType: 'string',
  });
}

/** `x-acs-date`: UTC to the second, `yyyy-MM-ddTHH:mm:ssZ`. */
function signingDate(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The body of a 2xx answer, parsed and checked: a JSON object whose `Code` is "OK" or absent. */
export function readCamsAnswer(
  response: { body?: unknown; headers?: Record<string, unknown>; statusCode?: unknown },
  secrets: readonly string[],
  nowMs = Date.now(),
): CamsAnswer {
  const httpStatusCode = typeof response.statusCode === 'number' ? response.statusCode : 200;
  const text = typeof response.body === 'string' ? response.body : '';
  const headerRequestId = response.headers?.['x-acs-request-id'];
  const fallbackRequestId = typeof headerRequestId === 'string' ? headerRequestId.trim() : undefined;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    const what = text.trim() === '' ? 'an empty body' : 'a body that is not JSON';
    throw camsBadResponse(`CAMS answered HTTP ${httpStatusCode} with ${what}`, {
      httpStatusCode,
      requestId: fallbackRequestId,
    });
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw camsBadResponse(`CAMS answered HTTP ${httpStatusCode} with JSON that is not an object`, {
      httpStatusCode,
      requestId: fallbackRequestId,
    });
  }
  if (nestedDeeperThan(body, MAX_RESPONSE_JSON_DEPTH)) {
    throw camsBadResponse(
      `CAMS answered HTTP ${httpStatusCode} with JSON nested deeper than ${MAX_RESPONSE_JSON_DEPTH} levels`,
      { httpStatusCode, requestId: fallbackRequestId },
    );
  }
  const record = body as Record<string, unknown>;
  // The outcome is the body's Code, whatever the HTTP status.
  if (record.Code !== undefined && record.Code !== null && record.Code !== 'OK') {
    const retryAfter = response.headers?.['retry-after'];
    const retryAfterMs = parseRetryAfter(typeof retryAfter === 'string' ? retryAfter : undefined, nowMs);
    throw camsVendorError(record, httpStatusCode, secrets, retryAfterMs);
  }
  const requestId = requestIdOf(record) ?? fallbackRequestId;
  return { body: record, httpStatusCode, ...(requestId !== undefined && { requestId }) };
}

/** openapi-client takes no AbortSignal: answer the abort at once and let the request run out. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
