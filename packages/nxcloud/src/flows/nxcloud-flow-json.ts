import {
  BspError,
  type FlowJsonDocument,
  type FlowsProvider,
  InvalidRequestError,
  MAX_FLOW_JSON_BYTES,
  NotFoundError,
  ProviderUnavailableError,
  RateLimitError,
  ResponseFormatError,
} from '@whatsapp-bsp/core';
import {
  checkRequestUrl,
  type HttpResponse,
  isWellFormedText,
  parseRetryAfter,
  parseWire,
} from '@whatsapp-bsp/core/adapter';
import { NXCLOUD_PROVIDER_ID } from '../nxcloud-id.js';
import type { ResolvedNxcloudOptions } from '../nxcloud-options.js';
import type { NxcloudAnswer } from '../transport/nxcloud-answer.js';
import type { NxcloudTransport } from '../transport/nxcloud-transport.js';
import { MESSAGING_PRODUCT } from '../wire/nxcloud-wire-values.js';
import { validationErrorFromWire } from './map-nxcloud-flow.js';
import { requireFlowId } from './nxcloud-flow-id.js';
import {
  type NxcloudFlowAssetWire,
  nxcloudFlowAssetsWireSchema,
  nxcloudFlowJsonUpdateWireSchema,
} from './nxcloud-flow-write-wire.js';
import { toFlowIdBody } from './to-nxcloud-flow.js';

/** The name the Flow JSON is uploaded under, as Meta's Flows API names the asset. */
const FLOW_JSON_FILE_NAME = 'flow.json';

/**
 * A flow's Flow JSON: uploading it (updateFlowJson, multipart) and reading it back (getFlowJson,
 * then a download of the link it answers with).
 */
export function nxcloudFlowJson(
  config: ResolvedNxcloudOptions,
  transport: NxcloudTransport,
): Required<Pick<FlowsProvider, 'doGetJson' | 'doUpdateJson'>> {
  const { operations } = config;
  return {
    /**
     * getFlowJson (undocumented; wiki page flows-查询流JSON) answers with Meta's assets list; the
     * FLOW_JSON asset's `download_url` is then fetched through the same transport, bounded by
     * MAX_FLOW_JSON_BYTES (Meta accepts no larger Flow JSON) and cancelled with the attempt.
     *
     * @throws NotFoundError when the flow has no Flow JSON asset (none was uploaded yet).
     * @throws ResponseFormatError for a link this client will not fetch, a file over 10 MiB or
     *   one that is not UTF-8 text; RateLimitError or a retryable ProviderUnavailableError when
     *   the file's host answers 429 or 5xx.
     */
    async doGetJson(request, context) {
      const id = requireFlowId(request.id);
      const answer = await transport.post(operations.getFlowJson, toFlowIdBody(id, config), context);
      const assets = parseWire(nxcloudFlowAssetsWireSchema, answer.data, answer.mismatch);
      const link = flowJsonLink(assets.data, answer, id, config.allowInsecureHttp);
      const response = await transport.download(link, MAX_FLOW_JSON_BYTES, context);
      return {
        value: flowJsonDocumentFrom(response, id, config.now()),
        httpStatusCode: answer.httpStatusCode,
      };
    },

    /**
     * updateFlowJson (wiki page WhatsApp-API-updateFlowJson): multipart `flow_id`,
     * `messaging_product` and `file` (the text, as `flow.json`, `application/json`), signed
     * without the body. The page lists no `appkey`; `sendAppKeyOnUploads` adds one.
     */
    async doUpdateJson(request, context) {
      const id = requireFlowId(request.id);
      const answer = await transport.postMultipart(
        operations.updateFlowJson,
        {
          ...(config.sendAppKeyOnUploads ? { appkey: config.appKey } : {}),
          flow_id: id,
          messaging_product: MESSAGING_PRODUCT,
          file: { data: utf8Of(request.text), mimeType: 'application/json', fileName: FLOW_JSON_FILE_NAME },
        },
        context,
      );
      const wire = parseWire(nxcloudFlowJsonUpdateWireSchema, answer.data, answer.mismatch);
      if (!wire.success) {
        throw answer.badResponse(
          `NXCloud answered updateFlowJson for flow ${id} with success: false and no failure code: whether the Flow JSON was taken is unknown`,
        );
      }
      return {
        value: { validationErrors: (wire.validation_errors ?? []).map(validationErrorFromWire) },
        httpStatusCode: answer.httpStatusCode,
      };
    },
  };
}

