import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CamsCall, send, sendCams } from '../__fixtures__/signed-requests.js';
import { type Emulator, startEmulator } from '../start-emulator.js';

// The gateway behaviour the official SDK never exercises, checked with hand-signed requests.

let emulator: Emulator<'cams'>;
const clock = Date.parse('2025-03-01T08:00:00Z');

beforeAll(async () => {
  emulator = await startEmulator({ vendors: ['cams'], now: () => clock });
});
afterAll(() => emulator.close());

function call(action: string, overrides: Partial<CamsCall> = {}) {
  const { accessKeyId, accessKeySecret, endpoint } = emulator.cams.config;
  return sendCams({ endpoint, accessKeyId, accessKeySecret, action, date: new Date(clock), ...overrides });
}
const custSpaceId = () => emulator.cams.config.custSpaceId;
const listTemplates = (query: Record<string, string>, overrides: Partial<CamsCall> = {}) =>
  call('ListChatappTemplate', { query: { CustSpaceId: custSpaceId(), ...query }, ...overrides });

interface CamsBody {
  RequestId: string;
  Code: string;
  Message: string;
  HostId?: string;
  Recommend?: string;
  [field: string]: unknown;
}
const bodyOf = async (
  response: Promise<{ status: number; json(): unknown }>,
): Promise<CamsBody & { status: number }> => {
  const answer = await response;
  return { ...(answer.json() as CamsBody), status: answer.status };
};

describe('CAMS signature V3 check', () => {
  it('accepts a hand-signed request with parameters in the form body', async () => {
    const answer = await bodyOf(call('GetFlow', { form: { FlowId: '3603023670018851' } }));
    expect(answer).toMatchObject({ status: 200, Code: 'OK', Data: { FlowName: 'flows_hqq_008' } });
  });

  it('encodes query values per RFC 3986 in the canonical request', async () => {
    const answer = await bodyOf(
      listTemplates({ Name: "it's (a) *test* ~ok~", Page: '{"Index":1,"Size":5}' }),
    );
    expect(answer).toMatchObject({ status: 200, Code: 'OK', Total: 0 });
  });

  it('rejects a replayed nonce: SignatureNonceUsed', async () => {
    const first = await bodyOf(call('ListFlow', { nonce: 'replayed-nonce' }));
    expect(first.Code).toBe('OK');
    const again = await bodyOf(call('ListFlow', { nonce: 'replayed-nonce' }));
    expect(again).toMatchObject({ status: 400, Code: 'SignatureNonceUsed' });
  });

  it('accepts x-acs-date within 15 minutes of its clock, and rejects it outside', async () => {
    expect((await bodyOf(call('ListFlow', { date: new Date(clock - 15 * 60_000) }))).Code).toBe('OK');
    expect((await bodyOf(call('ListFlow', { date: new Date(clock + 14 * 60_000) }))).Code).toBe('OK');
    const late = await bodyOf(call('ListFlow', { date: new Date(clock - 16 * 60_000) }));
    expect(late).toMatchObject({ status: 400, Code: 'InvalidTimeStamp.Expired' });
  });

  it('checks x-acs-content-sha256 against the body received', async () => {
    const answer = await bodyOf(call('GetFlow', { form: { FlowId: '1' }, sentBody: 'FlowId=2' }));
    expect(answer).toMatchObject({ status: 400, Code: 'SignatureDoesNotMatch' });
  });

  it('rejects a wrong secret with the server string to sign, and never echoes the secret', async () => {
    const answer = await bodyOf(call('ListFlow', { accessKeySecret: 'wrong-secret' }));
    expect(answer).toMatchObject({ status: 400, Code: 'SignatureDoesNotMatch' });
    expect(answer.Message).toMatch(/server string to sign is:ACS3-HMAC-SHA256\n[0-9a-f]{64}$/);
    expect(JSON.stringify(answer)).not.toContain(emulator.cams.config.accessKeySecret);
  });

  it('answers IncompleteSignature when Authorization is missing or an x-acs header is not signed', async () => {
    expect(await bodyOf(call('ListFlow', { omit: ['authorization'] }))).toMatchObject({
      status: 400,
      Code: 'IncompleteSignature',
    });
    expect(await bodyOf(call('ListFlow', { unsigned: ['x-acs-signature-nonce'] }))).toMatchObject({
      status: 400,
      Code: 'IncompleteSignature',
    });
    expect(await bodyOf(call('ListFlow', { omit: ['x-acs-date'] }))).toMatchObject({
      status: 400,
      Code: 'MissingParameter',
    });
  });

  it('checks the version and the action', async () => {
    expect(await bodyOf(call('ListFlow', { version: '2017-05-25' }))).toMatchObject({
      status: 400,
      Code: 'InvalidVersion',
    });
    expect(await bodyOf(call('SendChatappMessage'))).toMatchObject({
      status: 404,
      Code: 'InvalidAction.NotFound',
    });
  });

  it('puts a RequestId, HostId and Recommend in every error', async () => {
    const answer = await bodyOf(call('ListFlow', { accessKeyId: 'LTAIunknown' }));
    expect(answer).toEqual({
      status: 400,
      RequestId: expect.stringMatching(/^[0-9A-F-]{36}$/),
      HostId: emulator.cams.endpoint,
      Code: 'InvalidAccessKeyId.NotFound',
      Message: 'Specified access key is not found.',
      Recommend: expect.stringContaining('InvalidAccessKeyId.NotFound'),
    });
    expect((await send(`${emulator.cams.url}/`, { method: 'POST' })).headers['x-acs-request-id']).toEqual(
      expect.any(String),
    );
  });
});

