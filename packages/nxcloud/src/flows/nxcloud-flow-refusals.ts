import { BspError, ConflictError } from '@whatsapp-bsp/core';
import { NXCLOUD_PROVIDER_ID } from '../nxcloud-id.js';
import { relayedMetaError } from '../transport/nxcloud-errors.js';

/** The flow writes whose refusals this module can classify. */
export type FlowWrite = 'create' | 'update' | 'publish' | 'deprecate' | 'delete';

/**
 * Meta's code 100 carries seven meanings on its "WhatsApp Flows error codes" page
 * (https://developers.facebook.com/docs/whatsapp/flows/reference/error-codes): a name that is not
 * unique, an invalid Flow JSON version, a flow that does not exist, two clone sources, and more.
 * Only Meta's own words tell the first apart; the page names it "Flow name is not unique".
 */
const NAME_NOT_UNIQUE = /\bnot unique\b/i;

/** On the same page, code 139003 also covers "Flow is already deprecated". */
const ALREADY_DEPRECATED = /\balready deprecated\b/i;

/**
 * Turns the refusals that Meta's "WhatsApp Flows error codes" page gives an unambiguous meaning
 * into a ConflictError; every other error is returned as it is, for the core client to confirm
 * by reading the flow (a name taken, a status that forbids the write) before it calls it a
 * conflict.
 *
 * - create, update: code 100 "Flow name is not unique" → ConflictError.
 * - deprecate: code 139003, which the page gives only to "Can't deprecate unpublished flow" and
 *   "Flow is already deprecated" → ConflictError (`state: 'DEPRECATED'` for the second).
 * - delete: code 139004 "Can't delete published Flow" → ConflictError.
 *
 * Not classified, as the page shares their codes with refusals that are not about state:
 * 139001 on update ("Flow can't be updated", but also "Error while processing Flow JSON") and
 * 139002 on publish ("Publishing Flow in invalid state", but also validation errors, a missing
 * endpoint or public key).
 */
export function classifyFlowRefusal(error: unknown, write: FlowWrite): unknown {
  if (!BspError.isInstance(error)) return error;
  const meta = relayedMetaError(error);
  if (meta === undefined) return error;
  const conflict = (what: string, state?: string) =>
    new ConflictError(`NXCloud relayed WhatsApp's refusal (code ${meta.code}): ${what}${said(meta.text)}`, {
      provider: NXCLOUD_PROVIDER_ID,
      ...(error.vendorCode !== undefined && { vendorCode: error.vendorCode }),
      ...(error.httpStatusCode !== undefined && { httpStatusCode: error.httpStatusCode }),
      outcome: 'failed',
      raw: error.raw,
      ...(state !== undefined && { state }),
    });

  if ((write === 'create' || write === 'update') && meta.code === 100 && NAME_NOT_UNIQUE.test(meta.text)) {
    return conflict('another flow of this WhatsApp Business Account already has this name');
  }
  if (write === 'deprecate' && meta.code === 139003) {
    return ALREADY_DEPRECATED.test(meta.text)
      ? conflict('the flow is already deprecated', 'DEPRECATED')
      : conflict('only a published flow can be deprecated');
  }
  if (write === 'delete' && meta.code === 139004) {
    return conflict('only a draft flow can be deleted; deprecate a published flow instead');
  }
  return error;
}

function said(text: string): string {
  return text === '' ? '' : ` (${text.replaceAll('\n', '; ')})`;
}
