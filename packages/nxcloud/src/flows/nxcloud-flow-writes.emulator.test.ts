import { inspect } from 'node:util';
import {
  BspError,
  ConflictError,
  createClient,
  FlowSchema,
  FlowValidationErrorSchema,
  NotFoundError,
  ProviderUnavailableError,
  type ProviderV1,
  ResponseFormatError,
  type WhatsAppClient,
} from '@whatsapp-bsp/core';
import { CONTRACT_FLOW_JSON } from '@whatsapp-bsp/core/testing';
import { type Emulator, FLOW_JSON_DOWNLOAD_OPERATION, startEmulator } from '@whatsapp-bsp/emulator';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { callContext } from '../__fixtures__/nxcloud-test-support.js';
import { nxcloud } from '../nxcloud-provider.js';
import { FLOW_JSON_TEXT } from './__fixtures__/nxcloud-flow-write-payloads.js';

/*
 * The flow writes against the whatsapp-bsp emulator's NXCloud server, over loopback sockets. The
 * emulator checks each request's signature (body-less for updateFlowJson's multipart), the fields
 * each operation requires, and Meta's status rules; it keeps what was written, so every write is
 * read back through queryFlowById, getFlowJson and its download link.
 */

let emulator: Emulator<'nxcloud'>;
let provider: ProviderV1;
let client: WhatsAppClient;
let serial = 0;
const uniqueName = (prefix: string) => `${prefix}_${++serial}`;

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
  emulator = await startEmulator({ vendors: ['nxcloud'], data: { flows: 0, templates: 0 } });
  provider = nxcloud(emulator.nxcloud.config);
  client = createClient({ provider, rateLimit: false });
});
afterEach(() => emulator.faults.clear());
afterAll(async () => {
  await emulator.close();
  nock.enableNetConnect();
});

async function rejection(call: Promise<unknown>): Promise<BspError> {
  const error = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(BspError.isInstance(error), String(error)).toBe(true);
  const bspError = error as BspError;
  const secret = emulator.nxcloud.config.accessSecret;
  for (const printed of [bspError.message, JSON.stringify(bspError), inspect(bspError, { depth: 8 })]) {
    expect(printed).not.toContain(secret);
  }
  return bspError;
}

/** A DRAFT flow with the contract's Flow JSON, made through the adapter alone. */
async function draftFlow(name = uniqueName('draft')): Promise<string> {
  const { value } = await provider.flows.doCreate!({ name, categories: ['SIGN_UP'] }, callContext());
  await provider.flows.doUpdateJson!({ id: value.id, text: CONTRACT_FLOW_JSON }, callContext());
  return value.id;
}

