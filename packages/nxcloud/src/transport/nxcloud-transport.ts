import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { ProviderCallContext } from '@whatsapp-bsp/core';
import got from 'got';
import type { NxcloudOperation, ResolvedNxcloudOptions } from '../nxcloud-options.js';
import type { NxcloudAnswer } from './nxcloud-answer.js';
import { errorFromTransport } from './nxcloud-errors.js';
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
}

export function createNxcloudTransport(options: ResolvedNxcloudOptions): NxcloudTransport {
  const http = got.extend({
    agent: { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) },
    // The core client owns retries, with back-off and attempt counting across all adapters.
    retry: { limit: 0 },
    // Failures are told apart by the body's code, which NXCloud often sends with HTTP 200 anyway.
    throwHttpErrors: false,
    followRedirect: false,
    responseType: 'text',
    // The headers that are the same on every request are set once here, as got copies and
    // lower-cases each call's headers anew.
    headers: {
      accessKey: options.accessKey,
      bizType: WHATSAPP_BIZ_TYPE,
      ...(options.signAlgorithm === 'sha256' ? { algorithm: 'sha256' } : {}),
      'Content-Type': 'application/json',
      accept: 'application/json',
    },
  });

  return {
    async post(operation, payload, context) {
      // Told through `onAbort` rather than the signal, which Node.js is slow to create; an abort
      // that came before the request is reported at once, and nothing is sent.
      const abort = { happened: false, reason: undefined as unknown };
      let cancel = () => {};
      const stopListening = context.onAbort((reason) => {
        abort.happened = true;
        abort.reason = reason;
        cancel();
      });
      if (abort.happened) throw abort.reason;
      // Serialised once: this exact string is both signed and sent.
      const body = JSON.stringify(payload);
      const ts = String(options.now());
      const sign = signNxcloud({
        accessKey: options.accessKey,
        accessSecret: options.accessSecret,
        action: operation.action,
        bizType: WHATSAPP_BIZ_TYPE,
        ts,
        body,
        algorithm: options.signAlgorithm,
      });
      const secrets = [options.accessSecret, sign];

      // The attempt's timeout is the client's: its timer aborts the attempt, and the abort
      // listener above cancels the request. got's own `timeout` would time the same attempt
      // twice, and got's `signal` option adds listeners per request (see docs/performance.md).
      const pending = http.post(`${options.baseUrl}${operation.path}`, {
        body,
        headers: { ts, action: operation.action, sign },
      });
      cancel = () => pending.cancel();
      let response: { statusCode: number; headers: NodeJS.Dict<string | string[]>; body: string };
      try {
        response = await pending;
      } catch (error) {
        // A cancelled request surfaces as the abort's own reason (the caller's, or the client's
        // timeout error), never as a failure of its own.
        if (abort.happened) throw abort.reason;
        throw errorFromTransport(error, secrets);
      } finally {
        stopListening();
      }
      return readNxcloudResponse(response, operation.action, options.now(), secrets);
    },
  };
}
