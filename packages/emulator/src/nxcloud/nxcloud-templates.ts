import { randomBytes } from 'node:crypto';
import type { TemplateComponent } from '../model.js';
import { jsonResponse, type VendorResponse } from '../server/vendor-protocol.js';
import {
  checkTemplateContent,
  isTemplateName,
  TEMPLATE_CATEGORIES,
} from '../store/check-template-content.js';
import { optionalInteger, WireError } from '../wire-reader.js';
import { invalidParameter, metaErrorAnswer, nxcloudError, objectNotFound } from './nxcloud-errors.js';
import { GRAPH_WABA_ID, nxcloudListAnswer } from './nxcloud-paging.js';
import type { NxcloudBody, NxcloudRoute } from './nxcloud-route.js';
import { readNxcloudComponents } from './read-nxcloud-template.js';
import { nxcloudTemplate } from './render-nxcloud-template.js';

/** The Meta Graph URL of the template list's `paging.next`/`previous`, which NXCloud passes through. */
const TEMPLATES_LINK = `https://graph.facebook.com/v15.0/${GRAPH_WABA_ID}/message_templates?fields=id%2Ccategory%2Clanguage%2Cname%2Cstatus%2Ccomponents%2Crejected_reason%2Cquality_score`;

/** The write endpoints' success message, as their pages print it. */
const WRITE_OK = 'Request successful';
/** The MIME types the uploadTemplateFile page lists. */
const UPLOAD_TYPES = ['application/pdf', 'video/mp4', 'image/jpeg', 'image/png', 'image/jpg'];
const COMMON = ['appkey', 'business_phone', 'messaging_product'] as const;

/** NXCloud's template endpoints. */
export const NXCLOUD_TEMPLATE_ROUTES: readonly NxcloudRoute[] = [
  {
    path: '/api/wa/getTemplate',
    operation: 'getTemplate',
    actions: ['getTemplate'],
    required: COMMON,
    phoneField: 'business_phone',
    handle: (body, { store }) => {
      if (body.name !== undefined && typeof body.name !== 'string') {
        return nxcloudError(1002, 'Parameter error: name must be a string');
      }
      const view = body.name ? store.templates.named(body.name) : store.templates.view();
      return nxcloudListAnswer(body, view, TEMPLATES_LINK, nxcloudTemplate, '请求成功');
    },
  },
  createRoute('/api/wa/createTemplate', 'createTemplate', ['createTemplate']),
  // Its page gives the action `createTemplate` (reference inconsistency 5): both are accepted. The
  // answer is undocumented; it is createTemplate's, the review result coming by webhook.
  createRoute('/api/wa/createTemplateAsync', 'createTemplateAsync', [
    'createTemplate',
    'createTemplateAsync',
  ]),
  {
    // https://github.com/nxtele/nxcloud-doc-en/wiki/WhatsApp-API-updateTemplate (no name or language)
    path: '/api/wa/updateTemplate',
    operation: 'updateTemplate',
    actions: ['updateTemplate'],
    required: [...COMMON, 'category', 'template_id', 'components'],
    structured: ['components'],
    phoneField: 'business_phone',
    handle: (body, { store, review }) => {
      const id = String(body.template_id);
      const template = store.templates.getById(id);
      if (!template) return objectNotFound('updateTemplate', id, 'post');
      const content = readContent(body, 'updateTemplate');
      if ('status' in content) return content;
      review.resubmit(template, content);
      return jsonResponse(200, { code: 0, data: { id }, message: WRITE_OK });
    },
  },
  {
    // Deletes every language of the name. https://github.com/nxtele/nxcloud-doc-en/wiki/WhatsApp-API-deleteTemplate
    path: '/api/wa/deleteTemplate',
    operation: 'deleteTemplate',
    actions: ['deleteTemplate'],
    required: [...COMMON, 'name'],
    phoneField: 'business_phone',
    handle: (body, { store }) => {
      const name = String(body.name);
      if (store.templates.remove(name) === 0) {
        return invalidParameter('deleteTemplate', `Message template "${name}" does not exist`);
      }
      return jsonResponse(200, { code: 0, data: { success: true }, message: WRITE_OK });
    },
  },
  {
    // Multipart, signed without the body; no appkey listed. https://github.com/nxtele/nxcloud-doc-en/wiki/WhatsApp-API-uploadTemplateFile
    path: '/api/wa/uploadTemplateFile',
    operation: 'uploadTemplateFile',
    actions: ['uploadTemplateFile'],
    bodyType: 'multipart',
    required: ['business_phone', 'messaging_product', 'file', 'type'],
    phoneField: 'business_phone',
    handle: (body) => {
      if (!(body.file instanceof Blob) || body.file.size === 0) {
        return nxcloudError(1002, 'Parameter error: file must be a non-empty file');
      }
      if (!UPLOAD_TYPES.includes(String(body.type))) {
        return nxcloudError(1002, `Parameter error: type must be one of ${UPLOAD_TYPES.join(', ')}`);
      }
      // The shape of Meta's upload handles, as the page's example shows them (`4:Pz8xxxW8`).
      const handle = `4:${randomBytes(18).toString('base64url')}`;
      return jsonResponse(200, { code: 0, data: { id: handle }, message: WRITE_OK });
    },
  },
];

