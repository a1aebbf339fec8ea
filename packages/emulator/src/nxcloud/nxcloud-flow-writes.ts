import { flowJsonDownloadPath } from '../flows/flow-json-download.js';
import type { FlowChanges } from '../flows/flow-lifecycle.js';
import { FlowRefusal } from '../flows/flow-refusal.js';
import { jsonResponse, type VendorResponse } from '../server/vendor-protocol.js';
import { invalidParameter, nxcloudError, objectNotFound } from './nxcloud-errors.js';
import { nxcloudFlowRefusal } from './nxcloud-flow-refusals.js';
import type { NxcloudBody, NxcloudContext, NxcloudRoute } from './nxcloud-route.js';
import { nxcloudValidationError } from './render-nxcloud-flow.js';

/*
 * NXCloud's flow writes. updateFlow and updateFlowJson are documented
 * (https://github.com/nxtele/http-api-document/wiki/WhatsApp-API-updateFlow,
 * https://github.com/nxtele/http-api-document/wiki/WhatsApp-API-updateFlowJson). The wiki's sidebar
 * lists pages for create, get JSON, publish, delete draft and deprecate without their paths or
 * bodies: they are served where the documented ones suggest, `/v1/wa/m/flows/<operation>` with
 * the action `<operation>`, the body `{ appkey, business_phone, messaging_product, flow_id }`, and
 * Meta's Flows API semantics and answers passed through, as NXCloud does on the documented ones.
 */

/** The flow pages' success message. */
const SUCCESS = 'Success';
const SUCCESS_ANSWER = () => jsonResponse(200, { code: 0, message: SUCCESS, data: { success: true } });

/** A flow operation on `/v1/wa/m/flows/<operation>`; the business number is checked when sent. */
function flowRoute(
  operation: string,
  required: readonly string[],
  handle: (body: NxcloudBody, context: NxcloudContext) => VendorResponse | Promise<VendorResponse>,
  options: Pick<NxcloudRoute, 'bodyType' | 'structured'> = {},
): NxcloudRoute {
  return {
    path: `/v1/wa/m/flows/${operation}`,
    operation,
    actions: [operation],
    required,
    phoneField: 'business_phone',
    ...options,
    handle: async (body, context) => {
      try {
        return await handle(body, context);
      } catch (error) {
        if (error instanceof FlowRefusal) return nxcloudFlowRefusal(operation, error, String(body.flow_id));
        if (error instanceof FieldError) return invalidParameter(operation, error.message);
        throw error;
      }
    },
  };
}

const BY_ID = ['appkey', 'messaging_product', 'flow_id'] as const;

/** NXCloud's flow write endpoints, and getFlowJson. */
export const NXCLOUD_FLOW_WRITE_ROUTES: readonly NxcloudRoute[] = [
  flowRoute(
    'createFlow',
    ['appkey', 'business_phone', 'messaging_product', 'name', 'categories'],
    (body, { flows }) => {
      const cloneFlowId = optionalText(body, 'clone_flow_id');
      const endpointUri = optionalText(body, 'endpoint_uri');
      const flow = flows.create({
        name: String(body.name),
        categories: textArray(body, 'categories'),
        ...(cloneFlowId === undefined ? {} : { cloneFlowId }),
        ...(endpointUri === undefined ? {} : { endpointUri }),
      });
      // Meta's create answers the new flow's id.
      return jsonResponse(200, { code: 0, message: SUCCESS, data: { id: flow.id } });
    },
    { structured: ['categories'] },
  ),
  flowRoute('updateFlow', BY_ID, (body, { flows }) => {
    const changes: FlowChanges = {};
    const name = optionalText(body, 'name');
    const endpointUri = optionalText(body, 'endpoint_uri');
    if (name !== undefined) changes.name = name;
    if (body.categories !== undefined && body.categories !== null)
      changes.categories = textArray(body, 'categories');
    if (endpointUri !== undefined) changes.endpointUri = endpointUri;
    flows.update(String(body.flow_id), changes);
    return SUCCESS_ANSWER();
  }),
  flowRoute(
    'updateFlowJson',
    // Multipart, signed without the body; no appkey listed (it is checked when sent).
    ['flow_id', 'messaging_product', 'file'],
    async (body, { flows }) => {
      if (!(body.file instanceof Blob)) return nxcloudError(1002, 'Parameter error: file must be a file');
      // Meta's assets call names the asset; when a client sends the name and type, they must be these.
      if (body.asset_type !== undefined && body.asset_type !== 'FLOW_JSON') {
        return invalidParameter('updateFlowJson', 'asset_type must be FLOW_JSON');
      }
      const bytes = new Uint8Array(await body.file.arrayBuffer());
      const { validationErrors } = flows.updateJson(String(body.flow_id), bytes);
      return jsonResponse(200, {
        code: 0,
        message: SUCCESS,
        data: { success: true, validation_errors: validationErrors.map(nxcloudValidationError) },
      });
    },
    { bodyType: 'multipart' },
  ),
  flowRoute('getFlowJson', BY_ID, (body, { flows, origin }) => {
    const id = String(body.flow_id);
    if (!flows.jsonOf(id)) return objectNotFound('getFlowJson', id);
    // Meta's assets list, as NXCloud is expected to pass it through.
    return jsonResponse(200, {
      code: 0,
      message: SUCCESS,
      data: {
        data: [
          {
            name: 'flow.json',
            asset_type: 'FLOW_JSON',
            download_url: `${origin()}${flowJsonDownloadPath(id)}`,
          },
        ],
      },
    });
  }),
  flowRoute('publishFlow', BY_ID, (body, { flows }) => {
    flows.publish(String(body.flow_id));
    return SUCCESS_ANSWER();
  }),
  flowRoute('deprecateFlow', BY_ID, (body, { flows }) => {
    flows.deprecate(String(body.flow_id));
    return SUCCESS_ANSWER();
  }),
  flowRoute('deleteFlow', BY_ID, (body, { flows }) => {
    flows.delete(String(body.flow_id));
    return SUCCESS_ANSWER();
  }),
];

/** A body field of the wrong shape: Meta's invalid-parameter refusal, naming it. */
class FieldError extends Error {}

function optionalText(body: NxcloudBody, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new FieldError(`${field} must be a string`);
  return value;
}

function textArray(body: NxcloudBody, field: string): string[] {
  const value = body[field];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw new FieldError(`${field} must be an array of strings`);
  }
  return value;
}
