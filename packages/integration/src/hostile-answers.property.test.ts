import { inspect } from 'node:util';
import { cams } from '@whatsapp-bsp/cams';
import {
  BspError,
  type ImplementedOperation as ClientOperation,
  createClient,
  FlowPreviewSchema,
  FlowSchema,
  FlowSummarySchema,
  NotFoundError,
  ResponseFormatError,
  TemplateSchema,
  TemplateSummarySchema,
  type WhatsAppClient,
} from '@whatsapp-bsp/core';
import { nxcloud } from '@whatsapp-bsp/nxcloud';
import fc from 'fast-check';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { anyHostileValue, enumWord, POLLUTING_MEMBERS, stringValue } from './__fixtures__/hostile-json.js';

/**
 * The operations this file covers: the reads a call can make without creating anything first.
 * The writes' faults are in write-faults.test.ts.
 */
type ReadOperation = Extract<
  ClientOperation,
  'flows.get' | 'flows.list' | 'flows.preview' | 'templates.list' | 'templates.get'
>;

/*
 * Answers no vendor documents, sent over HTTP (nock) to both adapters through the client: wrong
 * types, nulls, huge strings, deep nesting and prototype-polluting keys, inside the vendors' own
 * envelopes and in place of them. The outcome is a valid normalized value or a typed error, never
 * a TypeError or a RangeError, never a polluted prototype, and always something a user can log.
 */

const NXCLOUD_ORIGIN = 'https://nxcloud.invalid';
const CAMS_HOST = 'cams.invalid';
const FLOW_ID = '1';

const clients: Record<'nxcloud' | 'cams', WhatsAppClient> = {
  nxcloud: createClient({
    provider: nxcloud({
      accessKey: 'ak',
      accessSecret: 'hostile-test-secret',
      appKey: 'app',
      businessPhone: '8613800000000',
      baseUrl: NXCLOUD_ORIGIN,
    }),
    retry: { maxAttempts: 1 },
  }),
  cams: createClient({
    provider: cams({
      accessKeyId: 'id',
      accessKeySecret: 'hostile-test-secret',
      custSpaceId: 'cs',
      endpoint: CAMS_HOST,
    }),
    retry: { maxAttempts: 1 },
    rateLimit: false,
  }),
};

/** Each operation, and whether what it returned is valid in the normalized model. */
const OPERATIONS: Record<
  ReadOperation,
  (client: WhatsAppClient) => Promise<{ value: unknown; valid: boolean }>
> = {
  'flows.get': async (client) => checked(await client.flows.get(FLOW_ID), (v) => FlowSchema.safeParse(v)),
  'flows.preview': async (client) =>
    checked(await client.flows.preview(FLOW_ID), (v) => FlowPreviewSchema.safeParse(v)),
  'flows.list': async (client) => {
    const page = (await client.flows.list({ pageSize: 5 }).pages().next()).value;
    return {
      value: page,
      valid: page?.items.every((item) => FlowSummarySchema.safeParse(item).success) ?? false,
    };
  },
  'templates.list': async (client) => {
    const page = (await client.templates.list({ pageSize: 5 }).pages().next()).value;
    return {
      value: page,
      valid: page?.items.every((item) => TemplateSummarySchema.safeParse(item).success) ?? false,
    };
  },
  'templates.get': async (client) =>
    checked(await client.templates.get({ name: 't', language: 'en' }), (v) => TemplateSchema.safeParse(v)),
};

function checked(value: unknown, parse: (value: unknown) => { success: boolean }) {
  return { value, valid: parse(value).success };
}

/**
 * The documented shapes with valid ids and names, and polluting keys, huge strings and unknown
 * words everywhere else: these map to entities, with `UNKNOWN` where a word is not the vendor's.
 */
