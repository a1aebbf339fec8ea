import { inspect } from 'node:util';
import { ConfigError } from '@whatsapp-bsp/core';
import { DEFAULT_MAX_RESPONSE_BYTES } from '@whatsapp-bsp/core/adapter';
import { describe, expect, it } from 'vitest';
import { TEST_CA } from './__fixtures__/local-servers.js';
import { TEST_OPTIONS } from './__fixtures__/nxcloud-test-support.js';
import {
  NXCLOUD_DEFAULT_OPERATIONS,
  nxcloudOptionsSchema,
  resolveNxcloudOptions,
} from './nxcloud-options.js';
import { nxcloud } from './nxcloud-provider.js';

function configError(options: unknown): ConfigError {
  try {
    resolveNxcloudOptions(options);
  } catch (error) {
    expect(ConfigError.isInstance(error)).toBe(true);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('nxcloud options', () => {
  it('fills the documented defaults', () => {
    const resolved = resolveNxcloudOptions({ ...TEST_OPTIONS, now: undefined });
    expect(resolved.baseUrl).toBe('https://api2.nxcloud.com');
    expect(resolved.signAlgorithm).toBe('md5');
    expect(resolved.templateCreate).toBe('sync');
    expect(resolved.operations).toEqual(NXCLOUD_DEFAULT_OPERATIONS);
    expect(resolved.operations.queryFlowById).toEqual({
      path: '/api/wa/queryFlowById',
      action: 'queryFlowById',
    });
    expect(resolved.now).toBe(Date.now);
    expect(resolved).toMatchObject({
      proxy: undefined,
      ca: undefined,
      allowInsecureHttp: false,
      maxResponseBytes: DEFAULT_MAX_RESPONSE_BYTES,
    });
  });

  it("takes templateCreate: 'async', and the template write operations' overrides", () => {
    const resolved = resolveNxcloudOptions({
      ...TEST_OPTIONS,
      templateCreate: 'async',
      operations: { createTemplateAsync: { action: 'createTemplateAsync' } },
    });
    expect(resolved.templateCreate).toBe('async');
    expect(resolved.operations.createTemplateAsync).toEqual({
      path: '/api/wa/createTemplateAsync',
      action: 'createTemplateAsync',
    });
    expect(resolved.operations.uploadTemplateFile).toEqual({
      path: '/api/wa/uploadTemplateFile',
      action: 'uploadTemplateFile',
    });
  });

  it('takes the transport options', () => {
    const resolved = resolveNxcloudOptions({
      ...TEST_OPTIONS,
      baseUrl: 'http://nxcloud.internal:8080',
      allowInsecureHttp: true,
      proxy: 'http://proxy.internal:3128',
      ca: [TEST_CA],
      maxResponseBytes: 1_048_576,
    });
    expect(resolved).toMatchObject({
      baseUrl: 'http://nxcloud.internal:8080',
      allowInsecureHttp: true,
      proxy: 'http://proxy.internal:3128',
      ca: [TEST_CA],
      maxResponseBytes: 1_048_576,
    });
    expect(resolveNxcloudOptions({ ...TEST_OPTIONS, proxy: false }).proxy).toBe(false);
  });

  it.each(['http://127.0.0.1:8080', 'http://localhost:8080/nx', 'http://[::1]:8080'])(
    'accepts plain http:// to this machine (%s), for the emulator',
    (baseUrl) => {
      expect(resolveNxcloudOptions({ ...TEST_OPTIONS, baseUrl }).baseUrl).toBe(baseUrl);
    },
  );

  it('merges a partial operation override with the default path', () => {
    const resolved = resolveNxcloudOptions({
      ...TEST_OPTIONS,
      operations: { queryFlowById: { action: 'getTemplate' }, getTemplate: { path: '/v2/wa/getTemplate' } },
    });
    expect(resolved.operations.queryFlowById).toEqual({
      path: '/api/wa/queryFlowById',
      action: 'getTemplate',
    });
    expect(resolved.operations.getTemplate).toEqual({ path: '/v2/wa/getTemplate', action: 'getTemplate' });
    expect(resolved.operations.queryFlowsByPhone).toEqual(NXCLOUD_DEFAULT_OPERATIONS.queryFlowsByPhone);
  });

  it('drops a trailing slash from baseUrl', () => {
    expect(resolveNxcloudOptions({ ...TEST_OPTIONS, baseUrl: 'http://127.0.0.1:8080/nx/' }).baseUrl).toBe(
      'http://127.0.0.1:8080/nx',
    );
  });

  it.each([
    ['accessKey', { accessKey: undefined }],
    ['accessSecret', { accessSecret: '' }],
    ['accessSecret', { accessSecret: 42 }],
    ['appKey', { appKey: '   ' }],
    ['accessKey', { accessKey: 'ak-test-4f2a\n' }],
    ['accessKey', { accessKey: 'ak\r\nX-Injected: 1' }],
    ['accessKey', { accessKey: 'ak-\u4e2d' }],
    ['accessSecret', { accessSecret: 'sk\u0000' }],
    ['appKey', { appKey: 'app\u007f' }],
    ['businessPhone', { businessPhone: undefined }],
    ['businessPhone', { businessPhone: '+8615800001795' }],
    ['businessPhone', { businessPhone: '158-0000-1795' }],
    ['businessPhone', { businessPhone: '12345' }],
    ['businessPhone', { businessPhone: 8615800001795 }],
    ['baseUrl', { baseUrl: 'ftp://api2.nxcloud.com' }],
    ['baseUrl', { baseUrl: 'not a url' }],
    ['baseUrl', { baseUrl: 'http://api2.nxcloud.com' }],
    ['baseUrl', { baseUrl: 'http://api2.nxcloud.com', allowInsecureHttp: false }],
    ['baseUrl', { baseUrl: 'https://user:pa55word@api2.nxcloud.com' }],
    ['proxy', { proxy: 'socks5://127.0.0.1:1080' }],
    ['proxy', { proxy: 'proxy.internal:3128' }],
    ['proxy', { proxy: true }],
    ['ca', { ca: 42 }],
    ['ca', { ca: [TEST_CA, 42] }],
    ['allowInsecureHttp', { allowInsecureHttp: 'yes' }],
    ['maxResponseBytes', { maxResponseBytes: 0 }],
    ['maxResponseBytes', { maxResponseBytes: 1.5 }],
    ['maxResponseBytes', { maxResponseBytes: '1048576' }],
    ['maxResponseBytes', { maxResponseBytes: 2 ** 53 }],
    ['signAlgorithm', { signAlgorithm: 'sha1' }],
    ['templateCreate', { templateCreate: 'later' }],
    ['operations.createTemplate.action', { operations: { createTemplate: { action: 'create template' } } }],
    ['now', { now: 1_700_000_000_000 }],
    ['operations.getTemplate.path', { operations: { getTemplate: { path: 'api/wa/getTemplate' } } }],
    ['operations.queryFlowById.action', { operations: { queryFlowById: { action: 'get template' } } }],
    ['operations.deleteFlows', { operations: { deleteFlows: { action: 'deleteFlows' } } }],
    ['signAlgo', { signAlgo: 'sha256' }],
    ['sendAppKeyOnUploads', { sendAppKeyOnUploads: 'yes' }],
  ])('names the bad field %s', (field, patch) => {
    const error = configError({ ...TEST_OPTIONS, ...patch });
    expect(error.field).toBe(field);
    expect(error.provider).toBe('nxcloud');
    expect(error.message).toContain(`\`${field}\``);
  });

  it('refuses a baseUrl with credentials without repeating them', () => {
    const error = configError({ ...TEST_OPTIONS, baseUrl: 'https://nx-user:pa55word@api2.nxcloud.com/' });
    expect(error.message).toMatch(/user:password@/);
    for (const text of [error.message, error.stack, JSON.stringify(error), inspect(error)]) {
      expect(text).not.toContain('pa55word');
    }
  });

  it('allows plain http:// to another host only when asked to', () => {
    expect(configError({ ...TEST_OPTIONS, baseUrl: 'http://api2.nxcloud.com' }).message).toMatch(
      /plain http:\/\/.*allowInsecureHttp/,
    );
    const resolved = resolveNxcloudOptions({
      ...TEST_OPTIONS,
      baseUrl: 'http://api2.nxcloud.com',
      allowInsecureHttp: true,
    });
    expect(resolved.baseUrl).toBe('http://api2.nxcloud.com');
  });

  it('refuses a ca that holds no PEM certificate when the provider is created', () => {
    for (const ca of ['not a certificate', [TEST_CA, 'not a certificate']]) {
      const error = (() => {
        try {
          nxcloud({ ...TEST_OPTIONS, ca });
        } catch (caught) {
          return caught;
        }
        throw new Error('expected a ConfigError');
      })();
      expect(ConfigError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ provider: 'nxcloud', field: 'ca' });
      expect((error as ConfigError).message).toContain('`ca`');
    }
    expect(() => nxcloud({ ...TEST_OPTIONS, ca: TEST_CA })).not.toThrow();
  });

  it.each([
    ['accessKey', ' ak-test-4f2a'],
    ['accessKey', 'ak-test-4f2a\n'],
    ['accessSecret', 'sk-TOP-SECRET-9c1e7b\r\n'],
    ['accessSecret', '\tsk-TOP-SECRET-9c1e7b'],
    ['appKey', 'app-7h2k9 '],
    ['businessPhone', '8615800001795\n'],
    ['baseUrl', 'https://api2.nxcloud.com\n'],
    ['baseUrl', ' https://api2.nxcloud.com'],
    ['proxy', 'http://proxy.internal:3128 '],
  ])(
    'refuses %s with surrounding white space, naming it, as core does for the environment',
    (field, value) => {
      const error = configError({ ...TEST_OPTIONS, [field]: value });
      expect(error.field).toBe(field);
      expect(error.message).toBe(
        `Invalid NXCloud options: \`${field}\` starts or ends with white space (a pasted newline?); remove it and try again`,
      );
      expect(inspect(error)).not.toContain(TEST_OPTIONS.accessSecret);
    },
  );

  it('keeps white space around a ca, which PEM files end with', () => {
    const ca = `\n${TEST_CA}\n`;
    expect(resolveNxcloudOptions({ ...TEST_OPTIONS, ca }).ca).toBe(ca);
    expect(() => nxcloud({ ...TEST_OPTIONS, ca })).not.toThrow();
  });

  it('refuses options that are not an object', () => {
    expect(configError(undefined).message).toMatch(/options must be an object/);
    expect(configError('ak:sk').message).toMatch(/options must be an object/);
  });

  it('never echoes the access secret, even when the secret itself is the bad value', () => {
    for (const accessSecret of [{ value: TEST_OPTIONS.accessSecret }, [TEST_OPTIONS.accessSecret]]) {
      const error = configError({ ...TEST_OPTIONS, accessSecret });
      for (const text of [error.message, error.stack, JSON.stringify(error), inspect(error)]) {
        expect(text).not.toContain(TEST_OPTIONS.accessSecret);
      }
    }
    const error = configError({ ...TEST_OPTIONS, businessPhone: TEST_OPTIONS.accessSecret });
    expect(inspect(error)).not.toContain(TEST_OPTIONS.accessSecret);
  });

  it('is what nxcloud() validates with, before creating anything', () => {
    expect(() => nxcloud({ ...TEST_OPTIONS, businessPhone: 'x' })).toThrow(ConfigError);
    expect(nxcloudOptionsSchema.safeParse(TEST_OPTIONS).success).toBe(true);
  });
});
