import { inspect } from 'node:util';
import { BspError, InvalidRequestError, PermissionError, RateLimitError } from '@whatsapp-bsp/core';
import { testCallContext } from '@whatsapp-bsp/core/testing';
import { type Emulator, startEmulator } from '@whatsapp-bsp/emulator';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseCamsOptions } from '../cams-options.js';
import { cams } from '../cams-provider.js';
import { type CamsSend, createCamsTransport } from '../transport/cams-transport.js';
import { createOssAssetUploader, type OssAssetUploaderOptions } from './oss-asset-uploader.js';

/*
 * The OSS uploader end to end, over loopback sockets: the emulator's CAMS hands out temporary
 * credentials as GetChatappUploadAuthorization does, and its OSS look-alike checks each PutObject's
 * V4 signature, security token, expiry, region and key, then serves the object back.
 */

let emulator: Emulator<'cams'>;

beforeAll(async () => {
  emulator = await startEmulator({ vendors: ['cams'] });
});
afterAll(() => emulator.close());
afterEach(() => {
  emulator.faults.clear();
  emulator.requests.reset();
});

/** The provider's transport, keeping every answer GetChatappUploadAuthorization gave. */
function recordingTransport(): { send: CamsSend; handedOut: Record<string, unknown>[] } {
  const send = createCamsTransport(parseCamsOptions(emulator.cams.config));
  const handedOut: Record<string, unknown>[] = [];
  return {
    handedOut,
    send: async (action, parameters, context) => {
      const answer = await send(action, parameters, context);
      if (action === 'GetChatappUploadAuthorization')
        handedOut.push(answer.body.Data as Record<string, unknown>);
      return answer;
    },
  };
}

function uploader(overrides: Partial<OssAssetUploaderOptions> = {}) {
  const { send, handedOut } = recordingTransport();
  const upload = createOssAssetUploader({
    send,
    custSpaceId: emulator.cams.config.custSpaceId,
    ...overrides,
  });
  return { upload, handedOut };
}

/** The emulator's OSS serves objects path-style, `<endpoint>/<bucket>/<key>`. */
const pathStyle = ({ endpoint, bucket, key }: { endpoint: string; bucket: string; key: string }) =>
  `${endpoint}/${bucket}/${key}`;

const png = { data: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), mimeType: 'image/png' };

async function failure(call: Promise<unknown>): Promise<unknown> {
  try {
    await call;
  } catch (error) {
    return error;
  }
  throw new Error('the call succeeded');
}

