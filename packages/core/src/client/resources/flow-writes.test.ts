import { describe, expect, it } from 'vitest';
import {
  clientFor,
  FakeFlowVendor,
  type FlowMethod,
  lostAnswer,
} from '../../__fixtures__/fake-flow-vendor.js';
import { BspError } from '../../errors/bsp-error.js';
import {
  AuthenticationError,
  ConflictError,
  InvalidRequestError,
  NotFoundError,
  ProviderUnavailableError,
  RateLimitError,
  UnsupportedOperationError,
} from '../../errors/error-classes.js';
import type { FlowStatus } from '../../model/flow.js';
import { CONTRACT_FLOW_JSON } from '../../testing/flow-write-contract-payloads.js';

/*
 * flows.getJson, update, updateJson, publish, deprecate and delete against an in-memory vendor
 * that keeps Meta's state rules: what is sent, what comes back, and every path of retries,
 * reconciliation after a lost answer, and conflict confirmation.
 */

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('the call should fail'),
    (error: unknown) => error as BspError,
  );

function setup(status: FlowStatus = 'DRAFT', options: Parameters<typeof clientFor>[1] = {}) {
  const vendor = new FakeFlowVendor();
  const flow = vendor.seed({ name: 'sign_up', status, jsonText: CONTRACT_FLOW_JSON });
  return { vendor, id: flow.id, ...clientFor(vendor, options) };
}

describe('bad input and missing methods are refused before any request', () => {
  it('refuses bad ids, changes, Flow JSON and options, naming the field', async () => {
    const { vendor, client } = setup();
    const cases: [Promise<unknown>, string][] = [
      [client.flows.getJson(''), 'id'],
      [client.flows.publish(' 1'), 'id'],
      [client.flows.deprecate('1\n'), 'id'],
      [client.flows.delete(7 as unknown as string), 'id'],
      [client.flows.update('1', {}), 'changes'],
      [client.flows.update('1', { categories: ['OTHER', 'OTHER'] }), 'categories[1]'],
      [client.flows.update('1', { endpointUri: 'http://example.com' }), 'endpointUri'],
      [client.flows.update('1', { endpointUri: 'https://user:pw@example.com/' }), 'endpointUri'],
      [
        client.flows.create({
          name: 'f',
          categories: ['OTHER'],
          endpointUri: 'https://user:pw@example.com/',
        }),
        'endpointUri',
      ],
      [client.flows.updateJson('1', [] as unknown as object), 'flowJson'],
      [client.flows.updateJson('1', '{"version": "1.0", "screens": []}'), 'flowJson'],
      [client.flows.updateJson('1', CONTRACT_FLOW_JSON, { validate: 'never' as never }), 'validate'],
      [client.flows.publish('1', { timeoutMs: 0 }), 'timeoutMs'],
      [client.flows.publish('1', { retries: 2 } as never), 'retries'],
    ];
    for (const [call, field] of cases) {
      const error = await rejection(call);
      expect(InvalidRequestError.isInstance(error), field).toBe(true);
      expect(error).toMatchObject({ field, outcome: 'not-sent' });
    }
    expect(vendor.calls).toEqual([]);
  });

  it('refuses what the vendor cannot do, naming the vendor and the operation', async () => {
    const omit: FlowMethod[] = [
      'doGetJson',
      'doUpdate',
      'doUpdateJson',
      'doPublish',
      'doDeprecate',
      'doDelete',
    ];
    const { vendor, client, id } = setup('DRAFT', { omit });
    const calls = {
      'flows.getJson': client.flows.getJson(id),
      'flows.update': client.flows.update(id, { name: 'x' }),
      'flows.updateJson': client.flows.updateJson(id, CONTRACT_FLOW_JSON),
      'flows.publish': client.flows.publish(id),
      'flows.deprecate': client.flows.deprecate(id),
      'flows.delete': client.flows.delete(id),
    };
    for (const [operation, call] of Object.entries(calls)) {
      const error = await rejection(call);
      expect(UnsupportedOperationError.isInstance(error), operation).toBe(true);
      expect(error.message).toContain(`fake cannot do ${operation}`);
      expect(error.outcome).toBe('not-sent');
    }
    expect(vendor.calls).toEqual([]);
  });
});

