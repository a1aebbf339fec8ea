import { describe, expect, it } from 'vitest';
import { clientFor, FakeFlowVendor, lostAnswer } from '../../__fixtures__/fake-flow-vendor.js';
import type { BspError } from '../../errors/bsp-error.js';
import {
  ConflictError,
  InvalidRequestError,
  ProviderUnavailableError,
  RateLimitError,
  UnsupportedOperationError,
} from '../../errors/error-classes.js';
import { FlowSchema } from '../../model/flow.js';
import { CONTRACT_FLOW_JSON } from '../../testing/flow-write-contract-payloads.js';
import { InvalidFlowJsonError } from '../../validation/flow-json/check-flow-json-before-write.js';

/*
 * flows.create against an in-memory vendor that keeps Meta's state rules: the steps it runs, the
 * result and its metadata, what a failure after the flow exists says, and reconciliation by name
 * after a lost answer.
 */

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('the call should fail'),
    (error: unknown) => error as BspError,
  );

const input = { name: 'sign_up', categories: ['SIGN_UP' as const] };
const invalidJson = JSON.stringify({ version: '1.0', screens: [] });

function setup(options: Parameters<typeof clientFor>[1] = {}) {
  const vendor = new FakeFlowVendor();
  return { vendor, ...clientFor(vendor, options) };
}

