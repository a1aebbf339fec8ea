import type { ProviderCapabilities } from '@whatsapp-bsp/core';
import { nxcloudTemplateRules } from './templates/nxcloud-template-rules.js';

/** NXCloud's `limit` when none is sent, on getTemplate and queryFlowsByPhone. */
export const NXCLOUD_DEFAULT_PAGE_SIZE = 20;

/**
 * NXCloud documents no upper bound for `limit`; it hands the value to Meta's Graph API, which
 * caps list edges and answers oversized template pages (components included) with "Please
 * reduce the amount of data you're asking for". 100 stays within what Graph serves on these
 * edges while needing five times fewer requests than the default of 20.
 */
export const NXCLOUD_MAX_PAGE_SIZE = 100;

export const nxcloudCapabilities: ProviderCapabilities = Object.freeze({
  flows: Object.freeze({
    list: Object.freeze({
      includesStatus: true,
      maxPageSize: NXCLOUD_MAX_PAGE_SIZE,
      defaultPageSize: NXCLOUD_DEFAULT_PAGE_SIZE,
      reportsTotal: false,
    }),
  }),
  templates: Object.freeze({
    list: Object.freeze({
      // getTemplate takes `name` (every language of it) and nothing else to narrow a list.
      filters: Object.freeze(['name'] as const),
      includesComponents: true,
      maxPageSize: NXCLOUD_MAX_PAGE_SIZE,
      defaultPageSize: NXCLOUD_DEFAULT_PAGE_SIZE,
      reportsTotal: false,
    }),
    get: Object.freeze({
      // There is no get-by-id endpoint; the client finds an id by paging through the list.
      byId: 'scan' as const,
      byNameAndLanguage: 'native' as const,
    }),
    // deleteTemplate takes a name and deletes every language of it; nothing deletes one language.
    delete: Object.freeze({ scopes: Object.freeze(['name'] as const) }),
    // updateTemplate relays Meta's edit, which takes approved templates; NXCloud documents no status
    // it refuses, so no refusal is confirmed as one.
    update: Object.freeze({ refusedStatuses: Object.freeze([] as const) }),
    draftRules: nxcloudTemplateRules,
  }),
  // NXCloud documents no rate limit for its WhatsApp API, so none is assumed.
  rateLimits: Object.freeze({}),
});
