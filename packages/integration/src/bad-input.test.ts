import { BspError, createClient, loadConfigFromEnv, type WhatsAppClient } from '@whatsapp-bsp/core';
import { cursorFor as encodeCursor } from '@whatsapp-bsp/core/testing';
import { type Emulator, startEmulator, type Vendor } from '@whatsapp-bsp/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, VENDORS } from './emulator-clients.js';
import { formatTable } from './format-table.js';

/*
 * Every public entry point refuses bad input with a ConfigError or InvalidRequestError naming the
 * field (UnsupportedOperationError where the vendor cannot do it at all), before sending
 * anything: the emulator, which counts every request it receives, must see none.
 */

let emulator: Emulator;
const clients = {} as Record<Vendor, WhatsAppClient>;

beforeAll(async () => {
  emulator = await startEmulator();
  for (const vendor of VENDORS) clients[vendor] = await clientFor(emulator, vendor);
});
afterAll(() => emulator.close());

type Expected = 'InvalidRequestError' | 'ConfigError' | 'UnsupportedOperationError';

interface BadInput {
  /** What is called, and with what. */
  input: string;
  call: () => unknown;
  error: Expected;
  /** The field the error names; absent for an argument of the wrong kind altogether. */
  field?: string;
}

const bad = (input: string, call: () => unknown, error: Expected, field?: string): BadInput => ({
  input,
  call,
  error,
  ...(field === undefined ? {} : { field }),
});

/** Deliberately mistyped input, as JavaScript callers or parsed JSON can pass it. */
const untyped = <T>(value: unknown) => value as T;

