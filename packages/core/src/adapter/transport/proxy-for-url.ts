import { getProxyForUrl } from 'proxy-from-env';
import { ConfigError } from '../../errors/error-classes.js';
import { isLoopbackHost } from './loopback-host.js';

/**
 * Which proxy a request goes through: a proxy URL (`http://` or `https://`, with
 * `user:password@` if the proxy asks for them), `false` for none whatever the environment says,
 * or undefined to follow the environment.
 */
export type ProxySetting = string | false | undefined;

/**
 * The proxy for a request to `target`, or undefined to connect directly.
 *
 * - Loopback targets (`localhost`, 127.0.0.0/8, ::1) never go through a proxy, whatever the
 *   setting: a local emulator must work in a shell whose proxy variables point elsewhere.
 * - `false`: no proxy.
 * - A URL: that proxy, for every other target (`NO_PROXY` is for the environment's proxies).
 * - undefined: the environment as curl and most tools read it, through `proxy-from-env`:
 *   `https_proxy`/`HTTPS_PROXY` for https targets, `http_proxy`/`HTTP_PROXY` for http ones,
 *   `all_proxy`/`ALL_PROXY` for both, lower case first, and `no_proxy`/`NO_PROXY` (host names,
 *   `.domain` suffixes, `host:port`, `*`) to exempt hosts. Read on every request, so a change to
 *   the environment takes effect at once.
 *
 * @throws ConfigError when the proxy is not an `http://` or `https://` URL (SOCKS is not supported).
 */
export function proxyFor(target: URL, setting: ProxySetting, provider: string): URL | undefined {
  if (setting === false || isLoopbackHost(target.hostname)) return undefined;
  const fromEnvironment = setting === undefined;
  const text = fromEnvironment ? getProxyForUrl(target) : setting;
  if (text === '') return undefined;
  return parseProxy(text, fromEnvironment ? `${target.protocol.slice(0, -1)}_proxy` : undefined, provider);
}

// The last proxy parsed: in practice every request names the same one, and parsing a URL on
// every request would cost for nothing.
let lastText: string | undefined;
let lastUrl: URL | undefined;

function parseProxy(text: string, variable: string | undefined, provider: string): URL {
  if (text === lastText && lastUrl !== undefined) return lastUrl;
  // Never echoes the text: a proxy URL may carry a password.
  const where =
    variable === undefined
      ? 'The `proxy` option'
      : `The proxy from the environment (${variable.toUpperCase()}, ${variable} or ALL_PROXY)`;
  let url: URL;
  try {
    url = new URL(text);
  } catch (error) {
    throw new ConfigError(`${where} is not a valid URL`, { provider, field: 'proxy', cause: error });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`${where} must be an http:// or https:// proxy, not ${url.protocol}//`, {
      provider,
      field: 'proxy',
    });
  }
  lastText = text;
  lastUrl = url;
  return url;
}