describe('flows.getJson', () => {
  it('returns the Flow JSON text as served and its parse', async () => {
    const { client, id } = setup();
    const document = await client.flows.getJson(id);
    expect(document).toEqual({ json: JSON.parse(CONTRACT_FLOW_JSON), text: CONTRACT_FLOW_JSON });
    expect(document.$metadata).toMatchObject({ provider: 'fake', requestId: 'fake-1', attempts: 1 });
  });

  it('leaves json undefined for text that is not JSON', async () => {
    const { vendor, client } = setup();
    const { id } = vendor.seed({ name: 'broken', jsonText: '{"version": ' });
    expect(await client.flows.getJson(id)).toEqual({ json: undefined, text: '{"version": ' });
  });

  it('is retried like any read', async () => {
    const { vendor, client, id } = setup();
    vendor.fail('doGetJson', lostAnswer);
    const document = await client.flows.getJson(id);
    expect(document.$metadata.attempts).toBe(2);
  });
});

describe('flows.update', () => {
  it('sends only the fields given and returns the id', async () => {
    const { vendor, client, id } = setup();
    const ack = await client.flows.update(id, { categories: ['SURVEY'], endpointUri: 'https://e.example/x' });
    expect(ack).toEqual({ id });
    expect(vendor.callsOf('doUpdate')).toEqual([
      { id, categories: ['SURVEY'], endpointUri: 'https://e.example/x' },
    ]);
    expect(vendor.flows.get(id)).toMatchObject({ name: 'sign_up', categories: ['SURVEY'] });
  });

  it('after a lost answer, is found applied when the flow has every field asked for', async () => {
    const { vendor, client, id } = setup();
    vendor.fail('doUpdate', lostAnswer, { afterApplying: true });
    const ack = await client.flows.update(id, { name: 'renamed', categories: ['OTHER', 'SURVEY'] });
    expect(ack.$metadata).toMatchObject({ reconciled: true, attempts: 1 });
    expect(vendor.methods()).toEqual(['doUpdate', 'doGet']);
  });

  it('after a lost answer that was not applied, is sent again', async () => {
    const { vendor, client, id } = setup();
    vendor.fail('doUpdate', lostAnswer);
    const ack = await client.flows.update(id, { name: 'renamed' });
    expect(ack.$metadata.attempts).toBe(2);
    expect(ack.$metadata.reconciled).toBeUndefined();
    expect(vendor.methods()).toEqual(['doUpdate', 'doGet', 'doUpdate']);
  });

  it('of a DEPRECATED flow, refused without a code the adapter knows, is confirmed as a conflict', async () => {
    const { vendor, client, id } = setup('DEPRECATED');
    vendor.classifiesRefusals = false;
    const error = await rejection(client.flows.update(id, { name: 'renamed' }));
    expect(ConflictError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ state: 'DEPRECATED', outcome: 'failed', vendorCode: 139001 });
    expect(error.message).toContain('a DEPRECATED flow cannot be changed');
  });

  it('of a PUBLISHED flow is sent: Meta allows it, and the flow becomes a DRAFT', async () => {
    const { vendor, client, id } = setup('PUBLISHED');
    await client.flows.update(id, { name: 'renamed' });
    expect(vendor.flows.get(id)?.status).toBe('DRAFT');
  });
});

