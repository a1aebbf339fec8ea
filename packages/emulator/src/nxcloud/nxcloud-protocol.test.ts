import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NxcloudCall, nxcloudSign, send, sendNxcloud } from '../__fixtures__/signed-requests.js';
import {
  NXCLOUD_GET_TEMPLATE_EXAMPLE,
  NXCLOUD_QUERY_FLOW_BY_ID_EXAMPLE,
} from '../__fixtures__/vendor-example-payloads.js';
import { type Emulator, startEmulator } from '../start-emulator.js';

// The account and clock of the signing example NXCloud publishes on its API convention page
// (the "调用示例" walkthrough, which gives sign 87c3560d3331ae23f1021e2025722354 for V1_BODY).
const VECTOR = { accessKey: 'fme2na3kdi3ki', accessSecret: 'abciiiko2k3', ts: 1655710885431 };
const V1_BODY = '{"name":"牛小信","id":10001}';

let emulator: Emulator<'nxcloud'>;
const clock = VECTOR.ts;

beforeAll(async () => {
  emulator = await startEmulator({
    vendors: ['nxcloud'],
    now: () => clock,
    accounts: { nxcloud: { accessKey: VECTOR.accessKey, accessSecret: VECTOR.accessSecret } },
  });
});
afterAll(() => emulator.close());

function call(path: string, action: string, body: unknown, overrides: Partial<NxcloudCall> = {}) {
  return sendNxcloud({
    baseUrl: emulator.nxcloud.url,
    path,
    action,
    accessKey: VECTOR.accessKey,
    accessSecret: VECTOR.accessSecret,
    ts: clock,
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...overrides,
  });
}

const account = () => emulator.nxcloud.config;
const templateBody = (extra: Record<string, unknown> = {}) => ({
  appkey: account().appKey,
  business_phone: account().businessPhone,
  messaging_product: 'whatsapp',
  ...extra,
});
const getTemplate = (extra: Record<string, unknown> = {}, overrides: Partial<NxcloudCall> = {}) =>
  call('/api/wa/getTemplate', 'getTemplate', templateBody(extra), overrides);
const codeOf = async (response: Promise<{ json(): unknown }>) =>
  ((await response).json() as { code: number }).code;

describe('NXCloud signature check', () => {
  it("passes the vendor's published V1 request (bizType 1, action send), then rejects it as not WhatsApp (1002)", async () => {
    const response = await call('/api/wa/getTemplate', 'send', V1_BODY, { bizType: '1' });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      code: 1002,
      message: expect.stringContaining('Parameter error'),
      data: null,
    });
    // The same request with the published sign pasted in, to show the sign is the vendor's value.
    const published = await send(`${emulator.nxcloud.url}/api/wa/getTemplate`, {
      headers: {
        'content-type': 'application/json',
        accessKey: VECTOR.accessKey,
        ts: String(VECTOR.ts),
        bizType: '1',
        action: 'send',
        sign: '87c3560d3331ae23f1021e2025722354',
      },
      body: V1_BODY,
    });
    expect((published.json() as { code: number }).code).toBe(1002);
  });

  it('accepts a WhatsApp request signed the same way', async () => {
    const response = await getTemplate();
    expect(response.json()).toMatchObject({ code: 0, message: '请求成功' });
  });

  it('rejects a body changed by one byte after signing (1003)', async () => {
    const body = JSON.stringify(templateBody());
    const tampered = body.replace('"whatsapp"', '"whatsapq"');
    expect(await codeOf(call('/api/wa/getTemplate', 'getTemplate', body, { sentBody: tampered }))).toBe(1003);
    expect(await codeOf(call('/api/wa/getTemplate', 'getTemplate', body, { sentBody: `${body}\n` }))).toBe(
      1003,
    );
  });

  it('rejects a wrong secret and a wrong Content-Type (1003)', async () => {
    expect(await codeOf(getTemplate({}, { accessSecret: 'not-the-secret' }))).toBe(1003);
    expect(await codeOf(getTemplate({}, { contentType: 'text/plain' }))).toBe(1003);
    expect(await codeOf(getTemplate({}, { contentType: 'application/json; charset=utf-8' }))).toBe(0);
  });

  it('verifies sha256 signatures when the algorithm header asks for them', async () => {
    expect(await codeOf(getTemplate({}, { algorithm: 'sha256' }))).toBe(0);
    expect(await codeOf(getTemplate({}, { algorithm: 'md5', algorithmHeader: true }))).toBe(0);
    // An md5 sign announced as sha256 does not verify.
    const body = JSON.stringify(templateBody());
    const md5Call = { ...VECTOR, action: 'getTemplate', body, ts: clock };
    const response = await send(`${emulator.nxcloud.url}/api/wa/getTemplate`, {
      headers: {
        'content-type': 'application/json',
        accessKey: VECTOR.accessKey,
        ts: String(clock),
        bizType: '2',
        action: 'getTemplate',
        algorithm: 'sha256',
        sign: nxcloudSign(md5Call),
      },
      body,
    });
    expect((response.json() as { code: number }).code).toBe(1003);
  });

  it('signs an empty body without the body part, then asks for parameters', async () => {
    const response = await call('/api/wa/getTemplate', 'getTemplate', '');
    expect(response.json()).toMatchObject({ code: 1002 });
  });

  it('accepts ts within ±60 s of its clock and rejects it outside (1004)', async () => {
    expect(await codeOf(getTemplate({}, { ts: clock - 60_000 }))).toBe(0);
    expect(await codeOf(getTemplate({}, { ts: clock + 60_000 }))).toBe(0);
    expect(await codeOf(getTemplate({}, { ts: clock - 60_001 }))).toBe(1004);
    expect(await codeOf(getTemplate({}, { ts: clock + 61_000 }))).toBe(1004);
    // Seconds instead of milliseconds.
    expect(await codeOf(getTemplate({}, { ts: Math.floor(clock / 1000) }))).toBe(1004);
  });

  it('answers 1001 for a missing common header and 1005 for an unknown accessKey', async () => {
    for (const header of ['accessKey', 'ts', 'bizType', 'action', 'sign']) {
      const response = await getTemplate({}, { omit: [header] });
      expect(response.json()).toEqual({
        code: 1001,
        message: `Missing common parameters: ${header}`,
        data: null,
      });
    }
    expect(await codeOf(getTemplate({}, { accessKey: 'someone-else' }))).toBe(1005);
  });

  it('answers 1002 for an action that is not the endpoint’s', async () => {
    expect(await codeOf(call('/api/wa/getTemplate', 'queryFlowById', templateBody()))).toBe(1002);
  });

  it('answers HTTP 200 for every vendor code, 404 for unknown paths and 405 for other methods', async () => {
    expect((await getTemplate({}, { accessSecret: 'x' })).status).toBe(200);
    const unknown = await call('/api/wa/noSuchThing', 'noSuchThing', templateBody());
    expect(unknown.status).toBe(404);
    const get = await send(`${emulator.nxcloud.url}/api/wa/getTemplate`, { method: 'GET' });
    expect(get.status).toBe(405);
  });
});

