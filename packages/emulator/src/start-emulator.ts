import { setMaxListeners } from 'node:events';
import { camsCallback } from './cams/cams-callbacks.js';
import { createCamsProtocol } from './cams/cams-protocol.js';
import {
  type CamsAccount,
  DEFAULT_CAMS_ACCOUNT,
  DEFAULT_NXCLOUD_ACCOUNT,
  type NxcloudAccount,
} from './credentials.js';
import { FaultController, type FaultRule } from './faults/faults.js';
import { validateFlowJsonBytes } from './flows/check-flow-json.js';
import { FlowLifecycle, type NewFlow } from './flows/flow-lifecycle.js';
import {
  type EmulatorFlow,
  type EmulatorTemplate,
  type FlowValidationError,
  type TemplateInput,
  VENDORS,
  type Vendor,
} from './model.js';
import { type NxcloudCallbackSigning, nxcloudCallback } from './nxcloud/nxcloud-callbacks.js';
import { createNxcloudProtocol } from './nxcloud/nxcloud-protocol.js';
import { ObjectStore } from './oss/object-store.js';
import { createOssProtocol } from './oss/oss-protocol.js';
import { UploadCredentialIssuer } from './oss/upload-credentials.js';
import { type ReviewOptions, TemplateReview } from './review/template-review.js';
import {
  type RequestArrival,
  RequestCounters,
  type RequestCountsSnapshot,
} from './server/request-counters.js';
import type { VendorProtocol } from './server/vendor-protocol.js';
import { type RunningServer, startVendorServer } from './server/vendor-server.js';
import { createStore, type EmulatorStore, type StoreOptions } from './store/emulator-store.js';
import { type EmulatorTimers, NODE_TIMERS, Scheduler } from './timers.js';
import {
  WebhookDelivery,
  type WebhookDeliveryRecord,
  type WebhookDeliverySettings,
} from './webhooks/webhook-delivery.js';

export interface StartEmulatorOptions<V extends Vendor = Vendor> extends StoreOptions {
  /** Which vendor servers to start; default both. */
  vendors?: readonly V[];
  /**
   * NXCloud listens on `port` and CAMS on `port + 1` (whichever of them are started). Default 0:
   * each on a free port.
   */
  port?: number;
  /** A loopback address (default `127.0.0.1`): the test credentials are public. */
  host?: string;
  /** Fault rules in force from the start; change them later with `emulator.faults`. */
  faults?: readonly FaultRule[];
  /**
   * The emulator's clock in epoch milliseconds (default `Date.now`): the signature time windows
   * and the quotas read it.
   */
  now?: () => number;
  /**
   * The timers of the emulator's delayed work (template reviews, callback retries); default
   * Node's. A test passes its own to move time on without sleeping.
   */
  timers?: EmulatorTimers;
  /** How templates created or edited through a vendor are reviewed; change it later with `emulator.review`. */
  review?: ReviewOptions;
  /** Where and how the vendors' callbacks are posted; change it later with `emulator.webhooks`. */
  webhooks?: WebhookOptions;
  /** Test credentials to accept instead of the defaults. */
  accounts?: { nxcloud?: Partial<NxcloudAccount>; cams?: Partial<CamsAccount> };
}

/** Options for the NXCloud adapter (`@whatsapp-bsp/nxcloud`), pointed at the emulator. */
export interface NxcloudClientConfig extends NxcloudAccount {
  baseUrl: string;
}

/** Options for the CAMS adapter (`@whatsapp-bsp/cams`) or the official SDK's `Config`. */
export interface CamsClientConfig {
  accessKeyId: string;
  accessKeySecret: string;
  custSpaceId: string;
  /** `host:port`, no scheme, as `@alicloud/openapi-client` expects. */
  endpoint: string;
  protocol: 'http';
}

/** The OSS look-alike where CAMS users upload the files CAMS fetches by URL. */
export interface EmulatorOss {
  /** `http://127.0.0.1:<port>`, as GetChatappUploadAuthorization's `EndPoint` gives it. */
  url: string;
  bucket: string;
  /** The objects uploaded, by key. */
  objects: ObjectStore;
}

export interface EmulatorEndpoints {
  nxcloud: { url: string; config: NxcloudClientConfig };
  cams: { endpoint: string; url: string; config: CamsClientConfig; oss: EmulatorOss };
}

