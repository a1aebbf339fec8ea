import { testCallContext } from '@whatsapp-bsp/core/testing';
import { describe, expect, it } from 'vitest';
import type { UploadAuthorization } from './cams-upload-authorization.js';
import { UploadAuthorizationCache } from './upload-authorization-cache.js';

/** Credentials as GetChatappUploadAuthorization hands them out; `Expire` is a lifetime in seconds. */
function credentials(serial: number, lifetimeSeconds: number): UploadAuthorization {
  return {
    accessKeyId: `STS.key-${serial}`,
    accessKeySecret: `secret-${serial}`,
    securityToken: `token-${serial}`,
    bucket: 'bucket',
    dir: 'chatapp/space',
    endpoint: 'oss-ap-southeast-1.aliyuncs.com',
    lifetimeSeconds,
  };
}

function cacheOf(lifetimeSeconds: number) {
  let now = 1_700_000_000_000;
  let fetched = 0;
  const cache = new UploadAuthorizationCache(
    async () => credentials(++fetched, lifetimeSeconds),
    () => now,
  );
  return {
    cache,
    fetched: () => fetched,
    advance: (ms: number) => {
      now += ms;
    },
    key: async () => (await cache.current(testCallContext())).authorization.accessKeyId,
  };
}

describe('UploadAuthorizationCache', () => {
  it('keeps an hour-long authorization for 55 minutes: Expire is a lifetime, less a 5-minute margin', async () => {
    const { key, fetched, advance } = cacheOf(3600);

    expect(await key()).toBe('STS.key-1');
    advance(55 * 60 * 1000 - 1);
    expect(await key()).toBe('STS.key-1');
    expect(fetched()).toBe(1);
    advance(1);
    expect(await key()).toBe('STS.key-2');
    expect(fetched()).toBe(2);
  });

  it('never keeps short-lived credentials past half their lifetime', async () => {
    const { key, advance } = cacheOf(60);

    await key();
    advance(29_999);
    expect(await key()).toBe('STS.key-1');
    advance(1);
    expect(await key()).toBe('STS.key-2');
  });

  it('forgets credentials OSS refused, but not newer ones that replaced them', async () => {
    const { cache, key } = cacheOf(3600);
    const first = await cache.current(testCallContext());

    cache.forget(first);
    expect(await key()).toBe('STS.key-2');
    cache.forget(first);
    expect(await key()).toBe('STS.key-2');
  });

  it('a failed request caches nothing', async () => {
    let calls = 0;
    const cache = new UploadAuthorizationCache(
      async () => {
        calls += 1;
        if (calls === 1) throw new Error('throttled');
        return credentials(calls, 3600);
      },
      () => 0,
    );

    await expect(cache.current(testCallContext())).rejects.toThrow('throttled');
    expect((await cache.current(testCallContext())).authorization.accessKeyId).toBe('STS.key-2');
  });
});
