import { createHash } from 'node:crypto';
import {
  type GetTemplateRequest,
  InvalidRequestError,
  type ListTemplatesRequest,
  type TemplateStatus,
  type TemplatesProvider,
} from '@whatsapp-bsp/core';
import { parseWire } from '@whatsapp-bsp/core/adapter';
import type { AssetUploader } from '../assets/asset-uploader.js';
import { camsCapabilities } from '../cams-capabilities.js';
import { camsResult } from '../transport/cams-answer.js';
import { pageParameter, requestedPage } from '../transport/cams-page.js';
import type { CamsSend } from '../transport/cams-transport.js';
import { parseCamsTemplateId } from './cams-template-id.js';
import { camsGetTemplateAnswerSchema, camsListTemplatesAnswerSchema } from './cams-template-wire.js';
import { mapCamsTemplate, mapCamsTemplatePage } from './map-cams-template.js';

/** The statuses ListChatappTemplate can filter on, in the vendor's own `AuditStatus` values. */
const AUDIT_STATUS_FILTER: Readonly<Partial<Record<TemplateStatus, string>>> = {
  APPROVED: 'pass',
  REJECTED: 'fail',
  PENDING: 'auditing',
  PAUSED: 'paused',
  DISABLED: 'disabled',
};

/** CAMS also holds Viber templates; this library reads WhatsApp's. */
const TEMPLATE_TYPE = 'WHATSAPP';

/**
 * The WhatsApp templates of one CAMS space: ListChatappTemplate and GetChatappTemplateDetail, one
 * request per call. Every answer takes the same way: the transport's checked body, its wire
 * schema, the mapper, which keeps the vendor's object as received in `raw`.
 */
export function camsTemplates(send: CamsSend, custSpaceId: string, assets: AssetUploader): TemplatesProvider {
  return {
    async doList(request, context) {
      const page = requestedPage(request, camsCapabilities.templates.list.maxPageSize);
      const answer = await send(
        'ListChatappTemplate',
        {
          CustSpaceId: custSpaceId,
          ...templateFilters(request),
          TemplateType: TEMPLATE_TYPE,
          Page: pageParameter(page),
        },
        context,
      );
      const wire = parseWire(camsListTemplatesAnswerSchema, answer.body, answer.mismatch);
      return camsResult(answer, mapCamsTemplatePage(wire, answer.body.ListTemplate, page));
    },

    async doGet(request, context) {
      const target = templateTarget(request);
      const answer = await send(
        'GetChatappTemplateDetail',
        { CustSpaceId: custSpaceId, ...target, TemplateType: TEMPLATE_TYPE },
        context,
      );
      const wire = parseWire(camsGetTemplateAnswerSchema, answer.body, answer.mismatch);
      return camsResult(answer, mapCamsTemplate(wire.Data, answer.body.Data, target.Language));
    },

    /**
     * Hosts a header sample where CAMS can fetch it (see `AssetUploader`); the URL goes in a
     * draft's `example.headerUrl`. The object is named after the file's content, so uploading the
     * same file again (a retry) writes the same object, and two files of one name never replace
     * each other.
     */
    async doUploadMedia(request, context) {
      const digest = createHash('sha256').update(request.data).digest('hex').slice(0, 16);
      const uploaded: { url: string; requestId?: string } = await assets.upload(
        { data: request.data, mimeType: request.mimeType, fileName: `${digest}-${request.fileName}` },
        context,
      );
      const value = { url: uploaded.url };
      return typeof uploaded.requestId === 'string' ? { value, requestId: uploaded.requestId } : { value };
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
