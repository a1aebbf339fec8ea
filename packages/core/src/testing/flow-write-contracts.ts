import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClientSettings } from '../client/client-settings.js';
import { createClient } from '../client/create-client.js';
import type { BspError, RequestOutcome } from '../errors/bsp-error.js';
import {
  AuthenticationError,
  ConflictError,
  InvalidRequestError,
  ProviderUnavailableError,
  RateLimitError,
  ResponseFormatError,
} from '../errors/error-classes.js';
import { type FlowCategory, FlowSchema, type FlowStatus } from '../model/flow.js';
import type { FlowChanges } from '../model/inputs/flow-write-inputs.js';
import type { Operation } from '../provider/operations.js';
import type { FlowsProvider, ProviderV1 } from '../provider/provider-v1.js';
import type { ContractFailureKind } from './contract-suite.js';
import { CONTRACT_FLOW_JSON } from './flow-write-contract-payloads.js';

/** The flow writes that move a flow from one status to another. */
export type FlowStatusWrite = 'publish' | 'deprecate' | 'delete';

/** What `flows.create` is asked to make in a scenario. */
export interface FlowWriteContractInput {
  /** The flow's name, as the vendor's list will show it. */
  readonly name: string;
  /** At least one of the model's categories. */
  readonly categories: FlowCategory[];
}

/**
 * Each scenario installs the vendor's answers (e.g. with nock, or state in an emulator) for one
 * case and returns what the suite needs to drive it. A scenario is only run when the provider has
 * the methods it needs.
 */
export interface FlowWriteContractScenarios {
  /** The vendor creates `input` and answers with `id`; a get of `id` then answers with it as a DRAFT. */
  create(): { input: FlowWriteContractInput; id: string };
  /** The vendor takes `changes` of flow `id`. */
  update(): { id: string; changes: FlowChanges };
  /**
   * The vendor takes `CONTRACT_FLOW_JSON` for flow `id` and reports no validation errors.
   * `received`, when the scenario can tell, returns the text the vendor was given.
   */
  updateJson(): { id: string; received?: () => string | undefined };
  /** The vendor serves `text` as the Flow JSON of flow `id`. */
  getJson(): { id: string; text: string };
  /** The vendor applies `operation` to flow `id`. */
  statusWrite(operation: FlowStatusWrite): { id: string };
  /**
   * The vendor refuses `operation` of flow `id` as it does when the flow's status forbids it, and
   * a get of the flow answers with that `status`.
   */
  wrongState(operation: FlowStatusWrite): { id: string; status: FlowStatus };
  /**
   * The vendor refuses to create `input` because its name is taken, and a list of the flows holds
   * the flow of that name, `id`.
   */
  nameTaken(): { input: FlowWriteContractInput; id: string };
  /**
   * The vendor applies `operation` to flow `id`, but its answer is lost (a reset or a 5xx: an
   * unknown outcome); a get of the flow then shows it applied (PUBLISHED, DEPRECATED, or not found).
   */
  lostAnswer(operation: FlowStatusWrite): { id: string };
  /**
   * The vendor creates `input` but its answer is lost (an unknown outcome); a list of the flows
   * then holds it as `id`, and a get of `id` answers with it.
   */
  lostCreateAnswer(): { input: FlowWriteContractInput; id: string };
  /** The next publish of the returned flow fails this way, once. */
  publishFailure(kind: ContractFailureKind): { id: string };
}

/** What an adapter with flow write methods supplies to prove them; see the README of core. */
export interface FlowWriteContractFixtures {
  /** Shown in the test names, e.g. `'nxcloud'`. */
  name: string;
  /** A provider whose HTTP the scenarios intercept. */
  createProvider(): ProviderV1;
  /** Credential values that must never be observable in errors or hook payloads. */
  secrets: readonly string[];
  /** Each installs the vendor's answers for exactly one case. */
  scenarios: FlowWriteContractScenarios;
  /** Removes what a scenario installed (called after each test). */
  cleanup(): void;
}

const FAILURES: Record<
  ContractFailureKind,
  { isInstance(value: unknown): boolean; outcomes: readonly RequestOutcome[] }
