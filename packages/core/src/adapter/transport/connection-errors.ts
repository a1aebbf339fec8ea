import { BspError, safeCause } from '../../errors/bsp-error.js';
import { ConfigError, ProviderUnavailableError, ResponseFormatError } from '../../errors/error-classes.js';

/** Where a request failed, for the error that says so. */
export interface ConnectionFailure {
  readonly target: URL;
  readonly proxy: URL | undefined;
  /**
   * Whether the connection to the vendor was up (TCP for http, the TLS handshake done for https,
   * through the proxy's tunnel if any): from then on the vendor may have received the request.
   */
  readonly connected: boolean;
  readonly provider: string;
  readonly secrets: readonly (string | undefined)[];
}

/** OpenSSL's certificate verification failures, as Node reports them in `error.code`. */
const CERTIFICATE_CODES = new Set([
  'CERT_CHAIN_TOO_LONG',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REJECTED',
  'CERT_REVOKED',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERROR_IN_CERT_NOT_AFTER_FIELD',
  'ERROR_IN_CERT_NOT_BEFORE_FIELD',
  'HOSTNAME_MISMATCH',
  'INVALID_CA',
  'INVALID_PURPOSE',
  'PATH_LENGTH_EXCEEDED',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY',
  'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
]);

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME']);

/**
 * hpagent 1.2's error when the proxy answers CONNECT with anything but 200. It has no `code`, so
 * its message is matched; a test pins this against the version in use.
 */
const PROXY_REFUSAL = /^Bad response: (\d{3})$/;

/**
 * The core error for a request that failed below HTTP: a refused or reset connection, DNS, TLS,
 * the proxy, or an answer that is not HTTP. What the error says became of the request follows
 * from whether the connection was up:
 *
 * - never up: `not-sent`. Retryable (connection refused, DNS, a reset during the handshake), except
 *   a certificate that does not verify, any other TLS handshake failure, and a proxy's refusal
 *   other than 502/503/504: trying again would fail the same way.
 * - up: `unknown`, since the vendor may have received the request. Retryable, except an answer
 *   that is not HTTP (a `ResponseFormatError`).
 *
 * Only the cause's name, code and redacted message are kept; never headers, body or options.
 */
export function errorFromConnection(error: unknown, failure: ConnectionFailure): BspError {
  if (BspError.isInstance(error)) return error;
  const { target, proxy, connected, provider } = failure;
  const cause = safeCause(error, failure.secrets);
  const rawCode = (cause as { code?: unknown }).code;
  const code = typeof rawCode === 'string' ? rawCode : '';
  const host = target.host;
  const via = proxy === undefined ? '' : ` through the proxy ${proxy.host}`;
  const options = { provider, cause };

  if (CERTIFICATE_CODES.has(code)) {
    return new ProviderUnavailableError(
      `The TLS certificate of ${host} did not verify (${code}); nothing was sent. Certificates are always checked: if a proxy re-signs TLS traffic, trust its certificate authority with the \`ca\` option`,
      { ...options, retryable: false, outcome: 'not-sent' },
    );
  }
  if (!connected && (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_') || code === 'EPROTO')) {
    return new ProviderUnavailableError(
      `The TLS handshake with ${host}${via} failed (${code}); nothing was sent. Is it an https:// endpoint?`,
      { ...options, retryable: false, outcome: 'not-sent' },
    );
  }
  const refusal = code === '' && proxy !== undefined ? PROXY_REFUSAL.exec(cause.message) : null;
  if (refusal !== null) {
    const status = Number(refusal[1]);
    const message = `The proxy ${proxy?.host} refused to open a connection to ${host} (HTTP ${status}); nothing was sent`;
    if (status === 407) {
      return new ConfigError(`${message}. It asks for credentials: give them in the proxy URL`, {
        ...options,
        field: 'proxy',
      });
    }
    const retryable = status === 502 || status === 503 || status === 504;
    return new ProviderUnavailableError(message, { ...options, retryable, outcome: 'not-sent' });
  }
  const shown = code === '' ? '' : ` (${code})`;
  if (!connected) {
    const what = DNS_CODES.has(code) && proxy === undefined ? 'resolve' : 'connect to';
    return new ProviderUnavailableError(`Could not ${what} ${host}${via}${shown}; nothing was sent`, {
      ...options,
      outcome: 'not-sent',
    });
  }
  if (code.startsWith('HPE_')) {
    return new ResponseFormatError(`${host} answered with something that is not valid HTTP${shown}`, {
      ...options,
      outcome: 'unknown',
    });
  }
  return new ProviderUnavailableError(
    `The connection to ${host}${via} failed after the request was sent${shown}; it may have been received`,
    { ...options, outcome: 'unknown' },
  );
}
