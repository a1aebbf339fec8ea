import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type CallbackReceiver, startCallbackReceiver } from '../__fixtures__/callback-receiver.js';
import { ManualClock } from '../__fixtures__/manual-clock.js';
import { type NxcloudCall, send, sendNxcloud } from '../__fixtures__/signed-requests.js';
import { type Emulator, startEmulator } from '../start-emulator.js';

/*
 * Requests built to the documented wire shapes of NXCloud's updateFlow and updateFlowJson pages
 * (https://github.com/nxtele/http-api-document/wiki/WhatsApp-API-updateFlow,
 * https://github.com/nxtele/http-api-document/wiki/WhatsApp-API-updateFlowJson), and, for the
 * undocumented create, getFlowJson, publish, delete and deprecate, to the body those pages
 * suggest: { appkey, business_phone, messaging_product, flow_id }.
 */

let emulator: Emulator<'nxcloud'>;
let receiver: CallbackReceiver;
const clock = new ManualClock();

beforeAll(async () => {
  receiver = await startCallbackReceiver();
  emulator = await startEmulator({
    vendors: ['nxcloud'],
    now: clock.now,
    timers: clock,
    webhooks: { nxcloud: receiver.url },
  });
});
afterAll(async () => {
  await emulator.close();
  await receiver.close();
});
beforeEach(() => {
  emulator.faults.clear();
});

type Answer = {
  code: number;
  message: string;
  data: Record<string, unknown> & { error?: Record<string, unknown> };
};

function call(operation: string, body: unknown, overrides: Partial<NxcloudCall> = {}) {
  const { accessKey, accessSecret } = emulator.nxcloud.config;
  return sendNxcloud({
    baseUrl: emulator.nxcloud.url,
    path: `/v1/wa/m/flows/${operation}`,
    action: operation,
    accessKey,
    accessSecret,
    ts: clock.now(),
    body: JSON.stringify(body),
    ...overrides,
  });
}

const answer = async (operation: string, body: unknown) => (await call(operation, body)).json() as Answer;

const common = () => ({
  appkey: emulator.nxcloud.config.appKey,
  business_phone: emulator.nxcloud.config.businessPhone,
  messaging_product: 'whatsapp',
});

async function createFlow(name: string, extra: Record<string, unknown> = {}): Promise<string> {
  const created = await answer('createFlow', { ...common(), name, categories: ['SIGN_UP'], ...extra });
  expect(created).toMatchObject({ code: 0, data: { id: expect.stringMatching(/^\d+$/) } });
  return created.data.id as string;
}

/** updateFlowJson: multipart (`flow_id`, `messaging_product`, `file`), signed without the body. */
async function uploadFlowJson(
  flowId: string,
  text: string | Buffer,
  overrides: Partial<NxcloudCall> & { fields?: Record<string, string> } = {},
) {
  const form = new FormData();
  form.append('flow_id', flowId);
  form.append('messaging_product', 'whatsapp');
  for (const [name, value] of Object.entries(overrides.fields ?? {})) form.append(name, value);
  form.append('file', new Blob([text], { type: 'application/json' }), 'flow.json');
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  const bytes = Buffer.from(await request.arrayBuffer());
  return call('updateFlowJson', '', {
    body: '',
    sentBody: bytes,
    contentType: request.headers.get('content-type') ?? '',
    ...overrides,
  });
}

/** A Flow JSON with Windows line ends, odd spacing and non-ASCII text: it must come back unchanged. */
const FLOW_JSON =
  '{\r\n  "version" :"7.0",\r\n\t"screens": [{"id": "WELCOME", "title": "Bienvenue, ça va ? 👋", "terminal": true,\r\n' +
  '   "layout": {"type": "SingleColumnLayout", "children": [{"type": "Footer", "label": "Fin",\r\n' +
  '   "on-click-action": {"name": "complete", "payload": {}}}]}}]}\r\n';

const flowCallbacks = () =>
  receiver.received
    .map(({ body }) => JSON.parse(body) as { field: string; value: Record<string, unknown> })
    .filter(({ field }) => field === 'flows');

const statusOf = (id: string) => emulator.store.flows.get(id)?.status;

/** Forgets the callbacks received so far, once those under way have arrived. */
async function forgetCallbacks(): Promise<void> {
  await emulator.webhooks.settled();
  receiver.received.length = 0;
}

