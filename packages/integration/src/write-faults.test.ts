import { BspError, type CallOptions, type RequestOutcome, type WhatsAppClient } from '@whatsapp-bsp/core';
import { type Emulator, type FaultRule, startEmulator, type Vendor } from '@whatsapp-bsp/emulator';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLOW_WRITES, type FlowWrite, flowWriteSubject } from './__fixtures__/flow-write-subjects.js';
import {
  TEMPLATE_WRITES,
  type TemplateWrite,
  templateWriteSubject,
} from './__fixtures__/template-write-subjects.js';
import type { EndState, WriteSubject } from './__fixtures__/write-subject.js';
import { clientFor, VENDORS } from './emulator-clients.js';
import { formatTable } from './format-table.js';
import { type AnswerFate, type LossyProxy, type ProxiedRequest, startLossyProxy } from './lossy-proxy.js';
import { countOpenHandles, settledOpenHandles } from './open-handles.js';

/*
 * Faults against every write operation of both adapters, through the client a user builds, over
 * real loopback sockets. A write whose answer is lost may have been applied: the client must
 * neither apply it twice nor report a failure for what was done. So each cell checks, besides
 * the client's answer, what the vendor holds afterwards (the emulator's store, read back) and how
 * often the write reached the vendor.
 *
 * The emulator's own faults act before its vendor logic (a delay, a reset, an error status, a
 * failure code, a quota) or on the answer of logic that ran (truncated JSON, a lying
 * Content-Length). A lossy proxy between the client and the emulator adds the lost answer of an
 * applied write: held past the client's timeout, or dropped with the connection.
 *
 * Each (vendor, operation) pair has an emulator and a proxy of its own (a "lane"); the lanes run
 * side by side, the cells of a lane one after another, each on a template or flow of its own.
 */

/** The writes of the matrix: every one the client offers. */
type WriteOperation = TemplateWrite | FlowWrite;
const OPERATIONS: readonly WriteOperation[] = [...TEMPLATE_WRITES, ...FLOW_WRITES];

const RETRY = { initialDelayMs: 1, maxDelayMs: 5, maxAttempts: 3, maxRetryAfterMs: 2_000 };
/**
 * Per-attempt budget where an answer comes late; generous, because the attempts that follow must
 * finish within it on a loaded machine (all the lanes run at once), while the late answer must not.
 */
const SHORT_TIMEOUT_MS = 600;
/** How late a late answer is: far past the timeout. */
const LATE_MS = 2_500;
/** A quota the vendor refills only every 20 s of its clock, so nothing refills during a cell. */
const SLOW_QUOTA = { kind: 'quota', requestsPerSecond: 0.05, burst: 1 } as const;
/** How far the emulator's clock jumps when a throttling window is over: a token's worth, within NXCloud's ±60 s signing window. */
const QUOTA_WINDOW_MS = 30_000;

/** The vendor's own name of the request each write sends, as the emulator counts and faults it. */
const VENDOR_WRITES: Record<Vendor, Record<WriteOperation, string>> = {
  nxcloud: {
    'templates.create': 'createTemplate',
    'templates.update': 'updateTemplate',
    'templates.delete': 'deleteTemplate',
    'templates.uploadMedia': 'uploadTemplateFile',
    'flows.create': 'createFlow',
    'flows.update': 'updateFlow',
    'flows.updateJson': 'updateFlowJson',
    'flows.publish': 'publishFlow',
    'flows.deprecate': 'deprecateFlow',
    'flows.delete': 'deleteFlow',
  },
  cams: {
    'templates.create': 'CreateChatappTemplate',
    'templates.update': 'ModifyChatappTemplate',
    'templates.delete': 'DeleteChatappTemplate',
    // The file goes to OSS; GetChatappUploadAuthorization before it only hands out credentials.
    'templates.uploadMedia': 'PutObject',
    'flows.create': 'CreateFlow',
    'flows.update': 'ModifyFlow',
    // The Flow JSON is hosted in OSS first; this names its URL.
    'flows.updateJson': 'UpdateFlowJSONAsset',
    'flows.publish': 'PublishFlow',
    'flows.deprecate': 'DeprecateFlow',
    'flows.delete': 'DeleteFlow',
  },
};

