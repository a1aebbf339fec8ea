import { setMaxListeners } from 'node:events';
import { compact } from '../compact.js';
import { VENDORS, type Vendor } from '../model.js';
import { Random } from '../store/random.js';
import type { Scheduler } from '../timers.js';
import { checkCallbackUrl } from './callback-url.js';
import type { CallbackRequest, EmulatorEvent } from './emulator-event.js';
import { type AttemptOutcome, postCallback } from './post-callback.js';

/** How deliveries behave; every field can change while the emulator runs. */
export interface WebhookDeliverySettings {
  /**
   * The chance (0 to 1) that a callback is delivered a second time, as vendors deliver at least
   * once; default 0. Drawn from the emulator's seed, so a run repeats.
   */
  duplicateChance?: number;
  /**
   * Tries per callback and URL (default 5), and the back-off between them: doubling from
   * `initialDelayMs` (default 1000) up to `maxDelayMs` (default 30000), on the emulator's timers.
   * A try fails on a non-2xx answer, a connection error or no answer within `timeoutMs`.
   */
  retry?: { attempts?: number; initialDelayMs?: number; maxDelayMs?: number };
  /** How long one try waits for an answer; default 5000 ms. */
  timeoutMs?: number;
  /** Accept URLs that are not on this machine; default false. Checked when a URL is registered. */
  allowNonLoopback?: boolean;
}

type ResolvedSettings = {
  duplicateChance: number;
  retry: { attempts: number; initialDelayMs: number; maxDelayMs: number };
  timeoutMs: number;
  allowNonLoopback: boolean;
};

/** One callback to one URL, and what became of each try. */
export interface WebhookDeliveryRecord {
  vendor: Vendor;
  url: string;
  body: string;
  /** This is the extra copy of an at-least-once delivery. */
  duplicate: boolean;
  attempts: Array<{ at: number } & AttemptOutcome>;
  outcome: 'pending' | 'delivered' | 'failed' | 'cancelled';
}

/** A vendor's rendering of an event, or undefined when the vendor has no callback for it. */
export type CallbackRenderer = (event: EmulatorEvent) => CallbackRequest | undefined;

/** The latest deliveries kept for inspection. */
const MAX_RECORDS = 1000;

/**
 * Posts vendor callbacks to the URLs registered for each vendor: every state change goes through
 * `deliver(vendor, event)`, which renders it in the vendor's shape and posts it to each URL, at
 * least once, retrying with capped back-off as vendors do.
 */
export class WebhookDelivery {
  private settings: ResolvedSettings = {
    duplicateChance: 0,
    retry: { attempts: 5, initialDelayMs: 1000, maxDelayMs: 30_000 },
    timeoutMs: 5000,
    allowNonLoopback: false,
  };
  private readonly urls = new Map<Vendor, Set<string>>(VENDORS.map((vendor) => [vendor, new Set()]));
  private readonly records: WebhookDeliveryRecord[] = [];
  private readonly random: Random;
  private readonly closing = new AbortController();
  private inFlight = 0;
  private idle: Array<() => void> = [];

  constructor(
    private readonly renderers: Readonly<Record<Vendor, CallbackRenderer>>,
    private readonly scheduler: Scheduler,
    private readonly now: () => number,
    seed: number,
  ) {
    this.random = new Random(seed, 0x77656268);
    // Every try under way and every back-off listens for the close.
    setMaxListeners(0, this.closing.signal);
  }

  configure(settings: WebhookDeliverySettings): void {
    if (typeof settings !== 'object' || settings === null) throw new TypeError('webhooks must be an object');
    const { duplicateChance, retry, timeoutMs, allowNonLoopback } = settings;
    if (duplicateChance !== undefined && !(duplicateChance >= 0 && duplicateChance <= 1)) {
      throw new TypeError('webhooks.duplicateChance must be a number from 0 to 1');
    }
    if (retry?.attempts !== undefined && !(Number.isInteger(retry.attempts) && retry.attempts >= 1)) {
      throw new TypeError('webhooks.retry.attempts must be a positive integer');
    }
    for (const [name, value] of [
      ['retry.initialDelayMs', retry?.initialDelayMs],
      ['retry.maxDelayMs', retry?.maxDelayMs],
      ['timeoutMs', timeoutMs],
    ] as const) {
      if (value !== undefined && !(typeof value === 'number' && Number.isFinite(value) && value >= 0)) {
        throw new TypeError(`webhooks.${name} must be a number of 0 or more`);
      }
    }
    this.settings = {
      duplicateChance: duplicateChance ?? this.settings.duplicateChance,
      retry: { ...this.settings.retry, ...compact({ ...retry }) },
      timeoutMs: timeoutMs ?? this.settings.timeoutMs,
      allowNonLoopback: allowNonLoopback ?? this.settings.allowNonLoopback,
    };
  }

