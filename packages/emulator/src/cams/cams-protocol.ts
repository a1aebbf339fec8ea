import type { CamsAccount } from '../credentials.js';
import type { EmulatorTemplate } from '../model.js';
import {
  headerValue,
  jsonResponse,
  type VendorProtocol,
  type VendorRequest,
} from '../server/vendor-protocol.js';
import type { EmulatorStore } from '../store/emulator-store.js';
import { previewOf } from '../store/flow-preview.js';
import type { RecordView } from '../store/record-list.js';
import { authenticateCamsRequest, CAMS_DATE_WINDOW_MS, NonceCache } from './cams-authenticate.js';
import { CamsApiError, camsError, missingParameter, newRequestId, serverErrorText } from './cams-errors.js';
import {
  camsAuditStatus,
  camsFlow,
  camsFlowListItem,
  camsTemplateDetail,
  camsTemplateListItem,
} from './cams-render.js';
import { decodeParameters } from './cams-signature.js';

export const CAMS_API_VERSION = '2020-06-06';
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
      if (!language) throw missingParameter('Language');
      const code = params.get('TemplateCode');
      const name = params.get('TemplateName');
      if (!code && !name) throw missingParameter('TemplateCode');
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
    operationOf: (request) => headerValue(request, 'x-acs-action') ?? '(none)',
    handle(request) {
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

/** Parameters from the decoded query string and the form body alike (the body wins a tie). */
function parameters(request: VendorRequest, query: ReadonlyArray<[string, string]>): Params {
  const params: Params = new Map(query);
  const contentType = headerValue(request, 'content-type') ?? '';
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

function findFlow(params: Params, store: EmulatorStore) {
  const id = params.get('FlowId');
  if (!id) throw missingParameter('FlowId');
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
