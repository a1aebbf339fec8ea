import { STATUS_CODES } from 'node:http';
import type { NxcloudAccount } from '../credentials.js';
import { jsonResponse, type VendorProtocol } from '../server/vendor-protocol.js';
import type { EmulatorStore } from '../store/emulator-store.js';
import { authenticateNxcloudRequest } from './nxcloud-authenticate.js';
import { nxcloudError } from './nxcloud-errors.js';
import { NXCLOUD_FLOW_ROUTES } from './nxcloud-flows.js';
import type { NxcloudBody, NxcloudContext, NxcloudRoute } from './nxcloud-route.js';
import { NXCLOUD_TEMPLATE_ROUTES } from './nxcloud-templates.js';

/** Every endpoint by path: each resource brings its own. */
const ROUTES: ReadonlyMap<string, NxcloudRoute> = new Map(
  [...NXCLOUD_FLOW_ROUTES, ...NXCLOUD_TEMPLATE_ROUTES].map((route) => [route.path, route]),
);

export interface NxcloudProtocolOptions {
  store: EmulatorStore;
  account: NxcloudAccount;
  now: () => number;
}

/**
 * NXCloud's WhatsApp API: POST with JSON bodies, the common headers signed with MD5 or SHA-256,
 * and the vendor's `{ code, message, data }` envelope. As the vendor does, every vendor error code
 * comes with HTTP 200; HTTP errors are for unknown paths (404) and methods (405). The vendor's
 * pages: https://github.com/nxtele/http-api-document/wiki/
 */
export function createNxcloudProtocol(options: NxcloudProtocolOptions): VendorProtocol {
  const context: NxcloudContext = { store: options.store, now: options.now };
  return {
    vendor: 'nxcloud',
    proxyName: 'nginx',
    operationOf: (request) => ROUTES.get(request.url.pathname)?.operation ?? request.url.pathname,
    handle(request) {
      const route = ROUTES.get(request.url.pathname);
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
      // Ids and numbers are read as text; an object or array would not even convert to one.
      const notText = route.required.find((field) => typeof body[field] === 'object');
      if (notText) return nxcloudError(1002, `Parameter error: ${notText} must be a string`);
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
