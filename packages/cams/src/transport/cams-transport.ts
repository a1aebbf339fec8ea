import OpenApiModule, { Config, OpenApiRequest, Params } from '@alicloud/openapi-client';
import type TeaUtilModule from '@alicloud/tea-util';
import type { ProviderCallContext } from '@whatsapp-bsp/core';
import { parseRetryAfter } from '@whatsapp-bsp/core/adapter';
import type { CamsSettings } from '../cams-options.js';
import type { CamsAnswer } from './cams-answer.js';
import { createCredentialSource } from './cams-credentials.js';
import { camsTransportError } from './cams-errors.js';
import { answerHead, forgetAnswer, NONCE_HEADER, watchedNonce } from './cams-http-status.js';
import { commonJsDefault, requireLoaded } from './commonjs-default.js';
import { readCamsAnswer } from './read-cams-answer.js';

const OpenApiClient = commonJsDefault(OpenApiModule);
const { RuntimeOptions } = requireLoaded<typeof TeaUtilModule>('@alicloud/tea-util');

const API_VERSION = '2020-06-06';

/**
 * Where the official SDK, @alicloud/cams20200606 1.4.2, puts each action's parameters: the form
 * body or the query string (cams-sdk-fidelity.test.ts holds the adapter to it).
 */
const CAMS_ACTIONS = {
  GetFlow: 'body',
  ListFlow: 'body',
  GetFlowPreviewUrl: 'body',
  ListChatappTemplate: 'query',
  GetChatappTemplateDetail: 'query',
} as const satisfies Record<string, 'body' | 'query'>;

export type CamsAction = keyof typeof CAMS_ACTIONS;

/**
 * Sends one signed request; no retry. Rejects with a core error. openapi-client takes no
 * AbortSignal and hands out no request to destroy, so there is nothing to cancel: the core client
 * answers a timeout or an abort at once and lets the request run out, and the context's signal is
 * never read (reading it would create it, which costs every call).
 */
export type CamsSend = (
  action: CamsAction,
  parameters: Readonly<Record<string, string>>,
  context: ProviderCallContext,
) => Promise<CamsAnswer>;

/**
 * One openapi-client per provider, called through its generic `callApi`: the response body comes
 * back as the raw string, so no field is dropped and we parse it ourselves (the library would
 * throw a bare SyntaxError on an HTML page or an empty 204). Signing is the library's default,
 * ACS3-HMAC-SHA256.
 */
export function createCamsTransport(settings: CamsSettings): CamsSend {
  const credentials = createCredentialSource(settings);
  const client = new OpenApiClient(
    new Config({
      credential: credentials.credential,
      endpoint: settings.endpoint,
      protocol: settings.protocol,
    }),
  );
  const now = settings.now ?? Date.now;
  // What is the same on every call is built once: the library's models are costly to construct.
  const paramsByAction = Object.fromEntries(
    Object.keys(CAMS_ACTIONS).map((action) => [action, rpcParams(action as CamsAction, settings.protocol)]),
  ) as Record<CamsAction, Params>;
  const runtimeOptions = new RuntimeOptionsCache();
  const signingDate = new SigningDate();

  async function send(
    action: CamsAction,
    parameters: Readonly<Record<string, string>>,
    context: ProviderCallContext,
  ): Promise<CamsAnswer> {
    // Core's attempt already times this call out; these are a second bound on the same budget, on
    // purpose. openapi-client cannot be cancelled, so after core gives up only the timers of its
    // HTTP layer (httpx) end the request and free the socket. httpx arms them on every request,
    // 3 s each when given none: a read timer, and the connect timeout as the socket's idle
    // timeout. So they get the attempt's budget, which never cuts a call shorter than core would
    // and never holds a socket longer; the options can only tighten them.
    const connectTimeout = Math.min(context.timeoutMs, settings.connectTimeoutMs ?? Number.POSITIVE_INFINITY);
    const readTimeout = Math.min(context.timeoutMs, settings.readTimeoutMs ?? Number.POSITIVE_INFINITY);
    // The idle timeout runs through the whole exchange too: the shorter one wins.
    const timeoutMs = Math.min(connectTimeout, readTimeout);
    const nonce = watchedNonce();
    const request = new OpenApiRequest({
      headers: { [NONCE_HEADER]: nonce, 'x-acs-date': signingDate.at(now()) },
      [CAMS_ACTIONS[action]]: parameters,
    });
    try {
      let response: Awaited<ReturnType<typeof client.callApi>>;
      try {
        response = await client.callApi(
          paramsByAction[action],
          request,
          runtimeOptions.get(connectTimeout, readTimeout),
        );
      } catch (error) {
        const head = answerHead(nonce);
        throw camsTransportError(error, {
          httpStatusCode: head.status,
          retryAfterMs: parseRetryAfter(head.retryAfter, now()),
          timeoutMs,
          secrets: head.withSignature(credentials.secrets()),
        });
      }
      return readCamsAnswer(
        action,
        response,
        () => answerHead(nonce).withSignature(credentials.secrets()),
        now,
      );
    } finally {
      forgetAnswer(nonce);
    }
  }

  return send;
}

function rpcParams(action: CamsAction, protocol: string): Params {
  return new Params({
    action,
    version: API_VERSION,
    protocol,
    pathname: '/',
    method: 'POST',
    authType: 'AK',
    style: 'RPC',
    reqBodyType: 'formData',
    bodyType: 'string',
  });
}

/** The runtime options of the last budget asked for: in practice every call asks for the same. */
class RuntimeOptionsCache {
  private last:
    | { connectTimeout: number; readTimeout: number; options: InstanceType<typeof RuntimeOptions> }
    | undefined;

  get(connectTimeout: number, readTimeout: number): InstanceType<typeof RuntimeOptions> {
    const last = this.last;
    if (last?.connectTimeout === connectTimeout && last.readTimeout === readTimeout) return last.options;
    const options = new RuntimeOptions({
      connectTimeout,
      readTimeout,
      // The client retries; the library's own loop stays off.
      autoretry: false,
      maxAttempts: 1,
    });
    this.last = { connectTimeout, readTimeout, options };
    return options;
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
