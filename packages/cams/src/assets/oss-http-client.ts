import type { IncomingHttpHeaders } from 'node:http';
import type { ProviderCallContext } from '@whatsapp-bsp/core';
import { type HttpAgents, type ProxySetting, sendHttpRequest } from '@whatsapp-bsp/core/adapter';

/*
 * ali-oss builds and signs each request (V4) and reads OSS's answers, and hands the sending to a
 * `urllib`-shaped client when given one. This one sends through core's shared transport, so an
 * upload is cancelled by its attempt's abort, goes through the same proxy, TLS trust and response
 * limit as every CAMS call, and fails with core's errors and outcomes.
 */

/** What one upload lends the client it goes through: passed by ali-oss as `ctx`. */
export interface OssCall {
  readonly context: ProviderCallContext;
  /** Values to redact from errors: the upload credentials. */
  readonly secrets: readonly string[];
  /** Set when the request itself failed: the transport's error, or the abort's reason. */
  failure?: unknown;
}

/** What ali-oss passes to `urllib.request` (lib/common/utils/createRequest.js). */
interface OssRequestParams {
  readonly method: string;
  readonly content?: Buffer;
  readonly headers: Readonly<Record<string, string | number>>;
  readonly ctx?: OssCall;
}

/** What ali-oss reads of urllib's result. */
interface OssResult {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly data: Buffer;
  readonly res: {
    readonly status: number;
    readonly statusCode: number;
    readonly headers: IncomingHttpHeaders;
    readonly size: number;
    readonly requestUrls: readonly string[];
  };
}

export interface OssHttpClient {
  request(url: string, params: OssRequestParams): Promise<OssResult>;
}

export interface OssTransportSettings {
  readonly agents: HttpAgents;
  readonly proxy?: ProxySetting;
  readonly allowInsecureHttp?: boolean;
  readonly maxResponseBytes?: number;
}

export function ossHttpClient(settings: OssTransportSettings): OssHttpClient {
  const { agents, proxy, allowInsecureHttp, maxResponseBytes } = settings;
  return {
    async request(url, params) {
      const call = params.ctx;
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(params.headers)) {
        // The shared transport sets Content-Length from the body it sends.
        if (name.toLowerCase() !== 'content-length') headers[name] = String(value);
      }
      try {
        const response = await sendHttpRequest({
          method: params.method,
          url,
          headers,
          ...(params.content !== undefined && { body: params.content }),
          ...(call !== undefined && { context: call.context }),
          agents,
          ...(proxy !== undefined && { proxy }),
          ...(allowInsecureHttp !== undefined && { allowInsecureHttp }),
          ...(maxResponseBytes !== undefined && { maxResponseBytes }),
          provider: 'cams',
          secrets: call?.secrets ?? [],
        });
        return {
          status: response.status,
          headers: response.headers,
          data: response.body,
          res: {
            status: response.status,
            statusCode: response.status,
            headers: response.headers,
            size: response.body.length,
            requestUrls: [url],
          },
        };
      } catch (error) {
        // ali-oss would wrap it in an error of its own without the outcome: kept aside for the uploader.
        if (call !== undefined) call.failure = error;
        throw error;
      }
    },
  };
}
