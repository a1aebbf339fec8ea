/**
 * Checks a callback URL: http or https, and on this machine unless `allowNonLoopback` says
 * otherwise, so that an emulator in a test never posts anywhere else by mistake.
 */
export function checkCallbackUrl(url: string, allowNonLoopback: boolean): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError(`webhook URL ${JSON.stringify(url)} is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new TypeError(`webhook URL ${url} must be http or https`);
  }
  if (!allowNonLoopback && !isLoopback(parsed.hostname)) {
    throw new TypeError(
      `webhook URL ${url} is not on this machine (127.0.0.0/8, [::1] or localhost); pass allowNonLoopback: true to post elsewhere`,
    );
  }
  return parsed;
}

function isLoopback(hostname: string): boolean {
  return (
    hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
}
