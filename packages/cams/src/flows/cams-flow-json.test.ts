import { createHash } from 'node:crypto';
import { inspect } from 'node:util';
import { gzipSync } from 'node:zlib';
import {
  type BspError,
  ConfigError,
  MAX_FLOW_JSON_BYTES,
  NotFoundError,
  PermissionError,
  type ProviderCallContext,
  ProviderUnavailableError,
  RateLimitError,
  ResponseFormatError,
} from '@whatsapp-bsp/core';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  getFlowJsonBody,
  sampleFlowJson,
  UPLOAD_KEY_SECRET,
  UPLOAD_SECURITY_TOKEN,
  updateFlowJsonAssetExampleBody,
  uploadAuthorizationBody,
} from '../__fixtures__/flow-writes.js';
import {
  callContext,
  flowsOf,
  interceptCams,
  type RecordedRequest,
  testProvider,
} from '../__fixtures__/harness.js';
import type { Asset, AssetUploader } from '../assets/asset-uploader.js';
import type { CamsOptions } from '../cams-options.js';

/*
 * Flow JSON on CAMS, which takes it and gives it by URL: UpdateFlowJSONAsset after the file is
 * hosted, GetFlowJSONAssest followed by a download. The files' host is nock too.
 */

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const FILES = 'https://files.example.test';
const FLOW_ID = '926753328126430';

async function failure(call: Promise<unknown>): Promise<BspError> {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (error === undefined) throw new Error('the call succeeded');
  return error as BspError;
}

/** An uploader that hosts files at FILES, recording each asset with the context it was given. */
function recordingUploader() {
  const uploads: { asset: Asset; context: ProviderCallContext }[] = [];
  const uploader: AssetUploader = {
    async upload(asset, context) {
      uploads.push({ asset, context });
      return { url: `${FILES}/flows/${asset.fileName}` };
    },
  };
  return { uploads, uploader };
}

