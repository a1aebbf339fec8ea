import type { FlowLifecycle } from '../flows/flow-lifecycle.js';
import type { ObjectStore } from '../oss/object-store.js';
import type { UploadCredentialIssuer } from '../oss/upload-credentials.js';
import type { TemplateReview } from '../review/template-review.js';
import type { EmulatorStore } from '../store/emulator-store.js';

/** A request's parameters, from the query string and the form body alike. */
export type CamsParams = Map<string, string>;
export type CamsJson = Record<string, unknown>;

export interface CamsContext {
  store: EmulatorStore;
  review: TemplateReview;
  flows: FlowLifecycle;
  now: () => number;
  /** The server's own `http://host:port`, for the links it hands out. */
  origin: () => string;
  /** Where uploads go: the OSS look-alike's bucket, its URL and the credentials it accepts. */
  uploads?: CamsUploads;
}

export interface CamsUploads {
  bucket: string;
  /** The OSS look-alike's URL, known once it listens. */
  endpoint(): string;
  credentials: UploadCredentialIssuer;
  /** What was uploaded, which CAMS can then fetch by URL. */
  objects: ObjectStore;
}

/** One CAMS action: what the common checks need to know about it, and its own logic. */
export interface CamsOperation {
  /** The `x-acs-action` value. */
  action: string;
  /** Template operations require the account's `CustSpaceId`; flow operations take it optionally. */
  requiresCustSpaceId: boolean;
  /**
   * The answer's fields besides `RequestId`, `Code` and `Message`. Vendor errors are thrown as
   * `CamsApiError`.
   */
  handle(params: CamsParams, context: CamsContext): CamsJson;
}
