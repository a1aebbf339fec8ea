import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../__fixtures__/manual-clock.js';
import { type NxcloudCall, sendNxcloud } from '../__fixtures__/signed-requests.js';
import { type Emulator, startEmulator } from '../start-emulator.js';

let emulator: Emulator<'nxcloud'>;
const clock = new ManualClock();

beforeAll(async () => {
  emulator = await startEmulator({ vendors: ['nxcloud'], now: clock.now, timers: clock });
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.faults.clear();
  emulator.review.set({ delayMs: 200, rules: [] });
});

function call(path: string, action: string, body: unknown, overrides: Partial<NxcloudCall> = {}) {
  const { accessKey, accessSecret } = emulator.nxcloud.config;
  return sendNxcloud({
    baseUrl: emulator.nxcloud.url,
    path: `/api/wa/${path}`,
    action,
    accessKey,
    accessSecret,
    ts: clock.now(),
    body: JSON.stringify(body),
    ...overrides,
  });
}

const common = () => ({
  appkey: emulator.nxcloud.config.appKey,
  business_phone: emulator.nxcloud.config.businessPhone,
  messaging_product: 'whatsapp',
});

/** The vendor's minimal createTemplate request, with a name of the test's own. */
const createBody = (name: string, extra: Record<string, unknown> = {}) => ({
  ...common(),
  name,
  category: 'MARKETING',
  language: 'zh_CN',
  components: [{ type: 'BODY', text: 'hello world' }],
  ...extra,
});

async function create(name: string, extra: Record<string, unknown> = {}) {
  return (await call('createTemplate', 'createTemplate', createBody(name, extra))).json() as {
    code: number;
    message: string;
    data: { id: string } | { error: Record<string, unknown> } | null;
  };
}

const statusOf = (name: string, language = 'zh_CN') => emulator.store.templates.get(name, language)?.status;

