import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClientSettings } from '../client/client-settings.js';
import { createClient } from '../client/create-client.js';
import { encodeCursor } from '../client/pagination/cursor.js';
import type { BspError, RequestOutcome } from '../errors/bsp-error.js';
import {
  AuthenticationError,
  InvalidRequestError,
  ProviderUnavailableError,
  RateLimitError,
  ResponseFormatError,
} from '../errors/error-classes.js';
import { FlowPreviewSchema, FlowSchema, FlowSummarySchema } from '../model/flow.js';
import { TemplateSchema, TemplateSummarySchema } from '../model/template.js';
import { OPERATION_TABLE, OPERATIONS } from '../provider/operations.js';
import type { ProviderV1 } from '../provider/provider-v1.js';
import {
  CONTRACT_FLOW_CATEGORIES,
  CONTRACT_NAMED_PARAMETER_TEMPLATE,
  CONTRACT_ZERO_TAP_TEMPLATE,
} from './contract-payloads.js';
import {
  runTemplateWriteContractSuite,
  type TemplateWriteScenarios,
  templateWriteMethods,
} from './template-write-contract.js';

export type ContractFailureKind = 'authentication' | 'rate-limited' | 'unavailable' | 'bad-response';

/** What an adapter supplies to prove itself against the contract; see the README of core. */
export interface ProviderContractFixtures {
  /** Shown in the test names, e.g. `'nxcloud'`. */
  name: string;
  /** A provider whose HTTP the scenarios intercept (e.g. with nock). */
  createProvider(): ProviderV1;
  /** Credential values that must never be observable in errors or hook payloads. */
  secrets: readonly string[];
  /** Each installs interceptors for exactly one scenario. */
  scenarios: {
    getFlow(): { id: string };
    /** A flow whose status and one category are values the model does not know. */
    getFlowWithUnknownEnums(): { id: string };
    getFlowPreview(): { id: string };
    /** Exactly three pages of `pageSize: 2`, then the end. */
    listFlows(): { ids: string[] };
    /** Exactly three pages of `pageSize: 2`, then the end. */
    listTemplates(): { ids: string[] };
    getTemplate(): { name: string; language: string };
    /** The template `CONTRACT_NAMED_PARAMETER_TEMPLATE` describes, in the vendor's wire form. */
    getNamedParameterTemplate(): { name: string; language: string };
    /** The template `CONTRACT_ZERO_TAP_TEMPLATE` describes, in the vendor's wire form. */
    getZeroTapTemplate(): { name: string; language: string };
    /** A flow whose categories are `CONTRACT_FLOW_CATEGORIES` (every category of the model), in that order. */
    getFlowInEveryCategory(): { id: string };
    /** The next get-flow request for the returned id fails this way, once. */
    failure(kind: ContractFailureKind): { id: string };
  };
  /**
   * The scenarios of the template write contract (`runTemplateWriteContractSuite`), for a provider
   * with template write methods. Without them, such a provider's write contract shows as to do.
   */
  templateWrites?: TemplateWriteScenarios;
  cleanup(): void;
}

const FAILURES: Record<
  ContractFailureKind,
  { isInstance(value: unknown): boolean; retryable: boolean; outcomes: readonly RequestOutcome[] }
> = {
  // The vendor answered with a refusal: nothing was applied.
  authentication: {
    isInstance: (e) => AuthenticationError.isInstance(e),
    retryable: false,
    outcomes: ['failed'],
  },
  'rate-limited': { isInstance: (e) => RateLimitError.isInstance(e), retryable: true, outcomes: ['failed'] },
  // A vendor "busy" code is a refusal; a bare 5xx or a lost answer may have been applied.
  unavailable: {
    isInstance: (e) => ProviderUnavailableError.isInstance(e),
    retryable: true,
    outcomes: ['failed', 'unknown'],
  },
  'bad-response': {
    isInstance: (e) => ResponseFormatError.isInstance(e),
    retryable: false,
    outcomes: ['unknown'],
  },
};

/**
 * The behaviour every adapter owes its users, checked the same way for each: result shapes,
 * `$metadata`, pagination to the end, unknown enum values, error classes, and secrets.
 * Call it at the top level of a test file.
 */
