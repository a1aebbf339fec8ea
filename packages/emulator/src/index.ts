export type { CamsAccount, NxcloudAccount } from './credentials.js';
export { DEFAULT_CAMS_ACCOUNT, DEFAULT_NXCLOUD_ACCOUNT, EMULATOR_WABA_ID } from './credentials.js';
export { emulatorEnvironment, formatEmulatorBanner } from './emulator-banner.js';
export type { BodyEncoding, FaultKind, FaultRule, RedirectStatus } from './faults/faults.js';
export type { FlowJsonErrorCode } from './flows/check-flow-json.js';
export { FLOW_DATA_API_VERSIONS, FLOW_JSON_VERSIONS } from './flows/check-flow-json.js';
export { FLOW_JSON_DOWNLOAD_OPERATION } from './flows/flow-json-download.js';
export type { FlowChanges, NewFlow } from './flows/flow-lifecycle.js';
export { FLOW_CATEGORIES, MAX_FLOW_JSON_BYTES } from './flows/flow-lifecycle.js';
export type { FlowOperation, FlowRefusalKind } from './flows/flow-refusal.js';
export { FlowRefusal } from './flows/flow-refusal.js';
export type {
  BodyComponent,
  ButtonsComponent,
  EmulatorFlow,
  EmulatorTemplate,
  FlowInput,
  FlowStatus,
  FlowValidationError,
  FooterComponent,
  HeaderComponent,
  LimitedTimeOfferComponent,
  TemplateButton,
  TemplateComponent,
  TemplateInput,
  Vendor,
} from './model.js';
export type { NxcloudCallbackHeader, NxcloudCallbackSigning } from './nxcloud/nxcloud-callbacks.js';
export { NXCLOUD_CALLBACK_HEADER_NAMES } from './nxcloud/nxcloud-callbacks.js';
export type { ObjectStore, StoredObject } from './oss/object-store.js';
export type { ReviewOptions, ReviewRule } from './review/template-review.js';
export { DEFAULT_REVIEW_DELAY_MS } from './review/template-review.js';
export type { RequestArrival, RequestCountsSnapshot } from './server/request-counters.js';
export type {
  CamsClientConfig,
  Emulator,
  EmulatorEndpoints,
  EmulatorFaults,
  EmulatorFlows,
  EmulatorOss,
  EmulatorRequestCounts,
  EmulatorReview,
  EmulatorWebhooks,
  FlowJsonInput,
  NxcloudClientConfig,
  StartEmulatorOptions,
  WebhookOptions,
  WebhookSettings,
} from './start-emulator.js';
export { EMULATOR_OSS_BUCKET, startEmulator } from './start-emulator.js';
export type { EmulatorStore, StoreOptions } from './store/emulator-store.js';
export {
  createStore,
  DEFAULT_FLOW_COUNT,
  DEFAULT_SEED,
  DEFAULT_TEMPLATE_COUNT,
} from './store/emulator-store.js';
export type { FlowCollection, FlowStatusChange } from './store/flow-collection.js';
export type { RecordView } from './store/record-list.js';
export type { TemplateCollection, TemplateStatusChange } from './store/template-collection.js';
export {
  CAMS_EXAMPLE_FLOW,
  NXCLOUD_EXAMPLE_FLOW,
  NXCLOUD_EXAMPLE_TEMPLATE,
} from './store/vendor-examples.js';
export type { EmulatorTimers } from './timers.js';
export type { WebhookDeliveryRecord, WebhookDeliverySettings } from './webhooks/webhook-delivery.js';
