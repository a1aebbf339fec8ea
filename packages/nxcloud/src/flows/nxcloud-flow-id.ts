import { InvalidRequestError } from '@whatsapp-bsp/core';
import { NXCLOUD_PROVIDER_ID } from '../nxcloud-id.js';

/**
 * NXCloud's flow ids are Meta's: digit strings such as `3603023670018851`. The client has already
 * checked that `id` is a non-empty identifier; only this vendor's form is checked here, so that
 * an id that cannot be a flow is refused before anything is sent. `field` names the input, e.g.
 * `cloneFlowId`.
 */
export function requireFlowId(id: string, field = 'id'): string {
  if (!/^\d{1,32}$/.test(id)) {
    throw new InvalidRequestError(`\`${field}\` must be an NXCloud flow id: a string of up to 32 digits`, {
      provider: NXCLOUD_PROVIDER_ID,
      field,
    });
  }
  return id;
}