describe('flows.updateJson', () => {
  it('sends a string byte-for-byte and an object as JSON.stringify writes it', async () => {
    const { vendor, client, id } = setup();
    const text =
      ' {"version":"7.2" ,\r\n"screens":[{"id":"A","title":"A","terminal":true,"layout":{"type":"SingleColumnLayout","children":[{"type":"Footer","label":"Done","on-click-action":{"name":"complete","payload":{}}}]}}]}';
    await client.flows.updateJson(id, text);
    const object = JSON.parse(CONTRACT_FLOW_JSON) as object;
    await client.flows.updateJson(id, object);
    expect(vendor.callsOf('doUpdateJson')).toEqual([
      { id, text },
      { id, text: JSON.stringify(object) },
    ]);
  });

  it("returns the vendor's validation errors", async () => {
    const { vendor, client, id } = setup();
    vendor.validate = () => [{ message: 'Missing Form component', error: 'MISSING_FORM_COMPONENT' }];
    const update = await client.flows.updateJson(id, CONTRACT_FLOW_JSON);
    expect(update).toEqual({
      validationErrors: [{ message: 'Missing Form component', error: 'MISSING_FORM_COMPONENT' }],
    });
    expect(update.$metadata).toMatchObject({ provider: 'fake', attempts: 1 });
  });

  it("with validate: 'warn', sends an invalid Flow JSON and returns the offline errors when the vendor reports none", async () => {
    const { vendor, client, id } = setup();
    vendor.validate = () => [];
    const invalid = JSON.stringify({ version: '1.0', screens: [] });
    const update = await client.flows.updateJson(id, invalid, { validate: 'warn' });
    expect(update.validationErrors.map((error) => error.error)).toContain('INVALID_VERSION');
    expect(vendor.callsOf('doUpdateJson')).toEqual([{ id, text: invalid }]);
  });

  it("with validate: 'off', does not validate", async () => {
    const { vendor, client, id } = setup();
    vendor.validate = () => [];
    expect(await client.flows.updateJson(id, '{"version":"1.0"}', { validate: 'off' })).toEqual({
      validationErrors: [],
    });
  });

  it('after a lost answer, is found applied when the vendor serves the Flow JSON sent', async () => {
    const { vendor, client, id } = setup();
    vendor.validate = () => [{ message: 'stale' }];
    vendor.fail('doUpdateJson', lostAnswer, { afterApplying: true });
    const reformatted = JSON.stringify(JSON.parse(CONTRACT_FLOW_JSON), null, 4);
    const update = await client.flows.updateJson(id, reformatted);
    expect(update).toEqual({ validationErrors: [{ message: 'stale' }] });
    expect(update.$metadata.reconciled).toBe(true);
    expect(vendor.methods()).toEqual(['doUpdateJson', 'doGetJson', 'doGet']);
  });

  it('after a lost answer, is sent again when the vendor serves another Flow JSON', async () => {
    const { vendor, client, id } = setup();
    vendor.fail('doUpdateJson', lostAnswer);
    const other = CONTRACT_FLOW_JSON.replace('Thanks for signing up.', 'Welcome back.');
    const update = await client.flows.updateJson(id, other);
    expect(update.$metadata).toMatchObject({ attempts: 2 });
    expect(vendor.methods()).toEqual(['doUpdateJson', 'doGetJson', 'doUpdateJson']);
  });

  it('after a lost answer, is sent again on a vendor that cannot serve the Flow JSON', async () => {
    const { vendor, client, id } = setup('DRAFT', { omit: ['doGetJson'] });
    vendor.fail('doUpdateJson', lostAnswer, { afterApplying: true });
    const update = await client.flows.updateJson(id, CONTRACT_FLOW_JSON);
    expect(update.$metadata.attempts).toBe(2);
    expect(vendor.methods()).toEqual(['doUpdateJson', 'doUpdateJson']);
  });
});

