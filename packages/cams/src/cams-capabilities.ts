import type { ProviderCapabilities } from '@whatsapp-bsp/core';
import { camsTemplateRules } from './templates/cams-template-rules.js';

/**
 * CAMS documents a default page size of 10 and no maximum. The list calls page by number, and
 * ListFlow reports no total, so a server that silently capped a large page would look like the
 * last one and end the listing early; 50 keeps pages well inside what Alibaba Cloud paged APIs
 * commonly accept while saving four in five calls over the default.
 */
const MAX_PAGE_SIZE = 50;
const DEFAULT_PAGE_SIZE = 10;

/** Each read operation's per-account budget: 5 requests per second, on each action's API page. */
const READ_OPERATIONS_PER_SECOND = 5;
/** Every flow action's budget, reads and writes alike: 5 requests per second per account. */
const FLOW_OPERATIONS_PER_SECOND = 5;

export const camsCapabilities: ProviderCapabilities = Object.freeze({
  flows: Object.freeze({
    list: Object.freeze({
      includesStatus: false,
      maxPageSize: MAX_PAGE_SIZE,
      defaultPageSize: DEFAULT_PAGE_SIZE,
      reportsTotal: false,
    }),
  }),
  templates: Object.freeze({
    list: Object.freeze({
      filters: Object.freeze(['name', 'language', 'status', 'category'] as const),
      // The client fetches each template's detail under the rate limit for `withComponents`.
      includesComponents: false,
      maxPageSize: MAX_PAGE_SIZE,
      defaultPageSize: DEFAULT_PAGE_SIZE,
      reportsTotal: true,
    }),
    get: Object.freeze({ byId: 'native', byNameAndLanguage: 'native' } as const),
    // DeleteChatappTemplate removes one TemplateCode in one Language.
    delete: Object.freeze({ scopes: Object.freeze(['language'] as const) }),
    // ModifyChatappTemplate: "only templates not yet reviewed or rejected can be modified", so not
    // one approved, or paused or disabled after approval. The refusal's code is undocumented: the
    // client confirms it with a read of the status.
    update: Object.freeze({ refusedStatuses: Object.freeze(['APPROVED', 'PAUSED', 'DISABLED'] as const) }),
    draftRules: camsTemplateRules,
  }),
  rateLimits: Object.freeze({
    'flows.get': READ_OPERATIONS_PER_SECOND,
    'flows.list': READ_OPERATIONS_PER_SECOND,
    'flows.preview': READ_OPERATIONS_PER_SECOND,
    'flows.getJson': FLOW_OPERATIONS_PER_SECOND,
    'flows.create': FLOW_OPERATIONS_PER_SECOND,
    'flows.update': FLOW_OPERATIONS_PER_SECOND,
    'flows.updateJson': FLOW_OPERATIONS_PER_SECOND,
    'flows.publish': FLOW_OPERATIONS_PER_SECOND,
    'flows.deprecate': FLOW_OPERATIONS_PER_SECOND,
    'flows.delete': FLOW_OPERATIONS_PER_SECOND,
    'templates.list': READ_OPERATIONS_PER_SECOND,
    'templates.get': READ_OPERATIONS_PER_SECOND,
    // The API pages: 50 for CreateChatappTemplate and ModifyChatappTemplate, 5 for
    // DeleteChatappTemplate and for GetChatappUploadAuthorization, which an upload may call.
    'templates.create': 50,
    'templates.update': 50,
    'templates.delete': 5,
    'templates.uploadMedia': 5,
  }),
});