/**
 * The vendor's reads, which the client's look-ups make (and a flow create, to return the flow).
 * `downloadFlowJson` is the emulator's name for fetching the Flow JSON link both vendors hand out.
 */
const VENDOR_READS: Record<Vendor, readonly string[]> = {
  nxcloud: ['getTemplate', 'queryFlowById', 'queryFlowsByPhone', 'getFlowJson', 'downloadFlowJson'],
  cams: [
    'GetChatappTemplateDetail',
    'ListChatappTemplate',
    'GetFlow',
    'ListFlow',
    'GetFlowJSONAssest',
    'downloadFlowJson',
  ],
};

/** Where NXCloud serves each write, for spending a quota without the client. */
function nxcloudPath(write: string): string {
  return write.endsWith('Template') || write === 'uploadTemplateFile'
    ? `/api/wa/${write}`
    : `/v1/wa/m/flows/${write}`;
}

/** The vendor operation a request reaching the proxy is: NXCloud's path, CAMS's action header. */
function vendorOperationOf(vendor: Vendor, request: ProxiedRequest): string {
  if (vendor === 'cams') return String(request.headers['x-acs-action'] ?? '');
  return new URL(request.path, 'http://proxy.invalid').pathname.split('/').at(-1) ?? '';
}

/** `OK`, or the error's code (`UNAVAILABLE`, `CONFLICT`, ...). */
type Outcome = 'OK' | BspError['code'];

interface Expected {
  outcome: Outcome;
  /** Attempts the client made; each one is a request of the write at the vendor. */
  attempts: number;
  /** A success found by a read after an attempt whose outcome was unknown. */
  reconciled?: true;
  /** What the error says became of the request. */
  requestOutcome?: RequestOutcome;
  /**
   * Read requests once the write was first sent: the look-ups after unknown outcomes and after
   * refusals the adapter could not explain (each read's retries included), and a flow create's
   * read of the new flow.
   */
  reads: number;
  /** What the vendor holds afterwards. */
  state: 'applied' | 'unchanged';
}

/** A row's expectation for one operation: the same on both vendors, or each its own (a vendor left out has no cell). */
type Expectation = Expected | Partial<Record<Vendor, Expected>>;

interface WriteFault {
  name: string;
  /** The emulator's rules, given the vendor's name of the write's request. */
  rules?: (vendor: Vendor, write: string) => FaultRule[];
  /**
   * Rules that come into force as the write first reaches the proxy, sparing the reads before it
   * (an update's read of what it changes).
   */
  rulesOnceSent?: (vendor: Vendor) => FaultRule[];
  /** What becomes of the answers to the first `times` requests of the write. */
  answers?: { fate: AnswerFate; times: number };
  /** Spend the quota's only token first, so the write starts throttled. */
  spendQuota?: boolean;
  /** The throttling window passes (the emulator's clock jumps) once this attempt has failed. */
  windowPassesAfterAttempt?: number;
  timeoutMs?: number;
  /** For a create: the name (a template's, in that language) is taken. */
  nameTaken?: boolean;
  /** Per operation; an operation left out has no cell in this row. */
  expected: Partial<Record<WriteOperation, Expectation>>;
}

function expectedFor(fault: WriteFault, operation: WriteOperation, vendor: Vendor): Expected | undefined {
  const expectation = fault.expected[operation];
  if (expectation === undefined || 'outcome' in expectation) return expectation;
  return expectation[vendor];
}

const ok = (attempts: number, reads = 0): Expected => ({
  outcome: 'OK',
  attempts,
  reads,
  state: 'applied',
});
/** Found applied by one read after the first attempt. */
const reconciled: Expected = { outcome: 'OK', attempts: 1, reconciled: true, reads: 1, state: 'applied' };
const fails = (
  outcome: Outcome,
  attempts: number,
  requestOutcome: RequestOutcome,
  { reads = 0, state = 'unchanged' }: Partial<Pick<Expected, 'reads' | 'state'>> = {},
): Expected => ({ outcome, attempts, requestOutcome, reads, state });
/** The same expectation for every template write, but for the upload's own where given. */
const templateWrites = (
  expected: Expected,
  upload: Expectation = expected,
): Record<TemplateWrite, Expectation> => ({
  'templates.create': expected,
  'templates.update': expected,
  'templates.delete': expected,
  'templates.uploadMedia': upload,
});
/** The same expectation for every flow write, but for those given their own. */
function flowWrites(
  expected: Expected,
  own: Partial<Record<FlowWrite, Expected>> = {},
): Record<FlowWrite, Expectation> {
  const every = {
    ...(Object.fromEntries(FLOW_WRITES.map((operation) => [operation, expected])) as Record<
      FlowWrite,
      Expected
    >),
    ...own,
  };
  return { ...every, 'flows.update': readingBeforeEachCamsAttempt(every['flows.update']) };
}
/**
 * CAMS's ModifyFlow takes the flow's name and categories on every call, so an update that leaves
 * the name out (these change the categories alone) reads the flow before each attempt: on CAMS,
 * one read more per attempt after the first.
 */