describe('flows against the emulator: the adapter alone', () => {
  it('creates a DRAFT flow that queryFlowById reads back with its name and categories', async () => {
    const name = uniqueName('lead_form');
    const { value } = await provider.flows.doCreate!(
      { name, categories: ['LEAD_GENERATION', 'SURVEY'], endpointUri: 'https://shop.example/flow' },
      callContext(),
    );
    expect(value.id).toMatch(/^\d+$/);
    const { value: flow } = await provider.flows.doGet({ id: value.id }, callContext());
    expect(flow).toMatchObject({
      id: value.id,
      name,
      status: 'DRAFT',
      categories: ['LEAD_GENERATION', 'SURVEY'],
      endpointUri: 'https://shop.example/flow',
    });
  });

  it('uploads a Flow JSON with the body-less signature, and downloads it back byte for byte', async () => {
    const { value } = await provider.flows.doCreate!(
      { name: uniqueName('upload'), categories: ['OTHER'] },
      callContext(),
    );
    const update = await provider.flows.doUpdateJson!({ id: value.id, text: FLOW_JSON_TEXT }, callContext());
    expect(update.value).toEqual({ validationErrors: [] });
    expect(emulator.flows.json(value.id)).toBe(FLOW_JSON_TEXT);

    const { value: document } = await provider.flows.doGetJson!({ id: value.id }, callContext());
    expect(document.text).toBe(FLOW_JSON_TEXT);
    expect(document.json).toEqual(JSON.parse(FLOW_JSON_TEXT));
    expect(emulator.requests.count('nxcloud', FLOW_JSON_DOWNLOAD_OPERATION)).toBeGreaterThan(0);
  });

  it('is still accepted with the appkey form field added by sendAppKeyOnUploads', async () => {
    const withAppKey = nxcloud({ ...emulator.nxcloud.config, sendAppKeyOnUploads: true });
    const { value } = await withAppKey.flows.doCreate!(
      { name: uniqueName('appkey'), categories: ['OTHER'] },
      callContext(),
    );
    await withAppKey.flows.doUpdateJson!({ id: value.id, text: CONTRACT_FLOW_JSON }, callContext());
    expect(emulator.flows.json(value.id)).toBe(CONTRACT_FLOW_JSON);
  });

  it("maps the emulator's validation errors, with their positions and pointer paths", async () => {
    const { value } = await provider.flows.doCreate!(
      { name: uniqueName('invalid'), categories: ['OTHER'] },
      callContext(),
    );
    // Two screens with one id: Meta's DUPLICATE_SCREEN_ID, pointing at the second id.
    const document = JSON.parse(CONTRACT_FLOW_JSON);
    document.screens.push({ ...document.screens[0] });
    const invalid = `${JSON.stringify(document, null, 2)}\n`;
    const { value: update } = await provider.flows.doUpdateJson!(
      { id: value.id, text: invalid },
      callContext(),
    );
    expect(update.validationErrors).toEqual(emulator.flows.validate(invalid));
    const duplicate = update.validationErrors.find((error) => error.error === 'DUPLICATE_SCREEN_ID');
    expect(FlowValidationErrorSchema.parse(duplicate)).toEqual(duplicate);
    expect(duplicate?.lineStart).toBeGreaterThan(1);
    expect(duplicate?.pointers?.map((pointer) => pointer.path)).toContain('screens[1].id');
  });

  it('updates only the metadata given', async () => {
    const id = await draftFlow();
    await provider.flows.doUpdate!({ id, name: uniqueName('renamed') }, callContext());
    await provider.flows.doUpdate!({ id, categories: ['CONTACT_US'] }, callContext());
    const { value: flow } = await provider.flows.doGet({ id }, callContext());
    expect(flow.name).toMatch(/^renamed_/);
    expect(flow.categories).toEqual(['CONTACT_US']);
  });

  it('publishes, deprecates, and deletes only a draft', async () => {
    const published = await draftFlow();
    await provider.flows.doPublish!({ id: published }, callContext());
    expect((await provider.flows.doGet({ id: published }, callContext())).value.status).toBe('PUBLISHED');
    await provider.flows.doDeprecate!({ id: published }, callContext());
    expect((await provider.flows.doGet({ id: published }, callContext())).value.status).toBe('DEPRECATED');

    const draft = await draftFlow();
    await provider.flows.doDelete!({ id: draft }, callContext());
    expect(
      NotFoundError.isInstance(await rejection(provider.flows.doGet({ id: draft }, callContext()))),
    ).toBe(true);
  });

  it('a taken name is a ConflictError, and a deprecated flow deprecated again one with its state', async () => {
    const name = uniqueName('taken');
    await provider.flows.doCreate!({ name, categories: ['OTHER'] }, callContext());
    const taken = await rejection(provider.flows.doCreate!({ name, categories: ['OTHER'] }, callContext()));
    expect(ConflictError.isInstance(taken)).toBe(true);
    expect(taken.outcome).toBe('failed');

    const id = await draftFlow();
    await provider.flows.doPublish!({ id }, callContext());
    await provider.flows.doDeprecate!({ id }, callContext());
    const again = await rejection(provider.flows.doDeprecate!({ id }, callContext()));
    expect(ConflictError.isInstance(again)).toBe(true);
    expect((again as ConflictError).state).toBe('DEPRECATED');
  });

  it('getJson of a flow the emulator does not know is a NotFoundError', async () => {
    const error = await rejection(provider.flows.doGetJson!({ id: '999999999999' }, callContext()));
    expect(NotFoundError.isInstance(error)).toBe(true);
  });
});