const nxcloudEntity = fc
  .tuple(stringValue, enumWord, enumWord, enumWord)
  .chain(([name, status, category, type]) =>
    fc.constantFrom(
      `{"code":0,"data":{${POLLUTING_MEMBERS},"id":"${FLOW_ID}","name":${name},"status":${status},"categories":[${category},{${POLLUTING_MEMBERS}}]}}`,
      `{"code":0,"data":{"data":[{${POLLUTING_MEMBERS},"id":"1","name":"t","language":"en","status":${status},"category":${category},"components":[{${POLLUTING_MEMBERS},"type":${type},"text":${name}}]}],"paging":{${POLLUTING_MEMBERS}}}}`,
    ),
  );

const camsEntity = fc
  .tuple(stringValue, enumWord, enumWord, enumWord)
  .chain(([name, status, category, type]) =>
    fc.constantFrom(
      `{"Code":"OK","RequestId":"r",${POLLUTING_MEMBERS},"Data":{${POLLUTING_MEMBERS},"FlowId":"${FLOW_ID}","FlowName":${name},"Status":${status},"Categories":[${category}],"PreviewUrl":"https://p","PreviewUrlExpires":1}}`,
      `{"Code":"OK","RequestId":"r","Total":1,"ListTemplate":[{${POLLUTING_MEMBERS},"TemplateCode":"c","TemplateName":${name},"Language":"en","AuditStatus":${status},"Category":${category}}]}`,
      `{"Code":"OK","RequestId":"r","Data":{${POLLUTING_MEMBERS},"TemplateCode":"c","Name":"t","Language":"en","AuditStatus":${status},"Category":${category},"Components":[{${POLLUTING_MEMBERS},"Type":${type},"Text":${name}}]}}`,
    ),
  );

/** The vendors' envelopes and documented shapes with hostile values inside, and bare values. */
const nxcloudAnswer = fc.oneof(
  { weight: 4, arbitrary: nxcloudEntity },
  anyHostileValue.map((v) => `{"code":0,"message":"ok","data":${v}}`),
  fc
    .tuple(anyHostileValue, anyHostileValue)
    .map(([v, w]) => `{"code":0,"data":{"data":[${v}],"paging":${w}}}`),
  fc
    .tuple(anyHostileValue, anyHostileValue, anyHostileValue)
    .map(
      ([v, w, x]) =>
        `{"code":0,"data":{${POLLUTING_MEMBERS},"id":"${FLOW_ID}","name":${v},"status":${w},"categories":${x},"preview":{"preview_url":${v},"expires_at":${w}}}}`,
    ),
  fc
    .tuple(anyHostileValue, anyHostileValue, anyHostileValue)
    .map(
      ([v, w, x]) =>
        `{"code":0,"data":{"data":[{${POLLUTING_MEMBERS},"id":"1","name":"t","language":"en","status":${v},"category":${w},"components":${x}}]}}`,
    ),
  fc.tuple(anyHostileValue, anyHostileValue).map(([v, w]) => `{"code":${v},"message":${w},"data":${v}}`),
  anyHostileValue.map((v) => `{"code":400,"message":"x","data":{"error":${v}}}`),
  anyHostileValue,
);

const camsAnswer = fc.oneof(
  { weight: 4, arbitrary: camsEntity },
  anyHostileValue.map((v) => `{"Code":"OK","RequestId":"r","Data":${v}}`),
  fc
    .tuple(anyHostileValue, anyHostileValue)
    .map(([v, w]) => `{"Code":"OK","RequestId":"r","Total":${w},"ListTemplate":[${v}]}`),
  fc
    .tuple(anyHostileValue, anyHostileValue, anyHostileValue)
    .map(
      ([v, w, x]) =>
        `{"Code":"OK","RequestId":"r","Data":{${POLLUTING_MEMBERS},"FlowId":"${FLOW_ID}","FlowName":${v},"Status":${w},"Categories":${x},"PreviewUrl":${v},"PreviewUrlExpires":${w}}}`,
    ),
  fc
    .tuple(anyHostileValue, anyHostileValue, anyHostileValue)
    .map(
      ([v, w, x]) =>
        `{"Code":"OK","RequestId":"r","Data":{${POLLUTING_MEMBERS},"TemplateCode":"c","Name":"t","Language":"en","AuditStatus":${v},"Category":${w},"Components":${x}}}`,
    ),
  fc.tuple(anyHostileValue, anyHostileValue).map(([v, w]) => `{"Code":${v},"Message":${w},"RequestId":${v}}`),
  anyHostileValue,
);