describe('flows.doUpdateJson: the file hosted, then UpdateFlowJSONAsset', () => {
  it('hosts the JSON as flow-<id>-<sha256 prefix>.json and points FilePath at its URL', async () => {
    const { uploads, uploader } = recordingUploader();
    const requests: RecordedRequest[] = [];
    interceptCams(requests, [200, updateFlowJsonAssetExampleBody]);
    const text = JSON.stringify(sampleFlowJson);
    const context = callContext();

    const result = await flowsOf(testProvider({ assetUploader: uploader })).doUpdateJson(
      { id: FLOW_ID, text },
      context,
    );

    const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
    expect(uploads).toHaveLength(1);
    expect(uploads[0]?.asset.fileName).toBe(`flow-${FLOW_ID}-${hash}.json`);
    expect(uploads[0]?.asset.mimeType).toBe('application/json');
    expect(new TextDecoder().decode(uploads[0]?.asset.data)).toBe(text);
    // The upload runs under the attempt: its timeout and abort reach it.
    expect(uploads[0]?.context).toBe(context);
    expect(requests[0]?.headers['x-acs-action']).toBe('UpdateFlowJSONAsset');
    expect(requests[0]?.form).toEqual({
      CustSpaceId: 'cams-space-0001',
      FilePath: `${FILES}/flows/flow-${FLOW_ID}-${hash}.json`,
      FlowId: FLOW_ID,
    });
    // CAMS reports no validation errors.
    expect(result).toEqual({
      value: { validationErrors: [] },
      requestId: '90E63D28-E31D-1EB2-8939-A9486641****',
      httpStatusCode: 200,
    });
  });

  it('names the same JSON the same way and another JSON another way, so a retry leaves no extra file', async () => {
    const { uploads, uploader } = recordingUploader();
    for (let i = 0; i < 3; i++) interceptCams([], [200, updateFlowJsonAssetExampleBody]);
    const provider = testProvider({ assetUploader: uploader });

    await flowsOf(provider).doUpdateJson({ id: FLOW_ID, text: '{"version":"5.0"}' }, callContext());
    await flowsOf(provider).doUpdateJson({ id: FLOW_ID, text: '{"version":"5.0"}' }, callContext());
    await flowsOf(provider).doUpdateJson({ id: FLOW_ID, text: '{"version":"6.0"}' }, callContext());

    const names = uploads.map((upload) => upload.asset.fileName);
    expect(names[0]).toBe(names[1]);
    expect(names[2]).not.toBe(names[0]);
  });

  it('keeps an id’s characters that are unsafe in an object key out of the file name', async () => {
    const { uploads, uploader } = recordingUploader();
    interceptCams([], [200, updateFlowJsonAssetExampleBody]);

    await flowsOf(testProvider({ assetUploader: uploader })).doUpdateJson(
      { id: '../a b/c', text: '{}' },
      callContext(),
    );

    expect(uploads[0]?.asset.fileName).toMatch(/^flow-___a_b_c-[0-9a-f]{16}\.json$/);
  });

  it('sends the JSON as UTF-8 bytes, non-ASCII text included', async () => {
    const { uploads, uploader } = recordingUploader();
    interceptCams([], [200, updateFlowJsonAssetExampleBody]);
    const text = '{"title":"预约 — café"}';

    await flowsOf(testProvider({ assetUploader: uploader })).doUpdateJson(
      { id: FLOW_ID, text },
      callContext(),
    );

    expect(Buffer.from(uploads[0]?.asset.data ?? []).equals(Buffer.from(text, 'utf8'))).toBe(true);
  });

  it('sends nothing to CAMS when hosting fails, and throws the uploader’s own error', async () => {
    const requests: RecordedRequest[] = [];
    interceptCams(requests, [200, updateFlowJsonAssetExampleBody]);
    const refused = new PermissionError('OSS refused the upload', { provider: 'cams', outcome: 'failed' });
    const uploader: AssetUploader = { upload: () => Promise.reject(refused) };

    const error = await failure(
      flowsOf(testProvider({ assetUploader: uploader })).doUpdateJson(
        { id: FLOW_ID, text: '{}' },
        callContext(),
      ),
    );

    expect(error).toBe(refused);
    expect(requests).toHaveLength(0);
  });

  it('reports an uploader’s plain error as retryable and not sent', async () => {
    const uploader: AssetUploader = { upload: () => Promise.reject(new TypeError('fetch failed')) };

    const error = await failure(
      flowsOf(testProvider({ assetUploader: uploader })).doUpdateJson(
        { id: FLOW_ID, text: '{}' },
        callContext(),
      ),
    );

    expect(ProviderUnavailableError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ outcome: 'not-sent', retryable: true });
    expect(error.message).toContain('nothing was sent to CAMS');
  });

  it.each([[''], ['  '], ['a\nb'], [undefined]])(
    'refuses an uploader’s answer that locates nothing (%j), sending nothing',
    async (url) => {
      const requests: RecordedRequest[] = [];
      interceptCams(requests, [200, updateFlowJsonAssetExampleBody]);
      const uploader = { upload: async () => ({ url }) } as unknown as AssetUploader;

      const error = await failure(
        flowsOf(testProvider({ assetUploader: uploader })).doUpdateJson(
          { id: FLOW_ID, text: '{}' },
          callContext(),
        ),
      );

      expect(ConfigError.isInstance(error)).toBe(true);
      expect(error.field).toBe('assetUploader');
      expect(requests).toHaveLength(0);
    },
  );

  it('hands CAMS whatever location the uploader returns, an OSS key included', async () => {
    const requests: RecordedRequest[] = [];
    interceptCams(requests, [200, updateFlowJsonAssetExampleBody]);
    const uploader: AssetUploader = {
      upload: async (asset) => ({ url: `chatapp/cams-space-0001/${asset.fileName}` }),
    };

    await flowsOf(testProvider({ assetUploader: uploader })).doUpdateJson(
      { id: FLOW_ID, text: '{}' },
      callContext(),
    );

    expect(requests[0]?.form.FilePath).toMatch(
      /^chatapp\/cams-space-0001\/flow-926753328126430-[0-9a-f]{16}\.json$/,
    );
  });

  it('maps CAMS failing to fetch the file (InvalidParameter.FileUrlError) to an InvalidRequestError with a hint', async () => {
    const { uploader } = recordingUploader();
    interceptCams(
      [],
      [400, { Code: 'InvalidParameter.FileUrlError', Message: 'file url error', RequestId: 'r-8' }],
    );

    const error = await failure(
      flowsOf(testProvider({ assetUploader: uploader })).doUpdateJson(
        { id: FLOW_ID, text: '{}' },
        callContext(),
      ),
    );

    expect(error).toMatchObject({
      code: 'INVALID_REQUEST',
      outcome: 'failed',
      vendorCode: 'InvalidParameter.FileUrlError',
    });
    expect(error.message).toContain('reachable');
  });
});

