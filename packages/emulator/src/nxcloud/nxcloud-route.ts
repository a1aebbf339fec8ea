import type { VendorResponse } from '../server/vendor-protocol.js';
import type { EmulatorStore } from '../store/emulator-store.js';

/** A request body once parsed: always a JSON object. */
export type NxcloudBody = Record<string, unknown>;

export interface NxcloudContext {
  store: EmulatorStore;
  now: () => number;
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
  /** Body fields whose absence is error 9000. */
  required: readonly string[];
  /** The body field that names the merchant's number, checked against the account. */
  phoneField?: 'business_phone' | 'phone';
  handle(body: NxcloudBody, context: NxcloudContext): VendorResponse;
}
