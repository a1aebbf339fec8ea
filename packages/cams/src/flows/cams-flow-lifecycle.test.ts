import {
  ConflictError,
  createClient,
  InvalidRequestError,
  NotFoundError,
  UnsupportedOperationError,
  type WhatsAppClient,
} from '@whatsapp-bsp/core';
import { testCallContext } from '@whatsapp-bsp/core/testing';
import { type Emulator, startEmulator } from '@whatsapp-bsp/emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sampleFlowJson } from '../__fixtures__/flow-writes.js';
import { flowsOf } from '../__fixtures__/flows-of.js';
import { cams } from '../cams-provider.js';

/*
 * Flow writes end to end, over loopback sockets: the adapter against the emulator's CAMS, which
 * reads the parameters where the official SDK puts them, keeps Meta's flow life cycle, fetches
 * UpdateFlowJSONAsset's FilePath from its OSS look-alike and serves GetFlowJSONAssest's file.
 * The Flow JSON goes through the default uploader, the OSS one.
 */

let emulator: Emulator<'cams'>;
let provider: ReturnType<typeof cams>;
let client: WhatsAppClient;

beforeAll(async () => {
  emulator = await startEmulator({ vendors: ['cams'] });
  // The emulator's OSS serves uploads path-style: <endpoint>/<bucket>/<key>.
  provider = cams({
    ...emulator.cams.config,
    assetUrl: ({ endpoint, bucket, key }) => `${endpoint}/${bucket}/${key}`,
  });
  client = createClient({ provider, rateLimit: false, retry: { maxAttempts: 1 } });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.faults.clear());

const flows = () => flowsOf(provider);
let serial = 0;
const uniqueName = (prefix: string) => `${prefix}_${++serial}`;

async function failure(call: Promise<unknown>): Promise<unknown> {
  try {
    await call;
  } catch (error) {
    return error;
  }
  throw new Error('the call succeeded');
}

describe('flows through the emulator’s CAMS', () => {
  it('creates a flow with its endpoint, and reads it back as a DRAFT', async () => {
    const name = uniqueName('booking');
    const created = await flows().doCreate(
      {
        name,
        categories: ['APPOINTMENT_BOOKING', 'OTHER'],
        endpointUri: 'https://flows.example.com/endpoint',
      },
      testCallContext(),
    );

    const { value: flow } = await flows().doGet({ id: created.value.id }, testCallContext());

    expect(flow).toMatchObject({
      id: created.value.id,
      name,
      status: 'DRAFT',
      categories: ['APPOINTMENT_BOOKING', 'OTHER'],
      endpointUri: 'https://flows.example.com/endpoint',
    });
  });

  it('changes only the endpoint, keeping the name and categories ModifyFlow requires', async () => {
    const name = uniqueName('survey');
    const { id } = emulator.flows.create({ name, categories: ['SURVEY'] });

    await flows().doUpdate({ id, endpointUri: 'https://flows.example.com/v2' }, testCallContext());

    expect(emulator.store.flows.get(id)).toMatchObject({
      name,
      categories: ['SURVEY'],
      endpointUri: 'https://flows.example.com/v2',
    });
  });

  it('hosts a Flow JSON in OSS, points UpdateFlowJSONAsset at it, and reads it back byte for byte', async () => {
    const { id } = emulator.flows.create({ name: uniqueName('signup'), categories: ['SIGN_UP'] });
    const text = `${JSON.stringify(sampleFlowJson, null, 2)}\n`;

    const update = await flows().doUpdateJson({ id, text }, testCallContext());
    const read = await flows().doGetJson({ id }, testCallContext());

    expect(update.value).toEqual({ validationErrors: [] });
    expect(emulator.flows.json(id)).toBe(text);
    expect(read.value).toEqual({ json: sampleFlowJson, text });
    expect(emulator.cams.oss.objects.keys().some((key) => key.includes(`/flow-${id}-`))).toBe(true);
  });

  it('publishes, deprecates, and deletes a draft, as Meta’s life cycle allows', async () => {
    const published = emulator.flows.create({ name: uniqueName('p'), categories: ['OTHER'] });
    const draft = emulator.flows.create({ name: uniqueName('d'), categories: ['OTHER'] });

    await flows().doPublish({ id: published.id }, testCallContext());
    expect(emulator.store.flows.get(published.id)?.status).toBe('PUBLISHED');
    await flows().doDeprecate({ id: published.id }, testCallContext());
    expect(emulator.store.flows.get(published.id)?.status).toBe('DEPRECATED');
    await flows().doDelete({ id: draft.id }, testCallContext());
    expect(emulator.store.flows.get(draft.id)).toBeUndefined();

    const error = await failure(flows().doGet({ id: draft.id }, testCallContext()));
    expect(NotFoundError.isInstance(error)).toBe(true);
  });

  it('leaves a wrong-state refusal to the client, which confirms it with a read as a ConflictError', async () => {
    const { id } = emulator.flows.create({ name: uniqueName('w'), categories: ['OTHER'] });
    emulator.flows.setStatus(id, 'PUBLISHED');

    const refused = await failure(flows().doDelete({ id }, testCallContext()));
    const confirmed = await failure(client.flows.delete(id));

    expect(InvalidRequestError.isInstance(refused)).toBe(true);
    expect(refused).toMatchObject({ outcome: 'failed' });
    expect(ConflictError.isInstance(confirmed)).toBe(true);
    expect(confirmed).toMatchObject({ provider: 'cams', state: 'PUBLISHED', outcome: 'failed' });
  });

  it('a taken name ends, through the client, as a ConflictError', async () => {
    const name = uniqueName('taken');
    emulator.flows.create({ name, categories: ['OTHER'] });

    const error = await failure(client.flows.create({ name, categories: ['OTHER'] }));

    expect(ConflictError.isInstance(error)).toBe(true);
  });

  it('creates, uploads and publishes in one client call', async () => {
    const name = uniqueName('full');

    const flow = await client.flows.create({
      name,
      categories: ['SIGN_UP'],
      flowJson: sampleFlowJson,
      publish: true,
    });

    expect(flow).toMatchObject({ name, status: 'PUBLISHED', provider: 'cams' });
    expect(JSON.parse(emulator.flows.json(flow.id) ?? '')).toEqual(sampleFlowJson);
    const document = await client.flows.getJson(flow.id);
    expect(document.json).toEqual(sampleFlowJson);
  });

  it('refuses a clone through the client before anything is sent', async () => {
    const { id } = emulator.flows.create({ name: uniqueName('source'), categories: ['OTHER'] });
    const before = emulator.requests.count('cams', 'CreateFlow');

    const error = await failure(
      client.flows.create({ name: uniqueName('copy'), categories: ['OTHER'], cloneFlowId: id }),
    );

    expect(UnsupportedOperationError.isInstance(error)).toBe(true);
    expect(emulator.requests.count('cams', 'CreateFlow')).toBe(before);
  });

  it('maps the download’s failure to the file host’s status', async () => {
    const { id } = emulator.flows.create({ name: uniqueName('gone'), categories: ['OTHER'] });
    emulator.faults.add({ kind: 'http-error', status: 503, operation: 'downloadFlowJson', times: 1 });

    const error = await failure(flows().doGetJson({ id }, testCallContext()));

    expect(error).toMatchObject({ code: 'UNAVAILABLE', httpStatusCode: 503, retryable: true });
  });
});
