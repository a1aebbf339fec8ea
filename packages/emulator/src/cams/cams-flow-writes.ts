import { flowJsonDownloadPath } from '../flows/flow-json-download.js';
import type { FlowChanges } from '../flows/flow-lifecycle.js';
import { FlowRefusal } from '../flows/flow-refusal.js';
import { CamsApiError, missingParameter } from './cams-errors.js';
import { camsFlowRefusal } from './cams-flow-refusals.js';
import { fetchHostedFile } from './cams-hosted-file.js';
import type { CamsContext, CamsJson, CamsOperation, CamsParams } from './cams-operation.js';

/*
 * CAMS's flow writes, with the parameters where the official SDK 1.4.2 puts them (a form body;
 * the query string is read as well, as SDK 5.x sends some of them there). `Categories` is JSON
 * text; `EndpointUri` is in the current docs and SDK 5.x only. CAMS documents no clone parameter:
 * a `CloneFlowId` is ignored, as the gateway ignores parameters an action does not have.
 * https://www.alibabacloud.com/help/en/chatapp/developer-reference/api-cams-2020-06-06-createflow
 * (and the sibling pages: -modifyflow, -publishflow, -deprecateflow, -deleteflow,
 * -updateflowjsonasset, -getflowjsonassest)
 */

/** A flow action; Meta's refusals become CAMS errors. */
function flowOperation(
  action: string,
  handle: (params: CamsParams, context: CamsContext) => CamsJson,
): CamsOperation {
  return {
    action,
    requiresCustSpaceId: false,
    handle: (params, context) => {
      try {
        return handle(params, context);
      } catch (error) {
        if (error instanceof FlowRefusal) throw camsFlowRefusal(error);
        throw error;
      }
    },
  };
}

export const CAMS_FLOW_WRITE_OPERATIONS: readonly CamsOperation[] = [
  flowOperation('CreateFlow', (params, { flows }) => {
    const endpointUri = params.get('EndpointUri') || undefined;
    const flow = flows.create({
      name: required(params, 'FlowName'),
      categories: categories(required(params, 'Categories')),
      ...(endpointUri ? { endpointUri } : {}),
    });
    return { Data: { FlowId: flow.id, FlowName: flow.name, Categories: flow.categories } };
  }),
  flowOperation('ModifyFlow', (params, { flows }) => {
    const changes: FlowChanges = {};
    const name = params.get('FlowName');
    const categoriesText = params.get('Categories');
    const endpointUri = params.get('EndpointUri');
    if (name) changes.name = name;
    if (categoriesText) changes.categories = categories(categoriesText);
    if (endpointUri) changes.endpointUri = endpointUri;
    const flow = flows.update(required(params, 'FlowId'), changes);
    return { Data: { FlowId: flow.id, FlowName: flow.name, Categories: flow.categories } };
  }),
  flowOperation('PublishFlow', (params, { flows }) => {
    flows.publish(required(params, 'FlowId'));
    return {};
  }),
  flowOperation('DeprecateFlow', (params, { flows }) => {
    flows.deprecate(required(params, 'FlowId'));
    return {};
  }),
  flowOperation('DeleteFlow', (params, { flows }) => {
    flows.delete(required(params, 'FlowId'));
    return {};
  }),
  flowOperation('UpdateFlowJSONAsset', (params, context) => {
    const flowId = required(params, 'FlowId');
    // The flow is looked up before its file is fetched, as the file is useless without it.
    if (!context.store.flows.get(flowId)) {
      throw new FlowRefusal('not-found', 'updateJson', 'The flow does not exist.');
    }
    context.flows.updateJson(flowId, fetchHostedFile(required(params, 'FilePath'), context));
    // CAMS reports no validation errors: GetFlow and a publish tell.
    return { Data: { FlowId: flowId } };
  }),
  // "Assest", as the action is spelled.
  flowOperation('GetFlowJSONAssest', (params, { flows, origin }) => {
    const flowId = required(params, 'FlowId');
    if (!flows.jsonOf(flowId)) throw new FlowRefusal('not-found', 'updateJson', 'The flow does not exist.');
    return { Data: { FlowId: flowId, FilePath: `${origin()}${flowJsonDownloadPath(flowId)}` } };
  }),
];

function required(params: CamsParams, name: string): string {
  const value = params.get(name);
  if (!value) throw missingParameter(name);
  return value;
}

/** `Categories`: a JSON array of strings, as the SDK serializes it. */
function categories(text: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw new CamsApiError(
      400,
      'InvalidParameter',
      'Categories must be a JSON array of strings, such as ["SIGN_UP"].',
    );
  }
  return value;
}