> = {
  authentication: { isInstance: (e) => AuthenticationError.isInstance(e), outcomes: ['failed'] },
  'rate-limited': { isInstance: (e) => RateLimitError.isInstance(e), outcomes: ['failed'] },
  // A vendor "busy" code is a refusal; a bare 5xx or a lost answer may have been applied.
  unavailable: { isInstance: (e) => ProviderUnavailableError.isInstance(e), outcomes: ['failed', 'unknown'] },
  'bad-response': { isInstance: (e) => ResponseFormatError.isInstance(e), outcomes: ['unknown'] },
};

const STATUS_WRITES: readonly FlowStatusWrite[] = ['publish', 'deprecate', 'delete'];

const METHOD_OF: Readonly<Record<FlowStatusWrite, keyof FlowsProvider>> = {
  publish: 'doPublish',
  deprecate: 'doDeprecate',
  delete: 'doDelete',
};

/**
 * The behaviour every adapter's flow writes owe their users, checked the same way for each: each
 * write reaches the vendor once; refusals by a flow's status, and a taken name, end as
 * ConflictError (classified by the adapter, or confirmed by the client's read); a write whose
 * answer was lost is found applied by a read (`$metadata.reconciled: true`) instead of being sent
 * again; failures have their class and outcome, and no secret anywhere. Only the writes the
 * provider has methods for are checked. Call it at the top level of a test file.
 */
