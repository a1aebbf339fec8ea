import type { ProviderV1 } from '@whatsapp-bsp/core';
import { nxcloudFlows } from './flows/nxcloud-flows.js';
import { nxcloudCapabilities } from './nxcloud-capabilities.js';
import { NXCLOUD_PROVIDER_ID } from './nxcloud-id.js';
import { type NxcloudOptions, resolveNxcloudOptions } from './nxcloud-options.js';
import { nxcloudTemplates } from './templates/nxcloud-templates.js';
import { createNxcloudTransport } from './transport/nxcloud-transport.js';
import { nxcloudWebhooks } from './webhooks/nxcloud-webhooks.js';

/**
 * The NXCloud (牛信云) provider. Each `do*` method sends exactly one signed request; retries,
 * pagination and rate limiting belong to the core client that calls it.
 *
 * @throws ConfigError naming the field when an option is missing or invalid.
 */
export function nxcloud(options: NxcloudOptions): ProviderV1 {
  const config = resolveNxcloudOptions(options);
  const transport = createNxcloudTransport(config);
  return {
    specificationVersion: 'v1',
    id: NXCLOUD_PROVIDER_ID,
    capabilities: nxcloudCapabilities,
    flows: nxcloudFlows(config, transport),
    templates: nxcloudTemplates(config, transport),
    webhooks: nxcloudWebhooks({ accessSecret: config.accessSecret }),
  };
}
