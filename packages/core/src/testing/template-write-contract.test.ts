import { FakeTemplateVendor, type FakeVendorOptions } from '../__fixtures__/fake-template-vendor.js';
import {
  AuthenticationError,
  InvalidRequestError,
  ProviderUnavailableError,
  RateLimitError,
} from '../errors/error-classes.js';
import { CONTRACT_TEMPLATE_DRAFT } from './contract-payloads.js';
import {
  runTemplateWriteContractSuite,
  type TemplateWriteFailureKind,
  type TemplateWriteScenario,
} from './template-write-contract.js';

/*
 * The template write contract, run in core against vendors held in memory: one that deletes one
 * template at a time (as CAMS does) and one that deletes whole names (as NXCloud does). Adapters
 * run the same suite against their vendor's wire (nock or the emulator).
 */

const SECRET = 'fake-access-secret-0000';

function contractFor(options: FakeVendorOptions & { id: string }) {
  let vendor = new FakeTemplateVendor(options);
  const counted = (operation: 'create' | 'update' | 'delete' | 'uploadMedia'): TemplateWriteScenario => {
    const before = vendor.received[operation];
    return { received: () => vendor.received[operation] - before };
  };
  const lostAnswer = () =>
    new ProviderUnavailableError(`fake: connection reset (key ${SECRET.slice(0, 4)}…)`, {
      provider: options.id,
      outcome: 'unknown',
    });
  const failures: Record<TemplateWriteFailureKind, () => Error> = {
    authentication: () => new AuthenticationError('fake: signature refused', { provider: options.id }),
    'rate-limited': () => new RateLimitError('fake: throttled', { provider: options.id }),
    refused: () => new InvalidRequestError('fake: refused', { provider: options.id, outcome: 'failed' }),
    'answer-lost': lostAnswer,
  };

  runTemplateWriteContractSuite({
    name: options.id,
    createProvider: () => vendor,
    secrets: [SECRET],
    cleanup: () => {
      vendor = new FakeTemplateVendor(options);
    },
    scenarios: {
      createTemplate: () => counted('create'),
      createTemplateFailure(kind) {
        vendor.fail('create', { error: failures[kind]() as never });
        return counted('create');
      },
      createTemplateAnswerLost() {
        vendor.fail('create', { error: lostAnswer(), applied: true });
        return counted('create');
      },
      createTemplateNameTaken() {
        vendor.seed(
          {
            ...structuredClone(CONTRACT_TEMPLATE_DRAFT),
            components: [{ type: 'BODY', text: 'Something else' }],
          },
          'APPROVED',
        );
        return counted('create');
      },
      updateTemplate() {
        vendor.seed(structuredClone(CONTRACT_TEMPLATE_DRAFT), 'REJECTED');
        return counted('update');
      },
      deleteTemplate() {
        vendor.seed(structuredClone(CONTRACT_TEMPLATE_DRAFT));
        return counted('delete');
      },
      deleteTemplateAnswerLost() {
        vendor.seed(structuredClone(CONTRACT_TEMPLATE_DRAFT));
        vendor.fail('delete', { error: lostAnswer(), applied: true });
        return counted('delete');
      },
      uploadTemplateMedia: () => counted('uploadMedia'),
    },
  });
}

contractFor({ id: 'fake-by-language', deleteScopes: ['language'] });
contractFor({ id: 'fake-by-name', deleteScopes: ['name'] });
