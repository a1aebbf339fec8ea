// Shared test set-up: fake credentials (built for the tests, not vendor data) and helpers that
// capture what nock received.
import type nock from 'nock';

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
