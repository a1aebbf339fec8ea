import { STATUS_CODES } from 'node:http';
import type { NxcloudAccount } from '../credentials.js';
import {
  FLOW_JSON_DOWNLOAD_OPERATION,
  flowIdOfDownloadPath,
  serveFlowJsonDownload,
} from '../flows/flow-json-download.js';
import type { FlowLifecycle } from '../flows/flow-lifecycle.js';
import type { TemplateReview } from '../review/template-review.js';
import {
  headerValue,
  jsonResponse,
  type VendorProtocol,
  type VendorRequest,
} from '../server/vendor-protocol.js';
import type { EmulatorStore } from '../store/emulator-store.js';
import { authenticateNxcloudRequest } from './nxcloud-authenticate.js';
import { nxcloudError } from './nxcloud-errors.js';
import { NXCLOUD_FLOW_WRITE_ROUTES } from './nxcloud-flow-writes.js';
import { NXCLOUD_FLOW_ROUTES } from './nxcloud-flows.js';
import type { NxcloudBody, NxcloudContext, NxcloudRoute } from './nxcloud-route.js';
import { NXCLOUD_TEMPLATE_ROUTES } from './nxcloud-templates.js';

/** Every endpoint by path: each resource brings its own. */
const ROUTES: ReadonlyMap<string, NxcloudRoute> = new Map(
  [...NXCLOUD_FLOW_ROUTES, ...NXCLOUD_FLOW_WRITE_ROUTES, ...NXCLOUD_TEMPLATE_ROUTES].map((route) => [
    route.path,
    route,
  ]),
);

/** The vendor APIs take small JSON bodies: 1 MiB is plenty. */
const MAX_BODY_BYTES = 1024 * 1024;
/** A Flow JSON may be 10 MB (Meta's limit), plus the multipart framing around it. */
const MAX_FLOW_JSON_UPLOAD_BYTES = 11 * 1024 * 1024;

export interface NxcloudProtocolOptions {
  store: EmulatorStore;
  review: TemplateReview;
  flows: FlowLifecycle;
  account: NxcloudAccount;
  now: () => number;
  /** The server's own `http://host:port`, known once it listens: Flow JSON download links point there. */
  origin: () => string;
}

/**
 * NXCloud's WhatsApp API: POST with JSON bodies, the common headers signed with MD5 or SHA-256,
 * and the vendor's `{ code, message, data }` envelope. As the vendor does, every vendor error code
 * comes with HTTP 200; HTTP errors are for unknown paths (404) and methods (405). The vendor's
 * pages: https://github.com/nxtele/http-api-document/wiki/
 */
export function createNxcloudProtocol(options: NxcloudProtocolOptions): VendorProtocol {
  const context: NxcloudContext = {
    store: options.store,
    review: options.review,
    flows: options.flows,
    now: options.now,
    origin: options.origin,
  };
  return {
    vendor: 'nxcloud',
    proxyName: 'nginx',
    maxBodyBytes: (pathname) =>
      ROUTES.get(pathname)?.operation === 'updateFlowJson' ? MAX_FLOW_JSON_UPLOAD_BYTES : MAX_BODY_BYTES,
    operationOf: (request) =>
      ROUTES.get(request.url.pathname)?.operation ??
      (flowIdOfDownloadPath(request.url.pathname) === undefined
        ? request.url.pathname
        : FLOW_JSON_DOWNLOAD_OPERATION),
    async handle(request) {
      // The Flow JSON links getFlowJson hands out: plain GETs, unsigned, as Meta's download URLs are.
      const downloadedFlowId = flowIdOfDownloadPath(request.url.pathname);
      if (downloadedFlowId !== undefined)
        return serveFlowJsonDownload(request, downloadedFlowId, options.flows);
      const route = ROUTES.get(request.url.pathname);
      if (!route) return jsonResponse(404, { code: 404, message: 'Not Found', data: null });
      if (request.method !== 'POST') {
        return jsonResponse(405, { code: 405, message: 'Method Not Allowed', data: null }, { allow: 'POST' });
      }
      const rejection = authenticateNxcloudRequest(request, route, options.account, options.now());
      if (rejection) return rejection;

      const body = route.bodyType === 'multipart' ? await parseForm(request) : parseBody(request.body);
      if (!body) {
        return nxcloudError(
          1002,
          `Parameter error: the body must be ${route.bodyType === 'multipart' ? 'a multipart form' : 'a JSON object'}`,
        );
      }
      const missing = route.required.find(
        (field) => body[field] === undefined || body[field] === null || body[field] === '',
      );
      if (missing) return nxcloudError(9000, `Parameter exception: ${missing} is required`);
      // Ids and numbers are read as text; an object or array would not even convert to one.
      const notText = route.required.find(
        (field) =>
          typeof body[field] === 'object' &&
          !(body[field] instanceof Blob) &&
          !route.structured?.includes(field),
      );
      if (notText) return nxcloudError(1002, `Parameter error: ${notText} must be a string`);
      if (body.messaging_product !== 'whatsapp') {
        return nxcloudError(1002, 'Parameter error: messaging_product must be "whatsapp"');
      }
      // The upload endpoints list no appkey (reference inconsistency 12); it is checked when sent.
      if (
        (route.required.includes('appkey') || body.appkey !== undefined) &&
        body.appkey !== options.account.appKey
      ) {
        return nxcloudError(9003, 'Application does not exist or is unavailable');
      }
      if (route.phoneField && body[route.phoneField] !== undefined) {
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

/**
 * A multipart form's fields, read by Node's own parser (the Fetch API's `formData()`): text fields
 * as strings, files as `File`s. A repeated field keeps its first value.
 */
async function parseForm(request: VendorRequest): Promise<NxcloudBody | undefined> {
  const contentType = headerValue(request, 'content-type') ?? '';
  let form: FormData;
  try {
    form = await new Response(request.body, { headers: { 'content-type': contentType } }).formData();
  } catch {
    return undefined;
  }
  // No prototype: a field named `__proto__` or `constructor` is a field like any other.
  const body: NxcloudBody = Object.create(null);
  for (const [name, value] of form) if (!(name in body)) body[name] = value;
  return body;
}

function parseBody(bytes: Buffer): NxcloudBody | undefined {
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as NxcloudBody)
      : undefined;
  } catch {
    return undefined;
  }
}
