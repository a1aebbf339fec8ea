import { inspect } from 'node:util';
import {
  type BspError,
  InvalidRequestError,
  NotFoundError,
  PermissionError,
  ProviderUnavailableError,
  RateLimitError,
  ResponseFormatError,
  UnsupportedOperationError,
} from '@whatsapp-bsp/core';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createFlowExampleBody,
  envelopeOnlyBody,
  modifyFlowExampleBody,
} from '../__fixtures__/flow-writes.js';
import { getFlowExampleBody } from '../__fixtures__/get-flow.js';
import {
  ACCESS_KEY_SECRET,
  callContext,
  flowsOf,
  hasValidSignature,
  interceptCams,
  type RecordedRequest,
  testProvider,
} from '../__fixtures__/harness.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

async function failure(call: Promise<unknown>): Promise<BspError> {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (error === undefined) throw new Error('the call succeeded');
  return error as BspError;
}

describe('flows.doCreate (CreateFlow)', () => {
  it('sends the name, the categories as a JSON string and the space, and answers the new id', async () => {
    const requests: RecordedRequest[] = [];
    interceptCams(requests, [200, createFlowExampleBody]);

    const result = await flowsOf(testProvider()).doCreate(
      { name: 'sign_up_flow', categories: ['SIGN_UP', 'OTHER'] },
      callContext(),
    );

    expect(result).toEqual({
      value: { id: '333993838***' },
      requestId: '90E63D28-E31D-1EB2-8939-A9486641****',
      httpStatusCode: 200,
    });
    expect(requests).toHaveLength(1);
    expect(requests[0]?.headers['x-acs-action']).toBe('CreateFlow');
    expect(requests[0]?.form).toEqual({
      Categories: '["SIGN_UP","OTHER"]',
      CustSpaceId: 'cams-space-0001',
      FlowName: 'sign_up_flow',
    });
    expect(requests[0]?.query).toEqual({});
    expect(hasValidSignature(requests[0] as RecordedRequest, ACCESS_KEY_SECRET)).toBe(true);
  });

  // SDK 1.4.2 drops EndpointUri from its request model; the current CreateFlow takes it.
  it('sends EndpointUri in the form body, signed with the rest, when one is given', async () => {
    const requests: RecordedRequest[] = [];
    interceptCams(requests, [200, createFlowExampleBody]);

    await flowsOf(testProvider()).doCreate(
      {
        name: 'booking',
        categories: ['APPOINTMENT_BOOKING'],
        endpointUri: 'https://flows.example.com/endpoint?a=1&b=2',
      },
      callContext(),
    );

    expect(requests[0]?.form).toEqual({
      Categories: '["APPOINTMENT_BOOKING"]',
      CustSpaceId: 'cams-space-0001',
      EndpointUri: 'https://flows.example.com/endpoint?a=1&b=2',
      FlowName: 'booking',
    });
    expect(hasValidSignature(requests[0] as RecordedRequest, ACCESS_KEY_SECRET)).toBe(true);
  });

  it('refuses cloneFlowId before anything is sent: CreateFlow has no clone parameter', async () => {
    const requests: RecordedRequest[] = [];
    interceptCams(requests, [200, createFlowExampleBody]);

    const error = await failure(
      flowsOf(testProvider()).doCreate(
        { name: 'copy', categories: ['OTHER'], cloneFlowId: '926753328126430' },
        callContext(),
      ),
    );

    expect(UnsupportedOperationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ provider: 'cams', field: 'cloneFlowId', outcome: 'not-sent' });
    expect(error.message).toContain('flowJson');
    expect(requests).toHaveLength(0);
  });

  it('reads the FlowId trimmed (the ModifyFlow example ends one in a newline)', async () => {
    interceptCams([], [200, { Code: 'OK', RequestId: 'r-1', Data: { FlowId: ' 926753328126431\n' } }]);

    const result = await flowsOf(testProvider()).doCreate(
      { name: 'f', categories: ['OTHER'] },
      callContext(),
    );

    expect(result?.value).toEqual({ id: '926753328126431' });
  });

  it('answers a success without a FlowId with a ResponseFormatError of unknown outcome: the flow may exist', async () => {
    interceptCams([], [200, { Code: 'OK', RequestId: 'r-2', Data: { FlowName: 'f' } }]);

    const error = await failure(
      flowsOf(testProvider()).doCreate({ name: 'f', categories: ['OTHER'] }, callContext()),
    );

    expect(ResponseFormatError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ outcome: 'unknown', requestId: 'r-2', retryable: false });
    expect(error.message).toContain('CreateFlow');
    expect(error.message).toContain('Data.FlowId');
  });
});

