import { chmod, chown, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScriptedProvider } from '../__fixtures__/scripted-provider.js';
import { createClient } from '../client/create-client.js';
import { ConfigError } from '../errors/error-classes.js';
import type { ProviderAdapter } from '../provider/provider-adapter.js';
import { loadConfig, loadConfigFromEnv, loadConfigFromFile, parseConfig } from './load-config.js';
import { loadProvider } from './load-provider.js';

/**
 * Two adapters defined only here, shaped like the NXCloud and CAMS ones: core learns their
 * environment variables and secret options from them, and knows no vendor itself.
 */
const created: unknown[] = [];
function testAdapter(
  id: string,
  environment: Record<string, string>,
  secretOptions: string[],
  endpointOptions: string[] = [],
): ProviderAdapter<Record<string, unknown>> {
  return {
    id,
    environment,
    secretOptions,
    endpointOptions,
    create(options) {
      created.push(options);
      return Object.assign(new ScriptedProvider(), { id });
    },
  };
}
const adapters = {
  nxcloud: testAdapter(
    'nxcloud',
    {
      accessKey: 'NXCLOUD_ACCESS_KEY',
      accessSecret: 'NXCLOUD_ACCESS_SECRET',
      appKey: 'NXCLOUD_APP_KEY',
      businessPhone: 'NXCLOUD_BUSINESS_PHONE',
    },
    ['accessSecret'],
  ),
  cams: testAdapter(
    'cams',
    {
      custSpaceId: 'CAMS_CUST_SPACE_ID',
      protocol: 'CAMS_PROTOCOL',
      accessKeySecret: 'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
    },
    ['accessKeySecret'],
    ['endpoint'],
  ),
};

async function writeConfig(content: unknown, mode: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'wabsp-config-'));
  const path = join(dir, 'wabsp.json');
  await writeFile(path, JSON.stringify(content));
  await chmod(path, mode);
  return path;
}

