import type { Vendor } from '../model.js';
import { TokenBucket } from './token-bucket.js';

/** What a fault does to a request. */
export type FaultKind =
  /** Waits this long before answering (added to any other fault). */
  | { kind: 'latency'; ms: number }
  /** An HTTP error status (default 503) with the vendor's JSON error body. */
  | { kind: 'http-error'; status?: number; retryAfterSeconds?: number }
  /** Destroys the connection without an answer. */
  | { kind: 'reset' }
  /** The real answer, cut in half: HTTP 200 with truncated JSON. */
  | { kind: 'malformed-json' }
  /** An HTML error page from the vendor's proxy (default status 502). */
  | { kind: 'html'; status?: number }
  /**
   * HTTP 200 with the vendor's failure code in the body: NXCloud `code` (default -1; 9001 is the
   * other documented "contact support" code), CAMS `Code` (default `InternalError`).
   */
  | { kind: 'vendor-error'; code?: number | string }
  /**
   * A request quota: a token bucket of `burst` requests (default `requestsPerSecond`) refilled
   * at `requestsPerSecond`, one bucket per operation, as the vendors count them. Requests over
   * the quota get the vendor's throttling error: CAMS HTTP 400 `System.LimitControl` (or
   * `code: 'Throttling.User'`); NXCloud documents none, so HTTP 429 with `code` 429.
   */
  | { kind: 'quota'; requestsPerSecond: number; burst?: number; retryAfterSeconds?: number; code?: string }
  /**
   * The real answer followed by JSON whitespace up to `bytes` bytes in all (an answer already
   * longer is sent as it is): valid JSON that reads as the real answer, made as it is sent. With
   * its true `Content-Length`, or `chunked` without one.
   */
  | { kind: 'oversized'; bytes: number; chunked?: boolean }
  /**
   * The same padded answer of `bytes` bytes, compressed as it is sent with the matching
   * `Content-Encoding` (default gzip), chunked and flushed block by block: about 1 byte in 800
   * of `bytes` on the wire with gzip or deflate, 1 in 5,000 with br. Below a client's limit it
   * is just a compressed answer.
   */
  | { kind: 'compression-bomb'; bytes: number; encoding?: BodyEncoding }
  /**
   * The real answer followed by whitespace that never ends, chunked, compressed with `encoding`
   * if given. The emulator drops the connection once it has made `capBytes` (default 1 GiB), so
   * that a client that never stops reading cannot keep it busy for ever; the body never ends well.
   */
  | { kind: 'endless'; capBytes?: number; encoding?: BodyEncoding }
  /**
   * A redirect (default 302) whose body is the real JSON answer, with a `Location` (default the
   * request's path under `/moved`, on the same server).
   */
  | { kind: 'redirect'; status?: RedirectStatus; location?: string }
  /**
   * The real answer with a `Content-Length` that lies, and `Connection: close`: `'more'` declares
   * twice its size and the connection closes after it (the client sees a body cut short);
   * `'fewer'` declares half its size and sends it whole all the same.
   */
  | { kind: 'lying-length'; declares: 'more' | 'fewer' };

/** A Content-Encoding the emulator can compress a body with. */
export type BodyEncoding = 'gzip' | 'deflate' | 'br';

/** The redirect statuses a client could be tempted to follow. */
export type RedirectStatus = 301 | 302 | 303 | 307 | 308;

export type FaultRule = FaultKind & {
  /** Which vendor's server it applies to; default both. */
  vendor?: Vendor | '*';
  /** The vendor's own operation name (`getTemplate`, `ListChatappTemplate`, ...) or `'*'` (default). */
  operation?: string;
  /** Applies to the next `times` matching requests only; default every one. Ignored by `quota`. */
  times?: number;
};

/** What the server does with one request. */
export interface FaultDecision {
  latencyMs: number;
  /** The fault that answers instead of the vendor logic, if any. */
  answer?: Exclude<FaultKind, { kind: 'latency' }>;
}

interface ActiveRule {
  rule: FaultRule;
  remaining: number | undefined;
  buckets: Map<string, TokenBucket>;
}

/** The fault rules of one emulator, changeable while it runs. Rules apply in the order given. */
export class FaultController {
  private active: ActiveRule[] = [];

  constructor(private readonly now: () => number) {}

  /** Replaces all rules. */
  set(rules: FaultRule | readonly FaultRule[]): void {
    const list = Array.isArray(rules) ? rules : [rules as FaultRule];
    const checked = list.map(checkRule);
    this.active = checked.map((rule) => ({ rule, remaining: rule.times, buckets: new Map() }));
  }

  /** Adds a rule after the existing ones. */
  add(rule: FaultRule): void {
    const checked = checkRule(rule);
    this.active.push({ rule: checked, remaining: checked.times, buckets: new Map() });
  }

  /** Removes every rule (or those of one vendor). */
  clear(vendor?: Vendor): void {
    this.active = vendor === undefined ? [] : this.active.filter((entry) => !appliesTo(entry.rule, vendor));
  }

  /** The rules in force, with `times` showing how many uses remain. */
  list(): FaultRule[] {
    return this.active.map(({ rule, remaining }) =>
      remaining === undefined ? { ...rule } : { ...rule, times: remaining },
    );
  }

