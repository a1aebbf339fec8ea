import { type TemplatesProvider, UnsupportedOperationError } from '@whatsapp-bsp/core';
import { NXCLOUD_MAX_PAGE_SIZE } from '../nxcloud-capabilities.js';
import { NXCLOUD_PROVIDER_ID } from '../nxcloud-id.js';
import type { ResolvedNxcloudOptions } from '../nxcloud-options.js';
import type { NxcloudTransport } from '../transport/nxcloud-transport.js';
import { optionalAfterCursor } from '../wire/nxcloud-paging.js';
import { MESSAGING_PRODUCT } from '../wire/nxcloud-wire-values.js';
import { mapNxcloudTemplateInLanguage, mapNxcloudTemplateList } from './map-nxcloud-template.js';
import { requireLanguage } from './nxcloud-template-language.js';

/** NXCloud's template operations, each one signed request through `transport`. */
export function nxcloudTemplates(
  config: ResolvedNxcloudOptions,
  transport: NxcloudTransport,
): TemplatesProvider {
  const { operations, appKey: appkey, businessPhone } = config;
  return {
    async doList(request, context) {
      // The client sends only the filters the capabilities list: getTemplate's `name`.
      const { pageSize: limit, name } = request;
      const after = optionalAfterCursor(request.cursor);
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
      const { name } = request;
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
