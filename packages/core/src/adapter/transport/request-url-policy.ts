import { ConfigError, InvalidRequestError } from '../../errors/error-classes.js';
import { isLoopbackHost } from './loopback-host.js';
import { isWellFormedText } from './well-formed-text.js';

/**
 * What a request URL may be, checked before anything leaves the process.
 *
 * - `http:` or `https:` only.
 * - No `user:password@`: credentials belong in the adapter's options, where they are known to be
 *   secrets; in a URL they would reach logs, errors and proxies. The password is never echoed.
 * - Plain `http:` only to this machine (see `isLoopbackHost`), unless `allowInsecureHttp` is set:
 *   signatures, access keys and business data would otherwise cross the network in clear text,
 *   and a mistyped `http://` to a vendor's real host would go unnoticed.
 *
 * @returns the parsed URL.
 * @throws ConfigError, or InvalidRequestError for text that cannot be encoded (a lone surrogate).
 */
export function checkRequestUrl(url: string | URL, allowInsecureHttp: boolean, provider: string): URL {
  if (typeof url === 'string' && !isWellFormedText(url)) {
    // The URL parser would quietly turn a lone surrogate into U+FFFD and send another path.
    throw new InvalidRequestError('The request URL holds text that cannot be encoded (a lone surrogate)', {
      provider,
      field: 'url',
    });
  }
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch (error) {
    // Node's error carries the input, which may hold a query-string secret: only its code is kept.
    throw new ConfigError('The request URL is not a valid absolute URL', {
      provider,
      field: 'url',
      cause: error,
    });
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new ConfigError(
      `The request URL must be https:// (or http:// to this machine), not ${parsed.protocol}//`,
      {
        provider,
        field: 'url',
      },
    );
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw new ConfigError(
      `The request URL for ${parsed.host} carries credentials (user:password@); give credentials through the adapter's options instead`,
      { provider, field: 'url' },
    );
  }
  if (parsed.protocol === 'http:' && !allowInsecureHttp && !isLoopbackHost(parsed.hostname)) {
    throw new ConfigError(
      `Refusing plain http:// to ${parsed.host}: signatures, keys and data would cross the network unencrypted. Use https://, or set allowInsecureHttp: true for a network you trust`,
      { provider, field: 'url' },
    );
  }
  return parsed;
}
