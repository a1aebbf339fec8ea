import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { BspError } from '../../errors/bsp-error.js';
import { ConfigError } from '../../errors/error-classes.js';
import { answer, type LocalServer, localLookup, startServer } from './__fixtures__/local-servers.js';
import { HttpAgents } from './http-agents.js';
import { isLoopbackHost } from './loopback-host.js';
import { checkRequestUrl } from './request-url-policy.js';
import { sendHttpRequest } from './send-http-request.js';

let server: LocalServer | undefined;
let agents: HttpAgents | undefined;

afterEach(async () => {
  agents?.destroy();
  agents = undefined;
  await server?.close();
  server = undefined;
});

describe('isLoopbackHost', () => {
  it('knows localhost, 127.0.0.0/8 and ::1 in the forms the URL parser gives them', () => {
    for (const url of [
      'http://localhost/',
      'http://LOCALHOST./',
      'http://127.0.0.1/',
      'http://127.9.8.7/',
      'http://0x7f.1/',
      'http://[::1]/',
      'http://[0:0:0:0:0:0:0:1]/',
      'http://[::ffff:127.0.0.1]/',
    ]) {
      expect(isLoopbackHost(new URL(url).hostname), url).toBe(true);
    }
    for (const url of [
      'http://api2.nxcloud.com/',
      'http://localhost.vendor.test/',
      'http://128.0.0.1/',
      'http://10.0.0.1/',
      'http://[::2]/',
      'http://[::ffff:10.0.0.1]/',
      'http://0.0.0.0/',
    ]) {
      expect(isLoopbackHost(new URL(url).hostname), url).toBe(false);
    }
  });
});

describe('request URL policy', () => {
  it('refuses plain http:// to another machine before any DNS lookup or connection', async () => {
    server = await startServer((_request, response) => answer(response, Buffer.from('{}')));
    const lookup = localLookup();
    agents = new HttpAgents({ lookup });
    const error = await sendHttpRequest({
      method: 'POST',
      url: `http://api.vendor.test:${server.port}/v1/flows`,
      body: '{}',
      agents,
    }).catch((reason: unknown) => reason);
    expect(ConfigError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ outcome: 'not-sent', retryable: false, field: 'url' });
    expect((error as Error).message).toContain('api.vendor.test');
    expect(lookup.calls).toEqual([]);
    expect(server.connections()).toBe(0);

    // Allowed when asked for explicitly: the same request then goes out.
    const allowed = await sendHttpRequest({
      method: 'POST',
      url: `http://api.vendor.test:${server.port}/v1/flows`,
      body: '{}',
      allowInsecureHttp: true,
      agents,
    });
    expect(allowed.status).toBe(200);
    expect(lookup.calls).toEqual(['api.vendor.test']);
  });

  it('allows plain http:// to this machine', () => {
    expect(checkRequestUrl('http://127.0.0.1:8080/x', false, 'test').port).toBe('8080');
    expect(checkRequestUrl(new URL('http://localhost/x'), false, 'test').hostname).toBe('localhost');
    expect(checkRequestUrl('https://api2.nxcloud.com/x', false, 'test').protocol).toBe('https:');
  });

  it('refuses credentials in the URL without ever repeating them', () => {
    for (const url of [
      'https://user:hunter2-secret@api.vendor.test/',
      'https://hunter2-secret@api.vendor.test/',
    ]) {
      let error: unknown;
      try {
        checkRequestUrl(url, false, 'cams');
      } catch (caught) {
        error = caught;
      }
      expect(ConfigError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ provider: 'cams', outcome: 'not-sent' });
      const shown = [String(error), JSON.stringify(error), inspect(error, { depth: 10 })].join('\n');
      expect(shown).not.toContain('hunter2');
      expect(shown).toContain('api.vendor.test');
    }
  });

  it('refuses other schemes and text that is not a URL, without repeating the text', () => {
    const refused = (url: string) => {
      try {
        checkRequestUrl(url, true, 'test');
      } catch (error) {
        expect(BspError.isInstance(error)).toBe(true);
        return error as BspError;
      }
      throw new Error(`accepted ${url}`);
    };
    expect(refused('ftp://api.vendor.test/').message).toContain('ftp:');
    expect(refused('file:///etc/passwd').code).toBe('CONFIG');
    const notUrl = refused('/relative?signature=abc123secret');
    expect(notUrl.code).toBe('CONFIG');
    expect(JSON.stringify(notUrl)).not.toContain('abc123secret');
    expect(inspect(notUrl, { depth: 10 })).not.toContain('abc123secret');
  });
});