describe('flows.publish, deprecate and delete', () => {
  it('send the write without reading the status first: the vendor is the authority', async () => {
    const { vendor, client, id } = setup();
    expect(await client.flows.publish(id)).toEqual({ id });
    expect(await client.flows.deprecate(id)).toEqual({ id });
    const draft = vendor.seed({ name: 'draft' });
    expect(await client.flows.delete(draft.id)).toEqual({ id: draft.id });
    expect(vendor.methods()).toEqual(['doPublish', 'doDeprecate', 'doDelete']);
    expect(vendor.flows.get(id)?.status).toBe('DEPRECATED');
    expect(vendor.flows.has(draft.id)).toBe(false);
  });

  const refused: [
    string,
    FlowStatus,
    (client: ReturnType<typeof setup>['client'], id: string) => Promise<unknown>,
  ][] = [
    ['publish', 'PUBLISHED', (client, id) => client.flows.publish(id)],
    ['publish', 'DEPRECATED', (client, id) => client.flows.publish(id)],
    ['deprecate', 'DRAFT', (client, id) => client.flows.deprecate(id)],
    ['deprecate', 'DEPRECATED', (client, id) => client.flows.deprecate(id)],
    ['delete', 'PUBLISHED', (client, id) => client.flows.delete(id)],
    ['delete', 'DEPRECATED', (client, id) => client.flows.delete(id)],
  ];

  for (const [operation, status, call] of refused) {
    it(`${operation} of a ${status} flow, refused with a code the adapter knows, is its ConflictError as it is`, async () => {
      const { vendor, client, id } = setup(status);
      const error = await rejection(call(client, id));
      expect(ConflictError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ state: status, message: expect.stringMatching(/^Flow is /) });
      expect(error.cause).toBeUndefined();
      expect(vendor.calls).toHaveLength(1);
    });

    it(`${operation} of a ${status} flow, refused without a code the adapter knows, is confirmed by a read`, async () => {
      const { vendor, client, id } = setup(status);
      vendor.classifiesRefusals = false;
      const error = await rejection(call(client, id));
      expect(ConflictError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ state: status, outcome: 'failed', vendorCode: 139001, attempts: 1 });
      expect(InvalidRequestError.isInstance(error.cause)).toBe(true);
      expect(error.message).toMatch(
        new RegExp(`refused flows\\.${operation} of flow ${id}: it is ${status}`),
      );
      expect(vendor.methods().slice(1)).toEqual(['doGet']);
    });
  }

  it('keep a refusal the status does not explain as the vendor gave it', async () => {
    // A draft whose Flow JSON has errors: the status allows publishing, the vendor refuses.
    const { vendor, client } = setup();
    const { id } = vendor.seed({ name: 'invalid', validationErrors: [{ message: 'bad' }], jsonText: '{}' });
    const error = await rejection(client.flows.publish(id));
    expect(error.message).toBe('Flow has validation errors');
    expect(ConflictError.isInstance(error)).toBe(false);
    expect(vendor.methods()).toEqual(['doPublish', 'doGet']);
  });

  it('keep the refusal when the confirming read fails too', async () => {
    const { vendor, client, id } = setup('PUBLISHED');
    vendor.classifiesRefusals = false;
    vendor.fail('doGet', () => new AuthenticationError('expired', { provider: 'fake' }));
    const error = await rejection(client.flows.publish(id));
    expect(error.message).toBe('Flow is PUBLISHED, not DRAFT');
    expect(InvalidRequestError.isInstance(error)).toBe(true);
  });

  it('do not read after a refusal that says why already', async () => {
    const { vendor, client, id } = setup();
    vendor.fail('doPublish', () => new AuthenticationError('bad signature', { provider: 'fake' }));
    vendor.fail('doDelete', () => new NotFoundError('no such flow', { provider: 'fake' }));
    expect(AuthenticationError.isInstance(await rejection(client.flows.publish(id)))).toBe(true);
    expect(NotFoundError.isInstance(await rejection(client.flows.delete(id)))).toBe(true);
    expect(vendor.methods()).toEqual(['doPublish', 'doDelete']);
  });

  it('are retried after throttling', async () => {
    const { vendor, client, id, clock } = setup();
    vendor.fail('doPublish', () => new RateLimitError('slow down', { provider: 'fake' }));
    const ack = await client.flows.publish(id);
    expect(ack.$metadata).toMatchObject({ attempts: 2, totalRetryDelayMs: clock.sleeps[0] });
    expect(ack.$metadata.reconciled).toBeUndefined();
  });

  it('after a lost answer, are found applied by the status they set, and not sent again', async () => {
    const { vendor, client, id } = setup();
    vendor.fail('doPublish', lostAnswer, { afterApplying: true });
    vendor.fail('doDeprecate', lostAnswer, { afterApplying: true });
    const published = await client.flows.publish(id);
    const deprecated = await client.flows.deprecate(id);
    for (const ack of [published, deprecated]) {
      expect(ack).toEqual({ id });
      expect(ack.$metadata).toMatchObject({ reconciled: true, attempts: 1, requestId: expect.any(String) });
    }
    expect(vendor.methods()).toEqual(['doPublish', 'doGet', 'doDeprecate', 'doGet']);
  });

  it('count a publish as applied when the flow is already in a state of a published flow', async () => {
    const { vendor, client, id } = setup();
    vendor.fail('doPublish', lostAnswer, {
      afterApplying: true,
    });
    vendor.beforeCall = (method) => {
      // Meta's health monitor throttles the flow right after it is published.
      if (method === 'doGet') vendor.flows.get(id)!.status = 'THROTTLED';
    };
    expect((await client.flows.publish(id)).$metadata.reconciled).toBe(true);
  });

  it('after a lost answer, count "already in that state" on the retry as success', async () => {
    // The first publish is applied only after the look-up has read the flow (a slow vendor): the
    // look-up finds a DRAFT, the retry is refused because the flow is now PUBLISHED.
    const { vendor, client, id } = setup();
    vendor.classifiesRefusals = false;
    vendor.fail('doPublish', lostAnswer);
    let reads = 0;
    vendor.beforeCall = (method) => {
      if (method === 'doGet' && ++reads === 1)
        queueMicrotask(() => (vendor.flows.get(id)!.status = 'PUBLISHED'));
    };
    const ack = await client.flows.publish(id);
    expect(ack.$metadata).toMatchObject({ reconciled: true, attempts: 2 });
    expect(vendor.methods()).toEqual(['doPublish', 'doGet', 'doPublish', 'doGet']);
  });

  it('after a lost answer, count a delete refused as not found on the retry as success', async () => {
    const { vendor, client, id } = setup();
    vendor.fail('doDelete', lostAnswer);
    let reads = 0;
    vendor.beforeCall = (method) => {
      if (method === 'doGet' && ++reads === 1) queueMicrotask(() => vendor.flows.delete(id));
    };
    const ack = await client.flows.delete(id);
    expect(ack).toEqual({ id });
    expect(ack.$metadata).toMatchObject({ reconciled: true, attempts: 2 });
    expect(vendor.methods()).toEqual(['doDelete', 'doGet', 'doDelete', 'doGet']);
  });

  it('delete after a lost answer is found applied when the flow is gone', async () => {
    const { vendor, client, id } = setup();
    vendor.fail('doDelete', lostAnswer, { afterApplying: true });
    const ack = await client.flows.delete(id);
    expect(ack.$metadata).toMatchObject({ reconciled: true, attempts: 1 });
    expect(vendor.methods()).toEqual(['doDelete', 'doGet']);
  });

  it('keep the unknown outcome when the look-up after a lost answer fails and no attempt is left', async () => {
    const { vendor, client, id } = setup('DRAFT', { retry: { maxAttempts: 1 } });
    vendor.fail('doPublish', lostAnswer);
    vendor.fail('doGet', () => new ProviderUnavailableError('read timed out', { provider: 'fake' }));
    const error = await rejection(client.flows.publish(id));
    expect(error).toMatchObject({ message: 'socket hang up', outcome: 'unknown' });
    expect(vendor.methods()).toEqual(['doPublish', 'doGet']);
  });

  it('end with the signal’s reason when the caller aborts, without a confirming read', async () => {
    const { vendor, client, id } = setup('PUBLISHED');
    vendor.classifiesRefusals = false;
    const controller = new AbortController();
    vendor.beforeCall = () => controller.abort(new Error('stop'));
    await expect(client.flows.publish(id, { signal: controller.signal })).rejects.toThrow('stop');
    expect(vendor.methods()).toEqual(['doPublish']);
  });
});

describe('hooks', () => {
  it('see each write and each read it made, by operation', async () => {
    const vendor = new FakeFlowVendor();
    vendor.classifiesRefusals = false;
    const { id } = vendor.seed({ name: 'x', status: 'DEPRECATED' });
    const operations: string[] = [];
    const { client } = clientFor(vendor, {
      hooks: { onRequest: (event) => operations.push(event.operation) },
    });
    await rejection(client.flows.delete(id));
    expect(operations).toEqual(['flows.delete', 'flows.get']);
    expect(BspError.isInstance(await rejection(client.flows.publish(id)))).toBe(true);
  });
});
