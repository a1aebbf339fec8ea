import { createHash } from 'node:crypto';
import type { NxcloudAccount } from './credentials.js';
import type { EmulatorStore } from './emulator-store.js';
import { previewOf } from './flow-preview.js';
import { NXCLOUD_DEFAULT_LIMIT, type NxcloudPageRequest, nxcloudPage } from './nxcloud-paging.js';
import { nxcloudFlow, nxcloudFlowListItem, nxcloudPreview, nxcloudTemplate } from './nxcloud-render.js';
import { type NxcloudSignAlgorithm, nxcloudSignature, nxcloudSignatureMatches } from './nxcloud-signature.js';
import {
  jsonResponse,
  type VendorProtocol,
  type VendorRequest,
  type VendorResponse,
} from './vendor-protocol.js';

/** NXCloud accepts `ts` within this many milliseconds of its own clock (error 1004 outside). */
export const NXCLOUD_TS_WINDOW_MS = 60_000;

/** The WhatsApp business line; any other `bizType` is error 1002. */
const WHATSAPP_BIZ_TYPE = '2';

/** The WABA id in the Meta Graph `next`/`previous` links, which NXCloud passes through. */
const GRAPH_WABA_ID = '102290129340398';

type Body = Record<string, unknown>;

interface Route {
  operation: string;
  /** `action` header values accepted on this path. */
  actions: readonly string[];
  /** Body fields whose absence is error 9000. */
  required: readonly string[];
  /** The body field that names the merchant's number, checked against the account. */
  phoneField?: 'business_phone' | 'phone';
  handle(body: Body, context: Context): VendorResponse;
}

interface Context {
  store: EmulatorStore;
  now: () => number;
}

const ROUTES: Readonly<Record<string, Route>> = {
  '/api/wa/queryFlowById': {
    operation: 'queryFlowById',
    // The vendor page prints `getTemplate` (a copy-paste slip, nxcloud-api.md 9.1): accept both.
    actions: ['queryFlowById', 'getTemplate'],
    required: ['appkey', 'business_phone', 'messaging_product', 'flow_id'],
    phoneField: 'business_phone',
    handle: (body, { store }) => {
      const flow = store.flows.get(String(body.flow_id));
      if (!flow) return flowNotFound('queryFlowById', String(body.flow_id));
      return jsonResponse(200, { code: 0, message: 'Success', data: nxcloudFlow(flow) });
    },
  },
  '/v1/wa/m/flows/getPreviewByFlowId': {
    operation: 'getPreviewByFlowId',
    actions: ['getPreviewByFlowId'],
    required: ['appkey', 'flow_id', 'messaging_product'],
    handle: (body, { store, now }) => {
      const flow = store.flows.get(String(body.flow_id));
      if (!flow) return flowNotFound('getPreviewByFlowId', String(body.flow_id));
      return jsonResponse(200, {
        code: 0,
        message: 'Success',
        data: { id: flow.id, preview: nxcloudPreview(previewOf(flow, now())) },
      });
    },
  },
  '/v1/wa/m/flows/queryFlowsByPhone': {
    operation: 'queryFlowsByPhone',
    actions: ['queryFlowsByPhone'],
    required: ['appkey', 'phone', 'messaging_product'],
    phoneField: 'phone',
    handle: (body, { store }) => {
      const paging = pageRequest(body);
      if (typeof paging === 'string') return nxcloudError(1002, `Parameter error: ${paging}`);
      const page = nxcloudPage(
        store.flows.view(),
        paging,
        `https://graph.facebook.com/v18.0/${GRAPH_WABA_ID}/flows?fields=id%2Cname%2Cstatus%2Ccategories%2Cvalidation_errors`,
      );
      if (!page) return nxcloudError(1002, 'Parameter error: unknown paging cursor');
      return jsonResponse(200, {
        code: 0,
        message: 'Success',
        data: compactPage(page.items.map(nxcloudFlowListItem), page.paging),
      });
    },
  },
  '/api/wa/getTemplate': {
    operation: 'getTemplate',
    actions: ['getTemplate'],
    required: ['appkey', 'business_phone', 'messaging_product'],
    phoneField: 'business_phone',
    handle: (body, { store }) => {
      const paging = pageRequest(body);
      if (typeof paging === 'string') return nxcloudError(1002, `Parameter error: ${paging}`);
      if (body.name !== undefined && typeof body.name !== 'string') {
        return nxcloudError(1002, 'Parameter error: name must be a string');
      }
      const view = body.name ? store.templates.named(body.name) : store.templates.view();
      const page = nxcloudPage(
        view,
        paging,
        `https://graph.facebook.com/v15.0/${GRAPH_WABA_ID}/message_templates?fields=id%2Ccategory%2Clanguage%2Cname%2Cstatus%2Ccomponents%2Crejected_reason%2Cquality_score`,
      );
      if (!page) return nxcloudError(1002, 'Parameter error: unknown paging cursor');
      return jsonResponse(200, {
        code: 0,
        data: compactPage(page.items.map(nxcloudTemplate), page.paging),
        message: '请求成功',
      });
    },
  },
};

