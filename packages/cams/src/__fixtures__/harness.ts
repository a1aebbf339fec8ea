// Test harness, not a vendor payload: a provider with test keys, a call context, a nock
// interceptor that records each request the way CAMS would receive it, a check that a call was
// refused before anything was sent, and an independent check of the ACS3-HMAC-SHA256 signature
// (Alibaba Cloud's "V3 request structure and signature" page).
import { createHash, createHmac } from 'node:crypto';
import { InvalidRequestError, type ProviderV1 } from '@whatsapp-bsp/core';
import nock from 'nock';
import { expect } from 'vitest';
import type { CamsOptions } from '../cams-options.js';
import { cams } from '../cams-provider.js';
import { getFlowExampleBody } from './get-flow.js';

export const ENDPOINT = 'cams.ap-southeast-1.aliyuncs.com';
export const ORIGIN = `https://${ENDPOINT}`;
export const ACCESS_KEY_ID = 'LTAI5tUnitTestKeyId01';
export const ACCESS_KEY_SECRET = 'UnitTestSecret0123456789abcdefXYZ';
export const CUST_SPACE_ID = 'cams-space-0001';
/** 2023-11-21T01:43:56Z */
export const FIXED_NOW = 1700531036000;

/** The options of `testProvider`. */
export function testOptions(overrides: Partial<CamsOptions> = {}): CamsOptions {
  return {
    accessKeyId: ACCESS_KEY_ID,
    accessKeySecret: ACCESS_KEY_SECRET,
    custSpaceId: CUST_SPACE_ID,
    now: () => FIXED_NOW,
    ...overrides,
  };
}

export function testProvider(overrides: Partial<CamsOptions> = {}) {
  return cams(testOptions(overrides));
}

/** A call context as the core client would hand it over, answering to the given signal. */
export { testCallContext as callContext } from '@whatsapp-bsp/core/testing';
export { flowsOf } from './flows-of.js';

export interface RecordedRequest {
  readonly method: string;
  readonly pathname: string;
  readonly query: Record<string, string>;
  readonly form: Record<string, string>;
  readonly headers: Record<string, string>;
  readonly body: string;
}

type Reply = [status: number, body?: string | object, headers?: Record<string, string>];

/** Answers the next request to the CAMS origin with `reply` and records it into `requests`. */
export function interceptCams(
  requests: RecordedRequest[],
  reply: Reply | ((request: RecordedRequest) => Reply),
) {
  return nock(ORIGIN)
    .post(/.*/)
    .reply(function (uri, body) {
      const url = new URL(uri, ORIGIN);
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(this.req.headers))
        headers[name.toLowerCase()] = String(value);
      const request: RecordedRequest = {
        method: this.req.method ?? '',
        pathname: url.pathname,
        query: Object.fromEntries(url.searchParams),
        form: typeof body === 'string' && body !== '' ? Object.fromEntries(new URLSearchParams(body)) : {},
        headers,
        body: typeof body === 'string' ? body : JSON.stringify(body),
      };
      requests.push(request);
      return typeof reply === 'function' ? reply(request) : reply;
    });
}

/**
 * Runs `call` on a test provider whose endpoint would answer, and checks that it was refused with
 * an InvalidRequestError naming `field`, with nothing sent.
 */
export async function refusedBeforeSending(call: (provider: ProviderV1) => Promise<unknown>, field: string) {
  const requests: RecordedRequest[] = [];
  interceptCams(requests, [200, getFlowExampleBody]);

  const error = await call(testProvider()).catch((thrown: unknown) => thrown);

  expect(InvalidRequestError.isInstance(error)).toBe(true);
  expect(error).toMatchObject({ provider: 'cams', field, outcome: 'not-sent' });
  expect(requests).toHaveLength(0);
  return error as InvalidRequestError;
}

/** RFC 3986 percent-encoding, as the signature's canonical query string wants it. */
function rfc3986(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Whether the request carries a valid ACS3-HMAC-SHA256 signature made with `accessKeySecret`. */
export function hasValidSignature(request: RecordedRequest, accessKeySecret: string): boolean {
  const match = /^ACS3-HMAC-SHA256 Credential=[^,]+,SignedHeaders=([^,]+),Signature=([0-9a-f]{64})$/.exec(
    request.headers.authorization ?? '',
  );
  if (!match?.[1] || !match[2]) return false;
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
  const payloadHash = request.headers['x-acs-content-sha256'];
  if (payloadHash !== sha256(request.body)) return false;
  const signedHeaders = match[1].split(';');
  const canonicalRequest = [
    request.method,
    request.pathname,
    Object.keys(request.query)
      .sort()
      .map((name) => `${rfc3986(name)}=${rfc3986(request.query[name] ?? '')}`)
      .join('&'),
    signedHeaders.map((name) => `${name}:${(request.headers[name] ?? '').trim()}\n`).join(''),
    match[1],
    payloadHash,
  ].join('\n');
  const stringToSign = `ACS3-HMAC-SHA256\n${sha256(canonicalRequest)}`;
  return createHmac('sha256', accessKeySecret).update(stringToSign).digest('hex') === match[2];
}