describe('loadConfigFromEnv', () => {
  it('reads the variables the adapter names', async () => {
    expect(
      await loadConfigFromEnv(
        {
          WABSP_PROVIDER: 'nxcloud',
          NXCLOUD_ACCESS_KEY: 'ak',
          NXCLOUD_ACCESS_SECRET: 'secret',
          NXCLOUD_APP_KEY: 'app',
          NXCLOUD_BUSINESS_PHONE: '8613800000000',
          WABSP_TIMEOUT_MS: '5000',
          WABSP_RETRY_MAX_ATTEMPTS: '2',
        },
        { adapters },
      ),
    ).toEqual({
      provider: 'nxcloud',
      nxcloud: { accessKey: 'ak', accessSecret: 'secret', appKey: 'app', businessPhone: '8613800000000' },
      timeoutMs: 5000,
      retry: { maxAttempts: 2 },
    });
  });

  it('leaves unset variables out, so that an adapter can fall back to defaults of its own', async () => {
    expect(
      await loadConfigFromEnv(
        { WABSP_PROVIDER: 'cams', CAMS_CUST_SPACE_ID: 'cs-1', CAMS_PROTOCOL: 'http' },
        { adapters },
      ),
    ).toEqual({
      provider: 'cams',
      cams: { custSpaceId: 'cs-1', protocol: 'http' },
    });
  });

  it('refuses a value with surrounding white space, naming the variable and never echoing the value', async () => {
    for (const [variable, value] of [
      ['NXCLOUD_ACCESS_SECRET', 'secret-value\n'],
      ['NXCLOUD_APP_KEY', ' app'],
      ['WABSP_TIMEOUT_MS', '5000\n'],
    ] as const) {
      const env = { WABSP_PROVIDER: 'nxcloud', NXCLOUD_ACCESS_KEY: 'ak', [variable]: value };
      const error = await loadConfigFromEnv(env, { adapters }).catch((e: unknown) => e);
      expect(ConfigError.isInstance(error), variable).toBe(true);
      expect((error as ConfigError).field).toBe(variable);
      expect((error as Error).message).toContain(`${variable} starts or ends with white space`);
      expect(JSON.stringify(error)).not.toContain(value.trim());
    }
  });

  it('says what to set when the provider or a number is missing or wrong', async () => {
    await expect(loadConfigFromEnv({}, { adapters })).rejects.toThrow('Set WABSP_PROVIDER');
    await expect(
      loadConfigFromEnv({ WABSP_PROVIDER: 'cams', WABSP_TIMEOUT_MS: 'soon' }, { adapters }),
    ).rejects.toThrow('WABSP_TIMEOUT_MS must be a whole number');
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
    expect(await loadConfigFromFile(path, { adapters })).toEqual(withSecret);
  });

  it('refuses a file with a secret that others can read, says how to fix it, and never echoes the secret', async () => {
    const path = await writeConfig(withSecret, 0o644);
    const error = await loadConfigFromFile(path, { adapters }).catch((e: unknown) => e);
    expect(ConfigError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain(`chmod 600 ${path}`);
    expect(JSON.stringify(error)).not.toContain('FILE-SECRET');
  });

  it('accepts a readable file without secrets, and explains unreadable or invalid files', async () => {
    const path = await writeConfig({ provider: 'cams', cams: { custSpaceId: 'cs' } }, 0o644);
    expect((await loadConfigFromFile(path, { adapters })).provider).toBe('cams');
    await expect(loadConfigFromFile('/nonexistent/wabsp.json')).rejects.toThrow(
      'Cannot read the config file',
    );
    const broken = await writeConfig('', 0o600);
    await writeFile(broken, '{"provider": ');
    await expect(loadConfigFromFile(broken)).rejects.toThrow('is not valid JSON');
  });
});

describe('loadConfigFromFile: files that could redirect requests', () => {
  const withEndpoint = { provider: 'cams', cams: { custSpaceId: 'cs', endpoint: 'cams.example.net' } };

  it('refuses a file that sets an endpoint when other users can change it, with the fix', async () => {
    for (const mode of [0o666, 0o664, 0o646, 0o620]) {
      const path = await writeConfig(withEndpoint, mode);
      const error = await loadConfigFromFile(path, { adapters }).catch((e: unknown) => e);
      expect(ConfigError.isInstance(error), mode.toString(8)).toBe(true);
      expect((error as Error).message).toContain(`chmod go-w ${path}`);
    }
  });

  it('refuses a file with a secret that other users can change, even if they cannot read it', async () => {
    const path = await writeConfig({ provider: 'cams', cams: { accessKeySecret: 'FILE-SECRET' } }, 0o620);
    await expect(loadConfigFromFile(path, { adapters })).rejects.toThrow(`chmod 600 ${path}`);
  });

  it('accepts a readable file that sets an endpoint when only its owner can change it', async () => {
    const path = await writeConfig(withEndpoint, 0o644);
    expect((await loadConfigFromFile(path, { adapters })).cams).toEqual(withEndpoint.cams);
  });

  it('accepts a world-writable file that neither holds a secret nor sets an endpoint', async () => {
    const path = await writeConfig({ provider: 'cams', cams: { custSpaceId: 'cs' }, timeoutMs: 5000 }, 0o666);
    expect((await loadConfigFromFile(path, { adapters })).timeoutMs).toBe(5000);
  });

  it.runIf(process.getuid?.() === 0)(
    'refuses a file that sets an endpoint but belongs to another user',
    async () => {
      const path = await writeConfig(withEndpoint, 0o644);
      await chown(path, 4242, 4242);
      await expect(loadConfigFromFile(path, { adapters })).rejects.toThrow('belongs to another user');
    },
  );
});

describe('loadConfig', () => {
  it('takes the explicit provider, then the file, then the environment, for the chosen vendor', async () => {
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
    expect(await loadConfig({ path, env, adapters })).toEqual({
      provider: 'nxcloud',
      nxcloud: { accessKey: 'file-ak', appKey: 'app', accessSecret: 's' },
    });
    expect(await loadConfig({ path, env, provider: 'cams', adapters })).toEqual({
      provider: 'cams',
      nxcloud: { accessKey: 'file-ak', appKey: 'app' },
      cams: { custSpaceId: 'cs' },
    });
    expect((await loadConfig({ env, adapters })).provider).toBe('cams');
    await expect(loadConfig({ env: {}, adapters })).rejects.toThrow('No provider configured');
  });
});

describe('loadProvider', () => {
  it('names the package to install when no adapter of that name is installed or given', async () => {
    const error = await loadProvider({ provider: 'twilio' }).catch((e: unknown) => e);
    expect(ConfigError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe(
      "Unknown provider 'twilio': the adapter package @whatsapp-bsp/twilio is not installed; run `npm install @whatsapp-bsp/twilio`, or pass the adapter in `adapters`",
    );
  });

  it('refuses a provider name that is neither a provider id nor a package name', async () => {
    await expect(loadProvider({ provider: '../../etc/passwd' })).rejects.toThrow(/Invalid provider/);
  });

  it('builds the provider from the options under its id', async () => {
    created.length = 0;
    const provider = await loadProvider({ provider: 'cams', cams: { custSpaceId: 'cs' } }, adapters);
    expect(provider.id).toBe('cams');
    expect(created).toEqual([{ custSpaceId: 'cs' }]);
  });
});

describe('a third adapter, defined only in this file', () => {
  const acme = testAdapter('acme', { region: 'ACME_REGION', token: 'ACME_TOKEN' }, ['token']);

  it('is configured by name and environment, and the client is built from it', async () => {
    created.length = 0;
    const env = { WABSP_PROVIDER: 'acme', ACME_REGION: 'eu-1', ACME_TOKEN: 'acme-token-1' };
    const config = await loadConfig({ env, adapters: { acme } });
    expect(config).toEqual({ provider: 'acme', acme: { region: 'eu-1', token: 'acme-token-1' } });
    const client = await createClient({ ...config, adapters: { acme } });
    expect(client.provider.id).toBe('acme');
    expect(created).toEqual([{ region: 'eu-1', token: 'acme-token-1' }]);
  });

  it('has its secret options guarded in config files like the vendors shipped here', async () => {
    const path = await writeConfig({ provider: 'acme', acme: { token: 'acme-token-2' } }, 0o644);
    await expect(loadConfigFromFile(path, { adapters: { acme } })).rejects.toThrow(`chmod 600 ${path}`);
    const open = await writeConfig({ provider: 'acme', acme: { region: 'eu-1' } }, 0o644);
    expect((await loadConfigFromFile(open, { adapters: { acme } })).provider).toBe('acme');
  });
});
