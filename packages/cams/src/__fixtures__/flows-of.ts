// Test harness, not a vendor payload: the flow operations of a provider, with the write methods
// the provider specification leaves optional checked present. Loads no request mock.
import type { FlowsProvider, ProviderV1 } from '@whatsapp-bsp/core';

const FLOW_WRITES = [
  'doGetJson',
  'doCreate',
  'doUpdate',
  'doUpdateJson',
  'doPublish',
  'doDeprecate',
  'doDelete',
];

/** The provider's flow operations, the optional ones included; throws if one is missing. */
export function flowsOf(provider: ProviderV1): Required<FlowsProvider> {
  const { flows } = provider;
  for (const method of FLOW_WRITES) {
    if (typeof (flows as unknown as Record<string, unknown>)[method] !== 'function') {
      throw new Error(`the CAMS provider has no flows.${method}`);
    }
  }
  return flows as Required<FlowsProvider>;
}
