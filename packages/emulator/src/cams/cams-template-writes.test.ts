import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../__fixtures__/manual-clock.js';
import { sendCams } from '../__fixtures__/signed-requests.js';
import { type Emulator, startEmulator } from '../start-emulator.js';

let emulator: Emulator<'cams'>;
// The signature check wants x-acs-date near the emulator's clock: start it now.
const clock = new ManualClock(Date.now());

beforeAll(async () => {
  emulator = await startEmulator({ vendors: ['cams'], now: clock.now, timers: clock });
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.faults.clear();
  emulator.review.set({ delayMs: 200, rules: [] });
});

type Answer = { Code: string; Message: string; Data?: Record<string, string> };

/** A CAMS call as the official SDK 1.4.2 places its parameters: a form body, or the query alone. */
async function cams(action: string, params: Record<string, string>, placement: 'form' | 'query' = 'form') {
  const { accessKeyId, accessKeySecret, custSpaceId } = emulator.cams.config;
  const all = { CustSpaceId: custSpaceId, ...params };
  const response = await sendCams({
    endpoint: emulator.cams.endpoint,
    accessKeyId,
    accessKeySecret,
    action,
    date: new Date(clock.now()),
    ...(placement === 'form' ? { form: all } : { query: all }),
  });
  return { status: response.status, body: response.json() as Answer };
}

const bodyOnly = JSON.stringify([{ Type: 'BODY', Text: 'Hi {{1}}, your order {{2}} has shipped.' }]);
const example = JSON.stringify({ '{{1}}': 'Bob', '{{2}}': '#1042' });

const create = (name: string, extra: Record<string, string> = {}) =>
  cams('CreateChatappTemplate', {
    Name: name,
    Language: 'en_US',
    Category: 'UTILITY',
    TemplateType: 'WHATSAPP',
    Components: bodyOnly,
    Example: example,
    ...extra,
  });

const stored = (name: string, language = 'en_US') => emulator.store.templates.get(name, language);

describe('CAMS CreateChatappTemplate', () => {
  it('answers the TemplateCode; the template is auditing, then pass after the review delay', async () => {
    const { status, body } = await create('order_shipped');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      Code: 'OK',
      Data: { TemplateCode: expect.stringMatching(/^[0-9a-f]{32}$/), TemplateName: 'order_shipped' },
    });
    expect(stored('order_shipped')).toMatchObject({
      code: body.Data?.TemplateCode,
      status: 'PENDING',
      components: [
        { type: 'BODY', text: 'Hi {{1}}, your order {{2}} has shipped.', example: ['Bob', '#1042'] },
      ],
    });
    const detail = await cams(
      'GetChatappTemplateDetail',
      { TemplateCode: body.Data?.TemplateCode ?? '', Language: 'en_US' },
      'query',
    );
    expect(detail.body.Data).toMatchObject({ AuditStatus: 'auditing', Example: JSON.parse(example) });
    clock.advance(200);
    expect(stored('order_shipped')?.status).toBe('APPROVED');
  });

  it('shares the TemplateCode between the languages of one name, as CAMS does', async () => {
    const english = await create('bilingual');
    const spanish = await create('bilingual', { Language: 'es' });
    expect(spanish.body.Data?.TemplateCode).toBe(english.body.Data?.TemplateCode);
  });

  it('refuses a name that exists in that language with InvalidParameter.TemplateNameExist', async () => {
    await create('taken');
    const { status, body } = await create('taken');
    expect({ status, code: body.Code }).toEqual({ status: 400, code: 'InvalidParameter.TemplateNameExist' });
  });

  it('answers broken content with the codes CAMS documents for it', async () => {
    const code = async (extra: Record<string, string>) => (await create('content_check', extra)).body.Code;
    const components = (...parts: unknown[]) => JSON.stringify([{ Type: 'BODY', Text: 'x' }, ...parts]);
    expect(await code({ Components: components({ Type: 'FOOTER', Text: 'Hi {{1}}' }) })).toBe(
      'InvalidParameter.FooterHaveVariable',
    );
    expect(
      await code({ Components: components({ Type: 'HEADER', Format: 'TEXT', Text: '{{1}} {{2}}' }) }),
    ).toBe('InvalidParameter.HeaderMoreVariable');
    expect(await code({ Components: components({ Type: 'HEADER', Format: 'STICKER' }) })).toBe(
      'InvalidParameter.HeaderTypeNotSupport',
    );
    const buttons = (button: unknown) => components({ Type: 'BUTTONS', Buttons: [button] });
    expect(await code({ Components: buttons({ Type: 'QUICK_REPLY', Text: 'Hi {{1}}' }) })).toBe(
      'InvalidParameter.ButtonTextHaveVariable',
    );
    expect(
      await code({ Components: buttons({ Type: 'URL', Text: 'Go', Url: 'https://a.example/{{1}}/{{2}}' }) }),
    ).toBe('InvalidParameter.UrlMoreVariable');
    expect(await code({ Components: '[{"Type":"BODY"' })).toBe('InvalidParameter.MessageInvalid');
    expect(await code({ Example: '{}' })).toBe('InvalidParameter.MessageInvalid');
    expect(await code({ Language: 'English' })).toBe('InvalidParameter.LanguageNotSupport');
    expect(await code({ TemplateType: 'VIBER' })).toBe('InvalidParameter.TemplateTypeNotSupport');
    expect(await code({ Components: '' })).toBe('MissingParameter');
    expect(stored('content_check')).toBeUndefined();
  });

  it('reads authentication buttons without an OTP wrapper, and HasExpiration in create’s spelling', async () => {
    await create('login_code', {
      Category: 'AUTHENTICATION',
      Components: JSON.stringify([
        { Type: 'BODY', AddSecretRecommendation: true },
        { Type: 'FOOTER', CodeExpirationMinutes: 10 },
        {
          Type: 'BUTTONS',
          Buttons: [
            {
              Type: 'ONE_TAP',
              Text: 'Autofill',
              AutofillText: 'Fill',
              PackageName: 'com.example',
              SignatureHash: 'K8a',
            },
          ],
        },
      ]),
      Example: '',
    });
    expect(stored('login_code')?.components).toEqual([
      { type: 'BODY', addSecurityRecommendation: true },
      { type: 'FOOTER', codeExpirationMinutes: 10 },
      {
        type: 'BUTTONS',
        buttons: [
          {
            type: 'OTP',
            otpType: 'ONE_TAP',
            text: 'Autofill',
            autofillText: 'Fill',
            packageName: 'com.example',
            signatureHash: 'K8a',
          },
        ],
      },
    ]);
    await create('offer', {
      Category: 'MARKETING',
      Components: JSON.stringify([
        { Type: 'LIMITED_TIME_OFFER', Text: 'Ends soon', HasExpiration: true },
        { Type: 'BODY', Text: 'Sale' },
      ]),
      Example: '',
    });
    expect(stored('offer')?.components[0]).toEqual({
      type: 'LIMITED_TIME_OFFER',
      text: 'Ends soon',
      hasExpiration: true,
    });
  });
});