/** Bad input every vendor refuses the same way. */
function commonCases(vendor: Vendor): BadInput[] {
  const wa = () => clients[vendor];
  const max = vendor === 'nxcloud' ? 100 : 50;
  const other: Vendor = vendor === 'nxcloud' ? 'cams' : 'nxcloud';
  return [
    bad(
      "templates.get({ language: 'english' })",
      () => wa().templates.get({ name: 'x', language: 'english' }),
      'InvalidRequestError',
      'language',
    ),
    bad("flows.get('')", () => wa().flows.get(''), 'InvalidRequestError', 'id'),
    bad("flows.get('   ')", () => wa().flows.get('   '), 'InvalidRequestError', 'id'),
    bad('flows.get(id with a NUL)', () => wa().flows.get('12\u000034'), 'InvalidRequestError', 'id'),
    bad('flows.get(300 digits)', () => wa().flows.get('9'.repeat(300)), 'InvalidRequestError', 'id'),
    bad('flows.get(42)', () => wa().flows.get(untyped(42)), 'InvalidRequestError', 'id'),
    bad("flows.preview('')", () => wa().flows.preview(''), 'InvalidRequestError', 'id'),
    bad(
      'flows.get(id, { timeoutMs: 0 })',
      () => wa().flows.get('1', { timeoutMs: 0 }),
      'InvalidRequestError',
      'timeoutMs',
    ),
    bad(
      "flows.get(id, { signal: 'stop' })",
      () => wa().flows.get('1', { signal: untyped('stop') }),
      'InvalidRequestError',
      'signal',
    ),
    bad(
      'flows.get(id, { retries: 2 })',
      () => wa().flows.get('1', untyped({ retries: 2 })),
      'InvalidRequestError',
      'retries',
    ),
    bad(
      'flows.list({ pageSize: 0 })',
      () => wa().flows.list({ pageSize: 0 }),
      'InvalidRequestError',
      'pageSize',
    ),
    bad(
      'flows.list({ pageSize: -5 })',
      () => wa().flows.list({ pageSize: -5 }),
      'InvalidRequestError',
      'pageSize',
    ),
    bad(
      'flows.list({ pageSize: 2.5 })',
      () => wa().flows.list({ pageSize: 2.5 }),
      'InvalidRequestError',
      'pageSize',
    ),
    bad(
      "flows.list({ pageSize: '10' })",
      () => wa().flows.list({ pageSize: untyped('10') }),
      'InvalidRequestError',
      'pageSize',
    ),
    bad(
      `flows.list({ pageSize: ${max + 1} })`,
      () => wa().flows.list({ pageSize: max + 1 }),
      'InvalidRequestError',
      'pageSize',
    ),
    bad(
      `templates.list({ pageSize: ${max + 1} })`,
      () => wa().templates.list({ pageSize: max + 1 }),
      'InvalidRequestError',
      'pageSize',
    ),
    bad(
      'flows.list({ maxItems: 0 })',
      () => wa().flows.list({ maxItems: 0 }),
      'InvalidRequestError',
      'maxItems',
    ),
    bad(
      'flows.list().toArray({ maxItems: -1 })',
      () => wa().flows.list().toArray({ maxItems: -1 }),
      'InvalidRequestError',
      'maxItems',
    ),
    bad(
      'flows.list({ pagesize: 10 })',
      () => wa().flows.list(untyped({ pagesize: 10 })),
      'InvalidRequestError',
      'pagesize',
    ),
    bad("flows.list({ cursor: '' })", () => wa().flows.list({ cursor: '' }), 'InvalidRequestError', 'cursor'),
    bad(
      'flows.list({ cursor: forged })',
      () => wa().flows.list({ cursor: 'eyJwIjoi...not-base64url!' }),
      'InvalidRequestError',
      'cursor',
    ),
    bad(
      `flows.list({ cursor: from ${other} })`,
      () => wa().flows.list({ cursor: encodeCursor(other, '2') }),
      'InvalidRequestError',
      'cursor',
    ),
    bad(
      `templates.list({ cursor: from ${other} })`,
      () => wa().templates.list({ cursor: encodeCursor(other, 'QVFIUmx1') }),
      'InvalidRequestError',
      'cursor',
    ),
    bad(
      'flows.list({ cursor: forged with a bad inner cursor })',
      () => wa().flows.list({ cursor: encodeCursor(vendor, vendor === 'cams' ? '-1' : 'has spaces') }),
      'InvalidRequestError',
      'cursor',
    ),
    bad(
      "templates.list({ name: '' })",
      () => wa().templates.list({ name: '' }),
      'InvalidRequestError',
      'name',
    ),
    bad(
      "templates.list({ withComponents: 'yes' })",
      () => wa().templates.list({ withComponents: untyped('yes') }),
      'InvalidRequestError',
      'withComponents',
    ),
    bad(
      'templates.list({ sort: "name" })',
      () => wa().templates.list(untyped({ sort: 'name' })),
      'InvalidRequestError',
      'sort',
    ),
    bad('templates.get(null)', () => wa().templates.get(untyped(null)), 'InvalidRequestError'),
    bad('templates.get({})', () => wa().templates.get(untyped({})), 'InvalidRequestError', 'name'),
    bad("templates.get({ id: '' })", () => wa().templates.get({ id: '' }), 'InvalidRequestError', 'id'),
    bad(
      'templates.get({ id, extra })',
      () => wa().templates.get(untyped({ id: 'x:en', extra: 1 })),
      'InvalidRequestError',
      'extra',
    ),
    bad(
      "templates.get({ name: 'x' })",
      () => wa().templates.get(untyped({ name: 'x' })),
      'InvalidRequestError',
      'language',
    ),
  ];
}

