import type { ProviderV1 } from '@whatsapp-bsp/core';
import { camsAssetUploader } from './assets/oss-asset-uploader.js';
import { camsCapabilities } from './cams-capabilities.js';
import { type CamsOptions, parseCamsOptions } from './cams-options.js';
import { createFlowJsonDownload } from './flows/cams-flow-json-download.js';
import { createFlowJsonLocator } from './flows/cams-flow-json-location.js';
import { camsFlows } from './flows/cams-flows.js';
import { camsTemplates } from './templates/cams-templates.js';
import { createCamsTransport, httpAgents } from './transport/cams-transport.js';
import { camsWebhooks } from './webhooks/cams-webhooks.js';

/**
 * The Alibaba Cloud CAMS (Chat App Message Service) adapter: one transport shared by the flows
 * and templates of one CAMS space, and the parser of its ChatAppAudit callbacks. Options are checked here, so a mistake surfaces as a
 * ConfigError naming the field when the provider is created; missing credentials of the default
 * chain surface on the first call (see the README).
 */
export function cams(options: CamsOptions): ProviderV1 {
  const settings = parseCamsOptions(options);
  const send = createCamsTransport(settings);
  // Hosts the files CAMS takes by URL: template media samples and Flow JSON.
  const assets = camsAssetUploader(settings, send);
  return {
    specificationVersion: 'v1',
    id: 'cams',
    capabilities: camsCapabilities,
    flows: camsFlows(send, settings.custSpaceId, {
      uploader: assets,
      locate: createFlowJsonLocator(
        settings.flowJsonFilePath,
        send,
        settings.custSpaceId,
        settings.now ?? Date.now,
      ),
      download: createFlowJsonDownload({ ...settings, agents: httpAgents(settings) }),
    }),
    templates: camsTemplates(send, settings.custSpaceId, assets),
    webhooks: camsWebhooks(),
  };
}