describe('NXCloud body checks', () => {
  it('answers 9000 naming a missing required parameter', async () => {
    const response = await getTemplate({ appkey: undefined });
    expect(response.json()).toEqual({
      code: 9000,
      message: 'Parameter exception: appkey is required',
      data: null,
    });
  });

  it('answers 9002 for a malformed business phone and 9006 for one not bound to the app', async () => {
    expect(await codeOf(getTemplate({ business_phone: '+86-138' }))).toBe(9002);
    expect(await codeOf(getTemplate({ business_phone: '8613900000000' }))).toBe(9006);
  });

  it('answers 9003 for another appkey and 1002 for a body that is not a JSON object', async () => {
    expect(await codeOf(getTemplate({ appkey: 'other' }))).toBe(9003);
    expect(await codeOf(call('/api/wa/getTemplate', 'getTemplate', '[1,2]'))).toBe(1002);
    expect(await codeOf(call('/api/wa/getTemplate', 'getTemplate', '{"appkey":'))).toBe(1002);
  });

  it('answers 1002 for a required field that is an object or an array, even one that cannot become text', async () => {
    for (const flowId of [{ toString: 1 }, { valueOf: 1, toString: 1 }, ['3603023670018851'], {}]) {
      const response = await call(
        '/api/wa/queryFlowById',
        'queryFlowById',
        templateBody({ flow_id: flowId }),
      );
      expect({ status: response.status, body: response.json() }).toEqual({
        status: 200,
        body: { code: 1002, message: 'Parameter error: flow_id must be a string', data: null },
      });
    }
    expect(await codeOf(getTemplate({ business_phone: { toString: 1 } }))).toBe(1002);
  });

  it('answers 1002 for a bad limit or a cursor it did not issue', async () => {
    expect(await codeOf(getTemplate({ limit: 0 }))).toBe(1002);
    expect(await codeOf(getTemplate({ limit: 'many' }))).toBe(1002);
    expect(await codeOf(getTemplate({ after: 'bm90LWEtY3Vyc29y' }))).toBe(1002);
  });
});

