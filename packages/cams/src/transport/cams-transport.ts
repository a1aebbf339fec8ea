import { randomUUID } from 'node:crypto';
import { stringify } from 'node:querystring';
import type OpenApiUtilModule from '@alicloud/openapi-util';
import type TeaUtilModule from '@alicloud/tea-util';
import { ConfigError, InvalidRequestError, type ProviderCallContext } from '@whatsapp-bsp/core';
import { HttpAgents, isWellFormedText, once, sendHttpRequest } from '@whatsapp-bsp/core/adapter';
import { type CamsSettings, camsOrigin } from '../cams-options.js';
import type { CamsAnswer } from './cams-answer.js';
import { type CamsKeys, createCredentialSource } from './cams-credentials.js';
import { commonJsDefault, requireCommonJs } from './commonjs-default.js';
import { readCamsAnswer } from './read-cams-answer.js';

/*
 * Requests are signed by Alibaba's own code (@alicloud/openapi-util, which
 * @alicloud/openapi-client 0.4 signs with) and sent through core's shared transport. Alibaba's
 * HTTP layer (tea-typescript over httpx) takes no agent, no proxy and no size limit, cannot be
 * cancelled, and prints request headers (the signature, the STS token) under `DEBUG=*`.
 * What follows is what openapi-client's `doRequest` does for an RPC action signed
 * ACS3-HMAC-SHA256 with an AccessKey or STS credential: cams-signing.test.ts holds each request
 * to openapi-client's byte for byte, cams-sdk-fidelity.test.ts the parameters to the official
 * SDK's, and the emulator checks each signature independently.
 */

const API_VERSION = '2020-06-06';
const SIGNATURE_ALGORITHM = 'ACS3-HMAC-SHA256';
const PATHNAME = '/';
const METHOD = 'POST';

/**
 * Alibaba's code, loaded on the first request rather than at import (tens of milliseconds): a
 * process that only parses CAMS callbacks, or never calls CAMS, does without it.
 */
const alibaba = once(() => {
  const OpenApiUtil = commonJsDefault(requireCommonJs<typeof OpenApiUtilModule>('@alicloud/openapi-util'));
  const TeaUtil = commonJsDefault(requireCommonJs<typeof TeaUtilModule>('@alicloud/tea-util'));
  /** The hex SHA-256 of a body, as openapi-util computes `x-acs-content-sha256`. */
  const payloadHash = (body: string) =>
    OpenApiUtil.hexEncode(OpenApiUtil.hash(Buffer.from(body), SIGNATURE_ALGORITHM));
  return {
    OpenApiUtil,
    payloadHash,
    /** `x-acs-content-sha256` of a request without a body (the query-placed actions). */
    emptyBodyHash: payloadHash(''),
    /** openapi-client's, so that CAMS sees the same client as before. */
    userAgent: TeaUtil.getUserAgent(''),
  };
});

/**
 * Where the official SDK, @alicloud/cams20200606 1.4.2, puts each action's parameters: the form
 * body or the query string (cams-sdk-fidelity.test.ts holds the adapter to it).
 */
const CAMS_ACTIONS = {
  GetFlow: 'body',
  ListFlow: 'body',
  GetFlowPreviewUrl: 'body',
  GetFlowJSONAssest: 'body',
  CreateFlow: 'body',
  ModifyFlow: 'body',
  UpdateFlowJSONAsset: 'body',
  PublishFlow: 'body',
  DeprecateFlow: 'body',
  DeleteFlow: 'body',
  ListChatappTemplate: 'query',
  GetChatappTemplateDetail: 'query',
  CreateChatappTemplate: 'body',
  ModifyChatappTemplate: 'body',
  DeleteChatappTemplate: 'query',
  GetChatappUploadAuthorization: 'query',
} as const satisfies Record<string, 'body' | 'query'>;

export type CamsAction = keyof typeof CAMS_ACTIONS;

/**
 * Sends one signed request; no retry (the core client retries) and no timer (the attempt's abort
 * cancels the request, through `context.onAbort`). Rejects with a core error, or with the abort's
 * reason.
 */
export type CamsSend = (
  action: CamsAction,
  parameters: Readonly<Record<string, string>>,
  context: ProviderCallContext,
) => Promise<CamsAnswer>;