/** The bucket of the OSS look-alike. */
export const EMULATOR_OSS_BUCKET = 'cams-emulator-uploads';

/** Change the fault rules of a running emulator. */
export interface EmulatorFaults {
  /** Replaces all rules. */
  set(rules: FaultRule | readonly FaultRule[]): void;
  /** Adds a rule after the existing ones. */
  add(rule: FaultRule): void;
  /** Removes every rule, or those of one vendor. */
  clear(vendor?: Vendor): void;
  /** The rules in force. */
  list(): FaultRule[];
}

/** Requests received, per vendor and operation. */
export interface EmulatorRequestCounts {
  readonly total: number;
  /** Answered by a fault or a quota instead of the vendor logic. */
  readonly rejected: number;
  /** Answered with the vendor's throttling error by a quota. */
  readonly throttled: number;
  count(vendor: Vendor, operation?: string): number;
  /** The latest 10,000 requests, oldest first, with their arrival times on the emulator's clock. */
  arrivals(vendor?: Vendor, operation?: string): RequestArrival[];
  snapshot(): RequestCountsSnapshot;
  reset(): void;
}

export interface WebhookSettings extends WebhookDeliverySettings {
  /** Sign NXCloud callbacks as NXCloud signs requests; unsigned when absent (the default). */
  nxcloudSignature?: NxcloudCallbackSigning;
}

export interface WebhookOptions extends WebhookSettings {
  /** URLs to post NXCloud's callbacks to; loopback only unless `allowNonLoopback`. */
  nxcloud?: string | readonly string[];
  /** URLs to post CAMS's ChatAppAudit callbacks to. */
  cams?: string | readonly string[];
}

/** The callbacks the emulator posts when a template's status changes. */
export interface EmulatorWebhooks {
  register(vendor: Vendor, url: string): void;
  /** Forgets one URL, or every URL of the vendor. */
  unregister(vendor: Vendor, url?: string): void;
  urls(vendor: Vendor): string[];
  /** Changes duplicates, retries, timeouts and signing; what is left out stays as it is. */
  configure(settings: WebhookSettings): void;
  /** The latest 1,000 deliveries, oldest first: each callback to each URL, with its tries. */
  deliveries(vendor?: Vendor): WebhookDeliveryRecord[];
  /** Resolves once no delivery is under way or waiting to retry. */
  settled(): Promise<void>;
}

/** Meta's review of the templates created or edited through a vendor. */
export interface EmulatorReview {
  /** Changes the delay and the rules; what is left out stays as it is. */
  set(options: ReviewOptions): void;
  /**
   * Adds a template as a vendor's create does: PENDING, then approved or rejected after the delay.
   * Returns it as stored now (already decided when the delay is 0).
   */
  submit(input: TemplateInput): EmulatorTemplate;
  /** How many templates wait for a decision. */
  readonly pending: number;
}

/** A Flow JSON as a test gives it: the text to upload, or a value to upload as indented JSON. */
export type FlowJsonInput = string | object;

/**
 * Flows as Meta's Flows API changes them, for tests: the rules and callbacks of the vendor
 * servers' flow writes, without a request.
 */
export interface EmulatorFlows {
  /**
   * Creates a flow as a vendor's create does: a DRAFT (NXCloud's flows webhook says so), its name
   * unique, a clone starting with its source's Flow JSON; with `flowJson`, that is uploaded next.
   * @throws FlowRefusal (`name-taken`, `not-found` for the clone's source, `invalid-input`).
   */
  create(input: NewFlow & { flowJson?: FlowJsonInput }): EmulatorFlow;
  /**
   * Sets a flow's status whatever it is, as Meta's health monitor (BLOCKED, THROTTLED) or a test
   * does; the vendors' callbacks follow when it changes. Throws when there is no such flow.
   */
  setStatus(id: string, status: string): EmulatorFlow;
  /**
   * The Flow JSON the vendors serve for a flow, as UTF-8 text: the one last uploaded, or the
   * generated starting document of a flow that never had one. Undefined when there is no such flow.
   */
  json(id: string): string | undefined;
  /**
   * Uploads a Flow JSON as a vendor's upload does: stored, checked (the errors are kept on the flow
   * and returned), a published flow sent back to DRAFT.
   * @throws FlowRefusal (`not-found`, `wrong-state` for a DEPRECATED flow, `invalid-input`).
   */
  setJson(id: string, flowJson: FlowJsonInput): FlowValidationError[];
  /** The emulator's own check of a Flow JSON, which the vendors' uploads run: Meta's validation errors. */
  validate(flowJson: FlowJsonInput): FlowValidationError[];
}

