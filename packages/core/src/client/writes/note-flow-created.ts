import { BspError } from '../../errors/bsp-error.js';

/** The steps of `flows.create` after the flow exists. */
export type FlowCreateStep = 'updateJson' | 'publish' | 'get';

const STEP_TEXT: Readonly<Record<FlowCreateStep, string>> = {
  updateJson: 'uploading its Flow JSON',
  publish: 'publishing it',
  get: 'reading it back',
};

/**
 * Marks the error of a step that `flows.create` ran after the vendor made the flow, so that the
 * caller carries on with that flow instead of creating it a second time (which the taken name
 * would refuse): the message starts by saying so, `details` carries `{ flowId, created: true,
 * step }`, and `outcome` becomes `unknown`. The outcome speaks for the call: the flow exists, so
 * `not-sent` (a check before a later step) or `failed` (the vendor refused a later step) would
 * tell a caller that nothing happened and a retry is safe. `unknown` is the outcome that says
 * something may have been applied and must not be retried blindly; `details.created` says what.
 * The error keeps its class, request id and `retryable` (which speaks of the failed step).
 * Anything that is not a BspError (the caller's abort reason) is left as it is.
 */
export function noteFlowCreated(error: unknown, flowId: string, name: string, step: FlowCreateStep): unknown {
  if (!BspError.isInstance(error)) return error;
  error.outcome = 'unknown';
  const before = `${error.name}: ${error.message}`;
  error.message = `Flow ${flowId} ('${name}') was created, but ${STEP_TEXT[step]} failed; carry on with flow ${flowId} instead of creating it again. ${error.message}`;
  if (error.stack?.startsWith(before)) {
    error.stack = `${error.name}: ${error.message}${error.stack.slice(before.length)}`;
  }
  error.details = { ...error.details, flowId, created: true, step };
  return error;
}
