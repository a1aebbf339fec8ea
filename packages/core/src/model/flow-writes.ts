import type { FlowValidationError } from './flow.js';

/** What a vendor reports about a flow it has just created. */
export interface CreatedFlow {
  readonly id: string;
}

/**
 * A flow's Flow JSON as the vendor serves it: `text` exactly as stored, `json` its parse.
 * `json` is `undefined` when the text is not JSON.
 */
export interface FlowJsonDocument {
  readonly json: unknown;
  readonly text: string;
}

/**
 * What a vendor reports after taking a Flow JSON: Meta's `validation_errors`, which must all be
 * fixed before the flow can be published. Empty when the vendor found none or reports none
 * (CAMS reports none: validate offline with `validateFlowJson`).
 */
export interface FlowJsonUpdate {
  readonly validationErrors: readonly FlowValidationError[];
}

/** The answer to a write that returns nothing but success. */
export interface FlowWriteAck {
  readonly id: string;
}