export type Emulator<V extends Vendor = Vendor> = Pick<EmulatorEndpoints, V> & {
  readonly store: EmulatorStore;
  readonly review: EmulatorReview;
  readonly flows: EmulatorFlows;
  readonly webhooks: EmulatorWebhooks;
  readonly faults: EmulatorFaults;
  readonly requests: EmulatorRequestCounts;
  /** Stops the servers and drops their connections; resolves when both are closed. */
  close(): Promise<void>;
};

/** Starts the vendor servers on loopback, sharing one store, one set of faults and counters. */
export async function startEmulator<V extends Vendor = Vendor>(
  options: StartEmulatorOptions<V> = {},
): Promise<Emulator<V>> {
  const vendors = checkVendors(options.vendors ?? (VENDORS as readonly V[]));
  const host = checkHost(options.host ?? '127.0.0.1');
  const basePort = checkPort(options.port ?? 0);
  const now = options.now ?? Date.now;
  const store = createStore(options);
  const scheduler = new Scheduler(options.timers ?? NODE_TIMERS);
  const review = new TemplateReview(store.templates, scheduler, options.review);
  const flows = new FlowLifecycle(store.flows);
  const nxcloudAccount = { ...DEFAULT_NXCLOUD_ACCOUNT, ...options.accounts?.nxcloud };
  const camsAccount = { ...DEFAULT_CAMS_ACCOUNT, ...options.accounts?.cams };
  let nxcloudSigning = options.webhooks?.nxcloudSignature;
  const delivery = new WebhookDelivery(
    { nxcloud: (event) => nxcloudCallback(event, nxcloudAccount, nxcloudSigning), cams: camsCallback },
    scheduler,
    now,
    store.seed,
  );
  const webhooks: EmulatorWebhooks = {
    register: (vendor, url) => delivery.register(vendor, url),
    unregister: (vendor, url) => delivery.unregister(vendor, url),
    urls: (vendor) => delivery.registered(vendor),
    configure: ({ nxcloudSignature, ...settings }) => {
      delivery.configure(settings);
      if (nxcloudSignature !== undefined) nxcloudSigning = nxcloudSignature;
    },
    deliveries: (vendor) => delivery.deliveries(vendor),
    settled: () => delivery.settled(),
  };
  const { nxcloud: nxcloudUrls, cams: camsUrls, ...deliverySettings } = options.webhooks ?? {};
  webhooks.configure(deliverySettings);
  for (const [vendor, urls] of [
    ['nxcloud', nxcloudUrls],
    ['cams', camsUrls],
  ] as const) {
    for (const url of typeof urls === 'string' ? [urls] : (urls ?? [])) webhooks.register(vendor, url);
  }
  // A template's status changed (reviewed, edited, paused by a test): each vendor says so.
  const stopWatching = store.templates.watchStatus(({ previous, current }) => {
    for (const vendor of VENDORS) {
      delivery.deliver(vendor, {
        type: 'template.status',
        template: current,
        previousStatus: previous.status,
        at: now(),
      });
    }
  });
  // A flow was created or its status changed (published, deprecated, edited back to DRAFT, blocked
  // by a test): NXCloud's flows webhook.
  const stopWatchingFlows = store.flows.watchStatus(({ previous, current }) => {
    for (const vendor of VENDORS) {
      delivery.deliver(vendor, {
        type: 'flow.status',
        flow: current,
        ...(previous ? { previousStatus: previous.status } : {}),
        at: now(),
      });
    }
  });
  const faults = new FaultController(now);
  faults.set(options.faults ?? []);
  const counters = new RequestCounters(now);
  const closing = new AbortController();
  // Every request with added latency listens for the close.
  setMaxListeners(0, closing.signal);

  const servers: RunningServer[] = [];
  const serve = async (protocol: VendorProtocol, port: number) => {
    const server = await startVendorServer({
      protocol,
      host,
      port,
      faults,
      counters,
      closing: closing.signal,
    });
    servers.push(server);
    return `${host.includes(':') ? `[${host}]` : host}:${server.port}`;
  };
  const oss = { url: '', bucket: EMULATOR_OSS_BUCKET, objects: new ObjectStore() };
  const uploadCredentials = new UploadCredentialIssuer(now);
  // Each server hands out links to itself (Flow JSON downloads), known once it listens.
  const origins: Record<Vendor, string> = { nxcloud: '', cams: '' };
  const start = async (vendor: Vendor) => {
    if (vendor === 'nxcloud') {
      const origin = () => origins.nxcloud;
      return serve(
        createNxcloudProtocol({ store, review, flows, account: nxcloudAccount, now, origin }),
        basePort,
      );
    }
    // CAMS hands out the OSS look-alike's address, so it listens first, on a free port.
    oss.url = `http://${await serve(createOssProtocol({ bucket: oss.bucket, objects: oss.objects, credentials: uploadCredentials, now }), 0)}`;
    const uploads = {
      bucket: oss.bucket,
      endpoint: () => oss.url,
      credentials: uploadCredentials,
      objects: oss.objects,
    };
    const origin = () => origins.cams;
    return serve(
      createCamsProtocol({ store, review, flows, account: camsAccount, now, origin, uploads }),
      basePort === 0 ? 0 : basePort + 1,
    );
  };

  let closed: Promise<void> | undefined;
  const close = () => {
    closed ??= (async () => {
      closing.abort();
      stopWatching();
      stopWatchingFlows();
      review.close();
      await delivery.close();
      scheduler.cancelAll();
      await Promise.all(servers.map((server) => server.close()));
    })();
    return closed;
  };

  const endpoints: Partial<EmulatorEndpoints> = {};
  try {
    for (const vendor of vendors) {
      const address = await start(vendor);
      origins[vendor] = `http://${address}`;
      if (vendor === 'nxcloud') {
        const url = `http://${address}`;
        endpoints.nxcloud = { url, config: { ...nxcloudAccount, baseUrl: url } };
      } else {
        endpoints.cams = {
          endpoint: address,
          url: `http://${address}`,
          config: { ...camsAccount, endpoint: address, protocol: 'http' },
          oss,
        };
      }
    }
  } catch (error) {
    await close();
    throw error;
  }

  const reviewControl: EmulatorReview = {
    set: (settings) => review.set(settings),
    submit: (input) => review.submit(input),
    get pending() {
      return review.pending;
    },
  };
  const uploadable = (flowJson: FlowJsonInput) =>
    Buffer.from(typeof flowJson === 'string' ? flowJson : JSON.stringify(flowJson, null, 2), 'utf8');
  const flowControl: EmulatorFlows = {
    create: ({ flowJson, ...input }) => {
      const flow = flows.create(input);
      return flowJson === undefined ? flow : flows.updateJson(flow.id, uploadable(flowJson)).flow;
    },
    setStatus: (id, status) => {
      const flow = store.flows.get(id);
      if (!flow) throw new Error(`No flow with id ${id}`);
      return store.flows.replace({ ...flow, status });
    },
    json: (id) => flows.jsonOf(id)?.toString('utf8'),
    setJson: (id, flowJson) => flows.updateJson(id, uploadable(flowJson)).validationErrors,
    validate: (flowJson) => validateFlowJsonBytes(uploadable(flowJson)),
  };
  return {
    ...endpoints,
    store,
    review: reviewControl,
    flows: flowControl,
    webhooks,
    faults,
    requests: counters,
    close,
  } as Emulator<V>;
}

function checkVendors<V extends Vendor>(vendors: readonly V[]): V[] {
  if (
    !Array.isArray(vendors) ||
    vendors.length === 0 ||
    vendors.some((vendor) => !VENDORS.includes(vendor))
  ) {
    throw new TypeError("vendors must list 'nxcloud' and/or 'cams'");
  }
  return [...new Set(vendors)];
}

function checkHost(host: string): string {
  if (host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) return host;
  throw new TypeError(
    'host must be a loopback address (127.0.0.1, ::1 or localhost): the test credentials are public',
  );
}

function checkPort(port: number): number {
  if (!Number.isInteger(port) || port < 0 || port > 65534) {
    throw new TypeError('port must be an integer from 0 to 65534 (CAMS listens on port + 1)');
  }
  return port;
}
