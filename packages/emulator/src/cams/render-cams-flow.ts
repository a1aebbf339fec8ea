import { compact } from '../compact.js';
import type { EmulatorFlow } from '../model.js';

/*
 * Store flows in CAMS's PascalCase wire format, in the field order of the vendor's GetFlow
 * example. Absent fields are left out.
 * https://www.alibabacloud.com/help/en/chatapp/developer-reference/api-cams-2020-06-06-getflow
 */

type Json = Record<string, unknown>;

/** GetFlow's `Data`. `EndpointUri` is in the current docs (SDK 5.x) only. */
export function camsFlow(flow: EmulatorFlow, preview: { url: string; expiresAt: number } | undefined): Json {
  return compact({
    Status: flow.status,
    FlowId: flow.id,
    FlowName: flow.name,
    Categories: flow.categories,
    JSONVersion: flow.jsonVersion,
    DataApiVersion: flow.dataApiVersion,
    PreviewUrl: preview?.url,
    PreviewUrlExpires: preview?.expiresAt,
    EndpointUri: flow.endpointUri,
  });
}

/** A ListFlow item: CAMS lists flows without their status. */
export function camsFlowListItem(flow: EmulatorFlow): Json {
  return { FlowId: flow.id, FlowName: flow.name, Categories: flow.categories };
}
