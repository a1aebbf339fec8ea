import type { FlowsProvider } from '@whatsapp-bsp/core';
import { parseWire } from '@whatsapp-bsp/core/adapter';
import { camsCapabilities } from '../cams-capabilities.js';
import { camsResult } from '../transport/cams-answer.js';
import { pageParameter, requestedPage } from '../transport/cams-page.js';
import type { CamsSend } from '../transport/cams-transport.js';
import {
  camsGetFlowAnswerSchema,
  camsGetFlowPreviewAnswerSchema,
  camsListFlowAnswerSchema,
} from './cams-flow-wire.js';
import { mapCamsFlow, mapCamsFlowPage, mapCamsFlowPreview } from './map-cams-flow.js';

/**
 * The flows of one CAMS space: GetFlow, ListFlow and GetFlowPreviewUrl, one request per call.
 * Every answer takes the same way: the transport's checked body, its wire schema, the mapper,
 * which keeps the vendor's object as received in `raw`.
 */
export function camsFlows(send: CamsSend, custSpaceId: string): FlowsProvider {
  return {
    async doGet({ id }, context) {
      const answer = await send('GetFlow', { CustSpaceId: custSpaceId, FlowId: id }, context);
      const wire = parseWire(camsGetFlowAnswerSchema, answer.body, answer.mismatch);
      return camsResult(answer, mapCamsFlow(wire.Data, answer.body.Data));
    },

    async doList(request, context) {
      const page = requestedPage(request, camsCapabilities.flows.list.maxPageSize);
      const answer = await send('ListFlow', { CustSpaceId: custSpaceId, Page: pageParameter(page) }, context);
      const wire = parseWire(camsListFlowAnswerSchema, answer.body, answer.mismatch);
      return camsResult(answer, mapCamsFlowPage(wire.Data, answer.body.Data, page));
    },

    async doGetPreview({ id }, context) {
      const answer = await send('GetFlowPreviewUrl', { CustSpaceId: custSpaceId, FlowId: id }, context);
      const wire = parseWire(camsGetFlowPreviewAnswerSchema, answer.body, answer.mismatch);
      return camsResult(answer, mapCamsFlowPreview(wire.Data, answer.body.Data, id));
    },
  };
}
