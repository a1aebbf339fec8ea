// Shared test set-up: fake credentials (built for the tests, not vendor data) and helpers that
// capture what nock received.
import { parseWire, type WireSchema } from '@whatsapp-bsp/core/adapter';
import type nock from 'nock';
import { expect } from 'vitest';
import { NxcloudAnswer } from '../transport/nxcloud-answer.js';
import { type NxcloudSignAlgorithm, signNxcloud } from '../transport/nxcloud-sign.js';

export const BASE_URL = 'https://api2.nxcloud.com';
export const FIXED_NOW = 1_700_000_000_000;

export const TEST_OPTIONS = {
  accessKey: 'ak-test-4f2a',
  accessSecret: 'sk-TOP-SECRET-9c1e7b',
  appKey: 'app-7h2k9',
  businessPhone: '8615800001795',
  now: () => FIXED_NOW,
} as const;

/** A call context as the core client would hand it over, answering to the given signal. */
export { testCallContext as callContext } from '@whatsapp-bsp/core/testing';

export interface CapturedRequest {
  readonly path: string;
  /** Lower-cased names, as Node reports them. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body exactly as it went on the wire. */
  readonly body: string;
}

/** Records every request the scope answers, with its raw body. */
export function captureRequests(scope: nock.Scope): CapturedRequest[] {
  const requests: CapturedRequest[] = [];
  scope.on(
    'request',
    (req: { path: string; headers: Record<string, unknown> }, _interceptor: unknown, body: string) => {
      const headers = Object.fromEntries(
        Object.entries(req.headers).map(([name, value]) => [name, String(value)]),
      );
      requests.push({ path: req.path, headers, body });
    },
  );
  return requests;
}

/** Checks the common headers, recomputing the signature from the body exactly as received. */
export function expectSignedRequest(
  request: CapturedRequest,
  action: string,
  algorithm: NxcloudSignAlgorithm = 'md5',
) {
  expect(request.headers.accesskey).toBe(TEST_OPTIONS.accessKey);
  expect(request.headers.ts).toBe(String(FIXED_NOW));
  expect(request.headers.biztype).toBe('2');
  expect(request.headers.action).toBe(action);
  expect(request.headers['content-type']).toBe('application/json');
  expect(request.headers.sign).toBe(
    signNxcloud({
      accessKey: TEST_OPTIONS.accessKey,
      accessSecret: TEST_OPTIONS.accessSecret,
      action,
      bizType: '2',
      ts: request.headers.ts!,
      body: request.body,
      algorithm,
    }),
  );
  if (algorithm === 'md5') expect(request.headers).not.toHaveProperty('algorithm');
  else expect(request.headers.algorithm).toBe('sha256');
  // The secret itself never travels.
  expect(JSON.stringify(request)).not.toContain(TEST_OPTIONS.accessSecret);
}

/** Decodes `data` as the sub-providers do: parsed by `schema`, a mismatch reported by the answer. */
export function decode<Wire>(schema: WireSchema<Wire>, data: unknown): Wire {
  return parseWire(schema, data, new NxcloudAnswer(data, 200, 'a test call', []).mismatch);
}
