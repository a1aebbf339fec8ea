import { randomUUID } from 'node:crypto';
import {
  camsAuditStatus,
  camsFlow,
  camsFlowListItem,
  camsTemplateDetail,
  camsTemplateListItem,
} from './cams-render.js';
import {
  acs3Signature,
  acs3StringToSign,
  canonicalRequest,
  decodeParameters,
  digestsMatch,
  parseAcs3Authorization,
  sha256Hex,
} from './cams-signature.js';
import type { CamsAccount } from './credentials.js';
import type { EmulatorStore } from './emulator-store.js';
import { previewOf } from './flow-preview.js';
import type { EmulatorTemplate } from './model.js';
import type { RecordView } from './record-list.js';
import {
  jsonResponse,
  type VendorProtocol,
  type VendorRequest,
  type VendorResponse,
} from './vendor-protocol.js';

export const CAMS_API_VERSION = '2020-06-06';
/** `x-acs-date` may differ from the emulator's clock by up to this much. */
export const CAMS_DATE_WINDOW_MS = 15 * 60 * 1000;
/** The largest `Page.Size` accepted; CAMS does not document one. */
export const CAMS_MAX_PAGE_SIZE = 100;

/** `Message` of a successful answer, as in the vendor's GetFlow example. */
const OK_MESSAGE = 'None';
const AUDIT_STATUSES = ['pass', 'fail', 'auditing', 'unaudit', 'disabled', 'paused'];
const META_STATUSES = [
  'APPROVED',
  'PENDING',
  'REJECTED',
  'IN_APPEAL',
  'PAUSED',
  'DISABLED',
  'PENDING_DELETION',
  'DELETED',
  'LIMIT_EXCEEDED',
];
const SIGNED_DATE_FORMAT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** A CAMS error answer, thrown from deep inside a check and turned into the vendor's error body. */
class CamsApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const missing = (name: string) =>
  new CamsApiError(
    400,
    'MissingParameter',
    `The input parameter "${name}" that is mandatory for processing this request is not supplied.`,
  );
const incompleteSignature = (detail: string) =>
  new CamsApiError(
    400,
    'IncompleteSignature',
    `The request signature does not conform to Aliyun standards: ${detail}`,
  );

type Params = Map<string, string>;
type Json = Record<string, unknown>;

interface Operation {
  /** Template operations require the account's `CustSpaceId`; flow operations take it optionally. */
  requiresCustSpaceId: boolean;
  /** The answer's fields besides `RequestId`, `Code` and `Message`. */
  handle(params: Params, context: Context): Json;
}

interface Context {
  store: EmulatorStore;
  now: () => number;
}

const OPERATIONS: Readonly<Record<string, Operation>> = {
  GetFlow: {
    requiresCustSpaceId: false,
    handle: (params, { store, now }) => {
      const flow = findFlow(params, store);
      return { Data: camsFlow(flow, previewOf(flow, now())) };
    },
  },
  GetFlowPreviewUrl: {
    requiresCustSpaceId: false,
    handle: (params, { store, now }) => {
      const flow = findFlow(params, store);
      const preview = previewOf(flow, now());
      return { Data: { FlowId: flow.id, PreviewUrl: preview.url, PreviewUrlExpires: preview.expiresAt } };
    },
  },
  ListFlow: {
    requiresCustSpaceId: false,
    handle: (params, { store }) => {
      const name = params.get('FlowName');
      const view = name ? store.flows.named(name) : store.flows.view();
      return { Data: pageOf(view, params).map(camsFlowListItem) };
    },
  },
  ListChatappTemplate: {
    requiresCustSpaceId: true,
    handle: (params, { store }) => {
      const view = templatesMatching(params, store);
      return {
        Total: view.count,
        Success: true,
        ListTemplate: pageOf(view, params).map(camsTemplateListItem),
      };
    },
  },
  GetChatappTemplateDetail: {
    requiresCustSpaceId: true,
    handle: (params, { store }) => {
      const language = params.get('Language');
      if (!language) throw missing('Language');
      const code = params.get('TemplateCode');
      const name = params.get('TemplateName');
      if (!code && !name) throw missing('TemplateCode');
      const template = code
        ? store.templates.getByCode(code, language)
        : store.templates.get(name as string, language);
      if (!template)
        throw new CamsApiError(400, 'DetailError.TemplateNotExist', 'The template does not exist.');
      return { Data: camsTemplateDetail(template) };
    },
  },
};

export interface CamsProtocolOptions {
  store: EmulatorStore;
  account: CamsAccount;
  now: () => number;
}

/**
 * CAMS's OpenAPI 2020-06-06 (cams-api.md): RPC style (`POST /`, action in `x-acs-action`),
 * ACS3-HMAC-SHA256 signatures, parameters in the query string or a form body, PascalCase JSON
 * answers with a `RequestId`, and errors as HTTP 400 (404 for an unknown action) with the
 * gateway's `{ RequestId, HostId, Code, Message, Recommend }` body.
 */