describe('CAMS ModifyChatappTemplate and DeleteChatappTemplate', () => {
  const modify = (code: string, extra: Record<string, string> = {}) =>
    cams('ModifyChatappTemplate', {
      TemplateCode: code,
      Language: 'en_US',
      TemplateType: 'WHATSAPP',
      Components: JSON.stringify([{ Type: 'BODY', Text: 'Edited' }]),
      ...extra,
    });

  it('modifies a template pending review or rejected, which goes back to review', async () => {
    emulator.review.set({ rules: [{ rejectNamesMatching: /^refused_/, reason: 'INVALID_FORMAT' }] });
    const pending = (await create('still_pending')).body.Data?.TemplateCode ?? '';
    const rejected = (await create('refused_once')).body.Data?.TemplateCode ?? '';
    clock.advance(150);
    expect((await modify(pending)).body).toMatchObject({
      Code: 'OK',
      Data: { TemplateName: 'still_pending' },
    });
    clock.advance(50);
    expect(stored('still_pending')).toMatchObject({ status: 'PENDING', components: [{ text: 'Edited' }] });
    expect(stored('refused_once')).toMatchObject({ status: 'REJECTED', rejectedReason: 'INVALID_FORMAT' });
    emulator.review.set({ rules: [] });
    expect((await modify(rejected)).body.Code).toBe('OK');
    clock.advance(200);
    expect(stored('still_pending')?.status).toBe('APPROVED');
    expect(stored('refused_once')).toMatchObject({ status: 'APPROVED', rejectedReason: 'NONE' });
  });

  it('refuses to modify an approved template, as CAMS does', async () => {
    emulator.review.set({ delayMs: 0 });
    const code = (await create('approved_already')).body.Data?.TemplateCode ?? '';
    const { status, body } = await modify(code);
    expect(status).toBe(400);
    expect(body).toMatchObject({
      Code: 'InvalidParameter.ModifyError',
      Message: expect.stringContaining('pass'),
    });
    expect(stored('approved_already')?.components).toEqual([
      { type: 'BODY', text: 'Hi {{1}}, your order {{2}} has shipped.', example: ['Bob', '#1042'] },
    ]);
  });

  it('deletes one language by TemplateCode (parameters in the query, as the SDK sends them)', async () => {
    const code = (await create('two_languages')).body.Data?.TemplateCode ?? '';
    await create('two_languages', { Language: 'es' });
    const deleted = await cams('DeleteChatappTemplate', { TemplateCode: code, Language: 'en_US' }, 'query');
    expect(deleted.body.Code).toBe('OK');
    expect(stored('two_languages')).toBeUndefined();
    expect(stored('two_languages', 'es')).toBeDefined();
    const again = await cams('DeleteChatappTemplate', { TemplateCode: code, Language: 'en_US' }, 'query');
    expect({ status: again.status, code: again.body.Code }).toEqual({
      status: 400,
      code: 'DelError.TemplateNotExist',
    });
    const byName = await cams(
      'DeleteChatappTemplate',
      { TemplateName: 'two_languages', Language: 'es' },
      'query',
    );
    expect(byName.body.Code).toBe('OK');
    expect((await cams('DeleteChatappTemplate', { TemplateCode: code }, 'query')).body.Code).toBe(
      'MissingParameter',
    );
  });
});

describe('CAMS writes under faults and quotas', () => {
  it('a quota on CreateChatappTemplate answers System.LimitControl and creates nothing', async () => {
    emulator.faults.set({
      kind: 'quota',
      vendor: 'cams',
      operation: 'CreateChatappTemplate',
      requestsPerSecond: 1,
    });
    expect((await create('quota_one')).body.Code).toBe('OK');
    const throttled = await create('quota_two');
    expect({ status: throttled.status, code: throttled.body.Code }).toEqual({
      status: 400,
      code: 'System.LimitControl',
    });
    expect(stored('quota_two')).toBeUndefined();
  });
});
