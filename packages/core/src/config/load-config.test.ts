import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors/error-classes.js';
import { loadConfig, loadConfigFromEnv, loadConfigFromFile, parseConfig } from './load-config.js';
import { loadProvider } from './load-provider.js';

async function writeConfig(content: unknown, mode: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'wabsp-config-'));
  const path = join(dir, 'wabsp.json');
  await writeFile(path, JSON.stringify(content));
  await chmod(path, mode);
  return path;
}

describe('loadConfigFromEnv', () => {
  it('reads the NXCloud variables', () => {
    expect(
      loadConfigFromEnv({
        WABSP_PROVIDER: 'nxcloud',
        NXCLOUD_ACCESS_KEY: 'ak',
        NXCLOUD_ACCESS_SECRET: 'secret',
        NXCLOUD_APP_KEY: 'app',
        NXCLOUD_BUSINESS_PHONE: '8613800000000',
        WABSP_TIMEOUT_MS: '5000',
        WABSP_RETRY_MAX_ATTEMPTS: '2',
      }),
    ).toEqual({
      provider: 'nxcloud',
      nxcloud: { accessKey: 'ak', accessSecret: 'secret', appKey: 'app', businessPhone: '8613800000000' },
      timeoutMs: 5000,
      retry: { maxAttempts: 2 },
    });
  });

  it('reads the CAMS variables, leaving absent keys to the Alibaba Cloud credential chain', () => {
    expect(
      loadConfigFromEnv({ WABSP_PROVIDER: 'cams', CAMS_CUST_SPACE_ID: 'cs-1', CAMS_PROTOCOL: 'http' }),
    ).toEqual({
      provider: 'cams',
      cams: { custSpaceId: 'cs-1', protocol: 'http' },
    });
  });

  it('says what to set when the provider or a number is missing or wrong', () => {
    expect(() => loadConfigFromEnv({})).toThrow('Set WABSP_PROVIDER');
    expect(() => loadConfigFromEnv({ WABSP_PROVIDER: 'cams', WABSP_TIMEOUT_MS: 'soon' })).toThrow(
      'WABSP_TIMEOUT_MS must be a whole number',
    );
  });
});

describe('parseConfig', () => {
  it('refuses unknown keys and bad values, naming the field', () => {
    expect(() => parseConfig({ provider: 'cams', retries: 3 })).toThrowError(ConfigError);
    expect(() => parseConfig({ provider: 'cams', timeoutMs: 'fast' })).toThrow(/`timeoutMs`/);
    expect(() => parseConfig({ provider: 'cams', retry: { maxAttempts: 0 } })).toThrow(/`retry.maxAttempts`/);
  });
});

describe('loadConfigFromFile', () => {
  const withSecret = { provider: 'nxcloud', nxcloud: { accessKey: 'ak', accessSecret: 'FILE-SECRET' } };

  it('reads a private file', async () => {
    const path = await writeConfig(withSecret, 0o600);
    expect(await loadConfigFromFile(path)).toEqual(withSecret);
  });

  it('refuses a file with a secret that others can read, says how to fix it, and never echoes the secret', async () => {
    const path = await writeConfig(withSecret, 0o644);
    const error = await loadConfigFromFile(path).catch((e: unknown) => e);
    expect(ConfigError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain(`chmod 600 ${path}`);
    expect(JSON.stringify(error)).not.toContain('FILE-SECRET');
  });

  it('accepts a readable file without secrets, and explains unreadable or invalid files', async () => {
    const path = await writeConfig({ provider: 'cams', cams: { custSpaceId: 'cs' } }, 0o644);
    expect((await loadConfigFromFile(path)).provider).toBe('cams');
    await expect(loadConfigFromFile('/nonexistent/wabsp.json')).rejects.toThrow(
      'Cannot read the config file',
    );
    const broken = await writeConfig('', 0o600);
    await writeFile(broken, '{"provider": ');
    await expect(loadConfigFromFile(broken)).rejects.toThrow('is not valid JSON');
  });
});

describe('loadConfig', () => {
  it('takes the explicit provider, then the file, then the environment', async () => {
    const path = await writeConfig(
      { provider: 'nxcloud', nxcloud: { accessKey: 'file-ak', appKey: 'app' } },
      0o600,
    );
    const env = {
      WABSP_PROVIDER: 'cams',
      NXCLOUD_ACCESS_KEY: 'env-ak',
      NXCLOUD_ACCESS_SECRET: 's',
      CAMS_CUST_SPACE_ID: 'cs',
    };
    expect(await loadConfig({ path, env })).toEqual({
      provider: 'nxcloud',
      nxcloud: { accessKey: 'file-ak', appKey: 'app', accessSecret: 's' },
      cams: { custSpaceId: 'cs' },
    });
    expect((await loadConfig({ path, env, provider: 'cams' })).provider).toBe('cams');
    expect((await loadConfig({ env })).provider).toBe('cams');
    await expect(loadConfig({ env: {} })).rejects.toThrow('No provider configured');
  });
});

describe('loadProvider', () => {
  it('refuses an unknown provider, listing the known ones', async () => {
    await expect(loadProvider({ provider: 'twilio' })).rejects.toThrow(
      "Unknown provider 'twilio'; known providers: nxcloud, cams",
    );
  });

  it('names the package to install when the adapter is missing', async () => {
    const packages = { nxcloud: '@whatsapp-bsp/not-installed-adapter' };
    const error = await loadProvider({ provider: 'nxcloud' }, packages).catch((e: unknown) => e);
    expect(ConfigError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe(
      'The provider package @whatsapp-bsp/not-installed-adapter is not installed; run `npm install @whatsapp-bsp/not-installed-adapter`',
    );
  });
});
