import type { ProviderCallContext } from '@whatsapp-bsp/core';

/** A file to host for CAMS: a template header sample or a Flow JSON. */
export interface Asset {
  readonly data: Uint8Array;
  /** The object's name under the upload directory, e.g. `flow-123.json`. */
  readonly fileName: string;
  readonly mimeType: string;
}

/**
 * Hosts files where CAMS can fetch them. CAMS takes media samples and Flow JSON by URL
 * (`Url` in a template's components, `FilePath` in UpdateFlowJSONAsset) and fetches them when
 * the call is made, so the file must be reachable before the call is sent. The default uploader
 * puts it in the bucket GetChatappUploadAuthorization opens; a user may give their own.
 */
export interface AssetUploader {
  /**
   * @returns the URL to hand CAMS.
   * @throws a BspError with `outcome` as for any request (the upload is a request).
   */
  upload(asset: Asset, context: ProviderCallContext): Promise<{ readonly url: string }>;
}
