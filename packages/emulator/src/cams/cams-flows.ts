import type { EmulatorStore } from '../store/emulator-store.js';
import { previewOf } from '../store/flow-preview.js';
import { CamsApiError, missingParameter } from './cams-errors.js';
import type { CamsOperation, CamsParams } from './cams-operation.js';
import { camsPage } from './cams-paging.js';
import { camsFlow, camsFlowListItem } from './render-cams-flow.js';

/** CAMS's flow actions. */
export const CAMS_FLOW_OPERATIONS: readonly CamsOperation[] = [
  {
    action: 'GetFlow',
    requiresCustSpaceId: false,
    handle: (params, { store, now }) => {
      const flow = findFlow(params, store);
      return { Data: camsFlow(flow, previewOf(flow, now())) };
    },
  },
  {
    action: 'GetFlowPreviewUrl',
    requiresCustSpaceId: false,
    handle: (params, { store, now }) => {
      const flow = findFlow(params, store);
      const preview = previewOf(flow, now());
      return { Data: { FlowId: flow.id, PreviewUrl: preview.url, PreviewUrlExpires: preview.expiresAt } };
    },
  },
  {
    action: 'ListFlow',
    requiresCustSpaceId: false,
    handle: (params, { store }) => {
      const name = params.get('FlowName');
      const view = name ? store.flows.named(name) : store.flows.view();
      return { Data: camsPage(view, params).map(camsFlowListItem) };
    },
  },
];

function findFlow(params: CamsParams, store: EmulatorStore) {
  const id = params.get('FlowId');
  if (!id) throw missingParameter('FlowId');
  const flow = store.flows.get(id);
  // CAMS documents no code for an unknown flow; this one follows DetailError.TemplateNotExist.
  if (!flow) throw new CamsApiError(400, 'DetailError.FlowNotExist', 'The flow does not exist.');
  return flow;
}
