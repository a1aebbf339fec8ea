export type { CamsAccount, NxcloudAccount } from './credentials.js';
export { DEFAULT_CAMS_ACCOUNT, DEFAULT_NXCLOUD_ACCOUNT } from './credentials.js';
export { emulatorEnvironment, formatEmulatorBanner } from './emulator-banner.js';
export type { EmulatorStore, StoreOptions } from './emulator-store.js';
export { createStore, DEFAULT_FLOW_COUNT, DEFAULT_SEED, DEFAULT_TEMPLATE_COUNT } from './emulator-store.js';
export type { FaultKind, FaultRule } from './faults.js';
export type { FlowCollection } from './flow-collection.js';
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
export type { RecordView } from './record-list.js';
export type { RequestArrival, RequestCountsSnapshot } from './request-counters.js';
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
export type { TemplateCollection } from './template-collection.js';
export { CAMS_EXAMPLE_FLOW, NXCLOUD_EXAMPLE_FLOW, NXCLOUD_EXAMPLE_TEMPLATE } from './vendor-examples.js';