describe('flows.doUpdate (ModifyFlow)', () => {
  it('sends every field given in one ModifyFlow, and answers the flow id', async () => {
    const requests: RecordedRequest[] = [];
    interceptCams(requests, [200, modifyFlowExampleBody]);

    const result = await flowsOf(testProvider()).doUpdate(
      {
        id: '926753328126430',
        name: 'renamed',
        categories: ['SURVEY', 'CONTACT_US'],
        endpointUri: 'https://flows.example.com/v2',
      },
      callContext(),
    );

    expect(result).toEqual({
      value: { id: '926753328126430' },
      requestId: '1612C226-E271-4CFE-9F18-4066D******',
      httpStatusCode: 200,
    });
    expect(requests.map((request) => request.headers['x-acs-action'])).toEqual(['ModifyFlow']);
    expect(requests[0]?.form).toEqual({
      Categories: '["SURVEY","CONTACT_US"]',
      CustSpaceId: 'cams-space-0001',
      EndpointUri: 'https://flows.example.com/v2',
      FlowId: '926753328126430',
      FlowName: 'renamed',
    });
  });

  it('leaves EndpointUri off when it does not change', async () => {
    const requests: RecordedRequest[] = [];
    interceptCams(requests, [200, modifyFlowExampleBody]);

    await flowsOf(testProvider()).doUpdate(
      { id: '926753328126430', name: 'renamed', categories: ['OTHER'] },
      callContext(),
    );

    expect(requests[0]?.form).not.toHaveProperty('EndpointUri');
  });

  // ModifyFlow requires FlowName and Categories on every call (its API page).
  it('reads the flow first when the change leaves out the name or the categories, and sends their current values', async () => {
    const requests: RecordedRequest[] = [];
    interceptCams(requests, [200, getFlowExampleBody]);
    interceptCams(requests, [200, modifyFlowExampleBody]);

    await flowsOf(testProvider()).doUpdate(
      { id: '92675332812643', endpointUri: 'https://flows.example.com/v3' },
      callContext(),
    );

    expect(requests.map((request) => request.headers['x-acs-action'])).toEqual(['GetFlow', 'ModifyFlow']);
    expect(requests[1]?.form).toEqual({
      Categories: '["SIGN_UP"]',
      CustSpaceId: 'cams-space-0001',
      EndpointUri: 'https://flows.example.com/v3',
      FlowId: '92675332812643',
      FlowName: 'flow_001',
    });
  });

  it('keeps the categories given when only the name is read', async () => {
    const requests: RecordedRequest[] = [];
    interceptCams(requests, [200, getFlowExampleBody]);
    interceptCams(requests, [200, modifyFlowExampleBody]);

    await flowsOf(testProvider()).doUpdate({ id: '92675332812643', categories: ['SURVEY'] }, callContext());

    expect(requests[1]?.form).toMatchObject({ Categories: '["SURVEY"]', FlowName: 'flow_001' });
  });

  it('sends nothing more when the read fails, and throws the read’s error', async () => {
    const requests: RecordedRequest[] = [];
    interceptCams(requests, [
      400,
      { Code: 'DetailError.FlowNotExist', Message: 'The flow does not exist.', RequestId: 'r-3' },
    ]);

    const error = await failure(flowsOf(testProvider()).doUpdate({ id: '1', name: 'n' }, callContext()));

    expect(NotFoundError.isInstance(error)).toBe(true);
    expect(requests).toHaveLength(1);
  });
});