describe('the OSS asset uploader against the emulator', () => {
  it('puts the file under Dir with its type, and hands back a URL from which it can be read', async () => {
    const { upload } = uploader({ assetUrl: pathStyle });
    const custSpaceId = emulator.cams.config.custSpaceId;

    const uploaded = await upload.upload({ ...png, fileName: 'logo.png' }, testCallContext());

    const key = `chatapp/${custSpaceId}/logo.png`;
    expect(uploaded.url).toBe(`${emulator.cams.oss.url}/${emulator.cams.oss.bucket}/${key}`);
    expect(uploaded.requestId).toMatch(/^[0-9A-F]{24}$/);
    expect(emulator.cams.oss.objects.get(key)).toMatchObject({
      body: Buffer.from(png.data),
      contentType: 'image/png',
    });
    const served = await fetch(uploaded.url);
    expect(Buffer.from(await served.arrayBuffer())).toEqual(Buffer.from(png.data));
  });

  it('by default names the bucket as the host: https://<BucketName>.<endpoint host>/<key>', async () => {
    const { upload } = uploader();

    const { url } = await upload.upload({ ...png, fileName: 'a b.png' }, testCallContext());

    const host = new URL(emulator.cams.oss.url).host;
    expect(url).toBe(
      `https://${emulator.cams.oss.bucket}.${host}/chatapp/${emulator.cams.config.custSpaceId}/a%20b.png`,
    );
  });

  it("'key' hands over the object key alone", async () => {
    const { upload } = uploader({ assetUrl: 'key' });

    const { url } = await upload.upload({ ...png, fileName: 'k.png' }, testCallContext());

    expect(url).toBe(`chatapp/${emulator.cams.config.custSpaceId}/k.png`);
  });

  it('asks CAMS for credentials once, and uploads with them until they near their end', async () => {
    const { upload, handedOut } = uploader();

    await upload.upload({ ...png, fileName: 'one.png' }, testCallContext());
    await upload.upload({ ...png, fileName: 'two.png' }, testCallContext());

    expect(handedOut).toHaveLength(1);
    expect(emulator.requests.count('cams', 'GetChatappUploadAuthorization')).toBe(1);
    expect(emulator.requests.count('cams', 'PutObject')).toBe(2);
  });

  it('an OSS refusal is failed, a 5xx unknown, a reset unknown, throttling a RateLimitError', async () => {
    const { upload } = uploader();
    const attempt = () => failure(upload.upload({ ...png, fileName: 'x.png' }, testCallContext()));

    emulator.faults.set({
      kind: 'http-error',
      status: 403,
      vendor: 'cams',
      operation: 'PutObject',
      times: 1,
    });
    const refused = await attempt();
    expect(PermissionError.isInstance(refused)).toBe(true);
    expect(refused).toMatchObject({ outcome: 'failed', httpStatusCode: 403, vendorCode: 'InvalidRequest' });

    emulator.faults.set({
      kind: 'http-error',
      status: 500,
      vendor: 'cams',
      operation: 'PutObject',
      times: 1,
    });
    expect(await attempt()).toMatchObject({ code: 'UNAVAILABLE', outcome: 'unknown', retryable: true });

    emulator.faults.set({ kind: 'reset', vendor: 'cams', operation: 'PutObject', times: 1 });
    expect(await attempt()).toMatchObject({ code: 'UNAVAILABLE', outcome: 'unknown' });

    // One upload allowed, then OSS's SlowDown.
    emulator.faults.set({
      kind: 'quota',
      requestsPerSecond: 0.001,
      burst: 1,
      vendor: 'cams',
      operation: 'PutObject',
    });
    await upload.upload({ ...png, fileName: 'allowed.png' }, testCallContext());
    const throttled = await attempt();
    expect(RateLimitError.isInstance(throttled)).toBe(true);
    expect(throttled).toMatchObject({ vendorCode: 'SlowDown', outcome: 'failed', retryable: true });
  });

  it('credentials OSS refuses are dropped: the retry asks CAMS for new ones and succeeds', async () => {
    const { send } = recordingTransport();
    let handedOut = 0;
    // The first credentials come with a token OSS does not know, as a revoked one would.
    const spoiling: CamsSend = async (action, parameters, context) => {
      const answer = await send(action, parameters, context);
      if (action !== 'GetChatappUploadAuthorization' || ++handedOut > 1) return answer;
      const data = answer.body.Data as Record<string, unknown>;
      return { ...answer, body: { ...answer.body, Data: { ...data, SecurityToken: 'revoked-token' } } };
    };
    const upload = createOssAssetUploader({ send: spoiling, custSpaceId: emulator.cams.config.custSpaceId });

    const refused = await failure(upload.upload({ ...png, fileName: 'retry.png' }, testCallContext()));
    expect(refused).toMatchObject({
      code: 'AUTHENTICATION',
      vendorCode: 'InvalidSecurityToken',
      outcome: 'failed',
      retryable: true,
    });
    await upload.upload({ ...png, fileName: 'retry.png' }, testCallContext());

    expect(handedOut).toBe(2);
    expect(
      emulator.cams.oss.objects.get(`chatapp/${emulator.cams.config.custSpaceId}/retry.png`),
    ).toBeDefined();
  });

  it('CAMS refusing the credentials request fails before anything is uploaded', async () => {
    const { upload } = uploader();
    emulator.faults.set({
      kind: 'vendor-error',
      code: 'Ram.PermissionDeny',
      vendor: 'cams',
      operation: 'GetChatappUploadAuthorization',
    });

    const error = await failure(upload.upload({ ...png, fileName: 'y.png' }, testCallContext()));

    expect(error).toMatchObject({ code: 'PERMISSION', vendorCode: 'Ram.PermissionDeny', outcome: 'failed' });
    expect(emulator.requests.count('cams', 'PutObject')).toBe(0);
  });

  it("stops on the attempt's abort, rejecting with its reason", async () => {
    const { upload } = uploader();
    await upload.upload({ ...png, fileName: 'warm.png' }, testCallContext());
    emulator.faults.set({ kind: 'latency', ms: 60_000, vendor: 'cams', operation: 'PutObject' });
    const controller = new AbortController();
    const reason = new Error('attempt timed out');

    const pending = failure(
      upload.upload({ ...png, fileName: 'slow.png' }, testCallContext({ signal: controller.signal })),
    );
    await expect.poll(() => emulator.requests.count('cams', 'PutObject')).toBe(2);
    controller.abort(reason);

    expect(await pending).toBe(reason);
  });

  it('refuses a file name that is not one path segment before any request', async () => {
    const { upload } = uploader();

    for (const fileName of ['', '../x.png', 'a/b.png', 'line\nbreak.png']) {
      const error = await failure(upload.upload({ ...png, fileName }, testCallContext()));
      expect(InvalidRequestError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ field: 'fileName', outcome: 'not-sent' });
    }
    expect(emulator.requests.total).toBe(0);
  });

  it('no error shows the upload credentials: not the secret, not the token', async () => {
    const { upload, handedOut } = uploader();
    await upload.upload({ ...png, fileName: 'first.png' }, testCallContext());
    const errors: unknown[] = [];
    for (const fault of [
      { kind: 'http-error', status: 403 },
      { kind: 'reset' },
      { kind: 'html', status: 502 },
    ] as const) {
      emulator.faults.set({ ...fault, vendor: 'cams', operation: 'PutObject', times: 1 });
      errors.push(await failure(upload.upload({ ...png, fileName: 'z.png' }, testCallContext())));
    }

    const [credentials] = handedOut;
    const secrets = [String(credentials?.AccessKeySecret), String(credentials?.SecurityToken)];
    for (const error of errors) {
      expect(BspError.isInstance(error)).toBe(true);
      const shown = [
        JSON.stringify(error),
        inspect(error, { depth: 8 }),
        String((error as Error).stack),
        JSON.stringify((error as BspError).cause ?? null),
      ].join('\n');
      for (const secret of secrets) expect(shown).not.toContain(secret);
    }
  });
});