const readingBeforeEachCamsAttempt = (expected: Expected): Expectation => ({
  nxcloud: expected,
  cams: { ...expected, reads: expected.reads + expected.attempts - 1 },
});
/** The same, with this many reads after the write. */
const reading = (expected: Expected, reads: number): Expected => ({ ...expected, reads });
/** A write rule for the first `times` requests of the write alone. */
const onWrite =
  (fault: Record<string, unknown> & { kind: FaultRule['kind'] }, times?: number) =>
  (_vendor: Vendor, write: string): FaultRule[] => [
    { ...fault, operation: write, ...(times === undefined ? {} : { times }) } as FaultRule,
  ];
/**
 * An upload after an answer lost on the way: uploading again leaves at most an unused copy, so
 * it is retried like a read and never looked up. CAMS uploads go to OSS at the address CAMS hands
 * out, not through the proxy, so no answer of theirs is lost there.
 */
const uploadAgain: Expectation = { nxcloud: ok(2) };

/*
 * Reads after the write besides one per look-up: a flow create reads the new flow to return it
 * (one more); a Flow JSON upload is looked for by fetching the Flow JSON (the vendor's get-JSON
 * call and the download: two reads) and, found as sent, by reading the flow for its validation
 * errors (a third).
 */
const FAULTS: WriteFault[] = [
  {
    // The vendor applied the write; the client timed out waiting for its answer.
    name: 'applied, answer later than the timeout',
    answers: { fate: { holdMs: LATE_MS }, times: 1 },
    timeoutMs: SHORT_TIMEOUT_MS,
    expected: {
      ...templateWrites(reconciled, uploadAgain),
      // The create is looked for in the list, then read in full.
      ...flowWrites(reconciled, {
        'flows.create': reading(reconciled, 3),
        'flows.updateJson': reading(reconciled, 3),
      }),
    },
  },
  {
    name: 'applied, connection dropped, no answer',
    answers: { fate: 'drop', times: 1 },
    expected: {
      ...templateWrites(reconciled, uploadAgain),
      ...flowWrites(reconciled, {
        'flows.create': reading(reconciled, 3),
        'flows.updateJson': reading(reconciled, 3),
      }),
    },
  },
  {
    name: 'applied, answer truncated JSON',
    rules: onWrite({ kind: 'malformed-json' }, 1),
    expected: {
      ...templateWrites(reconciled, {
        // An unreadable answer is not retried, and an upload has nothing to look up.
        nxcloud: fails('BAD_RESPONSE', 1, 'unknown', { state: 'applied' }),
        // OSS answers PutObject with an empty body and its ETag: half of nothing is all of it.
        cams: ok(1),
      }),
      ...flowWrites(reconciled, {
        'flows.create': reading(reconciled, 3),
        'flows.updateJson': reading(reconciled, 3),
      }),
    },
  },
  {
    name: 'applied, answer cut short (Content-Length)',
    rules: onWrite({ kind: 'lying-length', declares: 'more' }, 1),
    expected: {
      // Twice the length of OSS's empty body is still none.
      ...templateWrites(reconciled, { nxcloud: ok(2), cams: ok(1) }),
      ...flowWrites(reconciled, {
        'flows.create': reading(reconciled, 3),
        'flows.updateJson': reading(reconciled, 3),
      }),
    },
  },
  {
    // Each look-up is a read, retried like any read: three requests, all refused.
    name: 'applied, answer truncated, reads fail too',
    rules: onWrite({ kind: 'malformed-json' }, 1),
    rulesOnceSent: (vendor) => VENDOR_READS[vendor].map((operation) => ({ kind: 'http-error', operation })),
    expected: {
      'templates.create': fails('BAD_RESPONSE', 1, 'unknown', { reads: 3, state: 'applied' }),
      'templates.update': fails('BAD_RESPONSE', 1, 'unknown', { reads: 3, state: 'applied' }),
      'templates.delete': fails('BAD_RESPONSE', 1, 'unknown', { reads: 3, state: 'applied' }),
      ...flowWrites(fails('BAD_RESPONSE', 1, 'unknown', { reads: 3, state: 'applied' })),
    },
  },
  {
    // The vendor applies the write after the client gave up and looked: absent, so sent again.
    // The late one then finds the work done (a create: the name taken) and changes nothing.
    name: 'slower than the timeout, applied late',
    rules: onWrite({ kind: 'latency', ms: LATE_MS }, 1),
    timeoutMs: SHORT_TIMEOUT_MS,
    expected: {
      ...templateWrites(ok(2, 1), ok(2)),
      ...flowWrites(ok(2, 1), { 'flows.create': ok(2, 2), 'flows.updateJson': ok(2, 2) }),
    },
  },
  {
    // The emulator resets the connection before its vendor logic runs: looked for, absent, sent again.
    name: 'connection reset, not applied',
    rules: onWrite({ kind: 'reset' }, 1),
    expected: {
      ...templateWrites(ok(2, 1), ok(2)),
      ...flowWrites(ok(2, 1), { 'flows.create': ok(2, 2), 'flows.updateJson': ok(2, 2) }),
    },
  },
  {
    // A proxy's page, no vendor code: the outcome is unknown, so each failed attempt is looked for.
    name: 'HTML page, HTTP 502 ×2',
    rules: onWrite({ kind: 'html' }, 2),
    expected: {
      ...templateWrites(ok(3, 2), ok(3)),
      ...flowWrites(ok(3, 2), { 'flows.create': ok(3, 3), 'flows.updateJson': ok(3, 4) }),
    },
  },
  {
    name: 'HTML page, HTTP 502 sustained',
    rules: onWrite({ kind: 'html' }),
    expected: {
      ...templateWrites(fails('UNAVAILABLE', 3, 'unknown', { reads: 3 }), fails('UNAVAILABLE', 3, 'unknown')),
      ...flowWrites(fails('UNAVAILABLE', 3, 'unknown', { reads: 3 }), {
        'flows.updateJson': fails('UNAVAILABLE', 3, 'unknown', { reads: 6 }),
      }),
    },
  },
  {
    // The vendor's own error body with its code (NXCloud -1, CAMS ServiceUnavailable): a refusal,
    // nothing applied, so even a create is sent again without a look.
    name: 'HTTP 503 ×2',
    rules: onWrite({ kind: 'http-error', status: 503 }, 2),
    expected: { ...templateWrites(ok(3)), ...flowWrites(ok(3), { 'flows.create': ok(3, 1) }) },
  },
  {
    // A refusal for no reason given is confirmed by a read where one can say more (is the name
    // taken? is the template gone? does the flow's status forbid the write?) before it is reported.
    name: 'HTTP 503 sustained',
    rules: onWrite({ kind: 'http-error', status: 503 }),
    expected: {
      'templates.create': fails('UNAVAILABLE', 3, 'failed', { reads: 1 }),
      'templates.update': fails('UNAVAILABLE', 3, 'failed', { reads: 1 }),
      'templates.delete': fails('UNAVAILABLE', 3, 'failed', { reads: 1 }),
      'templates.uploadMedia': {
        nxcloud: fails('UNAVAILABLE', 3, 'failed'),
        // OSS's error is XML, and an HTTP 5xx from it may come after the object was stored.
        cams: fails('UNAVAILABLE', 3, 'unknown'),
      },
      ...flowWrites(fails('UNAVAILABLE', 3, 'failed', { reads: 1 })),
    },
  },
  {
    name: 'throttled, lifts',
    rules: onWrite(SLOW_QUOTA),
    spendQuota: true,
    windowPassesAfterAttempt: 1,
    expected: { ...templateWrites(ok(2)), ...flowWrites(ok(2), { 'flows.create': ok(2, 1) }) },
  },
  {
    name: 'throttled, sustained',
    rules: onWrite(SLOW_QUOTA),
    spendQuota: true,
    expected: {
      ...templateWrites(fails('RATE_LIMITED', 3, 'failed')),
      ...flowWrites(fails('RATE_LIMITED', 3, 'failed')),
    },
  },
  {
    // NXCloud -1 ("failed request"), CAMS InternalError: a refusal, so nothing was applied and even
    // a create may be sent again.
    name: 'HTTP 200, failure code ×1',
    rules: onWrite({ kind: 'vendor-error' }, 1),
    expected: { ...templateWrites(ok(2)), ...flowWrites(ok(2), { 'flows.create': ok(2, 1) }) },
  },
  {
    // NXCloud 9000 (a required parameter missing), CAMS InvalidParameter: sent again, it would be
    // refused again. OSS has no HTTP 200 failure, so no CAMS upload cell.
    name: 'HTTP 200, input refused',
    rules: (vendor, write) =>
      onWrite({ kind: 'vendor-error', code: vendor === 'nxcloud' ? 9000 : 'InvalidParameter' })(
        vendor,
        write,
      ),
    expected: {
      'templates.create': fails('INVALID_REQUEST', 1, 'failed', { reads: 1 }),
      'templates.update': fails('INVALID_REQUEST', 1, 'failed', { reads: 1 }),
      'templates.delete': fails('INVALID_REQUEST', 1, 'failed', { reads: 1 }),
      'templates.uploadMedia': { nxcloud: fails('INVALID_REQUEST', 1, 'failed') },
      ...flowWrites(fails('INVALID_REQUEST', 1, 'failed', { reads: 1 })),
    },
  },
  {
    name: 'HTTP 200, signature refused',
    rules: (vendor, write) =>
      onWrite({ kind: 'vendor-error', code: vendor === 'nxcloud' ? 1003 : 'SignatureDoesNotMatch' })(
        vendor,
        write,
      ),
    expected: {
      ...templateWrites(fails('AUTHENTICATION', 1, 'failed'), {
        nxcloud: fails('AUTHENTICATION', 1, 'failed'),
      }),
      ...flowWrites(fails('AUTHENTICATION', 1, 'failed')),
    },
  },
  {
    name: 'name taken',
    nameTaken: true,
    expected: {
      // The refusal is confirmed by a read, which gives the conflict the template's status.
      'templates.create': fails('CONFLICT', 1, 'failed', { reads: 1 }),
      // NXCloud relays Meta's code for a taken name; CAMS has none, so the client looks the name up.
      'flows.create': {
        nxcloud: fails('CONFLICT', 1, 'failed'),
        cams: fails('CONFLICT', 1, 'failed', { reads: 1 }),
      },
    },
  },
];

