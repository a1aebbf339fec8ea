import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../../errors/error-classes.js';
import { proxyFor } from './proxy-for-url.js';

const PROXY_VARIABLES = ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'NO_PROXY'];

beforeEach(() => {
  // Whatever the shell running the tests has set, each test starts with no proxy.
  for (const name of PROXY_VARIABLES) {
    vi.stubEnv(name, '');
    vi.stubEnv(name.toLowerCase(), '');
  }
});

afterEach(() => {
  vi.unstubAllEnvs();
});

const target = (url: string) => new URL(url);
const proxyOf = (url: string, setting?: string | false) => proxyFor(target(url), setting, 'test')?.href;

describe('proxyFor', () => {
  it('connects directly when nothing asks for a proxy', () => {
    expect(proxyOf('https://api2.nxcloud.com/x')).toBeUndefined();
  });

  it('follows HTTPS_PROXY for https targets and HTTP_PROXY for http ones', () => {
    vi.stubEnv('HTTPS_PROXY', 'http://secure-proxy.corp:3128');
    vi.stubEnv('HTTP_PROXY', 'http://plain-proxy.corp:3128');
    expect(proxyOf('https://cams.ap-southeast-1.aliyuncs.com/')).toBe('http://secure-proxy.corp:3128/');
    expect(proxyOf('http://api.vendor.test/')).toBe('http://plain-proxy.corp:3128/');
  });

  it('reads the lower-case variables first, and ALL_PROXY when the scheme has none', () => {
    vi.stubEnv('HTTPS_PROXY', 'http://upper.corp:1');
    vi.stubEnv('https_proxy', 'http://lower.corp:2');
    expect(proxyOf('https://api.vendor.test/')).toBe('http://lower.corp:2/');
    vi.stubEnv('ALL_PROXY', 'http://all.corp:3');
    expect(proxyOf('http://api.vendor.test/')).toBe('http://all.corp:3/');
  });

  it('exempts the hosts NO_PROXY names: exact names, domain suffixes, ports, and *', () => {
    vi.stubEnv('HTTPS_PROXY', 'http://proxy.corp:3128');
    vi.stubEnv('NO_PROXY', 'internal.corp, .vendor.test, cams.example:8443');
    expect(proxyOf('https://internal.corp/')).toBeUndefined();
    expect(proxyOf('https://api.vendor.test/')).toBeUndefined();
    expect(proxyOf('https://cams.example:8443/')).toBeUndefined();
    expect(proxyOf('https://cams.example/')).toBe('http://proxy.corp:3128/');
    expect(proxyOf('https://api2.nxcloud.com/')).toBe('http://proxy.corp:3128/');
    vi.stubEnv('NO_PROXY', '*');
    expect(proxyOf('https://api2.nxcloud.com/')).toBeUndefined();
  });

  it('never proxies this machine, so a local emulator works in a proxied shell', () => {
    vi.stubEnv('HTTPS_PROXY', 'http://proxy.corp:3128');
    vi.stubEnv('HTTP_PROXY', 'http://proxy.corp:3128');
    for (const url of ['http://127.0.0.1:4010/', 'https://localhost:4010/', 'http://[::1]:4010/']) {
      expect(proxyOf(url), url).toBeUndefined();
      expect(proxyOf(url, 'http://explicit.corp:8080'), url).toBeUndefined();
    }
  });

  it('takes an explicit proxy over the environment, and false for none at all', () => {
    vi.stubEnv('HTTPS_PROXY', 'http://env.corp:3128');
    vi.stubEnv('NO_PROXY', 'api.vendor.test');
    expect(proxyOf('https://api2.nxcloud.com/', 'https://explicit.corp:8443')).toBe(
      'https://explicit.corp:8443/',
    );
    // NO_PROXY is about the environment's proxies; an explicit one is for every vendor host.
    expect(proxyOf('https://api.vendor.test/', 'http://explicit.corp:8080')).toBe(
      'http://explicit.corp:8080/',
    );
    expect(proxyOf('https://api2.nxcloud.com/', false)).toBeUndefined();
  });

  it('refuses a proxy that is not an http(s) URL, naming where it came from but never its password', () => {
    const refusal = (setting: string | undefined) => {
      try {
        proxyFor(target('https://api.vendor.test/'), setting, 'nxcloud');
      } catch (error) {
        return error;
      }
      throw new Error('accepted');
    };
    const socks = refusal('socks5://user:pa55word-proxy@proxy.corp:1080');
    expect(ConfigError.isInstance(socks)).toBe(true);
    expect(socks).toMatchObject({ field: 'proxy', outcome: 'not-sent', provider: 'nxcloud' });
    expect(inspect(socks, { depth: 10 })).not.toContain('pa55word');
    vi.stubEnv('HTTPS_PROXY', 'http://user:pa55word-proxy@[bad');
    const fromEnvironment = refusal(undefined);
    expect(ConfigError.isInstance(fromEnvironment)).toBe(true);
    expect(String(fromEnvironment)).toContain('HTTPS_PROXY');
    expect(inspect(fromEnvironment, { depth: 10 })).not.toContain('pa55word');
  });
});