/** What only one vendor refuses: its own id, phone, filter and cursor formats. */
const VENDOR_CASES: Record<Vendor, BadInput[]> = {
  nxcloud: [
    bad("flows.get('abc')", () => clients.nxcloud.flows.get('abc'), 'InvalidRequestError', 'id'),
    bad("flows.preview('12a')", () => clients.nxcloud.flows.preview('12a'), 'InvalidRequestError', 'id'),
    bad('flows.get(33 digits)', () => clients.nxcloud.flows.get('1'.repeat(33)), 'InvalidRequestError', 'id'),
    bad(
      "templates.list({ status: 'APPROVED' })",
      () => clients.nxcloud.templates.list({ status: 'APPROVED' }),
      'UnsupportedOperationError',
      'status',
    ),
    bad(
      "templates.list({ language: 'en' })",
      () => clients.nxcloud.templates.list({ language: 'en' }),
      'UnsupportedOperationError',
      'language',
    ),
  ],
  cams: [
    bad(
      "templates.list({ status: 'LIVE' })",
      () => clients.cams.templates.list({ status: untyped('LIVE') }),
      'InvalidRequestError',
      'status',
    ),
    bad(
      "templates.list({ status: 'UNKNOWN' })",
      () => clients.cams.templates.list({ status: untyped('UNKNOWN') }),
      'InvalidRequestError',
      'status',
    ),
    bad(
      "templates.list({ status: 'IN_APPEAL' })",
      () => clients.cams.templates.list({ status: 'IN_APPEAL' }),
      'InvalidRequestError',
      'status',
    ),
    bad(
      "templates.list({ category: 'PROMO' })",
      () => clients.cams.templates.list({ category: untyped('PROMO') }),
      'InvalidRequestError',
      'category',
    ),
    bad(
      "templates.get({ id: 'no-language' })",
      () => clients.cams.templates.get({ id: '744c4b5c79c9432497a075bdfca3abcd' }),
      'InvalidRequestError',
      'id',
    ),
  ],
};

/** Configuration mistakes: found when the client is created, or on the first call at the latest. */
function configurationCases(): BadInput[] {
  // The emulator's working options with one change, read when the case runs.
  const nx = () => ({ ...emulator.nxcloud.config });
  const cams = () => ({ ...emulator.cams.config });
  const withNxcloud = (change: object) => () =>
    createClient({ provider: 'nxcloud', nxcloud: { ...nx(), ...change } });
  const withCams = (change: object) => () =>
    createClient({ provider: 'cams', cams: { ...cams(), ...change } });
  const phone = (businessPhone: string) =>
    bad(
      `nxcloud businessPhone '${businessPhone}'`,
      withNxcloud({ businessPhone }),
      'ConfigError',
      'businessPhone',
    );
  return [
    bad(
      "createClient({ provider: 'twilio' })",
      () => createClient({ provider: 'twilio' }),
      'ConfigError',
      'provider',
    ),
    bad('createClient(null)', () => createClient(untyped(null)), 'ConfigError', 'provider'),
    bad(
      'createClient({ provider: 42 })',
      () => createClient(untyped({ provider: 42 })),
      'ConfigError',
      'provider',
    ),
    bad(
      'nxcloud without accessSecret',
      withNxcloud({ accessSecret: undefined }),
      'ConfigError',
      'accessSecret',
    ),
    bad('nxcloud with an empty accessKey', withNxcloud({ accessKey: ' ' }), 'ConfigError', 'accessKey'),
    bad('nxcloud without appKey', withNxcloud({ appKey: undefined }), 'ConfigError', 'appKey'),
    phone('+8613800000000'),
    phone('013800000000'),
    phone('86-138-0000-0000'),
    phone('12345'),
    phone('8613800000000000000'),
    bad("nxcloud baseUrl 'ftp://host'", withNxcloud({ baseUrl: 'ftp://host' }), 'ConfigError', 'baseUrl'),
    bad(
      "nxcloud signAlgorithm 'sha1'",
      withNxcloud({ signAlgorithm: 'sha1' }),
      'ConfigError',
      'signAlgorithm',
    ),
    bad('nxcloud option typo accesSecret', withNxcloud({ accesSecret: 'x' }), 'ConfigError', 'accesSecret'),
    bad('cams without custSpaceId', withCams({ custSpaceId: undefined }), 'ConfigError', 'custSpaceId'),
    bad(
      'cams accessKeyId without its secret',
      withCams({ accessKeySecret: undefined }),
      'ConfigError',
      'accessKeySecret',
    ),
    bad(
      "cams endpoint 'https://host/path'",
      withCams({ endpoint: 'https://host/path' }),
      'ConfigError',
      'endpoint',
    ),
    bad("cams protocol 'ftp'", withCams({ protocol: 'ftp' }), 'ConfigError', 'protocol'),
    bad(
      'cams credential that yields no keys',
      async () => {
        const { accessKeyId: _id, accessKeySecret: _secret, ...rest } = cams();
        const wa = await createClient({
          provider: 'cams',
          cams: { ...rest, credential: { getCredential: async () => ({}) } },
        });
        return wa.flows.get('1');
      },
      'ConfigError',
      'credential',
    ),
    bad(
      'retry.maxAttempts 0',
      () => createClient({ provider: 'cams', cams: cams(), retry: { maxAttempts: 0 } }),
      'ConfigError',
      'retry.maxAttempts',
    ),
    bad(
      'timeoutMs -1',
      () => createClient({ provider: 'nxcloud', nxcloud: nx(), timeoutMs: -1 }),
      'ConfigError',
      'timeoutMs',
    ),
    bad(
      "rateLimit for 'flows.get' 0",
      () => createClient({ provider: 'cams', cams: cams(), rateLimit: { perOperation: { 'flows.get': 0 } } }),
      'ConfigError',
      'rateLimit.perOperation.flows.get',
    ),
    bad('environment without WABSP_PROVIDER', () => loadConfigFromEnv({}), 'ConfigError', 'WABSP_PROVIDER'),
    bad(
      "WABSP_TIMEOUT_MS 'soon'",
      () => loadConfigFromEnv({ WABSP_PROVIDER: 'cams', WABSP_TIMEOUT_MS: 'soon' }),
      'ConfigError',
      'WABSP_TIMEOUT_MS',
    ),
    bad(
      "NXCLOUD_BUSINESS_PHONE '+86 138 0000 0000'",
      async () =>
        createClient(
          await loadConfigFromEnv({
            WABSP_PROVIDER: 'nxcloud',
            NXCLOUD_ACCESS_KEY: 'ak',
            NXCLOUD_ACCESS_SECRET: 'secret',
            NXCLOUD_APP_KEY: 'app',
            NXCLOUD_BUSINESS_PHONE: '+86 138 0000 0000',
          }),
        ),
      'ConfigError',
      'businessPhone',
    ),
  ];
}

