import type { EmulatorTemplate } from '../model.js';
import type { EmulatorStore } from '../store/emulator-store.js';
import type { RecordView } from '../store/record-list.js';
import { CamsApiError, missingParameter } from './cams-errors.js';
import type { CamsOperation, CamsParams } from './cams-operation.js';
import { camsPage } from './cams-paging.js';
import { camsAuditStatus, camsTemplateDetail, camsTemplateListItem } from './render-cams-template.js';

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

/** CAMS's template actions. */
export const CAMS_TEMPLATE_OPERATIONS: readonly CamsOperation[] = [
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
];

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
