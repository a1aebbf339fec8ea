import type { ContractFailureKind, FlowStatusWrite } from '@whatsapp-bsp/core/testing';
import { CONTRACT_FLOW_JSON, runFlowWriteContractSuite } from '@whatsapp-bsp/core/testing';
import nock from 'nock';
import { afterAll, beforeAll } from 'vitest';
import { failure, success } from '../__fixtures__/nxcloud-built-payloads.js';
import { BASE_URL, TEST_OPTIONS } from '../__fixtures__/nxcloud-test-support.js';
import { nxcloud } from '../nxcloud-provider.js';
import {
  createdFlow,
  flowAssets,
  relayedWithCode400,
  UPDATE_FLOW_JSON_SUCCESS,
  UPDATE_FLOW_SUCCESS,
} from './__fixtures__/nxcloud-flow-write-payloads.js';

/*
 * Core's flow write contract for NXCloud, its answers from nock. Refusals are relayed as NXCloud
 * relays Meta's (code 400, Meta's error in data.error) with the codes and texts of Meta's
 * "WhatsApp Flows error codes" page; the flow reads the client makes after a write (queryFlowById,
 * queryFlowsByPhone) answer as those pages document.
 */

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());

const FLOWS = '/v1/wa/m/flows';
const QUERY_FLOW_BY_ID = '/api/wa/queryFlowById';
const CDN = 'https://mmg.whatsapp.net';

const PATH: Readonly<Record<FlowStatusWrite, string>> = {
  publish: `${FLOWS}/publishFlow`,
  deprecate: `${FLOWS}/deprecateFlow`,
  delete: `${FLOWS}/deleteFlow`,
};

/** Each write's refusal by a status that forbids it, as Meta words it, and that status. */
const WRONG_STATE: Readonly<Record<FlowStatusWrite, { code: number; text: string; status: string }>> = {
  publish: { code: 139002, text: 'Publishing Flow in invalid state', status: 'DEPRECATED' },
  deprecate: { code: 139003, text: "Can't deprecate unpublished flow", status: 'DRAFT' },
  delete: { code: 139004, text: "Can't delete published Flow", status: 'PUBLISHED' },
};

/** The status a write leaves the flow in, as a read after a lost answer finds it. */
const APPLIED_STATUS: Readonly<Record<Exclude<FlowStatusWrite, 'delete'>, string>> = {
  publish: 'PUBLISHED',
  deprecate: 'DEPRECATED',
};

let nextId = 1_168_300_431_915_400;
const newFlowId = () => String(nextId++);

/** queryFlowById answers with this flow, as often as it is asked. */
function serveFlow(id: string, status: string, name = `flow_${id}`, categories = ['SIGN_UP']) {
  nock(BASE_URL)
    .persist()
    .post(QUERY_FLOW_BY_ID, (body: { flow_id?: string }) => body.flow_id === id)
    .reply(200, success({ id, name, status, categories, validation_errors: [], json_version: '7.2' }));
}

/** A gateway's HTML 502: the request may have been applied, its answer is lost. */
const LOST = [502, '<html><body>502 Bad Gateway</body></html>', { 'content-type': 'text/html' }] as const;

/** The file part of a multipart body, read without a parser of our own making. */
function fileOf(body: string, contentType: string): string | undefined {
  const boundary = /boundary=(\S+)/.exec(contentType)?.[1];
  if (boundary === undefined) return undefined;
  const part = body.split(`--${boundary}`).find((chunk) => /name="file"/.test(chunk));
  if (part === undefined) return undefined;
  return part.slice(part.indexOf('\r\n\r\n') + 4, -2);
}

