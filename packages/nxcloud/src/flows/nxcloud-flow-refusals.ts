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

/**
 * Code 139003 is given to "Can't deprecate unpublished flow" and "Flow is already deprecated" on
 * the same page; only the second names the flow's status.
 */
const ALREADY_DEPRECATED = /\balready deprecated\b/i;

/**
 * Turns the refusals that Meta's "WhatsApp Flows error codes" page makes certain, and whose
 * ConflictError this adapter can fill in, into one; every other error is returned as it is.
 *
 * - create, update: code 100 "Flow name is not unique" → ConflictError (a name has no status).
 * - deprecate: code 139003 "Flow is already deprecated" → ConflictError, `state: 'DEPRECATED'`.
 *
 * The page's other status refusals are left to the core client, which confirms an unclassified
 * refusal by reading the flow and reports a ConflictError whose `state` is the status it read:
 * more than this adapter could say, as Meta's words do not name the status ("Can't deprecate
 * unpublished flow", 139003; "Can't delete published Flow", 139004, whether the flow is PUBLISHED,
 * THROTTLED, BLOCKED or DEPRECATED) or share their code with refusals that are not about status
 * (139001 on update, also "Error while processing Flow JSON"; 139002 on publish, also validation
 * errors, a missing endpoint or public key).
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
  if (write === 'deprecate' && meta.code === 139003 && ALREADY_DEPRECATED.test(meta.text)) {
    return conflict('the flow is already deprecated', 'DEPRECATED');
  }
  return error;
}

function said(text: string): string {
  return text === '' ? '' : ` (${text.replaceAll('\n', '; ')})`;
}
