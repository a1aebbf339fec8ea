import { jsonResponse } from '../server/vendor-protocol.js';
import { previewOf } from '../store/flow-preview.js';
import { objectNotFound } from './nxcloud-errors.js';
import { GRAPH_WABA_ID, nxcloudListAnswer } from './nxcloud-paging.js';
import type { NxcloudRoute } from './nxcloud-route.js';
import { nxcloudFlow, nxcloudFlowListItem, nxcloudPreview } from './render-nxcloud-flow.js';

/** The Meta Graph URL of the flow list's `paging.next`/`previous`, which NXCloud passes through. */
const FLOWS_LINK = `https://graph.facebook.com/v18.0/${GRAPH_WABA_ID}/flows?fields=id%2Cname%2Cstatus%2Ccategories%2Cvalidation_errors`;

/** NXCloud's flow endpoints. */
export const NXCLOUD_FLOW_ROUTES: readonly NxcloudRoute[] = [
  {
    path: '/api/wa/queryFlowById',
    operation: 'queryFlowById',
    // The vendor's page is a copy of getTemplate's and prints the action `getTemplate`, a
    // copy-paste slip: accept both.
    // https://github.com/nxtele/http-api-document/wiki/WhatsApp-API-queryFlowsById
    actions: ['queryFlowById', 'getTemplate'],
    required: ['appkey', 'business_phone', 'messaging_product', 'flow_id'],
    phoneField: 'business_phone',
    handle: (body, { store }) => {
      const flow = store.flows.get(String(body.flow_id));
      if (!flow) return objectNotFound('queryFlowById', String(body.flow_id));
      return jsonResponse(200, { code: 0, message: 'Success', data: nxcloudFlow(flow) });
    },
  },
  {
    path: '/v1/wa/m/flows/getPreviewByFlowId',
    operation: 'getPreviewByFlowId',
    actions: ['getPreviewByFlowId'],
    required: ['appkey', 'flow_id', 'messaging_product'],
    handle: (body, { store, now }) => {
      const flow = store.flows.get(String(body.flow_id));
      if (!flow) return objectNotFound('getPreviewByFlowId', String(body.flow_id));
      return jsonResponse(200, {
        code: 0,
        message: 'Success',
        data: { id: flow.id, preview: nxcloudPreview(previewOf(flow, now())) },
      });
    },
  },
  {
    path: '/v1/wa/m/flows/queryFlowsByPhone',
    operation: 'queryFlowsByPhone',
    actions: ['queryFlowsByPhone'],
    required: ['appkey', 'phone', 'messaging_product'],
    phoneField: 'phone',
    handle: (body, { store }) =>
      nxcloudListAnswer(body, store.flows.view(), FLOWS_LINK, nxcloudFlowListItem, 'Success'),
  },
];
