import { inspect } from 'node:util';
import {
  BspError,
  ConflictError,
  InvalidRequestError,
  ProviderUnavailableError,
  ResponseFormatError,
} from '@whatsapp-bsp/core';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { failure, success } from '../__fixtures__/nxcloud-built-payloads.js';
import {
  BASE_URL,
  callContext,
  captureRequests,
  expectSignedRequest,
  TEST_OPTIONS,
} from '../__fixtures__/nxcloud-test-support.js';
import { nxcloud } from '../nxcloud-provider.js';
import {
  createdFlow,
  relayedWithCode400,
  relayedWithCode9099,
  UPDATE_FLOW_SUCCESS,
} from './__fixtures__/nxcloud-flow-write-payloads.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const FLOW_ID = '2357068888014486';
const provider = () => nxcloud(TEST_OPTIONS);

async function rejection(call: Promise<unknown>): Promise<BspError> {
  const error = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(BspError.isInstance(error)).toBe(true);
  const bspError = error as BspError;
  // No error leaks the secret, whichever way it is printed.
  for (const printed of [bspError.message, JSON.stringify(bspError), inspect(bspError, { depth: 8 })]) {
    expect(printed).not.toContain(TEST_OPTIONS.accessSecret);
  }
  return bspError;
}

describe('flows.doUpdate (updateFlow)', () => {
  it('posts a signed updateFlow with appkey, flow_id, messaging_product and only the name given', async () => {
    const scope = nock(BASE_URL).post('/v1/wa/m/flows/updateFlow').reply(200, UPDATE_FLOW_SUCCESS);
    const requests = captureRequests(scope);

    const result = await provider().flows.doUpdate!({ id: FLOW_ID, name: 'lead_form_v2' }, callContext());

    expect(requests).toHaveLength(1);
    expectSignedRequest(requests[0]!, 'updateFlow');
    expect(JSON.parse(requests[0]!.body)).toEqual({
      appkey: TEST_OPTIONS.appKey,
      flow_id: FLOW_ID,
      messaging_product: 'whatsapp',
      name: 'lead_form_v2',
    });
    expect(result).toEqual({ value: { id: FLOW_ID }, httpStatusCode: 200 });
  });

  it('sends categories and endpoint_uri when given, and no field that was not', async () => {
    const scope = nock(BASE_URL).post('/v1/wa/m/flows/updateFlow').reply(200, UPDATE_FLOW_SUCCESS);
    const requests = captureRequests(scope);

    await provider().flows.doUpdate!(
      { id: FLOW_ID, categories: ['SIGN_UP', 'OTHER'], endpointUri: 'https://shop.example/flow' },
      callContext(),
    );

    expect(JSON.parse(requests[0]!.body)).toEqual({
      appkey: TEST_OPTIONS.appKey,
      flow_id: FLOW_ID,
      messaging_product: 'whatsapp',
      categories: ['SIGN_UP', 'OTHER'],
      endpoint_uri: 'https://shop.example/flow',
    });
  });

  it('refuses an id that is not digits before sending anything', async () => {
    const scope = nock(BASE_URL).post('/v1/wa/m/flows/updateFlow').reply(200, UPDATE_FLOW_SUCCESS);
    const error = await rejection(provider().flows.doUpdate!({ id: 'abc', name: 'x' }, callContext()));
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect(error.field).toBe('id');
    expect(error.outcome).toBe('not-sent');
    expect(scope.isDone()).toBe(false);
  });

  it('reads success: false without a failure code as an unknown outcome', async () => {
    nock(BASE_URL)
      .post('/v1/wa/m/flows/updateFlow')
      .reply(200, success({ success: false }));
    const error = await rejection(provider().flows.doUpdate!({ id: FLOW_ID, name: 'x' }, callContext()));
    expect(ResponseFormatError.isInstance(error)).toBe(true);
    expect(error.outcome).toBe('unknown');
  });
});