describe('NXCloud createTemplate', () => {
  it('answers the id in the vendor envelope; the template is PENDING, then APPROVED after the review delay', async () => {
    const answer = await create('normal_text');
    expect(answer).toEqual({
      code: 0,
      data: { id: expect.stringMatching(/^\d+$/) },
      message: 'Request successful',
    });
    const stored = emulator.store.templates.get('normal_text', 'zh_CN');
    expect(stored).toMatchObject({
      id: (answer.data as { id: string }).id,
      category: 'MARKETING',
      status: 'PENDING',
      components: [{ type: 'BODY', text: 'hello world' }],
    });
    const listed = await call('getTemplate', 'getTemplate', { ...common(), name: 'normal_text' });
    expect(listed.json()).toMatchObject({
      code: 0,
      data: { data: [{ name: 'normal_text', status: 'PENDING' }] },
    });

    clock.advance(199);
    expect(statusOf('normal_text')).toBe('PENDING');
    clock.advance(1);
    expect(emulator.store.templates.get('normal_text', 'zh_CN')).toMatchObject({
      status: 'APPROVED',
      rejectedReason: 'NONE',
    });
  });

  it("refuses a second template of the same name and language with Meta's code 100, subcode 2388024", async () => {
    await create('twice');
    const response = await call('createTemplate', 'createTemplate', createBody('twice'));
    expect(response.text).toContain('"code":100.0,"error_subcode":2388024.0');
    expect(response.json()).toMatchObject({
      code: 400,
      message: 'createTemplate error',
      data: { error: { code: 100, error_subcode: 2388024, type: 'OAuthException' } },
    });
    // Another language of the same name is a new template.
    expect((await create('twice', { language: 'en_US' })).code).toBe(0);
  });

  it('takes header_text as an array and body_text as an array of arrays, and refuses the flat forms', async () => {
    const components = (header: unknown, body: unknown) => [
      { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: { header_text: header } },
      { type: 'BODY', text: 'Hi {{1}}, order {{2}} shipped', example: { body_text: body } },
    ];
    expect((await create('shapes_ok', { components: components(['#1'], [['Ana', '#1']]) })).code).toBe(0);
    expect(emulator.store.templates.get('shapes_ok', 'zh_CN')?.components).toEqual([
      { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: '#1' },
      { type: 'BODY', text: 'Hi {{1}}, order {{2}} shipped', example: ['Ana', '#1'] },
    ]);
    for (const [header, body, field] of [
      ['#1', [['Ana', '#1']], 'header_text'],
      [['#1'], ['Ana', '#1'], 'body_text'],
      [['#1'], [['Ana']], 'components[1].example'],
    ] as const) {
      const answer = await create('shapes_bad', { components: components(header, body) });
      expect(answer).toMatchObject({
        code: 400,
        data: { error: { code: 100, message: 'Invalid parameter' } },
      });
      expect(JSON.stringify(answer)).toContain(field);
    }
    expect(statusOf('shapes_bad')).toBeUndefined();
  });

  it('checks names, categories and the components against Meta’s rules', async () => {
    const refused = async (name: string, extra: Record<string, unknown>) =>
      ((await create(name, extra)).data as { error: { error_user_msg: string } }).error.error_user_msg;
    expect(await refused('Bad Name', {})).toContain('lower-case');
    expect(await refused('bad_category', { category: 'TRANSACTIONAL' })).toContain('category');
    expect(await refused('no_body', { components: [{ type: 'FOOTER', text: 'x' }] })).toContain('BODY');
    expect(
      await refused('footer_variable', {
        components: [
          { type: 'BODY', text: 'x' },
          { type: 'FOOTER', text: 'Hi {{1}}' },
        ],
      }),
    ).toContain('components[1].text');
    expect(await refused('carousel', { components: [{ type: 'CAROUSEL', cards: [] }] })).toContain(
      'CAROUSEL',
    );
    // A required field missing is NXCloud's own 9000.
    const { components: _, ...withoutComponents } = createBody('no_components');
    expect((await call('createTemplate', 'createTemplate', withoutComponents)).json()).toMatchObject({
      code: 9000,
      message: 'Parameter exception: components is required',
    });
  });

  it("takes the vendor's authentication example: a body without text, the expiry footer and a copy-code button", async () => {
    const answer = await create('otp_code', {
      category: 'AUTHENTICATION',
      language: 'en_US',
      components: [
        { type: 'BODY', add_security_recommendation: true },
        { type: 'FOOTER', code_expiration_minutes: 5 },
        { type: 'BUTTONS', buttons: [{ type: 'OTP', otp_type: 'COPY_CODE', text: 'Copy Code' }] },
      ],
    });
    expect(answer.code).toBe(0);
    expect(emulator.store.templates.get('otp_code', 'en_US')?.components).toEqual([
      { type: 'BODY', addSecurityRecommendation: true },
      { type: 'FOOTER', codeExpirationMinutes: 5 },
      { type: 'BUTTONS', buttons: [{ type: 'OTP', otpType: 'COPY_CODE', text: 'Copy Code' }] },
    ]);
  });

  it('rejects names the review rules match, with their reason; rules changed at run time apply', async () => {
    emulator.review.set({ rules: [{ rejectNamesMatching: /^promo_/, reason: 'TAG_CONTENT_MISMATCH' }] });
    await create('promo_summer');
    await create('receipt_summer');
    emulator.review.set({ rules: [{ rejectNamesMatching: /^receipt_/g }] });
    clock.advance(200);
    expect(emulator.store.templates.get('promo_summer', 'zh_CN')).toMatchObject({ status: 'APPROVED' });
    expect(emulator.store.templates.get('receipt_summer', 'zh_CN')).toMatchObject({
      status: 'REJECTED',
      rejectedReason: 'INVALID_FORMAT',
    });
  });

  it('decides at once with a delay of 0', async () => {
    emulator.review.set({ delayMs: 0 });
    await create('at_once');
    expect(statusOf('at_once')).toBe('APPROVED');
    expect(emulator.review.pending).toBe(0);
  });

  it('createTemplateAsync takes the action its page prints (createTemplate) and its own', async () => {
    for (const [name, action] of [
      ['async_one', 'createTemplate'],
      ['async_two', 'createTemplateAsync'],
    ]) {
      const response = await call('createTemplateAsync', action as string, createBody(name as string));
      expect(response.json()).toMatchObject({ code: 0, data: { id: expect.any(String) } });
    }
    expect(emulator.requests.count('nxcloud', 'createTemplateAsync')).toBe(2);
  });
});

describe('NXCloud updateTemplate and deleteTemplate', () => {
  it('edits a template by id: new components and category, back to review', async () => {
    emulator.review.set({ delayMs: 0 });
    const { data } = await create('to_edit');
    const id = (data as { id: string }).id;
    expect(statusOf('to_edit')).toBe('APPROVED');
    emulator.review.set({ delayMs: 200 });
    const answer = await call('updateTemplate', 'updateTemplate', {
      ...common(),
      template_id: id,
      category: 'UTILITY',
      components: [{ type: 'BODY', text: 'hello again' }],
    });
    expect(answer.json()).toEqual({ code: 0, data: { id }, message: 'Request successful' });
    expect(emulator.store.templates.get('to_edit', 'zh_CN')).toMatchObject({
      id,
      category: 'UTILITY',
      status: 'PENDING',
      components: [{ type: 'BODY', text: 'hello again' }],
    });
    clock.advance(200);
    expect(statusOf('to_edit')).toBe('APPROVED');
  });

  it("answers an unknown template id with Meta's does-not-exist error", async () => {
    const answer = await call('updateTemplate', 'updateTemplate', {
      ...common(),
      template_id: '1',
      category: 'UTILITY',
      components: [{ type: 'BODY', text: 'x' }],
    });
    expect(answer.json()).toMatchObject({ code: 400, data: { error: { code: 100, error_subcode: 33 } } });
  });

  it('deletes every language of a name, and refuses a name it does not have', async () => {
    await create('bilingual');
    await create('bilingual', { language: 'en_US' });
    const answer = await call('deleteTemplate', 'deleteTemplate', { ...common(), name: 'bilingual' });
    expect(answer.json()).toEqual({ code: 0, data: { success: true }, message: 'Request successful' });
    expect(emulator.store.templates.named('bilingual').count).toBe(0);
    const again = await call('deleteTemplate', 'deleteTemplate', { ...common(), name: 'bilingual' });
    expect(again.json()).toMatchObject({ code: 400, data: { error: { code: 100 } } });
  });

  it('a deleted template is not reviewed later', async () => {
    await create('short_lived');
    await call('deleteTemplate', 'deleteTemplate', { ...common(), name: 'short_lived' });
    clock.advance(200);
    expect(statusOf('short_lived')).toBeUndefined();
  });
});

