/*
 * `@whatsapp-bsp/core/testing`: the contract suite every adapter runs, and test doubles for
 * adapters' own tests.
 */
export { encodeCursor as cursorFor } from '../client/pagination/cursor.js';
export { type TestCallContextOptions, testCallContext } from './call-context.js';
export {
  CONTRACT_FLOW_CATEGORIES,
  CONTRACT_NAMED_PARAMETER_TEMPLATE,
  CONTRACT_TEMPLATE_CHANGES,
  CONTRACT_TEMPLATE_DRAFT,
  CONTRACT_TEMPLATE_MEDIA,
  CONTRACT_ZERO_TAP_TEMPLATE,
} from './contract-payloads.js';
export {
  type ContractFailureKind,
  type ProviderContractFixtures,
  runProviderContractSuite,
} from './contract-suite.js';
export { type EnumMappingTable, expectEnumMapping } from './enum-coverage.js';
export { FakeClock } from './fake-clock.js';
export { CONTRACT_FLOW_JSON } from './flow-write-contract-payloads.js';
export {
  type FlowStatusWrite,
  type FlowWriteContractFixtures,
  type FlowWriteContractInput,
  type FlowWriteContractScenarios,
  runFlowWriteContractSuite,
} from './flow-write-contracts.js';
export {
  runTemplateWriteContractSuite,
  type TemplateWriteContractFixtures,
  type TemplateWriteFailureKind,
  type TemplateWriteScenario,
  type TemplateWriteScenarios,
} from './template-write-contract.js';