describe('flows.doPublish, doDeprecate, doDelete', () => {
  it.each([
    ['doPublish', 'PublishFlow'],
    ['doDeprecate', 'DeprecateFlow'],
    ['doDelete', 'DeleteFlow'],
  ] as const)(
    '%s sends %s with the flow id and the space in the form body, and answers the id',
    async (method, action) => {
      const requests: RecordedRequest[] = [];
      interceptCams(requests, [200, envelopeOnlyBody]);

      const result = await flowsOf(testProvider())[method]({ id: '926753328126430' }, callContext());

      expect(result).toEqual({
        value: { id: '926753328126430' },
        requestId: envelopeOnlyBody.RequestId,
        httpStatusCode: 200,
      });
      expect(requests[0]?.headers['x-acs-action']).toBe(action);
      expect(requests[0]?.form).toEqual({ CustSpaceId: 'cams-space-0001', FlowId: '926753328126430' });
      expect(requests[0]?.query).toEqual({});
    },
  );
});

describe('errors of flow writes', () => {
  const writes = {
    create: () => flowsOf(testProvider()).doCreate({ name: 'f', categories: ['OTHER'] }, callContext()),
    update: () =>
      flowsOf(testProvider()).doUpdate({ id: '1', name: 'f', categories: ['OTHER'] }, callContext()),
    publish: () => flowsOf(testProvider()).doPublish({ id: '1' }, callContext()),
    deprecate: () => flowsOf(testProvider()).doDeprecate({ id: '1' }, callContext()),
    delete: () => flowsOf(testProvider()).doDelete({ id: '1' }, callContext()),
  };

  it.each(Object.entries(writes))('%s: a *NotExist code is a NotFoundError, failed', async (_name, write) => {
    interceptCams([], [400, { Code: 'DetailError.FlowNotExist', Message: 'no such flow', RequestId: 'r-4' }]);

    const error = await failure(write());

    expect(NotFoundError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      outcome: 'failed',
      vendorCode: 'DetailError.FlowNotExist',
      requestId: 'r-4',
    });
  });

  // The four codes every flow operation's API page lists.
  it.each([
    ['System.LimitControl', RateLimitError, true],
    ['Ram.PermissionDeny', PermissionError, false],
    ['Product.Unsubscript', PermissionError, false],
    ['Unknown.ResourceOwnerId', PermissionError, false],
  ] as const)('%s is a %s, failed', async (code, ErrorClass, retryable) => {
    interceptCams([], [400, { Code: code, Message: 'refused', RequestId: 'r-5' }]);

    const error = await failure(writes.publish());

    expect(ErrorClass.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ outcome: 'failed', vendorCode: code, retryable });
  });

  // CAMS documents no wrong-state or taken-name code for flows: the client confirms by a read.
  it('a refusal with a code it does not document stays a plain failure with its vendor code', async () => {
    interceptCams([], [200, { Code: 'Flow.StatusError', Message: 'flow is published', RequestId: 'r-6' }]);

    const error = await failure(writes.delete());

    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ outcome: 'failed', vendorCode: 'Flow.StatusError', requestId: 'r-6' });
  });

  it('an HTTP 5xx without a code may have been applied: unknown, retryable', async () => {
    interceptCams([], [503, '<html>busy</html>', { 'content-type': 'text/html' }]);

    const error = await failure(writes.create());

    expect(ProviderUnavailableError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ outcome: 'unknown', retryable: true });
  });

  it('keeps the access secret and the signature out of every error, however CAMS echoes them', async () => {
    const requests: RecordedRequest[] = [];
    interceptCams(requests, (request) => [
      400,
      {
        Code: 'InvalidParameter',
        Message: `bad request signed ${request.headers.authorization} with ${ACCESS_KEY_SECRET}`,
        RequestId: 'r-7',
      },
    ]);

    const error = await failure(writes.update());

    const signature = /Signature=([0-9a-f]+)/.exec(requests[0]?.headers.authorization ?? '')?.[1] ?? '';
    expect(signature).not.toBe('');
    for (const text of [
      error.message,
      JSON.stringify(error),
      inspect(error, { depth: 5 }),
      String(error.stack),
    ]) {
      expect(text).not.toContain(ACCESS_KEY_SECRET);
      expect(text).not.toContain(signature);
    }
  });
});
