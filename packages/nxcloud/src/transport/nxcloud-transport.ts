import { BspError, ConfigError, InvalidRequestError, type ProviderCallContext } from '@whatsapp-bsp/core';
import { HttpAgents, type HttpResponse, isWellFormedText, sendHttpRequest } from '@whatsapp-bsp/core/adapter';
import { NXCLOUD_PROVIDER_ID } from '../nxcloud-id.js';
import type { NxcloudOperation, ResolvedNxcloudOptions } from '../nxcloud-options.js';
import type { NxcloudAnswer } from './nxcloud-answer.js';
import { encodeMultipartForm, type NxcloudFormFields } from './nxcloud-multipart.js';
import { readNxcloudResponse } from './nxcloud-response.js';
import { signNxcloud } from './nxcloud-sign.js';

/** NXCloud's business line for WhatsApp, sent as the `bizType` header. */
const WHATSAPP_BIZ_TYPE = '2';

export interface NxcloudTransport {
  /** One signed JSON POST; throws a core error for every kind of failure. */
  post(
    operation: NxcloudOperation,
    payload: Readonly<Record<string, unknown>>,
    context: ProviderCallContext,
  ): Promise<NxcloudAnswer>;
  /**
   * One `multipart/form-data` POST, signed without its body as NXCloud's upload endpoints are (the
   * convention page: 计算签名时无需拼接body参数); throws a core error for every kind of failure.
   */
  postMultipart(
    operation: NxcloudOperation,
    fields: NxcloudFormFields,
    context: ProviderCallContext,
  ): Promise<NxcloudAnswer>;
  /**
   * A GET of a file an NXCloud answer links to on another host (a Flow JSON's `download_url`),
   * through the same agents, proxy and TLS rules, bounded by `maxResponseBytes` and cancelled by
   * the attempt's abort. No NXCloud header goes with it: the host is not NXCloud's. Any status
   * but a redirect is returned for the caller to judge.
   */
  download(url: string, maxResponseBytes: number, context: ProviderCallContext): Promise<HttpResponse>;
}

/**
 * NXCloud's requests, sent through core's shared transport: keep-alive agents built once per
 * provider, no retries of its own (the client retries), no timer of its own (the attempt's abort
 * cancels the request), bounded response bodies, redirects as errors, the proxy settings and the
 * same TLS verification as every other vendor.
 */
export function createNxcloudTransport(options: ResolvedNxcloudOptions): NxcloudTransport {
  const agents = httpAgentsFor(options);
  // The headers that are the same on every request, built once.
  const fixedHeaders = {
    accessKey: options.accessKey,
    bizType: WHATSAPP_BIZ_TYPE,
    ...(options.signAlgorithm === 'sha256' ? { algorithm: 'sha256' } : {}),
    accept: 'application/json',
  };
  const proxyPassword = passwordOf(options.proxy);

  /** Signs `signedBody` (the body, or '' for body-less signing), sends `body`, reads the answer. */
  async function send(
    operation: NxcloudOperation,
    body: string | Uint8Array,
    signedBody: string,
    contentType: string,
    context: ProviderCallContext,
  ): Promise<NxcloudAnswer> {
    const ts = String(options.now());
    const sign = signNxcloud({
      accessKey: options.accessKey,
      accessSecret: options.accessSecret,
      action: operation.action,
      bizType: WHATSAPP_BIZ_TYPE,
      ts,
      body: signedBody,
      algorithm: options.signAlgorithm,
    });
    const secrets = [options.accessSecret, sign];
    const response = await sendHttpRequest({
      method: 'POST',
      url: `${options.baseUrl}${operation.path}`,
      headers: { ...fixedHeaders, 'content-type': contentType, ts, action: operation.action, sign },
      body,
      context,
      agents,
      proxy: options.proxy,
      allowInsecureHttp: options.allowInsecureHttp,
      maxResponseBytes: options.maxResponseBytes,
      provider: NXCLOUD_PROVIDER_ID,
      secrets: proxyPassword === undefined ? secrets : [...secrets, proxyPassword],
    });
    return readNxcloudResponse(
      { statusCode: response.status, headers: response.headers, body: response.body.toString('utf8') },
      operation.action,
      options.now(),
      secrets,
    );
  }

  return {
    async post(operation, payload, context) {
      checkEncodable(payload);
      // Serialised once: this exact string is both signed and sent.
      const body = JSON.stringify(payload);
      return send(operation, body, body, 'application/json', context);
    },

    async postMultipart(operation, fields, context) {
      // A file's name travels in its part's header: the same rule holds for it, under its own name.
      checkEncodable(
        Object.fromEntries(
          Object.entries(fields).map(([name, value]) =>
            typeof value === 'string' ? [name, value] : ['fileName', value.fileName],
          ),
        ),
      );
      const form = await encodeMultipartForm(fields);
      return send(operation, form.body, '', form.contentType, context);
    },

    download(url, maxResponseBytes, context) {
      return sendHttpRequest({
        method: 'GET',
        url,
        headers: { accept: 'application/json, */*' },
        context,
        agents,
        proxy: options.proxy,
        allowInsecureHttp: options.allowInsecureHttp,
        maxResponseBytes,
        provider: NXCLOUD_PROVIDER_ID,
        // A link to a stored file may carry a token in its query; errors name only the host.
        secrets: proxyPassword === undefined ? [options.accessSecret] : [options.accessSecret, proxyPassword],
      });
    },
  };
}

/** The provider's agents; a `ca` that holds no PEM certificate is refused now, naming the option. */
function httpAgentsFor(options: ResolvedNxcloudOptions): HttpAgents {
  if (options.ca === undefined) return new HttpAgents();
  try {
    return new HttpAgents({ ca: options.ca });
  } catch (error) {
    if (!BspError.isInstance(error)) throw error;
    throw new ConfigError(`Invalid NXCloud options: \`ca\` is refused. ${error.message}`, {
      provider: NXCLOUD_PROVIDER_ID,
      field: 'ca',
    });
  }
}

/** The password of a proxy URL, to keep out of errors whatever reports it. */
function passwordOf(proxy: string | false | undefined): string | undefined {
  if (typeof proxy !== 'string') return undefined;
  const { password } = new URL(proxy);
  if (password === '') return undefined;
  try {
    return decodeURIComponent(password);
  } catch {
    return password;
  }
}

/**
 * Refuses text with a lone surrogate before it is serialised. JSON.stringify would write it as a
 * `\ud800` escape, which is valid JSON and would be signed and sent, leaving NXCloud (and Meta
 * behind it) to decide what a half character means; no name or id NXCloud knows holds one.
 */
function checkEncodable(payload: Readonly<Record<string, unknown>>): void {
  for (const [field, value] of Object.entries(payload)) {
    if (typeof value === 'string' && !isWellFormedText(value)) {
      throw new InvalidRequestError(
        `\`${field}\` holds text that cannot be encoded (a lone surrogate); nothing was sent`,
        { provider: NXCLOUD_PROVIDER_ID, field },
      );
    }
  }
}