describe('NXCloud uploadTemplateFile', () => {
  /** A multipart body built by Node's own FormData, and its Content-Type with the boundary. */
  async function form(
    fields: Record<string, string | Blob>,
  ): Promise<{ bytes: Buffer; contentType: string }> {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) {
      if (value instanceof Blob) data.append(name, value, 'sample.png');
      else data.append(name, value);
    }
    const request = new Request('http://localhost/', { method: 'POST', body: data });
    return {
      bytes: Buffer.from(await request.arrayBuffer()),
      contentType: request.headers.get('content-type') ?? '',
    };
  }

  const png = new Blob([Buffer.from('89504e470d0a1a0a', 'hex')], { type: 'image/png' });
  const fields = () => ({
    business_phone: emulator.nxcloud.config.businessPhone,
    messaging_product: 'whatsapp',
    type: 'image/png',
    file: png,
  });

  /** Signed as the convention page says for multipart: without the body. */
  async function upload(values: Record<string, string | Blob>, overrides: Partial<NxcloudCall> = {}) {
    const { bytes, contentType } = await form(values);
    return (
      await call('uploadTemplateFile', 'uploadTemplateFile', '', {
        body: '',
        sentBody: bytes,
        contentType,
        ...overrides,
      })
    ).json() as { code: number; data: { id: string } | null; message: string };
  }

  it('answers a header handle for a file signed without the body', async () => {
    expect(await upload(fields())).toEqual({
      code: 0,
      data: { id: expect.stringMatching(/^4:[\w-]+$/) },
      message: 'Request successful',
    });
  });

  it('refuses a sign computed over the body, and a JSON Content-Type (1003)', async () => {
    const { bytes, contentType } = await form(fields());
    const overBody = await call('uploadTemplateFile', 'uploadTemplateFile', '', {
      body: bytes.toString('latin1'),
      sentBody: bytes,
      contentType,
    });
    expect((overBody.json() as { code: number }).code).toBe(1003);
    expect((await upload(fields(), { contentType: 'application/json' })).code).toBe(1003);
  });

  it('asks for each documented field (9000), a listed MIME type and a non-empty file (1002)', async () => {
    const { file: _, ...withoutFile } = fields();
    expect(await upload(withoutFile)).toMatchObject({
      code: 9000,
      message: 'Parameter exception: file is required',
    });
    expect((await upload({ ...fields(), type: 'image/gif' })).code).toBe(1002);
    expect((await upload({ ...fields(), file: new Blob([]) })).code).toBe(1002);
    expect((await upload({ ...fields(), file: 'not a file' })).code).toBe(1002);
    // An appkey is not listed, but when one is sent it must be the account's.
    expect((await upload({ ...fields(), appkey: 'other' })).code).toBe(9003);
  });
});

describe('NXCloud writes under faults and quotas', () => {
  it('a fault answers instead of the write, which does not happen', async () => {
    emulator.faults.set({ kind: 'vendor-error', vendor: 'nxcloud', operation: 'createTemplate', times: 1 });
    expect((await create('faulted')).code).toBe(-1);
    expect(statusOf('faulted')).toBeUndefined();
    expect((await create('faulted')).code).toBe(0);
  });

  it('a truncated answer hides a write that did happen', async () => {
    emulator.faults.set({ kind: 'malformed-json', vendor: 'nxcloud', operation: 'createTemplate', times: 1 });
    const response = await call('createTemplate', 'createTemplate', createBody('half_answered'));
    expect(() => response.json()).toThrow();
    expect(statusOf('half_answered')).toBe('PENDING');
  });

  it('quotas count the write operations too', async () => {
    emulator.faults.set({
      kind: 'quota',
      vendor: 'nxcloud',
      operation: 'deleteTemplate',
      requestsPerSecond: 1,
    });
    const body = { ...common(), name: 'absent_anyway' };
    expect((await call('deleteTemplate', 'deleteTemplate', body)).status).toBe(200);
    expect((await call('deleteTemplate', 'deleteTemplate', body)).status).toBe(429);
  });
});
