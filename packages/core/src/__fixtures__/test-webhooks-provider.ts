// A provider for core's webhook tests, built to the core contract (no vendor wire involved). Its
// callbacks are a JSON array of `{ id, status }`, each a template.status event; its signature is
// an HMAC-SHA256 of the body in `x-test-signature` (a test algorithm, not a vendor's).
import { createHmac } from 'node:crypto';
import { ResponseFormatError } from '../errors/error-classes.js';
import type { WebhookEvent } from '../model/events.js';
import type { ProviderAdapter } from '../provider/provider-adapter.js';
import type { ProviderV1, WebhooksProvider } from '../provider/provider-v1.js';
import type { WebhookSignatureCheck } from '../provider/webhook-request.js';
import { testCapabilities } from './scripted-provider.js';

export const TEST_SIGNING_SECRET = 'test-signing-secret-5d1f';

export function testSignature(body: string, secret = TEST_SIGNING_SECRET): string {
  return createHmac('sha256', secret).update(body, 'utf8').digest('hex');
}

/** The signature checks the provider was asked to make, for assertions. */
export const signatureChecks: WebhookSignatureCheck[] = [];

const webhooks: WebhooksProvider = {
  doParse({ json, receivedAt }) {
    if (!Array.isArray(json)) throw new ResponseFormatError('not an array', { provider: 'test' });
    return json.map((item): WebhookEvent => {
      if (typeof item?.id !== 'string' || typeof item.status !== 'string') {
        throw new ResponseFormatError('not a report', { provider: 'test' });
      }
      return {
        type: 'template.status',
        id: `test:${item.id}:${item.status}`,
        provider: 'test',
        occurredAt: receivedAt,
        raw: item,
        templateRef: { id: item.id, language: 'en_US' },
        status: item.status === 'APPROVED' ? 'APPROVED' : 'UNKNOWN',
      };
    });
  },
  doVerifySignature({ headers, body }, check) {
    signatureChecks.push(check);
    const name = check.headerNames?.signature ?? 'x-test-signature';
    return headers[name] === testSignature(body, check.secret ?? TEST_SIGNING_SECRET);
  },
};

function unreachable(): never {
  throw new Error('not part of the webhook tests');
}

/** A provider whose callbacks the tests read; `signs: false` drops its signature check. */
export function testWebhooksProvider(options: { signs?: boolean; webhooks?: boolean } = {}): ProviderV1 {
  const { doVerifySignature, ...unsigned } = webhooks;
  return {
    specificationVersion: 'v1',
    id: 'test',
    capabilities: testCapabilities,
    flows: { doGet: unreachable, doList: unreachable, doGetPreview: unreachable },
    templates: { doList: unreachable, doGet: unreachable },
    ...(options.webhooks === false
      ? {}
      : { webhooks: options.signs === false ? unsigned : { ...unsigned, doVerifySignature } }),
  };
}

/** The same provider, loadable by configuration: `{ provider: 'test', adapters: { test: testAdapter } }`. */
export const testAdapter: ProviderAdapter = {
  id: 'test',
  create: () => testWebhooksProvider(),
  environment: {},
  secretOptions: [],
  endpointOptions: [],
};

/** A callback body of the test provider. */
export function testBody(...reports: { id: string; status: string }[]): string {
  return JSON.stringify(reports);
}