describe('NXCloud createFlow', () => {
  it('answers the new id; the flow is a DRAFT that queryFlowById serves, and the flows webhook says so without old_status', async () => {
    await forgetCallbacks();
    const id = await createFlow('signup_flow', { categories: ['SIGN_UP', 'OTHER'] });
    expect(emulator.store.flows.get(id)).toMatchObject({
      name: 'signup_flow',
      status: 'DRAFT',
      categories: ['SIGN_UP', 'OTHER'],
      validationErrors: [],
    });
    const read = (
      await call('queryFlowById', { ...common(), flow_id: id }, { path: '/api/wa/queryFlowById' })
    ).json();
    expect(read).toMatchObject({ code: 0, data: { id, name: 'signup_flow', status: 'DRAFT' } });
    await emulator.webhooks.settled();
    const [created] = flowCallbacks();
    expect(created?.value).toMatchObject({ event: 'FLOW_STATUS_CHANGE', flow_id: id, new_status: 'DRAFT' });
    expect(created?.value).not.toHaveProperty('old_status');
  });

  it("refuses a name the account already has with Meta's code 100, relayed in data.error with floats", async () => {
    await createFlow('taken_name');
    const response = await call('createFlow', { ...common(), name: 'taken_name', categories: ['OTHER'] });
    expect(response.text).toContain('"code":100.0');
    expect(response.json()).toMatchObject({
      code: 400,
      message: 'createFlow error',
      data: {
        error: { code: 100, type: 'OAuthException', error_user_title: 'Flow name is not unique' },
      },
    });
    expect(emulator.store.flows.named('taken_name').count).toBe(1);
  });

  it('checks categories, endpoint_uri, the clone source and the required fields', async () => {
    const refused = async (extra: Record<string, unknown>) =>
      ((await answer('createFlow', { ...common(), name: 'checked', categories: ['OTHER'], ...extra })).data
        .error as { code: number; error_user_msg: string }) ?? { code: 0, error_user_msg: '' };
    expect(await refused({ categories: ['SHOPPING'] })).toMatchObject({ code: 100 });
    expect(await refused({ categories: [] })).toMatchObject({ code: 100 });
    expect((await refused({ categories: 'OTHER' })).error_user_msg).toContain('categories');
    expect((await refused({ endpoint_uri: 'http://plain.example/endpoint' })).error_user_msg).toContain(
      'endpoint_uri',
    );
    expect((await refused({ clone_flow_id: '1' })).error_user_msg).toContain('clone_flow_id');
    expect(emulator.store.flows.named('checked').count).toBe(0);
    const { name: _, ...withoutName } = { ...common(), name: 'x', categories: ['OTHER'] };
    expect(await answer('createFlow', withoutName)).toMatchObject({ code: 9000 });
    const { business_phone: __, ...withoutPhone } = { ...common(), name: 'x', categories: ['OTHER'] };
    expect(await answer('createFlow', withoutPhone)).toMatchObject({ code: 9000 });
  });

  it('a clone starts with a copy of its source’s Flow JSON, and keeps the endpoint asked for', async () => {
    const source = await createFlow('clone_source');
    await uploadFlowJson(source, FLOW_JSON);
    const clone = await createFlow('clone_copy', {
      clone_flow_id: source,
      endpoint_uri: 'https://flows.example.com/endpoint',
    });
    expect(emulator.flows.json(clone)).toBe(FLOW_JSON);
    expect(emulator.store.flows.get(clone)).toMatchObject({
      status: 'DRAFT',
      jsonVersion: '7.0',
      endpointUri: 'https://flows.example.com/endpoint',
    });
  });
});

