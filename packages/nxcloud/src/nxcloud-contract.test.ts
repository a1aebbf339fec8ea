import { runProviderContractSuite } from '@whatsapp-bsp/core/testing';
import nock from 'nock';
import { afterAll, beforeAll } from 'vitest';
import {
  failure,
  flowListData,
  previewData,
  success,
  templateItem,
  templateListData,
} from './__fixtures__/nxcloud-built-payloads.js';
import {
  FLOW_IN_EVERY_CATEGORY,
  NAMED_PARAMETER_TEMPLATE,
  ZERO_TAP_TEMPLATE,
} from './__fixtures__/nxcloud-meta-fields.js';
import { nxcloudTemplateWriteScenarios } from './__fixtures__/nxcloud-template-write-scenarios.js';
import { BASE_URL, TEST_OPTIONS } from './__fixtures__/nxcloud-test-support.js';
import { GET_TEMPLATE_EXAMPLE, QUERY_FLOW_BY_ID_EXAMPLE } from './__fixtures__/nxcloud-vendor-examples.js';
import { nxcloud } from './nxcloud-provider.js';

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());

const FLOW_ID = '3603023670018851';

/** Three pages answered in order, each only for the cursor the previous one handed out. */
function threePages(path: string, pages: readonly [unknown, unknown, unknown]) {
  const cursors = [undefined, 'QVFIUlBhZ2Uy', 'QVFIUlBhZ2Uz'];
  const scope = nock(BASE_URL);
  pages.forEach((page, index) => {
    scope.post(path, (body: { after?: string }) => body.after === cursors[index]).reply(200, success(page));
  });
}

// The reads and the template writes; the flow write contract runs beside the flow writes, in
// flows/nxcloud-flow-write-contract.test.ts.
runProviderContractSuite({
  name: 'nxcloud',
  createProvider: () => nxcloud(TEST_OPTIONS),
  secrets: [TEST_OPTIONS.accessSecret],
  scenarios: {
    getFlow() {
      nock(BASE_URL).post('/api/wa/queryFlowById').reply(200, QUERY_FLOW_BY_ID_EXAMPLE);
      return { id: FLOW_ID };
    },
    getFlowWithUnknownEnums() {
      const flow = {
        ...JSON.parse(QUERY_FLOW_BY_ID_EXAMPLE).data,
        status: 'RETIRED',
        categories: ['OTHER', 'GAMES'],
      };
      nock(BASE_URL).post('/api/wa/queryFlowById').reply(200, success(flow));
      return { id: FLOW_ID };
    },
    getFlowPreview() {
      nock(BASE_URL).post('/v1/wa/m/flows/getPreviewByFlowId').reply(200, success(previewData()));
      return { id: '1743798696088965' };
    },
    listFlows() {
      threePages('/v1/wa/m/flows/queryFlowsByPhone', [
        flowListData(['101', '102'], 'QVFIUlBhZ2Uy', true),
        flowListData(['103', '104'], 'QVFIUlBhZ2Uz', true),
        // Meta still sends an `after` cursor on the last page; only `next` says more exist.
        flowListData(['105'], 'QVFIUkVuZA', false),
      ]);
      return { ids: ['101', '102', '103', '104', '105'] };
    },
    listTemplates() {
      threePages('/api/wa/getTemplate', [
        templateListData([templateItem('201'), templateItem('202')], 'QVFIUlBhZ2Uy', true),
        templateListData([templateItem('203'), templateItem('204')], 'QVFIUlBhZ2Uz', true),
        templateListData([templateItem('205')], 'QVFIUkVuZA', false),
      ]);
      return { ids: ['201', '202', '203', '204', '205'] };
    },
    getTemplate() {
      nock(BASE_URL).post('/api/wa/getTemplate').reply(200, GET_TEMPLATE_EXAMPLE);
      return { name: 'normal_text3', language: 'en_US' };
    },
    getNamedParameterTemplate() {
      nock(BASE_URL)
        .post('/api/wa/getTemplate')
        .reply(200, success({ data: [NAMED_PARAMETER_TEMPLATE] }));
      return { name: NAMED_PARAMETER_TEMPLATE.name, language: NAMED_PARAMETER_TEMPLATE.language };
    },
    getZeroTapTemplate() {
      nock(BASE_URL)
        .post('/api/wa/getTemplate')
        .reply(200, success({ data: [ZERO_TAP_TEMPLATE] }));
      return { name: ZERO_TAP_TEMPLATE.name, language: ZERO_TAP_TEMPLATE.language };
    },
    getFlowInEveryCategory() {
      nock(BASE_URL).post('/api/wa/queryFlowById').reply(200, success(FLOW_IN_EVERY_CATEGORY));
      return { id: FLOW_IN_EVERY_CATEGORY.id };
    },
    failure(kind) {
      const scope = nock(BASE_URL).post('/api/wa/queryFlowById');
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
          scope.reply(200, QUERY_FLOW_BY_ID_EXAMPLE.slice(0, 80));
          break;
      }
      return { id: FLOW_ID };
    },
  },
  templateWrites: nxcloudTemplateWriteScenarios(),
  cleanup: () => nock.cleanAll(),
});
