import type { FlowDraft } from './state-file.js';

/**
 * A flow draft reduced to what a plan compares: categories as a sorted set, the endpoint as
 * trimmed text, the Flow JSON as its parsed value (so that whitespace and key order do not
 * count; text that is not JSON stays text). `name` (the identity) and `status` (compared by the
 * planner, which knows the flow lifecycle) are left out, and so is what the draft leaves out.
 */
export function normalizeFlowDraft(flow: FlowDraft): Record<string, unknown> {
  const normalized: Record<string, unknown> = {
    categories: [...new Set(flow.categories)].sort(),
  };
  if (flow.endpointUri !== undefined) normalized.endpointUri = flow.endpointUri.trim();
  if (flow.flowJson !== undefined) normalized.flowJson = flowJsonValue(flow.flowJson);
  return normalized;
}

/** A Flow JSON given as text or as a value, as a value where the text is JSON. */
export function flowJsonValue(flowJson: string | Record<string, unknown>): unknown {
  if (typeof flowJson !== 'string') return flowJson;
  try {
    return JSON.parse(flowJson) as unknown;
  } catch {
    return flowJson;
  }
}