describe('NXCloud updateFlowJson and getFlowJson', () => {
  it('takes a multipart upload signed without the body, and serves the file back byte for byte', async () => {
    const id = await createFlow('json_round_trip');
    const uploaded = (await uploadFlowJson(id, FLOW_JSON)).json();
    expect(uploaded).toEqual({ code: 0, message: 'Success', data: { success: true, validation_errors: [] } });
    const assets = await answer('getFlowJson', { ...common(), flow_id: id });
    expect(assets).toEqual({
      code: 0,
      message: 'Success',
      data: {
        data: [
          {
            name: 'flow.json',
            asset_type: 'FLOW_JSON',
            download_url: `${emulator.nxcloud.url}/assets/flows/${id}/flow.json`,
          },
        ],
      },
    });
    const url = (assets.data.data as Array<{ download_url: string }>)[0]?.download_url ?? '';
    // A plain, unsigned GET, as Meta's download links are.
    const downloaded = await send(url, { method: 'GET' });
    expect(downloaded.status).toBe(200);
    expect(downloaded.headers['content-type']).toBe('application/json');
    expect(downloaded.text).toBe(FLOW_JSON);
    expect(emulator.requests.count('nxcloud', 'downloadFlowJson')).toBeGreaterThan(0);
    // The same body-less signature with SHA-256.
    const sha256 = (await uploadFlowJson(id, FLOW_JSON, { algorithm: 'sha256' })).json();
    expect(sha256).toMatchObject({ code: 0, data: { success: true } });
  });

  it("answers the emulator's own validation errors in Meta's shape, and keeps them on the flow", async () => {
    const id = await createFlow('json_with_errors');
    const broken = JSON.stringify(
      {
        version: '7.0',
        screens: [
          {
            id: 'FIRST',
            layout: {
              type: 'SingleColumnLayout',
              children: [{ type: 'Footer', 'on-click-action': { name: 'navigate', next: { name: 'GONE' } } }],
            },
          },
        ],
      },
      null,
      2,
    );
    const uploaded = (await uploadFlowJson(id, broken)).json() as Answer;
    expect(uploaded).toMatchObject({ code: 0, data: { success: true } });
    const errors = uploaded.data.validation_errors as Array<Record<string, unknown>>;
    expect(errors.map((error) => error.error)).toEqual(['NO_TERMINAL_SCREEN', 'NAVIGATE_TARGET_NOT_FOUND']);
    expect(Object.keys(errors[1] ?? {})).toEqual([
      'error',
      'error_type',
      'message',
      'line_start',
      'line_end',
      'column_start',
      'column_end',
      'pointers',
    ]);
    expect(errors[1]?.pointers).toEqual([
      {
        line_start: 14,
        line_end: 14,
        column_start: 25,
        column_end: 31,
        path: 'screens[0].layout.children[0].on-click-action.next.name',
      },
    ]);
    const read = (
      await call('queryFlowById', { ...common(), flow_id: id }, { path: '/api/wa/queryFlowById' })
    ).json();
    expect((read as Answer).data.validation_errors).toEqual(errors);
    // A flow with validation errors cannot be published.
    expect((await answer('publishFlow', { ...common(), flow_id: id })).data.error).toMatchObject({
      code: 139002,
      error_user_title: 'Publishing Flow with validation errors',
    });
    // Fixing the JSON clears them.
    expect((await uploadFlowJson(id, FLOW_JSON)).json()).toMatchObject({ data: { validation_errors: [] } });
    expect((await answer('publishFlow', { ...common(), flow_id: id })).code).toBe(0);
  });

  it('refuses a sign over the body (1003) and asks for the file (9000); a wrong number is 9006', async () => {
    const id = await createFlow('json_checks');
    const overBody = await uploadFlowJson(id, FLOW_JSON, { body: 'signed-as-if-json' });
    expect((overBody.json() as Answer).code).toBe(1003);
    const form = new FormData();
    form.append('flow_id', id);
    form.append('messaging_product', 'whatsapp');
    const request = new Request('http://localhost/', { method: 'POST', body: form });
    const withoutFile = await call('updateFlowJson', '', {
      body: '',
      sentBody: Buffer.from(await request.arrayBuffer()),
      contentType: request.headers.get('content-type') ?? '',
    });
    expect(withoutFile.json()).toMatchObject({
      code: 9000,
      message: 'Parameter exception: file is required',
    });
    const wrongPhone = await uploadFlowJson(id, FLOW_JSON, { fields: { business_phone: '8610000000000' } });
    expect((wrongPhone.json() as Answer).code).toBe(9006);
    expect(emulator.flows.json(id)).not.toBe(FLOW_JSON);
  });

  it('takes a Flow JSON over 1 MiB, and refuses one over 10 MB', async () => {
    const id = await createFlow('json_sizes');
    const padded = (size: number) => {
      const head = FLOW_JSON.trimEnd();
      return `${head}${' '.repeat(size - head.length)}`;
    };
    const big = padded(2 * 1024 * 1024);
    expect((await uploadFlowJson(id, big)).json()).toMatchObject({
      code: 0,
      data: { validation_errors: [] },
    });
    expect(emulator.flows.json(id)).toBe(big);
    const tooBig = (await uploadFlowJson(id, padded(10 * 1024 * 1024 + 1))).json() as Answer;
    expect(tooBig).toMatchObject({ code: 400, data: { error: { code: 100 } } });
    expect(emulator.flows.json(id)).toBe(big);
  });

  it('serves the generated starting document of a flow that never had one, and 404 for an unknown flow', async () => {
    const seeded = '3603023670018851';
    const assets = await answer('getFlowJson', { ...common(), flow_id: seeded });
    const url = (assets.data.data as Array<{ download_url: string }>)[0]?.download_url ?? '';
    const document = JSON.parse((await send(url, { method: 'GET' })).text);
    expect(document).toMatchObject({ version: '3.0', screens: [{ id: 'WELCOME_SCREEN', terminal: true }] });
    expect(emulator.flows.validate(document)).toEqual([]);
    expect((await send(`${emulator.nxcloud.url}/assets/flows/1/flow.json`, { method: 'GET' })).status).toBe(
      404,
    );
    expect(await answer('getFlowJson', { ...common(), flow_id: '1' })).toMatchObject({
      code: 400,
      data: { error: { code: 100, error_subcode: 33 } },
    });
  });
});

