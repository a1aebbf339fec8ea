import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BspError } from '../../errors/bsp-error.js';
import { ConfigError, ProviderUnavailableError } from '../../errors/error-classes.js';
import {
  answer,
  type LocalServer,
  localLookup,
  startServer,
  TEST_CA,
  testAgents,
} from './__fixtures__/local-servers.js';
import { HttpAgents } from './http-agents.js';
import { sendHttpRequest } from './send-http-request.js';

let server: LocalServer | undefined;
let agents: HttpAgents | undefined;

afterEach(async () => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  agents?.destroy();
  agents = undefined;
  await server?.close();
  server = undefined;
});

async function certificateRefusal(url: string): Promise<BspError> {
  const error = await sendHttpRequest({ method: 'POST', url, body: '{"secret":"x"}', agents }).catch(
    (reason: unknown) => reason,
  );
  expect(ProviderUnavailableError.isInstance(error), String(error)).toBe(true);
  const refusal = error as BspError;
  expect(refusal).toMatchObject({ outcome: 'not-sent', retryable: false });
  return refusal;
}

describe('TLS', () => {
  it('refuses a self-signed certificate, sends nothing, and does not retry', async () => {
    server = await startServer((_request, response) => answer(response, Buffer.from('{}')), 'self-signed');
    agents = new HttpAgents({ lookup: localLookup() });
    const error = await certificateRefusal(`https://localhost:${server.port}/`);
    expect(error.message).toContain('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(error.message).toContain('`ca`');
    expect(server.requests()).toBe(0);
  });

  it('still refuses it with NODE_TLS_REJECT_UNAUTHORIZED=0 in the environment', async () => {
    // Node warns once when it reads the variable; the warning is not what this test is about.
    vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    vi.stubEnv('NODE_TLS_REJECT_UNAUTHORIZED', '0');
    server = await startServer((_request, response) => answer(response, Buffer.from('{}')), 'self-signed');
    agents = new HttpAgents({ lookup: localLookup() });
    await certificateRefusal(`https://127.0.0.1:${server.port}/`);
    expect(server.requests()).toBe(0);
  });

  it('refuses a certificate issued for another host', async () => {
    server = await startServer((_request, response) => answer(response, Buffer.from('{}')), 'trusted');
    agents = testAgents();
    const error = await certificateRefusal(`https://other.vendor.test:${server.port}/`);
    expect(error.message).toContain('ERR_TLS_CERT_ALTNAME_INVALID');
    expect(server.requests()).toBe(0);
  });

  it('trusts a certificate authority given with `ca`, alongside the public ones', async () => {
    server = await startServer(
      (_request, response) => answer(response, Buffer.from('{"ok":true}')),
      'trusted',
    );
    agents = testAgents();
    const result = await sendHttpRequest({
      method: 'GET',
      url: `https://api.vendor.test:${server.port}/`,
      agents,
    });
    expect(result.body.toString()).toBe('{"ok":true}');
    // Without it, the same server is refused.
    const plainAgents = new HttpAgents({ lookup: localLookup() });
    try {
      const error = await sendHttpRequest({
        method: 'GET',
        url: `https://api.vendor.test:${server.port}/`,
        agents: plainAgents,
      }).catch((reason: unknown) => reason);
      expect((error as BspError).message).toContain('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    } finally {
      plainAgents.destroy();
    }
  });

  it('refuses a `ca` that holds no certificate, which Node would silently ignore', () => {
    for (const ca of [
      '/etc/ssl/corp-ca.pem',
      '-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n',
    ]) {
      let error: unknown;
      try {
        new HttpAgents({ ca: [TEST_CA, ca] });
      } catch (caught) {
        error = caught;
      }
      expect(ConfigError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ field: 'ca', outcome: 'not-sent' });
      expect((error as Error).message).toContain('entry 1');
    }
    expect(() => new HttpAgents({ ca: Buffer.from(TEST_CA) })).not.toThrow();
  });

  it('reports https:// to a plain HTTP port as a failed handshake, not sent and not retried', async () => {
    server = await startServer((_request, response) => answer(response, Buffer.from('{}')), 'none');
    agents = testAgents();
    const error = await sendHttpRequest({
      method: 'GET',
      url: `https://127.0.0.1:${server.port}/`,
      agents,
    }).catch((reason: unknown) => reason);
    expect(ProviderUnavailableError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ outcome: 'not-sent', retryable: false });
    expect((error as Error).message).toContain('TLS handshake');
    expect(server.requests()).toBe(0);
  });
});
