import {
  type BspError,
  type BspErrorOptions,
  type FlowJsonDocument,
  MAX_FLOW_JSON_BYTES,
  NotFoundError,
  PermissionError,
  type ProviderCallContext,
  ProviderUnavailableError,
  RateLimitError,
  ResponseFormatError,
} from '@whatsapp-bsp/core';
import {
  type HttpAgents,
  type ProxySetting,
  parseRetryAfter,
  sendHttpRequest,
} from '@whatsapp-bsp/core/adapter';

const PROVIDER = 'cams';

/** What a download shares with the provider's requests to CAMS: where it may go, and how. */
export interface FlowJsonDownloadSettings {
  readonly agents: HttpAgents;
  readonly proxy?: ProxySetting | undefined;
  readonly allowInsecureHttp?: boolean | undefined;
  /** Epoch milliseconds, for a `Retry-After` given as a date. */
  readonly now?: (() => number) | undefined;
}

/**
 * Downloads one Flow JSON file. `requestId` is the CAMS request that named the file, for the
 * errors: support can trace the file from it.
 */
export type FlowJsonDownload = (
  url: URL,
  context: ProviderCallContext,
  requestId: string | undefined,
) => Promise<FlowJsonDocument>;

/**
 * Downloads through core's shared transport, as every request of the provider goes: its proxy,
 * its certificate authorities, plain http only to this machine unless allowed, cancelled with the
 * attempt (whose timeout covers the GetFlowJSONAssest call and this download together). At most
 * `MAX_FLOW_JSON_BYTES` (10 MiB, the most WhatsApp accepts for a Flow JSON) are read, whatever the
 * provider's `maxResponseBytes`: a larger answer is a ResponseFormatError, not retried. No CAMS
 * credential or signature is sent to the file's host.
 *
 * - `text` is the file as UTF-8 (a byte-order mark dropped), `json` its parse, or `undefined`
 *   when the text is not JSON. A file that is not UTF-8 text is a ResponseFormatError.
 * - An error status: 404 and 410 a NotFoundError, 401 and 403 a PermissionError (a private
 *   object, an expired link), 429 a RateLimitError, 5xx a ProviderUnavailableError (both retried
 *   by the client), anything else a ResponseFormatError.
 * - Errors name the file's host, never its path or query, which may hold a signature.
 */
export function createFlowJsonDownload(settings: FlowJsonDownloadSettings): FlowJsonDownload {
  const now = settings.now ?? Date.now;
  const utf8 = new TextDecoder('utf-8', { fatal: true });

  return async function download(url, context, requestId) {
    const response = await sendHttpRequest({
      method: 'GET',
      url,
      headers: { accept: 'application/json, */*;q=0.5' },
      context,
      agents: settings.agents,
      ...(settings.proxy !== undefined && { proxy: settings.proxy }),
      ...(settings.allowInsecureHttp !== undefined && { allowInsecureHttp: settings.allowInsecureHttp }),
      maxResponseBytes: MAX_FLOW_JSON_BYTES,
      provider: PROVIDER,
      secrets: queryValues(url),
    });
    const details: BspErrorOptions = {
      provider: PROVIDER,
      httpStatusCode: response.status,
      ...(requestId !== undefined && { requestId }),
    };
    if (response.status < 200 || response.status >= 300) {
      const retryAfter = response.headers['retry-after'];
      throw statusError(url.host, response.status, {
        ...details,
        ...(typeof retryAfter === 'string' && { retryAfterMs: parseRetryAfter(retryAfter, now()) }),
      });
    }
    let text: string;
    try {
      text = utf8.decode(response.body);
    } catch {
      throw new ResponseFormatError(
        `The Flow JSON file at ${url.host} is not UTF-8 text (GetFlowJSONAssest named it)`,
        { ...details, outcome: 'failed' },
      );
    }
    return { json: parseJson(text), text };
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function statusError(host: string, status: number, details: BspErrorOptions): BspError {
  const answered = `The Flow JSON file's host ${host} answered HTTP ${status}`;
  const failed = { ...details, outcome: 'failed' } as const;
  if (status === 404 || status === 410) {
    return new NotFoundError(`${answered}: the file GetFlowJSONAssest named is not there`, failed);
  }
  if (status === 401 || status === 403) {
    return new PermissionError(
      `${answered}: the file is private or its link has expired (if GetFlowJSONAssest's FilePath needs resolving, see the flowJsonFilePath option)`,
      failed,
    );
  }
  if (status === 429) return new RateLimitError(answered, failed);
  if (status >= 500) return new ProviderUnavailableError(answered, failed);
  return new ResponseFormatError(answered, failed);
}

/**
 * The query's values: a presigned link carries its signature and token there. The transport's
 * errors name only the host, and redact these from the causes they keep.
 */
function queryValues(url: URL): string[] {
  return [...url.searchParams.values()].filter((value) => value.length >= 8);
}