describe("NXCloud flow transitions (Meta's state machine)", () => {
  const write = (operation: string, id: string) => answer(operation, { ...common(), flow_id: id });

  it('create → publish → deprecate, each status change posted; deleting or deprecating out of turn is refused', async () => {
    const id = await createFlow('lifecycle');
    await forgetCallbacks();

    expect(await write('deprecateFlow', id)).toMatchObject({
      code: 400,
      message: 'deprecateFlow error',
      data: { error: { code: 139003, error_user_title: "Can't deprecate unpublished flow" } },
    });
    expect(await write('publishFlow', id)).toEqual({ code: 0, message: 'Success', data: { success: true } });
    expect(statusOf(id)).toBe('PUBLISHED');
    expect(await write('publishFlow', id)).toMatchObject({
      data: { error: { code: 139002, error_user_title: 'Publishing Flow in invalid state' } },
    });
    expect(await write('deleteFlow', id)).toMatchObject({
      data: { error: { code: 139004, error_user_title: "Can't delete published Flow" } },
    });
    expect(await write('deprecateFlow', id)).toEqual({
      code: 0,
      message: 'Success',
      data: { success: true },
    });
    expect(statusOf(id)).toBe('DEPRECATED');
    expect(await write('deprecateFlow', id)).toMatchObject({
      data: { error: { code: 139003, error_user_title: 'Flow is already deprecated' } },
    });

    await emulator.webhooks.settled();
    expect(flowCallbacks().map(({ value }) => [value.old_status, value.new_status])).toEqual([
      ['DRAFT', 'PUBLISHED'],
      ['PUBLISHED', 'DEPRECATED'],
    ]);
    expect(flowCallbacks()[0]?.value.message).toBe('Flow lifecycle changed status from DRAFT to PUBLISHED');
  });

  it('a DEPRECATED flow can no longer be changed: 139001 with the subcode of the vendor’s example', async () => {
    const id = await createFlow('final_flow');
    await write('publishFlow', id);
    await write('deprecateFlow', id);
    const update = await call('updateFlow', { ...common(), flow_id: id, name: 'renamed' });
    expect(update.text).toContain('"code":139001.0,"error_subcode":4016010.0');
    expect(update.json()).toMatchObject({
      code: 400,
      message: 'updateFlow error',
      data: { error: { message: 'Updating attempt failed', error_user_title: "Flow can't be updated" } },
    });
    expect(((await uploadFlowJson(id, FLOW_JSON)).json() as Answer).data.error).toMatchObject({
      code: 139001,
    });
    expect(emulator.store.flows.get(id)?.name).toBe('final_flow');
  });

  it('updateFlow changes name, categories and endpoint; a published flow goes back to DRAFT', async () => {
    const id = await createFlow('to_update');
    await write('publishFlow', id);
    await forgetCallbacks();
    // The page's example sends business_phone, its table does not: both are taken.
    const { business_phone: _, ...withoutPhone } = common();
    const updated = await answer('updateFlow', {
      ...withoutPhone,
      flow_id: id,
      name: 'updated_name',
      categories: ['SURVEY'],
      endpoint_uri: 'https://flows.example.com/survey',
    });
    expect(updated).toEqual({ code: 0, message: 'Success', data: { success: true } });
    expect(emulator.store.flows.get(id)).toMatchObject({
      name: 'updated_name',
      categories: ['SURVEY'],
      endpointUri: 'https://flows.example.com/survey',
      status: 'DRAFT',
    });
    await emulator.webhooks.settled();
    expect(flowCallbacks().map(({ value }) => value.new_status)).toEqual(['DRAFT']);
    // A published flow's new Flow JSON sends it back to DRAFT too.
    await write('publishFlow', id);
    await uploadFlowJson(id, FLOW_JSON);
    expect(statusOf(id)).toBe('DRAFT');
  });

  it('updateFlow refuses a taken name, bad values, an empty change and a foreign number', async () => {
    const id = await createFlow('update_checks');
    await createFlow('someone_else');
    const refusal = async (body: Record<string, unknown>) =>
      (await answer('updateFlow', { ...common(), flow_id: id, ...body })).data.error;
    expect(await refusal({ name: 'someone_else' })).toMatchObject({
      code: 100,
      error_user_title: 'Flow name is not unique',
    });
    // Its own name is no conflict.
    expect((await answer('updateFlow', { ...common(), flow_id: id, name: 'update_checks' })).code).toBe(0);
    expect(await refusal({ categories: ['NOPE'] })).toMatchObject({ code: 100 });
    expect(await refusal({ endpoint_uri: 'not a url' })).toMatchObject({ code: 100 });
    expect(await refusal({})).toMatchObject({ code: 100 });
    expect(
      await answer('updateFlow', { ...common(), business_phone: '8610000000000', flow_id: id, name: 'x' }),
    ).toMatchObject({
      code: 9006,
    });
    expect(await answer('updateFlow', { ...common(), flow_id: '1', name: 'x' })).toMatchObject({
      data: { error: { code: 100, error_subcode: 33 } },
    });
  });

  it('deleteFlow removes a DRAFT and its Flow JSON; the flow is then unknown', async () => {
    const id = await createFlow('short_lived');
    await uploadFlowJson(id, FLOW_JSON);
    expect(await write('deleteFlow', id)).toEqual({ code: 0, message: 'Success', data: { success: true } });
    expect(emulator.store.flows.get(id)).toBeUndefined();
    expect(emulator.flows.json(id)).toBeUndefined();
    expect(await write('deleteFlow', id)).toMatchObject({
      data: { error: { code: 100, error_subcode: 33 } },
    });
    // Its name is free again.
    expect(await createFlow('short_lived')).not.toBe(id);
  });

  it('takes only the action named after the path', async () => {
    const id = await createFlow('actions');
    const wrongAction = await call('publishFlow', { ...common(), flow_id: id }, { action: 'updateFlow' });
    expect((wrongAction.json() as Answer).code).toBe(1002);
    expect(statusOf(id)).toBe('DRAFT');
  });
});

