import {
  type GetTemplateRequest,
  InvalidRequestError,
  type ListTemplatesRequest,
  type ProviderResult,
  type ProviderV1,
  type TemplateStatus,
} from '@whatsapp-bsp/core';
import { camsCapabilities } from './cams-capabilities.js';
import {
  decodeFlow,
  decodeFlowPage,
  decodeFlowPreview,
  decodeTemplate,
  decodeTemplatePage,
} from './cams-decode.js';
import { type CamsOptions, parseCamsOptions } from './cams-options.js';
import { parseCamsTemplateId } from './templates/cams-template-id.js';
import { pageParameter, requestedPage } from './transport/cams-page.js';
import { type CamsAnswer, createCamsTransport } from './transport/cams-transport.js';

/** The statuses ListChatappTemplate can filter on, in the vendor's own `AuditStatus` values. */
const AUDIT_STATUS_FILTER: Readonly<Partial<Record<TemplateStatus, string>>> = {
  APPROVED: 'pass',
  REJECTED: 'fail',
  PENDING: 'auditing',
  PAUSED: 'paused',
  DISABLED: 'disabled',
};

const TEMPLATE_TYPE = 'WHATSAPP';

/**
 * The Alibaba Cloud CAMS (Chat App Message Service) adapter. Options are checked here, so a
 * mistake surfaces as a ConfigError naming the field when the provider is created; missing
 * credentials of the default chain surface on the first call (see the README).
 */
export function cams(options: CamsOptions): ProviderV1 {
  const settings = parseCamsOptions(options);
  const send = createCamsTransport(settings);
  const custSpaceId = settings.custSpaceId;

  function result<T>(answer: CamsAnswer, value: T): ProviderResult<T> {
    return {
      value,
      httpStatusCode: answer.httpStatusCode,
      ...(answer.requestId !== undefined && { requestId: answer.requestId }),
    };
  }

  return {
    specificationVersion: 'v1',
    id: 'cams',
    capabilities: camsCapabilities,

    flows: {
      async doGet(request, context) {
        const answer = await send('GetFlow', { CustSpaceId: custSpaceId, FlowId: request.id }, context);
        return result(answer, decodeFlow(answer));
      },

      async doList(request, context) {
        const { index, size } = requestedPage(request, camsCapabilities.flows.list.maxPageSize);
        const answer = await send(
          'ListFlow',
          { CustSpaceId: custSpaceId, Page: pageParameter(index, size) },
          context,
        );
        return result(answer, decodeFlowPage(answer, { index, size }));
      },

      async doGetPreview(request, context) {
        const answer = await send(
          'GetFlowPreviewUrl',
          { CustSpaceId: custSpaceId, FlowId: request.id },
          context,
        );
        return result(answer, decodeFlowPreview(answer, request.id));
      },
    },

    templates: {
      async doList(request, context) {
        const { index, size } = requestedPage(request, camsCapabilities.templates.list.maxPageSize);
        const answer = await send(
          'ListChatappTemplate',
          {
            CustSpaceId: custSpaceId,
            ...templateFilters(request),
            TemplateType: TEMPLATE_TYPE,
            Page: pageParameter(index, size),
          },
          context,
        );
        return result(answer, decodeTemplatePage(answer, { index, size }));
      },

      async doGet(request, context) {
        const target = templateTarget(request);
        const answer = await send(
          'GetChatappTemplateDetail',
          { CustSpaceId: custSpaceId, ...target, TemplateType: TEMPLATE_TYPE },
          context,
        );
        return result(answer, decodeTemplate(answer, target.Language));
      },
    },
  };
}

/**
 * The vendor parameters of the template filters. The client has checked every value already;
 * only the statuses ListChatappTemplate cannot express are refused here.
 */
function templateFilters(request: ListTemplatesRequest): Record<string, string> {
  const parameters: Record<string, string> = {};
  if (request.name !== undefined) parameters.Name = request.name;
  if (request.language !== undefined) parameters.Language = request.language;
  if (request.status !== undefined) {
    const auditStatus = AUDIT_STATUS_FILTER[request.status];
    if (auditStatus === undefined) {
      throw new InvalidRequestError(
        `CAMS cannot filter templates by status ${String(request.status)}; filterable statuses: ${Object.keys(AUDIT_STATUS_FILTER).join(', ')}`,
        { provider: 'cams', field: 'status' },
      );
    }
    parameters.AuditStatus = auditStatus;
  }
  if (request.category !== undefined) parameters.Category = request.category;
  return parameters;
}

/** GetChatappTemplateDetail needs a language with either the code or the name. */
function templateTarget(
  request: GetTemplateRequest,
): { TemplateCode: string; Language: string } | { TemplateName: string; Language: string } {
  if ('id' in request) {
    const { templateCode, language } = parseCamsTemplateId(request.id);
    return { TemplateCode: templateCode, Language: language };
  }
  return { TemplateName: request.name, Language: request.language };
}
