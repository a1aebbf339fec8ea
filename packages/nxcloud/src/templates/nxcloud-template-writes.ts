import {
  type CreatedTemplate,
  TEMPLATE_STATUSES,
  type TemplateCategory,
  type TemplatesProvider,
  UnsupportedOperationError,
} from '@whatsapp-bsp/core';
import { parseWire, toEnumValue, toTemplateCategory } from '@whatsapp-bsp/core/adapter';
import { NXCLOUD_PROVIDER_ID } from '../nxcloud-id.js';
import type { ResolvedNxcloudOptions } from '../nxcloud-options.js';
import type { NxcloudTransport } from '../transport/nxcloud-transport.js';
import { MESSAGING_PRODUCT } from '../wire/nxcloud-wire-values.js';
import {
  nxcloudCreatedTemplateWireSchema,
  nxcloudDeletedTemplateWireSchema,
  nxcloudUpdatedTemplateWireSchema,
  nxcloudUploadedFileWireSchema,
} from './nxcloud-template-write-wire.js';
import { toNxcloudCreateTemplate, toNxcloudUpdateTemplate } from './to-nxcloud-template.js';

/**
 * The MIME types uploadTemplateFile takes, as its page lists them (`type`); Meta's header samples
 * are of these kinds too.
 */
export const NXCLOUD_UPLOAD_TYPES = [
  'application/pdf',
  'video/mp4',
  'image/jpeg',
  'image/png',
  'image/jpg',
] as const;

type TemplateWrites = Required<
  Pick<TemplatesProvider, 'doCreate' | 'doUpdate' | 'doDelete' | 'doUploadMedia'>
>;

/**
 * NXCloud's template writes. Each sends one signed request and reads the answer its page
 * documents; a failure answer is a core error with `outcome: 'failed'` (see the transport), and a
 * success answer of another shape a ResponseFormatError with `outcome: 'unknown'`, since NXCloud
 * said it succeeded. Meta's refusal of a name and language already taken is a ConflictError
 * (code 100 with the subcodes of `META_ERROR_RULES`); the client confirms other refusals by a read.
 */
export function nxcloudTemplateWrites(
  config: ResolvedNxcloudOptions,
  transport: NxcloudTransport,
): TemplateWrites {
  const { operations, appKey: appkey, businessPhone } = config;
  const common = { appkey, business_phone: businessPhone, messaging_product: MESSAGING_PRODUCT };
  const createOperation =
    config.templateCreate === 'async' ? operations.createTemplateAsync : operations.createTemplate;

  return {
    /** createTemplate (or createTemplateAsync with `templateCreate: 'async'`). */
    async doCreate({ draft }, context) {
      const fields = toNxcloudCreateTemplate(draft);
      const answer = await transport.post(createOperation, { ...common, ...fields }, context);
      const created = parseWire(nxcloudCreatedTemplateWireSchema, answer.data, answer.mismatch);
      return {
        value: createdTemplate(created, fields),
        httpStatusCode: answer.httpStatusCode,
      };
    },

    /** updateTemplate, by Meta's template id; NXCloud takes no name or language here. */
    async doUpdate(request, context) {
      const fields = toNxcloudUpdateTemplate(request);
      const answer = await transport.post(operations.updateTemplate, { ...common, ...fields }, context);
      const updated = parseWire(nxcloudUpdatedTemplateWireSchema, answer.data, answer.mismatch);
      return {
        value: createdTemplate(
          { ...updated, id: updated.id ?? request.id },
          { name: request.name, language: request.language, category: fields.category },
        ),
        httpStatusCode: answer.httpStatusCode,
      };
    },

    /** deleteTemplate: every language of the name (the only scope `capabilities` declare). */
    async doDelete(request, context) {
      if (request.scope !== 'name') {
        throw new UnsupportedOperationError(
          'NXCloud deletes every language of a template name at once (deleteTemplate takes only `name`): one language cannot be deleted alone; nothing was sent',
          { provider: NXCLOUD_PROVIDER_ID, field: 'language' },
        );
      }
      const answer = await transport.post(
        operations.deleteTemplate,
        { ...common, name: request.name },
        context,
      );
      parseWire(nxcloudDeletedTemplateWireSchema, answer.data, answer.mismatch);
      return { value: { name: request.name }, httpStatusCode: answer.httpStatusCode };
    },

    /**
     * uploadTemplateFile: multipart (`business_phone`, `messaging_product`, `file`, `type`; the page
     * lists no `appkey`, sent with `sendAppKeyOnUploads`), signed without the body. Returns the handle for `example.headerHandle`.
     */
    async doUploadMedia(request, context) {
      const mimeType = uploadType(request.mimeType);
      const answer = await transport.postMultipart(
        operations.uploadTemplateFile,
        {
          // The page lists no `appkey`; an account that wants one gets it by option.
          ...(config.sendAppKeyOnUploads ? { appkey } : {}),
          business_phone: businessPhone,
          messaging_product: MESSAGING_PRODUCT,
          file: { data: request.data, mimeType, fileName: request.fileName },
          type: mimeType,
        },
        context,
      );
      const uploaded = parseWire(nxcloudUploadedFileWireSchema, answer.data, answer.mismatch);
      return { value: { handle: uploaded.id }, httpStatusCode: answer.httpStatusCode };
    },
  };
}

/**
 * What NXCloud reports of a template it accepted. It answers with the id only: the template is
 * PENDING while Meta reviews it, in the category asked for, unless the answer says otherwise.
 */
function createdTemplate(
  answer: { id: string; status?: string | null | undefined; category?: string | null | undefined },
  sent: { name: string; language: string; category: Exclude<TemplateCategory, 'UNKNOWN'> },
): CreatedTemplate {
  return {
    id: answer.id,
    name: sent.name,
    language: sent.language,
    category: answer.category == null ? sent.category : toTemplateCategory(answer.category),
    status: answer.status == null ? 'PENDING' : toEnumValue(TEMPLATE_STATUSES, answer.status),
  };
}

/** The upload's MIME type as NXCloud's page spells it (lower case), or UnsupportedOperationError. */
function uploadType(mimeType: string): string {
  const type = mimeType.trim().toLowerCase();
  if (!(NXCLOUD_UPLOAD_TYPES as readonly string[]).includes(type)) {
    throw new UnsupportedOperationError(
      `NXCloud's uploadTemplateFile takes ${NXCLOUD_UPLOAD_TYPES.join(', ')}; \`mimeType\` is none of them; nothing was sent`,
      { provider: NXCLOUD_PROVIDER_ID, field: 'mimeType' },
    );
  }
  return type;
}
