import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig, loadConfigFromEnv } from '@whatsapp-bsp/core';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getFlowExampleBody } from './__fixtures__/get-flow.js';
import {
  ACCESS_KEY_SECRET,
  CUST_SPACE_ID,
  callContext,
  hasValidSignature,
  interceptCams,
  type RecordedRequest,
} from './__fixtures__/harness.js';
import { adapter } from './cams-adapter.js';
import { camsCapabilities } from './cams-capabilities.js';
import { type CamsOptions, camsOptionsSchema } from './cams-options.js';
import { cams } from './cams-provider.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const keys = {
  accessKeyId: 'LTAI5tOptionsTest01',
  accessKeySecret: ACCESS_KEY_SECRET,
  custSpaceId: CUST_SPACE_ID,
};

function configError(options: unknown): ConfigError {
  try {
    cams(options as Parameters<typeof cams>[0]);
  } catch (error) {
    if (ConfigError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('cams()', () => {
  it('returns a v1 provider with id cams and the CAMS capabilities', () => {
    const provider = cams(keys);

    expect(provider).toMatchObject({
      specificationVersion: 'v1',
      id: 'cams',
      capabilities: camsCapabilities,
    });
    expect(camsCapabilities.rateLimits).toEqual({
      'flows.get': 5,
      'flows.list': 5,
      'flows.preview': 5,
      'flows.getJson': 5,
      'flows.create': 5,
      'flows.update': 5,
      'flows.updateJson': 5,
      'flows.publish': 5,
      'flows.deprecate': 5,
      'flows.delete': 5,
      'templates.list': 5,
      'templates.get': 5,
      'templates.create': 50,
      'templates.update': 50,
      'templates.delete': 5,
      'templates.uploadMedia': 5,
    });
    expect(camsCapabilities.templates.delete).toEqual({ scopes: ['language'] });
  });

  it('refuses an unknown option by name, listing the known ones', () => {
    const error = configError({ ...keys, endpiont: 'cams.example.test' });

    expect(error.field).toBe('endpiont');
    expect(error.message).toBe(
      'Unknown CAMS option `endpiont`; expected one of: accessKeyId, accessKeySecret, securityToken, ' +
        'credential, custSpaceId, endpoint, protocol, proxy, ca, allowInsecureHttp, maxResponseBytes, ' +
        'assetUploader, assetUrl, now, flowJsonFilePath',
    );
  });

  it('takes an uploader of its own, and the form of the URLs the built-in one hands to CAMS', () => {
    const assetUploader = { upload: async () => ({ url: 'https://files.example/a.png' }) };
    expect(() => cams({ ...keys, assetUploader })).not.toThrow();
    expect(() => cams({ ...keys, assetUrl: 'key' })).not.toThrow();
    expect(() => cams({ ...keys, assetUrl: ({ key }) => `https://cdn.example/${key}` })).not.toThrow();

    expect(configError({ ...keys, assetUploader: {} })).toMatchObject({ field: 'assetUploader' });
    expect(configError({ ...keys, assetUrl: 'presigned' })).toMatchObject({ field: 'assetUrl' });
    // The URL form only means something to the built-in uploader.
    expect(configError({ ...keys, assetUploader, assetUrl: 'key' })).toMatchObject({ field: 'assetUrl' });
  });

  it('defaults to the Singapore endpoint over HTTPS', () => {
    expect(camsOptionsSchema.parse(keys)).toMatchObject({
      endpoint: 'cams.ap-southeast-1.aliyuncs.com',
      protocol: 'https',
    });
  });

  it.each([
    ['custSpaceId', { ...keys, custSpaceId: undefined }],
    ['custSpaceId', { ...keys, custSpaceId: '  ' }],
    ['accessKeySecret', { ...keys, accessKeySecret: undefined }],
    ['accessKeyId', { ...keys, accessKeyId: undefined }],
    ['accessKeyId', { custSpaceId: CUST_SPACE_ID, securityToken: 'token' }],
    ['credential', { ...keys, credential: { getCredential: async () => ({}) } }],
    ['credential', { custSpaceId: CUST_SPACE_ID, credential: 'not a credential' }],
    ['endpoint', { ...keys, endpoint: 'https://cams.ap-southeast-1.aliyuncs.com/' }],
    ['protocol', { ...keys, protocol: 'ftp' }],
    ['maxResponseBytes', { ...keys, maxResponseBytes: -1 }],
    ['maxResponseBytes', { ...keys, maxResponseBytes: 1.5 }],
    ['allowInsecureHttp', { ...keys, allowInsecureHttp: 'yes' }],
    ['proxy', { ...keys, proxy: true }],
    ['proxy', { ...keys, proxy: 'socks5://127.0.0.1:1080' }],
    ['proxy', { ...keys, proxy: 'not a url' }],
    ['ca', { ...keys, ca: 42 }],
    ['ca', { ...keys, ca: [] }],
    ['ca', { ...keys, ca: 'not a certificate' }],
    ['now', { ...keys, now: 1700000000000 }],
    ['accesKeyId', { ...keys, accesKeyId: 'typo' }],
    ['options', undefined],
  ])('refuses a bad %s with a ConfigError naming it', (field, options) => {
    const error = configError(options);

    expect(error).toMatchObject({ code: 'CONFIG', provider: 'cams', field });
    expect(error.message).toContain(field);
  });

  it('never quotes the secret in an option error', () => {
    const error = configError({ ...keys, endpoint: 'not a host/' });

    expect(`${error.message} ${JSON.stringify(error)}`).not.toContain(ACCESS_KEY_SECRET);
  });

  it('signs with the keys of a credential given instead of keys', async () => {
    const requests: RecordedRequest[] = [];
    interceptCams(requests, [200, getFlowExampleBody]);
    const credential = {
      getCredential: async () => ({
        accessKeyId: 'LTAI5tFromCredential',
        accessKeySecret: 'credential-secret-0001',
        type: 'access_key',
      }),
    };

    await cams({ custSpaceId: CUST_SPACE_ID, credential }).flows.doGet({ id: 'f-1' }, callContext());

    expect(requests[0]?.headers.authorization).toContain('Credential=LTAI5tFromCredential,');
    expect(hasValidSignature(requests[0] as RecordedRequest, 'credential-secret-0001')).toBe(true);
  });

  it('turns a credential that fails into a ConfigError on the call, before any request', async () => {
    const requests: RecordedRequest[] = [];
    interceptCams(requests, [200, getFlowExampleBody]);
    const credential = {
      getCredential: async () => {
        throw new Error('STS endpoint refused the role');
      },
    };

    const call = cams({ custSpaceId: CUST_SPACE_ID, credential }).flows.doGet({ id: 'f-1' }, callContext());

    await expect(call).rejects.toMatchObject({ code: 'CONFIG', field: 'credential', outcome: 'not-sent' });
    expect(requests).toHaveLength(0);
  });
});

describe('protocol, white space and characters', () => {
  it.each(['HTTPS', 'Https', 'https'])(
    'accepts protocol %s in any case, as Alibaba’s SDK does',
    (protocol) => {
      expect(camsOptionsSchema.parse({ ...keys, protocol }).protocol).toBe('https');
    },
  );

  it('accepts CAMS_PROTOCOL=HTTPS from the environment and sends over HTTPS', async () => {
    const config = await loadConfigFromEnv(
      {
        WABSP_PROVIDER: 'cams',
        ALIBABA_CLOUD_ACCESS_KEY_ID: keys.accessKeyId,
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: keys.accessKeySecret,
        CAMS_CUST_SPACE_ID: CUST_SPACE_ID,
        CAMS_PROTOCOL: 'HTTPS',
      },
      { adapters: { cams: adapter } },
    );
    const requests: RecordedRequest[] = [];
    interceptCams(requests, [200, getFlowExampleBody]);

    await adapter.create(config.cams as CamsOptions).flows.doGet({ id: 'f-1' }, callContext());

    expect(requests).toHaveLength(1);
  });

  it('accepts protocol HTTP for this machine', () => {
    expect(camsOptionsSchema.parse({ ...keys, endpoint: '127.0.0.1:8089', protocol: 'HTTP' }).protocol).toBe(
      'http',
    );
  });

  it.each([
    ['custSpaceId', { ...keys, custSpaceId: `${CUST_SPACE_ID} ` }],
    ['custSpaceId', { ...keys, custSpaceId: `\t${CUST_SPACE_ID}` }],
    ['accessKeyId', { ...keys, accessKeyId: `${keys.accessKeyId}\n` }],
    ['accessKeySecret', { ...keys, accessKeySecret: `${ACCESS_KEY_SECRET}\r\n` }],
    ['securityToken', { ...keys, securityToken: ' CAIS-token' }],
    ['endpoint', { ...keys, endpoint: 'cams.ap-southeast-1.aliyuncs.com ' }],
    ['protocol', { ...keys, protocol: 'https\n' }],
    ['proxy', { ...keys, proxy: 'http://proxy.example.test:3128 ' }],
  ])('refuses %s with white space around it, naming it (it used to be trimmed)', (field, options) => {
    const error = configError(options);

    expect(error).toMatchObject({ code: 'CONFIG', provider: 'cams', field, outcome: 'not-sent' });
    expect(error.message).toContain('white space');
    expect(error.message).not.toContain(ACCESS_KEY_SECRET);
  });

  it('refuses white space around an option read from a config file, naming the option', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cams-options-'));
    const path = join(dir, 'wabsp.json');
    try {
      await writeFile(
        path,
        JSON.stringify({ provider: 'cams', cams: { ...keys, custSpaceId: 'cams-space-0001\n' } }),
        {
          mode: 0o600,
        },
      );
      const config = await loadConfig({ path, env: {}, adapters: { cams: adapter } });

      const error = configError(config.cams);

      expect(error).toMatchObject({ field: 'custSpaceId' });
      expect(error.message).toContain('white space');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['accessKeyId', 'LTAI5t\u0007OptionsTest'],
    ['accessKeyId', 'LTAI5t€OptionsTest'],
    ['accessKeySecret', 'UnitTest\u0000Secret'],
    ['securityToken', 'CAIS\ntoken'],
  ])('refuses a %s holding a character no header can carry, never quoting it', (field, value) => {
    const options =
      field === 'securityToken' ? { ...keys, securityToken: value } : { ...keys, [field]: value };

    const error = configError(options);

    expect(error).toMatchObject({ code: 'CONFIG', provider: 'cams', field, outcome: 'not-sent' });
    expect(error.message).toContain('control character');
    expect(`${error.message} ${JSON.stringify(error)}`).not.toContain(value);
  });
});

describe('removed options', () => {
  it.each(['connectTimeoutMs', 'readTimeoutMs'])('%s is refused, saying what replaces it', (option) => {
    const error = configError({ ...keys, [option]: 5_000 });

    expect(error).toMatchObject({ code: 'CONFIG', field: option });
    expect(error.message).toBe(
      `The CAMS option \`${option}\` was removed: the client’s \`timeoutMs\` bounds each attempt, and now cancels its request when it runs out`,
    );
  });
});

describe('config files', () => {
  async function loadFile(cams: object, mode: number) {
    const dir = await mkdtemp(join(tmpdir(), 'cams-options-'));
    const path = join(dir, 'wabsp.json');
    try {
      await writeFile(path, JSON.stringify({ provider: 'cams', cams }));
      await chmod(path, mode);
      return await loadConfig({ path, env: {}, adapters: { cams: adapter } }).catch(
        (error: unknown) => error,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  it('a proxy, which may carry its password, only in a file private to its owner', async () => {
    const refused = await loadFile(
      { custSpaceId: CUST_SPACE_ID, proxy: 'http://user:password@proxy.test:3128' },
      0o644,
    );

    expect(ConfigError.isInstance(refused)).toBe(true);
    expect((refused as Error).message).toContain('chmod 600');
    expect((refused as Error).message).not.toContain('password');
  });

  it.each([{ ca: 'PEM' }, { allowInsecureHttp: true }])(
    '%o only in a file that others cannot change',
    async (option) => {
      const refused = await loadFile({ custSpaceId: CUST_SPACE_ID, ...option }, 0o666);

      expect(ConfigError.isInstance(refused)).toBe(true);
      expect((refused as Error).message).toContain('go-w');
    },
  );
});
