import type { FlowsProvider } from '@whatsapp-bsp/core';
import type { ResolvedNxcloudOptions } from '../nxcloud-options.js';
import type { NxcloudTransport } from '../transport/nxcloud-transport.js';
import { optionalAfterCursor } from '../wire/nxcloud-paging.js';
import { MESSAGING_PRODUCT } from '../wire/nxcloud-wire-values.js';
import { mapNxcloudFlowList, mapNxcloudFlowPreview, mapNxcloudQueryFlowById } from './map-nxcloud-flow.js';
import { requireFlowId } from './nxcloud-flow-id.js';

/** NXCloud's flow operations, each one signed request through `transport`. */
export function nxcloudFlows(config: ResolvedNxcloudOptions, transport: NxcloudTransport): FlowsProvider {
  const { operations, appKey: appkey, businessPhone } = config;
  return {
    async doGet(request, context) {
      const id = requireFlowId(request.id);
      // The page lists no `flow_id` (inconsistency 1), but without it the call cannot name a flow.
      const { data, httpStatusCode } = await transport.post(
        operations.queryFlowById,
        { appkey, business_phone: businessPhone, messaging_product: MESSAGING_PRODUCT, flow_id: id },
        context,
      );
      return { value: mapNxcloudQueryFlowById(data, id), httpStatusCode };
    },

    async doList(request, context) {
      const after = optionalAfterCursor(request.cursor);
      // This endpoint alone names the number `phone` (inconsistency 3).
      const { data, httpStatusCode } = await transport.post(
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
      return { value: mapNxcloudFlowList(data), httpStatusCode };
    },

    async doGetPreview(request, context) {
      const id = requireFlowId(request.id);
      const { data, httpStatusCode } = await transport.post(
        operations.getPreviewByFlowId,
        { appkey, messaging_product: MESSAGING_PRODUCT, flow_id: id },
        context,
      );
      return { value: mapNxcloudFlowPreview(data, id), httpStatusCode };
    },
  };
}