runFlowWriteContractSuite({
  name: 'nxcloud',
  createProvider: () => nxcloud(TEST_OPTIONS),
  secrets: [TEST_OPTIONS.accessSecret],
  scenarios: {
    create() {
      const id = newFlowId();
      const input = { name: 'contract_sign_up', categories: ['SIGN_UP' as const] };
      nock(BASE_URL).post(`${FLOWS}/createFlow`).reply(200, createdFlow(id));
      serveFlow(id, 'DRAFT', input.name, input.categories);
      return { input, id };
    },

    update() {
      const id = newFlowId();
      nock(BASE_URL).post(`${FLOWS}/updateFlow`).reply(200, UPDATE_FLOW_SUCCESS);
      return { id, changes: { name: 'contract_renamed', categories: ['SURVEY'] } };
    },

    updateJson() {
      const id = newFlowId();
      let received: string | undefined;
      nock(BASE_URL)
        .post(`${FLOWS}/updateFlowJson`)
        .reply(function (_uri, body) {
          received = fileOf(String(body), String(this.req.headers['content-type']));
          return [200, UPDATE_FLOW_JSON_SUCCESS];
        });
      return { id, received: () => received };
    },

    getJson() {
      const id = newFlowId();
      nock(BASE_URL)
        .post(`${FLOWS}/getFlowJson`)
        .reply(200, flowAssets(`${CDN}/m1/v/t24/${id}?oh=01_Q5Aa`));
      nock(CDN).get(`/m1/v/t24/${id}`).query(true).reply(200, CONTRACT_FLOW_JSON);
      return { id, text: CONTRACT_FLOW_JSON };
    },

    statusWrite(operation) {
      const id = newFlowId();
      nock(BASE_URL)
        .post(PATH[operation])
        .reply(200, success({ success: true }));
      return { id };
    },

    wrongState(operation) {
      const id = newFlowId();
      const { code, text, status } = WRONG_STATE[operation];
      nock(BASE_URL).post(PATH[operation]).reply(200, relayedWithCode400(code, text));
      serveFlow(id, status);
      return { id, status: status as 'DRAFT' };
    },

    nameTaken() {
      const id = newFlowId();
      const input = { name: 'contract_taken', categories: ['OTHER' as const] };
      nock(BASE_URL)
        .post(`${FLOWS}/createFlow`)
        .reply(
          200,
          relayedWithCode400(100, 'Invalid parameter', {
            error_user_title: 'Flow name is not unique',
            error_user_msg: `A flow named ${input.name} already exists`,
          }),
        );
      return { input, id };
    },

    lostAnswer(operation) {
      const id = newFlowId();
      nock(BASE_URL)
        .post(PATH[operation])
        .reply(...LOST);
      if (operation === 'delete') {
        // Meta's "Object with ID ... does not exist" (100/33), relayed: the flow is gone.
        nock(BASE_URL)
          .post(QUERY_FLOW_BY_ID)
          .reply(
            200,
            relayedWithCode400(100, `Unsupported get request. Object with ID '${id}' does not exist`, {
              error_subcode: 33,
            }),
          );
      } else {
        serveFlow(id, APPLIED_STATUS[operation]);
      }
      return { id };
    },

    lostCreateAnswer() {
      const id = newFlowId();
      const input = { name: 'contract_lost_create', categories: ['LEAD_GENERATION' as const] };
      nock(BASE_URL)
        .post(`${FLOWS}/createFlow`)
        .reply(...LOST);
      nock(BASE_URL)
        .persist()
        .post(`${FLOWS}/queryFlowsByPhone`)
        .reply(
          200,
          success({
            data: [
              { id: newFlowId(), name: 'another_flow', status: 'PUBLISHED', categories: ['OTHER'] },
              { id, name: input.name, status: 'DRAFT', categories: input.categories },
            ],
            paging: { cursors: { before: 'QVFIUmJlZAZDZD', after: 'QVFIUkVuZA' } },
          }),
        );
      serveFlow(id, 'DRAFT', input.name, input.categories);
      return { input, id };
    },

    publishFailure(kind: ContractFailureKind) {
      const id = newFlowId();
      const scope = nock(BASE_URL).post(PATH.publish);
      switch (kind) {
        case 'authentication':
          scope.reply(200, failure(1003, 'Invalid signature'));
          break;
        case 'rate-limited':
          scope.reply(429, 'Too Many Requests', { 'Retry-After': '1' });
          break;
        case 'unavailable':
          scope.reply(200, failure(9001, '系统业务错误'));
          break;
        case 'bad-response':
          scope.reply(200, '{"code":0,"message":"Success","da');
          break;
      }
      // The client may read the flow to confirm a refusal or look for a lost write: still a draft.
      serveFlow(id, 'DRAFT');
      return { id };
    },
  },
  cleanup: () => nock.cleanAll(),
});
