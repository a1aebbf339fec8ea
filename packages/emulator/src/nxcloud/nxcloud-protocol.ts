import { STATUS_CODES } from 'node:http';
import type { NxcloudAccount } from '../credentials.js';
import { jsonResponse, type VendorProtocol, type VendorResponse } from '../server/vendor-protocol.js';
import type { EmulatorStore } from '../store/emulator-store.js';
import { previewOf } from '../store/flow-preview.js';
import type { RecordView } from '../store/record-list.js';
import { authenticateNxcloudRequest } from './nxcloud-authenticate.js';
import { flowNotFound, nxcloudError } from './nxcloud-errors.js';
import { NXCLOUD_DEFAULT_LIMIT, type NxcloudPageRequest, nxcloudPage } from './nxcloud-paging.js';
import { nxcloudFlow, nxcloudFlowListItem, nxcloudPreview, nxcloudTemplate } from './nxcloud-render.js';

/** The Meta Graph URLs of `paging.next`/`previous`, which NXCloud passes through. */
const GRAPH_WABA_ID = '102290129340398';
const FLOWS_LINK = `https://graph.facebook.com/v18.0/${GRAPH_WABA_ID}/flows?fields=id%2Cname%2Cstatus%2Ccategories%2Cvalidation_errors`;
const TEMPLATES_LINK = `https://graph.facebook.com/v15.0/${GRAPH_WABA_ID}/message_templates?fields=id%2Ccategory%2Clanguage%2Cname%2Cstatus%2Ccomponents%2Crejected_reason%2Cquality_score`;

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
    handle: (body, { store }) =>
      listAnswer(body, store.flows.view(), FLOWS_LINK, nxcloudFlowListItem, 'Success'),
  },
  '/api/wa/getTemplate': {
    operation: 'getTemplate',
    actions: ['getTemplate'],
    required: ['appkey', 'business_phone', 'messaging_product'],
    phoneField: 'business_phone',
    handle: (body, { store }) => {
      if (body.name !== undefined && typeof body.name !== 'string') {
        return nxcloudError(1002, 'Parameter error: name must be a string');
      }
      const view = body.name ? store.templates.named(body.name) : store.templates.view();
      return listAnswer(body, view, TEMPLATES_LINK, nxcloudTemplate, '请求成功');
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
      const rejection = authenticateNxcloudRequest(request, route.actions, options.account, options.now());
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
      jsonResponse(status, { code: -1, message: STATUS_CODES[status] ?? 'Request failed', data: null }),
    failureCode: (_request, code) => {
      const value = Number(code ?? -1);
      const vendorCode = Number.isInteger(value) ? value : -1;
      return nxcloudError(vendorCode, vendorCode === 9001 ? 'System business error' : '请求失败');
    },
    // NXCloud documents no throttling answer: HTTP 429 in the vendor's envelope.
    throttled: () => jsonResponse(429, { code: 429, message: 'Too Many Requests', data: null }),
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

/** One page of a list endpoint: `data.data[]`, and `data.paging` unless the page is empty. */
function listAnswer<T>(
  body: Body,
  view: RecordView<T>,
  linkBase: string,
  render: (item: T) => Body,
  message: string,
): VendorResponse {
  const paging = pageRequest(body);
  if (typeof paging === 'string') return nxcloudError(1002, `Parameter error: ${paging}`);
  const page = nxcloudPage(view, paging, linkBase);
  if (!page) return nxcloudError(1002, 'Parameter error: unknown paging cursor');
  const data = page.items.map(render);
  return jsonResponse(200, {
    code: 0,
    message,
    data: page.paging ? { data, paging: page.paging } : { data },
  });
}

function parseBody(bytes: Buffer): Body | undefined {
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Body) : undefined;
  } catch {
    return undefined;
  }
}
