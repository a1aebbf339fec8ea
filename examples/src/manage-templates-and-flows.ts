import type { TemplateDraft, WhatsAppClient } from '@whatsapp-bsp/core';

/**
 * A utility template, in the draft shape every vendor takes. The header's `{{1}}` and the body's
 * have the same sample: CAMS keeps one sample per variable number for a whole template.
 */
export const ORDER_UPDATE: TemplateDraft = {
  name: 'order_update',
  language: 'en_US',
  category: 'UTILITY',
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: { headerText: ['#1042'] } },
    { type: 'BODY', text: 'Good news: order {{1}} has shipped.', example: { bodyText: [['#1042']] } },
    { type: 'FOOTER', text: 'Reply STOP to opt out' },
  ],
};

/** A one-screen sign-up flow, built to Meta's Flow JSON reference. */
export const SIGN_UP_FLOW_JSON = {
  version: '7.1',
  screens: [
    {
      id: 'SIGN_UP',
      title: 'Sign up',
      terminal: true,
      layout: {
        type: 'SingleColumnLayout',
        children: [
          { type: 'TextInput', name: 'email', label: 'Email', 'input-type': 'email', required: true },
          {
            type: 'Footer',
            label: 'Sign up',
            // A Flow JSON reference to the form's field, not a JavaScript template.
            // biome-ignore lint/suspicious/noTemplateCurlyInString: Flow JSON syntax
            'on-click-action': { name: 'complete', payload: { email: '${form.email}' } },
          },
        ],
      },
    },
  ],
};

/**
 * Vendor-neutral application code that changes things at the vendor: a template created and
 * waited for through Meta's review, a flow created with its Flow JSON, published, read back and
 * deprecated. Every input is checked before anything is sent.
 */
export async function manageTemplatesAndFlows(client: WhatsAppClient, options: { reviewTimeoutMs: number }) {
  const created = await client.templates.create(ORDER_UPDATE);
  const reviewed = await client.templates.waitForStatus(
    { name: created.name, language: created.language },
    { timeoutMs: options.reviewTimeoutMs, pollIntervalMs: 200 },
  );
  const flow = await client.flows.create({
    name: 'sign_up',
    categories: ['SIGN_UP'],
    flowJson: SIGN_UP_FLOW_JSON,
    publish: true,
  });
  const { json } = await client.flows.getJson(flow.id);
  await client.flows.deprecate(flow.id);
  const deprecated = await client.flows.get(flow.id);
  return { provider: client.provider.id, created, reviewed, flow, json, deprecated };
}

export type ManageReport = Awaited<ReturnType<typeof manageTemplatesAndFlows>>;