describe('flows.create', () => {
  it('creates the flow and returns it as read back, with the create request in $metadata', async () => {
    const { vendor, client } = setup();
    const id = vendor.nextFlowId();
    const flow = await client.flows.create({ ...input, endpointUri: 'https://e.example/flow' });
    expect(FlowSchema.parse(flow)).toEqual(flow);
    expect(flow).toMatchObject({ id, name: 'sign_up', status: 'DRAFT', categories: ['SIGN_UP'] });
    expect(flow.endpointUri).toBe('https://e.example/flow');
    expect(flow.$metadata).toEqual({
      provider: 'fake',
      requestId: 'fake-1',
      httpStatusCode: 200,
      attempts: 1,
      totalRetryDelayMs: 0,
    });
    expect(vendor.methods()).toEqual(['doCreate', 'doGet']);
    expect(vendor.callsOf('doCreate')).toEqual([
      { name: 'sign_up', categories: ['SIGN_UP'], endpointUri: 'https://e.example/flow' },
    ]);
  });

  it('uploads the Flow JSON and publishes, in that order', async () => {
    const { vendor, client } = setup();
    const flow = await client.flows.create({ ...input, flowJson: CONTRACT_FLOW_JSON, publish: true });
    expect(flow).toMatchObject({ status: 'PUBLISHED', validationErrors: [] });
    expect(vendor.methods()).toEqual(['doCreate', 'doUpdateJson', 'doPublish', 'doGet']);
    expect(vendor.callsOf('doUpdateJson')).toEqual([{ id: flow.id, text: CONTRACT_FLOW_JSON }]);
  });

  it('sends a Flow JSON object as JSON.stringify writes it', async () => {
    const { vendor, client } = setup();
    const object = JSON.parse(CONTRACT_FLOW_JSON) as object;
    await client.flows.create({ ...input, flowJson: object });
    expect(vendor.callsOf('doUpdateJson')).toEqual([
      { id: expect.any(String), text: JSON.stringify(object) },
    ]);
  });

  it('clones a flow, and may publish the clone without a Flow JSON of its own', async () => {
    const { vendor, client } = setup();
    const source = vendor.seed({ name: 'source', jsonText: CONTRACT_FLOW_JSON });
    const flow = await client.flows.create({ ...input, cloneFlowId: source.id, publish: true });
    expect(flow.status).toBe('PUBLISHED');
    expect(vendor.callsOf('doCreate')).toEqual([{ ...input, cloneFlowId: source.id }]);
    expect(vendor.methods()).toEqual(['doCreate', 'doPublish', 'doGet']);
  });

  it('refuses an invalid Flow JSON before creating anything', async () => {
    const { vendor, client } = setup();
    const error = await rejection(client.flows.create({ ...input, flowJson: invalidJson }));
    expect(InvalidFlowJsonError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ field: 'flowJson', outcome: 'not-sent' });
    expect(vendor.calls).toEqual([]);
  });

  it('refuses a step the vendor cannot do before creating anything', async () => {
    for (const [omit, asked] of [
      ['doCreate', {}],
      ['doUpdateJson', { flowJson: CONTRACT_FLOW_JSON }],
      ['doPublish', { flowJson: CONTRACT_FLOW_JSON, publish: true }],
    ] as const) {
      const { vendor, client } = setup({ omit: [omit] });
      const error = await rejection(client.flows.create({ ...input, ...asked }));
      expect(UnsupportedOperationError.isInstance(error), omit).toBe(true);
      expect(vendor.calls).toEqual([]);
    }
  });

  it('does not publish while the vendor reports validation errors, and says which', async () => {
    const { vendor, client } = setup();
    const reported = [
      { message: 'Missing Form component', error: 'MISSING_FORM', pointers: [{ path: 'screens[0]' }] },
      { message: 'Unknown property', error: 'INVALID_PROPERTY' },
    ];
    vendor.validate = () => reported;
    const id = vendor.nextFlowId();
    const error = await rejection(
      client.flows.create({ ...input, flowJson: CONTRACT_FLOW_JSON, publish: true }),
    );
    expect(ConflictError.isInstance(error)).toBe(true);
    // The publish was never sent, but the flow was created: not "nothing happened".
    expect(error).toMatchObject({ state: 'DRAFT', outcome: 'unknown' });
    expect(error.message).toContain(`Flow ${id} ('sign_up') was created, but publishing it failed`);
    expect(error.message).toContain('2 validation errors');
    expect(error.message).toContain('MISSING_FORM at screens[0]: Missing Form component');
    expect(error.details).toEqual({ flowId: id, created: true, step: 'publish', validationErrors: reported });
    expect(vendor.methods()).toEqual(['doCreate', 'doUpdateJson']);
  });

  it("with validate: 'warn', returns the offline errors the vendor does not report", async () => {
    const { vendor, client } = setup();
    vendor.validate = () => [];
    const flow = await client.flows.create({ ...input, flowJson: invalidJson, validate: 'warn' });
    expect(flow.validationErrors.map((error) => error.error)).toContain('INVALID_VERSION');
    expect(vendor.callsOf('doUpdateJson')).toEqual([{ id: flow.id, text: invalidJson }]);
  });

  it("returns the vendor's validation errors over the offline ones", async () => {
    const { vendor, client } = setup();
    vendor.validate = () => [{ message: 'from the vendor' }];
    const flow = await client.flows.create({ ...input, flowJson: invalidJson, validate: 'warn' });
    expect(flow.validationErrors).toEqual([{ message: 'from the vendor' }]);
  });

  it('says a failure after the flow exists left it created, with its id, keeping the error class', async () => {
    const { vendor, client } = setup({ retry: { maxAttempts: 1 } });
    const id = vendor.nextFlowId();
    vendor.fail(
      'doUpdateJson',
      () => new RateLimitError('slow down', { provider: 'fake', requestId: 'r-9' }),
    );
    const error = await rejection(client.flows.create({ ...input, flowJson: CONTRACT_FLOW_JSON }));
    expect(RateLimitError.isInstance(error)).toBe(true);
    // The vendor refused the upload, but the create before it was applied: a blind retry would
    // create the flow again.
    expect(error).toMatchObject({ requestId: 'r-9', outcome: 'unknown', retryable: true });
    expect(error.details).toEqual({ flowId: id, created: true, step: 'updateJson' });
    expect(error.message).toBe(
      `Flow ${id} ('sign_up') was created, but uploading its Flow JSON failed; carry on with flow ${id} instead of creating it again. slow down`,
    );
    expect(error.stack?.startsWith(`RateLimitError: ${error.message}`)).toBe(true);
    expect(JSON.parse(JSON.stringify(error)).details).toEqual({
      flowId: id,
      created: true,
      step: 'updateJson',
    });
    expect(vendor.flows.get(id)?.name).toBe('sign_up');
  });

  it('says so too when publishing or reading back fails', async () => {
    const first = setup({ retry: { maxAttempts: 1 } });
    first.vendor.fail(
      'doPublish',
      () => new InvalidRequestError('refused', { provider: 'fake', outcome: 'failed' }),
    );
    const publishError = await rejection(
      first.client.flows.create({ ...input, flowJson: CONTRACT_FLOW_JSON, publish: true }),
    );
    expect(publishError.details).toMatchObject({ created: true, step: 'publish' });
    expect(publishError.outcome).toBe('unknown');

    const second = setup({ retry: { maxAttempts: 1 } });
    second.vendor.fail('doGet', lostAnswer);
    const readError = await rejection(second.client.flows.create(input));
    expect(readError.details).toMatchObject({ created: true, step: 'get' });
    expect(readError.outcome).toBe('unknown');
    expect(ProviderUnavailableError.isInstance(readError)).toBe(true);
  });

  it('sums the retry delays of every step in $metadata', async () => {
    const { vendor, client, clock } = setup();
    vendor.fail('doPublish', () => new RateLimitError('slow down', { provider: 'fake' }));
    const flow = await client.flows.create({ ...input, flowJson: CONTRACT_FLOW_JSON, publish: true });
    expect(clock.sleeps).toHaveLength(1);
    expect(flow.$metadata).toMatchObject({ attempts: 1, totalRetryDelayMs: clock.sleeps[0] });
  });

  describe('a taken name', () => {
    it("is the adapter's ConflictError when it knows the vendor's code", async () => {
      const { vendor, client } = setup();
      vendor.seed({ name: 'sign_up' });
      const error = await rejection(client.flows.create(input));
      expect(ConflictError.isInstance(error)).toBe(true);
      expect(vendor.methods()).toEqual(['doCreate']);
    });

    it('is confirmed by looking the name up when the adapter cannot classify the refusal', async () => {
      const { vendor, client } = setup();
      vendor.classifiesRefusals = false;
      for (let index = 0; index < 120; index += 1) vendor.seed({ name: `flow_${index}` });
      const holder = vendor.seed({ name: 'sign_up', status: 'PUBLISHED' });
      const error = await rejection(client.flows.create(input));
      expect(ConflictError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ state: 'PUBLISHED', vendorCode: 100, details: { flowId: holder.id } });
      expect(InvalidRequestError.isInstance(error.cause)).toBe(true);
      expect(error.message).toContain(`the name is taken by flow ${holder.id}`);
      // The list is read to the end, in the largest pages the vendor serves.
      expect(vendor.callsOf('doList')).toEqual([
        { pageSize: 50 },
        { pageSize: 50, cursor: '50' },
        { pageSize: 50, cursor: '100' },
      ]);
    });

    it('leaves a refusal as it is when no flow has the name', async () => {
      const { vendor, client } = setup();
      vendor.fail(
        'doCreate',
        () => new InvalidRequestError('bad endpoint', { provider: 'fake', outcome: 'failed' }),
      );
      const error = await rejection(client.flows.create(input));
      expect(error.message).toBe('bad endpoint');
      expect(vendor.methods()).toEqual(['doCreate', 'doList']);
    });
  });

  describe('after a lost answer', () => {
    it('finds the flow by its name and carries on with it, not creating it twice', async () => {
      const { vendor, client } = setup();
      vendor.seed({ name: 'other' });
      vendor.fail('doCreate', lostAnswer, { afterApplying: true });
      const flow = await client.flows.create({ ...input, flowJson: CONTRACT_FLOW_JSON, publish: true });
      expect(flow).toMatchObject({ name: 'sign_up', status: 'PUBLISHED' });
      expect(flow.$metadata).toMatchObject({ reconciled: true, attempts: 1 });
      expect(vendor.callsOf('doCreate')).toHaveLength(1);
      expect(vendor.methods()).toEqual(['doCreate', 'doList', 'doGet', 'doUpdateJson', 'doPublish', 'doGet']);
      expect([...vendor.flows.values()].filter((stored) => stored.name === 'sign_up')).toHaveLength(1);
    });

    it('matches the categories in any order', async () => {
      const { vendor, client } = setup();
      vendor.fail('doCreate', lostAnswer, { afterApplying: true });
      const flow = await client.flows.create({ name: 'x', categories: ['SURVEY', 'OTHER'] });
      expect(flow.$metadata.reconciled).toBe(true);
    });

    it('creates the flow again when the name is not found', async () => {
      const { vendor, client } = setup();
      vendor.fail('doCreate', lostAnswer);
      const flow = await client.flows.create(input);
      expect(flow.$metadata).toMatchObject({ attempts: 2 });
      expect(flow.$metadata.reconciled).toBeUndefined();
      expect(vendor.methods()).toEqual(['doCreate', 'doList', 'doCreate', 'doGet']);
    });

    it('is a ConflictError when a flow of that name differs from what was asked', async () => {
      const { vendor, client } = setup();
      vendor.fail('doCreate', lostAnswer);
      vendor.beforeCall = (method) => {
        // Someone else creates the name meanwhile, with other categories.
        if (method === 'doList') vendor.seed({ name: 'sign_up', categories: ['OTHER'] });
      };
      const error = await rejection(client.flows.create(input));
      expect(ConflictError.isInstance(error)).toBe(true);
      expect(error.message).toContain('with other categories than asked for');
      expect((error as ConflictError).state).toBe('DRAFT');
      expect(vendor.callsOf('doCreate')).toHaveLength(1);
    });

    it('compares the endpoint when the read carries one', async () => {
      const { vendor, client } = setup();
      vendor.fail('doCreate', lostAnswer);
      vendor.beforeCall = (method) => {
        if (method === 'doList') {
          vendor.seed({ name: 'sign_up', categories: ['SIGN_UP'], endpointUri: 'https://other.example' });
        }
      };
      const error = await rejection(client.flows.create({ ...input, endpointUri: 'https://mine.example' }));
      expect(error.message).toContain('other endpointUri');
    });

    it('keeps the unknown outcome when the look-up fails too', async () => {
      const { vendor, client } = setup();
      vendor.fail('doCreate', lostAnswer);
      vendor.fail(
        'doList',
        () => new ProviderUnavailableError('down', { provider: 'fake', retryable: false }),
      );
      const error = await rejection(client.flows.create(input));
      expect(error).toMatchObject({ message: 'socket hang up', outcome: 'unknown' });
      expect(vendor.callsOf('doCreate')).toHaveLength(1);
    });

    it('is sent again after throttling, which applied nothing', async () => {
      const { vendor, client } = setup();
      vendor.fail('doCreate', () => new RateLimitError('slow down', { provider: 'fake' }));
      const flow = await client.flows.create(input);
      expect(vendor.methods()).toEqual(['doCreate', 'doCreate', 'doGet']);
      expect(flow.$metadata.attempts).toBe(2);
    });
  });
});