interface Lane {
  vendor: Vendor;
  operation: WriteOperation;
  emulator: Emulator<Vendor>;
  proxy: LossyProxy;
  /** A client without faults in its way or retries, to read what the vendor holds. */
  observer: WhatsAppClient;
  /** Added to the emulator's clock, which its quotas (and signature windows) read. */
  clock: { offsetMs: number };
  cells: number;
}

interface CellResult {
  outcome: Outcome | 'OTHER';
  attempts: number;
  reconciled: boolean;
  requestOutcome?: RequestOutcome;
  /** Requests of the write the vendor received. */
  writes: number;
  /** Read requests the vendor received once the write was first sent. */
  reads: number;
  state: EndState | undefined;
  detail: string;
}

async function startLane(vendor: Vendor, operation: WriteOperation): Promise<Lane> {
  const clock = { offsetMs: 0 };
  const emulator = await startEmulator({
    vendors: [vendor],
    now: () => Date.now() + clock.offsetMs,
    // Nothing seeded: a name is taken only where a cell says so, and lists are one page.
    data: { templates: 0, flows: 0 },
    // Created and edited templates stay PENDING: CAMS modifies only templates not yet approved.
    review: { delayMs: 600_000 },
  });
  const upstream = vendor === 'nxcloud' ? emulator.nxcloud!.url : emulator.cams!.url;
  const proxy = await startLossyProxy(upstream);
  const observer = await clientFor(emulator, vendor, { rateLimit: false, retry: { maxAttempts: 1 } });
  return { vendor, operation, emulator, proxy, observer, clock, cells: 0 };
}