/** Counterexamples can be megabytes long; reports show their start. */
function shortReport(body: string) {
  return {
    body,
    [fc.toStringMethod]: () => `${JSON.stringify(body.slice(0, 300))}… (${body.length} characters)`,
  };
}

const operation = fc.constantFrom(...(Object.keys(OPERATIONS) as ReadOperation[]));
const status = fc.constantFrom(200, 200, 200, 400, 429, 500);

/** Object.prototype and Array.prototype as they are, to compare after each run. */
function prototypeSnapshot() {
  return [Object.prototype, Array.prototype].map((prototype) =>
    Object.getOwnPropertyNames(prototype).map((name) => [
      name,
      Object.getOwnPropertyDescriptor(prototype, name),
    ]),
  );
}

/** Every normalized object (the vendor's `raw` aside) is a plain object, array or date. */
function hasSoundPrototypes(value: unknown, seen = new Set<unknown>()): boolean {
  if (typeof value !== 'object' || value === null || seen.has(value)) return true;
  seen.add(value);
  const prototype = Object.getPrototypeOf(value);
  if (![Object.prototype, Array.prototype, Date.prototype].includes(prototype)) return false;
  return Object.entries(value).every(([key, item]) => key === 'raw' || hasSoundPrototypes(item, seen));
}

let runs = 0;
const outcomes = new Map<string, number>();

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => {
  console.log(
    `${runs} hostile answers: ${[...outcomes].map(([outcome, count]) => `${outcome} ${count}`).join(', ')}`,
  );
});

describe.each(['nxcloud', 'cams'] as const)('%s: hostile answers through the client', (vendor) => {
  it('give a valid value or a typed error, never a TypeError or a polluted prototype', async () => {
    const before = prototypeSnapshot();
    await fc.assert(
      fc.asyncProperty(
        (vendor === 'nxcloud' ? nxcloudAnswer : camsAnswer).map(shortReport),
        status,
        operation,
        async ({ body }, statusCode, name) => {
          const scope = vendor === 'nxcloud' ? nock(NXCLOUD_ORIGIN) : nock(`https://${CAMS_HOST}`);
          scope.post(/.*/).reply(statusCode, body, { 'content-type': 'application/json' });
          let outcome: unknown;
          try {
            const { value, valid } = await OPERATIONS[name](clients[vendor]);
            expect(valid, 'the value fits the normalized model').toBe(true);
            expect(hasSoundPrototypes(value)).toBe(true);
            outcome = value;
            count('value');
          } catch (error) {
            if (!BspError.isInstance(error)) throw error;
            // Inside a success envelope the only failures are a bad answer or an absent entity.
            if (statusCode === 200 && /^\{"(code":0|Code":"OK)/.test(body)) {
              expect(
                ResponseFormatError.isInstance(error) || NotFoundError.isInstance(error),
                String(error),
              ).toBe(true);
            }
            outcome = error;
            count(error.name);
          } finally {
            nock.cleanAll();
          }
          // Whatever came back can be logged and serialized.
          expect(() => JSON.stringify(outcome)).not.toThrow();
          expect(() => inspect(outcome)).not.toThrow();
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          expect(prototypeSnapshot()).toEqual(before);
        },
      ),
      { numRuns: 100 },
    );
  }, 120_000);
});

function count(outcome: string) {
  runs += 1;
  outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
}