export interface NxcloudProtocolOptions {
  store: EmulatorStore;
  account: NxcloudAccount;
  now: () => number;
}

/**
 * NXCloud's WhatsApp API (nxcloud-api.md): POST with JSON bodies, the common headers signed
 * with MD5 or SHA-256, and the vendor's `{ code, message, data }` envelope. As the vendor does,
 * every vendor error code comes with HTTP 200; HTTP errors are for unknown paths (404) and
 * methods (405).
 */
export function createNxcloudProtocol(options: NxcloudProtocolOptions): VendorProtocol {
  const context: Context = { store: options.store, now: options.now };
  return {
    vendor: 'nxcloud',
    proxyName: 'nginx',
    operationOf: (request) => ROUTES[request.url.pathname]?.operation ?? request.url.pathname,
    handle(request) {
      const route = ROUTES[request.url.pathname];
      if (!route) return jsonResponse(404, { code: 404, message: 'Not Found', data: null });
      if (request.method !== 'POST') {
        return jsonResponse(405, { code: 405, message: 'Method Not Allowed', data: null }, { allow: 'POST' });
      }
      const rejection = authenticate(request, route, options);
      if (rejection) return rejection;

      const body = parseBody(request.body);
      if (!body) return nxcloudError(1002, 'Parameter error: the body must be a JSON object');
      const missing = route.required.find(
        (field) => body[field] === undefined || body[field] === null || body[field] === '',
      );
      if (missing) return nxcloudError(9000, `Parameter exception: ${missing} is required`);
      if (body.messaging_product !== 'whatsapp') {
        return nxcloudError(1002, 'Parameter error: messaging_product must be "whatsapp"');
      }
      if (body.appkey !== options.account.appKey) {
        return nxcloudError(9003, 'Application does not exist or is unavailable');
      }
      if (route.phoneField) {
        const phone = String(body[route.phoneField]);
        if (!/^\d{6,20}$/.test(phone)) {
          return nxcloudError(9002, 'Merchant phone number error: not a WhatsApp number');
        }
        if (phone !== options.account.businessPhone) {
          return nxcloudError(9006, 'The WhatsApp number is not bound to the application');
        }
      }
      return route.handle(body, context);
    },
    httpError: (_request, status) =>
      jsonResponse(status, { code: -1, message: httpMessage(status), data: null }),
    failureCode: (_request, code) => {
      const value = typeof code === 'number' ? code : code === undefined ? -1 : Number(code);
      return nxcloudError(
        Number.isFinite(value) ? value : -1,
        value === 9001 ? 'System business error' : '请求失败',
      );
    },
    // NXCloud documents no throttling answer: HTTP 429 in the vendor's envelope.
    throttled: () => jsonResponse(429, { code: 429, message: 'Too Many Requests', data: null }),
  };
}

const COMMON_HEADERS = ['accessKey', 'ts', 'bizType', 'action', 'sign'] as const;