describe('flows.doCreate (createFlow, undocumented)', () => {
  it('posts appkey, business_phone, messaging_product, name and categories, and returns data.id', async () => {
    const scope = nock(BASE_URL)
      .post('/v1/wa/m/flows/createFlow')
      .reply(200, createdFlow('1168300431915404'));
    const requests = captureRequests(scope);

    const result = await provider().flows.doCreate!(
      { name: 'lead_form', categories: ['LEAD_GENERATION'] },
      callContext(),
    );

    expectSignedRequest(requests[0]!, 'createFlow');
    expect(JSON.parse(requests[0]!.body)).toEqual({
      appkey: TEST_OPTIONS.appKey,
      business_phone: TEST_OPTIONS.businessPhone,
      messaging_product: 'whatsapp',
      name: 'lead_form',
      categories: ['LEAD_GENERATION'],
    });
    expect(result).toEqual({ value: { id: '1168300431915404' }, httpStatusCode: 200 });
  });

  it('sends clone_flow_id and endpoint_uri when given', async () => {
    const scope = nock(BASE_URL).post('/v1/wa/m/flows/createFlow').reply(200, createdFlow());
    const requests = captureRequests(scope);

    await provider().flows.doCreate!(
      {
        name: 'lead_form_copy',
        categories: ['SIGN_UP', 'SURVEY'],
        cloneFlowId: FLOW_ID,
        endpointUri: 'https://shop.example/flow',
      },
      callContext(),
    );

    expect(JSON.parse(requests[0]!.body)).toEqual({
      appkey: TEST_OPTIONS.appKey,
      business_phone: TEST_OPTIONS.businessPhone,
      messaging_product: 'whatsapp',
      name: 'lead_form_copy',
      categories: ['SIGN_UP', 'SURVEY'],
      clone_flow_id: FLOW_ID,
      endpoint_uri: 'https://shop.example/flow',
    });
  });

  it('reads an id sent as an exact integer, and refuses one that is not a flow id', async () => {
    nock(BASE_URL).post('/v1/wa/m/flows/createFlow').reply(200, createdFlow(1168300431915));
    const created = await provider().flows.doCreate!({ name: 'a', categories: ['OTHER'] }, callContext());
    expect(created.value.id).toBe('1168300431915');

    nock(BASE_URL).post('/v1/wa/m/flows/createFlow').reply(200, createdFlow('flow-1'));
    const error = await rejection(
      provider().flows.doCreate!({ name: 'a', categories: ['OTHER'] }, callContext()),
    );
    expect(ResponseFormatError.isInstance(error)).toBe(true);
    // The flow may have been created: only a read by name can tell.
    expect(error.outcome).toBe('unknown');
  });

  it('refuses a cloneFlowId that is not digits, naming it, before sending anything', async () => {
    const scope = nock(BASE_URL).post('/v1/wa/m/flows/createFlow').reply(200, createdFlow());
    const error = await rejection(
      provider().flows.doCreate!({ name: 'a', categories: ['OTHER'], cloneFlowId: 'x1' }, callContext()),
    );
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect(error.field).toBe('cloneFlowId');
    expect(scope.isDone()).toBe(false);
  });
});

describe.each([
  ['doPublish', 'publishFlow'],
  ['doDeprecate', 'deprecateFlow'],
  ['doDelete', 'deleteFlow'],
] as const)('flows.%s (%s, undocumented)', (method, action) => {
  it(`posts a signed ${action} naming the flow, and acknowledges with its id`, async () => {
    const scope = nock(BASE_URL)
      .post(`/v1/wa/m/flows/${action}`)
      .reply(200, success({ success: true }));
    const requests = captureRequests(scope);

    const result = await provider().flows[method]!({ id: FLOW_ID }, callContext());

    expectSignedRequest(requests[0]!, action);
    expect(JSON.parse(requests[0]!.body)).toEqual({
      appkey: TEST_OPTIONS.appKey,
      business_phone: TEST_OPTIONS.businessPhone,
      messaging_product: 'whatsapp',
      flow_id: FLOW_ID,
    });
    expect(result).toEqual({ value: { id: FLOW_ID }, httpStatusCode: 200 });
  });

  it('goes where the operations option says, signed with its action', async () => {
    const scope = nock(BASE_URL)
      .post('/api/wa/flows/x')
      .reply(200, success({ success: true }));
    const requests = captureRequests(scope);
    await nxcloud({ ...TEST_OPTIONS, operations: { [action]: { path: '/api/wa/flows/x', action: 'flowX' } } })
      .flows[method]!({ id: FLOW_ID }, callContext());
    expectSignedRequest(requests[0]!, 'flowX');
  });

  it('reads an answer without data.success as an undocumented shape', async () => {
    nock(BASE_URL).post(`/v1/wa/m/flows/${action}`).reply(200, success({}));
    const error = await rejection(provider().flows[method]!({ id: FLOW_ID }, callContext()));
    expect(ResponseFormatError.isInstance(error)).toBe(true);
    expect(error.outcome).toBe('unknown');
  });
});

/*
 * Refusals: Meta's "WhatsApp Flows error codes" page
 * (https://developers.facebook.com/docs/whatsapp/flows/reference/error-codes) gives code 100 to
 * "Flow name is not unique" among six other meanings, and 139003 to "Can't deprecate unpublished
 * flow" and "Flow is already deprecated"; NXCloud relays them with code 400 (Meta's object in
 * data.error) or 9099 (Meta's text). Refusals that name no status stay unclassified failures,
 * which the core client confirms by reading the flow (see the flow write contract).
 */
