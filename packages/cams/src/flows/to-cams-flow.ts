import type { CreateFlowRequest } from '@whatsapp-bsp/core';

/*
 * Flow writes in CAMS's parameters, as @alicloud/cams20200606 1.4.2 sends them (form body,
 * parameters in name order) plus `EndpointUri`, which that SDK's models drop but the current
 * CreateFlow and ModifyFlow (SDK 5.x) take. Nested values travel as JSON strings.
 */

/** `Categories` on the wire: a JSON array of strings, e.g. `["SIGN_UP","OTHER"]`. */
export function categoriesParameter(categories: readonly string[]): string {
  return JSON.stringify(categories);
}

/** CreateFlow's parameters. CreateFlow has no clone parameter: `cloneFlowId` is refused before this. */
export function createFlowParameters(
  request: Pick<CreateFlowRequest, 'name' | 'categories' | 'endpointUri'>,
  custSpaceId: string,
): Record<string, string> {
  return {
    Categories: categoriesParameter(request.categories),
    CustSpaceId: custSpaceId,
    ...(request.endpointUri !== undefined && { EndpointUri: request.endpointUri }),
    FlowName: request.name,
  };
}

/**
 * ModifyFlow's parameters. CAMS requires `FlowName` and `Categories` on every call (ModifyFlow API
 * page), so both are always given here; `EndpointUri` only when it changes.
 */
export function modifyFlowParameters(
  change: {
    readonly id: string;
    readonly name: string;
    readonly categories: readonly string[];
    readonly endpointUri?: string | undefined;
  },
  custSpaceId: string,
): Record<string, string> {
  return {
    Categories: categoriesParameter(change.categories),
    CustSpaceId: custSpaceId,
    ...(change.endpointUri !== undefined && { EndpointUri: change.endpointUri }),
    FlowId: change.id,
    FlowName: change.name,
  };
}
