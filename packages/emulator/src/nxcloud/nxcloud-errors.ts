import { createHash } from 'node:crypto';
import { jsonResponse, type VendorResponse } from '../server/vendor-protocol.js';

/** A vendor error code in NXCloud's envelope; NXCloud sends these with HTTP 200. */
export function nxcloudError(code: number, message: string): VendorResponse {
  return jsonResponse(200, { code, message, data: null });
}

/**
 * Unknown flow id. The flow endpoints fail with `code` 400 and Meta's Graph error in
 * `data.error`, integers written as floats as the vendor sends them (its updateFlowJson page
 * shows `"code":139001.0`); this is the error Meta gives for an id that does not exist.
 */
export function flowNotFound(operation: string, flowId: string): VendorResponse {
  const metaError = JSON.stringify({
    message: `Unsupported get request. Object with ID '${flowId}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
    type: 'GraphMethodException',
    code: 100,
    error_subcode: 33,
    fbtrace_id: createHash('sha256').update(flowId).digest('base64url').slice(0, 23),
  }).replace(/"(code|error_subcode)":(\d+)/g, '"$1":$2.0');
  return {
    status: 200,
    headers: { 'content-type': 'application/json;charset=utf-8' },
    body: `{"code":400,"message":${JSON.stringify(`${operation} error`)},"data":{"error":${metaError}}}`,
  };
}