async function runCell(lane: Lane, fault: WriteFault): Promise<CellResult> {
  const { emulator, vendor, proxy } = lane;
  const write = VENDOR_WRITES[vendor][lane.operation];
  const subject = await writeSubject(lane, fault.nameTaken ? { nameTaken: true } : {});
  let armed = false;
  const client = await clientFor(
    emulator,
    vendor,
    {
      retry: RETRY,
      // Pacing is not under test here; the CAMS budget would only slow the cells down.
      rateLimit: false,
      random: () => 0.5,
      hooks: {
        onRetry(event) {
          if (event.attempt === fault.windowPassesAfterAttempt) lane.clock.offsetMs += QUOTA_WINDOW_MS;
        },
      },
    },
    { via: proxy },
  );

  emulator.faults.set(fault.rules?.(vendor, write) ?? []);
  if (fault.spendQuota) await spendQuota(lane, write);
  let lossy = fault.answers?.times ?? 0;
  proxy.fate = (request) => {
    if (vendorOperationOf(vendor, request) !== write) return 'deliver';
    if (!armed) {
      armed = true;
      for (const rule of fault.rulesOnceSent?.(vendor) ?? []) emulator.faults.add(rule);
    }
    if (fault.answers === undefined || lossy === 0) return 'deliver';
    lossy -= 1;
    return fault.answers.fate;
  };
  emulator.requests.reset();
  let result: Omit<CellResult, 'writes' | 'reads' | 'state'>;
  try {
    const value = await subject.call(client, {
      ...(fault.timeoutMs === undefined ? {} : { timeoutMs: fault.timeoutMs }),
    } satisfies CallOptions);
    result = {
      outcome: 'OK',
      attempts: value.$metadata.attempts,
      reconciled: value.$metadata.reconciled === true,
      detail: '',
    };
  } catch (error) {
    result = BspError.isInstance(error)
      ? {
          outcome: error.code,
          attempts: error.attempts,
          reconciled: false,
          requestOutcome: error.outcome,
          detail: error.message,
        }
      : { outcome: 'OTHER', attempts: 0, reconciled: false, detail: String(error) };
  } finally {
    proxy.fate = undefined;
  }
  // A write the vendor was slow to act on has been acted on by now, its client long gone.
  await proxy.settled();
  const writes = emulator.requests.count(vendor, write);
  const arrivals = emulator.requests.arrivals(vendor).map((arrival) => arrival.operation);
  const sent = arrivals.indexOf(write);
  const reads =
    sent < 0
      ? 0
      : arrivals.slice(sent).filter((operation) => VENDOR_READS[vendor].includes(operation)).length;
  emulator.faults.clear();
  lane.clock.offsetMs = 0;
  const state = await subject.state();
  return { ...result, writes, reads, state };
}

