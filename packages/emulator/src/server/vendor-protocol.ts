import type { IncomingHttpHeaders } from 'node:http';
import type { Vendor } from '../model.js';

/** One request as a vendor server sees it, body read in full. */
export interface VendorRequest {
  method: string;
  /** Path and query, as received. */
  url: URL;
  headers: IncomingHttpHeaders;
  /** The exact bytes received: signatures are checked over them. */
  body: Buffer;
}

export interface VendorResponse {
  status: number;
  headers?: Record<string, string>;
  body: string | Buffer;
}

/** What a vendor server implements; the shared plumbing adds counting, faults and quotas. */
export interface VendorProtocol {
  vendor: Vendor;
  /** The vendor's name for the operation asked for, used by fault rules and counters. */
  operationOf(request: VendorRequest): string;
  /** Writes may wait for I/O (reading a multipart form), so the answer may come later. */
  handle(request: VendorRequest): VendorResponse | Promise<VendorResponse>;
  /** A 4xx/5xx answer with the vendor's JSON error body. */
  httpError(request: VendorRequest, status: number): VendorResponse;
  /** HTTP 200 carrying the vendor's failure code. */
  failureCode(request: VendorRequest, code: number | string | undefined): VendorResponse;
  /** The vendor's answer when a quota is exceeded. */
  throttled(request: VendorRequest, code: string | undefined): VendorResponse;
  /** The server name shown on HTML error pages of the vendor's proxy. */
  proxyName: string;
  /** Bodies above this many bytes get HTTP 413; default 1 MiB. A function decides by the request's path. */
  maxBodyBytes?: number | ((pathname: string) => number);
}

export function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): VendorResponse {
  return {
    status,
    headers: { 'content-type': 'application/json;charset=utf-8', ...headers },
    body: JSON.stringify(body),
  };
}

/** A request header's value, or undefined when it is absent or empty. */
export function headerValue(request: VendorRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
