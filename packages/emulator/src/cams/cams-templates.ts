import type { EmulatorTemplate, TemplateComponent } from '../model.js';
import {
  checkTemplateContent,
  isTemplateName,
  TEMPLATE_CATEGORIES,
  type TemplateContentRule,
} from '../store/check-template-content.js';
import type { EmulatorStore } from '../store/emulator-store.js';
import type { RecordView } from '../store/record-list.js';
import { optionalInteger, WireError } from '../wire-reader.js';
import { CamsApiError, missingParameter } from './cams-errors.js';
import type { CamsOperation, CamsParams } from './cams-operation.js';
import { camsPage } from './cams-paging.js';
import { readCamsComponents } from './read-cams-template.js';
import { camsAuditStatus, camsTemplateDetail, camsTemplateListItem } from './render-cams-template.js';

/** Only these may be modified: "templates that are pending review or rejected" (CAMS's template management page). */
const MODIFIABLE_STATUSES = ['PENDING', 'REJECTED'];

/** CAMS's own codes for the content rules it names (its API error-code page); the rest are MessageInvalid. */
const RULE_CODES: Partial<Record<TemplateContentRule, string>> = {
  HEADER_FORMAT: 'InvalidParameter.HeaderTypeNotSupport',
  HEADER_VARIABLES: 'InvalidParameter.HeaderMoreVariable',
  FOOTER_VARIABLE: 'InvalidParameter.FooterHaveVariable',
  BUTTON_TEXT_VARIABLE: 'InvalidParameter.ButtonTextHaveVariable',
  URL_VARIABLES: 'InvalidParameter.UrlMoreVariable',
};

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

/** CAMS's template write actions: a create or a modify goes to review; a delete removes one language. */
const CAMS_TEMPLATE_WRITES: readonly CamsOperation[] = [
  {
    action: 'CreateChatappTemplate',
    requiresCustSpaceId: true,
    handle: (params, { store, review }) => {
      const name = required(params, 'Name');
      const language = required(params, 'Language');
      checkTemplateType(params, true);
      if (!isTemplateName(name)) {
        throw new CamsApiError(
          400,
          'InvalidParameter.CreateError',
          'Name may hold only lower-case letters, digits and underscores.',
        );
      }
      if (!/^[a-z]{2,3}(_[A-Z]{2,4})?$/.test(language)) {
        throw new CamsApiError(
          400,
          'InvalidParameter.LanguageNotSupport',
          `Language ${language} is not supported.`,
        );
      }
      const content = readContent(params, required(params, 'Category'));
      if (store.templates.get(name, language)) {
        throw new CamsApiError(
          400,
          'InvalidParameter.TemplateNameExist',
          `A template named ${name} in ${language} already exists.`,
        );
      }
      const template = review.submit({ name, language, ...content, status: 'PENDING' });
      return { Data: { TemplateCode: template.code, TemplateName: template.name } };
    },
  },
  {
    action: 'ModifyChatappTemplate',
    requiresCustSpaceId: true,
    handle: (params, { store, review }) => {
      const template = findTemplate(params, store, 'DetailError.TemplateNotExist');
      checkTemplateType(params, false);
      if (!MODIFIABLE_STATUSES.includes(template.status)) {
        // CAMS documents no code for this refusal; this one follows InvalidParameter.CreateError.
        throw new CamsApiError(
          400,
          'InvalidParameter.ModifyError',
          `Only templates pending review or rejected can be modified; this one is ${camsAuditStatus(template.status)}.`,
        );
      }
      const edited = review.resubmit(
        template,
        readContent(params, params.get('Category') || template.category),
      );
      return { Data: { TemplateCode: edited.code, TemplateName: edited.name } };
    },
  },
  {
    action: 'DeleteChatappTemplate',
    requiresCustSpaceId: true,
    handle: (params, { store }) => {
      const template = findTemplate(params, store, 'DelError.TemplateNotExist');
      checkTemplateType(params, false);
      store.templates.remove(template.name, template.language);
      return {};
    },
  },
];

/** CAMS's template actions. */
export const CAMS_TEMPLATE_OPERATIONS: readonly CamsOperation[] = [
  ...CAMS_TEMPLATE_WRITES,
  {
    action: 'ListChatappTemplate',
    requiresCustSpaceId: true,
    handle: (params, { store }) => {
      const view = templatesMatching(params, store);
      return {
        Total: view.count,
        Success: true,
        ListTemplate: camsPage(view, params).map(camsTemplateListItem),
      };
    },
  },
  {
    action: 'GetChatappTemplateDetail',
    requiresCustSpaceId: true,
    handle: (params, { store }) => ({
      Data: camsTemplateDetail(findTemplate(params, store, 'DetailError.TemplateNotExist')),
    }),
  },
];

function required(params: CamsParams, name: string): string {
  const value = params.get(name);
  if (!value) throw missingParameter(name);
  return value;
}

/** Every emulated template is a WhatsApp one. */
function checkTemplateType(params: CamsParams, mustBeGiven: boolean): void {
  const type = mustBeGiven ? required(params, 'TemplateType') : params.get('TemplateType');
  if (type && type.toUpperCase() !== 'WHATSAPP') {
    throw new CamsApiError(
      400,
      'InvalidParameter.TemplateTypeNotSupport',
      `TemplateType ${type} is not supported by the emulator, which holds WhatsApp templates.`,
    );
  }
}

/** The template a detail, modify or delete names: `TemplateCode` (or `TemplateName`) and `Language`. */
function findTemplate(params: CamsParams, store: EmulatorStore, notFoundCode: string): EmulatorTemplate {
  const language = required(params, 'Language');
  const code = params.get('TemplateCode');
  const name = params.get('TemplateName');
  if (!code && !name) throw missingParameter('TemplateCode');
  const template = code
    ? store.templates.getByCode(code, language)
    : store.templates.get(name as string, language);
  if (!template) throw new CamsApiError(400, notFoundCode, 'The template does not exist.');
  return template;
}

/** Category, components (with the Example map's samples) and TTL of a create or modify. */
function readContent(
  params: CamsParams,
  category: string,
): { category: string; components: TemplateComponent[]; messageSendTtlSeconds?: number } {
  if (!TEMPLATE_CATEGORIES.includes(category)) {
    throw new CamsApiError(
      400,
      'InvalidParameter',
      `Category must be one of ${TEMPLATE_CATEGORIES.join(', ')}.`,
    );
  }
  let components: TemplateComponent[];
  let ttl: number | undefined;
  try {
    components = readCamsComponents(required(params, 'Components'), params.get('Example'), category);
    ttl = optionalInteger(Object.fromEntries(params), 'MessageSendTtlSeconds', 'params');
  } catch (error) {
    if (error instanceof WireError)
      throw new CamsApiError(400, 'InvalidParameter.MessageInvalid', error.message);
    throw error;
  }
  const violation = checkTemplateContent(category, components);
  if (violation) {
    throw new CamsApiError(
      400,
      RULE_CODES[violation.rule] ?? 'InvalidParameter.MessageInvalid',
      `${violation.path.replace('components', 'Components')}: ${violation.message}`,
    );
  }
  return ttl === undefined ? { category, components } : { category, components, messageSendTtlSeconds: ttl };
}

/** ListChatappTemplate's filters: Name, Language, AuditStatus, Category, TemplateType, Code. */
function templatesMatching(params: CamsParams, store: EmulatorStore): RecordView<EmulatorTemplate> {
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