describe('CAMS parameters', () => {
  it('requires CustSpaceId on template operations, and the configured one', async () => {
    expect(await bodyOf(call('ListChatappTemplate'))).toMatchObject({
      status: 400,
      Code: 'MissingParameter',
    });
    expect(await bodyOf(listTemplates({ CustSpaceId: 'someone-else' }))).toMatchObject({
      status: 400,
      Code: 'Unknown.ResourceOwnerId',
    });
    // Optional on flow operations.
    expect((await bodyOf(call('GetFlow', { form: { FlowId: '3603023670018851' } }))).Code).toBe('OK');
  });

  it('answers InvalidParameter.PageInvalid for a Page that is not a valid JSON page', async () => {
    for (const page of ['{"Index":0,"Size":10}', '{"Index":1,"Size":1000}', 'page-two', '[1,10]']) {
      expect(await bodyOf(listTemplates({ Page: page }))).toMatchObject({
        status: 400,
        Code: 'InvalidParameter.PageInvalid',
      });
    }
  });

  it('filters templates by Name, Category, Code and TemplateType', async () => {
    const stored = emulator.store.templates.list();
    const named = stored.find((t, _, all) => all.filter((other) => other.name === t.name).length > 1);
    const byName = await bodyOf(listTemplates({ Name: named?.name ?? '' }));
    expect(byName.Total).toBe(stored.filter((t) => t.name === named?.name).length);
    expect(byName.Total).toBeGreaterThan(1);

    const auth = await bodyOf(listTemplates({ Category: 'AUTHENTICATION', Page: '{"Index":1,"Size":100}' }));
    expect(auth.Total).toBe(stored.filter((t) => t.category === 'AUTHENTICATION').length);

    const byCode = await bodyOf(listTemplates({ Code: named?.code ?? '' }));
    expect(
      (byCode.ListTemplate as Array<{ TemplateCode: string }>).every((t) => t.TemplateCode === named?.code),
    ).toBe(true);

    expect((await bodyOf(listTemplates({ TemplateType: 'VIBER' }))).Total).toBe(0);
    expect(await bodyOf(listTemplates({ TemplateType: 'SMS' }))).toMatchObject({
      Code: 'InvalidParameter.TemplateTypeNotSupport',
    });
    expect(await bodyOf(listTemplates({ AuditStatus: 'approved-ish' }))).toMatchObject({
      Code: 'InvalidParameter.AuditStatusNotSupport',
    });
  });

  it('renders a stored status named like an Object.prototype property as that word', async () => {
    emulator.store.templates.add({
      name: 'status_named_like_a_property',
      language: 'en_US',
      category: 'UTILITY',
      status: 'constructor',
      components: [{ type: 'BODY', text: 'Hello' }],
    });
    try {
      const listed = await bodyOf(listTemplates({ Name: 'status_named_like_a_property' }));
      expect(listed.ListTemplate).toEqual([expect.objectContaining({ AuditStatus: 'constructor' })]);
    } finally {
      emulator.store.templates.remove('status_named_like_a_property');
    }
  });

  it('needs Language and a template code or name for a detail', async () => {
    const detail = (query: Record<string, string>) =>
      bodyOf(call('GetChatappTemplateDetail', { query: { CustSpaceId: custSpaceId(), ...query } }));
    expect(await detail({ TemplateName: 'normal_text3' })).toMatchObject({ Code: 'MissingParameter' });
    expect(await detail({ Language: 'en_US' })).toMatchObject({ Code: 'MissingParameter' });
    expect(await detail({ TemplateName: 'normal_text3', Language: 'es' })).toMatchObject({
      status: 400,
      Code: 'DetailError.TemplateNotExist',
    });
  });

  it('answers an unknown flow with DetailError.FlowNotExist', async () => {
    expect(await bodyOf(call('GetFlow', { form: { FlowId: '42' } }))).toMatchObject({
      status: 400,
      Code: 'DetailError.FlowNotExist',
    });
    expect(await bodyOf(call('GetFlowPreviewUrl', { form: {} }))).toMatchObject({
      status: 400,
      Code: 'MissingParameter',
    });
  });
});
