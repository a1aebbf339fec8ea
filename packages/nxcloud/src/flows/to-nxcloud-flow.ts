import type { CreateFlowRequest, UpdateFlowRequest } from '@whatsapp-bsp/core';
import { definedOnly } from '@whatsapp-bsp/core/adapter';
import type { ResolvedNxcloudOptions } from '../nxcloud-options.js';
import { MESSAGING_PRODUCT } from '../wire/nxcloud-wire-values.js';
import { requireFlowId } from './nxcloud-flow-id.js';

/*
 * The JSON bodies of NXCloud's flow writes, built from what the client validated. Fields are
 * NXCloud's snake_case names, which are Meta's; the order is the one the pages print.
 */

type Credentials = Pick<ResolvedNxcloudOptions, 'appKey' | 'businessPhone'>;

/**
 * updateFlow (wiki page WhatsApp-API-updateFlow): `appkey`, `flow_id`, `messaging_product`, and
 * only the metadata given: `name`, `categories`, `endpoint_uri`. The page's table lists no
 * `business_phone` (its example sends one, and omits `flow_id`); the table is followed, with
 * `flow_id`, without which the call names no flow.
 */
export function toUpdateFlowBody(request: UpdateFlowRequest, { appKey }: Credentials) {
  return definedOnly({
    appkey: appKey,
    flow_id: requireFlowId(request.id),
    messaging_product: MESSAGING_PRODUCT,
    name: request.name,
    categories: request.categories,
    endpoint_uri: request.endpointUri,
  });
}

/**
 * createFlow (undocumented: the wiki's flows-创建流 page gives no body): the fields every
 * NXCloud write takes, and Meta's create fields `name`, `categories`, `clone_flow_id`,
 * `endpoint_uri`, the optional ones only when given.
 */
export function toCreateFlowBody(request: CreateFlowRequest, { appKey, businessPhone }: Credentials) {
  return definedOnly({
    appkey: appKey,
    business_phone: businessPhone,
    messaging_product: MESSAGING_PRODUCT,
    name: request.name,
    categories: request.categories,
    clone_flow_id:
      request.cloneFlowId === undefined ? undefined : requireFlowId(request.cloneFlowId, 'cloneFlowId'),
    endpoint_uri: request.endpointUri,
  });
}

/**
 * getFlowJson, publishFlow, deprecateFlow, deleteFlow (undocumented): the fields every NXCloud
 * write takes and the flow's id, as getPreviewByFlowId names one.
 */
export function toFlowIdBody(id: string, { appKey, businessPhone }: Credentials) {
  return {
    appkey: appKey,
    business_phone: businessPhone,
    messaging_product: MESSAGING_PRODUCT,
    flow_id: requireFlowId(id),
  };
}