  /** Decides the fate of one request; uses up `times` and quota tokens. */
  decide(vendor: Vendor, operation: string): FaultDecision {
    const decision: FaultDecision = { latencyMs: 0 };
    for (const entry of this.active) {
      const { rule } = entry;
      if (
        !appliesTo(rule, vendor) ||
        !(rule.operation === undefined || rule.operation === '*' || rule.operation === operation)
      ) {
        continue;
      }
      if (rule.kind === 'latency') {
        if (use(entry)) decision.latencyMs += rule.ms;
      } else if (decision.answer === undefined) {
        if (rule.kind === 'quota') {
          if (!bucketFor(entry, `${vendor}\u0000${operation}`).take(this.now())) decision.answer = rule;
        } else if (use(entry)) {
          decision.answer = rule;
        }
      }
    }
    this.active = this.active.filter((entry) => entry.remaining === undefined || entry.remaining > 0);
    return decision;
  }
}

function appliesTo(rule: FaultRule, vendor: Vendor): boolean {
  return rule.vendor === undefined || rule.vendor === '*' || rule.vendor === vendor;
}

function use(entry: ActiveRule): boolean {
  if (entry.remaining === undefined) return true;
  if (entry.remaining <= 0) return false;
  entry.remaining--;
  return true;
}

function bucketFor(entry: ActiveRule, key: string): TokenBucket {
  let bucket = entry.buckets.get(key);
  if (!bucket) {
    const rule = entry.rule as Extract<FaultRule, { kind: 'quota' }>;
    bucket = new TokenBucket(rule.requestsPerSecond, rule.burst ?? Math.max(1, rule.requestsPerSecond));
    entry.buckets.set(key, bucket);
  }
  return bucket;
}

const KINDS = new Set([
  'latency',
  'http-error',
  'reset',
  'malformed-json',
  'html',
  'vendor-error',
  'quota',
  'oversized',
  'compression-bomb',
  'endless',
  'redirect',
  'lying-length',
]);
const ENCODINGS = new Set(['gzip', 'deflate', 'br']);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

function checkRule(rule: FaultRule): FaultRule {
  if (typeof rule !== 'object' || rule === null || !KINDS.has(rule.kind)) {
    throw new TypeError(`fault.kind must be one of ${[...KINDS].join(', ')}`);
  }
  if (rule.vendor !== undefined && !['nxcloud', 'cams', '*'].includes(rule.vendor)) {
    throw new TypeError("fault.vendor must be 'nxcloud', 'cams' or '*'");
  }
  if (rule.operation !== undefined && (typeof rule.operation !== 'string' || rule.operation === '')) {
    throw new TypeError("fault.operation must be an operation name or '*'");
  }
  if (rule.times !== undefined) positiveInteger(rule.times, 'fault.times');
  switch (rule.kind) {
    case 'latency':
      nonNegative(rule.ms, 'fault.ms');
      break;
    case 'http-error':
    case 'html':
      if (
        rule.status !== undefined &&
        !(Number.isInteger(rule.status) && rule.status >= 400 && rule.status <= 599)
      ) {
        throw new TypeError('fault.status must be an HTTP error status (400-599)');
      }
      break;
    case 'quota':
      if (!(rule.requestsPerSecond > 0)) throw new TypeError('fault.requestsPerSecond must be above 0');
      if (rule.burst !== undefined) positiveInteger(rule.burst, 'fault.burst');
      break;
    case 'oversized':
      positiveInteger(rule.bytes, 'fault.bytes');
      if (rule.chunked !== undefined && typeof rule.chunked !== 'boolean') {
        throw new TypeError('fault.chunked must be true or false');
      }
      break;
    case 'compression-bomb':
      positiveInteger(rule.bytes, 'fault.bytes');
      checkEncoding(rule.encoding);
      break;
    case 'endless':
      if (rule.capBytes !== undefined) positiveInteger(rule.capBytes, 'fault.capBytes');
      checkEncoding(rule.encoding);
      break;
    case 'redirect':
      if (rule.status !== undefined && !REDIRECT_STATUSES.has(rule.status)) {
        throw new TypeError(`fault.status must be a redirect status (${[...REDIRECT_STATUSES].join(', ')})`);
      }
      // Checked here, not when answering: a bad header value would fail every matching request.
      if (
        rule.location !== undefined &&
        !(typeof rule.location === 'string' && /^[!-~]+$/.test(rule.location))
      ) {
        throw new TypeError('fault.location must be a URL or a path, in printable ASCII without spaces');
      }
      break;
    case 'lying-length':
      if (rule.declares !== 'more' && rule.declares !== 'fewer') {
        throw new TypeError("fault.declares must be 'more' or 'fewer'");
      }
      break;
  }
  if ('retryAfterSeconds' in rule && rule.retryAfterSeconds !== undefined) {
    nonNegative(rule.retryAfterSeconds, 'fault.retryAfterSeconds');
  }
  return { ...rule };
}

function checkEncoding(encoding: unknown): void {
  if (encoding !== undefined && !ENCODINGS.has(encoding as string)) {
    throw new TypeError(`fault.encoding must be one of ${[...ENCODINGS].join(', ')}`);
  }
}

function positiveInteger(value: unknown, field: string): void {
  if (!Number.isInteger(value) || (value as number) < 1)
    throw new TypeError(`${field} must be a positive integer`);
}

function nonNegative(value: unknown, field: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new TypeError(`${field} must be a number of 0 or more`);
  }
}