export function runProviderContractSuite(fixtures: ProviderContractFixtures): void {
  const { scenarios } = fixtures;

  function clientWith(settings: ClientSettings = {}) {
    const requests: unknown[] = [];
    const events: unknown[] = [];
    const client = createClient({
      provider: fixtures.createProvider(),
      rateLimit: false,
      retry: { maxAttempts: 1 },
      ...settings,
      hooks: {
        onRequest: (event) => {
          requests.push(event);
          events.push(event);
        },
        onResponse: (event) => events.push(event),
        onRetry: (event) => events.push(event),
      },
    });
    return { client, requests, events };
  }

  describe(`provider contract: ${fixtures.name}`, () => {
    afterEach(() => fixtures.cleanup());

    it('is a v1 provider whose capabilities are data', () => {
      const provider = fixtures.createProvider();
      expect(provider.specificationVersion).toBe('v1');
      expect(provider.id).toBe(fixtures.name);
      for (const list of [provider.capabilities.flows.list, provider.capabilities.templates.list]) {
        expect(list.defaultPageSize).toBeGreaterThan(0);
        expect(list.maxPageSize).toBeGreaterThanOrEqual(list.defaultPageSize);
      }
      for (const [operation, rate] of Object.entries(provider.capabilities.rateLimits)) {
        expect(OPERATIONS).toContain(operation);
        expect(rate).toBeGreaterThan(0);
      }
      expect(() => JSON.stringify(provider.capabilities)).not.toThrow();
    });

    it('offers each operation as the method the operation table names, and no other', () => {
      const provider = fixtures.createProvider();
      const resources = { flows: provider.flows, templates: provider.templates };
      const named = new Set(Object.values(OPERATION_TABLE).map((row) => `${row.resource}.${row.method}`));
      for (const row of Object.values(OPERATION_TABLE)) {
        const method = (resources[row.resource] as unknown as Record<string, unknown>)[row.method];
        // Reads the client offers are required of every provider, but for the Flow JSON, which a
        // vendor may not serve (the specification makes `doGetJson` optional); writes are optional.
        if (row.kind === 'read' && row.implemented && row.method !== 'doGetJson')
          expect(typeof method, `${row.resource}.${row.method}`).toBe('function');
        if (method !== undefined) expect(typeof method).toBe('function');
      }
      for (const [resource, methods] of Object.entries(resources)) {
        for (const key of Object.keys(methods)) {
          if (key.startsWith('do'))
            expect(named, `${resource}.${key} is not in the operation table`).toContain(`${resource}.${key}`);
        }
      }
    });

    it('flows.get returns a Flow of the core schema, with non-enumerable $metadata', async () => {
      const { id } = scenarios.getFlow();
      const flow = await clientWith().client.flows.get(id);
      expect(FlowSchema.parse(flow)).toEqual(flow);
      expect(flow.id).toBe(id);
      expect(flow.provider).toBe(fixtures.name);
      expect(flow.raw).toBeDefined();
      expect(flow.$metadata).toMatchObject({ provider: fixtures.name, attempts: 1, totalRetryDelayMs: 0 });
      expect(Object.keys(flow)).not.toContain('$metadata');
      expect(JSON.stringify(flow)).not.toContain('$metadata');
    });

    it('maps enum values it does not know to UNKNOWN instead of failing', async () => {
      const { id } = scenarios.getFlowWithUnknownEnums();
      const flow = await clientWith().client.flows.get(id);
      expect(flow.status).toBe('UNKNOWN');
      expect(flow.categories).toContain('UNKNOWN');
      expect(FlowSchema.safeParse(flow).success).toBe(true);
    });

    it('flows.preview returns a FlowPreview of the core schema', async () => {
      const { id } = scenarios.getFlowPreview();
      const preview = await clientWith().client.flows.preview(id);
      expect(FlowPreviewSchema.parse(preview)).toEqual(preview);
      expect(preview.flowId).toBe(id);
      expect(preview.url.length).toBeGreaterThan(0);
      expect(preview.$metadata.provider).toBe(fixtures.name);
    });

    it('flows.list pages through to the end, one request per page', async () => {
      const { ids } = scenarios.listFlows();
      const { client, requests } = clientWith();
      const pages = [];
      for await (const page of client.flows.list({ pageSize: 2 }).pages()) pages.push(page);
      expect(pages).toHaveLength(3);
      expect(requests).toHaveLength(3);
      const items = pages.flatMap((page) => page.items);
      expect(items.map((flow) => flow.id)).toEqual(ids);
      for (const flow of items) expect(FlowSummarySchema.safeParse(flow).success).toBe(true);
      for (const page of pages) expect(page.$metadata.provider).toBe(fixtures.name);
      expect(pages.at(-1)?.nextCursor).toBeUndefined();
    });

    it('flows.list stops at maxItems without fetching further pages', async () => {
      const { ids } = scenarios.listFlows();
      const { client, requests } = clientWith();
      const items = await client.flows.list({ pageSize: 2, maxItems: 2 }).toArray();
      expect(items.map((flow) => flow.id)).toEqual(ids.slice(0, 2));
      expect(requests).toHaveLength(1);
    });

    it('templates.list pages through to the end', async () => {
      const { ids } = scenarios.listTemplates();
      const { client, requests } = clientWith();
      const items = await client.templates.list({ pageSize: 2 }).toArray();
      expect(items.map((template) => template.id)).toEqual(ids);
      expect(requests).toHaveLength(3);
      for (const template of items) expect(TemplateSummarySchema.safeParse(template).success).toBe(true);
    });

    it('templates.get by name and language returns a Template with components', async () => {
      const { name, language } = scenarios.getTemplate();
      const template = await clientWith().client.templates.get({ name, language });
      expect(TemplateSchema.parse(template)).toEqual(template);
      expect(template).toMatchObject({ name, language, provider: fixtures.name });
      expect(template.$metadata.provider).toBe(fixtures.name);
    });

    it("reads a NAMED template's format and named samples as every vendor does", async () => {
      const { name, language } = scenarios.getNamedParameterTemplate();
      const template = await clientWith().client.templates.get({ name, language });
      expect(TemplateSchema.parse(template)).toEqual(template);
      expect(template).toMatchObject(CONTRACT_NAMED_PARAMETER_TEMPLATE);
    });

    it('reads every app of a zero-tap button, in order', async () => {
      const { name, language } = scenarios.getZeroTapTemplate();
      const template = await clientWith().client.templates.get({ name, language });
      expect(TemplateSchema.parse(template)).toEqual(template);
      expect(template).toMatchObject(CONTRACT_ZERO_TAP_TEMPLATE);
    });

    it('reads every flow category of the model', async () => {
      const { id } = scenarios.getFlowInEveryCategory();
      const flow = await clientWith().client.flows.get(id);
      expect(flow.categories).toEqual([...CONTRACT_FLOW_CATEGORIES]);
    });

    it('refuses a cursor issued by another provider before sending anything', async () => {
      const { client, requests } = clientWith();
      const foreign = encodeCursor(`not-${fixtures.name}`, '2');
      // List methods check their query when called, before any page is fetched.
      const refusal = (list: () => unknown) => {
        try {
          list();
        } catch (error) {
          return error;
        }
        return undefined;
      };
      const foreignRefusal = refusal(() => client.flows.list({ cursor: foreign }));
      expect(InvalidRequestError.isInstance(foreignRefusal)).toBe(true);
      expect((foreignRefusal as BspError).field).toBe('cursor');
      expect(InvalidRequestError.isInstance(refusal(() => client.templates.list({ cursor: 'forged' })))).toBe(
        true,
      );
      expect(requests).toHaveLength(0);
    });

    for (const kind of Object.keys(FAILURES) as ContractFailureKind[]) {
      it(`reports a ${kind} failure with its error class and no secret anywhere`, async () => {
        const { id } = scenarios.failure(kind);
        const { client, events } = clientWith();
        const error = await client.flows.get(id).then(
          () => expect.unreachable('the call should fail'),
          (thrown: unknown) => thrown,
        );
        expect(FAILURES[kind].isInstance(error)).toBe(true);
        const bspError = error as BspError;
        expect(bspError.provider).toBe(fixtures.name);
        expect(bspError.retryable).toBe(FAILURES[kind].retryable);
        expect(FAILURES[kind].outcomes).toContain(bspError.outcome);
        expect(bspError.attempts).toBe(1);
        const observable = [
          bspError.message,
          bspError.stack ?? '',
          JSON.stringify(bspError),
          inspect(bspError, { depth: 10 }),
          inspect(bspError.cause, { depth: 10 }),
          JSON.stringify(events),
          inspect(events, { depth: 10 }),
        ].join('\n');
        for (const secret of fixtures.secrets) expect(observable).not.toContain(secret);
      });
    }

    if (fixtures.templateWrites === undefined && templateWriteMethods(fixtures.createProvider()).length > 0) {
      it.todo('template write contract: give templateWrites scenarios for the template write methods');
    }
  });

  if (fixtures.templateWrites !== undefined) {
    const { name, createProvider, secrets, cleanup, templateWrites } = fixtures;
    runTemplateWriteContractSuite({ name, createProvider, secrets, cleanup, scenarios: templateWrites });
  }
}
