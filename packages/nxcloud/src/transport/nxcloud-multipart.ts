import { InvalidRequestError } from '@whatsapp-bsp/core';
import { isWellFormedText } from '@whatsapp-bsp/core/adapter';
import { NXCLOUD_PROVIDER_ID } from '../nxcloud-id.js';

/** A file part of a multipart/form-data body. */
export interface NxcloudFormFile {
  /** The file's bytes, or its text (sent as UTF-8). */
  readonly data: string | Uint8Array;
  /** The part's `filename`, e.g. `flow.json`. */
  readonly fileName: string;
  /** The part's `Content-Type`, e.g. `application/json`. */
  readonly type: string;
}

/** The fields of one multipart/form-data body, in the order they are sent. */
export type NxcloudFormFields = Readonly<Record<string, string | NxcloudFormFile>>;

export interface NxcloudMultipartBody {
  /** The exact bytes to send. */
  readonly body: Uint8Array;
  /** `multipart/form-data; boundary=…`, naming the boundary the body uses. */
  readonly contentType: string;
}

/**
 * Encodes the form NXCloud's upload endpoints take (updateFlowJson's `flow_id`,
 * `messaging_product` and `file`), with Node's own FormData encoder: the boundary is random and
 * the part headers are escaped as the Fetch standard requires, so no field value can forge a part.
 * NXCloud signs multipart requests without their body, so these bytes are sent, never signed.
 *
 * @throws InvalidRequestError (nothing sent) naming the field whose text holds a lone surrogate:
 *   FormData would send U+FFFD in its place, not what the caller gave.
 */
export async function encodeNxcloudMultipart(fields: NxcloudFormFields): Promise<NxcloudMultipartBody> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === 'string') {
      requireEncodable(name, value);
      form.append(name, value);
    } else {
      if (typeof value.data === 'string') requireEncodable(name, value.data);
      requireEncodable(`${name}.fileName`, value.fileName);
      form.append(name, new Blob([value.data], { type: value.type }), value.fileName);
    }
  }
  // A Response serialises a FormData exactly as fetch would send it, boundary included.
  const encoded = new Response(form);
  const contentType = encoded.headers.get('content-type') ?? '';
  return { body: new Uint8Array(await encoded.arrayBuffer()), contentType };
}

function requireEncodable(field: string, text: string): void {
  if (!isWellFormedText(text)) {
    throw new InvalidRequestError(
      `\`${field}\` holds text that cannot be encoded (a lone surrogate); nothing was sent`,
      { provider: NXCLOUD_PROVIDER_ID, field },
    );
  }
}