describe('refusals of flow writes', () => {
  const NAME_TAKEN_400 = relayedWithCode400(100, 'Invalid parameter', {
    error_user_title: 'Flow name is not unique',
    error_user_msg: 'Please use a different name for your Flow.',
  });

  it.each([
    ['code 400 with Meta’s object', NAME_TAKEN_400],
    ['code 9099 with Meta’s text', relayedWithCode9099(100, 'Flow name is not unique')],
  ])('a name that is not unique is a ConflictError on create (%s)', async (_, body) => {
    nock(BASE_URL).post('/v1/wa/m/flows/createFlow').reply(200, body);
    const error = await rejection(
      provider().flows.doCreate!({ name: 'lead_form', categories: ['OTHER'] }, callContext()),
    );
    expect(ConflictError.isInstance(error)).toBe(true);
    expect(error.outcome).toBe('failed');
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/already has this name/);
    expect(error.vendorCode).toBe(JSON.parse(body).code);
    expect(error.raw).toBeDefined();
    expect((error as ConflictError).state).toBeUndefined();
  });

  it('a name that is not unique is a ConflictError on update too', async () => {
    nock(BASE_URL).post('/v1/wa/m/flows/updateFlow').reply(200, NAME_TAKEN_400);
    const error = await rejection(provider().flows.doUpdate!({ id: FLOW_ID, name: 'taken' }, callContext()));
    expect(ConflictError.isInstance(error)).toBe(true);
  });

  it.each([
    ['Invalid Flow JSON version'],
    ['Flow with specified ID does not exist'],
    ['Only one clone source can be set'],
  ])('code 100 "%s" stays a bad request, for the client to confirm', async (text) => {
    nock(BASE_URL).post('/v1/wa/m/flows/createFlow').reply(200, relayedWithCode400(100, text));
    const error = await rejection(
      provider().flows.doCreate!({ name: 'a', categories: ['OTHER'] }, callContext()),
    );
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect(error.outcome).toBe('failed');
  });

  it.each([
    [
      'code 400',
      relayedWithCode400(139003, 'Deprecating attempt failed', {
        error_user_title: 'Flow is already deprecated',
      }),
    ],
    ['code 9099', relayedWithCode9099(139003, 'Flow is already deprecated')],
  ])(
    'deprecating a deprecated flow is a ConflictError carrying the state DEPRECATED (%s)',
    async (_, body) => {
      nock(BASE_URL).post('/v1/wa/m/flows/deprecateFlow').reply(200, body);
      const error = await rejection(provider().flows.doDeprecate!({ id: FLOW_ID }, callContext()));
      expect(ConflictError.isInstance(error)).toBe(true);
      expect(error.outcome).toBe('failed');
      expect((error as ConflictError).state).toBe('DEPRECATED');
      expect(error.toJSON()).toMatchObject({
        code: 'CONFLICT',
        state: 'DEPRECATED',
        vendorCode: JSON.parse(body).code,
      });
    },
  );

  it.each([
    ['deprecate', 'doDeprecate', 'deprecateFlow', 139003, "Can't deprecate unpublished flow"],
    ['delete', 'doDelete', 'deleteFlow', 139004, "Can't delete published Flow"],
    ['publish', 'doPublish', 'publishFlow', 139002, 'Publishing Flow in invalid state'],
    ['update', 'doUpdate', 'updateFlow', 139001, "Flow can't be updated"],
  ] as const)(
    "%s refused without naming the flow's status stays a failed bad request, for the client to confirm",
    async (_, method, action, code, text) => {
      nock(BASE_URL).post(`/v1/wa/m/flows/${action}`).reply(200, relayedWithCode400(code, text));
      const error = await rejection(provider().flows[method]!({ id: FLOW_ID, name: 'x' }, callContext()));
      expect(InvalidRequestError.isInstance(error)).toBe(true);
      expect(error.outcome).toBe('failed');
      expect(error.message).toContain(text);
    },
  );

  it('a refusal is read only for its own operation', async () => {
    nock(BASE_URL)
      .post('/v1/wa/m/flows/publishFlow')
      .reply(200, relayedWithCode400(139003, 'Flow is already deprecated'));
    const error = await rejection(provider().flows.doPublish!({ id: FLOW_ID }, callContext()));
    expect(ConflictError.isInstance(error)).toBe(false);
  });

  it("NXCloud's own failures pass through unchanged", async () => {
    nock(BASE_URL).post('/v1/wa/m/flows/deleteFlow').reply(200, failure(-1));
    const error = await rejection(provider().flows.doDelete!({ id: FLOW_ID }, callContext()));
    expect(ProviderUnavailableError.isInstance(error)).toBe(true);
    expect(error.vendorCode).toBe(-1);
  });

  it('keeps the secret and the signature out of a conflict, even when Meta quotes them', async () => {
    const scope = nock(BASE_URL)
      .post('/v1/wa/m/flows/deprecateFlow')
      .reply(200, relayedWithCode400(139003, `Flow is already deprecated (${TEST_OPTIONS.accessSecret})`));
    const requests = captureRequests(scope);
    const error = await rejection(provider().flows.doDeprecate!({ id: FLOW_ID }, callContext()));
    expect(ConflictError.isInstance(error)).toBe(true);
    const printed = JSON.stringify(error);
    expect(printed).not.toContain(requests[0]!.headers.sign);
    expect(printed).toContain('[REDACTED]');
  });
});
