import { randomUUID } from 'node:crypto';
import {
  headerValue,
  jsonResponse,
  type VendorRequest,
  type VendorResponse,
} from '../server/vendor-protocol.js';

/** A CAMS error answer, thrown from deep inside a check and turned into the vendor's error body. */
export class CamsApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const missingParameter = (name: string) =>
  new CamsApiError(
    400,
    'MissingParameter',
    `The input parameter "${name}" that is mandatory for processing this request is not supplied.`,
  );
export const incompleteSignature = (detail: string) =>
  new CamsApiError(
    400,
    'IncompleteSignature',
    `The request signature does not conform to Aliyun standards: ${detail}`,
  );

export function camsError(
  request: VendorRequest,
  requestId: string,
  status: number,
  code: string,
  message: string,
): VendorResponse {
  return jsonResponse(
    status,
    {
      RequestId: requestId,
      HostId: headerValue(request, 'host') ?? 'cams.ap-southeast-1.aliyuncs.com',
      Code: code,
      Message: message,
      Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(code)}&product=cams&requestId=${requestId}`,
    },
    { 'x-acs-request-id': requestId },
  );
}

export function serverErrorText(status: number): [string, string] {
  if (status === 413) return ['EntityTooLarge', 'The request body is too large.'];
  if (status < 500) return ['BadRequest', 'The request could not be processed.'];
  if (status === 500)
    return [
      'InternalError',
      'The request processing has failed due to some unknown error, exception or failure.',
    ];
  return ['ServiceUnavailable', 'The request has failed due to a temporary failure of the server.'];
}

/** A RequestId shaped like the vendor's: an upper-case UUID. */
export function newRequestId(): string {
  return randomUUID().toUpperCase();
}