describe('flows.doGetJson: GetFlowJSONAssest, then the file it names', () => {
  it('downloads FilePath and answers its text and its parse, with CAMS’s request id', async () => {
    const requests: RecordedRequest[] = [];
    const text = JSON.stringify(sampleFlowJson, null, 2);
    interceptCams(requests, [200, getFlowJsonBody(`${FILES}/meta/flow.json?sig=abc`)]);
    const file = nock(FILES).get('/meta/flow.json').query({ sig: 'abc' }).reply(200, text);

    const result = await flowsOf(testProvider()).doGetJson({ id: FLOW_ID }, callContext());

    expect(requests[0]?.headers['x-acs-action']).toBe('GetFlowJSONAssest');
    expect(requests[0]?.form).toEqual({ CustSpaceId: 'cams-space-0001', FlowId: FLOW_ID });
    expect(file.isDone()).toBe(true);
    expect(result).toEqual({
      value: { json: sampleFlowJson, text },
      requestId: 'B1F2C3D4-0000-4000-8000-000000000011',
      httpStatusCode: 200,
    });
  });

  it('sends no CAMS credential or signature to the file’s host', async () => {
    interceptCams([], [200, getFlowJsonBody(`${FILES}/flow.json`)]);
    let headers: Record<string, unknown> = {};
    nock(FILES)
      .get('/flow.json')
      .reply(function () {
        headers = this.req.headers;
        return [200, '{}'];
      });

    await flowsOf(testProvider()).doGetJson({ id: FLOW_ID }, callContext());

    expect(
      Object.keys(headers).filter((name) => name.startsWith('x-acs') || name === 'authorization'),
    ).toEqual([]);
  });

  it('decodes a gzip-encoded file', async () => {
    interceptCams([], [200, getFlowJsonBody(`${FILES}/flow.json`)]);
    nock(FILES)
      .get('/flow.json')
      .reply(200, gzipSync(Buffer.from('{"version":"5.0"}')), { 'content-encoding': 'gzip' });

    const result = await flowsOf(testProvider()).doGetJson({ id: FLOW_ID }, callContext());

    expect(result?.value).toEqual({ json: { version: '5.0' }, text: '{"version":"5.0"}' });
  });

  it('answers a file that is not JSON with its text and json undefined', async () => {
    interceptCams([], [200, getFlowJsonBody(`${FILES}/flow.json`)]);
    nock(FILES).get('/flow.json').reply(200, '<html>Sign in</html>', { 'content-type': 'text/html' });

    const result = await flowsOf(testProvider()).doGetJson({ id: FLOW_ID }, callContext());

    expect(result?.value).toEqual({ json: undefined, text: '<html>Sign in</html>' });
  });

  it('refuses a file that is not UTF-8 text', async () => {
    interceptCams([], [200, getFlowJsonBody(`${FILES}/flow.json`)]);
    nock(FILES)
      .get('/flow.json')
      .reply(200, Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));

    const error = await failure(flowsOf(testProvider()).doGetJson({ id: FLOW_ID }, callContext()));

    expect(ResponseFormatError.isInstance(error)).toBe(true);
    expect(error.message).toContain('UTF-8');
  });

  it('refuses a file declared larger than 10 MiB without reading it', async () => {
    interceptCams([], [200, getFlowJsonBody(`${FILES}/flow.json`)]);
    nock(FILES)
      .get('/flow.json')
      .reply(200, '{}', { 'content-length': String(MAX_FLOW_JSON_BYTES + 1) });

    const error = await failure(flowsOf(testProvider()).doGetJson({ id: FLOW_ID }, callContext()));

    expect(ResponseFormatError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ retryable: false });
    expect(error.message).toContain(String(MAX_FLOW_JSON_BYTES));
  });

  it('takes a file of exactly 10 MiB, whatever the provider’s own maxResponseBytes', async () => {
    const text = `"${'a'.repeat(MAX_FLOW_JSON_BYTES - 2)}"`;
    interceptCams([], [200, getFlowJsonBody(`${FILES}/flow.json`)]);
    nock(FILES).get('/flow.json').reply(200, text);

    const result = await flowsOf(testProvider({ maxResponseBytes: 64 * 1024 })).doGetJson(
      { id: FLOW_ID },
      callContext(),
    );

    expect(result?.value.text.length).toBe(MAX_FLOW_JSON_BYTES);
  });

  it('refuses a file that streams past 10 MiB', async () => {
    interceptCams([], [200, getFlowJsonBody(`${FILES}/flow.json`)]);
    nock(FILES)
      .get('/flow.json')
      .reply(200, Buffer.alloc(MAX_FLOW_JSON_BYTES + 1, 0x20));

    const error = await failure(flowsOf(testProvider()).doGetJson({ id: FLOW_ID }, callContext()));

    expect(ResponseFormatError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ retryable: false });
  });

  it.each([
    [404, 'NotFoundError', NotFoundError, false],
    [410, 'NotFoundError', NotFoundError, false],
    [403, 'PermissionError', PermissionError, false],
    [401, 'PermissionError', PermissionError, false],
    [429, 'RateLimitError', RateLimitError, true],
    [503, 'ProviderUnavailableError', ProviderUnavailableError, true],
    [400, 'ResponseFormatError', ResponseFormatError, false],
  ] as const)(
    'maps the file host’s HTTP %i to a %s, with CAMS’s request id',
    async (status, _name, ErrorClass, retryable) => {
      interceptCams([], [200, getFlowJsonBody(`${FILES}/flow.json?Signature=presigned0123456789`)]);
      nock(FILES).get('/flow.json').query(true).reply(status, '<Error/>');

      const error = await failure(flowsOf(testProvider()).doGetJson({ id: FLOW_ID }, callContext()));

      expect(ErrorClass.isInstance(error)).toBe(true);
      expect(error).toMatchObject({
        httpStatusCode: status,
        retryable,
        requestId: 'B1F2C3D4-0000-4000-8000-000000000011',
      });
      expect(error.message).toContain('files.example.test');
      expect(error.message).not.toContain('presigned0123456789');
    },
  );

  it('passes the file host’s Retry-After on', async () => {
    interceptCams([], [200, getFlowJsonBody(`${FILES}/flow.json`)]);
    nock(FILES).get('/flow.json').reply(503, '', { 'retry-after': '7' });

    const error = await failure(flowsOf(testProvider()).doGetJson({ id: FLOW_ID }, callContext()));

    expect(error.retryAfterMs).toBe(7000);
  });

  it('keeps a presigned link’s signature out of a connection error', async () => {
    const signature = 'PresignedSignature0123456789abcdef';
    interceptCams([], [200, getFlowJsonBody(`${FILES}/flow.json?x-oss-signature=${signature}`)]);
    nock(FILES)
      .get('/flow.json')
      .query(true)
      .replyWithError(
        Object.assign(new Error(`socket hang up at /flow.json?x-oss-signature=${signature}`), {
          code: 'ECONNRESET',
        }),
      );

    const error = await failure(flowsOf(testProvider()).doGetJson({ id: FLOW_ID }, callContext()));

    expect(ProviderUnavailableError.isInstance(error)).toBe(true);
    for (const text of [error.message, JSON.stringify(error), inspect(error, { depth: 5 })]) {
      expect(text).not.toContain(signature);
    }
  });

  it.each([[null], [''], ['  ']])(
    'answers a flow without a Flow JSON file (FilePath %j) with a NotFoundError',
    async (filePath) => {
      interceptCams([], [200, getFlowJsonBody(filePath)]);

      const error = await failure(flowsOf(testProvider()).doGetJson({ id: FLOW_ID }, callContext()));

      expect(NotFoundError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ outcome: 'failed', requestId: 'B1F2C3D4-0000-4000-8000-000000000011' });
    },
  );

  it('refuses plain http:// to another machine, as every request of the provider, unless allowed', async () => {
    interceptCams([], [200, getFlowJsonBody('http://files.example.test/flow.json')]);
    const file = nock('http://files.example.test').get('/flow.json').reply(200, '{}');

    const error = await failure(flowsOf(testProvider()).doGetJson({ id: FLOW_ID }, callContext()));

    expect(ConfigError.isInstance(error)).toBe(true);
    expect(error.message).toContain('allowInsecureHttp');
    expect(file.isDone()).toBe(false);
  });
});

