import { NotFoundError, type TemplatesProvider, UnsupportedOperationError } from '@whatsapp-bsp/core';
import { parseWire } from '@whatsapp-bsp/core/adapter';
import { NXCLOUD_MAX_PAGE_SIZE } from '../nxcloud-capabilities.js';
import { NXCLOUD_PROVIDER_ID } from '../nxcloud-id.js';
import type { ResolvedNxcloudOptions } from '../nxcloud-options.js';
import type { NxcloudTransport } from '../transport/nxcloud-transport.js';
import { optionalAfterCursor } from '../wire/nxcloud-paging.js';
import { MESSAGING_PRODUCT } from '../wire/nxcloud-wire-values.js';
import { templateFromWire, templatePageFromWire } from './map-nxcloud-template.js';
import { requireLanguage, templateInLanguage } from './nxcloud-template-language.js';
import {
  nxcloudTemplateLanguagesWireSchema,
  nxcloudTemplateListWireSchema,
  nxcloudTemplateWireSchema,
} from './nxcloud-template-wire.js';
import { nxcloudTemplateWrites } from './nxcloud-template-writes.js';

/**
 * NXCloud's template operations. Each sends one signed request, then decodes the answer in one
 * way: the transport's `data`, parsed by its wire schema (`parseWire`), mapped to the model. The
 * writes are in `nxcloud-template-writes.ts`.
 */
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
      const answer = await transport.post(
        operations.getTemplate,
        { appkey, business_phone: businessPhone, messaging_product: MESSAGING_PRODUCT, limit, after, name },
        context,
      );
      const list = parseWire(nxcloudTemplateListWireSchema, answer.data, answer.mismatch);
      return { value: templatePageFromWire(list), httpStatusCode: answer.httpStatusCode };
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
      const answer = await transport.post(
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
      const languages = parseWire(nxcloudTemplateLanguagesWireSchema, answer.data, answer.mismatch);
      const raw = templateInLanguage(languages.data, name, language);
      if (raw === undefined) {
        throw new NotFoundError(`NXCloud has no template named ${name} in language ${language}`, {
          provider: NXCLOUD_PROVIDER_ID,
        });
      }
      const wire = parseWire(nxcloudTemplateWireSchema, raw, answer.mismatch);
      return { value: templateFromWire(wire, raw), httpStatusCode: answer.httpStatusCode };
    },

    ...nxcloudTemplateWrites(config, transport),
  };
}
