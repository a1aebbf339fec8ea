import { createHash } from 'node:crypto';
import {
  type CreatedTemplate,
  type GetTemplateRequest,
  InvalidRequestError,
  type ListTemplatesRequest,
  type TemplateStatus,
  type TemplatesProvider,
  UnsupportedOperationError,
} from '@whatsapp-bsp/core';
import { parseWire } from '@whatsapp-bsp/core/adapter';
import type { AssetUploader } from '../assets/asset-uploader.js';
import { camsCapabilities } from '../cams-capabilities.js';
import { type CamsAnswer, camsResult } from '../transport/cams-answer.js';
import { pageParameter, requestedPage } from '../transport/cams-page.js';
import type { CamsSend } from '../transport/cams-transport.js';
import { camsTemplateId, parseCamsTemplateId } from './cams-template-id.js';
import {
  camsGetTemplateAnswerSchema,
  camsListTemplatesAnswerSchema,
  camsTemplateWriteAnswerSchema,
} from './cams-template-wire.js';
import { mapCamsTemplate, mapCamsTemplatePage } from './map-cams-template.js';
import { camsTtlParameter, toCamsTemplate, toCamsTemplateContent } from './to-cams-template.js';

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
 * The WhatsApp templates of one CAMS space: ListChatappTemplate and GetChatappTemplateDetail, and
 * the writes CreateChatappTemplate, ModifyChatappTemplate, DeleteChatappTemplate and the upload of
 * header samples, one request per call (an upload: two at most, see `AssetUploader`). Every
 * answer takes the same way: the transport's checked body, its wire schema, the mapper, which
 * keeps the vendor's object as received in `raw`.
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
     * CreateChatappTemplate, the draft in CAMS's form (see to-cams-template.ts). A name already
     * taken in that language is a ConflictError (`InvalidParameter.TemplateNameExist`). The new
     * template is PENDING: CAMS has it reviewed by Meta.
     */
    async doCreate({ draft }, context) {
      const content = toCamsTemplate(draft);
      const answer = await send(
        'CreateChatappTemplate',
        {
          CustSpaceId: custSpaceId,
          Name: draft.name,
          Language: draft.language,
          Category: draft.category,
          TemplateType: TEMPLATE_TYPE,
          ...content,
          ...camsTtlParameter(draft.messageSendTtlSeconds),
        },
        context,
      );
      return createdTemplate(answer, draft.name, draft.language, draft.category);
    },

    /**
     * ModifyChatappTemplate. CAMS modifies only templates not yet approved (pending review or
     * rejected); its refusal of any other is undocumented, so it stays a failure for the client to
     * confirm with a read.
     */
    async doUpdate(request, context) {
      const { templateCode, language } = parseCamsTemplateId(request.id);
      const content = toCamsTemplateContent(request.components, request.category);
      const answer = await send(
        'ModifyChatappTemplate',
        {
          CustSpaceId: custSpaceId,
          TemplateCode: templateCode,
          TemplateName: request.name,
          Language: language,
          Category: request.category,
          TemplateType: TEMPLATE_TYPE,
          ...content,
          ...camsTtlParameter(request.messageSendTtlSeconds),
        },
        context,
      );
      return createdTemplate(answer, request.name, language, request.category);
    },

    /**
     * DeleteChatappTemplate: one TemplateCode in one Language (the only scope CAMS has; the client
     * deletes every language of a name one by one). An unknown template is a NotFoundError
     * (`DelError.TemplateNotExist`).
     */
    async doDelete(request, context) {
      if (request.scope !== 'language') {
        throw new UnsupportedOperationError(
          'CAMS deletes one language of a template at a time; nothing was sent',
          { provider: 'cams', field: 'language', outcome: 'not-sent' },
        );
      }
      const { templateCode, language } = parseCamsTemplateId(request.id);
      const answer = await send(
        'DeleteChatappTemplate',
        {
          CustSpaceId: custSpaceId,
          TemplateCode: templateCode,
          Language: language,
          TemplateType: TEMPLATE_TYPE,
        },
        context,
      );
      return camsResult(answer, {});
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

/** What CreateChatappTemplate and ModifyChatappTemplate answer: the code, in the adapter's id. */
function createdTemplate(
  answer: CamsAnswer,
  name: string,
  language: string,
  category: CreatedTemplate['category'],
) {
  const wire = parseWire(camsTemplateWriteAnswerSchema, answer.body, answer.mismatch);
  const created: CreatedTemplate = {
    id: camsTemplateId(wire.Data.TemplateCode, language),
    name: wire.Data.TemplateName ?? name,
    language,
    category,
    status: 'PENDING',
  };
  return camsResult(answer, created);
}
