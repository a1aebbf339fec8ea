import { createHash } from 'node:crypto';
import { jsonResponse, type VendorResponse } from '../server/vendor-protocol.js';

/** A vendor error code in NXCloud's envelope; NXCloud sends these with HTTP 200. */
export function nxcloudError(code: number, message: string): VendorResponse {
  return jsonResponse(200, { code, message, data: null });
}

/** Meta's Graph error object, as NXCloud relays it. */
export interface MetaError {
  message: string;
  type: string;
  code: number;
  error_subcode?: number;
  is_transient?: boolean;
  error_user_title?: string;
  error_user_msg?: string;
}

/**
 * A Meta refusal relayed by NXCloud: `code` 400 with Meta's Graph error in `data.error`, integers
 * written as floats as the vendor sends them (its updateFlowJson page shows `"code":139001.0`).
 */
export function metaErrorAnswer(operation: string, error: MetaError): VendorResponse {
  const withTrace = {
    ...error,
    fbtrace_id: createHash('sha256').update(error.message).digest('base64url').slice(0, 23),
  };
  const metaJson = JSON.stringify(withTrace).replace(/"(code|error_subcode)":(\d+)/g, '"$1":$2.0');
  return {
    status: 200,
    headers: { 'content-type': 'application/json;charset=utf-8' },
    body: `{"code":400,"message":${JSON.stringify(`${operation} error`)},"data":{"error":${metaJson}}}`,
  };
}

/** Meta's error for an id that does not exist (code 100, subcode 33). */
export function objectNotFound(
  operation: string,
  id: string,
  method: 'get' | 'post' = 'get',
): VendorResponse {
  return metaErrorAnswer(operation, {
    message: `Unsupported ${method} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
    type: 'GraphMethodException',
    code: 100,
    error_subcode: 33,
  });
}

/** Meta's refusal of a parameter of the wrong shape or value (code 100), naming it. */
export function invalidParameter(operation: string, detail: string): VendorResponse {
  return metaErrorAnswer(operation, {
    message: 'Invalid parameter',
    type: 'OAuthException',
    code: 100,
    is_transient: false,
    error_user_msg: detail,
  });
}
