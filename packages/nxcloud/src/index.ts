export { adapter } from './nxcloud-adapter.js';
export {
  NXCLOUD_DEFAULT_PAGE_SIZE,
  NXCLOUD_MAX_PAGE_SIZE,
  nxcloudCapabilities,
} from './nxcloud-capabilities.js';
export { NXCLOUD_PROVIDER_ID } from './nxcloud-id.js';
export {
  NXCLOUD_DEFAULT_BASE_URL,
  NXCLOUD_DEFAULT_OPERATIONS,
  NXCLOUD_OPERATION_NAMES,
  NXCLOUD_TEMPLATE_CREATE_MODES,
  type NxcloudOperation,
  type NxcloudOperationName,
  type NxcloudOptions,
  type NxcloudTemplateCreateMode,
  nxcloudOptionsSchema,
} from './nxcloud-options.js';
export { mapNxcloudFlow, mapNxcloudTemplate } from './nxcloud-payloads.js';
export { nxcloud } from './nxcloud-provider.js';
export { NXCLOUD_UPLOAD_TYPES } from './templates/nxcloud-template-writes.js';
export { type NxcloudSignAlgorithm, type NxcloudSignInput, signNxcloud } from './transport/nxcloud-sign.js';
export { mapNxcloudEvents } from './webhooks/map-nxcloud-event.js';
export {
  NXCLOUD_CALLBACK_SIGNATURE_HEADERS,
  verifyNxcloudCallbackSignature,
} from './webhooks/nxcloud-webhook-signature.js';
export { type NxcloudWebhooksOptions, nxcloudWebhooks } from './webhooks/nxcloud-webhooks.js';