/** Something of the lane's own for the write to act on, new for each cell. */
function writeSubject(lane: Lane, options: { nameTaken?: true }): Promise<WriteSubject> | WriteSubject {
  const serial = ++lane.cells;
  return lane.operation.startsWith('templates.')
    ? templateWriteSubject(lane.operation as TemplateWrite, lane, serial, options)
    : flowWriteSubject(lane.operation as FlowWrite, lane, serial, options);
}

/**
 * Takes the quota's only token with a request of the write's operation that the vendor refuses
 * (it is not signed): the emulator counts quotas before it checks anything.
 */
async function spendQuota(lane: Lane, write: string): Promise<void> {
  const { emulator } = lane;
  if (lane.vendor === 'nxcloud') {
    await fetch(`${emulator.nxcloud!.url}${nxcloudPath(write)}`, { method: 'POST', body: '{}' });
  } else if (write === 'PutObject') {
    const { oss } = emulator.cams!;
    await fetch(`${oss.url}/${oss.bucket}/spent`, { method: 'PUT', body: 'x' });
  } else {
    await fetch(`${emulator.cams!.url}/`, { method: 'POST', headers: { 'x-acs-action': write } });
  }
}

/** Why a cell differs from what is expected, or undefined when it matches. */
function mismatch(cell: CellResult, expected: Expected): string | undefined {
  if (cell.outcome !== expected.outcome || cell.attempts !== expected.attempts) {
    return `expected ${expectedText(expected)}`;
  }
  if (cell.reconciled !== (expected.reconciled === true)) {
    return expected.reconciled ? 'not reconciled' : 'reconciled';
  }
  if (expected.requestOutcome !== undefined && cell.requestOutcome !== expected.requestOutcome) {
    return `outcome ${cell.requestOutcome}, not ${expected.requestOutcome}`;
  }
  // Each attempt reached the vendor once, and nothing else sent the write.
  if (cell.writes !== cell.attempts) return `the vendor received the write ${cell.writes} times`;
  if (cell.reads !== expected.reads) return `${cell.reads} reads after the write, not ${expected.reads}`;
  if (cell.state !== undefined && cell.state !== expected.state) {
    return `the vendor holds: ${cell.state}, not ${expected.state}`;
  }
  return undefined;
}

