import { constantTimeEqual } from '../adapter/constant-time-equal.js';
import { AuthenticationError } from '../errors/error-classes.js';
import type { ProviderV1 } from '../provider/provider-v1.js';
import type { WebhookCall } from '../provider/webhook-request.js';
import type { WebhookAuthentication } from './receiver-options.js';

/**
 * Checks that a call comes from the vendor, before anything of its body is parsed.
 *
 * @throws AuthenticationError (HTTP 401) when it does not. The error says which check failed and
 *   nothing else: no header value, no secret, no body.
 */
export function authenticateWebhook(
  call: WebhookCall,
  url: string | undefined,
  authentication: WebhookAuthentication,
  provider: ProviderV1,
): void {
  switch (authentication.type) {
    case 'none':
      return;
    case 'shared-secret': {
      const presented =
        authentication.header !== undefined
          ? call.headers[authentication.header.toLowerCase()]
          : queryValue(url, authentication.queryParameter ?? '');
      if (presented === undefined || !constantTimeEqual(presented, authentication.secret)) {
        const where =
          authentication.header !== undefined
            ? `header ${authentication.header}`
            : `query parameter ${authentication.queryParameter}`;
        throw refused(provider, `The webhook call does not carry the shared secret in its ${where}`);
      }
      return;
    }
    case 'signature': {
      const { type: _type, ...check } = authentication;
      if (provider.webhooks?.doVerifySignature?.(call, check) !== true) {
        throw refused(provider, `The webhook call is not signed as ${provider.id} signs its callbacks`);
      }
      return;
    }
  }
}

function queryValue(url: string | undefined, name: string): string | undefined {
  if (url === undefined) return undefined;
  try {
    return new URL(url, 'http://localhost').searchParams.get(name) ?? undefined;
  } catch {
    return undefined;
  }
}

function refused(provider: ProviderV1, message: string): AuthenticationError {
  return new AuthenticationError(message, { provider: provider.id, httpStatusCode: 401 });
}
