/** A file part of a multipart form: its bytes, MIME type and the file name sent with it. */
export interface NxcloudFormFile {
  readonly data: Uint8Array;
  readonly mimeType: string;
  readonly fileName: string;
}

/** The fields of a multipart form, in the order they are sent: text, or a file. */
export type NxcloudFormFields = Readonly<Record<string, string | NxcloudFormFile>>;

export interface EncodedForm {
  /** The exact bytes to send. */
  readonly body: Uint8Array;
  /** `multipart/form-data; boundary=...`, naming the boundary used in `body`. */
  readonly contentType: string;
}

/**
 * Encodes a `multipart/form-data` body with Node's own Fetch API (`FormData`, `Blob`, `Response`),
 * which picks a boundary that cannot occur in the parts and escapes names and file names as the
 * HTML standard requires. NXCloud's upload endpoints (uploadTemplateFile, updateFlowJson) take
 * such bodies and are signed without them, so the bytes are built once here and sent as they are.
 */
export async function encodeMultipartForm(fields: NxcloudFormFields): Promise<EncodedForm> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, new Blob([value.data], { type: value.mimeType }), value.fileName);
  }
  const encoded = new Response(form);
  const contentType = encoded.headers.get('content-type');
  if (contentType === null || !contentType.startsWith('multipart/form-data; boundary=')) {
    // Node always sets it for a FormData body; anything else is a runtime this cannot run on.
    throw new TypeError('This runtime does not encode FormData as multipart/form-data');
  }
  return { body: new Uint8Array(await encoded.arrayBuffer()), contentType };
}