function label(result: {
  outcome: string;
  attempts: number;
  reconciled?: boolean;
  requestOutcome?: RequestOutcome;
  reads: number;
}): string {
  const how = result.reconciled ? ' reconciled' : result.requestOutcome ? ` ${result.requestOutcome}` : '';
  return `${result.outcome}×${result.attempts}${how}, ${result.reads} read${result.reads === 1 ? '' : 's'}`;
}

const cellText = (cell: CellResult) => `${label(cell)}, ${cell.state ?? '—'}`;
const expectedText = (expected: Expected) => `${label(expected)}, ${expected.state}`;

describe('write fault matrix: faults × both vendors × every write operation', () => {
  const lanes: Lane[] = [];
  beforeAll(() => {
    // Loopback only: the emulators, their OSS look-alikes and the proxies.
    nock.disableNetConnect();
    nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
  });
  afterAll(async () => {
    await Promise.all(lanes.flatMap((lane) => [lane.emulator.close(), lane.proxy.close()]));
    nock.enableNetConnect();
  });

  it('ends each cell as expected: the client says what happened, the vendor holds the write once or not at all', async () => {
    const baseline = countOpenHandles();
    let unhandledRejections = 0;
    const onUnhandled = () => {
      unhandledRejections += 1;
    };
    process.on('unhandledRejection', onUnhandled);

    for (const vendor of VENDORS) {
      for (const operation of OPERATIONS) lanes.push(await startLane(vendor, operation));
    }
    const results = new Map<string, CellResult>();
    await Promise.all(
      lanes.map(async (lane) => {
        for (const fault of FAULTS) {
          if (expectedFor(fault, lane.operation, lane.vendor) === undefined) continue;
          results.set(`${fault.name}|${lane.vendor}|${lane.operation}`, await runCell(lane, fault));
        }
      }),
    );
    await Promise.all(lanes.flatMap((lane) => [lane.emulator.close(), lane.proxy.close()]));
    const handles = await settledOpenHandles(baseline);
    process.off('unhandledRejection', onUnhandled);

    const failures: string[] = [];
    const rows: string[][] = [];
    for (const fault of FAULTS) {
      for (const operation of OPERATIONS) {
        if (fault.expected[operation] === undefined) continue;
        const cells = VENDORS.map((vendor) => {
          const expected = expectedFor(fault, operation, vendor);
          const cell = results.get(`${fault.name}|${vendor}|${operation}`);
          if (expected === undefined || cell === undefined) return 'n/a';
          const problem = mismatch(cell, expected);
          if (problem === undefined) return cellText(cell);
          failures.push(
            `${fault.name} / ${vendor} / ${operation}: got ${cellText(cell)}, ${problem}. ${cell.detail}`,
          );
          return `${cellText(cell)} ✗ ${problem}`;
        });
        rows.push([fault.name, operation, ...cells]);
      }
    }
    console.log(
      `${formatTable(['fault', 'operation', ...VENDORS], rows)}\n\n` +
        `${results.size} cells (${FAULTS.length} faults × ${VENDORS.length} vendors × ${OPERATIONS.length} operations, where they apply), ` +
        `${failures.length} differing; ` +
        `unhandled rejections: ${unhandledRejections}; open handles after closing: ${JSON.stringify(handles)} (before: ${JSON.stringify(baseline)})`,
    );

    expect(failures).toEqual([]);
    expect(unhandledRejections).toBe(0);
    for (const kind of Object.keys(baseline) as (keyof typeof baseline)[]) {
      expect(handles[kind], kind).toBeLessThanOrEqual(baseline[kind]);
    }
  }, 120_000);
});
