import type { FlowLifecycle } from '../flows/flow-lifecycle.js';
import type { TemplateReview } from '../review/template-review.js';
import type { VendorResponse } from '../server/vendor-protocol.js';
import type { EmulatorStore } from '../store/emulator-store.js';

/**
 * A request body once parsed: always an object. JSON bodies hold JSON values; multipart forms hold
 * their text fields as strings and their files as `File`s.
 */
export type NxcloudBody = Record<string, unknown>;

export interface NxcloudContext {
  store: EmulatorStore;
  review: TemplateReview;
  flows: FlowLifecycle;
  now: () => number;
  /** The server's own `http://host:port`, for the links it hands out. */
  origin: () => string;
}

/**
 * One NXCloud endpoint: its path, what the common checks need to know about it, and its own
 * logic, which runs once those checks pass.
 */
export interface NxcloudRoute {
  path: string;
  /** The vendor's name for the operation, used by fault rules and counters. */
  operation: string;
  /** `action` header values accepted on this path. */
  actions: readonly string[];
  /**
   * `multipart` for the upload endpoints: a `multipart/form-data` body, signed without it. Default
   * `json`.
   */
  bodyType?: 'json' | 'multipart';
  /** Body fields whose absence is error 9000. */
  required: readonly string[];
  /** Required fields that hold JSON structures (`components`); the others must be text. */
  structured?: readonly string[];
  /**
   * The body field that names the merchant's number, checked against the account when it is sent
   * (list it in `required` to require it).
   */
  phoneField?: 'business_phone' | 'phone';
  /** Multipart uploads read their files, so the answer may come later. */
  handle(body: NxcloudBody, context: NxcloudContext): VendorResponse | Promise<VendorResponse>;
}
