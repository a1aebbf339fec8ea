import { type ListTemplatesRequest, type ProviderV1, UnsupportedOperationError } from '@whatsapp-bsp/core';
import { mapNxcloudFlowList, mapNxcloudFlowPreview, mapNxcloudQueryFlowById } from './map-nxcloud-flow.js';
import { mapNxcloudTemplateInLanguage, mapNxcloudTemplateList } from './map-nxcloud-template.js';
import { NXCLOUD_MAX_PAGE_SIZE, nxcloudCapabilities } from './nxcloud-capabilities.js';
import { NXCLOUD_PROVIDER_ID } from './nxcloud-id.js';
import {
  optionalCursor,
  requireFlowId,
  requireLanguage,
  requirePageSize,
  requireTemplateName,
} from './nxcloud-input.js';
import { type NxcloudOptions, resolveNxcloudOptions } from './nxcloud-options.js';
import { createNxcloudTransport } from './nxcloud-transport.js';

const MESSAGING_PRODUCT = 'whatsapp';

/**
 * The NXCloud (牛信云) provider. Each `do*` method sends exactly one signed request; retries,
 * pagination and rate limiting belong to the core client that calls it.
 *
 * @throws ConfigError naming the field when an option is missing or invalid.
 */
export function nxcloud(options: NxcloudOptions): ProviderV1 {
  const config = resolveNxcloudOptions(options);
  const transport = createNxcloudTransport(config);
  const { operations } = config;
  const appkey = config.appKey;
  const businessPhone = config.businessPhone;

  return {
    specificationVersion: 'v1',
    id: NXCLOUD_PROVIDER_ID,
    capabilities: nxcloudCapabilities,

    flows: {
      async doGet(request, context) {
        const id = requireFlowId(request.id);
        // The page lists no `flow_id` (inconsistency 1), but without it the call cannot name a flow.
        const { data, httpStatusCode } = await transport.post(
          operations.queryFlowById,
          { appkey, business_phone: businessPhone, messaging_product: MESSAGING_PRODUCT, flow_id: id },
          context,
        );
        return { value: mapNxcloudQueryFlowById(data, id), httpStatusCode };
      },

      async doList(request, context) {
        const limit = requirePageSize(request.pageSize, NXCLOUD_MAX_PAGE_SIZE);
        const after = optionalCursor(request.cursor);
        // This endpoint alone names the number `phone` (inconsistency 3).
        const { data, httpStatusCode } = await transport.post(
          operations.queryFlowsByPhone,
          { appkey, phone: businessPhone, messaging_product: MESSAGING_PRODUCT, limit, after },
          context,
        );
        return { value: mapNxcloudFlowList(data), httpStatusCode };
      },

      async doGetPreview(request, context) {
        const id = requireFlowId(request.id);
        const { data, httpStatusCode } = await transport.post(
          operations.getPreviewByFlowId,
          { appkey, messaging_product: MESSAGING_PRODUCT, flow_id: id },
          context,
        );
        return { value: mapNxcloudFlowPreview(data, id), httpStatusCode };
      },
    },

    templates: {
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
