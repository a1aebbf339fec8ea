import { ConfigError, ResponseFormatError } from '@whatsapp-bsp/core';
import { describe, expect, it } from 'vitest';
import { parseOssEndpoint } from './oss-endpoint.js';

// EndPoint values as GetChatappUploadAuthorization documents them (`oss-ap-southeast-1…`, with or
// without a scheme) and OSS's own endpoint names (regions and endpoints page).

describe('parseOssEndpoint', () => {
  it.each([
    ['oss-ap-southeast-1.aliyuncs.com', 'https://oss-ap-southeast-1.aliyuncs.com', 'ap-southeast-1'],
    ['https://oss-ap-southeast-1.aliyuncs.com', 'https://oss-ap-southeast-1.aliyuncs.com', 'ap-southeast-1'],
    [
      'oss-eu-central-1-internal.aliyuncs.com',
      'https://oss-eu-central-1-internal.aliyuncs.com',
      'eu-central-1',
    ],
    ['HTTPS://OSS-CN-HANGZHOU.ALIYUNCS.COM/', 'https://oss-cn-hangzhou.aliyuncs.com', 'cn-hangzhou'],
    // No region in the name: signed for CAMS's own region.
    ['oss-accelerate.aliyuncs.com', 'https://oss-accelerate.aliyuncs.com', 'ap-southeast-1'],
    ['http://127.0.0.1:9000', 'http://127.0.0.1:9000', 'ap-southeast-1'],
    ['files.example.com', 'https://files.example.com', 'ap-southeast-1'],
  ])('%s → %s, region %s', (endPoint, origin, region) => {
    const parsed = parseOssEndpoint(endPoint, false);

    expect({ origin: parsed.origin.origin, region: parsed.region }).toEqual({ origin, region });
  });

  it('refuses plain http to another machine unless allowed, as every request of the adapter', () => {
    expect(() => parseOssEndpoint('http://oss-ap-southeast-1.aliyuncs.com', false)).toThrow(ConfigError);
    expect(parseOssEndpoint('http://oss-ap-southeast-1.aliyuncs.com', true).origin.protocol).toBe('http:');
  });

  it.each(['ftp://oss.example', 'https://oss-ap-southeast-1.aliyuncs.com/path', 'not a host', ''])(
    'refuses %j as not an endpoint, with nothing uploaded',
    (endPoint) => {
      let thrown: unknown;
      try {
        parseOssEndpoint(endPoint, false);
      } catch (error) {
        thrown = error;
      }
      expect(ResponseFormatError.isInstance(thrown) || ConfigError.isInstance(thrown)).toBe(true);
      expect(thrown).toMatchObject({ outcome: 'not-sent' });
    },
  );
});
