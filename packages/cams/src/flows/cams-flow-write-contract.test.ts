import type { FlowStatus } from '@whatsapp-bsp/core';
import { type FlowStatusWrite, runFlowWriteContractSuite } from '@whatsapp-bsp/core/testing';
import nock from 'nock';
import { afterAll, beforeAll } from 'vitest';
import { envelopeOnlyBody, getFlowJsonBody } from '../__fixtures__/flow-writes.js';
import { listFlowBody } from '../__fixtures__/flows.js';
import { ACCESS_KEY_SECRET, ORIGIN, testProvider } from '../__fixtures__/harness.js';
import type { AssetUploader } from '../assets/asset-uploader.js';

/*
 * Core's flow write contract, run against CAMS answers built to the shapes of the flow API pages
 * (CAMS API 2020-06-06). CAMS documents no code for a flow in the wrong state or a taken flow
 * name: these answers use the emulator's choices (InvalidParameter.FlowStatusError,
 * InvalidParameter.FlowNameExist), which the adapter leaves unclassified, so the suite's conflict
 * cases go through the client's confirming reads.
 */

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());

const SECURITY_TOKEN = 'CAIS-flow-contract-sts-token-0001';
const FILES = 'https://files.example.test';

/** The text of the last Flow JSON hosted. */
let hostedText: string | undefined;
const recordingUploader: AssetUploader = {
  async upload(asset) {
    hostedText = new TextDecoder().decode(asset.data);
    return { url: `${FILES}/flows/${asset.fileName}` };
  },
};

let serial = 0;
const nextId = () => String(926753328126500 + ++serial);

/** The form body's FlowId, for interceptors of one flow. */
const forFlow = (id: string) => (form: Record<string, unknown>) => form.FlowId === id;

function answer(action: string, id: string | undefined, status: number, body: object | string) {
  const scope = nock(ORIGIN)
    .post('/', id === undefined ? undefined : forFlow(id))
    .matchHeader('x-acs-action', action);
  return scope.reply(status, body);
}

function flowBody(id: string, name: string, status: FlowStatus) {
  return {
    RequestId: `C0FFEE00-0000-4000-8000-${id.slice(-12)}`,
    Code: 'OK',
    Message: 'None',
    Data: { Status: status, FlowId: id, FlowName: name, Categories: ['SIGN_UP'], JSONVersion: '5.0' },
  };
}

/** GetFlow of `id` answers the flow in `status`, as often as it is asked. */
function flowReadsAs(id: string, status: FlowStatus, name = `flow_${id}`) {
  nock(ORIGIN)
    .post('/', forFlow(id))
    .matchHeader('x-acs-action', 'GetFlow')
    .reply(200, flowBody(id, name, status))
    .persist();
}

function flowIsGone(id: string) {
  nock(ORIGIN)
    .post('/', forFlow(id))
    .matchHeader('x-acs-action', 'GetFlow')
    .reply(400, { Code: 'DetailError.FlowNotExist', Message: 'The flow does not exist.', RequestId: 'gone' })
    .persist();
}

function listHolds(id: string, name: string) {
  nock(ORIGIN)
    .post('/')
    .matchHeader('x-acs-action', 'ListFlow')
    .reply(200, listFlowBody([{ id, name, categories: ['SIGN_UP'] }]))
    .persist();
}

/**
 * `action` applied, its answer lost: a gateway's HTML 502 without a CAMS code, which may come
 * after the work was done (nock cannot drop a connection after the request went out).
 */
function lost(action: string, id: string | undefined) {
  nock(ORIGIN)
    .post('/', id === undefined ? undefined : forFlow(id))
    .matchHeader('x-acs-action', action)
    .reply(502, '<html><body><h1>502 Bad Gateway</h1></body></html>', { 'content-type': 'text/html' });
}

const ACTION: Record<FlowStatusWrite, string> = {
  publish: 'PublishFlow',
  deprecate: 'DeprecateFlow',
  delete: 'DeleteFlow',
};

/** A status each write is refused in, and the status each leaves a flow in. */
const REFUSED_IN: Record<FlowStatusWrite, FlowStatus> = {
  publish: 'DEPRECATED',
  deprecate: 'DRAFT',
  delete: 'PUBLISHED',
};
const AFTER: Record<Exclude<FlowStatusWrite, 'delete'>, FlowStatus> = {
  publish: 'PUBLISHED',
  deprecate: 'DEPRECATED',
};

