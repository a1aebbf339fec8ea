import type { FlowSummary } from '../../model/flow.js';
import type { WithMetadata } from '../../model/metadata.js';

/**
 * The flow with exactly this name, found by paging through the whole list (neither vendor can
 * filter flows by name), or `undefined`. Flow names are unique within a WhatsApp Business
 * Account, so the first match is the only one.
 */
export async function findFlowByName(
  flows: AsyncIterable<WithMetadata<FlowSummary>>,
  name: string,
): Promise<WithMetadata<FlowSummary> | undefined> {
  for await (const flow of flows) {
    if (flow.name === name) return flow;
  }
  return undefined;
}