/** One transport per provider: its credentials, its keep-alive agents, its settings. */
export function createCamsTransport(settings: CamsSettings): CamsSend {
  const credentials = createCredentialSource(settings);
  const origin = camsOrigin(settings);
  const agents = httpAgents(settings);
  const now = settings.now ?? Date.now;
  const signingDate = new SigningDate();
  const { proxy, allowInsecureHttp, maxResponseBytes } = settings;

  return async function send(action, parameters, context) {
    refuseUnencodable(parameters);
    const keys = await credentials.keys();
    const placement = CAMS_ACTIONS[action];
    const query = placement === 'query' ? parameters : {};
    const body = placement === 'body' ? alibaba().OpenApiUtil.toForm(parameters) : undefined;
    const headers = signedHeaders(action, settings.endpoint, signingDate.at(now()), query, body, keys);
    // What errors must not show: the keys, the token, and this request's signature.
    const secrets = [...credentials.secrets(), signatureOf(headers.Authorization)];
    const response = await sendHttpRequest({
      method: METHOD,
      // Encoded as tea-typescript encodes it (Node's querystring); the signature covers the decoded values.
      url: placement === 'query' ? `${origin}${PATHNAME}?${stringify(query)}` : `${origin}${PATHNAME}`,
      headers,
      ...(body !== undefined && { body }),
      context,
      agents,
      ...(proxy !== undefined && { proxy }),
      ...(allowInsecureHttp !== undefined && { allowInsecureHttp }),
      ...(maxResponseBytes !== undefined && { maxResponseBytes }),
      provider: 'cams',
      secrets,
    });
    return readCamsAnswer(
      action,
      { statusCode: response.status, headers: response.headers, body: response.body.toString('utf8') },
      () => secrets,
      now,
    );
  };
}

/**
 * The headers of one request, `Authorization` included, in the order and with the values
 * openapi-client 0.4 gives them for an RPC action: every `x-acs-*` header, `host` and
 * `content-type` are signed.
 */
function signedHeaders(
  action: CamsAction,
  host: string,
  date: string,
  query: Readonly<Record<string, string>>,
  body: string | undefined,
  keys: CamsKeys,
): Record<string, string> {
  const { OpenApiUtil, payloadHash, emptyBodyHash, userAgent } = alibaba();
  const headers: Record<string, string> = {
    host,
    'x-acs-version': API_VERSION,
    'x-acs-action': action,
    'user-agent': userAgent,
    'x-acs-date': date,
    // Unique per request, which is all CAMS asks of it.
    'x-acs-signature-nonce': randomUUID(),
    accept: 'application/json',
  };
  if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
  const hash = body === undefined ? emptyBodyHash : payloadHash(body);
  headers['x-acs-content-sha256'] = hash;
  // Sent and signed as openapi-client does, so that requests stay what they were.
  if (keys.providerName !== undefined) headers['x-acs-credentials-provider'] = keys.providerName;
  if (keys.securityToken !== undefined) {
    headers['x-acs-accesskey-id'] = keys.accessKeyId;
    headers['x-acs-security-token'] = keys.securityToken;
  }
  const request = { pathname: PATHNAME, method: METHOD, query, headers };
  headers.Authorization = OpenApiUtil.getAuthorization(
    request as unknown as Parameters<typeof OpenApiUtil.getAuthorization>[0],
    SIGNATURE_ALGORITHM,
    hash,
    keys.accessKeyId,
    keys.accessKeySecret,
  );
  return headers;
}

/** The signature in an `Authorization` header: openapi-util hands out only the whole header. */
function signatureOf(authorization: string | undefined): string {
  return /Signature=([0-9a-f]+)/.exec(authorization ?? '')?.[1] ?? '';
}

/**
 * Text with a lone surrogate has no UTF-8 encoding: the encoders would throw a URIError, or
 * quietly send U+FFFD instead of what was asked. Nothing is sent; it would fail the same way again.
 */
function refuseUnencodable(parameters: Readonly<Record<string, string>>): void {
  for (const [name, value] of Object.entries(parameters)) {
    if (!isWellFormedText(value)) {
      throw new InvalidRequestError(
        `The CAMS parameter ${name} holds text that cannot be encoded (a lone surrogate); nothing was sent`,
        { provider: 'cams', field: name },
      );
    }
  }
}

/** The provider's keep-alive agents, with its `ca`; a `ca` that is not PEM is the provider's ConfigError. */
export function httpAgents(settings: CamsSettings): HttpAgents {
  if (settings.ca === undefined) return new HttpAgents();
  try {
    return new HttpAgents({ ca: settings.ca });
  } catch (error) {
    if (!ConfigError.isInstance(error)) throw error;
    throw new ConfigError(`Invalid CAMS option \`ca\`: ${error.message}`, { provider: 'cams', field: 'ca' });
  }
}

/** `x-acs-date`: UTC to the second, `yyyy-MM-ddTHH:mm:ssZ`; formatted once per second. */
class SigningDate {
  private second = Number.NaN;
  private text = '';

  at(epochMs: number): string {
    const second = Math.floor(epochMs / 1000);
    if (second !== this.second) {
      this.second = second;
      this.text = new Date(second * 1000).toISOString().replace('.000Z', 'Z');
    }
    return this.text;
  }
}
