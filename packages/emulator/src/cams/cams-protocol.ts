import type { CamsAccount } from '../credentials.js';
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
import { authenticateCamsRequest, CAMS_DATE_WINDOW_MS, NonceCache } from './cams-authenticate.js';
import { CamsApiError, camsError, missingParameter, newRequestId, serverErrorText } from './cams-errors.js';
import { CAMS_FLOW_WRITE_OPERATIONS } from './cams-flow-writes.js';
import { CAMS_FLOW_OPERATIONS } from './cams-flows.js';
import type { CamsContext, CamsOperation, CamsParams, CamsUploads } from './cams-operation.js';
import { decodeParameters } from './cams-signature.js';
import { CAMS_TEMPLATE_OPERATIONS } from './cams-templates.js';
import { CAMS_UPLOAD_OPERATIONS } from './cams-uploads.js';

export const CAMS_API_VERSION = '2020-06-06';

/** `Message` of a successful answer, as in the vendor's GetFlow example. */
const OK_MESSAGE = 'None';

/** Every action by name: each resource brings its own. */
const OPERATIONS: ReadonlyMap<string, CamsOperation> = new Map(
  [
    ...CAMS_FLOW_OPERATIONS,
    ...CAMS_FLOW_WRITE_OPERATIONS,
    ...CAMS_TEMPLATE_OPERATIONS,
    ...CAMS_UPLOAD_OPERATIONS,
  ].map((operation) => [operation.action, operation]),
);

export interface CamsProtocolOptions {
  store: EmulatorStore;
  review: TemplateReview;
  flows: FlowLifecycle;
  account: CamsAccount;
  now: () => number;
  /** The server's own `http://host:port`, known once it listens: Flow JSON links point there. */
  origin: () => string;
  uploads?: CamsUploads;
}

/**
 * CAMS's OpenAPI 2020-06-06: RPC style (`POST /`, action in `x-acs-action`),
 * ACS3-HMAC-SHA256 signatures, parameters in the query string or a form body, PascalCase JSON
 * answers with a `RequestId`, and errors as HTTP 400 (404 for an unknown action) with the
 * gateway's `{ RequestId, HostId, Code, Message, Recommend }` body. The vendor's pages:
 * https://www.alibabacloud.com/help/en/chatapp/developer-reference/api-cams-2020-06-06-endpoint
 */
export function createCamsProtocol(options: CamsProtocolOptions): VendorProtocol {
  const seenNonces = new NonceCache(CAMS_DATE_WINDOW_MS * 2);
  const context: CamsContext = {
    store: options.store,
    review: options.review,
    flows: options.flows,
    now: options.now,
    origin: options.origin,
    ...(options.uploads ? { uploads: options.uploads } : {}),
  };
  return {
    vendor: 'cams',
    proxyName: 'Tengine',
    operationOf: (request) =>
      flowIdOfDownloadPath(request.url.pathname) === undefined
        ? (headerValue(request, 'x-acs-action') ?? '(none)')
        : FLOW_JSON_DOWNLOAD_OPERATION,
    handle(request) {
      // The Flow JSON links GetFlowJSONAssest hands out: plain GETs, unsigned.
      const downloadedFlowId = flowIdOfDownloadPath(request.url.pathname);
      if (downloadedFlowId !== undefined)
        return serveFlowJsonDownload(request, downloadedFlowId, options.flows);
      const requestId = newRequestId();
      try {
        const operation = route(request);
        const query = authenticateCamsRequest(request, options, seenNonces);
        const params = parameters(request, query);
        checkCustSpaceId(params, options.account.custSpaceId, operation.requiresCustSpaceId);
        const answer = operation.handle(params, context);
        return jsonResponse(
          200,
          { RequestId: requestId, Code: 'OK', Message: OK_MESSAGE, ...answer },
          {
            'x-acs-request-id': requestId,
          },
        );
      } catch (error) {
        if (!(error instanceof CamsApiError)) throw error;
        return camsError(request, requestId, error.status, error.code, error.message);
      }
    },
    httpError: (request, status) => {
      const [code, message] = serverErrorText(status);
      return camsError(request, newRequestId(), status, code, message);
    },
    failureCode: (_request, code) => {
      const requestId = newRequestId();
      return jsonResponse(
        200,
        {
          RequestId: requestId,
          Code: code === undefined ? 'InternalError' : String(code),
          Message: 'The request processing has failed due to some unknown error, exception or failure.',
        },
        { 'x-acs-request-id': requestId },
      );
    },
    throttled: (request, code) =>
      code === 'Throttling.User'
        ? camsError(request, newRequestId(), 400, code, 'Request was denied due to user flow control.')
        : camsError(
            request,
            newRequestId(),
            400,
            code ?? 'System.LimitControl',
            'The system is under flow control.',
          ),
  };
}

function route(request: VendorRequest): CamsOperation {
  if (request.url.pathname !== '/') {
    throw new CamsApiError(
      404,
      'InvalidAction.NotFound',
      'Specified api is not found, please check your url and method.',
    );
  }
  if (request.method !== 'POST') {
    throw new CamsApiError(405, 'UnsupportedHTTPMethod', 'This emulator accepts CAMS calls as POST only.');
  }
  const action = headerValue(request, 'x-acs-action');
  if (!action) throw missingParameter('Action');
  const version = headerValue(request, 'x-acs-version');
  if (!version) throw missingParameter('Version');
  if (version !== CAMS_API_VERSION) {
    throw new CamsApiError(
      400,
      'InvalidVersion',
      `Specified parameter Version is not valid: CAMS is ${CAMS_API_VERSION}.`,
    );
  }
  const operation = OPERATIONS.get(action);
  if (!operation) {
    throw new CamsApiError(
      404,
      'InvalidAction.NotFound',
      'Specified api is not found, please check your url and method.',
    );
  }
  return operation;
}

/** Parameters from the decoded query string and the form body alike (the body wins a tie). */
function parameters(request: VendorRequest, query: ReadonlyArray<[string, string]>): CamsParams {
  const params: CamsParams = new Map(query);
  const contentType = headerValue(request, 'content-type') ?? '';
  if (contentType.startsWith('application/x-www-form-urlencoded')) {
    const form = decodeParameters(request.body.toString('utf8'));
    if (!form) throw new CamsApiError(400, 'InvalidParameter', 'The form body is not well-formed.');
    for (const [name, value] of form) params.set(name, value);
  }
  return params;
}

function checkCustSpaceId(params: CamsParams, expected: string, required: boolean): void {
  const given = params.get('CustSpaceId');
  if (!given) {
    if (required) throw missingParameter('CustSpaceId');
    return;
  }
  if (given !== expected) {
    throw new CamsApiError(
      400,
      'Unknown.ResourceOwnerId',
      'The specified CustSpaceId does not belong to the caller.',
    );
  }
}
