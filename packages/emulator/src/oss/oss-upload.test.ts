import Cams, { GetChatappUploadAuthorizationRequest } from '@alicloud/cams20200606';
import { Config } from '@alicloud/openapi-client';
import OSS from 'ali-oss';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { commonJsClass } from '../__fixtures__/common-js.js';
import { send } from '../__fixtures__/signed-requests.js';
import { type Emulator, startEmulator } from '../start-emulator.js';

// The uploads a CAMS user makes to host Flow JSON and media, done offline: the official CAMS SDK
// asks for temporary credentials, and the official OSS client (ali-oss, V4 signing) uploads with them.

const CamsClient = commonJsClass(Cams);

let emulator: Emulator<'cams'>;
/** Added to the real clock: the signatures carry real dates, and a test moves past an expiry. */
let skewMs = 0;

beforeAll(async () => {
  emulator = await startEmulator({ vendors: ['cams'], now: () => Date.now() + skewMs });
});
afterAll(() => emulator.close());
beforeEach(() => {
  skewMs = 0;
  emulator.faults.clear();
});

async function authorization() {
  const client = new CamsClient(new Config(emulator.cams.config));
  const { body } = await client.getChatappUploadAuthorization(
    new GetChatappUploadAuthorizationRequest({ custSpaceId: emulator.cams.config.custSpaceId }),
  );
  const data = body?.data;
  if (!data) throw new Error('no upload authorization');
  return data;
}

type Authorization = Awaited<ReturnType<typeof authorization>>;

/** ali-oss as a CAMS adapter would build it: V4, the region CAMS runs in, the STS token. */
function ossClient(data: Authorization, overrides: Partial<OSS.Options> = {}): OSS {
  return new OSS({
    region: 'oss-ap-southeast-1',
    endpoint: data.endPoint,
    bucket: data.bucketName,
    accessKeyId: data.accessKeyId ?? '',
    accessKeySecret: data.accessKeySecret ?? '',
    stsToken: data.securityToken,
    // Given, so the client does not warn; the emulator's credentials last an hour.
    refreshSTSToken: async () => ({
      accessKeyId: data.accessKeyId ?? '',
      accessKeySecret: data.accessKeySecret ?? '',
      stsToken: data.securityToken ?? '',
    }),
    refreshSTSTokenInterval: 3_600_000,
    authorizationV4: true,
    timeout: 5000,
    ...overrides,
  });
}

/** The OSS error code of a failed call. */
async function ossError(call: Promise<unknown>): Promise<{ code: string; status: number }> {
  try {
    await call;
  } catch (error) {
    return { code: (error as { code: string }).code, status: (error as { status: number }).status };
  }
  throw new Error('the call succeeded');
}

describe('GetChatappUploadAuthorization and the OSS look-alike', () => {
  it('hands out STS credentials with the fields the reference lists, Expire in seconds', async () => {
    const data = await authorization();
    expect(data.toMap()).toEqual({
      AccessKeyId: expect.stringMatching(/^STS\./),
      AccessKeySecret: expect.any(String),
      SecurityToken: expect.any(String),
      BucketName: emulator.cams.oss.bucket,
      Dir: `chatapp/${emulator.cams.config.custSpaceId}`,
      EndPoint: emulator.cams.oss.url,
      Expire: 3600,
    });
  });

  it('ali-oss uploads a Flow JSON with V4 signing; the object is stored and served back by GET', async () => {
    const data = await authorization();
    const key = `${data.dir}/flow.json`;
    const json = Buffer.from('{"version":"7.0","screens":[]}');
    const put = await ossClient(data).put(key, json, { mime: 'application/json' });
    expect(put.res.status).toBe(200);
    expect(emulator.cams.oss.objects.get(key)).toMatchObject({ body: json, contentType: 'application/json' });
    // Anyone may read it back, as CAMS reads the URL it is given.
    const plain = await send(`${emulator.cams.oss.url}/${emulator.cams.oss.bucket}/${key}`, {
      method: 'GET',
    });
    expect({ status: plain.status, text: plain.text }).toEqual({ status: 200, text: json.toString() });
    const signed = await ossClient(data).get(key);
    expect(Buffer.from(signed.content).toString()).toBe(json.toString());
    expect(emulator.requests.count('cams', 'PutObject')).toBeGreaterThan(0);
  });

  it('refuses a wrong token, a wrong secret, a key outside Dir, a V1 signature and another region', async () => {
    const data = await authorization();
    const key = `${data.dir}/a.png`;
    const body = Buffer.from('png');
    expect(await ossError(ossClient(data, { stsToken: 'not-the-token' }).put(key, body))).toEqual({
      code: 'InvalidSecurityToken',
      status: 403,
    });
    expect(await ossError(ossClient(data, { accessKeySecret: 'x'.repeat(40) }).put(key, body))).toEqual({
      code: 'SignatureDoesNotMatch',
      status: 403,
    });
    expect(await ossError(ossClient(data).put('elsewhere/a.png', body))).toEqual({
      code: 'AccessDenied',
      status: 403,
    });
    expect(await ossError(ossClient(data, { authorizationV4: false }).put(key, body))).toEqual({
      code: 'InvalidArgument',
      status: 400,
    });
    expect(await ossError(ossClient(data, { region: 'oss-cn-hangzhou' }).put(key, body))).toEqual({
      code: 'InvalidArgument',
      status: 400,
    });
    expect(
      await ossError(ossClient({ ...data, accessKeyId: 'STS.unknown' } as Authorization).put(key, body)),
    ).toEqual({
      code: 'InvalidAccessKeyId',
      status: 403,
    });
    expect(emulator.cams.oss.objects.get(key)).toBeUndefined();
  });

  it('refuses credentials past their Expire', async () => {
    const data = await authorization();
    skewMs = 3600 * 1000;
    expect(await ossError(ossClient(data).put(`${data.dir}/late.png`, Buffer.from('x')))).toEqual({
      code: 'SecurityTokenExpired',
      status: 403,
    });
  });

  it('refuses a body whose Content-MD5 does not match, and answers unknown keys with NoSuchKey', async () => {
    const data = await authorization();
    const key = `${data.dir}/digest.txt`;
    const error = await ossError(
      ossClient(data).put(key, Buffer.from('abc'), {
        headers: { 'Content-MD5': 'AAAAAAAAAAAAAAAAAAAAAA==' },
      }),
    );
    expect(error).toEqual({ code: 'InvalidDigest', status: 400 });
    expect(await ossError(ossClient(data).get(`${data.dir}/missing.txt`))).toEqual({
      code: 'NoSuchKey',
      status: 404,
    });
  });

  it('faults apply to uploads, as to any CAMS operation', async () => {
    const data = await authorization();
    emulator.faults.set({
      kind: 'http-error',
      status: 503,
      vendor: 'cams',
      operation: 'PutObject',
      times: 1,
    });
    const key = `${data.dir}/retry.json`;
    expect((await ossError(ossClient(data).put(key, Buffer.from('{}')))).status).toBe(503);
    expect((await ossClient(data).put(key, Buffer.from('{}'))).res.status).toBe(200);
  });
});