describe('the FilePath form (flowJsonFilePath)', () => {
  it('by default, refuses a FilePath that is no URL, naming the option that resolves one', async () => {
    interceptCams([], [200, getFlowJsonBody('chatapp/cams-space-0001/flow.json')]);

    const error = await failure(flowsOf(testProvider()).doGetJson({ id: FLOW_ID }, callContext()));

    expect(ResponseFormatError.isInstance(error)).toBe(true);
    expect(error.message).toContain('flowJsonFilePath');
    expect(error.requestId).toBe('B1F2C3D4-0000-4000-8000-000000000011');
  });

  it("'oss-key': downloads the key from the bucket GetChatappUploadAuthorization names, and asks for it once", async () => {
    const requests: RecordedRequest[] = [];
    const provider = testProvider({ flowJsonFilePath: 'oss-key' });
    interceptCams(requests, [200, getFlowJsonBody('chatapp/cams-space-0001/flow a.json')]);
    interceptCams(requests, [200, uploadAuthorizationBody('https://oss-ap-southeast-1.aliyuncs.com')]);
    interceptCams(requests, [200, getFlowJsonBody('/chatapp/cams-space-0001/flow a.json')]);
    const files = nock('https://cams-uploads.oss-ap-southeast-1.aliyuncs.com')
      .get('/chatapp/cams-space-0001/flow%20a.json')
      .times(2)
      .reply(200, '{"version":"5.0"}');

    const first = await flowsOf(provider).doGetJson({ id: FLOW_ID }, callContext());
    const second = await flowsOf(provider).doGetJson({ id: FLOW_ID }, callContext());

    expect(first?.value.json).toEqual({ version: '5.0' });
    expect(second?.value.json).toEqual({ version: '5.0' });
    expect(files.isDone()).toBe(true);
    expect(requests.map((request) => request.headers['x-acs-action'])).toEqual([
      'GetFlowJSONAssest',
      'GetChatappUploadAuthorization',
      'GetFlowJSONAssest',
    ]);
    expect(requests[1]?.query).toEqual({ CustSpaceId: 'cams-space-0001' });
  });

  it.each([
    ['oss-ap-southeast-1', 'https://cams-uploads.oss-ap-southeast-1.aliyuncs.com'],
    ['oss-ap-southeast-1.aliyuncs.com', 'https://cams-uploads.oss-ap-southeast-1.aliyuncs.com'],
    ['http://oss.example.test/', 'http://cams-uploads.oss.example.test'],
  ])("'oss-key': reads the EndPoint %s as %s", async (endPoint, origin) => {
    interceptCams([], [200, getFlowJsonBody('k/flow.json')]);
    interceptCams([], [200, uploadAuthorizationBody(endPoint)]);
    const file = nock(origin).get('/k/flow.json').reply(200, '{}');

    await flowsOf(testProvider({ flowJsonFilePath: 'oss-key', allowInsecureHttp: true })).doGetJson(
      { id: FLOW_ID },
      callContext(),
    );

    expect(file.isDone()).toBe(true);
  });

  it("'oss-key': still takes a full URL as it is", async () => {
    const requests: RecordedRequest[] = [];
    interceptCams(requests, [200, getFlowJsonBody(`${FILES}/flow.json`)]);
    nock(FILES).get('/flow.json').reply(200, '{}');

    await flowsOf(testProvider({ flowJsonFilePath: 'oss-key' })).doGetJson({ id: FLOW_ID }, callContext());

    expect(requests).toHaveLength(1);
  });

  it("'oss-key': keeps the upload authorization's temporary secret and token out of the error for an answer not as documented", async () => {
    interceptCams([], [200, getFlowJsonBody('k/flow.json')]);
    interceptCams([], [200, uploadAuthorizationBody('oss-ap-southeast-1', 'Not A Bucket!')]);
    const malformed = uploadAuthorizationBody();
    interceptCams([], [200, getFlowJsonBody('k/flow.json')]);
    interceptCams([], [200, { ...malformed, Data: { ...malformed.Data, EndPoint: { Host: 'oss' } } }]);

    for (const provider of [
      testProvider({ flowJsonFilePath: 'oss-key' }),
      testProvider({ flowJsonFilePath: 'oss-key' }),
    ]) {
      const error = await failure(flowsOf(provider).doGetJson({ id: FLOW_ID }, callContext()));
      expect(ResponseFormatError.isInstance(error)).toBe(true);
      expect(error.message).toContain('GetChatappUploadAuthorization');
      for (const text of [error.message, JSON.stringify(error), inspect(error, { depth: 5 })]) {
        expect(text).not.toContain(UPLOAD_KEY_SECRET);
        expect(text).not.toContain(UPLOAD_SECURITY_TOKEN);
      }
    }
  });

  it('a function: resolves FilePath to the URL downloaded, given the call’s context', async () => {
    interceptCams([], [200, getFlowJsonBody('flows/926753328126430.json')]);
    nock(FILES).get('/signed/flows/926753328126430.json').query({ token: 't' }).reply(200, '{"a":1}');
    const seen: [string, ProviderCallContext][] = [];
    const context = callContext();
    const flowJsonFilePath: CamsOptions['flowJsonFilePath'] = async (filePath, given) => {
      seen.push([filePath, given]);
      return new URL(`${FILES}/signed/${filePath}?token=t`);
    };

    const result = await flowsOf(testProvider({ flowJsonFilePath })).doGetJson({ id: FLOW_ID }, context);

    expect(result?.value.json).toEqual({ a: 1 });
    expect(seen).toEqual([['flows/926753328126430.json', context]]);
  });

  it('a function that throws or answers no URL is a ConfigError naming the option', async () => {
    for (const flowJsonFilePath of [
      () => {
        throw new Error('no bucket configured');
      },
      () => 'relative/path.json',
    ]) {
      interceptCams([], [200, getFlowJsonBody('k.json')]);
      const error = await failure(
        flowsOf(testProvider({ flowJsonFilePath })).doGetJson({ id: FLOW_ID }, callContext()),
      );
      expect(ConfigError.isInstance(error)).toBe(true);
      expect(error.field).toBe('flowJsonFilePath');
    }
  });

  it('an option that is neither form is a ConfigError when the provider is created', () => {
    expect(() => testProvider({ flowJsonFilePath: 'key' as 'url' })).toThrow(/flowJsonFilePath/);
    expect(() => testProvider({ assetUploader: {} as AssetUploader })).toThrow(/assetUploader/);
  });
});