export function createCamsProtocol(options: CamsProtocolOptions): VendorProtocol {
  const seenNonces = new NonceCache(CAMS_DATE_WINDOW_MS * 2);
  const context: Context = { store: options.store, now: options.now };
  return {
    vendor: 'cams',
    proxyName: 'Tengine',
    operationOf: (request) => headerOf(request, 'x-acs-action') ?? '(none)',
    handle(request) {
      const requestId = newRequestId();
      try {
        const operation = route(request);
        authenticate(request, options, seenNonces);
        const params = parameters(request);
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

function route(request: VendorRequest): Operation {
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
  const action = headerOf(request, 'x-acs-action');
  if (!action) throw missing('Action');
  const version = headerOf(request, 'x-acs-version');
  if (!version) throw missing('Version');
  if (version !== CAMS_API_VERSION) {
    throw new CamsApiError(
      400,
      'InvalidVersion',
      `Specified parameter Version is not valid: CAMS is ${CAMS_API_VERSION}.`,
    );
  }
  const operation = OPERATIONS[action];
  if (!operation) {
    throw new CamsApiError(
      404,
      'InvalidAction.NotFound',
      'Specified api is not found, please check your url and method.',
    );
  }
  return operation;
}

/** Verifies the ACS3-HMAC-SHA256 signature, then that the nonce is new. */
function authenticate(request: VendorRequest, options: CamsProtocolOptions, seenNonces: NonceCache): void {
  const authorization = headerOf(request, 'authorization');
  if (!authorization) throw incompleteSignature('the Authorization header is missing.');
  const auth = parseAcs3Authorization(authorization);
  if (!auth) {
    throw incompleteSignature(
      'Authorization must read "ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=…".',
    );
  }
  for (const name of ['x-acs-date', 'x-acs-signature-nonce', 'x-acs-content-sha256']) {
    if (!headerOf(request, name)) throw missing(name);
  }
  const mustSign = Object.keys(request.headers).filter(
    (name) => name === 'host' || name === 'content-type' || name.startsWith('x-acs-'),
  );
  const unsigned = mustSign.find((name) => !auth.signedHeaders.includes(name));
  if (unsigned) throw incompleteSignature(`the header ${unsigned} must be signed.`);

  if (auth.accessKeyId !== options.account.accessKeyId) {
    throw new CamsApiError(400, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
  }
  const date = headerOf(request, 'x-acs-date') as string;
  if (!SIGNED_DATE_FORMAT.test(date) || Number.isNaN(Date.parse(date))) {
    throw new CamsApiError(
      400,
      'InvalidTimeStamp.Format',
      'Specified time stamp or date value is not well formatted.',
    );
  }
  if (Math.abs(Date.parse(date) - options.now()) > CAMS_DATE_WINDOW_MS) {
    throw new CamsApiError(400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.');
  }
  const payloadHash = headerOf(request, 'x-acs-content-sha256') as string;
  if (!digestsMatch(sha256Hex(request.body), payloadHash)) {
    throw new CamsApiError(
      400,
      'SignatureDoesNotMatch',
      'The x-acs-content-sha256 header does not match the body.',
    );
  }
  const query = decodeParameters(request.url.search.slice(1));
  if (!query) throw incompleteSignature('the query string is not well-formed.');
  const canonical = canonicalRequest({
    method: request.method,
    path: request.url.pathname,
    query,
    headers: request.headers,
    signedHeaders: auth.signedHeaders,
    payloadHash,
  });
  if (canonical === undefined) throw incompleteSignature('a signed header is missing from the request.');
  const stringToSign = acs3StringToSign(canonical);
  if (!digestsMatch(acs3Signature(options.account.accessKeySecret, stringToSign), auth.signature)) {
    throw new CamsApiError(
      400,
      'SignatureDoesNotMatch',
      `Specified signature is not matched with our calculation. server string to sign is:${stringToSign}`,
    );
  }
  // Checked last, so that only a correctly signed request uses up its nonce.
  if (!seenNonces.add(`${auth.accessKeyId}:${headerOf(request, 'x-acs-signature-nonce')}`, options.now())) {
    throw new CamsApiError(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.');
  }
}

/** Parameters from the query string and the form body alike (the body wins a tie). */
function parameters(request: VendorRequest): Params {
  const params: Params = new Map(decodeParameters(request.url.search.slice(1)) ?? []);
  const contentType = headerOf(request, 'content-type') ?? '';
  if (contentType.startsWith('application/x-www-form-urlencoded')) {
    const form = decodeParameters(request.body.toString('utf8'));
    if (!form) throw new CamsApiError(400, 'InvalidParameter', 'The form body is not well-formed.');
    for (const [name, value] of form) params.set(name, value);
  }
  return params;
}

function checkCustSpaceId(params: Params, expected: string, required: boolean): void {
  const given = params.get('CustSpaceId');
  if (!given) {
    if (required) throw missing('CustSpaceId');
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

function findFlow(params: Params, store: EmulatorStore) {
  const id = params.get('FlowId');
  if (!id) throw missing('FlowId');
  const flow = store.flows.get(id);
  // CAMS documents no code for an unknown flow; this one follows DetailError.TemplateNotExist.
  if (!flow) throw new CamsApiError(400, 'DetailError.FlowNotExist', 'The flow does not exist.');
  return flow;
}

/**
 * The `Page` parameter, a JSON string: `{"Index":1,"Size":10}` as the SDK sends it, or the
 * lower-case `{"index":1,"size":10}` some vendor examples show. Index defaults to 1, size to 10.
 */
function pageOf<T>(view: RecordView<T>, params: Params): T[] {
  const raw = params.get('Page');
  let index: unknown = 1;
  let size: unknown = 10;
  if (raw !== undefined) {
    let page: unknown;
    try {
      page = JSON.parse(raw);
    } catch {
      throw pageInvalid();
    }
    if (typeof page !== 'object' || page === null || Array.isArray(page)) throw pageInvalid();
    const fields = page as Record<string, unknown>;
    index = fields.Index ?? fields.index ?? 1;
    size = fields.Size ?? fields.size ?? 10;
  }
  const pageIndex = integer(index);
  const pageSize = integer(size);
  if (
    pageIndex === undefined ||
    pageIndex < 1 ||
    pageSize === undefined ||
    pageSize < 1 ||
    pageSize > CAMS_MAX_PAGE_SIZE
  ) {
    throw pageInvalid();
  }
  return view.slice((pageIndex - 1) * pageSize, pageIndex * pageSize);
}

function pageInvalid(): CamsApiError {
  return new CamsApiError(
    400,
    'InvalidParameter.PageInvalid',
    `Page must be a JSON object {"Index": n >= 1, "Size": 1..${CAMS_MAX_PAGE_SIZE}}.`,
  );
}

function integer(value: unknown): number | undefined {
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isSafeInteger(number) ? number : undefined;
}

/** ListChatappTemplate's filters: Name, Language, AuditStatus, Category, TemplateType, Code. */
function templatesMatching(params: Params, store: EmulatorStore): RecordView<EmulatorTemplate> {
  const name = params.get('Name') || undefined;
  const language = params.get('Language') || undefined;
  const code = params.get('Code') || undefined;
  const category = params.get('Category')?.toUpperCase() || undefined;
  const auditStatus = params.get('AuditStatus') || undefined;
  const templateType = params.get('TemplateType')?.toUpperCase() || undefined;
  if (
    auditStatus !== undefined &&
    !AUDIT_STATUSES.includes(auditStatus) &&
    !META_STATUSES.includes(auditStatus)
  ) {
    throw new CamsApiError(
      400,
      'InvalidParameter.AuditStatusNotSupport',
      `AuditStatus ${auditStatus} is not supported.`,
    );
  }
  if (templateType !== undefined && templateType !== 'WHATSAPP' && templateType !== 'VIBER') {
    throw new CamsApiError(
      400,
      'InvalidParameter.TemplateTypeNotSupport',
      `TemplateType ${templateType} is not supported.`,
    );
  }
  const filters = { name, language, code, category, auditStatus, templateType };
  if (Object.values(filters).every((value) => value === undefined)) return store.templates.view();
  return store.templates.filter(
    JSON.stringify(filters),
    (template) =>
      (name === undefined || template.name === name) &&
      (language === undefined || template.language === language) &&
      (code === undefined || template.code === code) &&
      (category === undefined || template.category.toUpperCase() === category) &&
      (auditStatus === undefined ||
        camsAuditStatus(template.status) === auditStatus ||
        template.status === auditStatus) &&
      // Every emulated template is a WhatsApp one.
      templateType !== 'VIBER',
  );
}

function camsError(
  request: VendorRequest,
  requestId: string,
  status: number,
  code: string,
  message: string,
): VendorResponse {
  return jsonResponse(
    status,
    {
      RequestId: requestId,
      HostId: headerOf(request, 'host') ?? 'cams.ap-southeast-1.aliyuncs.com',
      Code: code,
      Message: message,
      Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(code)}&product=cams&requestId=${requestId}`,
    },
    { 'x-acs-request-id': requestId },
  );
}

function serverErrorText(status: number): [string, string] {
  if (status === 413) return ['EntityTooLarge', 'The request body is too large.'];
  if (status < 500) return ['BadRequest', 'The request could not be processed.'];
  if (status === 500)
    return [
      'InternalError',
      'The request processing has failed due to some unknown error, exception or failure.',
    ];
  return ['ServiceUnavailable', 'The request has failed due to a temporary failure of the server.'];
}

/** A RequestId shaped like the vendor's: an upper-case UUID. */
function newRequestId(): string {
  return randomUUID().toUpperCase();
}

function headerOf(request: VendorRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Nonces seen within the replay window, forgotten once they are older than it. */
class NonceCache {
  private readonly seen = new Map<string, number>();

  constructor(private readonly ttlMs: number) {}

  /** Records a nonce; false when it was seen already. */
  add(nonce: string, nowMs: number): boolean {
    for (const [key, seenAt] of this.seen) {
      if (seenAt > nowMs - this.ttlMs) break;
      this.seen.delete(key);
    }
    if (this.seen.has(nonce)) return false;
    this.seen.set(nonce, nowMs);
    return true;
  }
}