/** The common-header checks, in the order that lets each documented code be reached. */
function authenticate(
  request: VendorRequest,
  route: Route,
  options: NxcloudProtocolOptions,
): VendorResponse | undefined {
  const header = (name: string) => {
    const value = request.headers[name.toLowerCase()];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const values: Partial<Record<(typeof COMMON_HEADERS)[number], string>> = {};
  for (const name of COMMON_HEADERS) {
    values[name] = header(name);
    if (values[name] === undefined) return nxcloudError(1001, `Missing common parameters: ${name}`);
  }
  const { accessKey, ts, bizType, action, sign } = values as Record<(typeof COMMON_HEADERS)[number], string>;
  if (accessKey !== options.account.accessKey) return nxcloudError(1005, 'Insufficient permissions');
  if (!/^\d{13}$/.test(ts) || Math.abs(Number(ts) - options.now()) > NXCLOUD_TS_WINDOW_MS) {
    return nxcloudError(1004, 'Timestamp has expired');
  }
  const contentType = header('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (contentType !== 'application/json') {
    return nxcloudError(1003, 'Invalid signature: Content-Type must be application/json');
  }
  const algorithm = (header('algorithm') ?? 'md5').toLowerCase();
  if (algorithm !== 'md5' && algorithm !== 'sha256') {
    return nxcloudError(1003, 'Invalid signature: algorithm must be md5 or sha256');
  }
  const expected = nxcloudSignature(
    { accessKey, action, bizType, ts },
    request.body,
    options.account.accessSecret,
    algorithm as NxcloudSignAlgorithm,
  );
  if (!nxcloudSignatureMatches(expected, sign)) return nxcloudError(1003, 'Invalid signature');
  if (bizType !== WHATSAPP_BIZ_TYPE || !route.actions.includes(action)) {
    return nxcloudError(1002, 'Parameter error: wrong bizType or action for this endpoint');
  }
  return undefined;
}

function nxcloudError(code: number, message: string): VendorResponse {
  return jsonResponse(200, { code, message, data: null });
}

/**
 * Unknown flow id. The flow endpoints fail with `code` 400 and Meta's Graph error in
 * `data.error` (nxcloud-api.md 4.2), integers written as floats as the vendor sends them; this is
 * the error Meta gives for an id that does not exist.
 */
function flowNotFound(operation: string, flowId: string): VendorResponse {
  const metaError = JSON.stringify({
    message: `Unsupported get request. Object with ID '${flowId}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
    type: 'GraphMethodException',
    code: 100,
    error_subcode: 33,
    fbtrace_id: createHash('sha256').update(flowId).digest('base64url').slice(0, 23),
  }).replace(/"(code|error_subcode)":(\d+)/g, '"$1":$2.0');
  return {
    status: 200,
    headers: { 'content-type': 'application/json;charset=utf-8' },
    body: `{"code":400,"message":${JSON.stringify(`${operation} error`)},"data":{"error":${metaError}}}`,
  };
}

/** The paging fields of a body, or the reason they are wrong. */
function pageRequest(body: Body): NxcloudPageRequest | string {
  const { after, before } = body;
  let limit: unknown = body.limit ?? NXCLOUD_DEFAULT_LIMIT;
  if (typeof limit === 'string' && /^\d+$/.test(limit)) limit = Number(limit);
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1)
    return 'limit must be a positive integer';
  if (after !== undefined && typeof after !== 'string') return 'after must be a string';
  if (before !== undefined && typeof before !== 'string') return 'before must be a string';
  return { limit, after: after || undefined, before: before || undefined };
}

function compactPage(data: unknown[], paging: unknown): Body {
  return paging === undefined ? { data } : { data, paging };
}

function parseBody(bytes: Buffer): Body | undefined {
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Body) : undefined;
  } catch {
    return undefined;
  }
}

function httpMessage(status: number): string {
  return status === 503 ? 'Service Unavailable' : status === 502 ? 'Bad Gateway' : 'Request failed';
}
