import { EMULATOR_WABA_ID, type NxcloudAccount } from '../credentials.js';
import type { CallbackRequest, EmulatorEvent } from '../webhooks/emulator-event.js';
import { type NxcloudSignAlgorithm, nxcloudSignature } from './nxcloud-signature.js';

/** The headers of a signed callback, by role. */
export type NxcloudCallbackHeader = 'accessKey' | 'action' | 'bizType' | 'ts' | 'sign' | 'algorithm';

/**
 * NXCloud says a callback is signed "per the signature algorithm" when the application has one
 * configured, but not in which headers. These are the request headers' names, which is what the
 * library's receiver assumes (its NXCLOUD_CALLBACK_SIGNATURE_HEADERS); each can be renamed.
 */
export const NXCLOUD_CALLBACK_HEADER_NAMES: Readonly<Record<NxcloudCallbackHeader, string>> = {
  accessKey: 'accessKey',
  action: 'action',
  bizType: 'bizType',
  ts: 'ts',
  sign: 'sign',
  algorithm: 'algorithm',
};

/** How the emulator signs NXCloud callbacks; unsigned when absent. */
export interface NxcloudCallbackSigning {
  /** Default: the NXCloud account's accessSecret. */
  secret?: string;
  /** Default `md5`; the `algorithm` header is sent for `sha256` only, as on requests. */
  algorithm?: NxcloudSignAlgorithm;
  headerNames?: Partial<Record<NxcloudCallbackHeader, string>>;
}

/**
 * NXCloud's callback for an event (the template or the flows webhook, see `nxcloudCallbackBody`),
 * with the time in Unix seconds. When signing is configured, each attempt is signed afresh (its
 * own `ts`) over the exact body, as NXCloud signs its requests; the `action` header carries the
 * subscription (`field`).
 */
export function nxcloudCallback(
  event: EmulatorEvent,
  account: NxcloudAccount,
  signing: NxcloudCallbackSigning | undefined,
): CallbackRequest | undefined {
  const { field, body } = nxcloudCallbackBody(event, account);
  return {
    body,
    headers: (nowMs) => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (!signing) return headers;
      const names = { ...NXCLOUD_CALLBACK_HEADER_NAMES, ...signing.headerNames };
      const algorithm = signing.algorithm ?? 'md5';
      const signed = { accessKey: account.accessKey, action: field, bizType: '2', ts: String(nowMs) };
      for (const [role, value] of Object.entries(signed))
        headers[names[role as NxcloudCallbackHeader]] = value;
      headers[names.sign] = nxcloudSignature(
        signed,
        Buffer.from(body),
        signing.secret ?? account.accessSecret,
        algorithm,
      );
      if (algorithm === 'sha256') headers[names.algorithm] = algorithm;
      return headers;
    },
  };
}

/**
 * The `{ field, value }` body of NXCloud's callback for an event: the template webhook
 * (`message_template_status_update`) or the flows webhook (`flows`, `FLOW_STATUS_CHANGE`), field
 * order as in each page's example.
 * https://github.com/nxtele/http-api-document/wiki/template-webhook
 * https://github.com/nxtele/http-api-document/wiki/flows-webhook
 */
function nxcloudCallbackBody(event: EmulatorEvent, account: NxcloudAccount): { field: string; body: string } {
  const time = Math.floor(event.at / 1000);
  if (event.type === 'flow.status') {
    const { flow } = event;
    const field = 'flows';
    return {
      field,
      body: JSON.stringify({
        field,
        value: {
          business_phone: account.businessPhone,
          event: 'FLOW_STATUS_CHANGE',
          flow_id: flow.id,
          message:
            event.previousStatus === undefined
              ? `Flow ${flow.name} was created with status ${flow.status}`
              : `Flow ${flow.name} changed status from ${event.previousStatus} to ${flow.status}`,
          new_status: flow.status,
          // The page: absent when a flow is created as DRAFT (JSON.stringify drops undefined).
          old_status: event.previousStatus,
          time,
          wabaId: EMULATOR_WABA_ID,
        },
      }),
    };
  }
  const { template } = event;
  const field = 'message_template_status_update';
  return {
    field,
    body: JSON.stringify({
      field,
      value: {
        business_phone: account.businessPhone,
        event: template.status,
        message_template_id: template.id,
        message_template_language: template.language,
        message_template_name: template.name,
        reason: template.rejectedReason ?? 'NONE',
        time,
        wabaId: EMULATOR_WABA_ID,
      },
    }),
  };
}