export function runFlowWriteContractSuite(fixtures: FlowWriteContractFixtures): void {
  const { scenarios } = fixtures;
  const probe = fixtures.createProvider();
  const lacks = (...methods: (keyof FlowsProvider)[]) =>
    methods.some((method) => typeof probe.flows[method] !== 'function');

  function clientWith(settings: ClientSettings = {}) {
    const requests: { operation: Operation }[] = [];
    const events: unknown[] = [];
    const client = createClient({
      provider: fixtures.createProvider(),
      rateLimit: false,
      // One attempt: a write reaches the vendor once, and a lost answer is looked up, not resent.
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
    const sent = (operation: Operation) => requests.filter((event) => event.operation === operation).length;
    return { client, sent, events };
  }

  const rejection = (promise: Promise<unknown>) =>
    promise.then(
      () => expect.unreachable('the call should fail'),
      (error: unknown) => error as BspError,
    );

  describe(`flow write contract: ${fixtures.name}`, () => {
    afterEach(() => fixtures.cleanup());

    it.skipIf(lacks('doCreate'))('flows.create sends one create and returns the flow read back', async () => {
      const { input, id } = scenarios.create();
      const { client, sent } = clientWith();
      const flow = await client.flows.create({ ...input });
      expect(FlowSchema.parse(flow)).toEqual(flow);
      expect(flow).toMatchObject({ id, name: input.name, status: 'DRAFT', provider: fixtures.name });
      expect(flow.$metadata).toMatchObject({ provider: fixtures.name, attempts: 1 });
      expect(flow.$metadata.reconciled).toBeUndefined();
      expect(sent('flows.create')).toBe(1);
    });

    it.skipIf(lacks('doUpdate'))('flows.update sends the changes once', async () => {
      const { id, changes } = scenarios.update();
      const { client, sent } = clientWith();
      const ack = await client.flows.update(id, changes);
      expect(ack).toEqual({ id });
      expect(ack.$metadata.provider).toBe(fixtures.name);
      expect(sent('flows.update')).toBe(1);
    });

    it.skipIf(lacks('doUpdateJson'))('flows.updateJson sends the Flow JSON once, as given', async () => {
      const { id, received } = scenarios.updateJson();
      const { client, sent } = clientWith();
      const update = await client.flows.updateJson(id, CONTRACT_FLOW_JSON);
      expect(update).toEqual({ validationErrors: [] });
      expect(sent('flows.updateJson')).toBe(1);
      if (received) expect(received()).toBe(CONTRACT_FLOW_JSON);
    });

    it.skipIf(lacks('doGetJson'))(
      'flows.getJson returns the Flow JSON as served, and its parse',
      async () => {
        const { id, text } = scenarios.getJson();
        const { client, sent } = clientWith();
        const document = await client.flows.getJson(id);
        expect(document.text).toBe(text);
        expect(document.json).toEqual(JSON.parse(text));
        expect(sent('flows.getJson')).toBe(1);
      },
    );

    for (const operation of STATUS_WRITES) {
      const method = METHOD_OF[operation];

      it.skipIf(lacks(method))(`flows.${operation} sends one request`, async () => {
        const { id } = scenarios.statusWrite(operation);
        const { client, sent } = clientWith();
        const ack = await client.flows[operation](id);
        expect(ack).toEqual({ id });
        expect(ack.$metadata.reconciled).toBeUndefined();
        expect(sent(`flows.${operation}`)).toBe(1);
      });

      it.skipIf(lacks(method))(
        `flows.${operation} refused by the flow's status is a ConflictError with that state`,
        async () => {
          const { id, status } = scenarios.wrongState(operation);
          const { client, sent } = clientWith();
          const error = await rejection(client.flows[operation](id));
          expect(ConflictError.isInstance(error), String(error)).toBe(true);
          expect(error).toMatchObject({ provider: fixtures.name, state: status, outcome: 'failed' });
          expect(sent(`flows.${operation}`)).toBe(1);
        },
      );

      it.skipIf(lacks(method))(
        `flows.${operation} whose answer was lost is found applied, not sent again`,
        async () => {
          const { id } = scenarios.lostAnswer(operation);
          const { client, sent } = clientWith();
          const ack = await client.flows[operation](id);
          expect(ack).toEqual({ id });
          expect(ack.$metadata.reconciled).toBe(true);
          expect(sent(`flows.${operation}`)).toBe(1);
        },
      );
    }

    it.skipIf(lacks('doCreate'))('flows.create of a taken name is a ConflictError', async () => {
      const { input, id } = scenarios.nameTaken();
      const { client, sent } = clientWith();
      const error = await rejection(client.flows.create({ ...input }));
      expect(ConflictError.isInstance(error), String(error)).toBe(true);
      expect(error.provider).toBe(fixtures.name);
      if (error.details !== undefined) expect(error.details.flowId).toBe(id);
      expect(sent('flows.create')).toBe(1);
    });

    it.skipIf(lacks('doCreate'))(
      'flows.create whose answer was lost finds the flow by its name instead of creating it twice',
      async () => {
        const { input, id } = scenarios.lostCreateAnswer();
        const { client, sent } = clientWith();
        const flow = await client.flows.create({ ...input });
        expect(flow).toMatchObject({ id, name: input.name });
        expect(flow.$metadata.reconciled).toBe(true);
        expect(sent('flows.create')).toBe(1);
      },
    );

    it.skipIf(lacks('doCreate'))('refuses bad input before sending anything', async () => {
      const { client, sent } = clientWith();
      const bad = [
        client.flows.create({ name: 'x', categories: [] }),
        client.flows.create({ name: 'x', categories: ['OTHER', 'OTHER'] }),
        client.flows.create({ name: ' x', categories: ['OTHER'] }),
        client.flows.create({ name: 'x', categories: ['OTHER'], endpointUri: 'http://example.com' }),
        client.flows.create({ name: 'x', categories: ['OTHER'], flowJson: '{"version":"1.0"}' }),
        client.flows.update('1', {}),
        client.flows.updateJson('1', '{not json'),
      ];
      for (const call of bad) expect(InvalidRequestError.isInstance(await rejection(call))).toBe(true);
      expect(sent('flows.create') + sent('flows.update') + sent('flows.updateJson')).toBe(0);
    });

    for (const kind of Object.keys(FAILURES) as ContractFailureKind[]) {
      it.skipIf(lacks('doPublish'))(
        `reports a ${kind} failure of a write with its class, its outcome and no secret`,
        async () => {
          const { id } = scenarios.publishFailure(kind);
          const { client, sent, events } = clientWith();
          const error = await rejection(client.flows.publish(id));
          expect(FAILURES[kind].isInstance(error), String(error)).toBe(true);
          expect(error.provider).toBe(fixtures.name);
          expect(FAILURES[kind].outcomes).toContain(error.outcome);
          expect(sent('flows.publish')).toBe(1);
          const observable = [
            error.message,
            error.stack ?? '',
            JSON.stringify(error),
            inspect(error, { depth: 10 }),
            inspect(error.cause, { depth: 10 }),
            JSON.stringify(events),
            inspect(events, { depth: 10 }),
          ].join('\n');
          for (const secret of fixtures.secrets) expect(observable).not.toContain(secret);
        },
      );
    }
  });
}
