import {
  type ListTemplatesRequest,
  type TemplatesProvider,
  UnsupportedOperationError,
} from '@whatsapp-bsp/core';
import { NXCLOUD_MAX_PAGE_SIZE } from '../nxcloud-capabilities.js';
import { NXCLOUD_PROVIDER_ID } from '../nxcloud-id.js';
import { optionalCursor, requireLanguage, requirePageSize, requireTemplateName } from '../nxcloud-input.js';
import type { ResolvedNxcloudOptions } from '../nxcloud-options.js';
import type { NxcloudTransport } from '../transport/nxcloud-transport.js';
import { MESSAGING_PRODUCT } from '../wire/nxcloud-wire-values.js';
import { mapNxcloudTemplateInLanguage, mapNxcloudTemplateList } from './map-nxcloud-template.js';

/** NXCloud's template operations, each one signed request through `transport`. */
export function nxcloudTemplates(
  config: ResolvedNxcloudOptions,
  transport: NxcloudTransport,
): TemplatesProvider {
  const { operations, appKey: appkey, businessPhone } = config;
  return {
    async doList(request, context) {
      rejectUnsupportedFilters(request);
      const limit = requirePageSize(request.pageSize, NXCLOUD_MAX_PAGE_SIZE);
      const after = optionalCursor(request.cursor);
      const name = request.name === undefined ? undefined : requireTemplateName(request.name);
      const { data, httpStatusCode } = await transport.post(
        operations.getTemplate,
        { appkey, business_phone: businessPhone, messaging_product: MESSAGING_PRODUCT, limit, after, name },
        context,
      );
      return { value: mapNxcloudTemplateList(data), httpStatusCode };
    },

    async doGet(request, context) {
      if (!('name' in request)) {
        throw new UnsupportedOperationError(
          'NXCloud cannot get a template by id; the client finds ids by scanning the list (capabilities.templates.get.byId is "scan")',
          { provider: NXCLOUD_PROVIDER_ID, field: 'id' },
        );
      }
      const name = requireTemplateName(request.name);
      const language = requireLanguage(request.language);
      // getTemplate with `name` returns every language of that name; WhatsApp has about 70
      // template languages, so one page of the maximum size holds them all.
      const { data, httpStatusCode } = await transport.post(
        operations.getTemplate,
        {
          appkey,
          business_phone: businessPhone,
          messaging_product: MESSAGING_PRODUCT,
          limit: NXCLOUD_MAX_PAGE_SIZE,
          name,
        },
        context,
      );
      return { value: mapNxcloudTemplateInLanguage(data, name, language), httpStatusCode };
    },
  };
}

function rejectUnsupportedFilters(request: ListTemplatesRequest): void {
  for (const field of ['language', 'status', 'category'] as const) {
    if (request[field] !== undefined) {
      throw new UnsupportedOperationError(
        `NXCloud cannot filter templates by \`${field}\`; it supports: name`,
        {
          provider: NXCLOUD_PROVIDER_ID,
          field,
        },
      );
    }
  }
}