  register(vendor: Vendor, url: string): void {
    this.urlsOf(vendor).add(checkCallbackUrl(url, this.settings.allowNonLoopback).href);
  }

  /** Forgets one URL, or every URL of the vendor. */
  unregister(vendor: Vendor, url?: string): void {
    const urls = this.urlsOf(vendor);
    if (url === undefined) urls.clear();
    else for (const known of [url, safeHref(url)]) urls.delete(known);
  }

  registered(vendor: Vendor): string[] {
    return [...this.urlsOf(vendor)];
  }

  /** The latest deliveries, oldest first. */
  deliveries(vendor?: Vendor): WebhookDeliveryRecord[] {
    return this.records.filter((record) => vendor === undefined || record.vendor === vendor);
  }

  /** Resolves once no delivery is under way or waiting to retry. */
  settled(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  /** Renders the event in the vendor's shape and posts it to each of the vendor's URLs. Never throws. */
  deliver(vendor: Vendor, event: EmulatorEvent): void {
    const urls = this.urlsOf(vendor);
    if (urls.size === 0 || this.closing.signal.aborted) return;
    const request = this.renderers[vendor](event);
    if (!request) return;
    for (const url of urls) {
      this.send(vendor, url, request, false);
      if (this.settings.duplicateChance > 0 && this.random.chance(this.settings.duplicateChance)) {
        this.send(vendor, url, request, true);
      }
    }
  }

  /** Stops retries and cuts tries under way short; their deliveries end as `cancelled`. */
  close(): Promise<void> {
    this.closing.abort();
    return this.settled();
  }

  private send(vendor: Vendor, url: string, request: CallbackRequest, duplicate: boolean): void {
    const record: WebhookDeliveryRecord = {
      vendor,
      url,
      body: request.body,
      duplicate,
      attempts: [],
      outcome: 'pending',
    };
    this.records.push(record);
    if (this.records.length > MAX_RECORDS) this.records.shift();
    this.inFlight++;
    this.tryAll(record, request).finally(() => {
      this.inFlight--;
      if (this.inFlight === 0) for (const resolve of this.idle.splice(0)) resolve();
    });
  }

  private async tryAll(record: WebhookDeliveryRecord, request: CallbackRequest): Promise<void> {
    const { retry, timeoutMs } = this.settings;
    for (let attempt = 1; ; attempt++) {
      const at = this.now();
      const outcome = await postCallback(
        new URL(record.url),
        request.body,
        request.headers(at),
        timeoutMs,
        this.closing.signal,
      );
      record.attempts.push({ at, ...outcome });
      if ('status' in outcome && outcome.status >= 200 && outcome.status < 300) {
        record.outcome = 'delivered';
        return;
      }
      if (this.closing.signal.aborted) {
        record.outcome = 'cancelled';
        return;
      }
      if (attempt >= retry.attempts) {
        record.outcome = 'failed';
        return;
      }
      const delay = Math.min(retry.maxDelayMs, retry.initialDelayMs * 2 ** (attempt - 1));
      if (!(await this.wait(delay))) {
        record.outcome = 'cancelled';
        return;
      }
    }
  }

  /** Waits on the emulator's timers; false when the emulator closes first. */
  private wait(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const signal = this.closing.signal;
      const onClose = () => {
        cancel();
        resolve(false);
      };
      const cancel = this.scheduler.after(ms, () => {
        signal.removeEventListener('abort', onClose);
        resolve(true);
      });
      signal.addEventListener('abort', onClose, { once: true });
    });
  }

  private urlsOf(vendor: Vendor): Set<string> {
    const urls = this.urls.get(vendor);
    if (!urls) throw new TypeError("vendor must be 'nxcloud' or 'cams'");
    return urls;
  }
}

function safeHref(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}
