import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BspError } from '../../errors/bsp-error.js';
import { ConfigError, ProviderUnavailableError } from '../../errors/error-classes.js';
import {
  answer,
  type LocalServer,
  localLookup,
  startServer,
  startTunnelProxy,
  type TunnelProxy,
  testAgents,
} from './__fixtures__/local-servers.js';
import type { HttpAgents } from './http-agents.js';
import { sendHttpRequest } from './send-http-request.js';

const PROXY_VARIABLES = ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'NO_PROXY'];

let server: LocalServer | undefined;
let proxy: TunnelProxy | undefined;
let agents: HttpAgents | undefined;
let lookup: ReturnType<typeof localLookup>;

beforeEach(() => {
  for (const name of PROXY_VARIABLES) {
    vi.stubEnv(name, '');
    vi.stubEnv(name.toLowerCase(), '');
  }
  lookup = localLookup();
  agents = testAgents(lookup);
});

afterEach(async () => {
  vi.unstubAllEnvs();
  agents?.destroy();
  agents = undefined;
  await proxy?.close();
  proxy = undefined;
  await server?.close();
  server = undefined;
});

/** A vendor at `api.vendor.test` (TLS with the test CA, or plain) and a proxy that tunnels to it. */
async function vendorBehindProxy(tls: 'trusted' | 'none', options?: { requireAuthorization?: string }) {
  server = await startServer(
    (request, response) => answer(response, Buffer.from(`{"path":"${request.url}"}`)),
    tls,
  );
  proxy = await startTunnelProxy(server.port, options);
  const scheme = tls === 'none' ? 'http' : 'https';
  return `${scheme}://api.vendor.test:${server.port}/v1/flows`;
}

describe('proxies', () => {
  it('tunnels https through HTTPS_PROXY and still verifies the vendor certificate', async () => {
    const url = await vendorBehindProxy('trusted');
    vi.stubEnv('HTTPS_PROXY', proxy?.url ?? '');
    const result = await sendHttpRequest({ method: 'POST', url, body: '{}', agents });
    expect(result.body.toString()).toBe('{"path":"/v1/flows"}');
    expect(proxy?.tunnels).toEqual([`api.vendor.test:${server?.port}`]);
    // The proxy resolved the vendor's name, not this process.
    expect(lookup.calls).toEqual([]);
  });

  it('reuses the tunnel for the next request', async () => {
    const url = await vendorBehindProxy('trusted');
    vi.stubEnv('https_proxy', proxy?.url ?? '');
    await sendHttpRequest({ method: 'GET', url, agents });
    await sendHttpRequest({ method: 'GET', url, agents });
    expect(proxy?.tunnels.length).toBe(1);
    expect(server?.requests()).toBe(2);
  });

  it('sends plain http through HTTP_PROXY when plain http is allowed', async () => {
    const url = await vendorBehindProxy('none');
    vi.stubEnv('HTTP_PROXY', proxy?.url ?? '');
    const result = await sendHttpRequest({ method: 'GET', url, allowInsecureHttp: true, agents });
    expect(result.status).toBe(200);
    expect(proxy?.tunnels).toEqual([`api.vendor.test:${server?.port}`]);
  });

  it('takes the proxy option over the environment', async () => {
    const url = await vendorBehindProxy('trusted');
    // Nothing listens there: were it used, the request would fail.
    vi.stubEnv('HTTPS_PROXY', 'http://127.0.0.1:1');
    const result = await sendHttpRequest({ method: 'GET', url, proxy: proxy?.url, agents });
    expect(result.status).toBe(200);
    expect(proxy?.tunnels.length).toBe(1);
  });

  it('connects directly with proxy: false, or for a host NO_PROXY names', async () => {
    const url = await vendorBehindProxy('trusted');
    vi.stubEnv('HTTPS_PROXY', proxy?.url ?? '');
    expect((await sendHttpRequest({ method: 'GET', url, proxy: false, agents })).status).toBe(200);
    vi.stubEnv('NO_PROXY', '.vendor.test');
    expect((await sendHttpRequest({ method: 'GET', url, agents })).status).toBe(200);
    expect(proxy?.tunnels).toEqual([]);
    expect(lookup.calls).toEqual(['api.vendor.test']);
  });

  it('never sends requests to this machine through a proxy', async () => {
    await vendorBehindProxy('none');
    vi.stubEnv('HTTP_PROXY', proxy?.url ?? '');
    vi.stubEnv('HTTPS_PROXY', proxy?.url ?? '');
    const result = await sendHttpRequest({
      method: 'GET',
      url: `http://127.0.0.1:${server?.port}/local`,
      agents,
    });
    expect(result.body.toString()).toBe('{"path":"/local"}');
    const explicit = await sendHttpRequest({
      method: 'GET',
      url: `http://localhost:${server?.port}/local`,
      proxy: proxy?.url,
      agents,
    });
    expect(explicit.status).toBe(200);
    expect(proxy?.tunnels).toEqual([]);
  });

  it('sends the proxy credentials of the proxy URL, and never shows them in an error', async () => {
    const expected = `Basic ${Buffer.from('corp-user:s3cret-proxy-pass').toString('base64')}`;
    const url = await vendorBehindProxy('trusted', { requireAuthorization: expected });
    const withCredentials = `http://corp-user:s3cret-proxy-pass@127.0.0.1:${proxy?.port}`;
    expect((await sendHttpRequest({ method: 'GET', url, proxy: withCredentials, agents })).status).toBe(200);
    expect(proxy?.authorizations).toEqual([expected]);

    const wrong = `http://corp-user:wrong-pass-123@127.0.0.1:${proxy?.port}`;
    const error = await sendHttpRequest({ method: 'GET', url, proxy: wrong, agents }).catch(
      (reason: unknown) => reason,
    );
    // The 407 comes from hpagent's own error text, matched in errorFromConnection.
    expect(ConfigError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ outcome: 'not-sent', retryable: false, field: 'proxy' });
    expect((error as Error).message).toContain('407');
    const shown = [String(error), JSON.stringify(error), inspect(error, { depth: 10 })].join('\n');
    expect(shown).not.toContain('wrong-pass-123');
    expect(shown).not.toContain(Buffer.from('corp-user:wrong-pass-123').toString('base64'));
    expect(server?.requests()).toBe(1);
  });

  it('reports a proxy that cannot be reached as not sent and retryable', async () => {
    const url = await vendorBehindProxy('trusted');
    const port = proxy?.port;
    await proxy?.close();
    proxy = undefined;
    const error = await sendHttpRequest({
      method: 'POST',
      url,
      body: '{}',
      proxy: `http://127.0.0.1:${port}`,
      agents,
    }).catch((reason: unknown) => reason);
    expect(ProviderUnavailableError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ outcome: 'not-sent', retryable: true });
    expect((error as BspError).message).toContain(`through the proxy 127.0.0.1:${port}`);
    expect(server?.connections()).toBe(0);
  });
});
