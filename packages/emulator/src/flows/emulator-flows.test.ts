import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CallbackReceiver, startCallbackReceiver } from '../__fixtures__/callback-receiver.js';
import { type Emulator, startEmulator } from '../start-emulator.js';
import { FlowRefusal } from './flow-refusal.js';

// The test helpers of `emulator.flows`: the vendor servers' flow rules, without a request.

let emulator: Emulator;
let receiver: CallbackReceiver;

beforeAll(async () => {
  receiver = await startCallbackReceiver();
  emulator = await startEmulator({
    data: { flows: 0, templates: 0 },
    webhooks: { nxcloud: receiver.url, cams: receiver.url },
  });
});
afterAll(async () => {
  await emulator.close();
  await receiver.close();
});

/** A Flow JSON value built to Meta's Flow JSON reference: one terminal screen. */
const oneScreen = {
  version: '7.1',
  data_api_version: '3.0',
  screens: [{ id: 'ONLY', terminal: true, layout: { type: 'SingleColumnLayout', children: [] } }],
};

function refusalOf(action: () => unknown): FlowRefusal {
  try {
    action();
  } catch (error) {
    if (error instanceof FlowRefusal) return error;
    throw error;
  }
  throw new Error('no refusal');
}

describe('emulator.flows', () => {
  it('create makes a DRAFT; with flowJson, that is uploaded (indented) and its versions become the flow’s', () => {
    const flow = emulator.flows.create({ name: 'helper_flow', categories: ['OTHER'], flowJson: oneScreen });
    expect(flow).toMatchObject({
      status: 'DRAFT',
      jsonVersion: '7.1',
      dataApiVersion: '3.0',
      validationErrors: [],
    });
    expect(emulator.flows.json(flow.id)).toBe(JSON.stringify(oneScreen, null, 2));
    const clone = emulator.flows.create({
      name: 'helper_clone',
      categories: ['OTHER'],
      cloneFlowId: flow.id,
    });
    expect(emulator.flows.json(clone.id)).toBe(emulator.flows.json(flow.id));
  });

  it('a new flow serves the generated starting document, which passes the checks', () => {
    const flow = emulator.flows.create({ name: 'helper_default', categories: ['SURVEY'] });
    const text = emulator.flows.json(flow.id) ?? '';
    expect(JSON.parse(text)).toMatchObject({ version: flow.jsonVersion, screens: [{ terminal: true }] });
    expect(emulator.flows.validate(text)).toEqual([]);
    expect(emulator.flows.json('no-such-flow')).toBeUndefined();
  });

  it('setJson checks, stores and returns the errors; validate only checks', () => {
    const flow = emulator.flows.create({ name: 'helper_json', categories: ['OTHER'] });
    const errors = emulator.flows.setJson(flow.id, '{"version":"7.0","screens":[{"id":"A"}]}');
    expect(errors.map((error) => error.error)).toEqual(['NO_TERMINAL_SCREEN']);
    expect(emulator.store.flows.get(flow.id)?.validationErrors).toEqual(errors);
    expect(emulator.flows.json(flow.id)).toBe('{"version":"7.0","screens":[{"id":"A"}]}');
    expect(emulator.flows.validate('not json')[0]?.error).toBe('INVALID_FLOW_JSON');
    expect(emulator.flows.json(flow.id)).toBe('{"version":"7.0","screens":[{"id":"A"}]}');
  });

  it('setStatus sets any status, as Meta’s health monitor does, and NXCloud’s flows webhook follows; CAMS has none', async () => {
    const flow = emulator.flows.create({ name: 'helper_status', categories: ['OTHER'] });
    await emulator.webhooks.settled();
    receiver.received.length = 0;
    expect(emulator.flows.setStatus(flow.id, 'THROTTLED').status).toBe('THROTTLED');
    await emulator.webhooks.settled();
    expect(receiver.received.map(({ body }) => JSON.parse(body).value)).toEqual([
      expect.objectContaining({ flow_id: flow.id, old_status: 'DRAFT', new_status: 'THROTTLED' }),
    ]);
    expect(() => emulator.flows.setStatus('no-such-flow', 'DRAFT')).toThrow('No flow with id no-such-flow');
    // An edit of a throttled (published) flow sends it back to DRAFT.
    emulator.flows.setJson(flow.id, oneScreen);
    expect(emulator.store.flows.get(flow.id)?.status).toBe('DRAFT');
  });

  it('refuses what Meta refuses, with a FlowRefusal naming the kind', () => {
    emulator.flows.create({ name: 'helper_taken', categories: ['OTHER'] });
    expect(
      refusalOf(() => emulator.flows.create({ name: 'helper_taken', categories: ['OTHER'] })),
    ).toMatchObject({
      kind: 'name-taken',
      operation: 'create',
    });
    expect(
      refusalOf(() => emulator.flows.create({ name: 'x', categories: ['OTHER'], cloneFlowId: 'none' })),
    ).toMatchObject({
      kind: 'not-found',
      details: { field: 'clone_flow_id' },
    });
    const flow = emulator.flows.create({ name: 'helper_final', categories: ['OTHER'] });
    emulator.flows.setStatus(flow.id, 'DEPRECATED');
    expect(refusalOf(() => emulator.flows.setJson(flow.id, oneScreen))).toMatchObject({
      kind: 'wrong-state',
      operation: 'updateJson',
      details: { status: 'DEPRECATED' },
    });
    expect(refusalOf(() => emulator.flows.setJson(flow.id, ''))).toMatchObject({ kind: 'wrong-state' });
    expect(refusalOf(() => emulator.flows.setJson('no-such-flow', oneScreen)).kind).toBe('not-found');
  });
});
