import { ResponseFormatError } from '@whatsapp-bsp/core';
import { redactSecrets, type WireMismatch } from '@whatsapp-bsp/core/adapter';
import { NXCLOUD_PROVIDER_ID } from '../nxcloud-id.js';
import { redactDeep } from './nxcloud-errors.js';

/**
 * A successful NXCloud answer, handed to the resource that decodes it: the envelope's `data`, and
 * the means to report a `data` that is not what the vendor documents. The resources build their
 * bad-response errors here, so they need nothing of the transport's error classification, and
 * every such error carries the status and the secret-free body the same way.
 */
export class NxcloudAnswer {
  readonly #action: string;
  readonly #secrets: readonly string[];

  constructor(
    /** The envelope's `data`, as received. */
    readonly data: unknown,
    readonly httpStatusCode: number,
    action: string,
    secrets: readonly string[],
  ) {
    this.#action = action;
    this.#secrets = secrets;
  }

  /** For `parseWire`: the error for a `data`, or a part of it, that differs from its wire schema. */
  readonly mismatch = (detail: WireMismatch): ResponseFormatError => {
    const where = detail.path === '' ? '' : ` at \`${detail.path}\``;
    return this.badResponse(
      `NXCloud answered ${this.#action} in an undocumented shape${where}: ${detail.message}`,
    );
  };

  /** The error for a `data` that parses but cannot be the answer asked for. */
  badResponse(message: string): ResponseFormatError {
    return new ResponseFormatError(redactSecrets(message, this.#secrets), {
      provider: NXCLOUD_PROVIDER_ID,
      httpStatusCode: this.httpStatusCode,
      // NXCloud reported success, but not with the answer it documents: what it did is unknown.
      outcome: 'unknown',
      raw: redactDeep(this.data, this.#secrets),
    });
  }
}