describe('NXCloud flows', () => {
  const flowBody = (flowId: string) => ({ ...templateBody(), flow_id: flowId });

  it("queryFlowById returns the vendor's documented example verbatim", async () => {
    const response = await call('/api/wa/queryFlowById', 'queryFlowById', flowBody('3603023670018851'));
    expect(response.json()).toEqual(NXCLOUD_QUERY_FLOW_BY_ID_EXAMPLE);
  });

  it('queryFlowById also accepts the action the vendor page prints (getTemplate), and a numeric flow_id', async () => {
    const response = await call('/api/wa/queryFlowById', 'getTemplate', {
      ...templateBody(),
      flow_id: 3603023670018851,
    });
    expect(response.json()).toMatchObject({ code: 0, data: { id: '3603023670018851' } });
  });

  it('queryFlowById needs flow_id (9000) and answers an unknown id with Meta’s error, integers as floats', async () => {
    expect(await codeOf(call('/api/wa/queryFlowById', 'queryFlowById', templateBody()))).toBe(9000);
    const response = await call('/api/wa/queryFlowById', 'queryFlowById', flowBody('1234'));
    expect(response.text).toContain('"code":100.0,"error_subcode":33.0');
    expect(response.json()).toMatchObject({
      code: 400,
      message: 'queryFlowById error',
      data: { error: { type: 'GraphMethodException', code: 100, error_subcode: 33 } },
    });
  });

  it('getPreviewByFlowId returns the preview link with a +0000 expiry', async () => {
    const body = { appkey: account().appKey, messaging_product: 'whatsapp', flow_id: '926753328126430000' };
    const response = await call('/v1/wa/m/flows/getPreviewByFlowId', 'getPreviewByFlowId', body);
    expect(response.json()).toEqual({
      code: 0,
      message: 'Success',
      data: {
        id: '926753328126430000',
        preview: { preview_url: 'https://pre-url', expires_at: '2023-11-22T01:43:56+0000' },
      },
    });
  });

  it('queryFlowsByPhone pages through every flow with cursors, 20 by default', async () => {
    const listBody = (extra: Record<string, unknown>) => ({
      appkey: account().appKey,
      phone: account().businessPhone,
      messaging_product: 'whatsapp',
      ...extra,
    });
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const response = await call(
        '/v1/wa/m/flows/queryFlowsByPhone',
        'queryFlowsByPhone',
        listBody({ after }),
      );
      const { data } = response.json() as {
        data: {
          data: Array<{ id: string; status: string }>;
          paging: { cursors: { after: string }; next?: string };
        };
      };
      if (pages === 0) expect(data.data).toHaveLength(20);
      seen.push(...data.data.map((flow) => flow.id));
      after = data.paging.next ? data.paging.cursors.after : undefined;
      pages++;
    } while (after);
    expect(pages).toBe(2);
    expect(seen).toEqual(emulator.store.flows.list().map((flow) => flow.id));
    // The number is checked under its own field name here.
    expect(
      await codeOf(
        call('/v1/wa/m/flows/queryFlowsByPhone', 'queryFlowsByPhone', listBody({ phone: '8613900000000' })),
      ),
    ).toBe(9006);
  });
});

describe('NXCloud templates', () => {
  type TemplatePage = {
    data: {
      data: Array<{ name: string; language: string }>;
      paging?: { cursors: { before: string; after: string }; next?: string; previous?: string };
    };
  };
  const page = async (extra: Record<string, unknown>) =>
    ((await getTemplate(extra)).json() as TemplatePage).data;

  it("lists the vendor's documented example template first, as documented", async () => {
    const first = await page({ limit: 20 });
    expect(first.data[0]).toEqual(NXCLOUD_GET_TEMPLATE_EXAMPLE.data.data[0]);
    expect(first.paging?.cursors).toEqual({ before: 'MAZDZD', after: 'MTkZD' });
    expect(first.paging?.next).toMatch(
      /^https:\/\/graph\.facebook\.com\/v15\.0\/\d+\/message_templates\?.*&limit=20&after=MTkZD$/,
    );
    expect(first.paging?.previous).toBeUndefined();
  });

  it('pages to the end with after, and back with before', async () => {
    const all: string[] = [];
    const cursors: string[] = [];
    let after: string | undefined;
    let last: TemplatePage['data'] | undefined;
    do {
      last = await page({ limit: 7, after });
      all.push(...last.data.map((t) => `${t.name}/${t.language}`));
      cursors.push(last.paging?.cursors.before ?? '');
      after = last.paging?.next ? last.paging.cursors.after : undefined;
    } while (after);
    const stored = emulator.store.templates.list().map((t) => `${t.name}/${t.language}`);
    expect(all).toEqual(stored);
    expect(new Set(all).size).toBe(all.length);
    expect(last.paging?.next).toBeUndefined();
    expect(last.paging?.previous).toBeDefined();

    const previous = await page({ limit: 7, before: cursors[1] });
    expect(previous.data.map((t) => `${t.name}/${t.language}`)).toEqual(stored.slice(0, 7));
    // Past the end: an empty page without paging.
    expect(await page({ limit: 7, after: last.paging?.cursors.after })).toEqual({ data: [] });
  });

  it('returns every language of a name with the name filter', async () => {
    const multi = emulator.store.templates
      .list()
      .find((t, _, list) => list.filter((other) => other.name === t.name).length > 1);
    expect(multi).toBeDefined();
    const result = await page({ name: multi?.name });
    const expected = emulator.store.templates.list().filter((t) => t.name === multi?.name);
    expect(result.data.map((t) => t.language)).toEqual(expected.map((t) => t.language));
    expect(result.data.every((t) => t.name === multi?.name)).toBe(true);
    expect(await page({ name: 'no_such_template' })).toEqual({ data: [] });
  });
});
