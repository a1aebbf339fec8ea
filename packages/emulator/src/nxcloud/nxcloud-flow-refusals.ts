import type { FlowRefusal } from '../flows/flow-refusal.js';
import type { VendorResponse } from '../server/vendor-protocol.js';
import { invalidParameter, type MetaError, metaErrorAnswer, objectNotFound } from './nxcloud-errors.js';

/*
 * Meta's refusals of flow writes, relayed as NXCloud relays Meta's errors (code 400, Meta's error
 * in `data.error`). The codes come from Meta's "WhatsApp Flows error codes" page
 * (https://developers.facebook.com/docs/whatsapp/flows/reference/error-codes): 100 "Flow name is
 * not unique", 139001 "Flow can't be updated", 139002 "Publishing Flow in invalid state" and
 * "Publishing Flow with validation errors", 139003 "Can't deprecate unpublished flow" and "Flow is
 * already deprecated", 139004 "Can't delete published Flow". That page lists no subcodes; the only
 * one documented for these is 4016010 with 139001 ("Updating attempt failed"), in the failure
 * example of NXCloud's updateFlowJson page, so only 139001 carries one. The other `message` texts
 * ("Publishing attempt failed", ...) follow that example's pattern: the emulator's, unverified.
 */

/** The state refusals of each operation: Meta's code, subcode, message and title. */
const STATE_REFUSALS = {
  update: {
    code: 139001,
    error_subcode: 4016010,
    message: 'Updating attempt failed',
    title: "Flow can't be updated",
  },
  updateJson: {
    code: 139001,
    error_subcode: 4016010,
    message: 'Updating attempt failed',
    title: "Flow can't be updated",
  },
  publish: { code: 139002, message: 'Publishing attempt failed', title: 'Publishing Flow in invalid state' },
  deprecate: {
    code: 139003,
    message: 'Deprecating attempt failed',
    title: "Can't deprecate unpublished flow",
  },
  delete: { code: 139004, message: 'Deleting attempt failed', title: "Can't delete published Flow" },
} as const;

/**
 * NXCloud's answer to a refused flow write. `operation` is the NXCloud operation name (it prefixes
 * the envelope's message, `publishFlow error`), `flowId` the id the request named.
 */
export function nxcloudFlowRefusal(operation: string, refusal: FlowRefusal, flowId: string): VendorResponse {
  switch (refusal.kind) {
    case 'not-found':
      // A clone's missing source is a bad parameter of the create; a missing flow, Graph's unknown object.
      return refusal.details.field
        ? invalidParameter(operation, refusal.message)
        : objectNotFound(operation, flowId, 'post');
    case 'name-taken':
      return metaErrorAnswer(operation, {
        message: 'Invalid parameter',
        type: 'OAuthException',
        code: 100,
        is_transient: false,
        error_user_title: 'Flow name is not unique',
        error_user_msg: refusal.message,
      });
    case 'invalid-input':
      return invalidParameter(operation, refusal.message);
    case 'validation-errors':
      return metaErrorAnswer(operation, {
        message: 'Publishing attempt failed',
        type: 'OAuthException',
        code: 139002,
        is_transient: false,
        error_user_title: 'Publishing Flow with validation errors',
        error_user_msg: refusal.message,
      });
    case 'wrong-state': {
      if (refusal.operation === 'create') return invalidParameter(operation, refusal.message);
      const refused: { code: number; error_subcode?: number; message: string; title: string } =
        STATE_REFUSALS[refusal.operation];
      // Meta's field order: message, type, code, error_subcode, ...
      const meta: MetaError = {
        message: refused.message,
        type: 'OAuthException',
        code: refused.code,
        ...(refused.error_subcode === undefined ? {} : { error_subcode: refused.error_subcode }),
        is_transient: false,
        error_user_title:
          refusal.operation === 'deprecate' && refusal.details.status === 'DEPRECATED'
            ? 'Flow is already deprecated'
            : refused.title,
        error_user_msg: refusal.message,
      };
      return metaErrorAnswer(operation, meta);
    }
  }
}