runFlowWriteContractSuite({
  name: 'cams',
  createProvider: () => testProvider({ securityToken: SECURITY_TOKEN, assetUploader: recordingUploader }),
  secrets: [ACCESS_KEY_SECRET, SECURITY_TOKEN],
  scenarios: {
    create() {
      const id = nextId();
      const input = { name: `sign_up_${id}`, categories: ['SIGN_UP' as const] };
      answer('CreateFlow', undefined, 200, {
        RequestId: 'create',
        Code: 'OK',
        Data: { FlowId: id, FlowName: input.name, Categories: input.categories },
      });
      flowReadsAs(id, 'DRAFT', input.name);
      return { input, id };
    },
    update() {
      const id = nextId();
      answer('ModifyFlow', id, 200, { RequestId: 'modify', Code: 'OK', Data: { FlowId: id } });
      return { id, changes: { name: `renamed_${id}`, categories: ['SURVEY'] } };
    },
    updateJson() {
      const id = nextId();
      hostedText = undefined;
      answer('UpdateFlowJSONAsset', id, 200, { RequestId: 'json', Code: 'OK', Data: { FlowId: id } });
      return { id, received: () => hostedText };
    },
    getJson() {
      const id = nextId();
      const text = '{\n  "version": "5.0",\n  "screens": []\n}';
      answer('GetFlowJSONAssest', id, 200, getFlowJsonBody(`${FILES}/assets/${id}.json`, id));
      nock(FILES).get(`/assets/${id}.json`).reply(200, text);
      return { id, text };
    },
    statusWrite(operation) {
      const id = nextId();
      answer(ACTION[operation], id, 200, envelopeOnlyBody);
      return { id };
    },
    wrongState(operation) {
      const id = nextId();
      const status = REFUSED_IN[operation];
      answer(ACTION[operation], id, 400, {
        RequestId: 'refused',
        Code: 'InvalidParameter.FlowStatusError',
        Message: `The flow is ${status}.`,
      });
      flowReadsAs(id, status);
      return { id, status };
    },
    nameTaken() {
      const id = nextId();
      const input = { name: `taken_${id}`, categories: ['SIGN_UP' as const] };
      answer('CreateFlow', undefined, 400, {
        RequestId: 'taken',
        Code: 'InvalidParameter.FlowNameExist',
        Message: 'The flow name already exists.',
      });
      listHolds(id, input.name);
      flowReadsAs(id, 'DRAFT', input.name);
      return { input, id };
    },
    lostAnswer(operation) {
      const id = nextId();
      lost(ACTION[operation], id);
      if (operation === 'delete') flowIsGone(id);
      else flowReadsAs(id, AFTER[operation]);
      return { id };
    },
    lostCreateAnswer() {
      const id = nextId();
      const input = { name: `lost_${id}`, categories: ['SIGN_UP' as const] };
      lost('CreateFlow', undefined);
      listHolds(id, input.name);
      flowReadsAs(id, 'DRAFT', input.name);
      return { input, id };
    },
    publishFailure(kind) {
      const id = nextId();
      const vendorError = (code: string) => ({
        RequestId: 'D1F2C3D4-0000-4000-8000-000000000002',
        Code: code,
        // Gateways echo request details; a secret in them must still not surface.
        Message: `refused; token ${SECURITY_TOKEN}`,
      });
      switch (kind) {
        case 'authentication':
          answer('PublishFlow', id, 400, vendorError('InvalidAccessKeyId.NotFound'));
          break;
        case 'rate-limited':
          answer('PublishFlow', id, 400, vendorError('System.LimitControl'));
          break;
        case 'unavailable':
          nock(ORIGIN)
            .post('/', forFlow(id))
            .matchHeader('x-acs-action', 'PublishFlow')
            .reply(502, '<html><body><h1>502 Bad Gateway</h1></body></html>', {
              'content-type': 'text/html',
            });
          flowReadsAs(id, 'DRAFT');
          break;
        case 'bad-response':
          answer('PublishFlow', id, 200, '{"RequestId":"D1F2C3D4","Code":"OK"');
          flowReadsAs(id, 'DRAFT');
          break;
      }
      return { id };
    },
  },
  cleanup: () => nock.cleanAll(),
});
