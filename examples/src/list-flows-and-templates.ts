import type { WhatsAppClient } from '@whatsapp-bsp/core';

/**
 * Vendor-neutral application code: it is written once against the normalized client and knows
 * nothing of NXCloud or CAMS. Which vendor answers is decided by configuration alone.
 */
export async function listFlowsAndTemplates(client: WhatsAppClient, limits = { flows: 5, templates: 8 }) {
  const flows = await client.flows.list({ maxItems: limits.flows }).toArray();
  const firstFlow = flows[0] ? await client.flows.get(flows[0].id) : undefined;
  const templates = await client.templates.list({ maxItems: limits.templates }).toArray();
  const firstTemplate = templates[0]
    ? await client.templates.get({ name: templates[0].name, language: templates[0].language })
    : undefined;
  return { provider: client.provider.id, flows, firstFlow, templates, firstTemplate };
}

export type VendorReport = Awaited<ReturnType<typeof listFlowsAndTemplates>>;