describe('the provider', () => {
  it('uploads a template header sample through its own uploader', async () => {
    const provider = cams({ ...emulator.cams.config, assetUrl: pathStyle });

    const { value, requestId } = (await provider.templates.doUploadMedia?.(
      { ...png, fileName: 'header.png' },
      testCallContext(),
    )) ?? { value: undefined };

    expect(value).toEqual({ url: expect.stringMatching(/\/chatapp\/[^/]+\/[0-9a-f]{16}-header\.png$/) });
    expect(requestId).toEqual(expect.any(String));
    expect((await fetch((value as { url: string }).url)).status).toBe(200);
  });

  it('uses the uploader given in its options instead', async () => {
    const uploads: string[] = [];
    const provider = cams({
      ...emulator.cams.config,
      assetUploader: {
        upload: async (asset) => {
          uploads.push(asset.fileName);
          return { url: `https://files.example/${asset.fileName}` };
        },
      },
    });

    const { value } = (await provider.templates.doUploadMedia?.(
      { ...png, fileName: 'own.png' },
      testCallContext(),
    )) ?? { value: undefined };

    expect(uploads).toEqual([expect.stringMatching(/^[0-9a-f]{16}-own\.png$/)]);
    expect(value).toEqual({ url: `https://files.example/${uploads[0]}` });
    expect(emulator.requests.total).toBe(0);
  });
});
