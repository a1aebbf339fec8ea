export type { CamsAccount, NxcloudAccount } from './credentials.js';
export { DEFAULT_CAMS_ACCOUNT, DEFAULT_NXCLOUD_ACCOUNT } from './credentials.js';
export { emulatorEnvironment, formatEmulatorBanner } from './emulator-banner.js';
export type { BodyEncoding, FaultKind, FaultRule, RedirectStatus } from './faults/faults.js';
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
export type { RequestArrival, RequestCountsSnapshot } from './server/request-counters.js';
export type {
  CamsClientConfig,
  Emulator,
  EmulatorEndpoints,
  EmulatorFaults,
  EmulatorRequestCounts,
  NxcloudClientConfig,
  StartEmulatorOptions,
} from './start-emulator.js';
export { startEmulator } from './start-emulator.js';
export type { EmulatorStore, StoreOptions } from './store/emulator-store.js';
export {
  createStore,
  DEFAULT_FLOW_COUNT,
  DEFAULT_SEED,
  DEFAULT_TEMPLATE_COUNT,
} from './store/emulator-store.js';
export type { FlowCollection } from './store/flow-collection.js';
export type { RecordView } from './store/record-list.js';
export type { TemplateCollection } from './store/template-collection.js';
export {
  CAMS_EXAMPLE_FLOW,
  NXCLOUD_EXAMPLE_FLOW,
  NXCLOUD_EXAMPLE_TEMPLATE,
} from './store/vendor-examples.js';