/** createTemplate and its async variant: a new name and language, PENDING until reviewed. */
function createRoute(path: string, operation: string, actions: string[]): NxcloudRoute {
  return {
    // https://github.com/nxtele/http-api-document/wiki/WhatsApp-API-createTemplate
    path,
    operation,
    actions,
    required: [...COMMON, 'category', 'language', 'name', 'components'],
    structured: ['components'],
    phoneField: 'business_phone',
    handle: (body, { store, review }) => {
      const name = String(body.name);
      const language = String(body.language);
      if (!isTemplateName(name)) {
        return invalidParameter(operation, 'name may hold only lower-case letters, digits and underscores');
      }
      const content = readContent(body, operation);
      if ('status' in content) return content;
      if (store.templates.get(name, language)) return duplicateName(operation, language);
      const template = review.submit({ name, language, ...content, status: 'PENDING' });
      return jsonResponse(200, { code: 0, data: { id: template.id }, message: WRITE_OK });
    },
  };
}

interface TemplateContent {
  category: string;
  components: TemplateComponent[];
  messageSendTtlSeconds?: number;
}

/** Category, components and TTL of a create or edit, or Meta's refusal relayed. */
function readContent(body: NxcloudBody, operation: string): TemplateContent | VendorResponse {
  const category = String(body.category);
  if (!TEMPLATE_CATEGORIES.includes(category)) {
    return invalidParameter(operation, `category must be one of ${TEMPLATE_CATEGORIES.join(', ')}`);
  }
  let content: TemplateContent;
  try {
    content = { category, components: readNxcloudComponents(body.components) };
    const ttl = optionalInteger(body, 'message_send_ttl_seconds', 'body');
    if (ttl !== undefined) content.messageSendTtlSeconds = ttl;
  } catch (error) {
    if (error instanceof WireError) return invalidParameter(operation, error.message);
    throw error;
  }
  const violation = checkTemplateContent(category, content.components);
  if (violation) return invalidParameter(operation, `${violation.path}: ${violation.message}`);
  return content;
}

/**
 * Meta's refusal of a second template with the same name and language: code 100 with subcode
 * 2388024 ("Content in this language already exists"), relayed as NXCloud relays Meta's errors.
 */
function duplicateName(operation: string, language: string): VendorResponse {
  return metaErrorAnswer(operation, {
    message: 'Invalid parameter',
    type: 'OAuthException',
    code: 100,
    error_subcode: 2388024,
    is_transient: false,
    error_user_title: 'Content in This Language Already Exists',
    error_user_msg: `There is already ${language} content for this template. You can create a new template and try again.`,
  });
}
