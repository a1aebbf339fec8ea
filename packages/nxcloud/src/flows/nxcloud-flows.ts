import type { FlowsProvider } from '@whatsapp-bsp/core';
import { parseWire } from '@whatsapp-bsp/core/adapter';
import type { ResolvedNxcloudOptions } from '../nxcloud-options.js';
import type { NxcloudTransport } from '../transport/nxcloud-transport.js';
import { optionalAfterCursor } from '../wire/nxcloud-paging.js';
import { MESSAGING_PRODUCT } from '../wire/nxcloud-wire-values.js';
import { flowFromWire, flowPageFromWire, flowPreviewFromWire } from './map-nxcloud-flow.js';
import { requireFlowId } from './nxcloud-flow-id.js';
import { nxcloudFlowJson } from './nxcloud-flow-json.js';
import {
  flowInQueryFlowById,
  nxcloudFlowListWireSchema,
  nxcloudFlowPreviewWireSchema,
  nxcloudFlowWireSchema,
} from './nxcloud-flow-wire.js';
import { nxcloudFlowWrites } from './nxcloud-flow-writes.js';

/**
 * NXCloud's flow operations. Each sends one signed request, then decodes the answer in one way:
 * the transport's `data`, parsed by its wire schema (`parseWire`), mapped to the model. The reads
 * are here; the Flow JSON's upload and download and the other writes join them from their files.
 */
export function nxcloudFlows(config: ResolvedNxcloudOptions, transport: NxcloudTransport): FlowsProvider {
  const { operations, appKey: appkey, businessPhone } = config;
  return {
    ...nxcloudFlowJson(config, transport),
    ...nxcloudFlowWrites(config, transport),

    async doGet(request, context) {
      const id = requireFlowId(request.id);
      // NXCloud's queryFlowById page (a copy of the getTemplate page) lists no `flow_id`, but
      // without it the call cannot name a flow; getPreviewByFlowId names its flow this way.
      const answer = await transport.post(
        operations.queryFlowById,
        { appkey, business_phone: businessPhone, messaging_product: MESSAGING_PRODUCT, flow_id: id },
        context,
      );
      const raw = flowInQueryFlowById(answer.data, id);
      const wire = parseWire(nxcloudFlowWireSchema, raw, answer.mismatch);
      if (wire.id !== id) {
        throw answer.badResponse(`NXCloud answered flow ${wire.id} when asked for flow ${id}`);
      }
      return { value: flowFromWire(wire, raw), httpStatusCode: answer.httpStatusCode };
    },

    async doList(request, context) {
      const after = optionalAfterCursor(request.cursor);
      // The queryFlowsByPhone page names the number `phone`; every other endpoint, `business_phone`.
      const answer = await transport.post(
        operations.queryFlowsByPhone,
        {
          appkey,
          phone: businessPhone,
          messaging_product: MESSAGING_PRODUCT,
          limit: request.pageSize,
          after,
        },
        context,
      );
      const list = parseWire(nxcloudFlowListWireSchema, answer.data, answer.mismatch);
      return { value: flowPageFromWire(list), httpStatusCode: answer.httpStatusCode };
    },

    async doGetPreview(request, context) {
      const id = requireFlowId(request.id);
      const answer = await transport.post(
        operations.getPreviewByFlowId,
        { appkey, messaging_product: MESSAGING_PRODUCT, flow_id: id },
        context,
      );
      const wire = parseWire(nxcloudFlowPreviewWireSchema, answer.data, answer.mismatch);
      return { value: flowPreviewFromWire(wire, answer.data, id), httpStatusCode: answer.httpStatusCode };
    },
  };
}
