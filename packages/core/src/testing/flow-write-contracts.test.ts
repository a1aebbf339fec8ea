import { FakeFlowVendor, type FlowMethod, lostAnswer } from '../__fixtures__/fake-flow-vendor.js';
import type { BspError } from '../errors/bsp-error.js';
import {
  AuthenticationError,
  ProviderUnavailableError,
  RateLimitError,
  ResponseFormatError,
} from '../errors/error-classes.js';
import type { FlowStatus } from '../model/flow.js';
import type { ContractFailureKind } from './contract-suite.js';
import { CONTRACT_FLOW_JSON } from './flow-write-contract-payloads.js';
import { type FlowStatusWrite, runFlowWriteContractSuite } from './flow-write-contracts.js';

/*
 * The flow write contract run against core's in-memory vendor, which keeps Meta's state rules but
 * does not classify its refusals: a wrong state and a taken name come as plain failures, so the
 * suite's conflict cases go through the client's confirming reads.
 */

let vendor = freshVendor();

function freshVendor(): FakeFlowVendor {
  const fresh = new FakeFlowVendor();
  fresh.classifiesRefusals = false;
  return fresh;
}

const METHOD: Record<FlowStatusWrite, FlowMethod> = {
  publish: 'doPublish',
  deprecate: 'doDeprecate',
  delete: 'doDelete',
};

/** The status each write starts from when it succeeds, and one it is refused in. */
const STATUS: Record<FlowStatusWrite, { from: FlowStatus; refusedIn: FlowStatus }> = {
  publish: { from: 'DRAFT', refusedIn: 'DEPRECATED' },
  deprecate: { from: 'PUBLISHED', refusedIn: 'DRAFT' },
  delete: { from: 'DRAFT', refusedIn: 'PUBLISHED' },
};

const FAILURE: Record<ContractFailureKind, () => BspError> = {
  authentication: () => new AuthenticationError('signature rejected', { provider: 'fake' }),
  'rate-limited': () => new RateLimitError('throttled', { provider: 'fake' }),
  unavailable: () => new ProviderUnavailableError('HTTP 503', { provider: 'fake' }),
  'bad-response': () => new ResponseFormatError('HTML instead of JSON', { provider: 'fake' }),
};

const seedIn = (status: FlowStatus) =>
  vendor.seed({ name: `flow-${vendor.nextFlowId()}`, status, jsonText: CONTRACT_FLOW_JSON });

runFlowWriteContractSuite({
  name: 'fake',
  createProvider: () => vendor.provider(),
  secrets: ['fake-access-secret'],
  scenarios: {
    create: () => ({ input: { name: 'sign_up', categories: ['SIGN_UP'] }, id: vendor.nextFlowId() }),
    update: () => ({ id: seedIn('DRAFT').id, changes: { name: 'renamed', categories: ['SURVEY'] } }),
    updateJson() {
      const { id } = vendor.seed({ name: 'no json yet' });
      return { id, received: () => vendor.flows.get(id)?.jsonText };
    },
    getJson: () => ({ id: seedIn('PUBLISHED').id, text: CONTRACT_FLOW_JSON }),
    statusWrite: (operation) => ({ id: seedIn(STATUS[operation].from).id }),
    wrongState(operation) {
      const status = STATUS[operation].refusedIn;
      return { id: seedIn(status).id, status };
    },
    nameTaken() {
      const taken = seedIn('PUBLISHED');
      return { input: { name: taken.name, categories: ['OTHER'] }, id: taken.id };
    },
    lostAnswer(operation) {
      const { id } = seedIn(STATUS[operation].from);
      vendor.fail(METHOD[operation], lostAnswer, { afterApplying: true });
      return { id };
    },
    lostCreateAnswer() {
      vendor.fail('doCreate', lostAnswer, { afterApplying: true });
      return { input: { name: 'lost_answer', categories: ['CONTACT_US'] }, id: vendor.nextFlowId() };
    },
    publishFailure(kind) {
      const { id } = seedIn('DRAFT');
      vendor.fail('doPublish', FAILURE[kind]);
      return { id };
    },
  },
  cleanup() {
    vendor = freshVendor();
  },
});