describe('NXCloud flow writes under faults and quotas', () => {
  it('a fault answers instead of the write, which does not happen', async () => {
    const id = await createFlow('faulted');
    emulator.faults.set({ kind: 'vendor-error', vendor: 'nxcloud', operation: 'publishFlow', times: 1 });
    expect((await answer('publishFlow', { ...common(), flow_id: id })).code).toBe(-1);
    expect(statusOf(id)).toBe('DRAFT');
    expect((await answer('publishFlow', { ...common(), flow_id: id })).code).toBe(0);
  });

  it('quotas count the flow writes and the downloads', async () => {
    emulator.faults.set([
      { kind: 'quota', vendor: 'nxcloud', operation: 'createFlow', requestsPerSecond: 1 },
      { kind: 'http-error', status: 503, vendor: 'nxcloud', operation: 'downloadFlowJson', times: 1 },
    ]);
    expect((await call('createFlow', { ...common(), name: 'quota_one', categories: ['OTHER'] })).status).toBe(
      200,
    );
    expect((await call('createFlow', { ...common(), name: 'quota_two', categories: ['OTHER'] })).status).toBe(
      429,
    );
    expect(emulator.store.flows.named('quota_two').count).toBe(0);
    const url = `${emulator.nxcloud.url}/assets/flows/3603023670018851/flow.json`;
    expect((await send(url, { method: 'GET' })).status).toBe(503);
    expect((await send(url, { method: 'GET' })).status).toBe(200);
  });
});
