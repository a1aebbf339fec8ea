import { runProviderContractSuite } from '@whatsapp-bsp/core/testing';
import nock from 'nock';
import { afterAll, beforeAll } from 'vitest';
import {
  camsTemplateWriteScenarios,
  UPLOAD_ACCESS_KEY_SECRET,
  UPLOAD_SECURITY_TOKEN,
} from './__fixtures__/cams-template-write-scenarios.js';
import { flowInEveryCategoryBody, getFlowPreviewBody, listFlowBody } from './__fixtures__/flows.js';
import { getFlowExampleBody } from './__fixtures__/get-flow.js';
import { ACCESS_KEY_SECRET, ORIGIN, testProvider } from './__fixtures__/harness.js';
import {
  listTemplatesBody,
  namedParameterDetailBody,
  orderUpdateDetailBody,
  zeroTapDetailBody,
} from './__fixtures__/templates.js';

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());

const SECURITY_TOKEN = 'CAIS-contract-sts-token-000001';
const FLOW_EXAMPLE = JSON.parse(getFlowExampleBody);
const FLOW_ID = FLOW_EXAMPLE.Data.FlowId as string;

function pageIndex(page: unknown): number | undefined {
  return typeof page === 'string' ? (JSON.parse(page) as { Index?: number }).Index : undefined;
}

/** ListFlow: each page answered only for the page index asked for (form body). */
function flowPage(index: number, body: object) {
  nock(ORIGIN)
    .post('/', (form: Record<string, unknown>) => pageIndex(form.Page) === index)
    .matchHeader('x-acs-action', 'ListFlow')
    .reply(200, body);
}

/** GetChatappTemplateDetail, answered only for the template's name and language. */
function templateDetail(body: { Data: { Name: string; Language: string } }) {
  nock(ORIGIN)
    .post('/')
    .query((query) => query.TemplateName === body.Data.Name && query.Language === body.Data.Language)
    .matchHeader('x-acs-action', 'GetChatappTemplateDetail')
    .reply(200, body);
  return { name: body.Data.Name, language: body.Data.Language };
}

/** ListChatappTemplate: each page answered only for the page index asked for (query string). */
function templatePage(index: number, body: object) {
  nock(ORIGIN)
    .post('/')
    .query((query) => pageIndex(query.Page) === index)
    .matchHeader('x-acs-action', 'ListChatappTemplate')
    .reply(200, body);
}

// The reads and the template writes; the flow write contract runs beside the flow writes, in
// flows/cams-flow-write-contract.test.ts.
runProviderContractSuite({
  name: 'cams',
  createProvider: () => testProvider({ securityToken: SECURITY_TOKEN }),
  secrets: [ACCESS_KEY_SECRET, SECURITY_TOKEN, UPLOAD_ACCESS_KEY_SECRET, UPLOAD_SECURITY_TOKEN],
  scenarios: {
    getFlow() {
      nock(ORIGIN).post('/').matchHeader('x-acs-action', 'GetFlow').reply(200, getFlowExampleBody);
      return { id: FLOW_ID };
    },
    getFlowWithUnknownEnums() {
      const body = {
        ...FLOW_EXAMPLE,
        Data: { ...FLOW_EXAMPLE.Data, Status: 'RETIRED', Categories: ['SIGN_UP', 'GAMES'] },
      };
      nock(ORIGIN).post('/').matchHeader('x-acs-action', 'GetFlow').reply(200, body);
      return { id: FLOW_ID };
    },
    getFlowPreview() {
      nock(ORIGIN).post('/').matchHeader('x-acs-action', 'GetFlowPreviewUrl').reply(200, getFlowPreviewBody);
      return { id: getFlowPreviewBody.Data.FlowId };
    },
    listFlows() {
      // No total on ListFlow: full pages mean more, the short third page is the last.
      flowPage(
        1,
        listFlowBody([
          { id: '101', name: 'a' },
          { id: '102', name: 'b' },
        ]),
      );
      flowPage(
        2,
        listFlowBody([
          { id: '103', name: 'c' },
          { id: '104', name: 'd' },
        ]),
      );
      flowPage(3, listFlowBody([{ id: '105', name: 'e' }]));
      return { ids: ['101', '102', '103', '104', '105'] };
    },
    listTemplates() {
      templatePage(
        1,
        listTemplatesBody(5, [
          { code: 't1', name: 'a' },
          { code: 't1', name: 'a', language: 'id' },
        ]),
      );
      templatePage(
        2,
        listTemplatesBody(5, [
          { code: 't2', name: 'b' },
          { code: 't3', name: 'c' },
        ]),
      );
      templatePage(3, listTemplatesBody(5, [{ code: 't4', name: 'd' }]));
      return { ids: ['t1:en_US', 't1:id', 't2:en_US', 't3:en_US', 't4:en_US'] };
    },
    getTemplate() {
      nock(ORIGIN)
        .post('/')
        .query((query) => query.TemplateName === 'order_update' && query.Language === 'en_US')
        .matchHeader('x-acs-action', 'GetChatappTemplateDetail')
        .reply(200, orderUpdateDetailBody);
      return { name: 'order_update', language: 'en_US' };
    },
    getNamedParameterTemplate: () => templateDetail(namedParameterDetailBody),
    getZeroTapTemplate: () => templateDetail(zeroTapDetailBody),
    getFlowInEveryCategory() {
      nock(ORIGIN).post('/').matchHeader('x-acs-action', 'GetFlow').reply(200, flowInEveryCategoryBody);
      return { id: flowInEveryCategoryBody.Data.FlowId };
    },
    failure(kind) {
      const scope = nock(ORIGIN).post('/').matchHeader('x-acs-action', 'GetFlow');
      const vendorError = (code: string) => ({
        RequestId: 'D1F2C3D4-0000-4000-8000-000000000001',
        Code: code,
        // Gateways echo request details; a secret in them must still not surface.
        Message: `refused; token ${SECURITY_TOKEN}`,
      });
      switch (kind) {
        case 'authentication':
          scope.reply(400, vendorError('InvalidAccessKeyId.NotFound'));
          break;
        case 'rate-limited':
          scope.reply(400, vendorError('System.LimitControl'));
          break;
        case 'unavailable':
          scope.reply(502, '<html><body><h1>502 Bad Gateway</h1></body></html>', {
            'content-type': 'text/html',
          });
          break;
        case 'bad-response':
          scope.reply(200, '{"RequestId":"D1F2C3D4","Code":"OK","Data":{"FlowId":');
          break;
      }
      return { id: FLOW_ID };
    },
  },
  templateWrites: camsTemplateWriteScenarios(SECURITY_TOKEN),
  cleanup: () => nock.cleanAll(),
});