/** What the call threw or rejected with; a lazy list is read to its first page. */
async function rejectionOf(call: () => unknown): Promise<unknown> {
  try {
    const result = call();
    const pages = (result as { pages?: () => AsyncGenerator<unknown> } | null)?.pages;
    if (typeof pages === 'function') await pages.call(result).next();
    else await result;
  } catch (error) {
    return error;
  }
  throw new Error('the input was accepted');
}

const rows: string[][] = [];

afterAll(() => {
  console.log(
    `${formatTable(['entry point', 'vendor', 'error', 'field'], rows)}\n\n${rows.length} bad inputs refused, 0 requests sent`,
  );
});

function check(vendor: string, cases: BadInput[]) {
  it.each(cases.map((testCase) => [testCase.input, testCase] as const))('%s', async (_, testCase) => {
    const before = emulator.requests.total;
    const error = await rejectionOf(testCase.call);
    expect(BspError.isInstance(error), String(error)).toBe(true);
    const bspError = error as BspError;
    expect(bspError.name, bspError.message).toBe(testCase.error);
    expect(bspError.field).toBe(testCase.field);
    if (testCase.field !== undefined) expect(bspError.message).toContain(testCase.field.split('.').pop());
    expect(emulator.requests.total - before, 'requests sent').toBe(0);
    rows.push([testCase.input, vendor, bspError.name, bspError.field ?? '(the argument)']);
  });
}

describe.each(VENDORS)('%s client: bad input is refused before any request', (vendor) => {
  check(vendor, [...commonCases(vendor), ...VENDOR_CASES[vendor]]);
});

describe('configuration: refused before any request', () => {
  check('-', configurationCases());
});