describe('flows against the emulator: through the client', () => {
  it('creates, uploads, publishes and reads back in one call, then deprecates', async () => {
    const name = uniqueName('client_flow');
    const flow = await client.flows.create({
      name,
      categories: ['APPOINTMENT_BOOKING'],
      flowJson: CONTRACT_FLOW_JSON,
      publish: true,
    });
    expect(FlowSchema.parse(flow)).toEqual(flow);
    expect(flow).toMatchObject({ name, status: 'PUBLISHED', validationErrors: [] });
    expect((await client.flows.getJson(flow.id)).text).toBe(CONTRACT_FLOW_JSON);

    await client.flows.deprecate(flow.id);
    expect((await client.flows.get(flow.id)).status).toBe('DEPRECATED');
  });

  it.each([
    ['publish', 'DEPRECATED'],
    ['delete', 'PUBLISHED'],
    ['deprecate', 'DRAFT'],
  ] as const)(
    '%s refused by the status is a ConflictError whose state the client read (%s)',
    async (write, status) => {
      const id = await draftFlow();
      if (status !== 'DRAFT') await provider.flows.doPublish!({ id }, callContext());
      if (status === 'DEPRECATED') await provider.flows.doDeprecate!({ id }, callContext());

      const error = await rejection(client.flows[write](id));
      expect(ConflictError.isInstance(error), String(error)).toBe(true);
      expect(error).toMatchObject({ provider: 'nxcloud', state: status, outcome: 'failed' });
    },
  );

  it('a publish whose answer is lost is found applied by a read, not sent again', async () => {
    const id = await draftFlow();
    // The emulator publishes, then the answer arrives cut in half: an unknown outcome.
    emulator.faults.add({ vendor: 'nxcloud', operation: 'publishFlow', kind: 'malformed-json', times: 1 });
    emulator.requests.reset();
    const ack = await createClient({ provider, rateLimit: false, retry: { maxAttempts: 1 } }).flows.publish(
      id,
    );
    expect(ack).toEqual({ id });
    expect(ack.$metadata.reconciled).toBe(true);
    expect(emulator.requests.count('nxcloud', 'publishFlow')).toBe(1);
  });
});

describe('the Flow JSON download against the emulator', () => {
  it('refuses a download over 10 MiB, cutting it off as it streams', async () => {
    const id = await draftFlow();
    emulator.faults.add({
      vendor: 'nxcloud',
      operation: FLOW_JSON_DOWNLOAD_OPERATION,
      kind: 'oversized',
      bytes: 10 * 1024 * 1024 + 1,
      chunked: true,
    });
    const error = await rejection(provider.flows.doGetJson!({ id }, callContext()));
    expect(ResponseFormatError.isInstance(error)).toBe(true);
    expect(error.message).toMatch(/over the limit of 10485760 bytes/);
  });

  it('takes a padded download under 10 MiB, larger than the limit on API answers', async () => {
    const id = await draftFlow();
    emulator.faults.add({
      vendor: 'nxcloud',
      operation: FLOW_JSON_DOWNLOAD_OPERATION,
      kind: 'oversized',
      bytes: 9 * 1024 * 1024,
    });
    const { value } = await provider.flows.doGetJson!({ id }, callContext());
    expect(value.json).toEqual(JSON.parse(CONTRACT_FLOW_JSON));
  });

  it('a download whose connection is reset is a retryable ProviderUnavailableError', async () => {
    const id = await draftFlow();
    emulator.faults.add({ vendor: 'nxcloud', operation: FLOW_JSON_DOWNLOAD_OPERATION, kind: 'reset' });
    const error = await rejection(provider.flows.doGetJson!({ id }, callContext()));
    expect(ProviderUnavailableError.isInstance(error)).toBe(true);
    expect(error.retryable).toBe(true);
  });

  it("a download that outlasts the attempt's timeout is cut off by the client", async () => {
    const id = await draftFlow();
    emulator.faults.add({
      vendor: 'nxcloud',
      operation: FLOW_JSON_DOWNLOAD_OPERATION,
      kind: 'latency',
      ms: 30_000,
    });
    const timed = createClient({ provider, rateLimit: false, retry: { maxAttempts: 1 }, timeoutMs: 300 });
    const error = await rejection(timed.flows.getJson(id));
    expect(ProviderUnavailableError.isInstance(error), String(error)).toBe(true);
    expect(error.message).toMatch(/time/i);
  });
});