/**
 * The Flow JSON's bytes. Text with a lone surrogate (half a character) is refused: UTF-8 has no
 * encoding for it, and TextEncoder would upload U+FFFD in its place, not what the caller gave.
 */
function utf8Of(text: string): Uint8Array {
  if (!isWellFormedText(text)) {
    throw new InvalidRequestError(
      'The Flow JSON holds text that cannot be encoded (a lone surrogate); nothing was sent',
      { provider: NXCLOUD_PROVIDER_ID, field: 'flowJson' },
    );
  }
  return new TextEncoder().encode(text);
}

/**
 * The FLOW_JSON asset's link, checked against the transport's URL rules before anything is
 * fetched (https://, or http:// to this machine or with `allowInsecureHttp`; no credentials).
 */
function flowJsonLink(
  assets: readonly NxcloudFlowAssetWire[],
  answer: NxcloudAnswer,
  id: string,
  allowInsecureHttp: boolean,
): string {
  const asset = assets.find((candidate) => candidate.asset_type === 'FLOW_JSON');
  if (asset === undefined) {
    throw new NotFoundError(`NXCloud lists no Flow JSON for flow ${id}: none has been uploaded yet`, {
      provider: NXCLOUD_PROVIDER_ID,
      httpStatusCode: answer.httpStatusCode,
      raw: answer.data,
    });
  }
  const link = asset.download_url;
  if (!link) throw answer.badResponse(`NXCloud answered getFlowJson for flow ${id} without a download_url`);
  try {
    checkRequestUrl(link, allowInsecureHttp, NXCLOUD_PROVIDER_ID);
  } catch (error) {
    if (!BspError.isInstance(error)) throw error;
    throw answer.badResponse(
      `NXCloud linked the Flow JSON of flow ${id} where it will not be fetched: ${error.message}`,
    );
  }
  return link;
}

/**
 * The downloaded file as `{ json, text }`: `text` as stored (decoded as UTF-8), `json` its parse,
 * or `undefined` when the text is not JSON (Meta validates what it stores, so that is rare, and
 * the text is still worth having). The file's host is not NXCloud: its failures are read from the
 * HTTP status.
 */
function flowJsonDocumentFrom(response: HttpResponse, id: string, nowMs: number): FlowJsonDocument {
  const { status } = response;
  const options = { provider: NXCLOUD_PROVIDER_ID, httpStatusCode: status, outcome: 'failed' } as const;
  if (status === 429) {
    const retryAfter = response.headers['retry-after'];
    const retryAfterMs = parseRetryAfter(Array.isArray(retryAfter) ? retryAfter[0] : retryAfter, nowMs);
    throw new RateLimitError(`The host of flow ${id}'s Flow JSON throttled the download (HTTP 429)`, {
      ...options,
      ...(retryAfterMs !== undefined && { retryAfterMs }),
    });
  }
  if (status >= 500) {
    throw new ProviderUnavailableError(
      `The host of flow ${id}'s Flow JSON is unavailable: HTTP ${status} to the download`,
      options,
    );
  }
  if (status < 200 || status >= 300) {
    throw new ResponseFormatError(
      `The host of flow ${id}'s Flow JSON answered the download with HTTP ${status}`,
      options,
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(response.body);
  } catch {
    throw new ResponseFormatError(`The Flow JSON of flow ${id} is not UTF-8 text`, options);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { json, text };
}
